package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// cli runs mtb-api with args on e's database (SQLite or PostgreSQL), the environment
// extended by env.
func cli(t *testing.T, e *apitest.Env, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return map[string]string{
			"DATABASE_FILENAME": e.Config.DatabaseFilename, "DATABASE_URL": e.Config.DatabaseURL, "LOG_LEVEL": "warn",
		}[k]
	}, &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestRolesCommands: roles made and granted with the CLI act on the running service at once.
func TestRolesCommands(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		must := func(args ...string) string {
			t.Helper()
			out, errOut, err := cli(t, e, nil, args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s%s", args, err, out, errOut)
			}
			return out
		}

		if out := must("roles", "list"); !strings.Contains(out, "authenticated  Authenticated  1") || !strings.Contains(out, "public") {
			t.Fatalf("roles list:\n%s", out)
		}
		// Strapi's 25, then this service's own (the change of email, the profile edit).
		if out := must("roles", "actions"); len(strings.Split(strings.TrimSpace(out), "\n")) != 28 ||
			!strings.HasPrefix(out, "plugin::users-permissions.auth.callback\n") ||
			!strings.HasSuffix(out, "plugin::users-permissions.auth.changeEmail\nplugin::users-permissions.auth.emailChangeConfirmation\nplugin::users-permissions.user.updateMe\n") {
			t.Fatalf("roles actions:\n%s", out)
		}

		// Public may list users from the next request on.
		if r := e.Do("GET", "/api/users", nil); r.Status != 403 {
			t.Fatalf("anonymous list of users: %d", r.Status)
		}
		if out := must("roles", "grant", "public", "user.find", "plugin::users-permissions.user.count"); !strings.Contains(out, "granted") {
			t.Fatal(out)
		}
		if r := e.Do("GET", "/api/users", nil); r.Status != 200 {
			t.Fatalf("anonymous list of users after the grant: %d %s, want 200", r.Status, r.Body)
		}
		must("roles", "revoke", "2", "user.find")
		if r := e.Do("GET", "/api/users", nil); r.Status != 403 {
			t.Fatalf("after the revocation: %d", r.Status)
		}

		// A role of our own, shown with its actions.
		if out := must("roles", "create", "--name", "Race Organizer", "--description", "Runs a race"); !strings.Contains(out, "type race_organizer") {
			t.Fatal(out)
		}
		must("roles", "grant", "race_organizer", "role.find,role.findOne", "user.me")
		out := must("roles", "show", "race_organizer")
		for _, want := range []string{"type:        race_organizer", "name:        Race Organizer", "description: Runs a race", "users:       0",
			"  plugin::users-permissions.user.me\n  plugin::users-permissions.role.findOne\n  plugin::users-permissions.role.find\n"} {
			if !strings.Contains(out, want) {
				t.Fatalf("roles show lacks %q:\n%s", want, out)
			}
		}
		// Users of the role: registered while it is the default role.
		if _, _, err := cli(t, e, nil, "settings", "set", "default_role", "race_organizer"); err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(1100 * time.Millisecond) // past the settings cache of the running service
		orgJWT, _ := e.Register("olga", "olga@example.com", "secret123")
		if r := e.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+orgJWT); r.Status != 200 {
			t.Fatalf("roles with the organizer's token: %d %s", r.Status, r.Body)
		}
		if r := e.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+jwt); r.Status != 403 {
			t.Fatalf("roles with an authenticated user's token: %d", r.Status)
		}
		must("settings", "set", "default_role", "authenticated")
		must("roles", "delete", "race_organizer")
		if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+orgJWT); r.Status != 403 {
			t.Fatalf("me of a user moved to Public: %d", r.Status)
		}

		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"roles", "grant", "public", "user.fnd"}, "unknown actions: user.fnd"},
			{[]string{"roles", "show", "nope"}, `no role with id or type "nope"`},
			{[]string{"roles", "create", "--type", "x"}, "name is a required field"},
			{[]string{"roles", "create", "--name", "Public"}, `Role type "public" is already taken`},
			{[]string{"roles", "delete", "public"}, "Cannot delete public role"},
			{[]string{"roles", "frobnicate"}, "usage"},
			{[]string{"roles"}, "usage"},
		} {
			if _, _, err := cli(t, e, nil, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v: %v, want an error with %q", c.args, err, c.want)
			}
		}
	})
}

