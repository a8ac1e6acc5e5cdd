package oauth_test

import (
	"context"
	"errors"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/oauth/oauthtest"
)

const redirectURI = "http://localhost:1337/api/connect/%s/callback"

func redirectFor(name string) string { return strings.Replace(redirectURI, "%s", name, 1) }

var stateRE = regexp.MustCompile(`^[0-9a-f]{40}$`)

func newClient() *oauth.Client { return oauth.NewClient(&http.Client{Timeout: 10 * time.Second}) }

func TestCatalog(t *testing.T) {
	want := []string{"email", "discord", "facebook", "google", "github", "microsoft", "cognito", "auth0", "keycloak", "oidc"}
	if got := oauth.Names(); !slices.Equal(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	d := oauth.Defaults()
	if len(d) != len(want) {
		t.Fatalf("Defaults() has %d entries, want %d", len(d), len(want))
	}
	cases := map[string]oauth.Settings{
		"email":     {Enabled: true, Icon: "envelope"},
		"discord":   {Icon: "discord", Scope: []string{"identify", "email"}},
		"facebook":  {Icon: "facebook-square", Scope: []string{"email"}},
		"google":    {Icon: "google", Scope: []string{"email"}},
		"github":    {Icon: "github", Scope: []string{"user", "user:email"}},
		"microsoft": {Icon: "windows", Scope: []string{"user.read"}},
		"cognito":   {Icon: "aws", Scope: []string{"email", "openid", "profile"}, Subdomain: "my.subdomain.com"},
		"auth0":     {Scope: []string{"openid", "email", "profile"}, Subdomain: "my-tenant.eu"},
		"keycloak":  {Scope: []string{"openid", "email", "profile"}, Subdomain: "myKeycloakProvider.com/realms/myrealm"},
		"oidc":      {Scope: []string{"openid", "email", "profile"}},
	}
	for name, w := range cases {
		g := d[name]
		if g.Enabled != w.Enabled || g.Icon != w.Icon || !slices.Equal(g.Scope, w.Scope) || g.Subdomain != w.Subdomain ||
			g.Key != "" || g.Secret != "" || g.Callback != "" || g.Issuer != "" {
			t.Errorf("Defaults()[%q] = %+v, want %+v", name, g, w)
		}
		if !oauth.Known(name) || oauth.DisplayName(name) == "" {
			t.Errorf("Known/DisplayName(%q) = %v/%q", name, oauth.Known(name), oauth.DisplayName(name))
		}
	}
	// Defaults are a fresh copy each time.
	d["github"].Scope[0] = "changed"
	if oauth.Defaults()["github"].Scope[0] != "user" {
		t.Error("Defaults() shares its scope slices")
	}
	if oauth.Known("twitter") || oauth.DisplayName("twitter") != "" {
		t.Error("twitter is known")
	}
	if oauth.DisplayName("github") != "GitHub" {
		t.Errorf("DisplayName(github) = %q", oauth.DisplayName("github"))
	}
}

// TestProviderRules: which providers are OpenID Connect, take a subdomain, and what each
// needs before it can sign anyone in.
func TestProviderRules(t *testing.T) {
	full := oauth.Settings{Key: "k", Secret: "s"}
	for _, tc := range []struct {
		name            string
		oidc, subdomain bool
		missing         []string // with no settings at all (the defaults)
		missingFull     []string // with a key and a secret
	}{
		{"email", false, false, nil, nil},
		{"discord", false, false, []string{"key", "secret"}, nil},
		{"facebook", false, false, []string{"key", "secret"}, nil},
		{"github", false, false, []string{"key", "secret"}, nil},
		{"google", true, false, []string{"key", "secret"}, nil},
		{"microsoft", true, true, []string{"key", "secret"}, nil},
		{"cognito", true, true, []string{"key", "secret", "issuer"}, []string{"issuer"}},
		{"auth0", true, true, []string{"key", "secret", "subdomain or issuer"}, []string{"subdomain or issuer"}},
		{"keycloak", true, true, []string{"key", "secret", "subdomain or issuer"}, []string{"subdomain or issuer"}},
		{"oidc", true, false, []string{"key", "secret", "issuer"}, []string{"issuer"}},
		{"twitter", false, false, nil, nil},
	} {
		if got := oauth.OpenIDConnect(tc.name); got != tc.oidc {
			t.Errorf("OpenIDConnect(%s) = %v", tc.name, got)
		}
		if got := oauth.TakesSubdomain(tc.name); got != tc.subdomain {
			t.Errorf("TakesSubdomain(%s) = %v", tc.name, got)
		}
		if got := oauth.Missing(tc.name, oauth.Defaults()[tc.name]); !slices.Equal(got, tc.missing) {
			t.Errorf("Missing(%s, defaults) = %v, want %v", tc.name, got, tc.missing)
		}
		s := full
		s.Subdomain = oauth.Defaults()[tc.name].Subdomain // Strapi's placeholder
		if got := oauth.Missing(tc.name, s); !slices.Equal(got, tc.missingFull) {
			t.Errorf("Missing(%s, key and secret) = %v, want %v", tc.name, got, tc.missingFull)
		}
	}
	for _, s := range []oauth.Settings{{Key: "k", Secret: "s", Subdomain: "tenant.eu"}, {Key: "k", Secret: "s", Issuer: "https://idp.example/"}} {
		if m := oauth.Missing("auth0", s); m != nil {
			t.Errorf("Missing(auth0, %+v) = %v", s, m)
		}
	}
}

// TestBegin checks the authorize URL of each provider, pointed at the fake.
func TestBegin(t *testing.T) {
	idp := oauthtest.New(t)
	c := newClient()
	cases := []struct {
		name        string
		path        string
		scope       string
		pkce, nonce bool
	}{
		{"discord", "/authorize", "identify email", false, false},
		{"facebook", "/authorize", "email", false, false},
		{"github", "/authorize", "user,user:email", true, false},
		{"google", "/authorize", "openid email", true, true},
		{"microsoft", oauthtest.MicrosoftPrefix + "/authorize", "openid email user.read", true, true},
		{"cognito", "/authorize", "email openid profile", true, true},
		{"auth0", "/authorize", "openid email profile", true, true},
		{"keycloak", "/authorize", "openid email profile", true, true},
		{"oidc", "/authorize", "openid email profile", true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := c.Begin(context.Background(), tc.name, idp.Settings(tc.name), redirectFor(tc.name))
			if err != nil {
				t.Fatalf("Begin: %v", err)
			}
			u, err := url.Parse(b.URL)
			if err != nil {
				t.Fatal(err)
			}
			if got := u.Scheme + "://" + u.Host + u.Path; got != idp.URL()+tc.path {
				t.Errorf("authorize endpoint %s, want %s", got, idp.URL()+tc.path)
			}
			q := u.Query()
			for k, want := range map[string]string{
				"client_id": idp.ClientID(), "response_type": "code", "redirect_uri": redirectFor(tc.name),
				"scope": tc.scope, "state": b.State,
			} {
				if q.Get(k) != want {
					t.Errorf("%s = %q, want %q", k, q.Get(k), want)
				}
			}
			if !stateRE.MatchString(b.State) {
				t.Errorf("state %q is not 40 hex characters", b.State)
			}
			if got := q.Get("code_challenge") != "" && q.Get("code_challenge_method") == "S256" && b.Verifier != ""; got != tc.pkce {
				t.Errorf("PKCE: %v (challenge %q, method %q, verifier %q), want %v", got, q.Get("code_challenge"), q.Get("code_challenge_method"), b.Verifier, tc.pkce)
			}
			if !tc.pkce && q.Has("code_challenge") {
				t.Error("a code_challenge for a provider without PKCE")
			}
			if got := q.Get("nonce") != "" && q.Get("nonce") == b.Nonce; got != tc.nonce || (!tc.nonce && (b.Nonce != "" || q.Has("nonce"))) {
				t.Errorf("nonce %q (Begun %q), want one: %v", q.Get("nonce"), b.Nonce, tc.nonce)
			}
			if q.Has("client_secret") || strings.Contains(b.URL, idp.ClientSecret()) {
				t.Error("the authorize URL carries the client secret")
			}
		})
	}

	// Two starts: two states, verifiers and nonces.
	b1, _ := c.Begin(context.Background(), "oidc", idp.Settings("oidc"), redirectFor("oidc"))
	b2, _ := c.Begin(context.Background(), "oidc", idp.Settings("oidc"), redirectFor("oidc"))
	if b1.State == b2.State || b1.Verifier == b2.Verifier || b1.Nonce == b2.Nonce {
		t.Error("two Begins share a state, verifier or nonce")
	}
}

