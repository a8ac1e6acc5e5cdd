package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/oauth/oauthtest"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

// ---- sign-in with an OAuth provider (contract §7.3, §7.4), against the fake provider
// oauthtest: the start leg, the provider's redirect back and the callback route, through
// the real HTTP handler, on both engines.

// frontend is the frontend callback page the tests configure.
func frontend(provider string) string {
	return "https://race.example/connect/" + provider + "/redirect"
}

// enableProvider stores idp's settings for provider name, with the frontend callback, and
// moves the service's clock past the settings cache.
func enableProvider(t *testing.T, e *apitest.Env, idp *oauthtest.Provider, name string, change ...func(*oauth.Settings)) {
	t.Helper()
	err := e.App.Auth.Settings.UpdateProviders(t.Context(), func(g map[string]oauth.Settings) error {
		s := idp.Settings(name)
		s.Callback = frontend(name)
		for _, c := range change {
			c(&s)
		}
		g[name] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// browser is a browser going through a sign-in: it keeps the provider session's cookies
// (koa.sess and its .sig companion) as a browser would, and follows nothing by itself.
type browser struct {
	t       *testing.T
	e       *apitest.Env
	idp     *oauthtest.Provider
	cookies map[string]string
}

func newBrowser(t *testing.T, e *apitest.Env, idp *oauthtest.Provider) *browser {
	return &browser{t: t, e: e, idp: idp, cookies: map[string]string{}}
}

// absorb applies an answer's Set-Cookie headers.
func (b *browser) absorb(r apitest.Response) {
	for _, line := range r.Header.Values("Set-Cookie") {
		c, err := http.ParseSetCookie(line)
		if err != nil {
			b.t.Fatalf("Set-Cookie %q: %v", line, err)
		}
		if c.Value == "" || (!c.Expires.IsZero() && c.Expires.Before(time.Now())) {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
}

func (b *browser) cookieHeader() []string {
	var parts []string
	for k, v := range b.cookies {
		parts = append(parts, k+"="+v)
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{"Cookie", strings.Join(parts, "; ")}
}

// get requests path (with its query) of the service with the browser's cookies.
func (b *browser) get(path string, header ...string) apitest.Response {
	b.t.Helper()
	r := b.e.Do("GET", path, nil, append(b.cookieHeader(), header...)...)
	b.absorb(r)
	return r
}

// start is the start leg: GET /api/connect/<provider><query>.
func (b *browser) start(provider, query string) apitest.Response {
	b.t.Helper()
	return b.get("/api/connect/" + provider + query)
}

// back follows the provider's redirect back (a URL of PUBLIC_URL) to this server.
func (b *browser) back(u *url.URL) apitest.Response {
	b.t.Helper()
	if !strings.HasPrefix(u.Path, "/api/connect/") {
		b.t.Fatalf("the provider redirected to %s", u)
	}
	return b.get(u.RequestURI())
}

// signIn runs the whole dance for the account with email and returns the callback route's
// answer.
func (b *browser) signIn(provider, email string, header ...string) apitest.Response {
	b.t.Helper()
	r := b.start(provider, "")
	if r.Status != http.StatusFound {
		b.t.Fatalf("start: %d %s", r.Status, r.Body)
	}
	r = b.back(b.idp.Approve(b.t, r.Header.Get("Location"), email))
	if r.Status != http.StatusFound {
		b.t.Fatalf("redirect back: %d %s", r.Status, r.Body)
	}
	if got := r.Header.Get("Location"); got != frontend(provider) {
		b.t.Fatalf("redirect back went to %q, want the frontend callback %q", got, frontend(provider))
	}
	return b.get("/api/auth/"+provider+"/callback", header...)
}

type signedIn struct {
	JWT          string   `json:"jwt"`
	RefreshToken string   `json:"refreshToken"`
	User         userJSON `json:"user"`
}

func decodeSignedIn(t *testing.T, r apitest.Response) signedIn {
	t.Helper()
	if r.Status != 200 {
		t.Fatalf("callback: %d %s", r.Status, r.Body)
	}
	var s signedIn
	decodeInto(t, r.Body, &s)
	return s
}

// count is the number of rows of a query's single integer column.
func count(t *testing.T, e *apitest.Env, query string, args ...any) int64 {
	t.Helper()
	var n int64
	err := e.Query(query, args, func(scan func(dest ...any) error) error { return scan(&n) })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// providerAccounts are the fake provider's people: verified everywhere (Microsoft: a
// personal account), and one whose email no provider vouches for.
func providerAccounts() []oauthtest.Account {
	return []oauthtest.Account{
		{Email: "Rider@Example.com", EmailVerified: true, Username: "rider", Tenant: oauthtest.ConsumerTenant},
		{Email: "unverified@example.com", EmailVerified: false, Username: "unverified", Tenant: oauthtest.WorkTenant},
		{Email: "ab@example.com", EmailVerified: true, Username: "ab", Tenant: oauthtest.ConsumerTenant},
		{Email: "second@example.com", EmailVerified: true, Username: "Rider", Tenant: oauthtest.ConsumerTenant},
	}
}

// TestProviderSignIn: each provider of the catalog signs a new rider up (confirmed, the
// default role, the provider's name as provider), then back in to the same account;
// /users/me answers with the JWT; the provider session is used once and its cookie cleared.
func TestProviderSignIn(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		for _, tc := range []struct{ provider, username string }{
			{"google", "Rider"}, // Google: the email's local part, as the provider wrote it
			{"github", "rider"},
			{"microsoft", "rider"},
			{"facebook", "rider"},
			{"discord", "rider"},
			{"oidc", "rider"},
			{"keycloak", "rider"},
			{"auth0", "rider"},
		} {
			t.Run(tc.provider, func(t *testing.T) {
				enableProvider(t, e, idp, tc.provider)
				e.Clock.Advance(2 * time.Second)
				// Every provider signs up the same email: only the first gets the account;
				// the others find it taken (one account per email).
				if _, err := e.Exec("DELETE FROM up_users WHERE lower(email) = 'rider@example.com'"); err != nil {
					t.Fatal(err)
				}
				b := newBrowser(t, e, idp)
				r := b.start(tc.provider, "")
				if r.Status != http.StatusFound {
					t.Fatalf("start: %d %s", r.Status, r.Body)
				}
				loc, err := url.Parse(r.Header.Get("Location"))
				if err != nil || !strings.HasPrefix(loc.String(), idp.URL()) {
					t.Fatalf("start redirected to %q, not to the provider", r.Header.Get("Location"))
				}
				q := loc.Query()
				if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(q.Get("state")) {
					t.Errorf("state %q is not 40 hex characters", q.Get("state"))
				}
				if want := "http://127.0.0.1:1337/api/connect/" + tc.provider + "/callback"; q.Get("redirect_uri") != want {
					t.Errorf("redirect_uri = %q, want %q", q.Get("redirect_uri"), want)
				}
				if q.Get("client_id") != idp.ClientID() || q.Get("response_type") != "code" {
					t.Errorf("authorize query %v", q)
				}
				if b.cookies["koa.sess"] == "" || b.cookies["koa.sess.sig"] == "" {
					t.Fatalf("no provider session cookie: %v", r.Header.Values("Set-Cookie"))
				}
				set := strings.Join(r.Header.Values("Set-Cookie"), "\n")
				for _, attr := range []string{"; path=/api", "; samesite=lax", "; httponly", "; expires="} {
					if !strings.Contains(set, attr) {
						t.Errorf("the provider session cookie lacks %q: %s", attr, set)
					}
				}
				r = b.back(idp.Approve(t, loc.String(), "rider@example.com"))
				if r.Status != http.StatusFound || r.Header.Get("Location") != frontend(tc.provider) {
					t.Fatalf("redirect back: %d %q %s", r.Status, r.Header.Get("Location"), r.Body)
				}
				first := decodeSignedIn(t, b.get("/api/auth/"+tc.provider+"/callback"))
				u := first.User
				if u.Provider != tc.provider || u.Email != "rider@example.com" || !u.Confirmed || u.Blocked || u.Username != tc.username {
					t.Errorf("new provider user %+v", u)
				}
				if _, ok := b.cookies["koa.sess"]; ok {
					t.Error("the callback did not clear the provider session cookie")
				}
				if n := count(t, e, "SELECT count(*) FROM provider_sessions"); n != 0 {
					t.Errorf("%d provider sessions left", n)
				}
				if role := count(t, e, "SELECT count(*) FROM up_users u JOIN up_roles r ON r.id = u.role_id WHERE u.id = $1 AND r.type = 'authenticated'", u.ID); role != 1 {
					t.Error("the new user does not have the default role")
				}
				me := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+first.JWT)
				if me.Status != 200 || !strings.Contains(string(me.Body), fmt.Sprintf(`"id":%d`, u.ID)) {
					t.Fatalf("/users/me: %d %s", me.Status, me.Body)
				}
				// The session was used: the callback again is refused.
				wantError(t, b.get("/api/auth/"+tc.provider+"/callback"), 400, "ApplicationError",
					"OAuth authentication requires a completed provider session", "")

				// Back in: the same account.
				again := decodeSignedIn(t, newBrowser(t, e, idp).signIn(tc.provider, "rider@example.com"))
				if again.User.ID != u.ID || again.User.DocumentID != u.DocumentID {
					t.Errorf("signed back in as %d, signed up as %d", again.User.ID, u.ID)
				}
				if n := count(t, e, "SELECT count(*) FROM up_users WHERE lower(email) = 'rider@example.com'"); n != 1 {
					t.Errorf("%d accounts for one rider", n)
				}
			})
		}
	})
}

// TestProviderPKCEAndNonce: PKCE (S256) and, for OpenID Connect, a nonce are sent where the
// provider takes them, and the token request carries the verifier.
func TestProviderPKCEAndNonce(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
	for _, tc := range []struct {
		provider    string
		pkce, nonce bool
		scope       string
	}{
		{"google", true, true, "openid email"}, // Strapi's [email], and openid for the ID token
		{"github", true, false, "user,user:email"},
		{"facebook", false, false, "email"},
		{"discord", false, false, "identify email"},
		{"oidc", true, true, "openid email profile"},
	} {
		enableProvider(t, e, idp, tc.provider)
		e.Clock.Advance(2 * time.Second)
		r := newBrowser(t, e, idp).start(tc.provider, "")
		loc, _ := url.Parse(r.Header.Get("Location"))
		q := loc.Query()
		if got := q.Get("code_challenge_method") == "S256" && q.Get("code_challenge") != ""; got != tc.pkce {
			t.Errorf("%s: PKCE sent %v, want %v (%v)", tc.provider, got, tc.pkce, q)
		}
		if got := q.Get("nonce") != ""; got != tc.nonce {
			t.Errorf("%s: nonce sent %v, want %v", tc.provider, got, tc.nonce)
		}
		if q.Get("scope") != tc.scope {
			t.Errorf("%s: scope %q, want %q", tc.provider, q.Get("scope"), tc.scope)
		}
	}
	before := len(idp.RequestsTo("/token"))
	decodeSignedIn(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"))
	reqs := idp.RequestsTo("/token")
	if len(reqs) != before+1 || reqs[len(reqs)-1].Form.Get("code_verifier") == "" {
		t.Errorf("the token request carried no PKCE verifier: %+v", reqs)
	}
}

// TestProviderMisbehaviour: every way the provider (or a replayed or forged redirect) can
// go wrong is refused with Strapi's wording, and leaves no user, no provider session and
// no refresh session behind.
func TestProviderMisbehaviour(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, refreshMode)
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		for _, p := range []string{"google", "github"} {
			enableProvider(t, e, idp, p)
		}
		e.Clock.Advance(2 * time.Second)
		cases := []struct {
			name     string
			provider string
			email    string
			faults   oauthtest.Faults
			// backErr: the redirect back sends the frontend error=…&error_description=…;
			// otherwise the callback route answers callbackMsg.
			backErr, backDesc string
			callbackMsg       string
		}{
			{name: "wrong state", provider: "google", faults: oauthtest.Faults{WrongState: true},
				backErr: "oauth_error", backDesc: "OAuth2 state mismatch"},
			{name: "provider refuses", provider: "google", faults: oauthtest.Faults{ProviderError: true},
				backErr: "access_denied"},
			{name: "token refused", provider: "github", faults: oauthtest.Faults{TokenError: true},
				backErr: "oauth_error"},
			{name: "bad signature", provider: "google", faults: oauthtest.Faults{BadSignature: true}, callbackMsg: "Invalid ID token from Google"},
			{name: "wrong audience", provider: "google", faults: oauthtest.Faults{WrongAudience: true}, callbackMsg: "Invalid ID token from Google"},
			{name: "expired ID token", provider: "google", faults: oauthtest.Faults{ExpiredIDToken: true}, callbackMsg: "Invalid ID token from Google"},
			{name: "wrong nonce", provider: "google", faults: oauthtest.Faults{WrongNonce: true}, callbackMsg: "Invalid ID token from Google"},
			{name: "wrong issuer", provider: "google", faults: oauthtest.Faults{WrongIssuer: true}, callbackMsg: "Invalid ID token from Google"},
			{name: "no ID token", provider: "google", faults: oauthtest.Faults{NoIDToken: true}, callbackMsg: "No ID token from Google"},
			{name: "unverified email google", provider: "google", email: "unverified@example.com", callbackMsg: "Email not verified by Google"},
			{name: "unverified email github", provider: "github", email: "unverified@example.com", callbackMsg: "Email not verified by GitHub"},
			{name: "profile unreadable", provider: "github", faults: oauthtest.Faults{ProfileStatus: 500}, callbackMsg: "Could not read the profile from GitHub"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				idp.SetFaults(tc.faults)
				defer idp.SetFaults(oauthtest.Faults{})
				email := tc.email
				if email == "" {
					email = "rider@example.com"
				}
				b := newBrowser(t, e, idp)
				r := b.start(tc.provider, "")
				r = b.back(idp.Approve(t, r.Header.Get("Location"), email))
				if r.Status != http.StatusFound {
					t.Fatalf("redirect back: %d %s", r.Status, r.Body)
				}
				loc, _ := url.Parse(r.Header.Get("Location"))
				if tc.backErr != "" {
					if loc.Query().Get("error") != tc.backErr || (tc.backDesc != "" && loc.Query().Get("error_description") != tc.backDesc) ||
						!strings.HasPrefix(loc.String(), frontend(tc.provider)+"?") {
						t.Errorf("redirect back to %s, want error=%s error_description=%s", loc, tc.backErr, tc.backDesc)
					}
					if _, ok := b.cookies["koa.sess"]; ok {
						t.Error("a failed redirect back kept the provider session cookie")
					}
					tc.callbackMsg = "OAuth authentication requires a completed provider session"
				} else if loc.String() != frontend(tc.provider) {
					t.Errorf("redirect back to %s, want %s", loc, frontend(tc.provider))
				}
				wantError(t, b.get("/api/auth/"+tc.provider+"/callback"), 400, "ApplicationError", tc.callbackMsg, "")
				for what, q := range map[string]string{
					"users":             "SELECT count(*) FROM up_users",
					"provider sessions": "SELECT count(*) FROM provider_sessions",
					"sessions":          "SELECT count(*) FROM up_sessions",
				} {
					if n := count(t, e, q); n != 0 {
						t.Errorf("%d %s left behind", n, what)
					}
				}
			})
		}
	})
}

// TestProviderReplays: a redirect back replayed (the same code and state), before or after
// the callback, and a code carried to another browser's session are refused; the callback
// route without the cookie, or with a forged one, finds no session.
func TestProviderReplays(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
	enableProvider(t, e, idp, "google")
	e.Clock.Advance(2 * time.Second)

	b := newBrowser(t, e, idp)
	back := idp.Approve(t, b.start("google", "").Header.Get("Location"), "rider@example.com")
	// An attacker's browser, with its own provider session, gets the victim's redirect back.
	attacker := newBrowser(t, e, idp)
	attacker.start("google", "")
	r := attacker.back(back)
	if loc, _ := url.Parse(r.Header.Get("Location")); loc == nil || loc.Query().Get("error_description") != "OAuth2 state mismatch" {
		t.Errorf("another browser's redirect back: %d %q", r.Status, r.Header.Get("Location"))
	}
	if r := b.back(back); r.Header.Get("Location") != frontend("google") {
		t.Fatalf("redirect back: %d %q", r.Status, r.Header.Get("Location"))
	}
	// The same redirect again: its state was used.
	saved := map[string]string{}
	for k, v := range b.cookies {
		saved[k] = v
	}
	replay := newBrowser(t, e, idp)
	replay.cookies = saved
	if r := replay.back(back); !strings.Contains(r.Header.Get("Location"), "error_description=OAuth2+state+mismatch") {
		t.Errorf("replayed redirect back: %d %q", r.Status, r.Header.Get("Location"))
	}
	// Without the cookie, with a forged one, with a cookie whose signature is wrong.
	for _, h := range [][]string{nil, {"Cookie", "koa.sess=forged; koa.sess.sig=forged"}} {
		wantError(t, e.Do("GET", "/api/auth/google/callback", nil, h...), 400, "ApplicationError",
			"OAuth authentication requires a completed provider session", "")
	}
	if n := count(t, e, "SELECT count(*) FROM up_users"); n != 0 {
		t.Errorf("%d users after replays", n)
	}
}

// TestProviderStartErrors: disabled and unknown providers, a callback other than the
// configured one (no open redirect), the configured one given explicitly, and an OpenID
// Connect issuer that cannot be reached.
func TestProviderStartErrors(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
	enableProvider(t, e, idp, "google")
	enableProvider(t, e, idp, "oidc", func(s *oauth.Settings) { s.Issuer = "http://127.0.0.1:1/unreachable" })
	e.Clock.Advance(2 * time.Second)

	enableProvider(t, e, idp, "cognito", func(s *oauth.Settings) { s.Issuer = "" }) // enabled, but no issuer
	e.Clock.Advance(2 * time.Second)
	for _, p := range []string{"github", "nope", "email", "cognito"} {
		for _, path := range []string{"/api/connect/" + p, "/api/connect/" + p + "/callback?code=x&state=y", "/api/auth/" + p + "/callback"} {
			wantError(t, e.Do("GET", path, nil), 400, "ApplicationError", "This provider is disabled", "")
		}
	}
	for _, cb := range []string{
		"https://evil.example/connect/google/redirect",
		"https://race.example/connect/google/redirect?next=https://evil.example",
		"https://race.example/connect/google/other",
		"//evil.example",
		"",
	} {
		r := e.Do("GET", "/api/connect/google?callback="+url.QueryEscape(cb), nil)
		body := decodeEnvelope(t, r)
		if r.Status != 400 || body.Error.Name != "ValidationError" || body.Error.Message != "Invalid callback URL provided" ||
			len(body.Error.Details) != 1 || body.Error.Details["callback"] != cb {
			t.Errorf("callback %q: %d %s", cb, r.Status, r.Body)
		}
	}
	b := newBrowser(t, e, idp)
	r := b.start("google", "?callback="+url.QueryEscape(frontend("google")))
	if r.Status != http.StatusFound {
		t.Fatalf("the configured callback given explicitly: %d %s", r.Status, r.Body)
	}
	if r := b.back(idp.Approve(t, r.Header.Get("Location"), "rider@example.com")); r.Header.Get("Location") != frontend("google") {
		t.Errorf("redirect back to %q", r.Header.Get("Location"))
	}
	wantError(t, e.Do("GET", "/api/connect/oidc", nil), 503, "ServiceUnavailableError", "The provider could not be reached", "")
	if n := count(t, e, "SELECT count(*) FROM provider_sessions WHERE provider = 'oidc'"); n != 0 {
		t.Errorf("%d provider sessions after a failed start", n)
	}
}

// TestProviderLinking: Strapi's rules for the account of a provider sign-in.
func TestProviderLinking(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		enableProvider(t, e, idp, "google")
		enableProvider(t, e, idp, "github")
		e.Clock.Advance(2 * time.Second)
		setAdvanced := func(key, value string) {
			t.Helper()
			if err := e.App.Auth.Settings.UpdateAdvanced(t.Context(), func(a *settings.Advanced) error { return a.Set(key, value) }); err != nil {
				t.Fatal(err)
			}
		}

		// A local account with the email: taken (Strapi: with unique_email; here always,
		// one account per email).
		e.Register("localrider", "rider@example.com", "Password123!")
		for _, unique := range []string{"true", "false"} {
			setAdvanced("unique_email", unique)
			wantError(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"), 400, "ApplicationError", "Email is already taken.", "")
		}
		setAdvanced("unique_email", "true")
		if _, err := e.Exec("DELETE FROM up_users"); err != nil {
			t.Fatal(err)
		}

		// Registration off: no new account, but an existing provider account signs in.
		setAdvanced("allow_register", "false")
		wantError(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"), 400, "ApplicationError", "Register action is actually not available.", "")
		setAdvanced("allow_register", "true")
		first := decodeSignedIn(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"))
		setAdvanced("allow_register", "false")
		if again := decodeSignedIn(t, newBrowser(t, e, idp).signIn("google", "rider@example.com")); again.User.ID != first.User.ID {
			t.Errorf("registration off: signed in as %d, want %d", again.User.ID, first.User.ID)
		}
		setAdvanced("allow_register", "true")

		// Another provider with the same email: taken.
		wantError(t, newBrowser(t, e, idp).signIn("github", "rider@example.com"), 400, "ApplicationError", "Email is already taken.", "")

		// Blocked: refused (Strapi's 400), no session.
		if _, err := e.Exec("UPDATE up_users SET blocked = TRUE WHERE id = $1", first.User.ID); err != nil {
			t.Fatal(err)
		}
		wantError(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"), 400, "ApplicationError", "Your account has been blocked by an administrator", "")

		// Usernames: one shorter than 3 characters, and a taken one ("Rider", Google's user's),
		// get 4 digits.
		for email, base := range map[string]string{"ab@example.com": "ab", "second@example.com": "Rider"} {
			u := decodeSignedIn(t, newBrowser(t, e, idp).signIn("github", email)).User
			if !regexp.MustCompile(`^` + base + `[1-9][0-9]{3}$`).MatchString(u.Username) {
				t.Errorf("username %q, want %s and 4 digits", u.Username, base)
			}
		}
		if n := count(t, e, "SELECT count(*) FROM provider_sessions"); n != 0 {
			t.Errorf("%d provider sessions left", n)
		}
	})
}

// TestProviderFirstSignInRace: one rider signing up through two browsers at once gets one
// account, and both sign in to it.
func TestProviderFirstSignInRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		enableProvider(t, e, idp, "github")
		e.Clock.Advance(2 * time.Second)
		const n = 8
		browsers := make([]*browser, n)
		for i := range browsers {
			b := newBrowser(t, e, idp)
			r := b.back(idp.Approve(t, b.start("github", "").Header.Get("Location"), "rider@example.com"))
			if r.Status != http.StatusFound {
				t.Fatalf("redirect back: %d", r.Status)
			}
			browsers[i] = b
		}
		ids := make([]string, n)
		var wg sync.WaitGroup
		for i, b := range browsers {
			wg.Go(func() {
				r, err := e.Try("GET", "/api/auth/github/callback", nil, b.cookieHeader()...)
				if err != nil {
					ids[i] = err.Error()
					return
				}
				ids[i] = fmt.Sprintf("%d %s", r.Status, regexp.MustCompile(`"id":\d+`).Find(r.Body))
			})
		}
		wg.Wait()
		for _, id := range ids {
			if id != ids[0] || !strings.HasPrefix(id, "200 ") {
				t.Fatalf("concurrent first sign-ins: %q", ids)
			}
		}
		if c := count(t, e, "SELECT count(*) FROM up_users"); c != 1 {
			t.Errorf("%d accounts", c)
		}
	})
}

