package oauth

// kind is how a provider signs a person in.
type kind int

const (
	kindLocal  kind = iota // "email": no endpoints
	kindOAuth2             // plain OAuth2 and a profile API (GitHub, Discord, Facebook)
	kindOIDC               // OpenID Connect: a discovered issuer and a verified ID token
)

// provider is one entry of the catalog.
type provider struct {
	name    string
	display string // for messages: "Email not verified by <display>"
	icon    string
	scope   []string // Strapi's default scope
	sub     string   // Strapi's default subdomain
	delim   string   // the scope's delimiter in the authorize URL (Strapi's scope_delimiter)
	pkce    bool     // send a PKCE challenge (S256)
	kind    kind

	// Plain OAuth2 providers: Strapi's built-in endpoints (providers.js) and the profile
	// API of providers-registry.js.
	authorizeURL, accessURL, profileURL string
}

// catalog is the providers, in Strapi's order (oidc, this service's own, last).
var catalog = []provider{
	{name: "email", display: "Email", icon: "envelope", kind: kindLocal},
	{
		name: "discord", display: "Discord", icon: "discord", scope: []string{"identify", "email"},
		delim: " ", kind: kindOAuth2,
		authorizeURL: "https://discord.com/api/oauth2/authorize",
		accessURL:    "https://discord.com/api/oauth2/token",
		profileURL:   "https://discord.com/api/users/@me",
	},
	{
		name: "facebook", display: "Facebook", icon: "facebook-square", scope: []string{"email"},
		delim: ",", kind: kindOAuth2,
		authorizeURL: "https://www.facebook.com/dialog/oauth",
		accessURL:    "https://graph.facebook.com/oauth/access_token",
		profileURL:   "https://graph.facebook.com/me?fields=name,email",
	},
	{
		name: "google", display: "Google", icon: "google", scope: []string{"email"},
		delim: " ", pkce: true, kind: kindOIDC,
	},
	{
		name: "github", display: "GitHub", icon: "github", scope: []string{"user", "user:email"},
		delim: ",", pkce: true, kind: kindOAuth2,
		authorizeURL: "https://github.com/login/oauth/authorize",
		accessURL:    "https://github.com/login/oauth/access_token",
		profileURL:   "https://api.github.com/user",
	},
	{
		name: "microsoft", display: "Microsoft", icon: "windows", scope: []string{"user.read"},
		delim: " ", pkce: true, kind: kindOIDC,
	},
	{
		name: "cognito", display: "Cognito", icon: "aws", scope: []string{"email", "openid", "profile"},
		sub: "my.subdomain.com", delim: " ", pkce: true, kind: kindOIDC,
	},
	{
		name: "auth0", display: "Auth0", scope: []string{"openid", "email", "profile"},
		sub: "my-tenant.eu", delim: " ", pkce: true, kind: kindOIDC,
	},
	{
		name: "keycloak", display: "Keycloak", scope: []string{"openid", "email", "profile"},
		sub: "myKeycloakProvider.com/realms/myrealm", delim: " ", pkce: true, kind: kindOIDC,
	},
	{
		name: "oidc", display: "OpenID Connect", scope: []string{"openid", "email", "profile"},
		delim: " ", pkce: true, kind: kindOIDC,
	},
}

func lookup(name string) (provider, bool) {
	for _, p := range catalog {
		if p.name == name {
			return p, true
		}
	}
	return provider{}, false
}

// Names are the providers of the catalog, in Strapi's order; "email" (the local
// provider) first.
func Names() []string {
	names := make([]string, len(catalog))
	for i, p := range catalog {
		names[i] = p.name
	}
	return names
}

// Known reports whether name is a provider of the catalog ("email" included).
func Known(name string) bool {
	_, ok := lookup(name)
	return ok
}

// DisplayName is the provider's name for people ("GitHub", "OpenID Connect"), the one
// its messages use; empty for a name the catalog does not know.
func DisplayName(name string) string {
	p, _ := lookup(name)
	return p.display
}

// Defaults are the stored settings of every provider before an operator changes any, as
// Strapi's bootstrap stores them: "email" enabled, the others disabled with their default
// scope and subdomain.
func Defaults() map[string]Settings {
	m := make(map[string]Settings, len(catalog))
	for _, p := range catalog {
		s := Settings{Icon: p.icon, Subdomain: p.sub}
		if p.kind == kindLocal {
			s.Enabled = true
		} else {
			s.Scope = append([]string(nil), p.scope...)
		}
		m[p.name] = s
	}
	return m
}

// OpenIDConnect reports whether provider name is an OpenID Connect provider: its
// endpoints are discovered from an issuer and it signs in with a verified ID token. The
// others (GitHub, Discord, Facebook) have built-in endpoints an operator may override
// (AuthorizeURL, AccessURL, ProfileURL) and no issuer.
func OpenIDConnect(name string) bool {
	p, ok := lookup(name)
	return ok && p.kind == kindOIDC
}

// TakesSubdomain reports whether provider name uses Strapi's subdomain setting: Cognito's
// domain, Auth0's tenant, Keycloak's host and realm, Microsoft's tenant (common by default).
func TakesSubdomain(name string) bool {
	p, ok := lookup(name)
	return ok && (p.sub != "" || p.name == "microsoft")
}

// Missing lists what provider name lacks under s before it can sign anyone in: "key" and
// "secret" (every provider but email), "issuer" (oidc and cognito, whose issuer cannot be
// derived), "subdomain or issuer" (auth0 and keycloak, whose stored default subdomain is
// Strapi's placeholder).
func Missing(name string, s Settings) []string {
	p, ok := lookup(name)
	if !ok || p.kind == kindLocal {
		return nil
	}
	var m []string
	if s.Key == "" {
		m = append(m, "key")
	}
	if s.Secret == "" {
		m = append(m, "secret")
	}
	switch name {
	case "oidc", "cognito":
		if s.Issuer == "" {
			m = append(m, "issuer")
		}
	case "auth0", "keycloak":
		if s.Issuer == "" && (s.Subdomain == "" || s.Subdomain == p.sub) {
			m = append(m, "subdomain or issuer")
		}
	}
	return m
}