// TestBeginBuiltinEndpoints checks the URLs of the providers left at Strapi's endpoints
// (no request is made for the plain OAuth2 ones).
func TestBeginBuiltinEndpoints(t *testing.T) {
	c := newClient()
	for name, want := range map[string]string{
		"discord":  "https://discord.com/api/oauth2/authorize",
		"facebook": "https://www.facebook.com/dialog/oauth",
		"github":   "https://github.com/login/oauth/authorize",
	} {
		s := oauth.Defaults()[name]
		s.Key = "k"
		b, err := c.Begin(context.Background(), name, s, redirectFor(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(b.URL, want+"?") {
			t.Errorf("%s: %s, want %s?…", name, b.URL, want)
		}
	}
}

func TestBeginErrors(t *testing.T) {
	c := newClient()
	for _, name := range []string{"email", "twitter", ""} {
		if _, err := c.Begin(context.Background(), name, oauth.Settings{Enabled: true}, redirectFor(name)); !errors.Is(err, oauth.ErrUnknownProvider) {
			t.Errorf("Begin(%q): %v, want ErrUnknownProvider", name, err)
		}
		if _, err := c.Finish(context.Background(), name, oauth.Settings{Enabled: true}, redirectFor(name), "code", oauth.Begun{}); !errors.Is(err, oauth.ErrUnknownProvider) {
			t.Errorf("Finish(%q): %v, want ErrUnknownProvider", name, err)
		}
	}
	// Cognito and oidc need an issuer: no fallback to Strapi's [subdomain] endpoints.
	for _, name := range []string{"cognito", "oidc"} {
		_, err := c.Begin(context.Background(), name, oauth.Defaults()[name], redirectFor(name))
		if err == nil || errors.Is(err, oauth.ErrUnknownProvider) || !strings.Contains(err.Error(), "issuer") {
			t.Errorf("Begin(%q) without issuer: %v", name, err)
		}
	}
	// A discovery that fails (nothing listening) is an error.
	s := oauth.Defaults()["oidc"]
	s.Issuer = "http://127.0.0.1:1"
	if _, err := c.Begin(context.Background(), "oidc", s, redirectFor("oidc")); err == nil {
		t.Error("Begin with an unreachable issuer succeeded")
	}
}

// signIn runs the whole flow for account email at provider name: Begin, the authorize
// step, Finish.
func signIn(t *testing.T, c *oauth.Client, idp *oauthtest.Provider, name string, s oauth.Settings, email string) (oauth.Profile, error) {
	t.Helper()
	b, err := c.Begin(context.Background(), name, s, redirectFor(name))
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	back := idp.Approve(t, b.URL, email)
	if back.Query().Get("state") != b.State {
		t.Fatalf("state %q back, want %q", back.Query().Get("state"), b.State)
	}
	code := back.Query().Get("code")
	if code == "" {
		t.Fatalf("no code in %s", back)
	}
	return c.Finish(context.Background(), name, s, redirectFor(name), code, b)
}

func TestFinish(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "Rider@Example.com", EmailVerified: true, Username: "rider.one"})
	idp.AddAccount(oauthtest.Account{Email: "ms@outlook.com", EmailVerified: true, Username: "ms@outlook.com", Tenant: oauthtest.ConsumerTenant})
	c := newClient()
	cases := []struct {
		name, email string
		want        oauth.Profile
	}{
		{"discord", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"facebook", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"github", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"google", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "Rider"}},
		{"microsoft", "ms@outlook.com", oauth.Profile{Email: "ms@outlook.com", Username: "ms@outlook.com"}},
		{"cognito", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"auth0", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"keycloak", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
		{"oidc", "Rider@Example.com", oauth.Profile{Email: "Rider@Example.com", Username: "rider.one"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(idp.RequestsTo(tokenPath(tc.name)))
			got, err := signIn(t, c, idp, tc.name, idp.Settings(tc.name), tc.email)
			if err != nil {
				t.Fatalf("Finish: %v", err)
			}
			if got != tc.want {
				t.Errorf("profile %+v, want %+v", got, tc.want)
			}
			reqs := idp.RequestsTo(tokenPath(tc.name))
			if len(reqs) != before+1 {
				t.Fatalf("%d token requests, want 1", len(reqs)-before)
			}
			tr := reqs[len(reqs)-1]
			pkce := tc.name != "discord" && tc.name != "facebook"
			if (tr.Form.Get("code_verifier") != "") != pkce {
				t.Errorf("code_verifier sent: %v, want %v", tr.Form.Get("code_verifier") != "", pkce)
			}
			if tr.Form.Get("redirect_uri") != redirectFor(tc.name) {
				t.Errorf("token redirect_uri %q", tr.Form.Get("redirect_uri"))
			}
			if tr.BasicAuth || tr.Form.Get("client_id") != idp.ClientID() {
				t.Errorf("client authentication: basic %v, client_id %q; want client_secret_post", tr.BasicAuth, tr.Form.Get("client_id"))
			}
		})
	}
}

