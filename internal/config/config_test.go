package config

import (
	"os"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Production || c.Host != "0.0.0.0" || c.Port != 1337 || c.DatabaseFilename != ".tmp/data.db" || c.DatabaseURL != "" ||
		c.JWTExpiresIn != 30*24*time.Hour || c.BcryptCost != 10 || c.ResetTokenTTL != time.Hour || c.ConfirmationTokenTTL != 24*time.Hour ||
		!c.RateLimit.Enabled || c.RateLimit.Max != 10 || c.RateLimit.Interval != time.Minute ||
		c.PublicURL != "http://localhost:1337" || c.LogFormat != "text" || c.Addr() != "0.0.0.0:1337" {
		t.Fatalf("%+v", c)
	}
}

func TestProductionNeedsSecret(t *testing.T) {
	t.Parallel()
	_, err := Load(env(map[string]string{"NODE_ENV": "production"}))
	if err == nil || !strings.Contains(err.Error(), "JWT_SECRET") {
		t.Fatalf("%v", err)
	}
	c, err := Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": strapiGeneratedSecret}))
	if err != nil || !c.Production || c.LogFormat != "json" {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestInvalidValues(t *testing.T) {
	t.Parallel()
	_, err := Load(env(map[string]string{
		"PORT": "http", "JWT_EXPIRES_IN": "soon", "RATE_LIMIT_ENABLED": "yes please", "DATABASE_URL": "mysql://x",
		"JWT_SECRET": "short", "TRUSTED_PROXIES": "10.0.0.0/8, nonsense", "LOG_LEVEL": "loud", "NODE_ENV": "staging",
	}))
	for _, name := range []string{"PORT", "JWT_EXPIRES_IN", "RATE_LIMIT_ENABLED", "DATABASE_URL", "JWT_SECRET", "TRUSTED_PROXIES", "LOG_LEVEL", "NODE_ENV"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("no error about %s: %v", name, err)
		}
	}
}

func TestConfirmationTokenTTL(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"EMAIL_CONFIRMATION_TOKEN_TTL": "2d"}))
	if err != nil || c.ConfirmationTokenTTL != 48*time.Hour {
		t.Fatalf("%v %v", c.ConfirmationTokenTTL, err)
	}
	if _, err := Load(env(map[string]string{"EMAIL_CONFIRMATION_TOKEN_TTL": "never"})); err == nil || !strings.Contains(err.Error(), "EMAIL_CONFIRMATION_TOKEN_TTL") {
		t.Fatalf("no error about EMAIL_CONFIRMATION_TOKEN_TTL: %v", err)
	}
}

func TestParseDuration(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "600": 10 * time.Minute, "1h30m": 90 * time.Minute, "0.5d": 12 * time.Hour} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
}

func TestEnvironmentSettingsAndProxies(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"UP_EMAIL_RESET_PASSWORD": "https://race.example/reset", "TRUSTED_PROXIES": "10.0.0.0/8,192.0.2.1",
		"CORS_ORIGIN": "https://a.example, https://b.example"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Advanced["email_reset_password"] != "https://race.example/reset" || len(c.TrustedProxies) != 2 ||
		c.TrustedProxies[1].String() != "192.0.2.1/32" || len(c.CORSOrigins) != 2 || c.CORSOrigins[1] != "https://b.example" {
		t.Fatalf("%+v", c)
	}
}

