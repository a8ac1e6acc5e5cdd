package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

// ---- change of email (this service's own routes) and the security notices

// The subjects of the default templates of this service's own mails.
const (
	subjectEmailChange          = "Confirm your new email address"
	subjectEmailChangeRequested = "A change of your email address was requested"
	subjectEmailChanged         = "The email address of your account was changed"
	subjectPasswordChanged      = "Your password was changed"
	subjectPasswordResetDone    = "Your password was reset"
)

var emailChangeInMail = regexp.MustCompile(`/api/auth/email-change-confirmation\?confirmation=([0-9a-f]+)<`)

// emailChangeCode waits for the n-th change-of-email mail to `to` and returns its code.
func emailChangeCode(t *testing.T, e *apitest.Env, to string, n int) string {
	t.Helper()
	return mailToken(t, e, to, n, subjectEmailChange, emailChangeInMail)
}

// requestEmailChange asks, as the holder of jwt, for the email `to` with the password.
func requestEmailChange(e *apitest.Env, jwt, to, password string) apitest.Response {
	body := fmt.Sprintf(`{"email":%q,"currentPassword":%q}`, to, password)
	return e.Do("POST", "/api/auth/change-email", []byte(body), "Content-Type", "application/json", "Authorization", "Bearer "+jwt)
}

// confirmChange uses a change-of-email code: as the link (GET, a redirect) or as a
// frontend (POST, JSON).
func confirmChange(e *apitest.Env, how, code string) apitest.Response {
	if how == "link" {
		return e.Do("GET", "/api/auth/email-change-confirmation?confirmation="+code, nil)
	}
	return e.Do("POST", "/api/auth/email-change-confirmation", []byte(fmt.Sprintf(`{"confirmation":%q}`, code)),
		"Content-Type", "application/json")
}

