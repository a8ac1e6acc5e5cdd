package config

import (
	"strings"
	"testing"
)

func TestRateLimitIPv6Prefix(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		value string
		want  int
		err   bool
	}{
		{"", 64, false},
		{"48", 48, false},
		{"128", 128, false},
		{"1", 1, false},
		{"0", 0, true},
		{"129", 0, true},
		{"/64", 0, true},
	} {
		c, err := Load(env(map[string]string{"RATE_LIMIT_IPV6_PREFIX": tt.value}))
		switch {
		case tt.err && (err == nil || !strings.Contains(err.Error(), "RATE_LIMIT_IPV6_PREFIX")):
			t.Errorf("%q: no error about RATE_LIMIT_IPV6_PREFIX: %v", tt.value, err)
		case !tt.err && (err != nil || c.RateLimit.IPv6Prefix != tt.want):
			t.Errorf("%q: %d %v, want %d", tt.value, c.RateLimit.IPv6Prefix, err, tt.want)
		}
	}
}

func TestCORSOrigins(t *testing.T) {
	t.Parallel()
	c, err := Load(env(nil))
	if err != nil || len(c.CORSOrigins) != 1 || c.CORSOrigins[0] != "*" {
		t.Fatalf("default %q %v", c.CORSOrigins, err)
	}
	// Listed as browsers send them in Origin: lower case, no default port.
	c, err = Load(env(map[string]string{"CORS_ORIGIN": "https://App.Example, http://localhost:5173, https://a.example:443, http://b.example:80, https://c.example:8443, *"}))
	want := []string{"https://app.example", "http://localhost:5173", "https://a.example", "http://b.example", "https://c.example:8443", "*"}
	if err != nil || strings.Join(c.CORSOrigins, " ") != strings.Join(want, " ") {
		t.Fatalf("%q %v, want %q", c.CORSOrigins, err, want)
	}
	for _, bad := range []string{"null", "NULL", "https://app.example/", "https://app.example/app", "app.example", "https://", "https://app.example?x=1",
		"https://user@app.example", "https://app.example#x"} {
		_, err := Load(env(map[string]string{"CORS_ORIGIN": "https://ok.example," + bad}))
		if err == nil || !strings.Contains(err.Error(), "CORS_ORIGIN") {
			t.Errorf("%q: no error about CORS_ORIGIN: %v", bad, err)
		}
	}
}

// strapiGeneratedSecret was made as create-strapi-app makes JWT_SECRET, API_TOKEN_SALT and
// each key of APP_KEYS: crypto.randomBytes(16).toString('base64').
const strapiGeneratedSecret = "dRt7oiJgJuMLXjRX1Mv7EQ=="

// TestProductionRefusesWeakJWTSecret: in production a JWT_SECRET that is one of Strapi's
// sample values, a repetition of a few characters, or shorter than 32 bytes (unless made
// by Strapi's generator) is refused, with the reason and how to make a good one, and
// without the secret in the message.
func TestProductionRefusesWeakJWTSecret(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		secret string
		why    string // in the error; "": accepted
	}{
		{"tobemodified", "sample value"},
		{"toBeModified", "sample value"},
		{"toBeModified1", "sample value"},
		{"randomJwtSecret", "sample value"},
		{"myJwtSecret", "sample value"},
		{strings.Repeat("a", 64), "only 1 different characters"},
		{strings.Repeat("ab", 32), "only 2 different characters"},
		{strings.Repeat("0123456", 10), "only 7 different characters"},
		{"0123456789abcdefghijklmnopqrstu", "31 bytes long"},
		{"a-strapi-secret-24chars==", "25 bytes long"},
		{"aGVsbG9oZWxsb2hlbGxvaA==", "24 bytes long"}, // base64 of "hellohellohelloh": Strapi's shape, not random
		{"AAAAAAAAAAAAAAAAAAAAAA==", "only 2 different characters"},
		{strapiGeneratedSecret, ""},
		{"Qcs1jscfZYNndeYgy00DmW+ViBP2GSLF5/mcjoXr8Ok=", ""}, // openssl rand -base64 32
		{"8f1c2e9a7b3d4f6a0c5e8b2d9f7a1c3e", ""},             // openssl rand -hex 16
		{"0123456789abcdefghijklmnopqrstuv", ""},             // 32 bytes of 32 characters
	} {
		_, err := Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": tt.secret}))
		if tt.why == "" {
			if err != nil {
				t.Errorf("%q refused: %v", tt.secret, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q accepted in production", tt.secret)
			continue
		}
		msg := err.Error()
		for _, want := range []string{"JWT_SECRET is too weak for NODE_ENV=production", tt.why, "openssl rand -base64 32"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q: the error does not say %q: %s", tt.secret, want, msg)
			}
		}
		if strings.Contains(msg, tt.secret) {
			t.Errorf("%q: the error shows the secret: %s", tt.secret, msg)
		}
		// Outside production the same values are accepted (but the short ones).
		if _, err := Load(env(map[string]string{"NODE_ENV": "development", "JWT_SECRET": tt.secret})); err != nil && len(tt.secret) >= 16 {
			t.Errorf("%q refused in development: %v", tt.secret, err)
		}
	}
}

// TestProductionWarnsOfWeakSaltAndKeys: weak values of API_TOKEN_SALT and APP_KEYS are
// not refused in production (their strength protects nothing an attacker can use, and
// changing them ends API tokens or cookie sessions) but noted as warnings, without the
// values; outside production, nothing is said.
func TestProductionWarnsOfWeakSaltAndKeys(t *testing.T) {
	t.Parallel()
	strong := "Qcs1jscfZYNndeYgy00DmW+ViBP2GSLF5/mcjoXr8Ok="
	c, err := Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": strong,
		"API_TOKEN_SALT": "tobemodified", "APP_KEYS": "toBeModified1," + strapiGeneratedSecret + ",short-key"}))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(c.Warnings, "\n")
	if len(c.Warnings) != 3 || !strings.Contains(c.Warnings[0], "API_TOKEN_SALT is weak: it is a sample value") ||
		!strings.Contains(c.Warnings[1], "APP_KEYS: key 1 of 3 is weak: it is a sample value") ||
		!strings.Contains(c.Warnings[2], "APP_KEYS: key 3 of 3 is weak: it is 9 bytes long") ||
		!strings.Contains(all, "openssl rand -base64 32") {
		t.Fatalf("warnings:\n%s", all)
	}
	for _, secret := range []string{"tobemodified", "toBeModified1", "short-key", strapiGeneratedSecret} {
		if strings.Contains(strings.ToLower(all), strings.ToLower(secret)) {
			t.Errorf("a warning shows %q:\n%s", secret, all)
		}
	}
	c, err = Load(env(map[string]string{"NODE_ENV": "production", "JWT_SECRET": strong,
		"API_TOKEN_SALT": strapiGeneratedSecret, "APP_KEYS": strapiGeneratedSecret + "," + strong}))
	if err != nil || len(c.Warnings) != 0 {
		t.Fatalf("strong values: %q %v", c.Warnings, err)
	}
	c, err = Load(env(map[string]string{"API_TOKEN_SALT": "tobemodified", "APP_KEYS": "toBeModified1"}))
	if err != nil || len(c.Warnings) != 0 {
		t.Fatalf("development: %q %v", c.Warnings, err)
	}
}
