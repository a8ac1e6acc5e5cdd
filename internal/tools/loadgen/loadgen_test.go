package loadgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newServer starts an httptest server and counts the TCP connections it accepts.
func newServer(t testing.TB, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

func checkOrdered(t *testing.T, r Result) {
	t.Helper()
	if !(r.Min <= r.P50 && r.P50 <= r.P90 && r.P90 <= r.P99 && r.P99 <= r.Max) {
		t.Errorf("percentiles out of order: %s (min %s)", r, r.Min)
	}
	if r.Mean < r.Min || r.Mean > r.Max {
		t.Errorf("mean %s outside [min %s, max %s]", r.Mean, r.Min, r.Max)
	}
}

func TestRunCountsAndPercentiles(t *testing.T) {
	const delay = 2 * time.Millisecond
	var served atomic.Int64
	srv, conns := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		served.Add(1)
		w.Write([]byte(`{"ok":true}`))
	})
	cfg := Config{
		URL:         srv.URL + "/x",
		Connections: 4,
		Warmup:      200 * time.Millisecond,
		Duration:    time.Second,
	}
	r, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if r.Connections != 4 {
		t.Errorf("Connections = %d", r.Connections)
	}
	if r.Elapsed != time.Second {
		t.Errorf("Elapsed = %s, want 1s", r.Elapsed)
	}
	if r.Errors() != 0 || r.FirstError != "" {
		t.Errorf("unexpected errors: %s", r)
	}
	// 4 connections, each at most one request per 2 ms: at most ~2000 in 1 s.
	if r.Requests == 0 || r.Requests > 2100 {
		t.Errorf("Requests = %d, want between 1 and 2100", r.Requests)
	}
	if got := int64(served.Load()); got < r.Requests {
		t.Errorf("server served %d < recorded %d", got, r.Requests)
	}
	if r.StatusCounts[200] != r.Requests {
		t.Errorf("StatusCounts = %v, want all %d as 200", r.StatusCounts, r.Requests)
	}
	if want := float64(r.Requests) / r.Elapsed.Seconds(); r.Throughput < want*0.999 || r.Throughput > want*1.001 {
		t.Errorf("Throughput = %f, want %f", r.Throughput, want)
	}
	if r.Min < delay || r.P50 < delay {
		t.Errorf("latencies below the handler's %s sleep: min %s p50 %s", delay, r.Min, r.P50)
	}
	checkOrdered(t, r)
	// Keep-alive: one connection per worker, never re-dialled.
	if got := conns.Load(); got != 4 {
		t.Errorf("server saw %d connections, want 4 (one per worker, reused)", got)
	}
	if !strings.Contains(r.String(), "reqs=") {
		t.Errorf("String() = %q", r.String())
	}
}

