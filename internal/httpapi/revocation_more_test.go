package httpapi_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

const (
	incorrectCode = "Incorrect code provided"
	blockedMsg    = "Your account has been blocked by an administrator"
)

// TestResetCodeDiesWithPasswordWritesAndBlocks: a pending reset code stops working when the
// password is written another way (change-password, an administrator's PUT) or the user is
// blocked (the CLI's block, a PUT with blocked: true), even once unblocked; a blocked
// user's reset is refused as their login is.
func TestResetCodeDiesWithPasswordWritesAndBlocks(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		admin := apiToken(t, e, access.TokenFullAccess)
		reset := func(code string) apitest.Response {
			return e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "reset1234", "passwordConfirmation": "reset1234"})
		}
		cases := []struct {
			name  string
			write func(t *testing.T, jwt string, id int64)
		}{
			{"change-password", func(t *testing.T, jwt string, _ int64) {
				revChangePassword(t, e, jwt)
			}},
			{"PUT password", func(t *testing.T, _ string, id int64) {
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), admin, `{"password":"put12345"}`); r.Status != 200 {
					t.Fatalf("PUT: %d %s", r.Status, r.Body)
				}
			}},
			{"PUT blocked, then unblocked", func(t *testing.T, _ string, id int64) {
				for _, b := range []string{`{"blocked":true}`, `{"blocked":false}`} {
					if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), admin, b); r.Status != 200 {
						t.Fatalf("PUT %s: %d %s", b, r.Status, r.Body)
					}
				}
			}},
			{"CLI block, then unblock", func(t *testing.T, _ string, id int64) {
				for _, b := range []bool{true, false} {
					if err := auth.SetBlocked(t.Context(), e.Store, id, b); err != nil {
						t.Fatal(err)
					}
				}
			}},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				email := fmt.Sprintf("rider%d@example.com", i)
				jwt, id := e.Register(fmt.Sprintf("rider%d", i), email, "secret123")
				if r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": email}); r.Status != 200 {
					t.Fatalf("forgot-password: %d %s", r.Status, r.Body)
				}
				code := resetCode(t, e, email, 1)
				c.write(t, jwt, id)
				wantError(t, reset(code), 400, "ValidationError", incorrectCode, "")
			})
		}

		t.Run("a blocked user with a code is refused as at login", func(t *testing.T) {
			_, id := e.Register("carol", "carol@example.com", "secret123")
			if err := auth.SetBlocked(t.Context(), e.Store, id, true); err != nil {
				t.Fatal(err)
			}
			// A code that outlived the block (written as an older version left it).
			err := e.Store.Q.SetResetPasswordToken(t.Context(), db.SetResetPasswordTokenParams{
				ID: id, TokenHash: ptr(auth.TokenHash("stale-code")), ExpiresAt: ptr(time.Now().Add(time.Hour).UTC()), Now: time.Now().UTC(),
			})
			if err != nil {
				t.Fatal(err)
			}
			wantError(t, reset("stale-code"), 403, "ForbiddenError", blockedMsg, "")
			if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "carol", "password": "secret123"}); r.Status != 403 {
				t.Fatalf("the refused reset set the password: login %d %s", r.Status, r.Body)
			}
		})
	})
}

// TestUnblockDoesNotReviveTokens: blocking moves the cut-off of the user's legacy tokens
// (D5), so the tokens of before a block stay dead once the user is unblocked; a new login
// works.
func TestUnblockDoesNotReviveTokens(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		admin := apiToken(t, e, access.TokenFullAccess)
		ways := []struct {
			name       string
			block      func(t *testing.T, id int64, blocked bool)
			blockedMsg string
		}{
			{"PUT /api/users/:id", func(t *testing.T, id int64, blocked bool) {
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), admin, fmt.Sprintf(`{"blocked":%v}`, blocked)); r.Status != 200 {
					t.Fatalf("PUT: %d %s", r.Status, r.Body)
				}
			}, ""},
			{"mtb-api users block", func(t *testing.T, id int64, blocked bool) {
				if err := auth.SetBlocked(t.Context(), e.Store, id, blocked); err != nil {
					t.Fatal(err)
				}
			}, ""},
		}
		for i, w := range ways {
			t.Run(w.name, func(t *testing.T) {
				name := fmt.Sprintf("dave%d", i)
				jwt, id := e.Register(name, name+"@example.com", "secret123")
				login := jsonField(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": name, "password": "secret123"}), "jwt")
				w.block(t, id, true)
				for _, tok := range []string{jwt, login} {
					wantError(t, revMe(e, tok), 401, "UnauthorizedError", "Invalid credentials", "")
				}
				w.block(t, id, false)
				for _, tok := range []string{jwt, login} {
					wantError(t, revMe(e, tok), 401, "UnauthorizedError", "Missing or invalid credentials", "")
				}
				fresh := jsonField(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": name, "password": "secret123"}), "jwt")
				if r := revMe(e, fresh); r.Status != 200 {
					t.Fatalf("a login after the unblock: %d %s", r.Status, r.Body)
				}
			})
		}
	})
}

