// Package oauthtest runs a fake OAuth2 / OpenID Connect provider on the loopback interface
// for tests: discovery, an authorize page (a button per account, or login_hint to approve
// at once), a token endpoint with client authentication, PKCE and single-use codes, RS256
// ID tokens and their key set, UserInfo, and the profile APIs of GitHub, Discord and
// Facebook. It records every request, and misbehaves on demand (Faults). It also runs as
// a program for browser tests: see fakeidp.
package oauthtest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/mtb-race/mtb-backend-api/internal/oauth"
)

// Default client credentials of a Provider started without others.
const (
	DefaultClientID     = "oauthtest-client"
	DefaultClientSecret = "oauthtest-secret"
)

// Microsoft's tenants, for Account.Tenant.
const (
	ConsumerTenant = "9188040d-6c67-4c5b-b112-36a304b66dad" // personal accounts
	WorkTenant     = "72f988bf-86f1-41af-91ab-2d7cd011db47" // the default: an organisation's
)

// MicrosoftPrefix is the path under which the provider acts as Microsoft's multi-tenant
// endpoint: its discovery document names the issuer <URL>/{tenantid}/v2.0, and its ID
// tokens carry the issuer of the account's tenant (Account.Tenant) and a tid claim.
const MicrosoftPrefix = "/common/v2.0"

// Account is a person who can sign in at the provider.
type Account struct {
	Email         string
	EmailVerified bool   // email_verified; GitHub: the email's verified flag; Discord: verified; Facebook: no email without it
	Username      string // preferred_username, cognito:username, nickname, GitHub's login, Discord's username; default: the email's local part
	Name          string // name; Facebook's name; default: Username
	Subject       string // sub; default: derived from the email

	// Microsoft (under MicrosoftPrefix): the tenant (tid; default WorkTenant) and the
	// optional claim xms_edov (the tenant owns the email's domain).
	Tenant         string
	EmailDomainOwn bool

	// Discord's legacy discriminator ("" or "0": none).
	Discriminator string

	// GitHub: PrivateEmail hides the email from /user (email: null); GitHubEmails, when
	// set, is /user/emails (default: the account's email, primary, verified as
	// EmailVerified).
	PrivateEmail bool
	GitHubEmails []GitHubEmail
}

// GitHubEmail is an entry of GitHub's /user/emails.
type GitHubEmail struct {
	Email    string `json:"email"`
	Primary  bool   `json:"primary"`
	Verified bool   `json:"verified"`
}

// Faults make the provider misbehave.
type Faults struct {
	WrongState     bool // the authorize step redirects back with another state
	ProviderError  bool // the authorize step redirects back with error=access_denied
	TokenError     bool // the token endpoint refuses every code with invalid_grant
	NoIDToken      bool // the token response has no id_token
	BadSignature   bool // the ID token is signed by another key (with the published key's id)
	WrongAudience  bool // the ID token's aud is another client
	ExpiredIDToken bool // the ID token expired an hour ago
	WrongNonce     bool // the ID token's nonce is not the authorize request's
	WrongIssuer    bool // the ID token's iss is another issuer
	// WrongTenant (under MicrosoftPrefix): the ID token's iss names another tenant than
	// its tid claim.
	WrongTenant bool
	// NoEmailInIDToken leaves email and email_verified out of the ID token: the client
	// must read UserInfo.
	NoEmailInIDToken bool
	// ProfileStatus, when not 0, is the status of UserInfo and the profile APIs
	// (GitHub, Discord, Facebook), with a JSON error body; ProfileGarbage makes them
	// answer a body that is not JSON.
	ProfileStatus  int
	ProfileGarbage bool
}

// Options configure a Provider.
type Options struct {
	ClientID, ClientSecret string // default DefaultClientID, DefaultClientSecret
	Accounts               []Account
}

