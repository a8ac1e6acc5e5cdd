package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// Benchmarks of the handler in process, without the network: what one request costs the
// server. `make bench` measures the running binary over loopback instead.
//
//	go test -run '^$' -bench . -benchmem ./internal/httpapi/

func BenchmarkGetCurrentUser(b *testing.B) {
	e := apitest.New(b, "sqlite", func(c *config.Config) { c.LogLevel = "warn" })
	jwt, _ := e.Register("alice", "alice@example.com", "secret123")
	h := e.Service.Handler
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

func BenchmarkLoginWrongPassword(b *testing.B) {
	e := apitest.New(b, "sqlite", func(c *config.Config) { c.BcryptCost = 10 })
	e.Register("alice", "alice@example.com", "secret123")
	h := e.Service.Handler
	body := `{"identifier":"alice","password":"wrong-password"}`
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/api/auth/local", stringsReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 400 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}

func stringsReader(s string) *stringsReaderT { return &stringsReaderT{s: s} }

type stringsReaderT struct {
	s string
	i int
}

func (r *stringsReaderT) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p, r.s[r.i:])
	r.i += n
	return n, nil
}
