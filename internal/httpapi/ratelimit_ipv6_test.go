package httpapi_test

import (
	"net"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// rateLimitedPath is a rate-limited route that answers at once (no provider is enabled).
const rateLimitedPath = "/api/connect/github"

// TestRateLimitIPv6Prefix: IPv6 clients are counted per network of RATE_LIMIT_IPV6_PREFIX
// bits (/64 by default), so that a host cannot rotate through the addresses of its /64 to
// get a fresh budget each time; IPv4 clients are counted per address, and an IPv4-mapped
// IPv6 address is the IPv4 address it maps. The client addresses come through
// X-Forwarded-For from a trusted proxy (the test client on loopback).
func TestRateLimitIPv6Prefix(t *testing.T) {
	t.Parallel()
	const budget = 2
	tests := []struct {
		name   string
		prefix int // RATE_LIMIT_IPV6_PREFIX; 0: the default
		first  string
		then   string
		shared bool // then's request is refused once first used the budget up
	}{
		{"one /64, two addresses", 0, "2001:db8:1:1::1", "2001:db8:1:1:ffff:ffff:ffff:ffff", true},
		{"one /64, zero-compressed and expanded forms", 0, "2001:db8:1:2::7", "2001:0db8:0001:0002:0000:0000:0000:0008", true},
		{"neighbouring /64s", 0, "2001:db8:1:3::1", "2001:db8:1:4::1", false},
		{"IPv4, two addresses", 0, "198.51.100.1", "198.51.100.2", false},
		{"IPv4 and its IPv4-mapped IPv6 form", 0, "198.51.100.3", "::ffff:198.51.100.3", true},
		{"IPv4-mapped IPv6 and its IPv4 form", 0, "::ffff:198.51.100.4", "198.51.100.4", true},
		{"IPv4-mapped neighbours stay apart", 0, "::ffff:198.51.100.5", "::ffff:198.51.100.6", false},
		{"prefix 128: per address", 128, "2001:db8:2:1::1", "2001:db8:2:1::2", false},
		{"prefix 48: one /48", 48, "2001:db8:3:1::1", "2001:db8:3:2::1", true},
		{"prefix 48: neighbouring /48s", 48, "2001:db8:5::1", "2001:db8:6::1", false},
	}
	envs := map[int]*apitest.Env{}
	for _, tt := range tests {
		if envs[tt.prefix] != nil {
			continue
		}
		envs[tt.prefix] = apitest.New(t, "sqlite", func(c *config.Config) {
			c.RateLimit.Enabled, c.RateLimit.Max = true, budget
			if tt.prefix != 0 {
				c.RateLimit.IPv6Prefix = tt.prefix
			}
			c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := envs[tt.prefix]
			hit := func(ip string) apitest.Response {
				r, err := e.Try("GET", rateLimitedPath, nil, "X-Forwarded-For", ip)
				if err != nil {
					t.Fatal(err)
				}
				return r
			}
			for i := range budget {
				if r := hit(tt.first); r.Status == 429 {
					t.Fatalf("request %d from %s: 429 within the budget", i+1, tt.first)
				}
			}
			if r := hit(tt.first); r.Status != 429 {
				t.Fatalf("%s beyond the budget: %d, want 429", tt.first, r.Status)
			}
			r := hit(tt.then)
			switch {
			case tt.shared && r.Status != 429:
				t.Fatalf("%s after %s used the budget up: %d (remaining %q), want 429: the two share a bucket",
					tt.then, tt.first, r.Status, r.Header.Get("X-RateLimit-Remaining"))
			case !tt.shared && (r.Status == 429 || r.Header.Get("X-RateLimit-Remaining") != "1"):
				t.Fatalf("%s after %s used the budget up: %d (remaining %q), want a fresh bucket",
					tt.then, tt.first, r.Status, r.Header.Get("X-RateLimit-Remaining"))
			}
		})
	}
}

// TestRateLimitIPv6Loopback: a client connecting over IPv6 (to a listener on [::1]) is
// counted by its /64 like a client named by a trusted proxy: ::1 and ::2 share ::/64.
func TestRateLimitIPv6Loopback(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback on this machine: %v", err)
	}
	e := apitest.New(t, "sqlite", func(c *config.Config) {
		c.RateLimit.Enabled, c.RateLimit.Max = true, 2
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	})
	srv := httptest.NewUnstartedServer(e.App.Handler)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://[::1]:") {
		t.Fatalf("the IPv6 server is at %s", srv.URL)
	}
	v6 := *e
	v6.URL = srv.URL
	for i := range 2 {
		if r := v6.Do("GET", rateLimitedPath, nil); r.Status == 429 || r.Header.Get("X-RateLimit-Limit") != "2" {
			t.Fatalf("request %d over [::1]: %d, limit %q", i+1, r.Status, r.Header.Get("X-RateLimit-Limit"))
		}
	}
	wantError(t, v6.Do("GET", rateLimitedPath, nil), 429, "RateLimitError", "Too many requests, please try again later.", "")
	// ::2, another address of ::/64, named by the trusted proxy on 127.0.0.1.
	wantError(t, e.Do("GET", rateLimitedPath, nil, "X-Forwarded-For", "::2"), 429, "RateLimitError", "Too many requests, please try again later.", "")
	// 127.0.0.1 itself has its own bucket.
	if r := e.Do("GET", rateLimitedPath, nil); r.Status == 429 {
		t.Fatal("the IPv4 loopback client shares the IPv6 bucket")
	}
	if !strings.Contains(e.Logs.String(), "ip=::1") {
		t.Fatalf("the access log does not show the IPv6 client:\n%s", e.Logs)
	}
}
