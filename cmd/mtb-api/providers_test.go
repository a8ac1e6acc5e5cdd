package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

// TestProvidersCommands: OAuth providers set up with the CLI, their secrets read from a
// file or stdin and never printed, and refused when incomplete or wrong.
func TestProvidersCommands(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		const (
			googleSecret = "GOCSPX-google-secret-0123456789"
			githubSecret = "github-secret-abcdef0123456789"
			oidcSecret   = "oidc-secret-zyxwvu9876543210"
		)
		secretFile := filepath.Join(t.TempDir(), "google.secret")
		if err := os.WriteFile(secretFile, []byte(googleSecret+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{"PUBLIC_URL": "https://api.example"}
		var printed strings.Builder // everything the CLI said, checked for secrets at the end
		do := func(stdin string, args ...string) (string, error) {
			t.Helper()
			var out, errOut bytes.Buffer
			err := runIO(context.Background(), args, func(k string) string {
				if v, ok := env[k]; ok {
					return v
				}
				return map[string]string{
					"DATABASE_FILENAME": e.Config.DatabaseFilename, "DATABASE_URL": e.Config.DatabaseURL, "LOG_LEVEL": "warn",
				}[k]
			}, strings.NewReader(stdin), &out, &errOut)
			printed.WriteString(out.String() + errOut.String())
			if err != nil {
				printed.WriteString(err.Error())
			}
			return out.String(), err
		}
		must := func(stdin string, args ...string) string {
			t.Helper()
			out, err := do(stdin, args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, out)
			}
			return out
		}
		stored := func(name string) (key, secret string, enabled bool) {
			t.Helper()
			p, _, err := settings.New(e.Store, nil).Provider(t.Context(), name)
			if err != nil {
				t.Fatal(err)
			}
			return p.Key, p.Secret, p.Enabled
		}

		// The catalog's defaults, in Strapi's order.
		out := must("", "providers", "list")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 11 || !strings.HasPrefix(lines[0], "NAME       ENABLED  KEY  SECRET  CALLBACK") ||
			!strings.HasPrefix(lines[1], "email      true") || !strings.HasPrefix(lines[10], "oidc       false") ||
			squeeze(lines[4]) != "google false - (none) https://api.example/api/auth/google/callback (default) email -" ||
			!strings.Contains(lines[9], "myKeycloakProvider.com/realms/myrealm") || strings.Contains(out, "redirect URI") {
			t.Fatalf("providers list:\n%s", out)
		}

		// Enabling needs the key and the secret first.
		if _, err := do("", "providers", "enable", "google"); err == nil ||
			!strings.Contains(err.Error(), "google cannot be enabled yet: it needs a key (--key) and a secret (--secret-file or --secret-stdin)") ||
			!strings.Contains(err.Error(), "nothing was changed") {
			t.Fatalf("enable without a key: %v", err)
		}
		if _, _, on := stored("google"); on {
			t.Fatal("google enabled")
		}
		if out := must("", "providers", "show", "google"); !strings.Contains(out, "to enable it:  give a key (--key) and a secret") {
			t.Fatalf("show:\n%s", out)
		}

		// Secrets from a file and from stdin, one trailing newline dropped.
		out = must("", "providers", "set", "google", "--key", "123-abc.apps.googleusercontent.com", "--secret-file", secretFile,
			"--callback", "https://app.example/connect/google/redirect")
		for _, want := range []string{"name:          google\nenabled:       false\nkey:           123-abc.apps.googleusercontent.com\nsecret:        (set)\n" +
			"callback:      https://app.example/connect/google/redirect\nscope:         email\n",
			"redirect URI:  https://api.example/api/connect/google/callback\n", "Every running instance applies the change within a second."} {
			if !strings.Contains(out, want) {
				t.Fatalf("set google lacks %q:\n%s", want, out)
			}
		}
		must(githubSecret+"\r\n", "providers", "set", "github", "--key", "Iv1.github", "--secret-stdin", "--scope", "read:user,user:email")
		for name, want := range map[string]string{"google": googleSecret, "github": githubSecret} {
			if key, secret, _ := stored(name); secret != want || key == "" {
				t.Fatalf("%s stored key %q, secret %q", name, key, secret)
			}
		}
		out = must("", "providers", "enable", "google")
		if !strings.Contains(out, "enabled:       true") {
			t.Fatalf("enable:\n%s", out)
		}
		must("", "providers", "enable", "github")
		out = squeeze(must("", "providers", "list"))
		for _, want := range []string{
			"\ngoogle true 123-abc.apps.googleusercontent.com (set) https://app.example/connect/google/redirect email -\n",
			"\ngithub true Iv1.github (set) https://api.example/api/auth/github/callback (default) read:user user:email -\n",
			"\ndiscord false - (none) ",
			"redirect URIs registered at the providers (each provider's OAuth client must list its own):\n" +
				" google https://api.example/api/connect/google/callback\n github https://api.example/api/connect/github/callback\n",
		} {
			if !strings.Contains(out, want) {
				t.Fatalf("list lacks %q:\n%s", want, out)
			}
		}

		// A generic OpenID Connect issuer; http only on this machine.
		if _, err := do(oidcSecret, "providers", "enable", "oidc"); err == nil || !strings.Contains(err.Error(), "an issuer (--issuer)") {
			t.Fatalf("enable oidc without an issuer: %v", err)
		}
		must(oidcSecret, "providers", "set", "oidc", "--key", "riders", "--secret-stdin", "--issuer", "https://idp.example/realms/riders",
			"--callback", "http://localhost:3000/connect/oidc/redirect", "--scope", "openid email profile offline_access")
		out = must("", "providers", "enable", "oidc")
		if !strings.Contains(out, "issuer:        https://idp.example/realms/riders\n") || !strings.Contains(out, "callback:      http://localhost:3000/connect/oidc/redirect\n") ||
			!strings.Contains(out, "scope:         openid email profile offline_access\n") {
			t.Fatalf("oidc:\n%s", out)
		}
		// Keycloak with Strapi's placeholder subdomain is not set up; with its own it is.
		must("x", "providers", "set", "keycloak", "--key", "k", "--secret-stdin")
		if _, err := do("", "providers", "enable", "keycloak"); err == nil || !strings.Contains(err.Error(), "a subdomain (--subdomain) or an issuer (--issuer)") {
			t.Fatalf("keycloak with the placeholder subdomain: %v", err)
		}
		must("", "providers", "set", "keycloak", "--subdomain", "auth.example/realms/riders")
		must("", "providers", "enable", "keycloak")

		// GitHub Enterprise's endpoints; Microsoft's tenant.
		out = must("", "providers", "set", "github", "--authorize-url", "https://ghe.example/login/oauth/authorize",
			"--access-url", "https://ghe.example/login/oauth/access_token", "--profile-url", "https://ghe.example/api/v3/user")
		if !strings.Contains(out, "authorize url: https://ghe.example/login/oauth/authorize\naccess url:    https://ghe.example/login/oauth/access_token\nprofile url:   https://ghe.example/api/v3/user\n") {
			t.Fatalf("github enterprise:\n%s", out)
		}
		if out := must("", "providers", "set", "microsoft", "--subdomain", "organizations"); !strings.Contains(out, "subdomain:     organizations\n") {
			t.Fatalf("microsoft tenant:\n%s", out)
		}

		// Disabling, and email, which only takes enable and disable.
		if out := must("", "providers", "disable", "google"); !strings.Contains(out, "enabled:       false") {
			t.Fatalf("disable:\n%s", out)
		}
		if out := must("", "providers", "show", "email"); !strings.Contains(out, "name:          email\nenabled:       true\n") || strings.Contains(out, "secret") {
			t.Fatalf("show email:\n%s", out)
		}

		for _, c := range []struct {
			stdin string
			args  []string
			want  string
		}{
			{"", []string{"providers", "show", "twitter"}, `unknown provider "twitter": use one of email, discord, facebook, google, github, microsoft, cognito, auth0, keycloak, oidc`},
			{"", []string{"providers", "set", "twitter", "--key", "k"}, `unknown provider "twitter"`},
			{"", []string{"providers", "enable", "Google"}, `unknown provider "Google"`},
			{"", []string{"providers", "set", "email", "--key", "k"}, "email is the local provider"},
			{"", []string{"providers", "set", "github"}, "nothing to change"},
			{"", []string{"providers", "set", "github", githubSecret}, "1 unexpected arguments after github (a secret goes in --secret-file or --secret-stdin"},
			{"", []string{"providers", "set", "github", "--key", "a b"}, "--key: a client ID has no spaces"},
			{"", []string{"providers", "set", "github", "--callback", "http://app.example/cb"}, "https is required (http only for localhost"},
			{"", []string{"providers", "set", "github", "--callback", "/connect/github/redirect"}, "is not an absolute URL"},
			{"", []string{"providers", "set", "github", "--callback", "ftp://app.example/cb"}, "is not an http(s) URL"},
			{"", []string{"providers", "set", "github", "--callback", "https://app.example/cb#x"}, "no fragment"},
			{"", []string{"providers", "set", "github", "--callback", "https://u:p@app.example/cb"}, "no user or password"},
			{"", []string{"providers", "set", "oidc", "--issuer", "http://idp.example"}, "--issuer: \"http://idp.example\": https is required"},
			{"", []string{"providers", "set", "oidc", "--issuer", "idp.example"}, "--issuer: \"idp.example\" is not an absolute URL"},
			{"", []string{"providers", "set", "oidc", "--issuer", "https://idp.example?x=1"}, "an issuer has no query"},
			{"", []string{"providers", "set", "github", "--authorize-url", "http://ghe.example/login/oauth/authorize"}, "--authorize-url"},
			{"", []string{"providers", "set", "github", "--issuer", "https://github.com"}, "--issuer: github is not an OpenID Connect provider"},
			{"", []string{"providers", "set", "google", "--profile-url", "https://x.example/me"}, "--profile-url: google's endpoints come from its issuer's discovery document"},
			{"", []string{"providers", "set", "oidc", "--scope", "email profile"}, "needs the openid scope"},
			{"", []string{"providers", "set", "github", "--subdomain", "x.example"}, "--subdomain: github takes none"},
			{"", []string{"providers", "set", "auth0", "--subdomain", "https://tenant.eu.auth0.com"}, "without https://"},
			{"x", []string{"providers", "set", "github", "--secret-file", secretFile, "--secret-stdin"}, "give the secret once"},
			{"\n", []string{"providers", "set", "github", "--secret-stdin"}, "the secret is empty"},
			{"two\nlines\n", []string{"providers", "set", "github", "--secret-stdin"}, "give one line, the secret alone"},
			{"", []string{"providers", "set", "github", "--secret-file", filepath.Join(t.TempDir(), "none")}, "--secret-file"},
			{"", []string{"providers", "set", "github", "--key", ""}, "github is enabled and would lack a key (--key)"},
			{"", []string{"providers", "set", "oidc", "--issuer", ""}, "oidc is enabled and would lack an issuer (--issuer)"},
			{"", []string{"providers", "enable"}, "usage"},
			{"", []string{"providers"}, "usage"},
		} {
			if _, err := do(c.stdin, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v: %v, want an error with %q", c.args, err, c.want)
			}
		}
		// The refused changes changed nothing.
		if key, secret, on := stored("github"); key != "Iv1.github" || secret != githubSecret || !on {
			t.Fatalf("github after refused changes: key %q, enabled %t, secret kept %t", key, on, secret == githubSecret)
		}

		for _, s := range []string{googleSecret, githubSecret, oidcSecret} {
			if strings.Contains(printed.String(), s) {
				t.Fatalf("a secret was printed:\n%s", printed.String())
			}
		}
	})
}

// squeeze writes every run of spaces as one: tabwriter's columns, compared by content.
func squeeze(s string) string {
	return regexp.MustCompile(` +`).ReplaceAllString(s, " ")
}