// TestChangePasswordRefreshModeKeepsNothing: decision D5's amendment is for legacy mode;
// in refresh mode a password change ends every session, the caller's included, and
// answers a new one (Strapi's reissueTokensAfterPasswordChange).
func TestChangePasswordRefreshModeKeepsNothing(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, refreshMode)
		e.Register("erin", "erin@example.com", "secret123")
		access := jsonField(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "erin", "password": "secret123"}), "jwt")
		r := revChangePasswordFrom(t, e, access)
		wantError(t, revMe(e, access), 401, "UnauthorizedError", "Missing or invalid credentials", "")
		if r := revMe(e, jsonField(t, r, "jwt")); r.Status != 200 {
			t.Fatalf("the new session's token: %d %s", r.Status, r.Body)
		}
	})
}

// TestRegistrationIdentifierRace: 50 registrations at once, in 25 pairs where one's
// username is the other's email. Exactly one of each pair gets the account, on both
// engines: the identifiers are checked under a lock in the transaction that creates the
// user (no unique index covers a username equal to another account's email).
func TestRegistrationIdentifierRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		const pairs = 25
		responses := concurrently(t, 2*pairs, func(i int) (apitest.Response, error) {
			p := i / 2
			body := fmt.Sprintf(`{"username":"rider%d","email":"shared%d@example.com","password":"secret123"}`, p, p)
			if i%2 == 1 { // the other's email as username
				body = fmt.Sprintf(`{"username":"shared%d@example.com","email":"other%d@example.com","password":"secret123"}`, p, p)
			}
			return tryJSON(e, "POST", "/api/auth/local/register", body)
		})
		for p := range pairs {
			wantOneWinner(t, responses[2*p:2*p+2], 200, loser{400, "ApplicationError", "Email or Username are already taken"})
		}
		// No account's username is another account's email.
		var clash int64
		err := e.Query(
			"SELECT count(*) FROM up_users a JOIN up_users b ON a.id <> b.id AND a.username = lower(b.email)", nil,
			func(scan func(...any) error) error { return scan(&clash) })
		if err != nil || clash != 0 {
			t.Fatalf("%d clashing accounts (%v)", clash, err)
		}
		if r := e.Do("GET", "/api/users/count", nil); r.Status == 200 && strings.TrimSpace(string(r.Body)) != fmt.Sprint(pairs) {
			t.Fatalf("count %s, want %d", r.Body, pairs)
		}
	})
}

// TestResolveMailUnderLease: preparing a requested mail (a reset code and its mail, in one
// transaction) writes nothing when another sender has claimed the row meanwhile: the code
// made for it is rolled back, and the row stays for that sender.
func TestResolveMailUnderLease(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		_, id := e.Register("erin", "erin@example.com", "secret123")
		now := e.Clock.Now().UTC()
		// A request for a reset mail that another sender holds (its lease token is not ours),
		// due far in the future so that the running sender leaves it alone.
		if _, err := e.Exec("INSERT INTO mail_outbox (kind, recipient, status, next_attempt_at, created_at, lease_token) VALUES ($1, $2, $3, $4, $5, $6)",
			auth.MailResetPassword, "erin@example.com", "requested", now.Add(24*time.Hour), now, "the-other-sender"); err != nil {
			t.Fatal(err)
		}
		var m db.MailOutbox
		err := e.Query("SELECT id FROM mail_outbox WHERE recipient = $1", []any{"erin@example.com"}, func(scan func(...any) error) error { return scan(&m.ID) })
		if err != nil || m.ID == 0 {
			t.Fatalf("outbox row: %v", err)
		}
		m.Kind, m.Recipient, m.Status, m.LeaseToken = auth.MailResetPassword, "erin@example.com", "requested", ptr("our-expired-lease")
		if err := e.App.Auth.ResolveMailRequest(t.Context(), m); !errors.Is(err, auth.ErrMailLeaseLost) {
			t.Fatalf("resolve under a lost lease: %v, want ErrMailLeaseLost", err)
		}
		u, err := e.Store.Q.GetUser(t.Context(), id)
		if err != nil || u.ResetPasswordTokenHash != nil {
			t.Fatalf("a reset code was stored for a mail that was not written: %v %v", u.ResetPasswordTokenHash, err)
		}
		var status string
		err = e.Query("SELECT status FROM mail_outbox WHERE id = $1", []any{m.ID}, func(scan func(...any) error) error { return scan(&status) })
		if err != nil || status != "requested" {
			t.Fatalf("the other sender's row: %q %v", status, err)
		}
		// Under its own lease, the same request is prepared.
		m.LeaseToken = ptr("the-other-sender")
		if err := e.App.Auth.ResolveMailRequest(t.Context(), m); err != nil {
			t.Fatal(err)
		}
		if u, err := e.Store.Q.GetUser(t.Context(), id); err != nil || u.ResetPasswordTokenHash == nil {
			t.Fatalf("no reset code after the resolve: %v", err)
		}
	})
}
