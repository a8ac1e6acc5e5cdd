package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

const providersUsage = `usage:
  mtb-api providers list                      the sign-in providers (Google, GitHub, ...): enabled, key, callback;
                                              never the secret
  mtb-api providers show <name>               one provider, and the redirect URI to register with it
  mtb-api providers set <name> [--key K] [--secret-file F | --secret-stdin]
                        [--scope "a b c"] [--callback URL] [--subdomain S] [--issuer URL]
                        [--authorize-url U] [--access-url U] [--profile-url U]
                                              change a provider (an empty value clears one; --scope "" restores
                                              the default scope); the secret only from a file or stdin, one line
  mtb-api providers enable <name>             let users sign in with it (refused until it has what it needs)
  mtb-api providers disable <name>            stop sign-ins with it`

// providersCommand administers the OAuth providers: Strapi's grant document, which its
// admin panel edits under Users & Permissions > Providers.
var providersCommand = command{name: "providers", usage: providersUsage, subs: map[string]subcommand{
	"list":    {run: providersList},
	"show":    {minArgs: 1, maxArgs: 1, run: providersShow},
	"set":     {minArgs: 1, maxArgs: -1, run: providersSet},
	"enable":  {minArgs: 1, maxArgs: 1, run: providersEnable},
	"disable": {minArgs: 1, maxArgs: 1, run: providersEnable},
}}

