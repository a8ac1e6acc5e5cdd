// Package config reads the service's configuration from environment variables, with
// Strapi's variable names where Strapi has one. The README lists every variable.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultDatabasePoolMax is DATABASE_POOL_MAX when it is not set: the PostgreSQL
// connections the server opens at most (the bench's floor uses the same).
const DefaultDatabasePoolMax = 10

// Config is the whole configuration of the service, loaded once at start.
type Config struct {
	Production bool   // NODE_ENV=production
	Host       string // HOST
	Port       int    // PORT
	PublicURL  string // PUBLIC_URL, the URL clients reach the server at

	DatabaseURL      string // DATABASE_URL: postgres://... selects PostgreSQL
	DatabaseFilename string // DATABASE_FILENAME: the SQLite file otherwise
	DatabasePoolMax  int    // DATABASE_POOL_MAX
	// UsersQueryTimeout bounds each query of the users API (USERS_QUERY_TIMEOUT); 0: none.
	UsersQueryTimeout time.Duration

	JWTSecret    string        // JWT_SECRET; generated in development when empty
	APITokenSalt string        // API_TOKEN_SALT: key of the API tokens' hashes; generated in development when empty
	JWTExpiresIn time.Duration // JWT_EXPIRES_IN

	// JWTManagement is Strapi's jwtManagement (JWT_MANAGEMENT): "legacy-support" (one 30-day
	// JWT per login) or "refresh" (sessions: access and refresh tokens, the session routes).
	JWTManagement string
	Sessions      Sessions
	AppKeys       []string // APP_KEYS: Koa's keys; the first signs the refresh cookie's .sig companion

	BcryptCost      int // PASSWORD_BCRYPT_COST
	HashConcurrency int // PASSWORD_HASH_CONCURRENCY: password hashes computed at once
	// HashMaxWait bounds the hash queue by time (PASSWORD_HASH_MAX_WAIT): a request whose
	// hash would wait longer for a worker is refused at once with 503 and Retry-After.
	HashMaxWait time.Duration
	// HashNice is the nice value of the threads that compute password hashes
	// (PASSWORD_HASH_NICE, 0 to 19; 0: not lowered), so that hashing yields the CPU to the
	// other requests (Linux only).
	HashNice int
	// HashQueue is the deprecated PASSWORD_HASH_QUEUE: parsed so that a bad value is still
	// reported, otherwise ignored (a warning says so) in favour of HashMaxWait.
	HashQueue int

	ResetTokenTTL        time.Duration // RESET_PASSWORD_TOKEN_TTL
	ConfirmationTokenTTL time.Duration // EMAIL_CONFIRMATION_TOKEN_TTL

	SMTP             SMTP
	EmailFrom        string // EMAIL_DEFAULT_FROM
	EmailReplyTo     string // EMAIL_DEFAULT_REPLY_TO
	MailRetryMax     int    // MAIL_RETRY_MAX: delivery attempts before a mail is given up
	MailPollInterval time.Duration
	MailRetention    time.Duration // MAIL_RETENTION: how long mails sent or given up stay in the outbox

	// Advanced settings given in the environment; they overwrite the stored ones at start.
	Advanced map[string]string

	RateLimit      RateLimit
	TrustedProxies []netip.Prefix // TRUSTED_PROXIES
	CORSOrigins    []string       // CORS_ORIGIN
	MaxBodyBytes   int64          // MAX_BODY_BYTES

	// UserFieldsFile declares the custom user fields (USER_FIELDS_FILE): Strapi's
	// schema.json of the user model, or just its "attributes", with register.allowedFields.
	UserFieldsFile string

	// MetricsAddr is where GET /metrics is served (METRICS_ADDR, host:port), on a listener
	// of its own beside the API's; empty: no metrics listener.
	MetricsAddr string

	LogLevel        string        // LOG_LEVEL
	LogFormat       string        // LOG_FORMAT: json or text
	LogAccess       string        // LOG_ACCESS: which requests get an access-log line: all, errors or off
	LogAccessSlow   time.Duration // LOG_ACCESS_SLOW: with LOG_ACCESS=errors, slower requests are logged too
	ShutdownTimeout time.Duration

	// Warnings are weaknesses of the configuration that do not stop the start (weak values
	// of API_TOKEN_SALT or APP_KEYS in production): the service logs each at start.
	Warnings []string
}

