package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/mail"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

// ---- change password (contract §7.7)

func TestChangePassword(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		// Alice on two devices: jwt0 (this one, which changes the password) and jwt1, logged
		// in within the same second (their tokens still differ: each carries its own jti).
		jwt0, aliceID := e.Register("alice", "alice@example.com", "secret123")
		jwt1 := jsonField(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}), "jwt")
		if jwt0 == jwt1 {
			t.Fatal("two logins gave the same token")
		}
		change := func(token, body string, header ...string) apitest.Response {
			h := append([]string{"Content-Type", "application/json"}, header...)
			if token != "" {
				h = append(h, "Authorization", "Bearer "+token)
			}
			return e.Do("POST", "/api/auth/change-password", []byte(body), h...)
		}
		long73, e74 := strings.Repeat("b", 73), strings.Repeat("é", 37)
		refused := []struct {
			name, token, body string
			status            int
			errName, msg      string
			fields            string
		}{
			{"no token", "", `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123"}`,
				403, "ForbiddenError", "Forbidden", ""},
			{"bad token", "not.a.jwt", `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123"}`,
				401, "UnauthorizedError", "Missing or invalid credentials", ""},
			{"missing fields, in yup's order", jwt0, `{}`, 400, "ValidationError", "3 errors occurred",
				`[{"path":["passwordConfirmation"],"message":"passwordConfirmation is a required field","name":"ValidationError"},
				  {"path":["password"],"message":"password is a required field","name":"ValidationError"},
				  {"path":["currentPassword"],"message":"currentPassword is a required field","name":"ValidationError"}]`},
			{"passwords do not match", jwt0, `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed999"}`,
				400, "ValidationError", "Passwords do not match",
				`[{"path":["passwordConfirmation"],"message":"Passwords do not match","name":"ValidationError","value":"changed999"}]`},
			{"wrong current password", jwt0, `{"currentPassword":"wrong-pass","password":"changed123","passwordConfirmation":"changed123"}`,
				400, "ValidationError", "The provided current password is invalid", ""},
			{"same as the current one", jwt0, `{"currentPassword":"secret123","password":"secret123","passwordConfirmation":"secret123"}`,
				400, "ValidationError", "Your new password must be different than your current password", ""},
			{"wrong current password is checked first", jwt0, `{"currentPassword":"wrong-pass","password":"wrong-pass","passwordConfirmation":"wrong-pass"}`,
				400, "ValidationError", "The provided current password is invalid", ""},
			{"73 bytes", jwt0, `{"currentPassword":"secret123","password":"` + long73 + `","passwordConfirmation":"` + long73 + `"}`,
				400, "ValidationError", "Password must be less than 73 bytes",
				`[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + long73 + `"}]`},
			{"37 characters, 74 bytes", jwt0, `{"currentPassword":"secret123","password":"` + e74 + `","passwordConfirmation":"` + e74 + `"}`,
				400, "ValidationError", "Password must be less than 73 bytes",
				`[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + e74 + `"}]`},
			{"too short", jwt0, `{"currentPassword":"secret123","password":"12345","passwordConfirmation":"12345"}`,
				400, "ValidationError", "password must be at least 6 characters",
				`[{"path":["password"],"message":"password must be at least 6 characters","name":"ValidationError","value":"12345"}]`},
			{"not a string", jwt0, `{"currentPassword":"secret123","password":123456,"passwordConfirmation":"123456"}`,
				400, "ValidationError", "password must be a `string` type, but the final value was: `123456`.",
				"[{\"path\":[\"password\"],\"message\":\"password must be a `string` type, but the final value was: `123456`.\",\"name\":\"ValidationError\",\"value\":123456}]"},
			{"extra key", jwt0, `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123","foo":1}`,
				400, "ValidationError", "this field has unspecified keys: foo",
				`[{"path":[],"message":"this field has unspecified keys: foo","name":"ValidationError","value":{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123","foo":1}}]`},
			{"empty body", jwt0, ``, 400, "ValidationError", "Request body cannot be empty", ""},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				wantError(t, change(c.token, c.body), c.status, c.errName, c.msg, c.fields)
			})
		}

		// The refusals changed nothing.
		r := change(jwt0, `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123"}`)
		if r.Status != 200 {
			t.Fatalf("change: %d %s", r.Status, r.Body)
		}
		var out struct {
			JWT  string         `json:"jwt"`
			User map[string]any `json:"user"`
		}
		if err := json.Unmarshal(r.Body, &out); err != nil {
			t.Fatal(err)
		}
		if out.User["username"] != "alice" || out.User["email"] != "alice@example.com" || len(out.User) != 10 {
			t.Fatalf("user %v", out.User)
		}
		checkLegacyJWT(t, out.JWT, aliceID)

		// The @nuxtjs/strapi flow (its changePassword keeps the old token and ignores the new
		// one): decision D5 amended.
		t.Run("the token that made the change keeps working, the other device's dies (D5)", func(t *testing.T) {
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt0); r.Status != 200 {
				t.Fatalf("the token that made the change: %d %s", r.Status, r.Body)
			}
			wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt1),
				401, "UnauthorizedError", "Missing or invalid credentials", "")
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+out.JWT); r.Status != 200 {
				t.Fatalf("the token of the change: %d %s", r.Status, r.Body)
			}
		})
		t.Run("the old password fails, the new one works", func(t *testing.T) {
			wantError(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}),
				400, "ValidationError", "Invalid identifier or password", "")
			if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "changed123"}); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})
		t.Run("a second change at once revokes every token but its own", func(t *testing.T) {
			r := change(out.JWT, "currentPassword=changed123&password=changed456&passwordConfirmation=changed456",
				"Content-Type", "application/x-www-form-urlencoded")
			if r.Status != 200 {
				t.Fatalf("form-encoded change: %d %s", r.Status, r.Body)
			}
			// jwt0, kept by the first change, dies with the second, made with another token.
			for _, old := range []string{jwt0, jwt1} {
				wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+old),
					401, "UnauthorizedError", "Missing or invalid credentials", "")
			}
			for _, kept := range []string{out.JWT, jsonField(t, r, "jwt")} {
				if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+kept); r.Status != 200 {
					t.Fatalf("the token that made the second change, or its answer: %d %s", r.Status, r.Body)
				}
			}
		})
		t.Run("a blocked user's token is refused", func(t *testing.T) {
			jwt, id := e.Register("carol", "carol@example.com", "secret123")
			block(t, e, id)
			wantError(t, change(jwt, `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123"}`),
				401, "UnauthorizedError", "Invalid credentials", "")
		})
	})
}