// wantChanged checks the answer of a successful confirmation, made `how`.
func wantChanged(t *testing.T, r apitest.Response, how, email, location string) {
	t.Helper()
	if how == "link" {
		wantRedirect(t, r, location, "text/html; charset=utf-8", "Redirecting to "+location+".")
		return
	}
	if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"email":"`+email+`","changed":true}` {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
}

// waitMail waits for the n-th mail to `to` with that subject.
func waitMail(t *testing.T, e *apitest.Env, to, subject string, n int) smtptest.Received {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if ms := mailsWith(e, to, subject); len(ms) >= n {
			return ms[n-1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails %q to %s after 15 s, want %d", len(mailsWith(e, to, subject)), subject, to, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// wantNotice waits for the n-th notice `subject` to `to` and checks that it says nothing
// of what it must not: the other address, and any code or link of one.
func wantNotice(t *testing.T, e *apitest.Env, to, subject string, n int, secrets ...string) smtptest.Received {
	t.Helper()
	m := waitMail(t, e, to, subject, n)
	for _, body := range []string{m.Text, m.HTML, m.Subject} {
		for _, s := range append(secrets, "confirmation=", "code=") {
			if s != "" && strings.Contains(strings.ToLower(body), strings.ToLower(s)) {
				t.Fatalf("the notice %q to %s contains %q:\n%s", subject, to, s, body)
			}
		}
	}
	if !strings.Contains(m.Text, "Hello ") || strings.Contains(m.Text, "<%") {
		t.Fatalf("notice not rendered: %q", m.Text)
	}
	return m
}

// queuedNotices counts the mails of that kind queued to `to` (sent or not): a notice is
// queued in the transaction of its change, so once the answer is in, it is there or never.
func queuedNotices(t *testing.T, e *apitest.Env, to, kind string) int {
	t.Helper()
	var n int
	err := e.Query("SELECT count(*) FROM mail_outbox WHERE recipient = $1 AND kind = $2", []any{to, kind},
		func(scan func(...any) error) error { return scan(&n) })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// pendingChanges counts the rows of up_email_changes of a user.
func pendingChanges(t *testing.T, e *apitest.Env, userID int64) int {
	t.Helper()
	var n int
	err := e.Query("SELECT count(*) FROM up_email_changes WHERE user_id = $1", []any{userID}, func(scan func(...any) error) error { return scan(&n) })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestChangeEmail: the request's refusals, then the whole change end to end, through the
// link (GET, a redirect) and through a frontend (POST, JSON).
func TestChangeEmail(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		for _, how := range []string{"link", "frontend"} {
			t.Run(how, func(t *testing.T) {
				testChangeEmail(t, engine, how)
			})
		}
	})
}

func testChangeEmail(t *testing.T, engine, how string) {
	e := apitest.New(t, engine, resetURL)
	jwt, aliceID := e.Register("alice", "alice@example.com", "secret123")
	other := jsonField(t, login(t, e, "alice", "secret123"), "jwt") // alice on another device
	e.Register("bob", "bob@example.com", "secret123")
	e.Register("carol@example.net", "carol@example.com", "secret123") // a username that is an address
	admin := apiToken(t, e, access.TokenFullAccess)

	refused := []struct {
		name, token, body string
		status            int
		errName, msg      string
		fields            string
	}{
		{"no token", "", `{"email":"new@example.org","currentPassword":"secret123"}`, 403, "ForbiddenError", "Forbidden", ""},
		{"bad token", "not.a.jwt", `{"email":"new@example.org","currentPassword":"secret123"}`,
			401, "UnauthorizedError", "Missing or invalid credentials", ""},
		{"an API token acts for no user", admin, `{"email":"new@example.org","currentPassword":"secret123"}`,
			401, "UnauthorizedError", "Unauthorized", ""},
		{"missing fields", jwt, `{}`, 400, "ValidationError", "2 errors occurred",
			`[{"path":["currentPassword"],"message":"currentPassword is a required field","name":"ValidationError"},
			  {"path":["email"],"message":"email is a required field","name":"ValidationError"}]`},
		{"invalid email", jwt, `{"email":"nope","currentPassword":"secret123"}`, 400, "ValidationError", "email must be a valid email",
			`[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"nope"}]`},
		{"extra key", jwt, `{"email":"new@example.org","currentPassword":"secret123","foo":1}`,
			400, "ValidationError", "this field has unspecified keys: foo",
			`[{"path":[],"message":"this field has unspecified keys: foo","name":"ValidationError","value":{"email":"new@example.org","currentPassword":"secret123","foo":1}}]`},
		{"wrong password: change-password's answer", jwt, `{"email":"new@example.org","currentPassword":"wrong-pass"}`,
			400, "ValidationError", "The provided current password is invalid", ""},
		{"wrong password is checked before the address", jwt, `{"email":"bob@example.com","currentPassword":"wrong-pass"}`,
			400, "ValidationError", "The provided current password is invalid", ""},
		{"the current address, in another case", jwt, `{"email":"Alice@Example.COM","currentPassword":"secret123"}`,
			400, "ValidationError", "Your new email must be different than your current email", ""},
		{"another account's email, in another case", jwt, `{"email":"BOB@example.com","currentPassword":"secret123"}`,
			400, "ApplicationError", "Email already taken", ""},
		{"another account's username", jwt, `{"email":"carol@example.net","currentPassword":"secret123"}`,
			400, "ApplicationError", "Email already taken", ""},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			h := []string{"Content-Type", "application/json"}
			if c.token != "" {
				h = append(h, "Authorization", "Bearer "+c.token)
			}
			wantError(t, e.Do("POST", "/api/auth/change-email", []byte(c.body), h...), c.status, c.errName, c.msg, c.fields)
		})
	}
	if n := pendingChanges(t, e, aliceID); n != 0 {
		t.Fatalf("%d pending changes after the refusals", n)
	}

	// A reset code mailed to the current address before the change.
	e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
	resetBefore := resetCode(t, e, "alice@example.com", 1)

	r := requestEmailChange(e, jwt, "Alice.New@Example.ORG", "secret123")
	if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"email":"alice.new@example.org","sent":true}` {
		t.Fatalf("request: %d %s", r.Status, r.Body)
	}
	code := emailChangeCode(t, e, "alice.new@example.org", 1)

	t.Run("the link goes to the new address, a notice to the current one", func(t *testing.T) {
		m := waitMail(t, e, "alice.new@example.org", subjectEmailChange, 1)
		want := "<p>Hello alice,</p>\n\n" +
			"<p>You asked to use this address for your account. Please click on the link below to confirm it.</p>\n\n" +
			"<p>http://127.0.0.1:1337/api/auth/email-change-confirmation?confirmation=" + code + "</p>\n\n" +
			"<p>Until then your account keeps its current address. If you did not ask for this, ignore this mail.</p>\n\n<p>Thanks.</p>"
		if m.Text != want || m.HTML != want || m.From != "no-reply@strapi.io" {
			t.Fatalf("mail from %q\ntext %q\nhtml %q\nwant %q", m.From, m.Text, m.HTML, want)
		}
		if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(code) {
			t.Fatalf("code %q", code)
		}
		n := wantNotice(t, e, "alice@example.com", subjectEmailChangeRequested, 1, "alice.new", code)
		if !strings.Contains(n.Text, "(alice@example.com)") {
			t.Fatalf("the notice names its own address: %q", n.Text)
		}
		if c := countMails(e, "alice.new@example.org"); c != 1 {
			t.Fatalf("%d mails to the new address", c)
		}
	})
	t.Run("the code is stored as its SHA-256, never logged", func(t *testing.T) {
		var hash, email string
		var expires time.Time
		err := e.Query("SELECT token_hash, new_email, expires_at FROM up_email_changes WHERE user_id = $1", []any{aliceID},
			func(scan func(...any) error) error { return scan(&hash, &email, &expires) })
		sum := sha256.Sum256([]byte(code))
		if err != nil || hash != hex.EncodeToString(sum[:]) || email != "alice.new@example.org" {
			t.Fatalf("stored %q %q (%v)", hash, email, err)
		}
		if d := time.Until(expires); d < 23*time.Hour || d > 24*time.Hour {
			t.Fatalf("expires in %v, want 24 hours", d)
		}
		if strings.Contains(e.Logs.String(), code) {
			t.Fatal("the code was logged")
		}
	})
	t.Run("a pending change blocks nothing", func(t *testing.T) {
		if r := login(t, e, "alice@example.com", "secret123"); r.Status != 200 {
			t.Fatalf("login with the current email: %d %s", r.Status, r.Body)
		}
		wantError(t, login(t, e, "alice.new@example.org", "secret123"), 400, "ValidationError", "Invalid identifier or password", "")
		if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 200 || jsonField(t, r, "email") != "alice@example.com" {
			t.Fatalf("me: %d %s", r.Status, r.Body)
		}
	})

	wantChanged(t, confirmChange(e, how, code), how, "alice.new@example.org", "/")

	t.Run("the new email logs in, the old one does not", func(t *testing.T) {
		if r := login(t, e, "alice.new@example.org", "secret123"); r.Status != 200 || !strings.Contains(string(r.Body), `"email":"alice.new@example.org"`) {
			t.Fatalf("login with the new email: %d %s", r.Status, r.Body)
		}
		if r := login(t, e, "ALICE.NEW@example.org", "secret123"); r.Status != 200 {
			t.Fatalf("login with the new email in upper case: %d %s", r.Status, r.Body)
		}
		wantError(t, login(t, e, "alice@example.com", "secret123"), 400, "ValidationError", "Invalid identifier or password", "")
		if r := login(t, e, "alice", "secret123"); r.Status != 200 {
			t.Fatalf("login with the username: %d %s", r.Status, r.Body)
		}
	})
	t.Run("tokens and sessions survive the change", func(t *testing.T) {
		for _, tok := range []string{jwt, other} {
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+tok); r.Status != 200 || jsonField(t, r, "email") != "alice.new@example.org" {
				t.Fatalf("me: %d %s", r.Status, r.Body)
			}
		}
	})
	t.Run("the old address is told, without the new one", func(t *testing.T) {
		wantNotice(t, e, "alice@example.com", subjectEmailChanged, 1, "alice.new", code)
	})
	t.Run("the code works once", func(t *testing.T) {
		wantError(t, confirmChange(e, how, code), 400, "ValidationError", "Invalid token", "")
	})
	t.Run("the reset code mailed to the old address stops working", func(t *testing.T) {
		wantError(t, e.PostJSON("/api/auth/reset-password", map[string]string{"code": resetBefore, "password": "hijack123", "passwordConfirmation": "hijack123"}),
			400, "ValidationError", "Incorrect code provided", "")
		u := storedUser(t, e, "alice.new@example.org")
		if !u.Confirmed || u.ResetPasswordTokenHash != nil || u.ID != aliceID {
			t.Fatalf("after the change: %+v", u)
		}
	})
	t.Run("the old address is free again", func(t *testing.T) {
		e.Register("alice2", "alice@example.com", "secret123")
	})
	t.Run("wrong codes", func(t *testing.T) {
		for _, c := range []string{"wrongtoken", strings.ToUpper(code)} {
			wantError(t, confirmChange(e, how, c), 400, "ValidationError", "Invalid token", "")
		}
	})
}