// TestTokensCommands: a token made with the CLI is printed once, alone on stdout, works
// against the running service (which shares the development salt through the database),
// and stops working when revoked.
func TestTokensCommands(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		out, errOut, err := cli(t, e, nil, "tokens", "create", "--name", "dashboard", "--type", "custom",
			"--actions", "role.find,plugin::users-permissions.role.findOne", "--duration", "30d", "--description", "ops dashboard")
		if err != nil {
			t.Fatalf("%v %s", err, errOut)
		}
		token := strings.TrimSpace(out)
		if len(token) != 256 || strings.Count(out, "\n") != 1 {
			t.Fatalf("stdout %q: want the token alone", out)
		}
		if !strings.Contains(errOut, `"dashboard" created (custom: role.find,role.findOne, expires `) || strings.Contains(errOut, token) {
			t.Fatalf("stderr %q", errOut)
		}
		if r := e.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+token); r.Status != 200 {
			t.Fatalf("roles with the token: %d %s", r.Status, r.Body)
		}
		if r := e.Do("GET", "/api/users-permissions/permissions", nil, "Authorization", "Bearer "+token); r.Status != 403 {
			t.Fatalf("permissions with the token: %d", r.Status)
		}

		if _, _, err := cli(t, e, nil, "tokens", "create", "--name", "admin", "--type", "full-access"); err != nil {
			t.Fatal(err)
		}
		out, _, err = cli(t, e, nil, "tokens", "list")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if err != nil || len(lines) != 3 || !strings.HasPrefix(lines[0], "ID  NAME") ||
			!strings.Contains(lines[1], "admin      full-access  -") || !strings.Contains(lines[1], "never") ||
			!strings.Contains(lines[2], "dashboard  custom       role.find,role.findOne") || !strings.Contains(lines[2], "ops dashboard") ||
			strings.Contains(out, token) {
			t.Fatalf("tokens list: %v\n%s", err, out)
		}
		if strings.Contains(lines[2], "  never  ") {
			t.Fatalf("the token was used, its last use is not shown:\n%s", out)
		}

		if out, _, err = cli(t, e, nil, "tokens", "revoke", "dashboard"); err != nil || !strings.Contains(out, "revoked") {
			t.Fatalf("revoke: %v %s", err, out)
		}
		if r := e.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+token); r.Status != 401 {
			t.Fatalf("revoked token: %d", r.Status)
		}
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"tokens", "create", "--name", "admin", "--type", "read-only"}, `a token named "admin" already exists`},
			{[]string{"tokens", "create", "--name", "x", "--type", "everything"}, `token type "everything"`},
			{[]string{"tokens", "create", "--type", "read-only"}, "a token needs a name"},
			{[]string{"tokens", "create", "--name", "x", "--type", "custom"}, "at least one action"},
			{[]string{"tokens", "create", "--name", "x", "--type", "custom", "--actions", "user.fly"}, "unknown actions: user.fly"},
			{[]string{"tokens", "create", "--name", "x", "--type", "read-only", "--actions", "user.find"}, "only custom tokens take actions"},
			{[]string{"tokens", "create", "--name", "x", "--type", "read-only", "--duration", "1y"}, "use 7d, 30d, 90d or unlimited"},
			{[]string{"tokens", "revoke", "dashboard"}, `no API token named "dashboard"`},
			{[]string{"tokens"}, "usage"},
		} {
			if _, _, err := cli(t, e, nil, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v: %v, want an error with %q", c.args, err, c.want)
			}
		}
	})
}