// TestChangePasswordRace: concurrent changes with the same current password; exactly one
// succeeds (one guarded update), and its password is the one that works.
func TestChangePasswordRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		const n = 8
		passwords := make([]string, n)
		for i := range n {
			passwords[i] = "racepass" + string(rune('a'+i))
		}
		responses := concurrently(t, n, func(i int) (apitest.Response, error) {
			return tryJSON(e, "POST", "/api/auth/change-password",
				`{"currentPassword":"secret123","password":"`+passwords[i]+`","passwordConfirmation":"`+passwords[i]+`"}`,
				"Authorization", "Bearer "+jwt)
		})
		winner := wantOneWinner(t, responses, 200,
			loser{400, "ValidationError", "The provided current password is invalid"},
			loser{401, "UnauthorizedError", "Missing or invalid credentials"}) // authenticated after the winner revoked the token
		if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": passwords[winner]}); r.Status != 200 {
			t.Fatalf("the winner's password does not log in: %d %s", r.Status, r.Body)
		}
	})
}

// ---- email confirmation (contract §5.3, §7.2 steps 7–8, §7.8, §7.9)

var confirmationInMail = regexp.MustCompile(`\?confirmation=([0-9a-f]+)<`)

// confirmationCode waits for the n-th confirmation mail to `to` and returns its token.
func confirmationCode(t *testing.T, e *apitest.Env, to string, n int) string {
	t.Helper()
	return mailToken(t, e, to, n, "Account confirmation", confirmationInMail)
}

