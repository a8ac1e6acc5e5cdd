package httpapi_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

const (
	unreadableBody = `{"data":null,"error":{"status":400,"name":"ValidationError","message":"Request body could not be read","details":{}}}`
	internalError  = `{"data":null,"error":{"status":500,"name":"InternalServerError","message":"Internal Server Error"}}`
)

// TestUnreadableBody: a body that cannot be read to its end (a malformed chunked body, a
// client that went away) is the client's fault: a 400 ValidationError, not a logged 500.
func TestUnreadableBody(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")

	// Over the wire: a chunk size that is no hexadecimal number.
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = io.WriteString(conn, "POST /api/auth/local HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"+
		"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || string(b) != unreadableBody || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("malformed chunked body: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}

	// In process: a body whose read fails midway, on a public route and a secured one.
	jwt, _ := e.Register("alice", "alice@example.com", "secret123")
	for _, c := range []struct{ method, path, auth string }{
		{"POST", "/api/auth/local", ""},
		{"POST", "/api/auth/change-password", jwt},
	} {
		req := httptest.NewRequest(c.method, c.path, io.MultiReader(strings.NewReader(`{"identifier":`), iotest.ErrReader(errors.New("connection reset"))))
		req.Header.Set("Content-Type", "application/json")
		if c.auth != "" {
			req.Header.Set("Authorization", "Bearer "+c.auth)
		}
		w := httptest.NewRecorder()
		e.App.Handler.ServeHTTP(w, req)
		if w.Code != 400 || w.Body.String() != unreadableBody {
			t.Fatalf("%s %s: %d %s", c.method, c.path, w.Code, w.Body)
		}
	}
	if logs := e.Logs.String(); strings.Contains(logs, "internal error") {
		t.Fatalf("an unreadable body was logged as an internal error:\n%s", logs)
	}
}

// failingWriter is a client that went away: the status goes out, writing the body fails.
type failingWriter struct {
	header  http.Header
	written []int // the statuses written
}

func (w *failingWriter) Header() http.Header       { return w.header }
func (w *failingWriter) WriteHeader(code int)      { w.written = append(w.written, code) }
func (w *failingWriter) Write([]byte) (int, error) { return 0, errors.New("write: broken pipe") }

// TestResponseWriteFailure: when writing an answer fails after its status went out (the
// client went away), that is logged as a warning and nothing more is written: no second
// status, no internal error.
func TestResponseWriteFailure(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	jwt, _ := e.Register("alice", "alice@example.com", "secret123")
	req := httptest.NewRequest(http.MethodGet, "/api/users/me", nil)
	req.Header.Set("Authorization", "Bearer "+jwt)
	w := &failingWriter{header: http.Header{}}
	e.App.Handler.ServeHTTP(w, req)
	if len(w.written) != 1 || w.written[0] != 200 {
		t.Fatalf("statuses written: %v, want [200]", w.written)
	}
	logs := e.Logs.String()
	if strings.Contains(logs, "internal error") || !strings.Contains(logs, "response not completed") {
		t.Fatalf("the failed write was not logged as such:\n%s", logs)
	}
}

// panicReader panics when the handler reads the request body.
type panicReader struct{ v any }

func (r panicReader) Read([]byte) (int, error) { panic(r.v) }

// TestRecoverer: a panic while serving a request is logged with its stack and answered with
// the enveloped 500; http.ErrAbortHandler, the way to abort a response on purpose, goes on
// to net/http.
func TestRecoverer(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	req := httptest.NewRequest(http.MethodPost, "/api/auth/local", panicReader{"boom"})
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	e.App.Handler.ServeHTTP(w, req)
	if w.Code != 500 || w.Body.String() != internalError || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if logs := e.Logs.String(); !strings.Contains(logs, "internal error") || !strings.Contains(logs, "panic: boom") ||
		!strings.Contains(logs, "goroutine") {
		t.Fatalf("the panic was not logged with its stack:\n%s", logs)
	}

	req = httptest.NewRequest(http.MethodPost, "/api/auth/local", panicReader{http.ErrAbortHandler})
	req.Header.Set("Content-Type", "application/json")
	w = httptest.NewRecorder()
	func() {
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Fatalf("recovered %v, want http.ErrAbortHandler re-raised", v)
			}
		}()
		e.App.Handler.ServeHTTP(w, req)
		t.Fatal("http.ErrAbortHandler was swallowed")
	}()
	if w.Code != 200 || w.Body.Len() != 0 { // the recorder's defaults: nothing was written
		t.Fatalf("an aborted response was answered: %d %s", w.Code, w.Body)
	}
}

// TestClientIPBehindProxies: behind trusted proxies the client is the last address of
// X-Forwarded-For that is not a trusted proxy, each proxy having appended its peer. The
// entries left of it are the client's to write, so a client that sends a different
// X-Forwarded-For each time still lands in its one rate-limit bucket. (Koa with
// app.proxy, under Strapi, takes the leftmost entry instead, which a client can forge.)
func TestClientIPBehindProxies(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite", func(c *config.Config) {
		c.RateLimit.Enabled = true
		c.TrustedProxies = []netip.Prefix{
			netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("10.0.0.0/8"),
		}
	})
	login := func(xff ...string) apitest.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, e.URL+"/api/auth/local", strings.NewReader(`{"identifier":"nobody","password":"secret123"}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		for _, v := range xff {
			req.Header.Add("X-Forwarded-For", v)
		}
		resp, err := e.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return apitest.Response{Status: resp.StatusCode, Header: resp.Header, Body: b}
	}
	// Ten requests of 203.0.113.7, each with another forged first entry, some through a
	// second proxy (10.0.0.5, trusted), some with the hops in two header lines.
	for i := 1; i <= 10; i++ {
		forged := "198.51.100." + strconv.Itoa(i)
		var r apitest.Response
		switch i % 3 {
		case 0:
			r = login(forged + ", 203.0.113.7")
		case 1:
			r = login(forged+", 203.0.113.7", "10.0.0.5")
		default:
			r = login("not an address, "+forged, "203.0.113.7, 10.0.0.5")
		}
		if r.Status != 400 || r.Header.Get("X-RateLimit-Remaining") != strconv.Itoa(10-i) {
			t.Fatalf("request %d: %d, remaining %q: %s", i, r.Status, r.Header.Get("X-RateLimit-Remaining"), r.Body)
		}
	}
	if r := login("198.51.100.99, 203.0.113.7"); r.Status != 429 {
		t.Fatalf("the eleventh request of 203.0.113.7 behind a forged entry: %d, want 429", r.Status)
	}
	// The client that the forged entries named has a bucket of its own, untouched.
	if r := login("198.51.100.1"); r.Status != 400 || r.Header.Get("X-RateLimit-Remaining") != "9" {
		t.Fatalf("198.51.100.1: %d, remaining %q", r.Status, r.Header.Get("X-RateLimit-Remaining"))
	}
	// When every hop is a trusted proxy, the first of them is the client.
	if r := login("10.0.0.7"); r.Status != 400 || r.Header.Get("X-RateLimit-Remaining") != "9" {
		t.Fatalf("only trusted hops: %d, remaining %q", r.Status, r.Header.Get("X-RateLimit-Remaining"))
	}
}