func TestWrongStatusIsCountedAsError(t *testing.T) {
	var n atomic.Int64
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%2 == 0 {
			http.Error(w, "nope", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})
	r, err := Run(context.Background(), Config{
		URL: srv.URL, Method: "POST", Body: []byte("{}"),
		Connections: 1, Duration: 300 * time.Millisecond, ExpectStatus: http.StatusCreated,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	// Both statuses seen, or the alternation below proves nothing.
	if r.StatusCounts[201] == 0 || r.StatusCounts[400] == 0 {
		t.Fatalf("want both 201 and 400 answers: %s %v", r, r.StatusCounts)
	}
	if r.TransportErrors != 0 {
		t.Errorf("TransportErrors = %d", r.TransportErrors)
	}
	if r.StatusErrors != r.StatusCounts[400] || r.StatusCounts[201]+r.StatusCounts[400] != r.Requests {
		t.Errorf("counts do not add up: %s %v", r, r.StatusCounts)
	}
	// One connection, strictly alternating: the halves differ by at most one.
	if d := r.StatusCounts[201] - r.StatusCounts[400]; d < -1 || d > 1 {
		t.Errorf("StatusCounts = %v, want alternating", r.StatusCounts)
	}
	if want := float64(r.StatusCounts[201]) / r.Elapsed.Seconds(); r.Throughput < want*0.999 || r.Throughput > want*1.001 {
		t.Errorf("Throughput = %f counts errors; want %f (successes only)", r.Throughput, want)
	}
	if !strings.Contains(r.String(), "400:") {
		t.Errorf("String() does not list the statuses: %q", r.String())
	}

	// Default ExpectStatus is 200, so 201 is an error too.
	r, err = Run(context.Background(), Config{URL: srv.URL, Connections: 2, Duration: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.Requests == 0 || r.StatusErrors != r.Requests || r.Throughput != 0 {
		t.Errorf("with ExpectStatus 0 (=200) every response should be an error: %s", r)
	}
}

func TestRequestIsSentAsConfigured(t *testing.T) {
	type seen struct {
		method, path, body, ct, auth, ua, host string
		cl                                     int64
	}
	var mu sync.Mutex
	var got []seen
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		if len(got) < 5 {
			got = append(got, seen{r.Method, r.URL.RequestURI(), string(b), r.Header.Get("Content-Type"),
				r.Header.Get("Authorization"), r.UserAgent(), r.Host, r.ContentLength})
		}
		mu.Unlock()
	})
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("authorization", "Bearer abc")
	body := `{"identifier":"a","password":"b"}`
	r, err := Run(context.Background(), Config{
		URL: srv.URL + "/api/auth/local?x=1", Method: "POST", Body: []byte(body), Header: h,
		Connections: 1, Duration: 100 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors() != 0 || r.Requests == 0 {
		t.Fatalf("%s", r)
	}
	mu.Lock()
	defer mu.Unlock()
	want := seen{"POST", "/api/auth/local?x=1", body, "application/json", "Bearer abc", "mtb-loadgen",
		strings.TrimPrefix(srv.URL, "http://"), int64(len(body))}
	for _, g := range got {
		if g != want {
			t.Fatalf("server saw %+v, want %+v", g, want)
		}
	}
}

func TestResponseFraming(t *testing.T) {
	big := strings.Repeat("x", 100<<10) // larger than the read buffer
	cases := []struct {
		name    string
		h       http.HandlerFunc
		method  string
		expect  int
		redials bool
	}{
		{"content-length", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, big) }, "", 200, false},
		{"chunked", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "part1")
			w.(http.Flusher).Flush()
			io.WriteString(w, big)
		}, "", 200, false},
		{"no-content", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }, "", 204, false},
		{"head", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "1234")
		}, "HEAD", 200, false},
		{"connection-close", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Connection", "close")
			io.WriteString(w, "bye")
		}, "", 200, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, conns := newServer(t, c.h)
			r, err := Run(context.Background(), Config{
				URL: srv.URL, Method: c.method, Connections: 2, Duration: 200 * time.Millisecond, ExpectStatus: c.expect,
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.Errors() != 0 || r.Requests == 0 || r.StatusCounts[c.expect] != r.Requests {
				t.Fatalf("%s %v", r, r.StatusCounts)
			}
			// Reused connections: one per worker. Closed ones: a new one per request.
			if n := conns.Load(); c.redials && (n <= 2 || n < r.Requests) || !c.redials && n > 2 {
				t.Errorf("server saw %d connections for %d requests (redials expected: %v)", n, r.Requests, c.redials)
			}
		})
	}
}