func confirmationOn(c *config.Config) { c.Advanced["email_confirmation"] = "true" }

func confirm(e *apitest.Env, token string, header ...string) apitest.Response {
	return e.Do("GET", "/api/auth/email-confirmation?confirmation="+token, nil, header...)
}

func wantRedirect(t *testing.T, r apitest.Response, location, contentType, body string) {
	t.Helper()
	if r.Status != 302 || r.Header.Get("Location") != location || r.Header.Get("Content-Type") != contentType || string(r.Body) != body {
		t.Fatalf("%d Location %q Content-Type %q body %q; want 302 %q %q %q",
			r.Status, r.Header.Get("Location"), r.Header.Get("Content-Type"), r.Body, location, contentType, body)
	}
}

func storedUser(t *testing.T, e *apitest.Env, email string) db.UpUser {
	t.Helper()
	u, err := e.Store.Q.GetUserByEmail(t.Context(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestEmailConfirmation(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, confirmationOn)

		r := e.PostJSON("/api/auth/local/register", map[string]string{"username": "dave", "email": "Dave@Example.com", "password": "secret123"})
		var reg map[string]map[string]any
		if err := json.Unmarshal(r.Body, &reg); r.Status != 200 || err != nil {
			t.Fatalf("register: %d %s", r.Status, r.Body)
		}
		if _, ok := reg["jwt"]; ok || len(reg) != 1 || reg["user"]["confirmed"] != false || reg["user"]["email"] != "dave@example.com" {
			t.Fatalf("register answered %s; want {user} only, unconfirmed", r.Body)
		}
		first := confirmationCode(t, e, "dave@example.com", 1)

		t.Run("register sends exactly one mail, Strapi's", func(t *testing.T) {
			// Nothing else is on its way: every mail of the outbox was sent, and it was one.
			var pending int64
			err := e.Query("SELECT count(*) FROM mail_outbox WHERE status <> 'sent'", nil, func(scan func(...any) error) error { return scan(&pending) })
			if err != nil || pending != 0 {
				t.Fatalf("%d mails still in the outbox (%v)", pending, err)
			}
			if n := len(e.Mail.Messages()); n != 1 {
				t.Fatalf("%d mails, want 1", n)
			}
			m := mailsTo(e, "dave@example.com")[0]
			from, err := mail.ParseAddress(m.Header.Get("From"))
			if err != nil || from.Name != "Administration Panel" || from.Address != "no-reply@strapi.io" || m.From != "no-reply@strapi.io" {
				t.Fatalf("From %q envelope %q (%v)", m.Header.Get("From"), m.From, err)
			}
			want := "<p>Thank you for registering!</p>\n\n" +
				"<p>You have to confirm your email address. Please click on the link below.</p>\n\n" +
				"<p>http://127.0.0.1:1337/api/auth/email-confirmation?confirmation=" + first + "</p>\n\n<p>Thanks.</p>"
			if m.Text != want || m.HTML != want {
				t.Fatalf("mail\ntext %q\nhtml %q\nwant %q", m.Text, m.HTML, want)
			}
			if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(first) {
				t.Fatalf("token %q: want 40 hex characters as Strapi's", first)
			}
		})
		t.Run("the token is stored as its SHA-256, with an expiry", func(t *testing.T) {
			u := storedUser(t, e, "dave@example.com")
			sum := sha256.Sum256([]byte(first))
			if u.ConfirmationTokenHash == nil || *u.ConfirmationTokenHash != hex.EncodeToString(sum[:]) {
				t.Fatalf("stored token %v; want the SHA-256 of the mailed one", u.ConfirmationTokenHash)
			}
			if u.ConfirmationExpiresAt == nil || time.Until(*u.ConfirmationExpiresAt) < 23*time.Hour || time.Until(*u.ConfirmationExpiresAt) > 24*time.Hour {
				t.Fatalf("expiry %v, want in 24 hours", u.ConfirmationExpiresAt)
			}
			if strings.Contains(e.Logs.String(), first) {
				t.Fatal("the confirmation token was logged")
			}
		})
		t.Run("login before confirmation", func(t *testing.T) {
			wantError(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "dave", "password": "secret123"}),
				400, "ApplicationError", "Your account email is not confirmed", "")
			wantError(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "dave", "password": "wrong-pass"}),
				400, "ValidationError", "Invalid identifier or password", "")
		})

		// A resend replaces the token: the first link stops working.
		r = e.PostJSON("/api/auth/send-email-confirmation", map[string]string{"email": "DAVE@example.COM"})
		if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"email":"dave@example.com","sent":true}` {
			t.Fatalf("resend: %d %s", r.Status, r.Body)
		}
		second := confirmationCode(t, e, "dave@example.com", 2)
		if second == first {
			t.Fatal("the resend mailed the same token")
		}
		refused := []struct{ name, query string }{
			{"wrong token", "?confirmation=wrongtoken"},
			{"the token replaced by the resend", "?confirmation=" + first},
			{"the token in upper case", "?confirmation=" + strings.ToUpper(second)},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				wantError(t, e.Do("GET", "/api/auth/email-confirmation"+c.query, nil), 400, "ValidationError", "Invalid token", "")
			})
		}
		for _, q := range []string{"", "?confirmation=", "?other=1"} {
			t.Run("missing token "+q, func(t *testing.T) {
				fields := `[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError"}]`
				if q == "?confirmation=" {
					fields = `[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError","value":""}]`
				}
				wantError(t, e.Do("GET", "/api/auth/email-confirmation"+q, nil), 400, "ValidationError", "confirmation is a required field", fields)
			})
		}

		wantRedirect(t, confirm(e, second), "/", "text/html; charset=utf-8", "Redirecting to /.")
		u := storedUser(t, e, "dave@example.com")
		if !u.Confirmed || u.ConfirmationTokenHash != nil || u.ConfirmationExpiresAt != nil {
			t.Fatalf("after confirmation: confirmed %v, token %v, expiry %v", u.Confirmed, u.ConfirmationTokenHash, u.ConfirmationExpiresAt)
		}
		t.Run("the token works once", func(t *testing.T) {
			wantError(t, confirm(e, second), 400, "ValidationError", "Invalid token", "")
		})
		t.Run("login after confirmation", func(t *testing.T) {
			if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "dave", "password": "secret123"}); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})

		t.Run("send-email-confirmation answers", func(t *testing.T) {
			_, erinID := registerUnconfirmed(t, e, "erin", "erin@example.com")
			block(t, e, erinID)
			registerUnconfirmed(t, e, "frank", "frank@example.com")
			cases := []struct {
				name, body   string
				status       int
				errName, msg string
				fields       string
				answer       string
			}{
				{"unknown email, echoed as sent", `{"email":"NoBody@X.com"}`, 200, "", "", "", `{"email":"NoBody@X.com","sent":true}`},
				{"confirmed", `{"email":"dave@example.com"}`, 400, "ApplicationError", "Already confirmed", "", ""},
				{"blocked", `{"email":"erin@example.com"}`, 400, "ApplicationError", "User blocked", "", ""},
				{"other keys are allowed", `{"email":"NoBody@X.com","foo":1}`, 200, "", "", "", `{"email":"NoBody@X.com","sent":true}`},
				{"missing email", `{}`, 400, "ValidationError", "email is a required field",
					`[{"path":["email"],"message":"email is a required field","name":"ValidationError"}]`, ""},
				{"invalid email", `{"email":"nope"}`, 400, "ValidationError", "email must be a valid email",
					`[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"nope"}]`, ""},
			}
			for _, c := range cases {
				r := e.Do("POST", "/api/auth/send-email-confirmation", []byte(c.body), "Content-Type", "application/json")
				if c.status == 200 {
					if r.Status != 200 || strings.TrimSpace(string(r.Body)) != c.answer {
						t.Fatalf("%s: %d %s", c.name, r.Status, r.Body)
					}
					continue
				}
				wantError(t, r, c.status, c.errName, c.msg, c.fields)
			}
			// Confirmed is checked before blocked.
			block(t, e, u.ID)
			wantError(t, e.PostJSON("/api/auth/send-email-confirmation", map[string]string{"email": "dave@example.com"}),
				400, "ApplicationError", "Already confirmed", "")
			// A form post works too; the queued requests before it were resolved first,
			// and none of them mailed the unknown or the blocked address.
			r := e.Do("POST", "/api/auth/send-email-confirmation", []byte("email=frank%40example.com"), "Content-Type", "application/x-www-form-urlencoded")
			if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"email":"frank@example.com","sent":true}` {
				t.Fatalf("form post: %d %s", r.Status, r.Body)
			}
			confirmationCode(t, e, "frank@example.com", 2)
			if n := countMails(e, "nobody@x.com") + countMails(e, "NoBody@X.com") + countMails(e, "erin@example.com"); n != 1 {
				for _, m := range e.Mail.Messages() {
					t.Logf("mail to %v: %s", m.To, m.Subject)
				}
				t.Fatalf("%d mails to unknown or blocked accounts (erin's registration mail only expected)", n)
			}
		})
		t.Run("an unconfirmed blocked user is told first that the email is not confirmed", func(t *testing.T) {
			wantError(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "erin", "password": "secret123"}),
				400, "ApplicationError", "Your account email is not confirmed", "")
		})
	})
}

// registerUnconfirmed registers a user while email confirmation is on and returns the
// token of its confirmation mail and its id.
func registerUnconfirmed(t *testing.T, e *apitest.Env, username, email string) (string, int64) {
	t.Helper()
	before := len(mailsWith(e, email, "Account confirmation"))
	r := e.PostJSON("/api/auth/local/register", map[string]string{"username": username, "email": email, "password": "secret123"})
	if r.Status != 200 {
		t.Fatalf("register %s: %d %s", username, r.Status, r.Body)
	}
	var out struct {
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil {
		t.Fatal(err)
	}
	return confirmationCode(t, e, email, before+1), out.User.ID
}

// TestEmailConfirmationRedirect: the redirect is Koa's ctx.redirect: the configured page,
// with a text or HTML body depending on Accept.
func TestEmailConfirmationRedirect(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, confirmationOn)
		n := 0
		for _, c := range []struct {
			name, setting, accept, location, contentType, body string
		}{
			{"default, a browser", "", "text/html,application/xhtml+xml,*/*;q=0.8", "/", "text/html; charset=utf-8", "Redirecting to /."},
			{"default, a JSON client", "", "application/json", "/", "text/plain; charset=utf-8", "Redirecting to /."},
			{"configured page", "https://race.example/email-confirmed", "", "https://race.example/email-confirmed",
				"text/html; charset=utf-8", "Redirecting to https://race.example/email-confirmed."},
			{"a host only gets its slash, as WHATWG's URL", "https://Race.Example", "text/plain", "https://race.example/",
				"text/plain; charset=utf-8", "Redirecting to https://race.example/."},
			{"query of an absolute URL encoded as WHATWG's URL", "https://race.example/ok?from=mail&x=<b>", "text/html",
				"https://race.example/ok?from=mail&x=%3Cb%3E", "text/html; charset=utf-8", "Redirecting to https://race.example/ok?from=mail&amp;x=%3Cb%3E."},
			{"a path: Location encoded, HTML escaped", "/welcome?a=1&b=<x y>", "text/html", "/welcome?a=1&b=%3Cx%20y%3E",
				"text/html; charset=utf-8", "Redirecting to /welcome?a=1&amp;b=&lt;x y&gt;."},
			{"a path, as text", "/welcome?a=1&b=<x y>", "text/plain", "/welcome?a=1&b=%3Cx%20y%3E",
				"text/plain; charset=utf-8", "Redirecting to /welcome?a=1&b=<x y>."},
		} {
			t.Run(c.name, func(t *testing.T) {
				err := e.App.Auth.Settings.UpdateAdvanced(t.Context(), func(a *settings.Advanced) error {
					return a.Set("email_confirmation_redirection", c.setting)
				})
				if err != nil {
					t.Fatal(err)
				}
				n++
				token, _ := registerUnconfirmed(t, e, fmt.Sprintf("dave%d", n), fmt.Sprintf("dave%d@example.com", n))
				var h []string
				if c.accept != "" {
					h = []string{"Accept", c.accept}
				}
				wantRedirect(t, confirm(e, token, h...), c.location, c.contentType, c.body)
			})
		}
	})
}

// TestEmailConfirmationExpires: a token past its lifetime answers like a wrong one (D4).
func TestEmailConfirmationExpires(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, confirmationOn) // the default lifetime, 24 hours
		token, _ := registerUnconfirmed(t, e, "dave", "dave@example.com")
		e.MailSettled() // the lease must not expire under a delivered mail
		e.Clock.Advance(24*time.Hour + time.Second)
		wantError(t, confirm(e, token), 400, "ValidationError", "Invalid token", "")
		if storedUser(t, e, "dave@example.com").Confirmed {
			t.Fatal("an expired token confirmed the user")
		}
		// A resend gives a fresh token.
		e.PostJSON("/api/auth/send-email-confirmation", map[string]string{"email": "dave@example.com"})
		wantRedirect(t, confirm(e, confirmationCode(t, e, "dave@example.com", 2)), "/", "text/html; charset=utf-8", "Redirecting to /.")
	})
}

// TestEmailConfirmationWithoutTheSetting: the confirmation routes work with
// email_confirmation off, as in Strapi; register then confirms at once and sends nothing.
func TestEmailConfirmationWithoutTheSetting(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		if jwt == "" {
			t.Fatal("register without email confirmation gave no JWT")
		}
		wantError(t, e.PostJSON("/api/auth/send-email-confirmation", map[string]string{"email": "alice@example.com"}),
			400, "ApplicationError", "Already confirmed", "")
		// An account left unconfirmed (say, created by an administrator).
		now := time.Now().UTC()
		_, err := e.Store.Q.CreateUser(t.Context(), db.CreateUserParams{
			DocumentID: "gx2b4w0yq1x9c8v7b6n5m4l3", Username: "gina", Email: "gina@example.com", Provider: "local",
			RoleID: ptr(int64(1)), Now: now,
		})
		if err != nil {
			t.Fatal(err)
		}
		r := e.PostJSON("/api/auth/send-email-confirmation", map[string]string{"email": "gina@example.com"})
		if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"email":"gina@example.com","sent":true}` {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		wantRedirect(t, confirm(e, confirmationCode(t, e, "gina@example.com", 1)), "/", "text/html; charset=utf-8", "Redirecting to /.")
		if !storedUser(t, e, "gina@example.com").Confirmed {
			t.Fatal("not confirmed")
		}
		if n := countMails(e, "alice@example.com"); n != 0 {
			t.Fatalf("%d mails to alice", n)
		}
	})
}