// TestChangeEmailConfirmationRefusals: the validation of the two confirmation routes.
func TestChangeEmailConfirmationRefusals(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		for _, q := range []string{"", "?confirmation=", "?other=1"} {
			fields := `[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError"}]`
			if q == "?confirmation=" {
				fields = `[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError","value":""}]`
			}
			wantError(t, e.Do("GET", "/api/auth/email-change-confirmation"+q, nil), 400, "ValidationError", "confirmation is a required field", fields)
		}
		for _, c := range []struct{ body, msg, fields string }{
			{`{}`, "confirmation is a required field", `[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError"}]`},
			{`{"confirmation":""}`, "confirmation is a required field",
				`[{"path":["confirmation"],"message":"confirmation is a required field","name":"ValidationError","value":""}]`},
			{`{"confirmation":"abc","x":1}`, "this field has unspecified keys: x",
				`[{"path":[],"message":"this field has unspecified keys: x","name":"ValidationError","value":{"confirmation":"abc","x":1}}]`},
		} {
			wantError(t, e.Do("POST", "/api/auth/email-change-confirmation", []byte(c.body), "Content-Type", "application/json"),
				400, "ValidationError", c.msg, c.fields)
		}
		// A form post works too.
		wantError(t, e.Do("POST", "/api/auth/email-change-confirmation", []byte("confirmation=abc"), "Content-Type", "application/x-www-form-urlencoded"),
			400, "ValidationError", "Invalid token", "")
	})
}

