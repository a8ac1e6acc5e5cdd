package httpapi_test

import (
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
)

var codeInMail = regexp.MustCompile(`\?code=([0-9a-f]+)<`)

// resetCode waits for the n-th reset mail to `to` and returns the code it carries.
func resetCode(t *testing.T, e *apitest.Env, to string, n int) string {
	t.Helper()
	return mailToken(t, e, to, n, "Reset password", codeInMail)
}

// mailToken waits for the n-th mail to `to` with that subject (other mails to the address,
// the security notices, do not count) and returns the token the pattern's first group finds
// in it.
func mailToken(t *testing.T, e *apitest.Env, to string, n int, subject string, pattern *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for len(mailsWith(e, to, subject)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d mails %q to %s after 15 s, want %d", len(mailsWith(e, to, subject)), subject, to, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	m := mailsWith(e, to, subject)[n-1]
	c := pattern.FindStringSubmatch(m.Text)
	if c == nil {
		t.Fatalf("no %s in the mail: %q", pattern, m.Text)
	}
	return c[1]
}

func mailsTo(e *apitest.Env, to string) []smtptest.Received {
	var out []smtptest.Received
	for _, m := range e.Mail.Messages() {
		if len(m.To) == 1 && m.To[0] == to {
			out = append(out, m)
		}
	}
	return out
}

// mailsWith are the mails to `to` with that subject.
func mailsWith(e *apitest.Env, to, subject string) []smtptest.Received {
	var out []smtptest.Received
	for _, m := range mailsTo(e, to) {
		if m.Subject == subject {
			out = append(out, m)
		}
	}
	return out
}

func countMails(e *apitest.Env, to string) int { return len(mailsTo(e, to)) }

func resetURL(o *config.Config) {
	o.Advanced["email_reset_password"] = "https://race.example/reset-password"
}

func TestForgotPassword(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		e.Register("alice", "alice@example.com", "secret123")
		_, carolID := e.Register("carol", "carol@example.com", "secret123")
		block(t, e, carolID)

		t.Run("known email gets Strapi's reset mail", func(t *testing.T) {
			r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
			if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			code := resetCode(t, e, "alice@example.com", 1)
			if len(code) != 128 {
				t.Fatalf("code %q: want 128 hex characters as Strapi's", code)
			}
			m := mailsTo(e, "alice@example.com")[0]
			from, err := mail.ParseAddress(m.Header.Get("From"))
			if err != nil || from.Name != "Administration Panel" || from.Address != "no-reply@strapi.io" {
				t.Fatalf("From %q (%v)", m.Header.Get("From"), err)
			}
			want := "<p>We heard that you lost your password. Sorry about that!</p>\n\n" +
				"<p>But don’t worry! You can use the following link to reset your password:</p>\n" +
				"<p>https://race.example/reset-password?code=" + code + "</p>\n\n<p>Thanks.</p>"
			if m.Text != want || m.HTML != want || m.From != "no-reply@strapi.io" {
				t.Fatalf("mail\ntext %q\nhtml %q\nwant %q", m.Text, m.HTML, want)
			}
			if strings.Contains(e.Logs.String(), code) {
				t.Fatal("the reset code was logged")
			}
			assertCodeNotStored(t, e, code)
		})

		t.Run("upper-case email", func(t *testing.T) {
			before := len(mailsWith(e, "alice@example.com", "Reset password"))
			r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "ALICE@EXAMPLE.COM"})
			if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			resetCode(t, e, "alice@example.com", before+1)
		})

		t.Run("unknown and blocked emails: same answer, no mail", func(t *testing.T) {
			for _, email := range []string{"nobody@example.com", "carol@example.com"} {
				r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": email})
				if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` {
					t.Fatalf("%s: %d %s", email, r.Status, r.Body)
				}
			}
			// A later request for alice is delivered; the two before it were resolved first.
			before := len(mailsWith(e, "alice@example.com", "Reset password"))
			e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
			resetCode(t, e, "alice@example.com", before+1)
			if n := countMails(e, "nobody@example.com") + countMails(e, "carol@example.com"); n != 0 {
				t.Fatalf("%d mails to unknown or blocked accounts", n)
			}
		})

		refused := []struct{ name, body, msg, fields string }{
			{"missing email", `{}`, "email is a required field",
				`[{"path":["email"],"message":"email is a required field","name":"ValidationError"}]`},
			{"invalid email", `{"email":"nope"}`, "email must be a valid email",
				`[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"nope"}]`},
			{"extra key", `{"email":"alice@example.com","foo":1}`, "this field has unspecified keys: foo",
				`[{"path":[],"message":"this field has unspecified keys: foo","name":"ValidationError","value":{"email":"alice@example.com","foo":1}}]`},
			{"extra key and missing email", `{"foo":1}`, "2 errors occurred",
				`[{"path":[],"message":"this field has unspecified keys: foo","name":"ValidationError","value":{"foo":1}},
				  {"path":["email"],"message":"email is a required field","name":"ValidationError"}]`},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				r := e.Do("POST", "/api/auth/forgot-password", []byte(c.body), "Content-Type", "application/json")
				wantError(t, r, 400, "ValidationError", c.msg, c.fields)
			})
		}
	})
}

// TestForgotPasswordSMTPOutage: while the SMTP server refuses mail, forgot-password still
// answers at once, and the mail is delivered once the server is back.
func TestForgotPasswordSMTPOutage(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		e.Mail.SetFailing(true)
		r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		// The first attempt fails while the server refuses mail.
		for deadline := time.Now().Add(5 * time.Second); !strings.Contains(e.Logs.String(), "mail delivery failed"); {
			if time.Now().After(deadline) {
				t.Fatal("no failed delivery attempt logged within 5 s of the request")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if n := countMails(e, "alice@example.com"); n != 0 {
			t.Fatalf("%d mails delivered while SMTP is down", n)
		}
		e.Mail.SetFailing(false)
		code := resetCode(t, e, "alice@example.com", 1) // retried after ~5 s
		r = e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "newpass123", "passwordConfirmation": "newpass123"})
		if r.Status != 200 {
			t.Fatalf("the code of the retried mail: %d %s", r.Status, r.Body)
		}
	})
}

func TestResetPassword(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		oldJWT, _ := e.Register("alice", "alice@example.com", "secret123")
		e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		code := resetCode(t, e, "alice@example.com", 1)

		refused := []struct{ name, body, errName, msg, fields string }{
			{"wrong code", `{"code":"deadbeef","password":"newpass123","passwordConfirmation":"newpass123"}`,
				"ValidationError", "Incorrect code provided", ""},
			{"missing fields", `{"code":"` + code + `"}`, "ValidationError", "2 errors occurred",
				`[{"path":["passwordConfirmation"],"message":"passwordConfirmation is a required field","name":"ValidationError"},
				  {"path":["password"],"message":"password is a required field","name":"ValidationError"}]`},
			{"all missing", `{}`, "ValidationError", "3 errors occurred",
				`[{"path":["passwordConfirmation"],"message":"passwordConfirmation is a required field","name":"ValidationError"},
				  {"path":["password"],"message":"password is a required field","name":"ValidationError"},
				  {"path":["code"],"message":"code is a required field","name":"ValidationError"}]`},
			{"passwords do not match", `{"code":"` + code + `","password":"newpass123","passwordConfirmation":"newpass124"}`,
				"ValidationError", "Passwords do not match",
				`[{"path":["passwordConfirmation"],"message":"Passwords do not match","name":"ValidationError","value":"newpass124"}]`},
			{"73 bytes", `{"code":"` + code + `","password":"` + strings.Repeat("b", 73) + `","passwordConfirmation":"` + strings.Repeat("b", 73) + `"}`,
				"ValidationError", "Password must be less than 73 bytes",
				`[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + strings.Repeat("b", 73) + `"}]`},
			{"too short", `{"code":"` + code + `","password":"12345","passwordConfirmation":"12345"}`,
				"ValidationError", "password must be at least 6 characters",
				`[{"path":["password"],"message":"password must be at least 6 characters","name":"ValidationError","value":"12345"}]`},
			{"extra key", `{"code":"` + code + `","password":"newpass123","passwordConfirmation":"newpass123","deviceId":"d1"}`,
				"ValidationError", "this field has unspecified keys: deviceId",
				`[{"path":[],"message":"this field has unspecified keys: deviceId","name":"ValidationError","value":{"code":"` + code + `","password":"newpass123","passwordConfirmation":"newpass123","deviceId":"d1"}}]`},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				r := e.Do("POST", "/api/auth/reset-password", []byte(c.body), "Content-Type", "application/json")
				wantError(t, r, 400, c.errName, c.msg, c.fields)
			})
		}

		// The refused attempts above left the code usable.
		r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "newpass123", "passwordConfirmation": "newpass123"})
		if r.Status != 200 || !strings.Contains(string(r.Body), `"username":"alice"`) {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		newJWT := jsonField(t, r, "jwt")

		t.Run("the code works once", func(t *testing.T) {
			r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "other12345", "passwordConfirmation": "other12345"})
			wantError(t, r, 400, "ValidationError", "Incorrect code provided", "")
		})
		t.Run("old password fails, new one works", func(t *testing.T) {
			wantError(t, e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}),
				400, "ValidationError", "Invalid identifier or password", "")
			if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "newpass123"}); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})
		t.Run("tokens issued before the reset stop working (decision D5)", func(t *testing.T) {
			wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+oldJWT),
				401, "UnauthorizedError", "Missing or invalid credentials", "")
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+newJWT); r.Status != 200 {
				t.Fatalf("the token of the reset: %d %s", r.Status, r.Body)
			}
		})
		t.Run("a new request invalidates the previous code", func(t *testing.T) {
			e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
			first := resetCode(t, e, "alice@example.com", 2)
			e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
			second := resetCode(t, e, "alice@example.com", 3)
			wantError(t, e.PostJSON("/api/auth/reset-password", map[string]string{"code": first, "password": "third1234", "passwordConfirmation": "third1234"}),
				400, "ValidationError", "Incorrect code provided", "")
			if r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": second, "password": "third1234", "passwordConfirmation": "third1234"}); r.Status != 200 {
				t.Fatalf("the newest code: %d %s", r.Status, r.Body)
			}
		})
	})
}