// DefaultHashMaxWait is PASSWORD_HASH_MAX_WAIT's default. It is sized for the burst a race
// opening brings: 200 registrations at once, on 2 cores at the default bcrypt cost 10, take
// 200 × 56 ms / 2 workers = 5.6 s of hashing (measured on such a machine; 60-80 ms per hash
// when the machine is busy with other work: 6-8 s), so the last of them waits that long and
// must not be refused (computed from the hash time; the end-to-end burst is make bench's to
// show). 10 s serves such a burst whole with a margin, while a sustained
// overload is still shed: once 10 s of hashes are queued, every further request is refused
// at once, and none waits more than 10 s, well within a client's usual 30 s timeout.
const DefaultHashMaxWait = 10 * time.Second

// MaxHashMaxWait is PASSWORD_HASH_MAX_WAIT's upper bound: the HTTP server's write timeout
// (60 s) must leave room for the wait, the hash and the rest of the request.
const MaxHashMaxWait = 50 * time.Second

// JWT management modes (JWT_MANAGEMENT).
const (
	LegacySupport = "legacy-support"
	RefreshMode   = "refresh"
)

// RefreshMode reports whether JWT_MANAGEMENT is refresh.
func (c Config) RefreshMode() bool { return c.JWTManagement == RefreshMode }

// Sessions are Strapi's sessions settings of refresh mode, and the hardening of D6.
type Sessions struct {
	AccessTokenLifespan      time.Duration // SESSIONS_ACCESS_TOKEN_LIFESPAN
	IdleRefreshTokenLifespan time.Duration // SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN
	MaxRefreshTokenLifespan  time.Duration // SESSIONS_MAX_REFRESH_TOKEN_LIFESPAN
	ReuseGrace               time.Duration // SESSIONS_REUSE_GRACE: a rotated refresh token may be replayed this long
	HTTPOnly                 bool          // SESSIONS_HTTPONLY: refresh tokens always travel in the cookie
	Cookie                   SessionCookie
	CleanupInterval          time.Duration // SESSIONS_CLEANUP_INTERVAL: how often expired sessions and change-of-email links are deleted
}

// SessionCookie is the refresh cookie of cookie mode (Strapi's sessions.cookie).
type SessionCookie struct {
	Name     string        // SESSIONS_COOKIE_NAME
	Secure   bool          // SESSIONS_COOKIE_SECURE
	SameSite string        // SESSIONS_COOKIE_SAMESITE: lax, strict or none
	Path     string        // SESSIONS_COOKIE_PATH
	Domain   string        // SESSIONS_COOKIE_DOMAIN
	MaxAge   time.Duration // SESSIONS_COOKIE_MAX_AGE; 0: a session cookie
}

// SMTP is where mails go. An empty Host means no SMTP server: mails are written to the log.
type SMTP struct {
	Host     string // SMTP_HOST
	Port     int    // SMTP_PORT
	Username string // SMTP_USERNAME
	Password string // SMTP_PASSWORD
	TLS      string // SMTP_TLS: starttls, tls or none
}

// RateLimit configures the limiter of the auth routes (Strapi's ratelimit config).
type RateLimit struct {
	Enabled  bool          // RATE_LIMIT_ENABLED
	Max      int           // RATE_LIMIT_MAX
	Interval time.Duration // RATE_LIMIT_INTERVAL
	RedisURL string        // REDIS_URL: share the counters between instances
	// IPv6Prefix is the length of the IPv6 prefix that shares one bucket
	// (RATE_LIMIT_IPV6_PREFIX, 64 by default): a host usually owns a whole /64 and could
	// otherwise rotate through its addresses. IPv4 clients are counted per address.
	IPv6Prefix int
}