// TestAPITokenSaltInProduction: production needs API_TOKEN_SALT as soon as a token exists
// (the server refuses to start, the CLI to create one without it); with it, tokens are
// hashed with it, so a Strapi's tokens made with the same salt are accepted.
func TestAPITokenSaltInProduction(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "prod.db")
	prod := func(extra map[string]string) func(string) string {
		env := map[string]string{"NODE_ENV": "production", "JWT_SECRET": "production-secret-0123456789-abcdefghij", "DATABASE_FILENAME": db, "LOG_LEVEL": "warn"}
		for k, v := range extra {
			env[k] = v
		}
		return func(k string) string { return env[k] }
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"tokens", "create", "--name", "ci", "--type", "read-only"}, prod(nil), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "API_TOKEN_SALT is required") {
		t.Fatalf("create without a salt in production: %v", err)
	}
	const salt = "the-production-salt"
	out.Reset()
	if err := run(context.Background(), []string{"tokens", "create", "--name", "ci", "--type", "read-only"}, prod(map[string]string{"API_TOKEN_SALT": salt}), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(out.String())
	// Stored as Strapi stores it: hex(HMAC-SHA512(salt, token)).
	st := openStore(t, db)
	cat, err := app.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := access.NewAPITokens(st, cat, salt, nil, nil).List(t.Context())
	if err != nil || len(rows) != 1 || rows[0].AccessKey != access.HashAPIToken(salt, token) {
		t.Fatalf("%+v %v", rows, err)
	}
	st.Close()
	// A token exists: no start without the salt.
	err = run(context.Background(), nil, prod(nil), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "API_TOKEN_SALT is required when NODE_ENV=production and API tokens exist") {
		t.Fatalf("start without a salt: %v", err)
	}
}

