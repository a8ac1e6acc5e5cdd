package httpapi_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

func TestHealthAndRouting(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		for _, m := range []string{"GET", "HEAD"} {
			if r := e.Do(m, "/_health", nil); r.Status != 204 || len(r.Body) != 0 {
				t.Fatalf("%s /_health: %d %q", m, r.Status, r.Body)
			}
		}
		wantError(t, e.Do("GET", "/api/does-not-exist", nil), 404, "NotFoundError", "Not Found", "")
		wantError(t, e.Do("GET", "/admin", nil), 404, "NotFoundError", "Not Found", "") // no admin panel (/ redirects to /docs/)
		wantError(t, e.Do("POST", "/api/roles", []byte(`{}`), "Content-Type", "application/json"), 404, "NotFoundError", "Not Found", "")
		// Strapi answers PATCH /api/users/1 with 405 and this Allow.
		r := e.Do("PATCH", "/api/users/1", []byte(`{}`), "Content-Type", "application/json")
		wantError(t, r, 405, "MethodNotAllowedError", "Method Not Allowed", "")
		if got := r.Header.Get("Allow"); got != "HEAD, GET, PUT, DELETE" {
			t.Fatalf("Allow %q", got)
		}

		// An encoded slash is part of a path parameter, as in Strapi's router, and such a
		// request goes through the gate like any other: no token, no permission.
		for _, path := range []string{"/api/users/1%2F2", "/api/users-permissions/roles/1%2F2", "/api/auth/sessions/a%2Fb"} {
			method := "GET"
			if strings.HasPrefix(path, "/api/auth/sessions/") {
				method = "DELETE"
			}
			wantError(t, e.Do(method, path, nil), 403, "ForbiddenError", "Forbidden", "")
		}
		t.Run("percent-encoded path parameters", func(t *testing.T) {
			e := apitest.New(t, engine)
			e.Register("alice", "alice@example.com", "secret123")
			grant(t, e, "public", actUserFindOne)
			// "%31" is "1", validated and bound decoded; "1%2F2" is one parameter, "1/2",
			// which names no user (204, as any id that is not a number).
			if r := e.Do("GET", "/api/users/%31", nil); r.Status != 200 || !strings.Contains(string(r.Body), `"username":"alice"`) {
				t.Fatalf("GET /api/users/%%31: %d %s", r.Status, r.Body)
			}
			if r := e.Do("GET", "/api/users/1%2F2", nil); r.Status != 204 || len(r.Body) != 0 {
				t.Fatalf("GET /api/users/1%%2F2: %d %s", r.Status, r.Body)
			}
		})

		t.Run("security headers and request id", func(t *testing.T) {
			r := e.Do("GET", "/api/users/me", nil, "X-Request-Id", "abc-123")
			for h, want := range map[string]string{
				"X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN", "Referrer-Policy": "no-referrer",
				"Strict-Transport-Security": "max-age=31536000; includeSubDomains", "X-Request-Id": "abc-123",
				"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store",
			} {
				if got := r.Header.Get(h); got != want {
					t.Errorf("%s: %q, want %q", h, got, want)
				}
			}
			if !strings.Contains(r.Header.Get("Content-Security-Policy"), "default-src 'none'") {
				t.Errorf("CSP %q", r.Header.Get("Content-Security-Policy"))
			}
			for _, bad := range []string{"bad id with spaces", strings.Repeat("x", 65), `"quoted"`} {
				forged := e.Do("GET", "/_health", nil, "X-Request-Id", bad)
				if id := forged.Header.Get("X-Request-Id"); id == "" || id == bad {
					t.Errorf("a malformed request id was kept: %q", id)
				}
			}
		})

		t.Run("CORS", func(t *testing.T) {
			// The default CORS_ORIGIN=* allows any origin, without credentials (D16).
			r := e.Do("OPTIONS", "/api/auth/local", nil, "Origin", "http://example.com",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization")
			if r.Status != 204 || r.Header.Get("Access-Control-Allow-Origin") != "http://example.com" ||
				len(r.Header.Values("Access-Control-Allow-Credentials")) != 0 ||
				!strings.Contains(r.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
				t.Fatalf("preflight %d %v", r.Status, r.Header)
			}
			r = e.Do("GET", "/_health", nil, "Origin", "http://example.com")
			if r.Header.Get("Access-Control-Allow-Origin") != "http://example.com" || !strings.Contains(r.Header.Get("Vary"), "Origin") {
				t.Fatalf("simple request %v", r.Header)
			}
		})

		t.Run("body too large", func(t *testing.T) {
			big := `{"identifier":"` + strings.Repeat("a", 2<<20) + `","password":"x"}`
			wantError(t, e.Do("POST", "/api/auth/local", []byte(big), "Content-Type", "application/json"),
				413, "PayloadTooLargeError", "request entity too large", "")
		})
	})
}

