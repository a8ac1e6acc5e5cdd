package httpapi_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

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
		t.Run("/api/users/me", func(t *testing.T) { // this service's own write route
			wantError(t, e.Do("PUT", "/api/users/me", []byte(`{"username":"alice2"}`), "Content-Type", "application/json", "Authorization", "Bearer not.a.jwt"),
				401, "UnauthorizedError", "Missing or invalid credentials", "")
			big := `{"username":"` + strings.Repeat("a", 1<<20) + `"}`
			wantError(t, e.Do("PUT", "/api/users/me", []byte(big), "Content-Type", "application/json", "Authorization", "Bearer "+jwt),
				413, "PayloadTooLargeError", "request entity too large", "")
		})
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
		wantError500(t, e.Do("PUT", "/api/users/me", []byte(`{"username":"alice2"}`), "Content-Type", "application/json", "Authorization", "Bearer "+jwt))
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

// TestHashingOverloadOnEveryRoute: every route that hashes or checks a password answers
// a quick 503 with Retry-After instead of queueing without bound when more requests arrive
// than the hashing pool clears within PASSWORD_HASH_MAX_WAIT, serves the request that got
// the pool, and the service recovers after the burst. With one worker, a wait limit of a
// nanosecond (any wait is refused) and a bcrypt cost of 10 (a second or so per hash under
// -race), the six requests released at once overlap.
func TestHashingOverloadOnEveryRoute(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.HashConcurrency, c.HashMaxWait, c.BcryptCost = 1, time.Nanosecond, 10 })
	alice, _ := e.Register("alice", "alice@example.com", "secret123")
	_, bobID := e.Register("bob", "bob@example.com", "secret123")
	carol, _ := e.Register("carol", "carol@example.com", "secret123")
	e.Register("dave", "dave@example.com", "secret123")
	grant(t, e, "authenticated", actUserCreate, actUserUpdate)
	e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "dave@example.com"})
	code := resetCode(t, e, "dave@example.com", 1)

	// In each body, %[1]s is a suffix unique to the request.
	rows := []struct {
		name, method, path, body string
		header                   []string
		served                   []int // the statuses of the requests not refused
	}{
		{"login", "POST", "/api/auth/local", `{"identifier":"alice","password":"secret123"}`, nil, []int{200}},
		{"register", "POST", "/api/auth/local/register",
			`{"username":"new%[1]s","email":"new%[1]s@example.com","password":"secret123"}`, nil, []int{200}},
		{"reset-password", "POST", "/api/auth/reset-password",
			`{"code":"` + code + `","password":"newpass%[1]s","passwordConfirmation":"newpass%[1]s"}`, nil,
			[]int{200, 400}}, // 400: the code was used by the winner
		{"create user", "POST", "/api/users",
			`{"username":"made%[1]s","email":"made%[1]s@example.com","password":"secret123","role":1}`,
			[]string{"Authorization", "Bearer " + alice}, []int{201}},
		{"update user", "PUT", fmt.Sprintf("/api/users/%d", bobID), `{"password":"bob%[1]s-secret"}`,
			[]string{"Authorization", "Bearer " + alice}, []int{200}},
		// One check per request; each asks for its own address, the last one served wins.
		{"change-email", "POST", "/api/auth/change-email", `{"email":"carol%[1]s@example.org","currentPassword":"secret123"}`,
			[]string{"Authorization", "Bearer " + carol}, []int{200}},
		// Two hashes per request (the check and the new hash); the winner ends carol's
		// token (401 for the later ones) and her password (400).
		{"change-password", "POST", "/api/auth/change-password",
			`{"currentPassword":"secret123","password":"changed%[1]s","passwordConfirmation":"changed%[1]s"}`,
			[]string{"Authorization", "Bearer " + carol}, []int{200, 400, 401}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			const n = 6
			responses := concurrently(t, n, func(i int) (apitest.Response, error) {
				body := row.body // (Sprintf would append "%!(EXTRA ...)" to a body without a suffix)
				if strings.Contains(body, "%[1]s") {
					body = fmt.Sprintf(body, fmt.Sprintf("%s%d", strings.ReplaceAll(row.name, " ", ""), i))
				}
				return tryJSON(e, row.method, row.path, body, row.header...)
			})
			statuses := make([]int, n)
			busy, served := 0, 0
			for i, r := range responses {
				statuses[i] = r.Status
				switch {
				case r.Status == 503:
					wantError(t, r, 503, "ServiceUnavailableError", "Service Unavailable", "")
					wantRetryAfter(t, r)
					busy++
				case slices.Contains(row.served, r.Status):
					served++
				default:
					t.Fatalf("statuses %v: unexpected %d %s", statuses, r.Status, r.Body)
				}
			}
			if busy == 0 {
				t.Fatalf("statuses %v: no request was refused with 503", statuses)
			}
			// The first request to reach the empty pool gets it; change-password may lose
			// it between its two hashes.
			if served == 0 && row.name != "change-password" {
				t.Fatalf("statuses %v: the request that got the pool was not served", statuses)
			}
		})
	}
	// Recovered after the bursts.
	if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 200 {
		t.Fatalf("login after the bursts: %d %s", r.Status, r.Body)
	}
}

// wantRetryAfter checks that a 503 says when to retry: Retry-After in whole seconds, at
// least 1 (the response itself was validated against openapi.yaml, header included).
func wantRetryAfter(t *testing.T, r apitest.Response) {
	t.Helper()
	if n, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || n < 1 {
		t.Fatalf("Retry-After %q on a 503, want whole seconds >= 1", r.Header.Get("Retry-After"))
	}
}

// TestBusyRegistrationRetryAfter: a registration burst beyond what the pool clears within
// PASSWORD_HASH_MAX_WAIT gets 503s with Strapi's envelope and a Retry-After of about the
// wait it would have had (a few seconds here: cost 12 takes a quarter of a second or more
// per hash, and every request released at once stands behind the others), while the ones
// that fit the limit are served; a retry after the burst succeeds.
func TestBusyRegistrationRetryAfter(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.HashConcurrency, c.HashMaxWait, c.BcryptCost = 1, 300*time.Millisecond, 12 })
	e.Register("seed", "seed@example.com", "secret123") // the estimate has a hash time to work with
	const n = 8
	body := func(i int) string {
		return fmt.Sprintf(`{"username":"rider%d","email":"rider%d@example.com","password":"secret123"}`, i, i)
	}
	responses := concurrently(t, n, func(i int) (apitest.Response, error) {
		return tryJSON(e, "POST", "/api/auth/local/register", body(i))
	})
	var refused []int
	for i, r := range responses {
		switch r.Status {
		case 200:
		case 503:
			wantError(t, r, 503, "ServiceUnavailableError", "Service Unavailable", "")
			wantRetryAfter(t, r)
			refused = append(refused, i)
		default:
			t.Fatalf("rider%d: %d %s", i, r.Status, r.Body)
		}
	}
	if len(refused) == 0 || len(refused) == n {
		t.Fatalf("%d of %d refused: want the burst split between served and refused", len(refused), n)
	}
	for _, i := range refused {
		if r, err := tryJSON(e, "POST", "/api/auth/local/register", body(i)); err != nil || r.Status != 200 {
			t.Fatalf("rider%d retried after the burst: %v %d %s", i, err, r.Status, r.Body)
		}
	}
}