func tokenPath(name string) string {
	if name == "microsoft" {
		return oauthtest.MicrosoftPrefix + "/token"
	}
	return "/token"
}

// TestFaults runs the flow against a misbehaving provider.
func TestFaults(t *testing.T) {
	type check func(t *testing.T, err error)
	profileErr := func(msg string) check {
		return func(t *testing.T, err error) {
			t.Helper()
			var pe *oauth.ProfileError
			if !errors.As(err, &pe) || pe.Message != msg {
				t.Errorf("error %T %v, want ProfileError %q", err, err, msg)
			}
		}
	}
	exchangeErr := func(msg string) check {
		return func(t *testing.T, err error) {
			t.Helper()
			var ee *oauth.ExchangeError
			if !errors.As(err, &ee) || ee.Message != msg {
				t.Errorf("error %T %v, want ExchangeError %q", err, err, msg)
			}
		}
	}
	cases := []struct {
		desc   string
		faults oauthtest.Faults
		names  []string
		check  check
	}{
		{"TokenError", oauthtest.Faults{TokenError: true}, []string{"github", "google", "oidc"}, exchangeErr("The authorization code is invalid (oauthtest fault).")},
		{"NoIDToken", oauthtest.Faults{NoIDToken: true}, []string{"google", "microsoft", "oidc"}, profileErr("No ID token from %s")},
		{"BadSignature", oauthtest.Faults{BadSignature: true}, []string{"google", "microsoft", "oidc"}, profileErr("Invalid ID token from %s")},
		{"WrongAudience", oauthtest.Faults{WrongAudience: true}, []string{"google", "microsoft", "oidc"}, profileErr("Invalid ID token from %s")},
		{"ExpiredIDToken", oauthtest.Faults{ExpiredIDToken: true}, []string{"google", "microsoft", "oidc"}, profileErr("Invalid ID token from %s")},
		{"WrongNonce", oauthtest.Faults{WrongNonce: true}, []string{"google", "microsoft", "oidc"}, profileErr("Invalid ID token from %s")},
		{"WrongIssuer", oauthtest.Faults{WrongIssuer: true}, []string{"google", "microsoft", "oidc"}, profileErr("Invalid ID token from %s")},
		{"WrongTenant", oauthtest.Faults{WrongTenant: true}, []string{"microsoft"}, profileErr("Invalid ID token from %s")},
		{"ProfileStatus", oauthtest.Faults{ProfileStatus: 500}, []string{"github", "discord", "facebook"}, profileErr("Could not read the profile from %s")},
		{"ProfileGarbage", oauthtest.Faults{ProfileGarbage: true}, []string{"github", "discord", "facebook"}, profileErr("Could not read the profile from %s")},
		{"NoEmailInIDToken+ProfileStatus", oauthtest.Faults{NoEmailInIDToken: true, ProfileStatus: 401}, []string{"oidc", "keycloak"}, profileErr("Could not read the profile from %s")},
	}
	for _, tc := range cases {
		for _, name := range tc.names {
			t.Run(tc.desc+"/"+name, func(t *testing.T) {
				idp := oauthtest.New(t)
				idp.AddAccount(oauthtest.Account{Email: "rider@example.com", EmailVerified: true, EmailDomainOwn: true})
				idp.SetFaults(tc.faults)
				_, err := signIn(t, newClient(), idp, name, idp.Settings(name), "rider@example.com")
				// The messages name the provider: %s in the table.
				var pe *oauth.ProfileError
				if errors.As(err, &pe) {
					pe.Message = strings.Replace(pe.Message, oauth.DisplayName(name), "%s", 1)
				}
				tc.check(t, err)
			})
		}
	}
}