// TestEmailConfirmationRace: one token used many times at once confirms exactly once.
func TestEmailConfirmationRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, confirmationOn)
		token, _ := registerUnconfirmed(t, e, "dave", "dave@example.com")
		responses := concurrently(t, 8, func(int) (apitest.Response, error) {
			return e.Try("GET", "/api/auth/email-confirmation?confirmation="+token, nil)
		})
		wantOneWinner(t, responses, 302, loser{400, "ValidationError", "Invalid token"})
	})
}

// ---- OAuth providers (none enabled, §7.3–7.4) and the session routes (refresh mode, §7.10–7.13)

func TestProvidersDisabled(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, func(c *config.Config) { c.RateLimit.Enabled, c.RateLimit.Max = true, 2 })
		for _, path := range []string{"/api/connect/github", "/api/connect/github/callback?code=x&state=y", "/api/auth/google/callback?access_token=x"} {
			r := e.Do("GET", path, nil)
			wantError(t, r, 400, "ApplicationError", "This provider is disabled", "")
			limited := !strings.HasPrefix(path, "/api/auth/")
			if got := r.Header.Get("X-RateLimit-Limit") != ""; got != limited {
				t.Fatalf("%s: rate-limit headers %v, want %v", path, got, limited)
			}
		}
		// The start and callback legs count separately, per route.
		e.Do("GET", "/api/connect/github", nil)
		wantError(t, e.Do("GET", "/api/connect/github", nil), 429, "RateLimitError", "Too many requests, please try again later.", "")
		e.Do("GET", "/api/connect/github/callback", nil)
		wantError(t, e.Do("GET", "/api/connect/github/callback", nil), 429, "RateLimitError", "Too many requests, please try again later.", "")
		for range 3 {
			wantError(t, e.Do("GET", "/api/auth/github/callback", nil), 400, "ApplicationError", "This provider is disabled", "")
		}
	})
}