// TestProviderRefreshMode: in refresh mode the callback answers a session ({jwt,
// refreshToken, user}), or the refresh cookie with x-strapi-refresh-cookie: httpOnly.
func TestProviderRefreshMode(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, refreshMode)
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		enableProvider(t, e, idp, "google")
		e.Clock.Advance(2 * time.Second)

		s := decodeSignedIn(t, newBrowser(t, e, idp).signIn("google", "rider@example.com"))
		if s.RefreshToken == "" || s.JWT == "" {
			t.Fatalf("refresh mode answer without tokens: %+v", s)
		}
		r := e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": s.RefreshToken})
		if r.Status != 200 {
			t.Fatalf("refresh with the provider session's token: %d %s", r.Status, r.Body)
		}

		b := newBrowser(t, e, idp)
		r = b.signIn("google", "rider@example.com", "x-strapi-refresh-cookie", "httpOnly")
		c := decodeSignedIn(t, r)
		if c.RefreshToken != "" || b.cookies[e.Config.Sessions.Cookie.Name] == "" {
			t.Errorf("cookie mode: body refreshToken %q, cookies %v", c.RefreshToken, r.Header.Values("Set-Cookie"))
		}
		if n := count(t, e, "SELECT count(DISTINCT family_id) FROM up_sessions"); n != 2 {
			t.Errorf("%d session families, want 2", n)
		}
	})
}

