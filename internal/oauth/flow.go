package oauth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// discoveryTTL is how long a discovered issuer's configuration (and its key set) is kept.
const discoveryTTL = time.Hour

// tenantTemplate is the placeholder of Microsoft's multi-tenant issuers: the discovery
// document of https://login.microsoftonline.com/common/v2.0 names the issuer
// https://login.microsoftonline.com/{tenantid}/v2.0, each ID token's iss carrying its
// own tenant (its tid claim).
const tenantTemplate = "{tenantid}"

// discovery is a cached discovered issuer.
type discovery struct {
	op *oidc.Provider
	// template: the issuer is a multi-tenant template (tenantTemplate); an ID token's iss
	// is checked against it with the token's tid, not by go-oidc.
	template string
	style    oauth2.AuthStyle
	at       time.Time
}

// endpoints is what one flow needs of a provider.
type endpoints struct {
	conf *oauth2.Config
	disc *discovery // OpenID Connect providers only
}

// Begin is the start leg: the authorize URL of provider name for redirectURI (this
// server's /api/connect/<name>/callback), with a fresh state, nonce and PKCE verifier.
//
// The scope is the stored one, joined with the provider's delimiter as Strapi does (','
// for GitHub and Facebook, ' ' for the others); an OpenID Connect provider's always has
// openid and email too, which its ID token (and the verified email) needs.
func (c *Client) Begin(ctx context.Context, name string, s Settings, redirectURI string) (Begun, error) {
	p, ok := lookup(name)
	if !ok || p.kind == kindLocal {
		return Begun{}, ErrUnknownProvider
	}
	ep, err := c.endpoints(ctx, p, s, redirectURI)
	if err != nil {
		return Begun{}, err
	}
	b := Begun{State: randomHex(20)}
	var opts []oauth2.AuthCodeOption
	if scope := scopeParam(p, s.Scope); scope != "" {
		opts = append(opts, oauth2.SetAuthURLParam("scope", scope))
	}
	if p.pkce {
		b.Verifier = oauth2.GenerateVerifier()
		opts = append(opts, oauth2.S256ChallengeOption(b.Verifier))
	}
	if p.kind == kindOIDC {
		b.Nonce = randomHex(16)
		opts = append(opts, oidc.Nonce(b.Nonce))
	}
	b.URL = ep.conf.AuthCodeURL(b.State, opts...)
	return b, nil
}

// Finish is the provider's redirect back: it exchanges code (with b's PKCE verifier),
// checks the ID token (signature, issuer, audience, expiry, b's nonce) where there is one,
// and reads the profile. A failed exchange is an *ExchangeError, a profile that cannot
// sign in a *ProfileError; any other error is the provider being unreachable.
func (c *Client) Finish(ctx context.Context, name string, s Settings, redirectURI, code string, b Begun) (Profile, error) {
	p, ok := lookup(name)
	if !ok || p.kind == kindLocal {
		return Profile{}, ErrUnknownProvider
	}
	ep, err := c.endpoints(ctx, p, s, redirectURI)
	if err != nil {
		return Profile{}, err
	}
	ctx = oidc.ClientContext(ctx, c.client())
	var opts []oauth2.AuthCodeOption
	if b.Verifier != "" {
		opts = append(opts, oauth2.VerifierOption(b.Verifier))
	}
	tok, err := ep.conf.Exchange(ctx, code, opts...)
	if err != nil {
		return Profile{}, exchangeError(err)
	}
	var prof Profile
	if p.kind == kindOIDC {
		prof, err = c.oidcProfile(ctx, p, s, ep, tok, b.Nonce)
	} else {
		prof, err = c.apiProfile(ctx, p, s, tok.AccessToken)
	}
	if err != nil {
		return Profile{}, err
	}
	if prof.Email == "" {
		return Profile{}, &ProfileError{Message: "Email was not available."}
	}
	return prof, nil
}

// exchangeError turns the token endpoint's refusal into an *ExchangeError worded as
// Strapi's oauth2.js words it; an unreachable endpoint stays as it is.
func exchangeError(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		switch {
		case re.ErrorDescription != "":
			return &ExchangeError{Message: re.ErrorDescription}
		case re.ErrorCode != "":
			return &ExchangeError{Message: re.ErrorCode}
		default:
			return &ExchangeError{Message: fmt.Sprintf("Token exchange failed (%d)", re.Response.StatusCode)}
		}
	}
	var ue *url.Error
	var ne net.Error
	if errors.As(err, &ue) || errors.As(err, &ne) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	// A 2xx answer without an access token, or one that does not parse: Strapi
	// redirects with it, and its callback route then answers "No access_token.".
	return &ExchangeError{Message: "No access_token."}
}

