package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestMain drops the PostgreSQL template database the tests on PostgreSQL made. (Not
// apitest.Main: these tests do not produce every response of openapi.yaml.)
//
// With MTB_API_TEST_RUN_MAIN=1 the test binary is the program itself (main, its exit
// status and its stderr), for the tests that run it as a process (runMain).
func TestMain(m *testing.M) {
	if os.Getenv("MTB_API_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	code := m.Run()
	apitest.DropTemplate()
	os.Exit(code)
}

var startedAddr = regexp.MustCompile(`msg="server started" addr=(127\.0\.0\.1:[0-9]+) `)

// serverAddr waits until run logged "server started" (with PORT=0) and returns the
// address it listens on.
func serverAddr(t *testing.T, logs *apitest.LogBuffer, done <-chan error) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := startedAddr.FindStringSubmatch(logs.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("run returned before the server started: %v\n%s", err, logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start within 10 s:\n%s", logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestGracefulShutdown: when the process is told to stop (SIGTERM cancels run's context),
// a request in flight is finished and answered before run returns, and new connections
// are refused.
func TestGracefulShutdown(t *testing.T) {
	env := map[string]string{
		"HOST": "127.0.0.1", "PORT": "0", "DATABASE_FILENAME": t.TempDir() + "/data.db",
		"JWT_SECRET": "graceful-shutdown-test-secret", "RATE_LIMIT_ENABLED": "false",
		// The request in flight registers: a cheap hash at the handlers' priority. At the
		// default nice 19 the hash waits for every other busy thread of the machine, and
		// under CI's parallel test binaries it once took the whole shutdown timeout.
		"PASSWORD_BCRYPT_COST": "4", "PASSWORD_HASH_NICE": "0",
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs, logs) }()

	addr := serverAddr(t, logs, done)
	base := "http://" + addr
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
	conn, err := net.Dial("tcp", addr)
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
	ctx, stop := context.WithCancel(context.Background())
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, nil, func(k string) string {
			return map[string]string{"HOST": "127.0.0.1", "PORT": "0", "DATABASE_FILENAME": t.TempDir() + "/x.db"}[k]
		}, logs, logs)
	}()
	serverAddr(t, logs, done)
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "JWT_SECRET is not set") {
		t.Fatalf("the generated secret is not announced:\n%s", logs)
	}
}