// TestAuthorizeFaults: the fake's authorize step misbehaving, and a replayed code.
func TestAuthorizeFaults(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "rider@example.com", EmailVerified: true})
	c := newClient()
	s := idp.Settings("oidc")

	idp.SetFaults(oauthtest.Faults{WrongState: true})
	b, _ := c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	back := idp.Approve(t, b.URL, "rider@example.com")
	if st := back.Query().Get("state"); st == b.State || !stateRE.MatchString(st) {
		t.Errorf("WrongState: state %q back (sent %q)", st, b.State)
	}

	idp.SetFaults(oauthtest.Faults{ProviderError: true})
	b, _ = c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	back = idp.Approve(t, b.URL, "rider@example.com")
	if q := back.Query(); q.Get("error") != "access_denied" || q.Get("error_description") == "" || q.Get("state") != b.State || q.Has("code") {
		t.Errorf("ProviderError: back %s", back)
	}

	// A code is single use.
	idp.SetFaults(oauthtest.Faults{})
	b, _ = c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	code := idp.Approve(t, b.URL, "rider@example.com").Query().Get("code")
	if _, err := c.Finish(context.Background(), "oidc", s, redirectFor("oidc"), code, b); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	_, err := c.Finish(context.Background(), "oidc", s, redirectFor("oidc"), code, b)
	var ee *oauth.ExchangeError
	if !errors.As(err, &ee) || !strings.Contains(ee.Message, "already used") {
		t.Errorf("replayed code: %T %v", err, err)
	}

	// PKCE: another verifier is refused.
	b, _ = c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	code = idp.Approve(t, b.URL, "rider@example.com").Query().Get("code")
	other := b
	other.Verifier = strings.Repeat("a", 43)
	if _, err := c.Finish(context.Background(), "oidc", s, redirectFor("oidc"), code, other); !errors.As(err, &ee) || !strings.Contains(ee.Message, "PKCE") {
		t.Errorf("wrong verifier: %T %v", err, err)
	}

	// Another nonce than Begin's: the ID token is refused.
	b, _ = c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	code = idp.Approve(t, b.URL, "rider@example.com").Query().Get("code")
	other = b
	other.Nonce = "x"
	var pe *oauth.ProfileError
	if _, err := c.Finish(context.Background(), "oidc", s, redirectFor("oidc"), code, other); !errors.As(err, &pe) {
		t.Errorf("another nonce: %T %v", err, err)
	}

	// Wrong client secret: the token endpoint's invalid_client.
	b, _ = c.Begin(context.Background(), "github", idp.Settings("github"), redirectFor("github"))
	code = idp.Approve(t, b.URL, "rider@example.com").Query().Get("code")
	gs := idp.Settings("github")
	gs.Secret = "wrong"
	if _, err := c.Finish(context.Background(), "github", gs, redirectFor("github"), code, b); !errors.As(err, &ee) || ee.Message != "Client authentication failed." {
		t.Errorf("wrong secret: %T %v", err, err)
	}
}