func TestTransportErrors(t *testing.T) {
	// A server that accepts and immediately closes every connection.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	r, err := Run(context.Background(), Config{URL: "http://" + ln.Addr().String() + "/", Connections: 2, Duration: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if r.Requests != 0 || r.StatusErrors != 0 || r.TransportErrors == 0 || r.FirstError == "" {
		t.Errorf("want only transport errors: %s", r)
	}

	// Nothing listening at all: dial errors, still a clean return.
	addr := ln.Addr().String()
	ln.Close()
	r, err = Run(context.Background(), Config{URL: "http://" + addr + "/", Connections: 2, Duration: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.TransportErrors == 0 || r.Requests != 0 {
		t.Errorf("want dial errors: %s", r)
	}
}

func TestCancel(t *testing.T) {
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	r, err := Run(ctx, Config{URL: srv.URL, Connections: 3, Duration: time.Minute})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Run took %s after cancel", d)
	}
	if r.Requests == 0 || r.TransportErrors != 0 {
		t.Errorf("partial result: %s", r)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []Config{
		{URL: "http://127.0.0.1:1/", Connections: 0, Duration: time.Second},
		{URL: "http://127.0.0.1:1/", Connections: 1, Duration: 0},
		{URL: "ftp://127.0.0.1/", Connections: 1, Duration: time.Second},
		{URL: "http:///x", Connections: 1, Duration: time.Second},
		{URL: "http://127.0.0.1:1/", Connections: 1, Duration: time.Second, Header: http.Header{"X": {"a\r\nb"}}},
	} {
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("Run(%+v) succeeded", cfg)
		}
	}
}

func TestPercentile(t *testing.T) {
	var s []time.Duration
	for i := 1; i <= 100; i++ {
		s = append(s, time.Duration(i))
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 50}, {90, 90}, {99, 99}, {99.9, 100}, {100, 100}, {0.5, 1}, {1, 1}} {
		if got := Percentile(s, c.p); got != c.want {
			t.Errorf("Percentile(1..100, %v) = %d, want %d", c.p, got, c.want)
		}
	}
	if got := Percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("single sample: %d", got)
	}
	if got := Percentile(nil, 50); got != 0 {
		t.Errorf("empty: %d", got)
	}
	if got := Percentile([]time.Duration{1, 2, 3}, 50); got != 2 {
		t.Errorf("Percentile(1,2,3, 50) = %d", got)
	}
}

// TestManyConnections: with many connections to a handler that does nothing, every
// request is answered and counted, none fails.
func TestManyConnections(t *testing.T) {
	srv, conns := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	r, err := Run(context.Background(), Config{
		URL: srv.URL + "/_health", Connections: 64, ExpectStatus: 204,
		Warmup: 100 * time.Millisecond, Duration: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Connections != 64 || r.Errors() != 0 || r.Requests == 0 || r.StatusCounts[204] != r.Requests {
		t.Errorf("want every request answered 204: %s %v", r, r.StatusCounts)
	}
	if n := conns.Load(); n != 64 {
		t.Errorf("server saw %d connections, want 64 (one per worker, reused)", n)
	}
	if want := float64(r.Requests) / r.Elapsed.Seconds(); r.Throughput < want*0.999 || r.Throughput > want*1.001 {
		t.Errorf("Throughput = %f, want %f", r.Throughput, want)
	}
}

// BenchmarkGeneratorThroughput runs against a handler that does nothing, to show the
// generator is not the bottleneck: go test -run '^$' -bench Throughput ./internal/tools/loadgen
// reports the requests per second it reaches.
func BenchmarkGeneratorThroughput(b *testing.B) {
	srv, _ := newServer(b, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	for _, conns := range []int{16, 64} {
		b.Run(fmt.Sprintf("connections=%d", conns), func(b *testing.B) {
			var requests int64
			var elapsed time.Duration
			for b.Loop() {
				r, err := Run(context.Background(), Config{
					URL: srv.URL + "/_health", Connections: conns, ExpectStatus: 204,
					Warmup: 100 * time.Millisecond, Duration: 500 * time.Millisecond,
				})
				if err != nil {
					b.Fatal(err)
				}
				if r.Errors() != 0 {
					b.Fatalf("generator failing: %s", r)
				}
				requests += r.Requests
				elapsed += r.Elapsed
			}
			b.ReportMetric(float64(requests)/elapsed.Seconds(), "req/s")
		})
	}
}
