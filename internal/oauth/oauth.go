// Package oauth owns sign-in through external providers (Google, GitHub, Microsoft,
// Facebook, Discord, any OpenID Connect issuer): the catalog of providers with Strapi's
// names and stored settings, the authorize URL of the start leg (state, PKCE, nonce), and
// the provider's side of the redirect back: the code exchange, the ID token's checks and
// the profile. It knows nothing of users or sessions: auth links the profile to an
// account, httpapi keeps the flow's state in the provider session.
package oauth

import (
	"errors"
	"net/http"
	"sync"
	"time"
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
	//
	//lint:ignore ST1005 the message is Strapi's, which the API answers as it is
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

// Client talks to the providers. Its methods are safe for concurrent use.
type Client struct {
	http *http.Client

	mu         sync.Mutex
	discovered map[string]discovery // by issuer (Microsoft's apart)
	now        func() time.Time     // the discovery cache's clock
}

// NewClient returns a Client using hc (with its timeouts) for every call to a provider;
// nil: http.DefaultClient.
func NewClient(hc *http.Client) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{http: hc, discovered: map[string]discovery{}, now: time.Now}
}