// TestSessionRoutesInLegacyMode: Strapi's default mode answers the refresh-mode routes 404
// after the permission check.
func TestSessionRoutesInLegacyMode(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		bearer := []string{"Authorization", "Bearer " + jwt}
		notFound := func(r apitest.Response) { t.Helper(); wantError(t, r, 404, "NotFoundError", "Not Found", "") }
		forbidden := func(r apitest.Response) { t.Helper(); wantError(t, r, 403, "ForbiddenError", "Forbidden", "") }
		ct := []string{"Content-Type", "application/json"}

		notFound(e.Do("POST", "/api/auth/refresh", []byte(`{"refreshToken":"x"}`), ct...))
		notFound(e.Do("POST", "/api/auth/refresh", nil))
		notFound(e.Do("POST", "/api/auth/refresh", nil, ct...))
		forbidden(e.Do("POST", "/api/auth/refresh", []byte(`{}`), append(ct, bearer...)...))
		wantError(t, e.Do("POST", "/api/auth/refresh", []byte(`{"refreshToken":123}`), ct...), 400, "ValidationError",
			"refreshToken must be a `string` type, but the final value was: `123`.",
			"[{\"path\":[\"refreshToken\"],\"message\":\"refreshToken must be a `string` type, but the final value was: `123`.\",\"name\":\"ValidationError\",\"value\":123}]")

		forbidden(e.Do("POST", "/api/auth/logout", []byte(`{}`), ct...))
		notFound(e.Do("POST", "/api/auth/logout", []byte(`{}`), append(ct, bearer...)...))
		notFound(e.Do("POST", "/api/auth/logout", nil, bearer...))
		notFound(e.Do("POST", "/api/auth/logout", []byte(`{"scope":"all"}`), append(ct, bearer...)...))
		wantError(t, e.Do("POST", "/api/auth/logout", []byte(`{"scope":"some"}`), append(ct, bearer...)...), 400, "ValidationError",
			`scope must be one of the following values: "all"`,
			`[{"path":["scope"],"message":"scope must be one of the following values: \"all\"","name":"ValidationError","value":"some"}]`)

		forbidden(e.Do("GET", "/api/auth/sessions", nil))
		notFound(e.Do("GET", "/api/auth/sessions", nil, bearer...))
		forbidden(e.Do("DELETE", "/api/auth/sessions/3f9c2a0b7d1e4c5f8a6b9d0e1f2a3b4c", nil))
		notFound(e.Do("DELETE", "/api/auth/sessions/3f9c2a0b7d1e4c5f8a6b9d0e1f2a3b4c", nil, bearer...))
	})
}