func TestSessions(t *testing.T) {
	t.Parallel()
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Sessions
	if c.RefreshMode() || c.JWTManagement != "legacy-support" || s.AccessTokenLifespan != 600*time.Second ||
		s.IdleRefreshTokenLifespan != 14*24*time.Hour || s.MaxRefreshTokenLifespan != 30*24*time.Hour ||
		s.ReuseGrace != 10*time.Second || s.HTTPOnly || s.Cookie != (SessionCookie{Name: "strapi_up_refresh", SameSite: "lax", Path: "/"}) ||
		len(c.AppKeys) != 0 {
		t.Fatalf("%+v %+v", c.JWTManagement, s)
	}
	// The cookie is Secure by default in production, as Strapi's.
	c, err = Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": strapiGeneratedSecret}))
	if err != nil || !c.Sessions.Cookie.Secure {
		t.Fatalf("%+v %v", c.Sessions.Cookie, err)
	}
	c, err = Load(env(map[string]string{
		"JWT_MANAGEMENT": "refresh", "SESSIONS_ACCESS_TOKEN_LIFESPAN": "300", "SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN": "7d",
		"SESSIONS_MAX_REFRESH_TOKEN_LIFESPAN": "60d", "SESSIONS_REUSE_GRACE": "0", "SESSIONS_HTTPONLY": "true",
		"SESSIONS_COOKIE_NAME": "rt", "SESSIONS_COOKIE_SECURE": "true", "SESSIONS_COOKIE_SAMESITE": "None",
		"SESSIONS_COOKIE_PATH": "/api/auth", "SESSIONS_COOKIE_DOMAIN": "race.example", "SESSIONS_COOKIE_MAX_AGE": "14d",
		"APP_KEYS": "key1, key2", "CORS_ORIGIN": "https://app.race.example",
	}))
	if err != nil {
		t.Fatal(err)
	}
	s = c.Sessions
	if !c.RefreshMode() || s.AccessTokenLifespan != 5*time.Minute || s.IdleRefreshTokenLifespan != 7*24*time.Hour ||
		s.MaxRefreshTokenLifespan != 60*24*time.Hour || s.ReuseGrace != 0 || !s.HTTPOnly ||
		s.Cookie != (SessionCookie{Name: "rt", Secure: true, SameSite: "none", Path: "/api/auth", Domain: "race.example", MaxAge: 14 * 24 * time.Hour}) ||
		len(c.AppKeys) != 2 || c.AppKeys[0] != "key1" || c.AppKeys[1] != "key2" {
		t.Fatalf("%+v %+v", s, c.AppKeys)
	}
	_, err = Load(env(map[string]string{
		"JWT_MANAGEMENT": "jwt", "SESSIONS_ACCESS_TOKEN_LIFESPAN": "500ms", "SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN": "soon",
		"SESSIONS_REUSE_GRACE": "-1s", "SESSIONS_HTTPONLY": "maybe", "SESSIONS_COOKIE_NAME": "a;b",
		"SESSIONS_COOKIE_SAMESITE": "none", "SESSIONS_COOKIE_PATH": "api", "SESSIONS_COOKIE_DOMAIN": "a b", "SESSIONS_COOKIE_MAX_AGE": "x",
	}))
	for _, name := range []string{"JWT_MANAGEMENT", "SESSIONS_ACCESS_TOKEN_LIFESPAN", "SESSIONS_IDLE_REFRESH_TOKEN_LIFESPAN",
		"SESSIONS_REUSE_GRACE", "SESSIONS_HTTPONLY", "SESSIONS_COOKIE_NAME", "SESSIONS_COOKIE_SAMESITE=none needs",
		"SESSIONS_COOKIE_PATH", "SESSIONS_COOKIE_DOMAIN", "SESSIONS_COOKIE_MAX_AGE"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("no error about %s: %v", name, err)
		}
	}
}

func TestMailRetention(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value   string
		want    time.Duration
		wantErr bool
	}{
		{"", 7 * 24 * time.Hour, false},
		{"30d", 30 * 24 * time.Hour, false},
		{"12h", 12 * time.Hour, false},
		{"3600", time.Hour, false},
		{"0", 0, true},
		{"-1d", 0, true},
		{"forever", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			t.Parallel()
			c, err := Load(env(map[string]string{"MAIL_RETENTION": tt.value}))
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "MAIL_RETENTION") {
					t.Fatalf("MAIL_RETENTION=%q: %v, want an error about MAIL_RETENTION", tt.value, err)
				}
				return
			}
			if err != nil || c.MailRetention != tt.want {
				t.Fatalf("MAIL_RETENTION=%q: %v %v, want %v", tt.value, c.MailRetention, err, tt.want)
			}
		})
	}
}

// TestMetricsAddr: no metrics listener by default; METRICS_ADDR must be host:port.
func TestMetricsAddr(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{}))
	if err != nil || c.MetricsAddr != "" {
		t.Fatalf("default METRICS_ADDR %q, %v; want none", c.MetricsAddr, err)
	}
	for _, ok := range []string{"127.0.0.1:9464", "[::1]:9464", ":9464"} {
		if c, err := Load(env(map[string]string{"METRICS_ADDR": ok})); err != nil || c.MetricsAddr != ok {
			t.Errorf("METRICS_ADDR=%s: %q, %v", ok, c.MetricsAddr, err)
		}
	}
	for _, bad := range []string{"9464", "127.0.0.1", "127.0.0.1:"} {
		if _, err := Load(env(map[string]string{"METRICS_ADDR": bad})); err == nil || !strings.Contains(err.Error(), "METRICS_ADDR") {
			t.Errorf("METRICS_ADDR=%s: %v, want an error naming it", bad, err)
		}
	}
}