// endpoints resolves provider p's endpoints under settings s: the stored overrides and
// Strapi's built-in URLs for a plain OAuth2 provider, the issuer's discovery document for
// an OpenID Connect one.
func (c *Client) endpoints(ctx context.Context, p provider, s Settings, redirectURI string) (endpoints, error) {
	conf := &oauth2.Config{ClientID: s.Key, ClientSecret: s.Secret, RedirectURL: redirectURI}
	if p.kind == kindOAuth2 {
		conf.Endpoint = oauth2.Endpoint{
			AuthURL:   or(s.AuthorizeURL, p.authorizeURL),
			TokenURL:  or(s.AccessURL, p.accessURL),
			AuthStyle: oauth2.AuthStyleInParams, // client_secret_post, as Strapi's oauth2.js
		}
		return endpoints{conf: conf}, nil
	}
	issuer, err := issuerOf(p, s)
	if err != nil {
		return endpoints{}, err
	}
	d, err := c.discover(ctx, p, issuer)
	if err != nil {
		return endpoints{}, err
	}
	conf.Endpoint = d.op.Endpoint()
	conf.Endpoint.AuthStyle = d.style
	return endpoints{conf: conf, disc: d}, nil
}

// issuerOf is provider p's OpenID Connect issuer: Settings.Issuer, else the one derived
// from the provider (and its subdomain). Cognito's issuer
// (https://cognito-idp.<region>.amazonaws.com/<pool id>) is not its hosted domain, Strapi's
// subdomain, so Cognito, like oidc, needs Settings.Issuer.
func issuerOf(p provider, s Settings) (string, error) {
	if s.Issuer != "" {
		return s.Issuer, nil
	}
	switch p.name {
	case "google":
		return "https://accounts.google.com", nil
	case "microsoft":
		return "https://login.microsoftonline.com/" + or(s.Subdomain, "common") + "/v2.0", nil
	case "auth0":
		if s.Subdomain != "" {
			return "https://" + s.Subdomain + ".auth0.com/", nil
		}
	case "keycloak":
		if s.Subdomain != "" {
			return "https://" + s.Subdomain, nil
		}
	}
	return "", fmt.Errorf("oauth: provider %s has no OpenID Connect issuer: set its issuer", p.name)
}

// discover returns issuer's discovered configuration, from the cache when it was fetched
// less than discoveryTTL ago. A failed discovery is not cached.
func (c *Client) discover(ctx context.Context, p provider, issuer string) (*discovery, error) {
	// Microsoft's entries apart: only they may hold a multi-tenant template.
	key := issuer
	if p.name == "microsoft" {
		key = "microsoft " + issuer
	}
	now := time.Now
	c.mu.Lock()
	if c.now != nil {
		now = c.now
	}
	d, ok := c.discovered[key]
	c.mu.Unlock()
	if ok && now().Sub(d.at) < discoveryTTL {
		return &d, nil
	}

	ctx = oidc.ClientContext(ctx, c.client())
	op, err := oidc.NewProvider(ctx, issuer)
	var template string
	var mismatch *oidc.IssuerMismatchError
	if errors.As(err, &mismatch) && p.name == "microsoft" && tenantIssuer(mismatch.Discovered, issuer) {
		// Microsoft's multi-tenant endpoints (common, organizations, consumers) name the
		// issuer template: the ID token's iss is checked against it and its tid.
		template = mismatch.Discovered
		op, err = oidc.NewProvider(oidc.InsecureIssuerURLContext(ctx, template), issuer)
	}
	if err != nil {
		return nil, fmt.Errorf("oauth: discovery of %s: %w", issuer, err)
	}
	var meta struct {
		AuthMethods []string `json:"token_endpoint_auth_methods_supported"`
	}
	_ = op.Claims(&meta)
	// client_secret_post where the issuer takes it, as Strapi sends the secret; else
	// client_secret_basic, the default of OpenID Connect Discovery.
	style := oauth2.AuthStyleInHeader
	if slices.Contains(meta.AuthMethods, "client_secret_post") {
		style = oauth2.AuthStyleInParams
	}
	d = discovery{op: op, template: template, style: style, at: now()}
	c.mu.Lock()
	if c.discovered == nil {
		c.discovered = map[string]discovery{}
	}
	c.discovered[key] = d
	c.mu.Unlock()
	return &d, nil
}

// tenantIssuer reports whether discovered is a multi-tenant template of issuer: the same
// URL with one path segment (common, organizations, consumers) as tenantTemplate.
func tenantIssuer(discovered, issuer string) bool {
	pre, post, ok := strings.Cut(discovered, tenantTemplate)
	if !ok || strings.Contains(post, tenantTemplate) {
		return false
	}
	mid, ok := strings.CutPrefix(issuer, pre)
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, post)
	return ok && mid != "" && !strings.Contains(mid, "/")
}

// scopeParam is the authorize URL's scope: the stored scope without empty entries (an
// OpenID Connect provider's with openid and email added), joined with the provider's
// delimiter.
func scopeParam(p provider, scope []string) string {
	var out []string
	for _, s := range scope {
		if s != "" {
			out = append(out, s)
		}
	}
	if p.kind == kindOIDC {
		for _, need := range []string{oidc.ScopeEmail, oidc.ScopeOpenID} {
			if !slices.Contains(out, need) {
				out = append([]string{need}, out...)
			}
		}
	}
	return strings.Join(out, p.delim)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// client is the http.Client of every call to a provider.
func (c *Client) client() *http.Client {
	if c.http == nil {
		return http.DefaultClient
	}
	return c.http
}
