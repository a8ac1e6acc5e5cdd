package httpapi_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// The operations with a request body, with a valid body each.
var bodies = []struct{ path, body string }{
	{"/api/auth/local/register", `{"username":"newbie","email":"newbie@example.com","password":"secret123"}`},
	{"/api/auth/local", `{"identifier":"alice","password":"secret123"}`},
	{"/api/auth/forgot-password", `{"email":"alice@example.com"}`},
	{"/api/auth/reset-password", `{"code":"0123","password":"secret123","passwordConfirmation":"secret123"}`},
}

// TestCommonErrorResponses gives every public operation the error answers every route of
// the gate can give: a bad token, a user token on a Public-only route, an oversized body,
// a rate limit, a failing database. The other tests cover each route's own answers.
func TestCommonErrorResponses(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, func(c *config.Config) { c.RateLimit.Enabled = true; c.RateLimit.Max = 1 })
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		for _, b := range bodies {
			t.Run(b.path, func(t *testing.T) {
				wantError(t, e.Do("POST", b.path, []byte(b.body), "Content-Type", "application/json", "Authorization", "Bearer not.a.jwt"),
					401, "UnauthorizedError", "Missing or invalid credentials", "")
				wantError(t, e.Do("POST", b.path, []byte(b.body), "Content-Type", "application/json", "Authorization", "Bearer "+jwt),
					403, "ForbiddenError", "Forbidden", "")
				big := `{"x":"` + strings.Repeat("a", 1<<20) + `"}`
				wantError(t, e.Do("POST", b.path, []byte(big), "Content-Type", "application/json"),
					413, "PayloadTooLargeError", "request entity too large", "")
				// Registration already used this route's one request; the others use it now.
				if b.path != "/api/auth/local/register" {
					e.Do("POST", b.path, []byte(b.body), "Content-Type", "application/json")
				}
				wantError(t, e.Do("POST", b.path, []byte(b.body), "Content-Type", "application/json"),
					429, "RateLimitError", "Too many requests, please try again later.", "")
			})
		}
	})
}

// TestDatabaseDown: when the database fails, the API answers 500 without a cause and the
// health check 503, and nothing hangs.
func TestDatabaseDown(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		e.Store.Close()
		for _, b := range bodies {
			r := e.Do("POST", b.path, []byte(b.body), "Content-Type", "application/json")
			wantError500(t, r)
		}
		wantError500(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt))
		wantError(t, e.Do("GET", "/_health", nil), 503, "ServiceUnavailableError", "Service Unavailable", "")
		if r := e.Do("HEAD", "/_health", nil); r.Status != 503 || len(r.Body) != 0 {
			t.Fatalf("HEAD /_health: %d %q", r.Status, r.Body)
		}
		if !strings.Contains(e.Logs.String(), "internal error") {
			t.Fatal("the cause of the 500s is not logged")
		}
	})
}

// wantError500 checks Strapi's bare 500: no details, no cause.
func wantError500(t *testing.T, r apitest.Response) {
	t.Helper()
	if r.Status != 500 || strings.TrimSpace(string(r.Body)) !=
		`{"data":null,"error":{"status":500,"name":"InternalServerError","message":"Internal Server Error"}}` {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
}

// TestHashingOverloadOnEveryRoute: every route that hashes a password answers 503 when
// the hashing pool is full.
func TestHashingOverloadOnEveryRoute(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.HashConcurrency, c.HashQueue, c.BcryptCost = 1, 0, 12 })
	e.Register("alice", "alice@example.com", "secret123")
	e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
	code := resetCode(t, e, "alice@example.com", 1)
	for i, path := range []string{"/api/auth/local/register", "/api/auth/local", "/api/auth/reset-password"} {
		t.Run(path, func(t *testing.T) {
			body := map[string]string{
				"/api/auth/local":          `{"identifier":"alice","password":"secret123"}`,
				"/api/auth/local/register": `{"username":"u%d","email":"u%d@example.com","password":"secret123"}`,
				"/api/auth/reset-password": `{"code":"` + code + `","password":"newpass%d","passwordConfirmation":"newpass%d"}`,
			}[path]
			const n = 6
			responses := make([]apitest.Response, n)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for j := range n {
				wg.Go(func() {
					<-start
					b := strings.ReplaceAll(body, "%d", string(rune('a'+i))+string(rune('a'+j)))
					responses[j] = e.Do("POST", path, []byte(b), "Content-Type", "application/json")
				})
			}
			close(start)
			wg.Wait()
			busy := 0
			statuses := make([]int, n)
			for j, r := range responses {
				statuses[j] = r.Status
				if r.Status == 503 {
					busy++
					wantError(t, r, 503, "ServiceUnavailableError", "Service Unavailable", "")
				} else if r.Status >= 500 {
					t.Fatalf("status %d", r.Status)
				}
			}
			if busy == 0 {
				t.Fatalf("statuses %v: no request was refused with 503", statuses)
			}
		})
	}
}