// TestChangeEmailLifecycle: what ends a pending change before it is confirmed, and what
// happens when its address is taken meanwhile.
func TestChangeEmailLifecycle(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		n := 0
		type user struct {
			jwt     string
			id      int64
			old, to string // the email, and the one asked for
			code    string // the link's
		}
		// newUser registers a user who asks for a change to a new address.
		newUser := func(t *testing.T) user {
			t.Helper()
			n++
			u := user{old: fmt.Sprintf("user%d@example.com", n), to: fmt.Sprintf("new%d@example.org", n)}
			u.jwt, u.id = e.Register(fmt.Sprintf("user%d", n), u.old, "secret123")
			if r := requestEmailChange(e, u.jwt, u.to, "secret123"); r.Status != 200 {
				t.Fatalf("request: %d %s", r.Status, r.Body)
			}
			u.code = emailChangeCode(t, e, u.to, 1)
			return u
		}

		cases := []struct {
			name string
			// between runs between the request and the use of the link, and returns the
			// answer the link then gets: its status, and an error's name and message.
			between func(t *testing.T, u user) (status int, errName, msg string)
			changed bool
		}{
			{"nothing: changed", func(*testing.T, user) (int, string, string) { return 302, "", "" }, true},
			{"the link expired", func(*testing.T, user) (int, string, string) {
				e.MailSettled() // the lease must not expire under a delivered mail
				e.Clock.Advance(24*time.Hour + time.Second)
				return 400, "ValidationError", "Invalid token"
			}, false},
			{"another user registered the address (Email already taken)", func(t *testing.T, u user) (int, string, string) {
				e.Register(fmt.Sprintf("thief%d", n), strings.ToUpper(u.to), "secret123")
				return 400, "ApplicationError", "Email already taken"
			}, false},
			{"an administrator gave the address to another user", func(t *testing.T, u user) (int, string, string) {
				_, otherID := e.Register(fmt.Sprintf("other%d", n), fmt.Sprintf("other%d@example.com", n), "secret123")
				exec(t, e, "UPDATE up_users SET email = $1 WHERE id = $2", u.to, otherID)
				return 400, "ApplicationError", "Email already taken"
			}, false},
			{"a second request replaced it", func(t *testing.T, u user) (int, string, string) {
				if r := requestEmailChange(e, u.jwt, "second-"+u.to, "secret123"); r.Status != 200 {
					t.Fatalf("second request: %d %s", r.Status, r.Body)
				}
				emailChangeCode(t, e, "second-"+u.to, 1)
				return 400, "ValidationError", "Invalid token"
			}, false},
			{"the password was changed", func(t *testing.T, u user) (int, string, string) {
				r := e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "secret456", "passwordConfirmation": "secret456"},
					"Authorization", "Bearer "+u.jwt)
				if r.Status != 200 {
					t.Fatalf("change-password: %d %s", r.Status, r.Body)
				}
				return 400, "ValidationError", "Invalid token"
			}, false},
			{"the password was reset", func(t *testing.T, u user) (int, string, string) {
				e.PostJSON("/api/auth/forgot-password", map[string]string{"email": u.old})
				code := resetCode(t, e, u.old, 1)
				if r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "secret456", "passwordConfirmation": "secret456"}); r.Status != 200 {
					t.Fatalf("reset-password: %d %s", r.Status, r.Body)
				}
				return 400, "ValidationError", "Invalid token"
			}, false},
			{"the user was blocked", func(t *testing.T, u user) (int, string, string) {
				block(t, e, u.id)
				return 400, "ValidationError", "Invalid token"
			}, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				u := newUser(t)
				status, errName, msg := c.between(t, u)
				r := confirmChange(e, "link", u.code)
				if status == 302 {
					wantRedirect(t, r, "/", "text/html; charset=utf-8", "Redirecting to /.")
				} else {
					wantError(t, r, status, errName, msg, "")
				}
				got, err := e.Store.Q.GetUser(t.Context(), u.id)
				if err != nil {
					t.Fatal(err)
				}
				if want := map[bool]string{true: u.to, false: u.old}[c.changed]; got.Email != want {
					t.Fatalf("email %q, want %q", got.Email, want)
				}
				if c.changed {
					wantNotice(t, e, u.old, subjectEmailChanged, 1, u.to, u.code)
				} else if k := queuedNotices(t, e, u.old, "email_changed"); k != 0 {
					t.Fatalf("%d email-changed notices, none expected", k)
				}
				// The link is used up (or was never usable), and nothing stays pending but
				// a replacing request's.
				wantError(t, confirmChange(e, "frontend", u.code), 400, "ValidationError", "Invalid token", "")
				if _, err := e.App.Auth.CleanupEmailChanges(t.Context()); err != nil { // an expired one goes
					t.Fatal(err)
				}
				if p := pendingChanges(t, e, u.id); p != 0 && !strings.HasPrefix(c.name, "a second request") {
					t.Fatalf("%d pending changes left", p)
				}
			})
		}
	})
}

