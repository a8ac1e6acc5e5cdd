package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// Benchmarks of the handler in process, without the network: what one request costs the
// server. `make bench` measures the running binary over loopback instead.
//
//	go test -run '^$' -bench . -benchmem ./internal/httpapi/

func BenchmarkGetCurrentUser(b *testing.B) { benchmarkMe(b) }

// BenchmarkGetCurrentUserRefreshMode is BenchmarkGetCurrentUser with an access token of
// refresh mode: the session is read with the user in the same query (D5).
func BenchmarkGetCurrentUserRefreshMode(b *testing.B) { benchmarkMe(b, refreshMode) }

// BenchmarkGetCurrentUserWithFields is BenchmarkGetCurrentUser on an instance with the
// riders' custom fields, for a user who has them all: the profile is read with the user and
// shown in the answer.
func BenchmarkGetCurrentUserWithFields(b *testing.B) {
	decl := b.TempDir() + "/fields.json"
	if err := os.WriteFile(decl, []byte(ridersFields), 0o600); err != nil {
		b.Fatal(err)
	}
	benchmarkMe(b, func(c *config.Config) { c.UserFieldsFile = decl })
}

// quiet turns the access log off: the test environment logs at debug level into a buffer
// in memory, whatever LOG_LEVEL says, and the benchmarks would measure that buffer growing.
// (`make bench` runs the binary at LOG_LEVEL=warn, where no access-log line is written.)
func quiet(c *config.Config) { c.LogLevel, c.LogAccess = "warn", "off" }

func benchmarkMe(b *testing.B, opts ...apitest.Option) {
	e := apitest.New(b, "sqlite", append([]apitest.Option{quiet}, opts...)...)
	body := map[string]string{"username": "alice", "email": "alice@example.com", "password": "secret123"}
	if e.Config.UserFieldsFile != "" {
		body["fullName"], body["rut"], body["club"], body["birthDate"] = "Alice Rider", "12345678-9", "Trek Chile", "1990-05-01"
	}
	r := e.PostJSON("/api/auth/local/register", body)
	var reg struct {
		JWT string `json:"jwt"`
	}
	if err := json.Unmarshal(r.Body, &reg); err != nil || r.Status != 200 {
		b.Fatalf("register: %d %s", r.Status, r.Body)
	}
	jwt := reg.JWT
	h := e.App.Handler
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, "/api/users/me", nil)
		req.Header.Set("Authorization", "Bearer "+jwt)
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}

// BenchmarkRefresh rotates one session again and again: each refresh verifies the token,
// reads its row, and in one transaction marks it rotated and inserts the child.
func BenchmarkRefresh(b *testing.B) {
	e := apitest.New(b, "sqlite", quiet, refreshMode)
	e.Register("alice", "alice@example.com", "secret123")
	r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"})
	var out struct {
		RefreshToken string `json:"refreshToken"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil || out.RefreshToken == "" {
		b.Fatalf("login: %d %s", r.Status, r.Body)
	}
	h := e.App.Handler
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/api/auth/refresh", strings.NewReader(`{"refreshToken":"`+out.RefreshToken+`"}`))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("status %d %s", w.Code, w.Body)
		}
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoginWrongPassword(b *testing.B) {
	e := apitest.New(b, "sqlite", func(c *config.Config) { c.BcryptCost = 10 })
	e.Register("alice", "alice@example.com", "secret123")
	h := e.App.Handler
	body := `{"identifier":"alice","password":"wrong-password"}`
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/api/auth/local", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 400 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}
