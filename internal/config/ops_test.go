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