// TestChangeEmailRedirect: the link redirects to email_change_redirection, else to
// email_confirmation_redirection, else to /.
func TestChangeEmailRedirect(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		set := func(key, value string) {
			t.Helper()
			if err := e.App.Auth.Settings.UpdateAdvanced(t.Context(), func(a *settings.Advanced) error { return a.Set(key, value) }); err != nil {
				t.Fatal(err)
			}
		}
		for i, c := range []struct{ change, confirmation, location string }{
			{"", "", "/"},
			{"", "https://race.example/welcome", "https://race.example/welcome"},
			{"https://race.example/email-changed", "https://race.example/welcome", "https://race.example/email-changed"},
		} {
			set("email_change_redirection", c.change)
			set("email_confirmation_redirection", c.confirmation)
			jwt, _ := e.Register(fmt.Sprintf("user%d", i), fmt.Sprintf("user%d@example.com", i), "secret123")
			to := fmt.Sprintf("new%d@example.org", i)
			if r := requestEmailChange(e, jwt, to, "secret123"); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			r := e.Do("GET", "/api/auth/email-change-confirmation?confirmation="+emailChangeCode(t, e, to, 1), nil, "Accept", "text/html")
			wantRedirect(t, r, c.location, "text/html; charset=utf-8", "Redirecting to "+c.location+".")
		}
	})
}