// TestSettingsCommands: advanced settings and templates changed with the CLI apply to the
// running service within a second.
func TestSettingsCommands(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		out, _, err := cli(t, e, nil, "settings", "get")
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range settings.AdvancedKeys {
			if !strings.Contains(out, k) {
				t.Fatalf("settings get lacks %s:\n%s", k, out)
			}
		}
		if !strings.Contains(out, "allow_register                  true") || !strings.Contains(out, "email_reset_password            null") {
			t.Fatalf("settings get:\n%s", out)
		}
		if out, _, err = cli(t, e, nil, "settings", "set", "allow_register", "false"); err != nil || !strings.Contains(out, "allow_register                  false") {
			t.Fatalf("set: %v\n%s", err, out)
		}
		// The running service sees the change once its settings cache (1 s) has expired.
		e.Clock.Advance(1100 * time.Millisecond)
		r := e.PostJSON("/api/auth/local/register", map[string]string{"username": "late", "email": "late@example.com", "password": "secret123"})
		if r.Status != 400 || !strings.Contains(string(r.Body), "Register action is currently disabled") {
			t.Fatalf("registration still open 1 s after allow_register=false: %d %s", r.Status, r.Body)
		}
		if _, errOut, err := cli(t, e, nil, "settings", "set", "allow_register", "true"); err != nil {
			t.Fatalf("set allow_register true: %v\n%s", err, errOut)
		}
		if _, _, err := cli(t, e, nil, "settings", "set", "email_reset_password", "https://race.example/reset"); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"settings", "set", "allow_register", "maybe"}, `"maybe" is not true or false`},
			{[]string{"settings", "set", "colour", "blue"}, `unknown advanced setting "colour"`},
			{[]string{"settings", "set", "default_role", "admins"}, `no role has the type "admins"`},
			{[]string{"settings", "set", "allow_register"}, "usage"},
		} {
			if _, _, err := cli(t, e, nil, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v: %v, want an error with %q", c.args, err, c.want)
			}
		}

		// Templates.
		out, _, err = cli(t, e, nil, "templates", "get")
		if err != nil || !strings.Contains(out, "reset_password\n  subject:    Reset password") || !strings.Contains(out, "email_confirmation\n  subject:    Account confirmation") {
			t.Fatalf("templates get: %v\n%s", err, out)
		}
		for _, name := range settings.TemplateNames { // Strapi's two, and this service's own
			if !strings.Contains(out, name+"\n  subject:    ") {
				t.Fatalf("templates get lacks %s:\n%s", name, out)
			}
		}
		dir := t.TempDir()
		write := func(name, body string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}
		for _, bad := range []string{"<p><%= USER.id %></p>", "<% evil() %>", "<%- raw %>", "${process.env.SECRET}", "<%= USER.password %>"} {
			if _, _, err := cli(t, e, nil, "templates", "set", "reset_password", "--body-file", write("bad.html", bad)); err == nil || !strings.Contains(err.Error(), "Invalid template") {
				t.Errorf("body %q: %v, want Invalid template", bad, err)
			}
		}
		if _, _, err := cli(t, e, nil, "templates", "set", "reset_password", "--subject", "Hi <%= USER.username %> ${x}"); err == nil || !strings.Contains(err.Error(), "Invalid template") {
			t.Errorf("subject with ${}: %v", err)
		}
		if _, _, err := cli(t, e, nil, "templates", "set", "reset_password", "--from-email", "not an address"); err == nil || !strings.Contains(err.Error(), "not an email address") {
			t.Errorf("from email: %v", err)
		}
		if _, _, err := cli(t, e, nil, "templates", "set", "welcome", "--subject", "x"); err == nil || !strings.Contains(err.Error(), `unknown email template "welcome"`) {
			t.Errorf("unknown template: %v", err)
		}
		if _, _, err := cli(t, e, nil, "templates", "set", "reset_password"); err == nil || !strings.Contains(err.Error(), "nothing to change") {
			t.Errorf("no change: %v", err)
		}
		body := "<p>Hello <%= USER.username %>, reset here: <%= URL %>?code=<%= TOKEN %></p>"
		if out, _, err := cli(t, e, nil, "templates", "set", "--subject", "Reset for <%= USER.username %>", "reset_password",
			"--from-name", "MTB Races", "--from-email", "races@mtb.example", "--reply-to", "help@mtb.example", "--body-file", write("good.html", body)); err != nil || !strings.Contains(out, "updated") {
			t.Fatalf("templates set: %v %s", err, out)
		}
		out, _, _ = cli(t, e, nil, "templates", "get", "reset_password")
		if !strings.Contains(out, "subject:    Reset for <%= USER.username %>\n  from name:  MTB Races\n  from email: races@mtb.example\n  reply-to:   help@mtb.example\n  body:\n"+body) ||
			strings.Contains(out, "email_confirmation") {
			t.Fatalf("templates get reset_password:\n%s", out)
		}

		// The running service sends the new mail once its settings cache (1 s) has expired.
		e.Clock.Advance(1100 * time.Millisecond)
		e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		m := e.Mail.WaitFor(t, func(m smtptest.Received) bool { return slices.Contains(m.To, "alice@example.com") }, 10*time.Second)
		if m.Subject != "Reset for alice" || !strings.Contains(m.Header.Get("From"), "races@mtb.example") ||
			!strings.Contains(m.Text, "Hello alice, reset here: https://race.example/reset?code=") {
			t.Fatalf("mail: subject %q from %q\n%s", m.Subject, m.Header.Get("From"), m.Text)
		}

		// A notice's template too.
		if _, _, err := cli(t, e, nil, "templates", "set", "password_changed", "--subject", "New password for <%= USER.username %>"); err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(1100 * time.Millisecond)
		jwt, _ := e.Register("paula", "paula@example.com", "secret123")
		e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "secret456", "passwordConfirmation": "secret456"},
			"Authorization", "Bearer "+jwt)
		m = e.Mail.WaitFor(t, func(m smtptest.Received) bool { return slices.Contains(m.To, "paula@example.com") }, 10*time.Second)
		if m.Subject != "New password for paula" {
			t.Fatalf("notice: subject %q", m.Subject)
		}
	})
}

func openStore(t *testing.T, file string) *store.Store {
	t.Helper()
	st, err := store.Open(t.Context(), store.Options{SQLiteFile: file})
	if err != nil {
		t.Fatal(err)
	}
	return st
}