// ---- the answers every route of the gate can give, for the account, provider and session routes

// accountOps are the operations of this file, each with a request that passes validation.
var accountOps = []struct {
	method, path, body string
	user               bool // needs a user token (Authenticated); otherwise Public
	rateLimited        bool
}{
	{"POST", "/api/auth/change-password", `{"currentPassword":"secret123","password":"changed123","passwordConfirmation":"changed123"}`, true, true},
	{"POST", "/api/auth/send-email-confirmation", `{"email":"nobody@example.com"}`, false, true},
	{"GET", "/api/auth/email-confirmation?confirmation=abc", "", false, false},
	{"POST", "/api/auth/change-email", `{"email":"new@example.org","currentPassword":"secret123"}`, true, true},
	{"GET", "/api/auth/email-change-confirmation?confirmation=abc", "", false, false},
	{"POST", "/api/auth/email-change-confirmation", `{"confirmation":"abc"}`, false, false},
	{"GET", "/api/connect/github", "", false, true},
	{"GET", "/api/connect/github/callback", "", false, true},
	{"GET", "/api/auth/github/callback", "", false, false},
	{"POST", "/api/auth/refresh", `{}`, false, false},
	{"POST", "/api/auth/logout", `{}`, true, false},
	{"GET", "/api/auth/sessions", "", true, false},
	{"DELETE", "/api/auth/sessions/3f9c2a0b7d1e4c5f8a6b9d0e1f2a3b4c", "", true, false},
}

