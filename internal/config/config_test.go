package config

import (
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
	c, err := Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": "a-strapi-secret-24chars=="}))
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