// TestLocalProviderDisabled: with the local provider ("email") disabled, login answers
// Strapi's `This provider is disabled`.
func TestLocalProviderDisabled(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	e.Register("localrider", "rider@example.com", "Password123!")
	err := e.App.Auth.Settings.UpdateProviders(t.Context(), func(g map[string]oauth.Settings) error {
		s := g["email"]
		s.Enabled = false
		g["email"] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "rider@example.com", "password": "Password123!"})
	wantError(t, r, 400, "ApplicationError", "This provider is disabled", "")
}

// decodeInto decodes a JSON body into v.
func decodeInto(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("body is not the JSON expected: %v\n%s", err, body)
	}
}

// TestProviderSessionExpiry: a provider session lasts 10 minutes: a redirect back or a
// callback later is refused as one without a session, and the cleanup deletes the row.
func TestProviderSessionExpiry(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
	enableProvider(t, e, idp, "google")
	e.Clock.Advance(2 * time.Second)

	late := newBrowser(t, e, idp)
	back := idp.Approve(t, late.start("google", "").Header.Get("Location"), "rider@example.com")
	done := newBrowser(t, e, idp)
	if r := done.back(idp.Approve(t, done.start("google", "").Header.Get("Location"), "rider@example.com")); r.Status != http.StatusFound {
		t.Fatalf("redirect back: %d", r.Status)
	}
	e.Clock.Advance(10*time.Minute + time.Second)
	if r := late.back(back); !strings.Contains(r.Header.Get("Location"), "error_description=OAuth2+state+mismatch") {
		t.Errorf("redirect back after 10 minutes: %d %q", r.Status, r.Header.Get("Location"))
	}
	wantError(t, done.get("/api/auth/google/callback"), 400, "ApplicationError", "OAuth authentication requires a completed provider session", "")
	n, err := e.App.Auth.CleanupProviderSessions(t.Context())
	if err != nil || n != 2 { // both: an expired session is not even read
		t.Errorf("cleanup deleted %d (%v), want the 2 expired sessions", n, err)
	}
	if c := count(t, e, "SELECT count(*) FROM provider_sessions"); c != 0 || count(t, e, "SELECT count(*) FROM up_users") != 0 {
		t.Errorf("%d provider sessions left after the cleanup", c)
	}
}