// TestChangeEmailRace: one code used many times at once changes the email once, and a
// registration racing the confirmation for the same address cannot make two accounts share
// it.
func TestChangeEmailRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		requestEmailChange(e, jwt, "new@example.org", "secret123")
		code := emailChangeCode(t, e, "new@example.org", 1)
		responses := concurrently(t, 8, func(i int) (apitest.Response, error) {
			if i%2 == 0 {
				return e.Try("GET", "/api/auth/email-change-confirmation?confirmation="+code, nil)
			}
			return tryJSON(e, "POST", "/api/auth/email-change-confirmation", `{"confirmation":"`+code+`"}`)
		})
		statuses := 0
		for _, r := range responses {
			if r.Status == 302 || r.Status == 200 {
				statuses++
			} else {
				wantError(t, r, 400, "ValidationError", "Invalid token", "")
			}
		}
		if statuses != 1 {
			t.Fatalf("%d successes, want 1", statuses)
		}
		if k := queuedNotices(t, e, "alice@example.com", "email_changed"); k != 1 {
			t.Fatalf("%d notices", k)
		}
		wantNotice(t, e, "alice@example.com", subjectEmailChanged, 1, "new@example.org")

		// A confirmation and a registration of the same address at once: one wins.
		jwt, _ = e.Register("bob", "bob@example.com", "secret123")
		requestEmailChange(e, jwt, "race@example.org", "secret123")
		code = emailChangeCode(t, e, "race@example.org", 1)
		responses = concurrently(t, 2, func(i int) (apitest.Response, error) {
			if i == 0 {
				return tryJSON(e, "POST", "/api/auth/email-change-confirmation", `{"confirmation":"`+code+`"}`)
			}
			return tryJSON(e, "POST", "/api/auth/local/register", `{"username":"racer","email":"race@example.org","password":"secret123"}`)
		})
		switch {
		case responses[0].Status == 200:
			wantError(t, responses[1], 400, "ApplicationError", "Email or Username are already taken", "")
		case responses[1].Status == 200:
			wantError(t, responses[0], 400, "ApplicationError", "Email already taken", "")
		default:
			t.Fatalf("neither won: %d %s / %d %s", responses[0].Status, responses[0].Body, responses[1].Status, responses[1].Body)
		}
	})
}

