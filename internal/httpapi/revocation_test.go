package httpapi_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

// TestPasswordSetRevokesEarlierChange: a password reset and a password set through
// PUT /api/users/:id revoke every legacy JWT issued so far (decision D5), the one an earlier
// change-password issued included, and the one that change kept working (D5 amended). The
// new token's iat is the tokens_valid_after the change stored (now + 1), so the later write
// must move tokens_valid_after strictly past it, even in the same second, or when the change
// ran on an instance whose clock is ahead. (A change-password clears a pending reset code,
// so the reset's code is asked for after the change.)
func TestPasswordSetRevokesEarlierChange(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		admin := apiToken(t, e, access.TokenFullAccess)
		seq := 0

		// Each way of setting a password: prepare readies it for the user (the reset's code
		// comes by mail, which takes a moment) and returns what sets it, at once.
		setters := []struct {
			name    string
			prepare func(t *testing.T, email string, id int64) func() apitest.Response
		}{
			{"reset-password", func(t *testing.T, email string, _ int64) func() apitest.Response {
				if r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": email}); r.Status != 200 {
					t.Fatalf("forgot-password: %d %s", r.Status, r.Body)
				}
				code := resetCode(t, e, email, 1)
				return func() apitest.Response {
					return e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "reset1234", "passwordConfirmation": "reset1234"})
				}
			}},
			{"PUT /api/users/:id", func(t *testing.T, _ string, id int64) func() apitest.Response {
				return func() apitest.Response {
					return asJSON(e, "PUT", "/api/users/"+strconv.FormatInt(id, 10), admin, `{"password":"put12345"}`)
				}
			}},
		}
		for _, set := range setters {
			// newUser registers a user and readies the password write for them.
			newUser := func(t *testing.T) (jwt, email string, id int64, write func() apitest.Response) {
				seq++
				name := fmt.Sprintf("user%d", seq)
				email = name + "@example.com"
				jwt, id = e.Register(name, email, "secret123")
				return jwt, email, id, set.prepare(t, email, id)
			}

			t.Run(set.name+" after a change-password in the same second", func(t *testing.T) {
				seq++
				name := fmt.Sprintf("user%d", seq)
				jwt, id := e.Register(name, name+"@example.com", "secret123")
				// Start at the beginning of a second of the service's clock, so that the change
				// and the write (a few milliseconds with the tests' bcrypt cost) share it.
				now := e.Clock.Now()
				e.Clock.Advance(now.Truncate(time.Second).Add(time.Second + 5*time.Millisecond).Sub(now))
				start := e.Clock.Now().Unix()
				changed := revChangePassword(t, e, jwt)
				afterChange := revTokensValidAfter(t, e, id)
				write := set.prepare(t, name+"@example.com", id)
				if r := write(); r.Status != 200 {
					t.Fatalf("%s: %d %s", set.name, r.Status, r.Body)
				}
				if e.Clock.Now().Unix() != start {
					t.Log("the change and the write did not share a second: the check below is weaker")
				}
				if got := revTokensValidAfter(t, e, id); got <= afterChange {
					t.Fatalf("tokens_valid_after %d after the %s, %d after the change: it must move forward", got, set.name, afterChange)
				}
				wantError(t, revMe(e, changed), 401, "UnauthorizedError", "Missing or invalid credentials", "")
				wantError(t, revMe(e, jwt), 401, "UnauthorizedError", "Missing or invalid credentials", "") // the kept one
			})

			t.Run(set.name+" after a change-password on an instance whose clock is ahead", func(t *testing.T) {
				_, _, id, write := newUser(t)
				// What a change-password (or a logout of every session) on an instance 60 s ahead
				// leaves: tokens_valid_after in the future, and a token issued at it.
				if err := e.Store.Q.RevokeUserTokens(t.Context(), db.RevokeUserTokensParams{ID: id, Now: e.Clock.Now().Unix() + 60}); err != nil {
					t.Fatal(err)
				}
				ahead := revTokensValidAfter(t, e, id)
				skewed, err := auth.NewTokens(apitest.Secret, 30*24*time.Hour, nil).Issue(id, ahead)
				if err != nil {
					t.Fatal(err)
				}
				if r := revMe(e, skewed); r.Status != 200 {
					t.Fatalf("the token issued at tokens_valid_after before the %s: %d %s", set.name, r.Status, r.Body)
				}
				if r := write(); r.Status != 200 {
					t.Fatalf("%s: %d %s", set.name, r.Status, r.Body)
				}
				if got := revTokensValidAfter(t, e, id); got <= ahead {
					t.Fatalf("tokens_valid_after %d after the %s, %d before: it must move forward", got, set.name, ahead)
				}
				wantError(t, revMe(e, skewed), 401, "UnauthorizedError", "Missing or invalid credentials", "")
			})
		}
	})
}

// revChangePassword changes the password of the token's user from secret123 and returns the
// token the change answers.
func revChangePassword(t *testing.T, e *apitest.Env, jwt string) string {
	t.Helper()
	return jsonField(t, revChangePasswordFrom(t, e, jwt), "jwt")
}

// revChangePasswordFrom changes the password of the token's user from secret123 and
// returns the answer.
func revChangePasswordFrom(t *testing.T, e *apitest.Env, jwt string) apitest.Response {
	t.Helper()
	r := e.PostJSON("/api/auth/change-password",
		map[string]string{"currentPassword": "secret123", "password": "changed123", "passwordConfirmation": "changed123"},
		"Authorization", "Bearer "+jwt)
	if r.Status != 200 {
		t.Fatalf("change-password: %d %s", r.Status, r.Body)
	}
	return r
}

func revTokensValidAfter(t *testing.T, e *apitest.Env, id int64) int64 {
	t.Helper()
	u, err := e.Store.Q.GetUser(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return u.TokensValidAfter
}

func revMe(e *apitest.Env, jwt string) apitest.Response {
	return e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt)
}