// TestResetCodeExpires: a code past its lifetime answers exactly like a wrong one (D4).
func TestResetCodeExpires(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine) // the default lifetime, one hour
		e.Register("alice", "alice@example.com", "secret123")
		e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		code := resetCode(t, e, "alice@example.com", 1)
		e.MailSettled() // the lease must not expire under a delivered mail
		e.Clock.Advance(time.Hour + time.Second)
		wantError(t, e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "newpass123", "passwordConfirmation": "newpass123"}),
			400, "ValidationError", "Incorrect code provided", "")
		if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 200 {
			t.Fatalf("the password must be unchanged: %d %s", r.Status, r.Body)
		}
	})
}

// TestResetRace sends many resets with one code at once: exactly one may succeed.
func TestResetRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		code := resetCode(t, e, "alice@example.com", 1)
		const n = 10
		passwords := make([]string, n)
		for i := range n {
			passwords[i] = "racepass" + string(rune('a'+i))
		}
		responses := concurrently(t, n, func(i int) (apitest.Response, error) {
			return tryJSON(e, "POST", "/api/auth/reset-password",
				`{"code":"`+code+`","password":"`+passwords[i]+`","passwordConfirmation":"`+passwords[i]+`"}`)
		})
		winner := wantOneWinner(t, responses, 200, loser{400, "ValidationError", "Incorrect code provided"})
		if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": passwords[winner]}); r.Status != 200 {
			t.Fatalf("the winner's password does not log in: %d %s", r.Status, r.Body)
		}
	})
}

func assertCodeNotStored(t *testing.T, e *apitest.Env, code string) {
	t.Helper()
	u, err := e.Store.Q.GetUserByEmail(t.Context(), "alice@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if u.ResetPasswordTokenHash == nil || *u.ResetPasswordTokenHash == code || len(*u.ResetPasswordTokenHash) != 64 {
		t.Fatalf("stored reset code: %v; want its SHA-256 only", u.ResetPasswordTokenHash)
	}
	if u.ResetPasswordExpiresAt == nil {
		t.Fatal("the reset code has no expiry")
	}
}

func jsonField(t *testing.T, r apitest.Response, key string) string {
	t.Helper()
	m, ok := r.JSON(t).(map[string]any)
	if !ok {
		t.Fatalf("not an object: %s", r.Body)
	}
	s, _ := m[key].(string)
	return s
}