// AdvancedSettingVars maps the environment variables that set Strapi's advanced settings
// (and this service's own, email_change_redirection) to the settings' keys.
var AdvancedSettingVars = map[string]string{
	"UP_UNIQUE_EMAIL":                   "unique_email",
	"UP_ALLOW_REGISTER":                 "allow_register",
	"UP_EMAIL_CONFIRMATION":             "email_confirmation",
	"UP_EMAIL_CONFIRMATION_REDIRECTION": "email_confirmation_redirection",
	"UP_EMAIL_RESET_PASSWORD":           "email_reset_password",
	"UP_DEFAULT_ROLE":                   "default_role",
	"UP_EMAIL_CHANGE_REDIRECTION":       "email_change_redirection",
}

// Load reads the configuration. getenv is os.Getenv in production and a map in tests.
func Load(getenv func(string) string) (Config, error) {
	p := parser{getenv: getenv}
	env := p.str("NODE_ENV", "development")
	c := Config{
		Production:        env == "production",
		Host:              p.str("HOST", "0.0.0.0"),
		Port:              p.integer("PORT", 1337, 0, 65535),
		DatabaseURL:       p.str("DATABASE_URL", ""),
		DatabaseFilename:  p.str("DATABASE_FILENAME", ".tmp/data.db"),
		DatabasePoolMax:   p.integer("DATABASE_POOL_MAX", DefaultDatabasePoolMax, 1, 1000),
		UsersQueryTimeout: p.durationOrZero("USERS_QUERY_TIMEOUT", 2*time.Second),
		JWTSecret:         getenv("JWT_SECRET"),
		APITokenSalt:      getenv("API_TOKEN_SALT"),
		JWTExpiresIn:      p.duration("JWT_EXPIRES_IN", 30*24*time.Hour),
		BcryptCost:        p.integer("PASSWORD_BCRYPT_COST", 10, 4, 31),
		HashConcurrency:   p.integer("PASSWORD_HASH_CONCURRENCY", runtime.NumCPU(), 1, 1024),
		HashQueue:         p.integer("PASSWORD_HASH_QUEUE", 0, 0, 1<<20),
		HashMaxWait:       p.duration("PASSWORD_HASH_MAX_WAIT", DefaultHashMaxWait),
		HashNice:          p.integer("PASSWORD_HASH_NICE", 19, 0, 19),

		ResetTokenTTL:        p.duration("RESET_PASSWORD_TOKEN_TTL", time.Hour),
		ConfirmationTokenTTL: p.duration("EMAIL_CONFIRMATION_TOKEN_TTL", 24*time.Hour),

		SMTP: SMTP{
			Host:     p.str("SMTP_HOST", ""),
			Port:     p.integer("SMTP_PORT", 587, 1, 65535),
			Username: p.str("SMTP_USERNAME", ""),
			Password: getenv("SMTP_PASSWORD"),
			TLS:      p.oneOf("SMTP_TLS", "starttls", "starttls", "tls", "none"),
		},
		EmailFrom:        p.str("EMAIL_DEFAULT_FROM", "no-reply@strapi.io"),
		EmailReplyTo:     p.str("EMAIL_DEFAULT_REPLY_TO", ""),
		MailRetryMax:     p.integer("MAIL_RETRY_MAX", 12, 1, 1000),
		MailPollInterval: p.duration("MAIL_POLL_INTERVAL", time.Second),
		MailRetention:    p.duration("MAIL_RETENTION", 7*24*time.Hour),

		Advanced: map[string]string{},
		RateLimit: RateLimit{
			Enabled:    p.boolean("RATE_LIMIT_ENABLED", true),
			Max:        p.integer("RATE_LIMIT_MAX", 10, 1, 1<<30),
			Interval:   p.duration("RATE_LIMIT_INTERVAL", time.Minute),
			RedisURL:   p.str("REDIS_URL", ""),
			IPv6Prefix: p.integer("RATE_LIMIT_IPV6_PREFIX", 64, 1, 128),
		},
		CORSOrigins:     p.list("CORS_ORIGIN", "*"),
		MaxBodyBytes:    int64(p.integer("MAX_BODY_BYTES", 1<<20, 1024, 1<<30)),
		UserFieldsFile:  p.str("USER_FIELDS_FILE", ""),
		MetricsAddr:     p.str("METRICS_ADDR", ""),
		LogLevel:        p.oneOf("LOG_LEVEL", "info", "debug", "info", "warn", "error"),
		LogAccess:       p.oneOf("LOG_ACCESS", "all", "all", "errors", "off"),
		LogAccessSlow:   p.duration("LOG_ACCESS_SLOW", time.Second),
		ShutdownTimeout: p.duration("SHUTDOWN_TIMEOUT", 25*time.Second),
	}
	if env != "production" && env != "development" && env != "test" {
		p.errs = append(p.errs, fmt.Errorf("NODE_ENV: %q is not production, development or test", env))
	}
	defaultFormat := "text"
	if c.Production {
		defaultFormat = "json"
	}
	c.LogFormat = p.oneOf("LOG_FORMAT", defaultFormat, "json", "text")
	c.JWTManagement = p.oneOf("JWT_MANAGEMENT", LegacySupport, LegacySupport, RefreshMode)
	c.Sessions = Sessions{
		AccessTokenLifespan:      p.duration("SESSIONS_ACCESS_TOKEN_LIFESPAN", 600*time.Second),
		IdleRefreshTokenLifespan: p.duration("SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN", 14*24*time.Hour),
		MaxRefreshTokenLifespan:  p.duration("SESSIONS_MAX_REFRESH_TOKEN_LIFESPAN", 30*24*time.Hour),
		ReuseGrace:               p.durationOrZero("SESSIONS_REUSE_GRACE", 10*time.Second),
		HTTPOnly:                 p.boolean("SESSIONS_HTTPONLY", false),
		Cookie: SessionCookie{
			Name:     p.str("SESSIONS_COOKIE_NAME", "strapi_up_refresh"),
			Secure:   p.boolean("SESSIONS_COOKIE_SECURE", c.Production),
			SameSite: p.oneOf("SESSIONS_COOKIE_SAMESITE", "lax", "lax", "strict", "none"),
			Path:     p.str("SESSIONS_COOKIE_PATH", "/"),
			Domain:   p.str("SESSIONS_COOKIE_DOMAIN", ""),
			MaxAge:   p.durationOrZero("SESSIONS_COOKIE_MAX_AGE", 0),
		},
		CleanupInterval: p.duration("SESSIONS_CLEANUP_INTERVAL", 10*time.Minute),
	}
	for _, v := range []struct {
		name string
		d    time.Duration
	}{
		{"SESSIONS_ACCESS_TOKEN_LIFESPAN", c.Sessions.AccessTokenLifespan},
		{"SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN", c.Sessions.IdleRefreshTokenLifespan},
		{"SESSIONS_MAX_REFRESH_TOKEN_LIFESPAN", c.Sessions.MaxRefreshTokenLifespan},
	} {
		if v.d < time.Second { // tokens count in whole seconds
			p.errs = append(p.errs, fmt.Errorf("%s: %s is less than a second", v.name, v.d))
		}
	}
	for i, o := range c.CORSOrigins {
		origin, err := parseOrigin(o)
		if err != nil {
			p.errs = append(p.errs, fmt.Errorf("CORS_ORIGIN: %w", err))
			continue
		}
		c.CORSOrigins[i] = origin
	}
	if c.HashMaxWait > MaxHashMaxWait {
		p.errs = append(p.errs, fmt.Errorf("PASSWORD_HASH_MAX_WAIT: %s is more than %s: the server ends a request after 60 s, and the hash still has to run after the wait",
			c.HashMaxWait, MaxHashMaxWait))
	}
	if p.str("PASSWORD_HASH_QUEUE", "") != "" {
		c.Warnings = append(c.Warnings, "PASSWORD_HASH_QUEUE is deprecated and ignored: the hash queue is bounded by time, "+
			"PASSWORD_HASH_MAX_WAIT ("+c.HashMaxWait.String()+"), not by a count")
	}
	if c.MetricsAddr != "" {
		if _, port, err := net.SplitHostPort(c.MetricsAddr); err != nil || port == "" {
			p.errs = append(p.errs, fmt.Errorf("METRICS_ADDR: %q is not host:port (like 127.0.0.1:9464)", c.MetricsAddr))
		}
	}
	ck := c.Sessions.Cookie
	if !cookieName.MatchString(ck.Name) {
		p.errs = append(p.errs, fmt.Errorf("SESSIONS_COOKIE_NAME: %q is not a valid cookie name", ck.Name))
	}
	if !cookieAttr.MatchString(ck.Path) || !strings.HasPrefix(ck.Path, "/") {
		p.errs = append(p.errs, fmt.Errorf("SESSIONS_COOKIE_PATH: %q is not a cookie path (like /)", ck.Path))
	}
	if ck.Domain != "" && !cookieAttr.MatchString(ck.Domain) {
		p.errs = append(p.errs, fmt.Errorf("SESSIONS_COOKIE_DOMAIN: %q is not a cookie domain", ck.Domain))
	}
	if ck.SameSite == "none" && !ck.Secure {
		p.errs = append(p.errs, errors.New("SESSIONS_COOKIE_SAMESITE=none needs SESSIONS_COOKIE_SECURE=true: browsers drop such cookies otherwise"))
	}
	// With SameSite=None browsers send the refresh cookie on requests from every site. Only
	// origins listed in CORS_ORIGIN may read such an answer (D16: * gives no credentials),
	// but with * among them the whole defence would rest on CORS alone: SameSite=None is
	// for a frontend on another site, which must then be named.
	if ck.SameSite == "none" && slices.Contains(c.CORSOrigins, "*") {
		p.errs = append(p.errs, errors.New("SESSIONS_COOKIE_SAMESITE=none needs CORS_ORIGIN to list the allowed origins, not *: "+
			"the cookie then goes with requests from every site; name the frontends that need it (https://app.example)"))
	}
	c.AppKeys = p.list("APP_KEYS", "")
	for name, key := range AdvancedSettingVars {
		if v := getenv(name); v != "" {
			c.Advanced[key] = v
		}
	}
	for _, s := range p.list("TRUSTED_PROXIES", "") {
		prefix, err := parsePrefix(s)
		if err != nil {
			p.errs = append(p.errs, fmt.Errorf("TRUSTED_PROXIES: %w", err))
			continue
		}
		c.TrustedProxies = append(c.TrustedProxies, prefix)
	}
	c.PublicURL = p.str("PUBLIC_URL", "")
	if c.PublicURL == "" {
		host := c.Host
		if host == "0.0.0.0" || host == "::" || host == "" {
			host = "localhost"
		}
		c.PublicURL = fmt.Sprintf("http://%s:%d", host, c.Port)
	} else if u, err := url.Parse(c.PublicURL); err != nil || u.Scheme == "" || u.Host == "" {
		p.errs = append(p.errs, fmt.Errorf("PUBLIC_URL: %q is not an absolute URL", c.PublicURL))
	}
	c.PublicURL = strings.TrimSuffix(c.PublicURL, "/")
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		p.errs = append(p.errs, errors.New("DATABASE_URL: only postgres:// URLs are supported; leave it empty for the embedded SQLite database"))
	}
	if u := c.RateLimit.RedisURL; u != "" && !strings.HasPrefix(u, "redis://") && !strings.HasPrefix(u, "rediss://") {
		p.errs = append(p.errs, errors.New("REDIS_URL: expected a redis:// or rediss:// URL"))
	}
	if c.Production && c.JWTSecret == "" {
		p.errs = append(p.errs, errors.New("JWT_SECRET is required when NODE_ENV=production (Strapi's error: Missing jwtSecret)"))
	}
	if !c.Production && c.JWTSecret != "" && len(c.JWTSecret) < 16 {
		p.errs = append(p.errs, errors.New("JWT_SECRET is too short: use at least 16 characters (32 or more recommended)"))
	}
	c.checkProductionSecrets(&p)
	return c, errors.Join(p.errs...)
}

