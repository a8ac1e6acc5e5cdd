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