// Request is a request the provider received.
type Request struct {
	Method string
	Path   string
	Query  url.Values // the URL's query
	Form   url.Values // a POST's form (client_secret left out)
	// BasicAuth: the client authenticated with client_secret_basic.
	BasicAuth bool
}

// grant is an issued authorization code.
type grant struct {
	clientID, redirectURI string
	challenge, method     string
	nonce, scope          string
	account               Account
	microsoft             bool
	expires               time.Time
}

// issued is an issued access token.
type issued struct {
	account   Account
	microsoft bool
}

// Provider is a fake OAuth2 / OpenID Connect provider. Its methods are safe for
// concurrent use.
type Provider struct {
	srv                    *httptest.Server
	clientID, clientSecret string
	key, otherKey          *rsa.PrivateKey
	keyID                  string

	mu       sync.Mutex
	accounts []Account
	faults   Faults
	codes    map[string]grant
	tokens   map[string]issued
	requests []Request
}

// New starts a provider on 127.0.0.1 with the default client credentials; it is closed
// when the test ends.
func New(t testing.TB) *Provider {
	t.Helper()
	return NewWith(t, Options{})
}

// NewWith starts a provider with opts; it is closed when the test ends.
func NewWith(t testing.TB, opts Options) *Provider {
	t.Helper()
	p, err := Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatalf("oauthtest: %v", err)
	}
	t.Cleanup(p.Close)
	return p
}

// signingKeys are the key of the ID tokens and the other key of Faults.BadSignature,
// made once per process: a 2048-bit RSA key takes a while, and every provider of a test
// run can share them.
var signingKeys = sync.OnceValues(func() (keys [2]*rsa.PrivateKey, err error) {
	for i := range keys {
		if keys[i], err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return keys, err
		}
	}
	return keys, nil
})

var keyID = randomHex(8)

// Start starts a provider listening on addr ("127.0.0.1:0": any free port), for a
// program; Close stops it.
func Start(addr string, opts Options) (*Provider, error) {
	keys, err := signingKeys()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	p := &Provider{
		clientID:     or(opts.ClientID, DefaultClientID),
		clientSecret: or(opts.ClientSecret, DefaultClientSecret),
		key:          keys[0],
		otherKey:     keys[1],
		keyID:        keyID,
		codes:        map[string]grant{},
		tokens:       map[string]issued{},
	}
	for _, a := range opts.Accounts {
		p.AddAccount(a)
	}
	p.srv = httptest.NewUnstartedServer(http.HandlerFunc(p.serve))
	_ = p.srv.Listener.Close()
	p.srv.Listener = ln
	p.srv.Start()
	return p, nil
}

// Close stops the provider.
func (p *Provider) Close() { p.srv.Close() }

// URL is the provider's base URL, http://127.0.0.1:port.
func (p *Provider) URL() string { return p.srv.URL }

// Issuer is the provider's OpenID Connect issuer (its URL).
func (p *Provider) Issuer() string { return p.srv.URL }

// MicrosoftIssuer is the issuer of Microsoft's multi-tenant endpoint
// (<URL>/common/v2.0), the one to discover.
func (p *Provider) MicrosoftIssuer() string { return p.srv.URL + MicrosoftPrefix }

// ClientID is the client id the provider accepts.
func (p *Provider) ClientID() string { return p.clientID }

// ClientSecret is the client secret the provider accepts.
func (p *Provider) ClientSecret() string { return p.clientSecret }

// login is what identifies account a on the login page and in login_hint: its email,
// or its username when it has no email.
func (a Account) login() string {
	if a.Email != "" {
		return a.Email
	}
	return a.Username
}