// TestSecurityNotices: every change of a password or an email is told to the user's
// address (the old one for an email), once, without a code; the templates are editable.
func TestSecurityNotices(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, resetURL)
		admin := apiToken(t, e, access.TokenFullAccess)
		n := 0
		cases := []struct {
			name string
			// act changes something of the user with that token, id and address, and
			// returns the notices' recipient and subject, and what they must not contain.
			act func(t *testing.T, jwt string, id int64, email string) (to, subject string, secrets []string)
		}{
			{"change-password", func(t *testing.T, jwt string, _ int64, email string) (string, string, []string) {
				r := e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "secret456", "passwordConfirmation": "secret456"},
					"Authorization", "Bearer "+jwt)
				if r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				return email, subjectPasswordChanged, []string{"secret456"}
			}},
			{"an administrator's new password", func(t *testing.T, _ string, id int64, email string) (string, string, []string) {
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), admin, `{"password":"admin-set-1"}`); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				return email, subjectPasswordChanged, []string{"admin-set-1"}
			}},
			{"an administrator's new email", func(t *testing.T, _ string, id int64, email string) (string, string, []string) {
				// A reset code mailed to the old address stops working with the change.
				e.PostJSON("/api/auth/forgot-password", map[string]string{"email": email})
				code := resetCode(t, e, email, 1)
				to := fmt.Sprintf("moved%d@example.org", n)
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), admin, `{"email":"`+to+`"}`); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				if r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "secret456", "passwordConfirmation": "secret456"}); r.Status != 400 {
					t.Fatalf("the old address's reset code after the change: %d %s", r.Status, r.Body)
				}
				return email, subjectEmailChanged, []string{to, code}
			}},
			{"reset-password", func(t *testing.T, _ string, _ int64, email string) (string, string, []string) {
				e.PostJSON("/api/auth/forgot-password", map[string]string{"email": email})
				code := resetCode(t, e, email, 1)
				if r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "secret456", "passwordConfirmation": "secret456"}); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				return email, subjectPasswordResetDone, []string{code, "secret456"}
			}},
			{"a change of email requested", func(t *testing.T, jwt string, _ int64, email string) (string, string, []string) {
				to := fmt.Sprintf("asked%d@example.org", n)
				if r := requestEmailChange(e, jwt, to, "secret123"); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				return email, subjectEmailChangeRequested, []string{to, emailChangeCode(t, e, to, 1)}
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				n++
				email := fmt.Sprintf("user%d@example.com", n)
				jwt, id := e.Register(fmt.Sprintf("user%d", n), email, "secret123")
				to, subject, secrets := c.act(t, jwt, id, email)
				m := wantNotice(t, e, to, subject, 1, secrets...)
				if m.From != "no-reply@strapi.io" || len(m.To) != 1 || m.To[0] != to {
					t.Fatalf("from %q to %v", m.From, m.To)
				}
				if !strings.Contains(m.Text, fmt.Sprintf("Hello user%d,", n)) {
					t.Fatalf("text %q", m.Text)
				}
			})
		}
		t.Run("nothing changed, nothing told", func(t *testing.T) {
			// An update without a new password or email (the same email, in another case,
			// with unique_email lower-casing it) sends nothing.
			if r := asJSON(e, "PUT", "/api/users/1", admin, `{"email":"USER1@example.com","confirmed":true}`); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			if k := queuedNotices(t, e, "user1@example.com", "email_changed"); k != 0 {
				t.Fatalf("%d notices", k)
			}
		})
		t.Run("the templates are editable", func(t *testing.T) {
			err := e.App.Auth.Settings.UpdateTemplates(t.Context(), func(all *settings.EmailTemplates) error {
				o := &all.PasswordChanged.Options
				o.Object = "New password for <%= USER.username %>"
				o.Message = "<p><%= USER.username %> (<%= USER.email %>): new password. <%= CODE %><%= TOKEN %></p>"
				o.From.Name, o.From.Email = "MTB Races", "security@race.example"
				o.ResponseEmail = "help@race.example"
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			e.Clock.Advance(1100 * time.Millisecond) // past the settings cache
			jwt, _ := e.Register("zed", "zed@example.com", "secret123")
			if r := e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "secret456", "passwordConfirmation": "secret456"},
				"Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			m := waitMail(t, e, "zed@example.com", "New password for zed", 1)
			from, err := mail.ParseAddress(m.Header.Get("From"))
			if err != nil || from.Name != "MTB Races" || from.Address != "security@race.example" || m.From != "security@race.example" {
				t.Fatalf("From %q envelope %q (%v)", m.Header.Get("From"), m.From, err)
			}
			if reply, err := mail.ParseAddress(m.Header.Get("Reply-To")); err != nil || reply.Address != "help@race.example" {
				t.Fatalf("Reply-To %q (%v)", m.Header.Get("Reply-To"), err)
			}
			if m.Text != "<p>zed (zed@example.com): new password. </p>" {
				t.Fatalf("text %q", m.Text)
			}
		})
	})
}

// TestChangeEmailRefreshMode: in refresh mode the request takes an access token, and the
// change ends no session.
func TestChangeEmailRefreshMode(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		p, _ := registerPair(t, e, "alice")
		r := e.Do("POST", "/api/auth/change-email", []byte(`{"email":"alice.new@example.org","currentPassword":"secret123"}`),
			append([]string{"Content-Type", "application/json"}, p.bearer()...)...)
		if r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		wantChanged(t, confirmChange(e, "frontend", emailChangeCode(t, e, "alice.new@example.org", 1)), "frontend", "alice.new@example.org", "")
		wantAlive(t, e, p)
		if r := refreshToken(e, p.Refresh); r.Status != 200 {
			t.Fatalf("refresh after the change: %d %s", r.Status, r.Body)
		}
		if r := loginWith(t, e, "alice.new@example.org", "secret123", nil); r.Status != 200 {
			t.Fatalf("login with the new email: %d %s", r.Status, r.Body)
		}
	})
}