// Addr is the address the HTTP server listens on.
func (c Config) Addr() string {
	return netJoin(c.Host, c.Port)
}

func netJoin(host string, port int) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + strconv.Itoa(port)
	}
	return host + ":" + strconv.Itoa(port)
}

// parseOrigin checks one entry of CORS_ORIGIN: "*", or an origin as browsers send it in
// the Origin header (scheme://host[:port], nothing after), which it returns in that form:
// lower case, without the scheme's default port. An entry that could never match (a path,
// a trailing slash) is refused rather than silently ignored.
func parseOrigin(s string) (string, error) {
	if s == "*" {
		return s, nil
	}
	if strings.EqualFold(s, "null") {
		return "", errors.New(`"null" cannot be listed: it is the origin of sandboxed frames and local files, ` +
			"which any site can make; it is allowed, without credentials, by *")
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" ||
		strings.HasSuffix(s, "?") || strings.HasSuffix(s, "#") {
		return "", fmt.Errorf("%q is not an origin: write scheme://host[:port], like https://app.example, without a path or a trailing slash", s)
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if scheme == "https" {
		host = strings.TrimSuffix(host, ":443")
	} else if scheme == "http" {
		host = strings.TrimSuffix(host, ":80")
	}
	return scheme + "://" + host, nil
}

func parsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		return netip.ParsePrefix(s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

type parser struct {
	getenv func(string) string
	errs   []error
}

func (p *parser) str(name, def string) string {
	if v := strings.TrimSpace(p.getenv(name)); v != "" {
		return v
	}
	return def
}

func (p *parser) integer(name string, def, lo, hi int) int {
	v := p.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not an integer from %d to %d", name, v, lo, hi))
		return def
	}
	return n
}

func (p *parser) boolean(name string, def bool) bool {
	v := p.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not true or false", name, v))
		return def
	}
	return b
}

func (p *parser) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(p.str(name, def))
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.errs = append(p.errs, fmt.Errorf("%s: %q is not one of %s", name, v, strings.Join(allowed, ", ")))
	return def
}

