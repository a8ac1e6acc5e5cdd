// Package oauth owns sign-in through external providers (Google, GitHub, Microsoft,
// Facebook, Discord, any OpenID Connect issuer): the catalog of providers with Strapi's
// names and stored settings, the authorize URL of the start leg (state, PKCE, nonce), and
// the provider's side of the redirect back: the code exchange, the ID token's checks and
// the profile. It knows nothing of users or sessions: auth links the profile to an
// account, httpapi keeps the flow's state in the provider session.
package oauth

import (
	"context"
	"errors"
	"net/http"
)

// Settings are one provider's stored settings: an entry of Strapi's grant document
// (core store key plugin_users-permissions_grant), with this service's own additions.
type Settings struct {
	Enabled bool   `json:"enabled"`
	Icon    string `json:"icon"`
	Key     string `json:"key,omitempty"`
	Secret  string `json:"secret,omitempty"`
	// Callback is the frontend URL the browser is sent to once the provider answered;
	// empty: <PUBLIC_URL>/api/auth/<provider>/callback, Strapi's default.
	Callback  string   `json:"callback,omitempty"`
	Scope     []string `json:"scope,omitempty"`
	Subdomain string   `json:"subdomain,omitempty"` // Strapi's: auth0's tenant, keycloak's host and realm, cognito's domain

	// This service's own.
	Issuer       string `json:"issuer,omitempty"`        // an OpenID Connect issuer (oidc; overrides the derived one of the others)
	AuthorizeURL string `json:"authorize_url,omitempty"` // endpoint overrides (GitHub Enterprise, a test provider)
	AccessURL    string `json:"access_url,omitempty"`
	ProfileURL   string `json:"profile_url,omitempty"`
}

// Profile is what a provider says of the person who signed in: a verified email (never an
// unverified one) and a username suggestion.
type Profile struct {
	Email    string
	Username string
}

// Begun is the start leg's result: the provider's authorize URL to redirect to, and what
// the redirect back is checked against (kept server-side, in the provider session).
type Begun struct {
	URL      string
	State    string // 40 hex characters, as Strapi's
	Verifier string // PKCE code verifier; empty when the provider does not take PKCE
	Nonce    string // OpenID Connect nonce; empty for plain OAuth2 providers
}

var (
	// ErrUnknownProvider is a provider with no endpoints (Strapi's `Unknown OAuth provider`).
	ErrUnknownProvider = errors.New("Unknown OAuth provider")
)

// ExchangeError is a failed code exchange: the message goes to the frontend callback as
// error_description, as Strapi sends it (error=oauth_error).
type ExchangeError struct{ Message string }

func (e *ExchangeError) Error() string { return e.Message }

// ProfileError is a profile that cannot sign in (an unverified email, an ID token that
// fails its checks, no email at all): the message is the 400 of the callback route.
type ProfileError struct{ Message string }

func (e *ProfileError) Error() string { return e.Message }

// Client talks to the providers.
type Client struct {
	http *http.Client
}

// NewClient returns a Client using hc (with its timeouts) for every call to a provider.
func NewClient(hc *http.Client) *Client { return &Client{http: hc} }

// Names are the providers of the catalog, in Strapi's order; "email" (the local
// provider) first.
func Names() []string { panic("TODO") }

// Defaults are the stored settings of every provider before an operator changes any, as
// Strapi's bootstrap stores them: "email" enabled, the others disabled with their default
// scope and subdomain.
func Defaults() map[string]Settings { panic("TODO") }

// Begin is the start leg: the authorize URL of provider name for redirectURI (this
// server's /api/connect/<name>/callback), with a fresh state, nonce and PKCE verifier.
func (c *Client) Begin(ctx context.Context, name string, s Settings, redirectURI string) (Begun, error) {
	panic("TODO")
}

// Finish is the provider's redirect back: it exchanges code (with b's PKCE verifier),
// checks the ID token (signature, issuer, audience, expiry, b's nonce) where there is one,
// and reads the profile. A failed exchange is an *ExchangeError, a profile that cannot
// sign in a *ProfileError; any other error is the provider being unreachable.
func (c *Client) Finish(ctx context.Context, name string, s Settings, redirectURI, code string, b Begun) (Profile, error) {
	panic("TODO")
}