func TestAccountRoutesCommonErrors(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, func(c *config.Config) {
			c.RateLimit.Enabled, c.RateLimit.Max = true, 1
			c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
		})
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		for i, op := range accountOps {
			t.Run(op.method+" "+op.path, func(t *testing.T) {
				do := func(ip string, body []byte, header ...string) apitest.Response {
					h := append([]string{"X-Forwarded-For", ip}, header...)
					if body != nil {
						h = append(h, "Content-Type", "application/json")
					}
					return e.Do(op.method, op.path, body, h...)
				}
				var body []byte
				if op.body != "" {
					body = []byte(op.body)
				}
				ip := func(n int) string { return netip.AddrFrom4([4]byte{198, 51, byte(100 + i), byte(n)}).String() }
				wantError(t, do(ip(1), body, "Authorization", "Bearer not.a.jwt"), 401, "UnauthorizedError", "Missing or invalid credentials", "")
				other := []string{"Authorization", "Bearer " + jwt} // the role lacks the permission
				if op.user {
					other = nil
				}
				wantError(t, do(ip(2), body, other...), 403, "ForbiddenError", "Forbidden", "")
				var bearer []string
				if op.user {
					bearer = []string{"Authorization", "Bearer " + jwt}
				}
				if body != nil {
					big := []byte(`{"x":"` + strings.Repeat("a", 1<<20) + `"}`)
					wantError(t, do(ip(3), big, bearer...), 413, "PayloadTooLargeError", "request entity too large", "")
				}
				if op.rateLimited {
					if op.user { // a refused change counts too, and keeps the token valid
						body = []byte(`{}`)
					}
					first := do(ip(4), body, bearer...)
					if first.Status == 429 || first.Status >= 500 {
						t.Fatalf("first request: %d %s", first.Status, first.Body)
					}
					wantError(t, do(ip(4), body, bearer...), 429, "RateLimitError", "Too many requests, please try again later.", "")
				}
			})
		}
	})
}

func TestAccountRoutesDatabaseDown(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		e.Store.Close()
		for _, op := range accountOps {
			h := []string{}
			if op.user {
				h = append(h, "Authorization", "Bearer "+jwt)
			}
			var body []byte
			if op.body != "" {
				body = []byte(op.body)
				h = append(h, "Content-Type", "application/json")
			}
			wantError500(t, e.Do(op.method, op.path, body, h...))
		}
	})
}