func (p *parser) list(name, def string) []string {
	var out []string
	for _, s := range strings.Split(p.str(name, def), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cookieName is an RFC 6265 token; cookieAttr a cookie attribute value (no ';', no controls).
var (
	cookieName = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")
	cookieAttr = regexp.MustCompile(`^[\x21-\x3A\x3C-\x7E]+$`)
)

// durationOrZero is duration that also accepts 0 (none).
func (p *parser) durationOrZero(name string, def time.Duration) time.Duration {
	v := p.str(name, "")
	if v == "" {
		return def
	}
	d, err := ParseDuration(v)
	if err != nil || d < 0 {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not a duration (like 10s, 1h or 0)", name, v))
		return def
	}
	return d
}

// duration accepts Go durations ("90s", "1h30m"), a number of seconds, or a number of
// days with a "d" suffix as Strapi's expiresIn does ("30d").
func (p *parser) duration(name string, def time.Duration) time.Duration {
	v := p.str(name, "")
	if v == "" {
		return def
	}
	d, err := ParseDuration(v)
	if err != nil || d <= 0 {
		p.errs = append(p.errs, fmt.Errorf("%s: %q is not a positive duration (like 90s, 1h or 30d)", name, v))
		return def
	}
	return d
}

// ParseDuration parses "30d", "12h", "90s", "1h30m" or a bare number of seconds.
func ParseDuration(v string) (time.Duration, error) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err != nil {
			return 0, err
		}
		return time.Duration(n * float64(24*time.Hour)), nil
	}
	return time.ParseDuration(v)
}