// AddAccount adds (or, by email, replaces) an account. An account without an email (a
// provider that gives none) is signed in by its username, which it must then have.
func (p *Provider) AddAccount(a Account) {
	if a.Username == "" {
		a.Username, _, _ = strings.Cut(a.Email, "@")
	}
	if a.login() == "" {
		panic("oauthtest: an account needs an email or a username")
	}
	if a.Name == "" {
		a.Name = a.Username
	}
	if a.Subject == "" {
		sum := sha256.Sum256([]byte(strings.ToLower(a.Email)))
		a.Subject = hex.EncodeToString(sum[:12])
	}
	if a.Tenant == "" {
		a.Tenant = WorkTenant
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, b := range p.accounts {
		if strings.EqualFold(b.login(), a.login()) {
			p.accounts[i] = a
			return
		}
	}
	p.accounts = append(p.accounts, a)
}

// Accounts returns the accounts, in the order they were added.
func (p *Provider) Accounts() []Account {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.accounts)
}

// SetFaults makes the provider misbehave as f says from now on (Faults{}: behave).
func (p *Provider) SetFaults(f Faults) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = f
}

// Faults returns the current faults.
func (p *Provider) Faults() Faults {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.faults
}

// Requests returns the requests received so far, oldest first.
func (p *Provider) Requests() []Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.requests)
}

// RequestsTo returns the requests received so far on path, oldest first.
func (p *Provider) RequestsTo(path string) []Request {
	var out []Request
	for _, r := range p.Requests() {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Settings are enabled settings of provider name (oauth's catalog) pointed at this
// provider: the client credentials, the issuer of an OpenID Connect provider
// (MicrosoftIssuer for microsoft), the authorize, token and profile URLs of GitHub,
// Discord and Facebook; the default scope and icon otherwise.
func (p *Provider) Settings(name string) oauth.Settings {
	s := oauth.Defaults()[name]
	s.Enabled = true
	s.Key, s.Secret = p.clientID, p.clientSecret
	u := p.URL()
	switch name {
	case "github":
		s.AuthorizeURL, s.AccessURL, s.ProfileURL = u+"/authorize", u+"/token", u+"/github/user"
	case "discord":
		s.AuthorizeURL, s.AccessURL, s.ProfileURL = u+"/authorize", u+"/token", u+"/discord/users/@me"
	case "facebook":
		s.AuthorizeURL, s.AccessURL, s.ProfileURL = u+"/authorize", u+"/token", u+"/facebook/me?fields=name,email"
	case "microsoft":
		s.Issuer = p.MicrosoftIssuer()
	default:
		s.Issuer = p.Issuer()
	}
	return s
}

// Approve runs the authorize step of authorizeURL (a URL Begin made) for the account
// with email, as a browser clicking its button would, and returns the redirect back
// (redirect_uri?code=…&state=…, or ?error=… under Faults.ProviderError). It fails the
// test when the provider does not redirect.
func (p *Provider) Approve(t testing.TB, authorizeURL, email string) *url.URL {
	t.Helper()
	u, err := url.Parse(authorizeURL)
	if err != nil {
		t.Fatalf("oauthtest: authorize URL: %v", err)
	}
	q := u.Query()
	q.Set("login_hint", email)
	u.RawQuery = q.Encode()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(u.String())
	if err != nil {
		t.Fatalf("oauthtest: authorize: %v", err)
	}
	_ = resp.Body.Close()
	loc, err := resp.Location()
	if err != nil {
		t.Fatalf("oauthtest: authorize answered %d without a redirect", resp.StatusCode)
	}
	return loc
}

// --- the server ---

func (p *Provider) record(r *http.Request) {
	_ = r.ParseForm()
	rec := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query()}
	if r.Method == http.MethodPost {
		rec.Form = url.Values{}
		for k, v := range r.PostForm {
			if k != "client_secret" {
				rec.Form[k] = slices.Clone(v)
			}
		}
		_, _, rec.BasicAuth = r.BasicAuth()
	}
	p.mu.Lock()
	p.requests = append(p.requests, rec)
	p.mu.Unlock()
}

func (p *Provider) serve(w http.ResponseWriter, r *http.Request) {
	p.record(r)
	path, microsoft := strings.CutPrefix(r.URL.Path, MicrosoftPrefix)
	if !microsoft {
		path = r.URL.Path
	}
	switch {
	case path == "/.well-known/openid-configuration" && r.Method == http.MethodGet:
		p.discovery(w, microsoft)
	case path == "/authorize" && (r.Method == http.MethodGet || r.Method == http.MethodPost):
		p.authorize(w, r, microsoft)
	case path == "/token" && r.Method == http.MethodPost:
		p.token(w, r)
	case path == "/jwks" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{
			Key: &p.key.PublicKey, KeyID: p.keyID, Algorithm: string(jose.RS256), Use: "sig",
		}}})
	case path == "/userinfo" && r.Method == http.MethodGet:
		p.profile(w, r, "userinfo")
	case !microsoft && path == "/github/user" && r.Method == http.MethodGet:
		p.profile(w, r, "github")
	case !microsoft && path == "/github/user/emails" && r.Method == http.MethodGet:
		p.profile(w, r, "github-emails")
	case !microsoft && path == "/discord/users/@me" && r.Method == http.MethodGet:
		p.profile(w, r, "discord")
	case !microsoft && path == "/facebook/me" && r.Method == http.MethodGet:
		p.profile(w, r, "facebook")
	default:
		http.NotFound(w, r)
	}
}

