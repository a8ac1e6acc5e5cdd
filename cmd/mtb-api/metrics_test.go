package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

var metricsAddr = regexp.MustCompile(`msg="metrics listener started" addr=(127\.0\.0\.1:[0-9]+) `)

// TestMetricsListener: with METRICS_ADDR, serve opens a second listener answering GET
// /metrics, which the public port does not serve, and closes it on shutdown.
func TestMetricsListener(t *testing.T) {
	env := map[string]string{
		"HOST": "127.0.0.1", "PORT": "0", "METRICS_ADDR": "127.0.0.1:0", "DATABASE_FILENAME": t.TempDir() + "/data.db",
		"JWT_SECRET": "metrics-listener-test-secret", "RATE_LIMIT_ENABLED": "false",
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs, logs) }()
	api := "http://" + serverAddr(t, logs, done)
	m := metricsAddr.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no metrics listener in the log:\n%s", logs)
	}
	metrics := "http://" + m[1]

	if r, err := http.Get(api + "/_health"); err != nil || r.StatusCode != 204 {
		t.Fatalf("GET /_health: %v %v", r, err)
	}
	r, err := http.Get(metrics + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if r.StatusCode != 200 || !strings.Contains(string(b), `mtb_http_requests_total{operation="health",status="204"} 1`) {
		t.Fatalf("GET /metrics on METRICS_ADDR: %d\n%s", r.StatusCode, b)
	}
	if r, err := http.Get(api + "/metrics"); err != nil || r.StatusCode != 404 {
		t.Fatalf("GET /metrics on the public port: %v %v, want 404", r, err)
	}
	if r, err := http.Get(metrics + "/other"); err != nil || r.StatusCode != 404 {
		t.Fatalf("GET /other on METRICS_ADDR: %v %v, want 404", r, err)
	}
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after shutdown")
	}
	if _, err := http.Get(metrics + "/metrics"); err == nil {
		t.Fatal("the metrics listener still accepts connections after shutdown")
	}
}