func TestUnreachableTokenEndpoint(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "rider@example.com", EmailVerified: true})
	c := newClient()
	s := idp.Settings("github")
	b, _ := c.Begin(context.Background(), "github", s, redirectFor("github"))
	code := idp.Approve(t, b.URL, "rider@example.com").Query().Get("code")
	s.AccessURL = "http://127.0.0.1:1/token"
	_, err := c.Finish(context.Background(), "github", s, redirectFor("github"), code, b)
	var ee *oauth.ExchangeError
	var pe *oauth.ProfileError
	if err == nil || errors.As(err, &ee) || errors.As(err, &pe) {
		t.Errorf("unreachable token endpoint: %T %v, want a plain error", err, err)
	}
}

func TestEmailRules(t *testing.T) {
	cases := []struct {
		desc    string
		name    string
		account oauthtest.Account
		faults  oauthtest.Faults
		want    oauth.Profile
		wantErr string // a ProfileError's message
	}{
		{desc: "github public email verified", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", Username: "octo", GitHubEmails: []oauthtest.GitHubEmail{
				{Email: "main@example.com", Primary: true, Verified: true}, {Email: "pub@example.com", Verified: true}}},
			want: oauth.Profile{Email: "pub@example.com", Username: "octo"}},
		{desc: "github public email unverified, primary verified", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", Username: "octo", GitHubEmails: []oauthtest.GitHubEmail{
				{Email: "main@example.com", Primary: true, Verified: true}, {Email: "pub@example.com", Verified: false}}},
			wantErr: "Email not verified by GitHub"},
		{desc: "github public email not listed", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", Username: "octo", GitHubEmails: []oauthtest.GitHubEmail{
				{Email: "main@example.com", Primary: true, Verified: true}}},
			wantErr: "Email not verified by GitHub"},
		{desc: "github private email, primary verified", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", Username: "octo", PrivateEmail: true, GitHubEmails: []oauthtest.GitHubEmail{
				{Email: "other@example.com", Verified: true}, {Email: "main@example.com", Primary: true, Verified: true}}},
			want: oauth.Profile{Email: "main@example.com", Username: "octo"}},
		{desc: "github private email, primary unverified", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", Username: "octo", PrivateEmail: true, GitHubEmails: []oauthtest.GitHubEmail{
				{Email: "other@example.com", Verified: true}, {Email: "main@example.com", Primary: true}}},
			wantErr: "Email not verified by GitHub"},
		{desc: "github private email, no primary", name: "github",
			account: oauthtest.Account{Email: "pub@example.com", PrivateEmail: true, GitHubEmails: []oauthtest.GitHubEmail{}},
			wantErr: "Email not verified by GitHub"},
		{desc: "discord unverified", name: "discord", account: oauthtest.Account{Email: "d@example.com"}, wantErr: "Email not verified by Discord"},
		{desc: "discord legacy tag", name: "discord", account: oauthtest.Account{Email: "d@example.com", EmailVerified: true, Username: "dee", Discriminator: "1234"},
			want: oauth.Profile{Email: "d@example.com", Username: "dee#1234"}},
		{desc: "facebook no email", name: "facebook", account: oauthtest.Account{Email: "f@example.com", Name: "Eff Bee"}, wantErr: "Email not verified by Facebook"},
		{desc: "facebook name", name: "facebook", account: oauthtest.Account{Email: "f@example.com", EmailVerified: true, Name: "Eff Bee"},
			want: oauth.Profile{Email: "f@example.com", Username: "Eff Bee"}},
		{desc: "google unverified", name: "google", account: oauthtest.Account{Email: "g@example.com"}, wantErr: "Email not verified by Google"},
		{desc: "cognito unverified", name: "cognito", account: oauthtest.Account{Email: "c@example.com"}, wantErr: "Email not verified by Cognito"},
		{desc: "auth0 unverified", name: "auth0", account: oauthtest.Account{Email: "a@example.com"}, wantErr: "Email not verified by Auth0"},
		{desc: "keycloak unverified", name: "keycloak", account: oauthtest.Account{Email: "k@example.com"}, wantErr: "Email not verified by Keycloak"},
		{desc: "oidc unverified", name: "oidc", account: oauthtest.Account{Email: "o@example.com"}, wantErr: "Email not verified by OpenID Connect"},
		{desc: "oidc email from userinfo", name: "oidc", faults: oauthtest.Faults{NoEmailInIDToken: true},
			account: oauthtest.Account{Email: "o@example.com", EmailVerified: true, Username: "oh"},
			want:    oauth.Profile{Email: "o@example.com", Username: "oh"}},
		{desc: "oidc unverified in userinfo", name: "oidc", faults: oauthtest.Faults{NoEmailInIDToken: true},
			account: oauthtest.Account{Email: "o@example.com"}, wantErr: "Email not verified by OpenID Connect"},
		{desc: "oidc no email", name: "oidc", account: oauthtest.Account{Username: "noemail", EmailVerified: true}, wantErr: "Email was not available."},
		{desc: "discord no email", name: "discord", account: oauthtest.Account{Username: "noemail", EmailVerified: true}, wantErr: "Email was not available."},

		// Microsoft: no email_verified; xms_edov, or the consumer tenant.
		{desc: "microsoft work tenant without xms_edov", name: "microsoft",
			account: oauthtest.Account{Email: "m@contoso.com", EmailVerified: true}, wantErr: "Email not verified by Microsoft"},
		{desc: "microsoft work tenant with xms_edov", name: "microsoft",
			account: oauthtest.Account{Email: "m@contoso.com", Username: "m@contoso.com", EmailDomainOwn: true},
			want:    oauth.Profile{Email: "m@contoso.com", Username: "m@contoso.com"}},
		{desc: "microsoft consumer tenant", name: "microsoft",
			account: oauthtest.Account{Email: "m@outlook.com", Username: "m@outlook.com", Tenant: oauthtest.ConsumerTenant},
			want:    oauth.Profile{Email: "m@outlook.com", Username: "m@outlook.com"}},
		{desc: "microsoft email from userinfo, xms_edov in the ID token", name: "microsoft", faults: oauthtest.Faults{NoEmailInIDToken: true},
			account: oauthtest.Account{Email: "m@contoso.com", Username: "mm", EmailDomainOwn: true},
			want:    oauth.Profile{Email: "m@contoso.com", Username: "mm"}},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			idp := oauthtest.New(t)
			login := tc.account.Email
			if login == "" {
				login = tc.account.Username
			}
			idp.AddAccount(tc.account)
			idp.SetFaults(tc.faults)
			got, err := signIn(t, newClient(), idp, tc.name, idp.Settings(tc.name), login)
			if tc.wantErr != "" {
				var pe *oauth.ProfileError
				if !errors.As(err, &pe) || pe.Message != tc.wantErr {
					t.Fatalf("error %T %v, want ProfileError %q", err, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("profile %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// TestMicrosoftIssuer: the multi-tenant issuer template is discovered, and an ID token's
// iss must be the template with the token's own tid.
func TestMicrosoftTenantIssuer(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "m@contoso.com", EmailDomainOwn: true})
	c := newClient()
	if _, err := signIn(t, c, idp, "microsoft", idp.Settings("microsoft"), "m@contoso.com"); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	// An issuer given as the template is not trusted for the other providers: oidc with
	// the Microsoft-like issuer fails discovery (the document names another issuer).
	s := idp.Settings("oidc")
	s.Issuer = idp.MicrosoftIssuer()
	if _, err := c.Begin(context.Background(), "oidc", s, redirectFor("oidc")); err == nil {
		t.Error("oidc accepted a discovery document naming another issuer")
	}
}

func TestDiscoveryCache(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "rider@example.com", EmailVerified: true})
	c := newClient()
	var mu sync.Mutex
	now := time.Now()
	oauth.SetClock(c, func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	discoveries := func() int { return len(idp.RequestsTo("/.well-known/openid-configuration")) }

	for range 3 {
		if _, err := signIn(t, c, idp, "oidc", idp.Settings("oidc"), "rider@example.com"); err != nil {
			t.Fatal(err)
		}
	}
	if n := discoveries(); n != 1 {
		t.Errorf("%d discoveries for three sign-ins, want 1", n)
	}
	if n := len(idp.RequestsTo("/jwks")); n != 1 {
		t.Errorf("%d key set fetches for three sign-ins, want 1", n)
	}
	mu.Lock()
	now = now.Add(61 * time.Minute)
	mu.Unlock()
	if _, err := c.Begin(context.Background(), "oidc", idp.Settings("oidc"), redirectFor("oidc")); err != nil {
		t.Fatal(err)
	}
	if n := discoveries(); n != 2 {
		t.Errorf("%d discoveries after an hour, want 2", n)
	}
	// Another issuer has its own entry.
	if _, err := c.Begin(context.Background(), "microsoft", idp.Settings("microsoft"), redirectFor("microsoft")); err != nil {
		t.Fatal(err)
	}
	if n := len(idp.RequestsTo(oauthtest.MicrosoftPrefix + "/.well-known/openid-configuration")); n == 0 {
		t.Error("microsoft's issuer was not discovered")
	}
}

// TestLoginPage: the authorize page lists the accounts, and its form signs in.
func TestLoginPage(t *testing.T) {
	idp := oauthtest.New(t)
	idp.AddAccount(oauthtest.Account{Email: "rider@example.com", EmailVerified: true})
	c := newClient()
	s := idp.Settings("oidc")
	b, _ := c.Begin(context.Background(), "oidc", s, redirectFor("oidc"))
	resp, err := http.Get(b.URL)
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(body, `data-account="rider@example.com"`) {
		t.Fatalf("login page %d: %s", resp.StatusCode, body)
	}
	// Post the form as the browser would: the hidden fields and the button.
	form := url.Values{"account": {"rider@example.com"}}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	nc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = nc.PostForm(idp.URL()+"/authorize", form)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	loc, err := resp.Location()
	if err != nil {
		t.Fatalf("form post answered %d", resp.StatusCode)
	}
	if loc.Query().Get("state") != b.State {
		t.Fatalf("state %q", loc.Query().Get("state"))
	}
	if p, err := c.Finish(context.Background(), "oidc", s, redirectFor("oidc"), loc.Query().Get("code"), b); err != nil || p.Email != "rider@example.com" {
		t.Fatalf("Finish: %+v %v", p, err)
	}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