func (p *Provider) discovery(w http.ResponseWriter, microsoft bool) {
	base, issuer := p.URL(), p.Issuer()
	if microsoft {
		base, issuer = p.URL()+MicrosoftPrefix, p.URL()+"/{tenantid}/v2.0"
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                issuer,
		"authorization_endpoint":                base + "/authorize",
		"token_endpoint":                        base + "/token",
		"userinfo_endpoint":                     base + "/userinfo",
		"jwks_uri":                              base + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid", "email", "profile"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"code_challenge_methods_supported":      []string{"S256"},
		"claims_supported":                      []string{"sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "preferred_username", "name"},
	})
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>oauthtest: sign in</title></head>
<body>
<h1>Sign in to oauthtest</h1>
<form method="post" action="{{.Action}}">
{{range $k, $v := .Params}}<input type="hidden" name="{{$k}}" value="{{$v}}">
{{end}}{{range .Logins}}<p><button type="submit" name="account" value="{{.}}" id="account-{{.}}" data-account="{{.}}">Sign in as {{.}}</button></p>
{{end}}<p><button type="submit" name="deny" value="1" id="deny" data-deny="1">Cancel</button></p>
</form>
</body></html>
`))

// authorize is the authorize endpoint: GET shows the login page (or, with login_hint,
// approves at once); POST is the page's form.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request, microsoft bool) {
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		params = r.PostForm
	}
	if params.Get("client_id") != p.clientID {
		http.Error(w, "oauthtest: unknown client_id", http.StatusBadRequest)
		return
	}
	redirectURI, err := url.Parse(params.Get("redirect_uri"))
	if err != nil || !redirectURI.IsAbs() {
		http.Error(w, "oauthtest: redirect_uri must be an absolute URL", http.StatusBadRequest)
		return
	}
	if params.Get("response_type") != "code" {
		http.Error(w, "oauthtest: response_type must be code", http.StatusBadRequest)
		return
	}
	if m := params.Get("code_challenge_method"); params.Get("code_challenge") != "" && m != "S256" {
		http.Error(w, "oauthtest: code_challenge_method must be S256", http.StatusBadRequest)
		return
	}
	faults := p.Faults()
	back := func(q url.Values) {
		state := params.Get("state")
		if faults.WrongState {
			state = randomHex(20)
		}
		if state != "" {
			q.Set("state", state)
		}
		u := *redirectURI
		old := u.Query()
		for k, v := range q {
			old[k] = v
		}
		u.RawQuery = old.Encode()
		http.Redirect(w, r, u.String(), http.StatusFound)
	}
	if faults.ProviderError || params.Get("deny") != "" {
		back(url.Values{"error": {"access_denied"}, "error_description": {"The user denied access."}})
		return
	}

	email := params.Get("account")
	if r.Method == http.MethodGet {
		email = params.Get("login_hint")
	}
	if email == "" {
		p.page(w, r, params)
		return
	}
	var acct Account
	found := false
	for _, a := range p.Accounts() {
		if strings.EqualFold(a.login(), email) {
			acct, found = a, true
		}
	}
	if !found {
		if r.Method == http.MethodGet {
			p.page(w, r, params)
			return
		}
		http.Error(w, "oauthtest: no such account", http.StatusBadRequest)
		return
	}
	code := randomHex(20)
	p.mu.Lock()
	p.codes[code] = grant{
		clientID: params.Get("client_id"), redirectURI: params.Get("redirect_uri"),
		challenge: params.Get("code_challenge"), method: params.Get("code_challenge_method"),
		nonce: params.Get("nonce"), scope: params.Get("scope"),
		account: acct, microsoft: microsoft, expires: time.Now().Add(5 * time.Minute),
	}
	p.mu.Unlock()
	back(url.Values{"code": {code}})
}

func (p *Provider) page(w http.ResponseWriter, r *http.Request, params url.Values) {
	kept := map[string]string{}
	for _, k := range []string{"client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method"} {
		if v := params.Get(k); v != "" {
			kept[k] = v
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	var logins []string
	for _, a := range p.Accounts() {
		logins = append(logins, a.login())
	}
	_ = loginPage.Execute(w, map[string]any{"Action": r.URL.Path, "Params": kept, "Logins": logins})
}

// token is the token endpoint (authorization_code only).
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	oauthErr := func(status int, code, desc string) {
		writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
	}
	id, secret, basic := r.BasicAuth()
	if basic {
		id, _ = url.QueryUnescape(id) // RFC 6749 2.3.1: form-encoded
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.clientID || subtle.ConstantTimeCompare([]byte(secret), []byte(p.clientSecret)) != 1 {
		oauthErr(http.StatusUnauthorized, "invalid_client", "Client authentication failed.")
		return
	}
	if r.PostForm.Get("grant_type") != "authorization_code" {
		oauthErr(http.StatusBadRequest, "unsupported_grant_type", "Only authorization_code is supported.")
		return
	}
	code := r.PostForm.Get("code")
	p.mu.Lock()
	g, ok := p.codes[code]
	delete(p.codes, code) // single use, whatever the outcome
	faults := p.faults
	p.mu.Unlock()
	switch {
	case faults.TokenError:
		oauthErr(http.StatusBadRequest, "invalid_grant", "The authorization code is invalid (oauthtest fault).")
		return
	case !ok || time.Now().After(g.expires):
		oauthErr(http.StatusBadRequest, "invalid_grant", "The authorization code is invalid, expired or already used.")
		return
	case g.clientID != id:
		oauthErr(http.StatusBadRequest, "invalid_grant", "The authorization code was issued to another client.")
		return
	case r.PostForm.Get("redirect_uri") != g.redirectURI:
		oauthErr(http.StatusBadRequest, "invalid_grant", "The redirect_uri does not match the authorization request's.")
		return
	}
	if g.challenge != "" {
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		if base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
			oauthErr(http.StatusBadRequest, "invalid_grant", "The PKCE code_verifier does not match the code_challenge.")
			return
		}
	} else if r.PostForm.Get("code_verifier") != "" {
		oauthErr(http.StatusBadRequest, "invalid_grant", "A code_verifier without a code_challenge.")
		return
	}

	access := randomHex(24)
	p.mu.Lock()
	p.tokens[access] = issued{account: g.account, microsoft: g.microsoft}
	p.mu.Unlock()
	resp := map[string]any{"access_token": access, "token_type": "Bearer", "expires_in": 3600, "scope": g.scope}
	if slices.Contains(strings.Fields(g.scope), "openid") && !faults.NoIDToken {
		idt, err := p.idToken(g, access, faults)
		if err != nil {
			oauthErr(http.StatusInternalServerError, "server_error", err.Error())
			return
		}
		resp["id_token"] = idt
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, resp)
}

// idToken signs the ID token of grant g.
func (p *Provider) idToken(g grant, access string, f Faults) (string, error) {
	a := g.account
	now := time.Now()
	issuer := p.Issuer()
	if g.microsoft {
		issuer = p.URL() + "/" + a.Tenant + "/v2.0"
	}
	c := map[string]any{
		"iss": issuer, "sub": a.Subject, "aud": p.clientID,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
		"preferred_username": a.Username, "name": a.Name, "nickname": a.Username,
		"cognito:username": a.Username,
	}
	if g.nonce != "" {
		c["nonce"] = g.nonce
	}
	sum := sha256.Sum256([]byte(access))
	c["at_hash"] = base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
	if !f.NoEmailInIDToken && a.Email != "" {
		c["email"] = a.Email
		if !g.microsoft {
			c["email_verified"] = a.EmailVerified
		}
	}
	if g.microsoft {
		c["tid"] = a.Tenant
		if a.EmailDomainOwn {
			c["xms_edov"] = true
		}
	}
	if f.WrongIssuer {
		c["iss"] = "https://wrong-issuer.invalid"
	}
	if f.WrongTenant && g.microsoft {
		c["iss"] = p.URL() + "/" + ConsumerTenant + "/v2.0"
	}
	if f.WrongAudience {
		c["aud"] = "another-client"
	}
	if f.ExpiredIDToken {
		c["iat"], c["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix()
	}
	if f.WrongNonce {
		c["nonce"] = randomHex(16)
	}
	key := p.key
	if f.BadSignature {
		key = p.otherKey
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: p.keyID}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// profile answers UserInfo and the profile APIs for the bearer token.
func (p *Provider) profile(w http.ResponseWriter, r *http.Request, kind string) {
	access, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	p.mu.Lock()
	tok, found := p.tokens[access]
	faults := p.faults
	p.mu.Unlock()
	if !ok || !found {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_token", "message": "Bad credentials"})
		return
	}
	if strings.HasPrefix(kind, "github") && r.Header.Get("User-Agent") == "" {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Request forbidden: a User-Agent header is required"})
		return
	}
	switch {
	case faults.ProfileStatus != 0:
		writeJSON(w, faults.ProfileStatus, map[string]string{"error": "server_error", "message": "oauthtest fault"})
		return
	case faults.ProfileGarbage:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte("<html>not json"))
		return
	}
	a := tok.account
	switch kind {
	case "userinfo":
		body := map[string]any{"sub": a.Subject, "email": a.Email, "preferred_username": a.Username, "name": a.Name, "nickname": a.Username}
		if !tok.microsoft {
			body["email_verified"] = a.EmailVerified
		}
		writeJSON(w, http.StatusOK, body)
	case "github":
		var email any
		if !a.PrivateEmail {
			email = a.Email
		}
		writeJSON(w, http.StatusOK, map[string]any{"login": a.Username, "id": 1, "name": a.Name, "email": email})
	case "github-emails":
		emails := a.GitHubEmails
		if emails == nil {
			emails = []GitHubEmail{{Email: a.Email, Primary: true, Verified: a.EmailVerified}}
		}
		writeJSON(w, http.StatusOK, emails)
	case "discord":
		writeJSON(w, http.StatusOK, map[string]any{
			"id": a.Subject, "username": a.Username, "discriminator": or(a.Discriminator, "0"),
			"email": a.Email, "verified": a.EmailVerified,
		})
	case "facebook":
		body := map[string]any{"id": a.Subject}
		for _, f := range strings.Split(r.URL.Query().Get("fields"), ",") {
			switch f {
			case "name":
				body["name"] = a.Name
			case "email":
				if a.EmailVerified { // Facebook gives no email it has not confirmed
					body["email"] = a.Email
				}
			}
		}
		writeJSON(w, http.StatusOK, body)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