func TestCORSOrigins(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.CORSOrigins = []string{"https://app.example"} })
	if r := e.Do("GET", "/_health", nil, "Origin", "https://evil.example"); r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("an origin that is not configured was allowed: %v", r.Header)
	}
	if r := e.Do("GET", "/_health", nil, "Origin", "https://app.example"); r.Header.Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Fatalf("the configured origin was not allowed: %v", r.Header)
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, func(c *config.Config) {
			c.RateLimit.Enabled = true
			c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
		})
		e.Register("alice", "alice@example.com", "secret123")
		login := func(ip string) apitest.Response {
			return e.Do("POST", "/api/auth/local", []byte(`{"identifier":"alice","password":"secret123"}`),
				"Content-Type", "application/json", "X-Forwarded-For", ip)
		}
		var firstReset int64
		for i := 1; i <= 10; i++ {
			before := time.Now().Unix()
			r := login("203.0.113.7")
			after := time.Now().Unix()
			if r.Status != 200 || r.Header.Get("X-RateLimit-Limit") != "10" || r.Header.Get("X-RateLimit-Remaining") != strconv.Itoa(10-i) {
				t.Fatalf("request %d: %d, limit %q remaining %q", i, r.Status, r.Header.Get("X-RateLimit-Limit"), r.Header.Get("X-RateLimit-Remaining"))
			}
			reset, err := strconv.ParseInt(r.Header.Get("X-RateLimit-Reset"), 10, 64)
			if err != nil {
				t.Fatalf("request %d: X-RateLimit-Reset %q: %v", i, r.Header.Get("X-RateLimit-Reset"), err)
			}
			if i == 1 {
				// The window (60 s) began while the first request was served.
				if reset <= before || reset > after+61 {
					t.Fatalf("X-RateLimit-Reset %d: want within 61 s of the first request (sent at %d, answered at %d)", reset, before, after)
				}
				firstReset = reset
			} else if reset != firstReset {
				t.Fatalf("request %d: X-RateLimit-Reset %d, want the window's end %d as on the first request", i, reset, firstReset)
			}
		}
		r := login("203.0.113.7")
		wantError(t, r, 429, "RateLimitError", "Too many requests, please try again later.", "")
		if r.Header.Get("X-RateLimit-Remaining") != "0" {
			t.Fatalf("remaining %q", r.Header.Get("X-RateLimit-Remaining"))
		}
		if r := login("203.0.113.8"); r.Status != 200 {
			t.Fatalf("another client IP is limited too: %d", r.Status)
		}
		// Buckets are per route: register from the limited IP still works.
		r = e.Do("POST", "/api/auth/local/register", []byte(`{"username":"rl_user","email":"rl@example.com","password":"secret123"}`),
			"Content-Type", "application/json", "X-Forwarded-For", "203.0.113.7")
		if r.Status != 200 || r.Header.Get("X-RateLimit-Remaining") != "9" {
			t.Fatalf("register from the same IP: %d %q", r.Status, r.Header.Get("X-RateLimit-Remaining"))
		}
		// Decision D9: the key is IP and route only; another email does not open a new bucket.
		for i := range 11 {
			r = e.Do("POST", "/api/auth/forgot-password", []byte(fmt.Sprintf(`{"email":"u%d@example.com"}`, i)),
				"Content-Type", "application/json", "X-Forwarded-For", "203.0.113.9")
		}
		wantError(t, r, 429, "RateLimitError", "Too many requests, please try again later.", "")
		// The trailing slash form is the same route and the same bucket.
		r = e.Do("POST", "/api/auth/forgot-password/", []byte(`{"email":"x@example.com"}`),
			"Content-Type", "application/json", "X-Forwarded-For", "203.0.113.9")
		wantError(t, r, 429, "RateLimitError", "Too many requests, please try again later.", "")
		// Routes without rate limiting carry no headers.
		if r := e.Do("GET", "/api/users/me", nil); r.Header.Get("X-RateLimit-Limit") != "" {
			t.Fatal("users/me carries rate-limit headers")
		}
	})
}