// TestProviderCookieSameSite: the provider session cookie follows the refresh cookie's
// SameSite=None and Secure (a frontend on another site), and is Lax, never Strict, otherwise:
// a Strict cookie would not come back on the provider's redirect.
func TestProviderCookieSameSite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		sameSite     string
		secure       bool
		want, absent string
	}{
		{"none", true, "; samesite=none", "; samesite=lax"},
		{"strict", false, "; samesite=lax", "; secure"},
	} {
		e := apitest.New(t, "sqlite", func(c *config.Config) {
			c.Sessions.Cookie.SameSite, c.Sessions.Cookie.Secure = tc.sameSite, tc.secure
		})
		idp := oauthtest.NewWith(t, oauthtest.Options{Accounts: providerAccounts()})
		enableProvider(t, e, idp, "google")
		e.Clock.Advance(2 * time.Second)
		set := strings.Join(newBrowser(t, e, idp).start("google", "").Header.Values("Set-Cookie"), "\n")
		if !strings.Contains(set, "koa.sess=") || !strings.Contains(set, tc.want) || strings.Contains(set, tc.absent) ||
			strings.Contains(set, "; secure") != tc.secure {
			t.Errorf("SESSIONS_COOKIE_SAMESITE=%s: provider cookie %s", tc.sameSite, set)
		}
	}
}
