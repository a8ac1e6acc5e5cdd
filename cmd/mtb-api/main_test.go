package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestGracefulShutdown: when the process is told to stop (SIGTERM cancels run's context),
// a request in flight is finished and answered before run returns, and new connections
// are refused.
func TestGracefulShutdown(t *testing.T) {
	port := freePort(t)
	env := map[string]string{
		"HOST": "127.0.0.1", "PORT": fmt.Sprint(port), "DATABASE_FILENAME": t.TempDir() + "/data.db",
		"JWT_SECRET": "graceful-shutdown-test-secret", "RATE_LIMIT_ENABLED": "false",
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs, logs) }()

	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		r, err := http.Get(base + "/_health")
		if err == nil && r.StatusCode == 204 {
			r.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %v\n%s", err, logs)
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Send the headers and half of the body, stop the server, then send the rest: the
	// request is in flight when shutdown begins, and must still be answered.
	body := `{"username":"slowpoke","email":"slow@example.com","password":"secret123"}`
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/auth/local/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:20])
	time.Sleep(100 * time.Millisecond)
	stop()
	time.Sleep(100 * time.Millisecond)
	if _, err := conn.Write([]byte(body[20:])); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the request in flight: status %d", resp.StatusCode)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after shutdown")
	}
	if _, err := http.Get(base + "/_health"); err == nil {
		t.Fatal("the server still accepts connections after shutdown")
	}
	if !strings.Contains(logs.String(), "server stopped") {
		t.Fatalf("no shutdown in the log:\n%s", logs)
	}
}

func TestProductionRefusesToStartWithoutSecret(t *testing.T) {
	t.Parallel()
	err := run(context.Background(), nil, func(k string) string {
		return map[string]string{"NODE_ENV": "production", "DATABASE_FILENAME": t.TempDir() + "/x.db"}[k]
	}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "JWT_SECRET") {
		t.Fatalf("run: %v", err)
	}
}

func TestDevelopmentGeneratesSecret(t *testing.T) {
	t.Parallel()
	port := freePort(t)
	ctx, stop := context.WithCancel(context.Background())
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, nil, func(k string) string {
			return map[string]string{"HOST": "127.0.0.1", "PORT": fmt.Sprint(port), "DATABASE_FILENAME": t.TempDir() + "/x.db"}[k]
		}, logs, logs)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "server started") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "JWT_SECRET is not set") {
		t.Fatalf("the generated secret is not announced:\n%s", logs)
	}
}