// TestForwardedForIgnoredWithoutTrustedProxy: without TRUSTED_PROXIES, X-Forwarded-For
// cannot be used to get a fresh bucket.
func TestForwardedForIgnoredWithoutTrustedProxy(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.RateLimit.Enabled = true; c.RateLimit.Max = 2 })
	var r apitest.Response
	for i := range 3 {
		r = e.Do("POST", "/api/auth/forgot-password", []byte(`{"email":"a@example.com"}`),
			"Content-Type", "application/json", "X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))
	}
	wantError(t, r, 429, "RateLimitError", "Too many requests, please try again later.", "")
}

// TestNoSecretsInLogs runs the flows that carry secrets and checks that none of them
// reaches the log: passwords, JWTs, reset codes.
func TestNoSecretsInLogs(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "Sup3r-Secret-Pw")
		e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "Wrong-Secret-Pw"})
		e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt)
		e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		code := resetCode(t, e, "alice@example.com", 1)
		r := e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "Other-Secret-Pw", "passwordConfirmation": "Other-Secret-Pw"})
		newJWT := jsonField(t, r, "jwt")
		logs := e.Logs.String()
		if !strings.Contains(logs, "/api/auth/reset-password") {
			t.Fatal("the access log is missing: the check would prove nothing")
		}
		for name, secret := range map[string]string{
			"password": "Sup3r-Secret-Pw", "wrong password": "Wrong-Secret-Pw", "new password": "Other-Secret-Pw",
			"JWT": jwt, "JWT signature": jwt[strings.LastIndex(jwt, ".")+1:], "new JWT": newJWT, "reset code": code,
			"JWT secret": apitest.Secret,
		} {
			if strings.Contains(logs, secret) {
				t.Errorf("the %s appears in the log", name)
			}
		}
	})
}

// TestConcurrentMigrations starts several instances on one new database at once: the
// migrations are applied once and every instance starts.
func TestConcurrentMigrations(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		opts := store.Options{SQLiteFile: t.TempDir() + "/shared.db"}
		if engine == "postgres" {
			opts = store.Options{PostgresURL: apitest.EmptyPostgres(t)}
		}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		const n = 4
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				o := opts
				o.Log = log
				st, err := store.Open(context.Background(), o)
				if err != nil {
					errs[i] = err
					return
				}
				st.Close()
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("instance %d: %v", i, err)
			}
		}
		opts.SkipMigrations = true
		st, err := store.Open(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		status, err := st.MigrationStatus(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range status {
			if !strings.Contains(s, "applied") {
				t.Fatalf("migration not applied: %s", s)
			}
		}
		roles, err := st.Q.PublicRoles(context.Background())
		if err != nil || len(roles) != 1 {
			t.Fatalf("public roles %v %v: the default roles must be seeded exactly once", roles, err)
		}
	})
}

// TestRateLimitSharedThroughRedis: two instances of the service with REDIS_URL share their
// counters: a client spreading its requests over both still gets RATE_LIMIT_MAX in all.
func TestRateLimitSharedThroughRedis(t *testing.T) {
	t.Parallel()
	url := os.Getenv("TEST_REDIS_URL")
	if url == "" {
		if os.Getenv("TEST_REQUIRE_REDIS") == "1" {
			t.Fatal("TEST_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set")
		}
		t.Skip("TEST_REDIS_URL is not set")
	}
	opt := func(c *config.Config) {
		c.RateLimit.Enabled, c.RateLimit.RedisURL, c.RateLimit.Max = true, url, 4
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
	}
	a, b := apitest.New(t, "sqlite", opt), apitest.New(t, "sqlite", opt)
	var rnd [2]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		t.Fatal(err)
	}
	ip := netip.AddrFrom4([4]byte{198, 18, rnd[0], rnd[1]}).String() // a fresh bucket per run (198.18.0.0/15: benchmarking)
	for i, e := range []*apitest.Env{a, b, a, b, a} {
		r := e.Do("POST", "/api/auth/forgot-password", []byte(`{"email":"x@example.com"}`),
			"Content-Type", "application/json", "X-Forwarded-For", ip)
		want := 200
		if i == 4 {
			want = 429
		}
		if r.Status != want || r.Header.Get("X-RateLimit-Remaining") != strconv.Itoa(max(0, 3-i)) {
			t.Fatalf("request %d: %d remaining %q", i+1, r.Status, r.Header.Get("X-RateLimit-Remaining"))
		}
	}
}