func providersList(ctx context.Context, c cmdEnv, st *store.Store, _ []string) error {
	all, err := settings.New(st, nil).Providers(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tENABLED\tKEY\tSECRET\tCALLBACK\tSCOPE\tISSUER/SUBDOMAIN")
	var enabled []string
	for _, name := range oauth.Names() {
		p := all[name]
		if name == "email" {
			fmt.Fprintf(w, "%s\t%t\t-\t-\t-\t-\t-\n", name, p.Enabled)
			continue
		}
		if p.Enabled {
			enabled = append(enabled, name)
		}
		where := p.Issuer
		if where == "" {
			where = p.Subdomain
		}
		fmt.Fprintf(w, "%s\t%t\t%s\t%s\t%s\t%s\t%s\n", name, p.Enabled, orDash(p.Key), secretState(p.Secret),
			callbackOf(c, name, p), orDash(strings.Join(p.Scope, " ")), orDash(where))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(enabled) > 0 {
		fmt.Fprintln(c.stdout, "\nredirect URIs registered at the providers (each provider's OAuth client must list its own):")
		for _, name := range enabled {
			fmt.Fprintf(c.stdout, "  %-10s %s\n", name, redirectURI(c, name))
		}
	}
	// A grant document from a Strapi may hold providers this service has no endpoints for.
	var other []string
	for name := range all {
		if !oauth.Known(name) {
			other = append(other, name)
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		fmt.Fprintf(c.stdout, "\nstored but not supported by this service (sign-in refused): %s\n", strings.Join(other, ", "))
	}
	return nil
}

func providersShow(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	name := args[0]
	if err := checkProviderName(name); err != nil {
		return err
	}
	p, _, err := settings.New(st, nil).Provider(ctx, name)
	if err != nil {
		return err
	}
	printProvider(c, name, p)
	return nil
}

// printProvider prints one provider for show and after a change: every field but the
// secret, which is only said to be set or not.
func printProvider(c cmdEnv, name string, p oauth.Settings) {
	out := c.stdout
	fmt.Fprintf(out, "name:          %s\nenabled:       %t\n", name, p.Enabled)
	if name == "email" {
		fmt.Fprintln(out, "               (the local provider: username or email and password)")
		return
	}
	fmt.Fprintf(out, "key:           %s\nsecret:        %s\ncallback:      %s\nscope:         %s\n",
		orDash(p.Key), secretState(p.Secret), callbackOf(c, name, p), orDash(strings.Join(p.Scope, " ")))
	if oauth.TakesSubdomain(name) || p.Subdomain != "" {
		fmt.Fprintf(out, "subdomain:     %s\n", orDash(p.Subdomain))
	}
	fmt.Fprintf(out, "issuer:        %s\n", orDash(p.Issuer))
	for _, f := range []struct{ label, v string }{{"authorize url", p.AuthorizeURL}, {"access url", p.AccessURL}, {"profile url", p.ProfileURL}} {
		if f.v != "" {
			fmt.Fprintf(out, "%-14s %s\n", f.label+":", f.v)
		}
	}
	fmt.Fprintf(out, "redirect URI:  %s\n               (register it at the provider, in its OAuth client)\n", redirectURI(c, name))
	if m := missing(name, p); len(m) > 0 {
		if p.Enabled {
			fmt.Fprintf(out, "warning:       enabled, but lacks %s: its sign-ins fail\n", joinAnd(m))
		} else {
			fmt.Fprintf(out, "to enable it:  give %s\n", joinAnd(m))
		}
	}
}

// providersEnable is providers enable and providers disable.
func providersEnable(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	name := args[0]
	if err := checkProviderName(name); err != nil {
		return err
	}
	on := c.sub == "enable"
	return updateProvider(ctx, c, st, name, func(p *oauth.Settings) error {
		if m := missing(name, *p); on && len(m) > 0 {
			return fmt.Errorf("%s cannot be enabled yet: it needs %s (mtb-api providers set %s ...); nothing was changed",
				name, joinAnd(m), name)
		}
		p.Enabled = on
		return nil
	})
}

func providersSet(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	name := args[0]
	if err := checkProviderName(name); err != nil {
		return err
	}
	if name == "email" {
		return errors.New("email is the local provider (username or email and password): it takes only providers enable email and providers disable email")
	}
	fs := flag.NewFlagSet("providers set", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	key := fs.String("key", "", "the OAuth client ID (public)")
	secretFile := fs.String("secret-file", "", "a file holding the client secret (one line)")
	secretStdin := fs.Bool("secret-stdin", false, "read the client secret from stdin (one line)")
	scope := fs.String("scope", "", "the scopes, separated by spaces or commas")
	callback := fs.String("callback", "", "the frontend URL the browser goes to after the provider")
	subdomain := fs.String("subdomain", "", "cognito's domain, auth0's tenant, keycloak's host/realms/<realm>")
	issuer := fs.String("issuer", "", "the OpenID Connect issuer URL")
	authorizeURL := fs.String("authorize-url", "", "overrides the provider's authorize endpoint")
	accessURL := fs.String("access-url", "", "overrides the provider's token endpoint")
	profileURL := fs.String("profile-url", "", "overrides the provider's profile endpoint")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		// Not echoed: a mistyped secret would be printed.
		return fmt.Errorf("%d unexpected arguments after %s (a secret goes in --secret-file or --secret-stdin, never on the command line)\n%s",
			len(rest), name, providersUsage)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return errors.New("nothing to change: give --key, --secret-file, --secret-stdin, --scope, --callback, --subdomain, --issuer, --authorize-url, --access-url or --profile-url")
	}

	// Check everything before reading the secret or touching the database.
	*key = strings.TrimSpace(*key)
	if strings.ContainsFunc(*key, isSpaceOrControl) {
		return errors.New("--key: a client ID has no spaces")
	}
	if set["subdomain"] {
		if !oauth.TakesSubdomain(name) {
			return fmt.Errorf("--subdomain: %s takes none (only microsoft, cognito, auth0 and keycloak do)", name)
		}
		if err := checkSubdomain(*subdomain); err != nil {
			return err
		}
	}
	for _, u := range []struct {
		flag string
		v    *string
	}{{"callback", callback}, {"issuer", issuer}, {"authorize-url", authorizeURL}, {"access-url", accessURL}, {"profile-url", profileURL}} {
		if set[u.flag] && *u.v != "" {
			if err := checkURL(u.flag, *u.v); err != nil {
				return err
			}
		}
	}
	if set["issuer"] {
		if !oauth.OpenIDConnect(name) {
			return fmt.Errorf("--issuer: %s is not an OpenID Connect provider (its endpoints: --authorize-url, --access-url, --profile-url)", name)
		}
		if u, _ := url.Parse(*issuer); u != nil && u.RawQuery != "" {
			return errors.New("--issuer: an issuer has no query")
		}
	}
	for _, f := range []string{"authorize-url", "access-url", "profile-url"} {
		if set[f] && oauth.OpenIDConnect(name) {
			return fmt.Errorf("--%s: %s's endpoints come from its issuer's discovery document (change them with --issuer)", f, name)
		}
	}
	scopes := splitScope(*scope)
	if set["scope"] && len(scopes) == 0 {
		scopes = oauth.Defaults()[name].Scope
	}
	if name == "oidc" && set["scope"] && !slices.Contains(scopes, "openid") {
		return errors.New("--scope: an OpenID Connect provider needs the openid scope")
	}
	var secret string
	switch {
	case set["secret-file"] && set["secret-stdin"]:
		return errors.New("give the secret once: --secret-file or --secret-stdin")
	case set["secret-file"]:
		f, err := os.Open(*secretFile)
		if err != nil {
			return fmt.Errorf("--secret-file: %w", err)
		}
		secret, err = readSecret(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("--secret-file %s: %w", *secretFile, err)
		}
	case set["secret-stdin"] && *secretStdin:
		if secret, err = readSecret(c.stdin); err != nil {
			return fmt.Errorf("--secret-stdin: %w", err)
		}
	}

	return updateProvider(ctx, c, st, name, func(p *oauth.Settings) error {
		for f, dst := range map[string]*string{"key": &p.Key, "callback": &p.Callback, "subdomain": &p.Subdomain,
			"issuer": &p.Issuer, "authorize-url": &p.AuthorizeURL, "access-url": &p.AccessURL, "profile-url": &p.ProfileURL} {
			if set[f] {
				*dst = fs.Lookup(f).Value.String() // --key as trimmed above
			}
		}
		if secret != "" {
			p.Secret = secret
		}
		if set["scope"] {
			p.Scope = scopes
		}
		if m := missing(name, *p); p.Enabled && len(m) > 0 {
			return fmt.Errorf("%s is enabled and would lack %s: give it, or disable %s first; nothing was changed",
				name, joinAnd(m), name)
		}
		return nil
	})
}

// updateProvider changes provider name with fn, then prints it as show does.
func updateProvider(ctx context.Context, c cmdEnv, st *store.Store, name string, fn func(*oauth.Settings) error) error {
	s := settings.New(st, nil)
	var changed oauth.Settings
	err := s.UpdateProviders(ctx, func(all map[string]oauth.Settings) error {
		p, ok := all[name]
		if !ok { // a document from before the provider joined the catalog
			p = oauth.Defaults()[name]
		}
		if err := fn(&p); err != nil {
			return err
		}
		all[name], changed = p, p
		return nil
	})
	if err != nil {
		return err
	}
	printProvider(c, name, changed)
	fmt.Fprintln(c.stdout, "\nEvery running instance applies the change within a second.")
	return nil
}

// missing is what provider name lacks before it can be enabled (oauth.Missing), as the
// flags that give it.
func missing(name string, p oauth.Settings) []string {
	flags := map[string]string{
		"key":                 "a key (--key)",
		"secret":              "a secret (--secret-file or --secret-stdin)",
		"issuer":              "an issuer (--issuer)",
		"subdomain or issuer": "a subdomain (--subdomain) or an issuer (--issuer)",
	}
	m := oauth.Missing(name, p)
	for i, what := range m {
		m[i] = flags[what]
	}
	return m
}

func checkProviderName(name string) error {
	if !oauth.Known(name) {
		return fmt.Errorf("unknown provider %q: use one of %s", name, strings.Join(oauth.Names(), ", "))
	}
	return nil
}

// checkURL checks a URL given to flag: absolute, https, or http on this machine only
// (localhost, 127.0.0.1, ::1: a development setup); no user info, no fragment.
func checkURL(flag, v string) error {
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return fmt.Errorf("--%s: %q is not an absolute URL", flag, v)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
	case u.Scheme == "http":
		return fmt.Errorf("--%s: %q: https is required (http only for localhost, 127.0.0.1 and ::1)", flag, v)
	default:
		return fmt.Errorf("--%s: %q is not an http(s) URL", flag, v)
	}
	if u.User != nil {
		return fmt.Errorf("--%s: %q: no user or password in the URL", flag, v)
	}
	if u.Fragment != "" || strings.HasSuffix(v, "#") {
		return fmt.Errorf("--%s: %q: no fragment (#...) in the URL", flag, v)
	}
	return nil
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// checkSubdomain checks Strapi's subdomain: a host and an optional path, no scheme
// (my-tenant.eu.auth0.com, keycloak.example/realms/riders); empty clears it.
func checkSubdomain(v string) error {
	if v == "" {
		return nil
	}
	if strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.ContainsFunc(v, isSpaceOrControl) {
		return fmt.Errorf("--subdomain: %q: give the host (and path) without https:// (auth0: the tenant, my-tenant.eu; keycloak: auth.example/realms/riders)", v)
	}
	if u, err := url.Parse("https://" + v); err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("--subdomain: %q is not a host (and path)", v)
	}
	return nil
}

// splitScope splits scopes given as "a b c" or "a,b,c".
func splitScope(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}

// readSecret reads a secret of one line from r: one trailing newline (\n or \r\n) is not
// part of it, as `echo` and editors add one.
func readSecret(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no standard input")
	}
	b, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return "", err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	switch {
	case len(b) == 0:
		return "", errors.New("the secret is empty")
	case bytes.ContainsFunc(b, isSpaceOrControl):
		return "", errors.New("the secret has spaces, line breaks or control characters: give one line, the secret alone")
	}
	return string(b), nil
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }

func secretState(secret string) string {
	if secret == "" {
		return "(none)"
	}
	return "(set)"
}

// callbackOf is the frontend URL the provider's sign-ins go to: the configured one, or
// Strapi's default.
func callbackOf(c cmdEnv, name string, p oauth.Settings) string {
	if p.Callback != "" {
		return p.Callback
	}
	return c.cfg.PublicURL + "/api/auth/" + name + "/callback (default)"
}

// redirectURI is this server's URL the provider sends the browser back to, which the
// provider's OAuth client must list.
func redirectURI(c cmdEnv, name string) string {
	return c.cfg.PublicURL + "/api/connect/" + name + "/callback"
}

// joinAnd joins "a", "b", "c" as "a, b and c".
func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
