package httpapi_test

import (
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestCORSCredentials (decision D16): only origins listed in CORS_ORIGIN get
// Access-Control-Allow-Credentials; with the default *, any origin may call the API but
// without credentials, so that a page of another site cannot refresh the session with the
// user's refresh cookie and read the new access token. "null" never gets credentials.
// Checked on the preflight and on the cookie-mode refresh itself, on both engines.
func TestCORSCredentials(t *testing.T) {
	t.Parallel()
	const (
		app  = "https://app.example"
		evil = "https://evil.example"
	)
	tests := []struct {
		name       string
		origins    string // CORS_ORIGIN
		origin     string // the request's Origin; "": none
		wantOrigin string // Access-Control-Allow-Origin; "": none
		wantCreds  bool   // Access-Control-Allow-Credentials: true
	}{
		{"*: another site, without credentials", "*", evil, evil, false},
		{"*: null, without credentials", "*", "null", "null", false},
		{"*: no Origin, no CORS headers", "*", "", "", false},
		{"listed: the listed origin, with credentials", app, app, app, true},
		{"listed: another site, nothing", app, evil, "", false},
		{"listed: null, nothing", app, "null", "", false},
		{"listed and *: the listed origin, with credentials", app + ",*", app, app, true},
		{"listed and *: another site, without credentials", app + ",*", evil, evil, false},
		{"listed and *: null, without credentials", app + ",*", "null", "null", false},
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		envs := map[string]*apitest.Env{}
		for _, tt := range tests {
			if envs[tt.origins] != nil {
				continue
			}
			cfg, err := config.Load(func(k string) string { return map[string]string{"CORS_ORIGIN": tt.origins}[k] })
			if err != nil {
				t.Fatal(err)
			}
			e := refreshEnv(t, engine, func(c *config.Config) { c.CORSOrigins = cfg.CORSOrigins })
			registerPair(t, e, "alice")
			envs[tt.origins] = e
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := envs[tt.origins]
				check := func(what string, r apitest.Response) {
					t.Helper()
					if got := r.Header.Get("Access-Control-Allow-Origin"); got != tt.wantOrigin {
						t.Errorf("%s: Access-Control-Allow-Origin %q, want %q", what, got, tt.wantOrigin)
					}
					creds := r.Header.Values("Access-Control-Allow-Credentials")
					if tt.wantCreds && (len(creds) != 1 || creds[0] != "true") || !tt.wantCreds && len(creds) != 0 {
						t.Errorf("%s: Access-Control-Allow-Credentials %q, want it only for a listed origin", what, creds)
					}
					if !strings.Contains(strings.Join(r.Header.Values("Vary"), ","), "Origin") {
						t.Errorf("%s: Vary %q lacks Origin", what, r.Header.Values("Vary"))
					}
				}
				var origin []string
				if tt.origin != "" {
					origin = []string{"Origin", tt.origin}
				}
				pre := e.Do("OPTIONS", "/api/auth/refresh", nil, append([]string{"Access-Control-Request-Method", "POST",
					"Access-Control-Request-Headers", "content-type,x-strapi-refresh-cookie"}, origin...)...)
				if pre.Status != 204 {
					t.Fatalf("preflight: %d", pre.Status)
				}
				check("preflight", pre)
				if tt.wantOrigin != "" && pre.Header.Get("Access-Control-Allow-Methods") == "" {
					t.Errorf("preflight of an allowed origin without Access-Control-Allow-Methods: %v", pre.Header)
				}

				// The attack: the user's browser sends the refresh cookie with the page's request.
				login := loginWith(t, e, "alice", "secret123", nil, "x-strapi-refresh-cookie", "httpOnly")
				if login.Status != 200 || len(login.Header.Values("Set-Cookie")) != 2 {
					t.Fatalf("login: %d %q", login.Status, login.Header.Values("Set-Cookie"))
				}
				var cookies []string
				for _, c := range login.Header.Values("Set-Cookie") {
					cookies = append(cookies, strings.SplitN(c, ";", 2)[0])
				}
				r := e.Do("POST", "/api/auth/refresh", []byte(`{}`), append([]string{"Content-Type", "application/json",
					"x-strapi-refresh-cookie", "httpOnly", "Cookie", strings.Join(cookies, "; ")}, origin...)...)
				if r.Status != 200 || !strings.Contains(string(r.Body), `"jwt"`) {
					t.Fatalf("refresh with the cookie: %d %s", r.Status, r.Body)
				}
				check("refresh", r)
			})
		}
	})
}