func TestUsersQueryTimeout(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		value   string
		want    time.Duration
		wantErr bool
	}{
		{"", 2 * time.Second, false},
		{"500ms", 500 * time.Millisecond, false},
		{"5", 5 * time.Second, false},
		{"0", 0, false}, // no bound
		{"-1s", 0, true},
		{"soon", 0, true},
	} {
		c, err := Load(env(map[string]string{"USERS_QUERY_TIMEOUT": tt.value}))
		switch {
		case tt.wantErr && (err == nil || !strings.Contains(err.Error(), "USERS_QUERY_TIMEOUT")):
			t.Errorf("%q: %v, want an error about USERS_QUERY_TIMEOUT", tt.value, err)
		case !tt.wantErr && (err != nil || c.UsersQueryTimeout != tt.want):
			t.Errorf("%q: %v %v, want %v", tt.value, c.UsersQueryTimeout, err, tt.want)
		}
	}
}

// TestSettingsDocumented: every variable Load reads is in the README's configuration
// table (a row may name several of a family: `SMTP_USERNAME`, `SMTP_PASSWORD`, or
// `SESSIONS_COOKIE_NAME`, `_SECURE`).
func TestSettingsDocumented(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "\n## Configuration\n")
	table, _, _ = strings.Cut(table, "\n## ")
	var read []string
	_, _ = Load(func(k string) string {
		read = append(read, k)
		return ""
	})
	for _, k := range read {
		documented := strings.Contains(table, "`"+k+"`")
		for i := range len(k) {
			if k[i] == '_' && !documented { // `_SECURE` in the row of `SESSIONS_COOKIE_NAME`
				documented = strings.Contains(table, "`"+k[:i+1]) && strings.Contains(table, "`"+k[i:]+"`")
			}
		}
		if !documented {
			t.Errorf("%s is not in README's configuration table", k)
		}
	}
}

// TestPasswordHashPool: the hash pool's settings, their defaults and bounds, and the
// deprecated PASSWORD_HASH_QUEUE, still parsed but ignored with a warning.
func TestPasswordHashPool(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		env      map[string]string
		maxWait  time.Duration
		nice     int
		warning  string // a warning that must be given; none may be otherwise
		errorFor string // the variable the error must name; "" for none
	}{
		{"defaults", nil, DefaultHashMaxWait, 19, "", ""},
		{"set", map[string]string{"PASSWORD_HASH_MAX_WAIT": "2.5s", "PASSWORD_HASH_NICE": "10"}, 2500 * time.Millisecond, 10, "", ""},
		{"seconds, and nice off", map[string]string{"PASSWORD_HASH_MAX_WAIT": "30", "PASSWORD_HASH_NICE": "0"}, 30 * time.Second, 0, "", ""},
		{"the largest wait", map[string]string{"PASSWORD_HASH_MAX_WAIT": "50s"}, MaxHashMaxWait, 19, "", ""},
		{"queue: ignored with a warning", map[string]string{"PASSWORD_HASH_QUEUE": "32"}, DefaultHashMaxWait, 19,
			"PASSWORD_HASH_QUEUE is deprecated and ignored", ""},
		{"queue: still checked", map[string]string{"PASSWORD_HASH_QUEUE": "many"}, 0, 0, "", "PASSWORD_HASH_QUEUE"},
		{"wait: not a duration", map[string]string{"PASSWORD_HASH_MAX_WAIT": "soon"}, 0, 0, "", "PASSWORD_HASH_MAX_WAIT"},
		{"wait: zero", map[string]string{"PASSWORD_HASH_MAX_WAIT": "0"}, 0, 0, "", "PASSWORD_HASH_MAX_WAIT"},
		{"wait: beyond the write timeout", map[string]string{"PASSWORD_HASH_MAX_WAIT": "1m"}, 0, 0, "", "PASSWORD_HASH_MAX_WAIT"},
		{"nice: over 19", map[string]string{"PASSWORD_HASH_NICE": "20"}, 0, 0, "", "PASSWORD_HASH_NICE"},
		{"nice: negative (a higher priority)", map[string]string{"PASSWORD_HASH_NICE": "-5"}, 0, 0, "", "PASSWORD_HASH_NICE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := Load(env(c.env))
			if c.errorFor != "" {
				if err == nil || !strings.Contains(err.Error(), c.errorFor) {
					t.Fatalf("%v, want an error naming %s", err, c.errorFor)
				}
				return
			}
			if err != nil || cfg.HashMaxWait != c.maxWait || cfg.HashNice != c.nice {
				t.Fatalf("max wait %s, nice %d, %v; want %s, %d", cfg.HashMaxWait, cfg.HashNice, err, c.maxWait, c.nice)
			}
			warnings := strings.Join(cfg.Warnings, "\n")
			if (c.warning == "") != (warnings == "") || !strings.Contains(warnings, c.warning) {
				t.Fatalf("warnings %q, want %q", warnings, c.warning)
			}
		})
	}
}
