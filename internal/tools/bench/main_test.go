package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// The test binary doubles as a fake server: the bench runs it with
// MTB_BENCH_FAKE_SERVER=1 (passed with -env) and it serves the four endpoints the bench
// uses, configured by the same environment variables as the real server.
func TestMain(m *testing.M) {
	if os.Getenv("MTB_BENCH_FAKE_SERVER") == "1" {
		os.Exit(fakeServer())
	}
	os.Exit(m.Run())
}

func TestBenchAgainstFakeServer(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the bench's temporary directory goes here; it must be gone after
	out := filepath.Join(t.TempDir(), "report.md")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-bin", os.Args[0], "-duration", "400ms", "-warmup", "100ms", "-bcrypt", "300ms", "-pause", "0",
		"-out", out, "-env", "MTB_BENCH_FAKE_SERVER=1",
	}, &stdout, &stderr)
	t.Logf("stderr:\n%s", stderr.String())
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	report := stdout.String()
	t.Logf("report:\n%s", report)
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(file) != report {
		t.Errorf("-out file differs from the printed report")
	}
	for _, want := range []string{
		"runtime.NumCPU", "| me64 |", "| me16 |", "| login8 |", "| login32 |", "## Targets",
		"start to first answer, fresh database", "start to first answer, existing database",
		"bcrypt bound", "answered 400", "× Strapi",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Every workload ran without errors against the fake.
	if n := strings.Count(stderr.String(), "status_errors=0 transport_errors=0"); n != len(workloads) {
		t.Errorf("%d of %d workloads ran without errors", n, len(workloads))
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "mtb-bench-*"))
	if len(left) > 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestBenchServerThatDoesNotStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-bin", os.Args[0], "-out", "", "-env", "MTB_BENCH_FAKE_SERVER=1", "-env", "FAKE_FAIL=database is locked",
	}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "database is locked") {
		t.Errorf("the server's log is not shown:\n%s", stderr.String())
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "mtb-bench-*"))
	if len(left) > 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), nil, &stdout, &stderr); code != 2 {
		t.Errorf("no -bin: exit status %d, want 2", code)
	}
	if code := run(context.Background(), []string{"-bin", "/nonexistent/mtb-api", "-out", ""}, &stdout, &stderr); code != 1 {
		t.Errorf("missing binary: exit status %d, want 1", code)
	}
}

func TestReadRSS(t *testing.T) {
	kib, err := readRSSKiB(os.Getpid())
	if err != nil {
		t.Skip("no /proc:", err)
	}
	if kib < 1024 || kib > 16<<20 {
		t.Errorf("RSS of the test = %d KiB", kib)
	}
}

func TestTargets(t *testing.T) {
	r := &report{bcryptRate: 34, startFresh: 50 * time.Millisecond, startExisting: 300 * time.Millisecond}
	add := func(name string, rps float64, p99 time.Duration, rssMiB int64) {
		wr := workloadResult{peakRSSKiB: rssMiB * 1024}
		for _, w := range workloads {
			if w.Name == name {
				wr.w = w
			}
		}
		wr.res.Throughput, wr.res.P99, wr.res.Requests = rps, p99, 1000
		r.results = append(r.results, wr)
	}
	add("me64", 8000, 10*time.Millisecond, 30)
	add("login8", 20, time.Second, 40)
	add("login32", 30, time.Second, 70)
	got := map[string]bool{}
	for _, tg := range r.targets() {
		got[tg.what] = tg.ok
	}
	want := map[string]bool{
		"me64 throughput vs Strapi": true, // 8000 / 382 = 20.9×
		"me64 p99 latency":          true,
		"login throughput vs bcrypt bound (best of login workloads)": true, // 30 / 34 = 88 %
		"peak RSS under load":                      false, // 70 MiB
		"start to first answer, fresh database":    true,
		"start to first answer, existing database": false,
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("target %q: ok=%v present=%v, want ok=%v", k, g, ok, v)
		}
	}
	if md := r.markdown(); !strings.Contains(md, "MISSED 2 of 6") {
		t.Errorf("markdown does not say MISSED 2 of 6:\n%s", md)
	}
}

// ---------------------------------------------------------------------------------------
// The fake server.
// ---------------------------------------------------------------------------------------

type fakeUser struct {
	ID       int    `json:"id"`
	Username string `json:"username"`
	Email    string `json:"email"`
	Hash     string `json:"hash"`
}

func fakeServer() int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(os.Stderr, "fake server: "+format+"\n", a...)
		return 1
	}
	if msg := os.Getenv("FAKE_FAIL"); msg != "" {
		return fail("%s", msg)
	}
	// The bench must pass exactly this configuration.
	for k, want := range map[string]string{"HOST": "127.0.0.1", "NODE_ENV": "production", "LOG_LEVEL": "warn", "RATE_LIMIT_ENABLED": "false"} {
		if got := os.Getenv(k); got != want {
			return fail("%s=%q, want %q", k, got, want)
		}
	}
	secret := []byte(os.Getenv("JWT_SECRET"))
	if len(secret) < 32 {
		return fail("JWT_SECRET too short")
	}
	dbFile := os.Getenv("DATABASE_FILENAME")
	if !filepath.IsAbs(dbFile) {
		return fail("DATABASE_FILENAME %q is not absolute", dbFile)
	}
	if _, err := strconv.Atoi(os.Getenv("PORT")); err != nil {
		return fail("PORT: %v", err)
	}

	var mu sync.Mutex
	users := map[string]*fakeUser{} // by email
	if data, err := os.ReadFile(dbFile); err == nil {
		if err := json.Unmarshal(data, &users); err != nil {
			return fail("database: %v", err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fail("database: %v", err)
	}
	save := func() error {
		data, _ := json.Marshal(users)
		return os.WriteFile(dbFile, data, 0o600)
	}
	if err := save(); err != nil {
		return fail("database: %v", err)
	}

	b64 := base64.RawURLEncoding
	sign := func(id int) string {
		h := b64.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
		p := b64.EncodeToString(fmt.Appendf(nil, `{"id":%d,"iat":%d}`, id, time.Now().Unix()))
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(h + "." + p))
		return h + "." + p + "." + b64.EncodeToString(mac.Sum(nil))
	}
	verify := func(tok string) (int, bool) {
		parts := strings.Split(tok, ".")
		if len(parts) != 3 {
			return 0, false
		}
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(parts[0] + "." + parts[1]))
		sig, err := b64.DecodeString(parts[2])
		if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
			return 0, false
		}
		payload, err := b64.DecodeString(parts[1])
		var claims struct{ ID int }
		if err != nil || json.Unmarshal(payload, &claims) != nil {
			return 0, false
		}
		return claims.ID, true
	}
	userJSON := func(u *fakeUser) map[string]any {
		return map[string]any{"id": u.ID, "documentId": fmt.Sprintf("doc%d", u.ID), "username": u.Username,
			"email": u.Email, "provider": "local", "confirmed": true, "blocked": false}
	}
	reply := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	badRequest := func(w http.ResponseWriter, msg string) {
		reply(w, 400, map[string]any{"data": nil, "error": map[string]any{"status": 400, "name": "ValidationError", "message": msg}})
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /_health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("POST /api/auth/local/register", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Username, Email, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Username == "" || in.Email == "" || len(in.Password) < 6 {
			badRequest(w, "invalid")
			return
		}
		hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), 10)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if users[in.Email] != nil {
			badRequest(w, "Email or Username are already taken")
			return
		}
		u := &fakeUser{ID: len(users) + 1, Username: in.Username, Email: in.Email, Hash: string(hash)}
		users[in.Email] = u
		if err := save(); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		reply(w, 200, map[string]any{"jwt": sign(u.ID), "user": userJSON(u)})
	})
	mux.HandleFunc("POST /api/auth/local", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Identifier, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil {
			badRequest(w, "invalid")
			return
		}
		mu.Lock()
		u := users[in.Identifier]
		mu.Unlock()
		if u == nil || bcrypt.CompareHashAndPassword([]byte(u.Hash), []byte(in.Password)) != nil {
			badRequest(w, "Invalid identifier or password")
			return
		}
		reply(w, 200, map[string]any{"jwt": sign(u.ID), "user": userJSON(u)})
	})
	mux.HandleFunc("GET /api/users/me", func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		id, valid := verify(tok)
		if !ok || !valid {
			reply(w, 401, map[string]any{"data": nil, "error": map[string]any{"status": 401, "name": "UnauthorizedError", "message": "Missing or invalid credentials"}})
			return
		}
		mu.Lock()
		defer mu.Unlock()
		for _, u := range users {
			if u.ID == id {
				reply(w, 200, userJSON(u))
				return
			}
		}
		reply(w, 401, map[string]any{"error": "no such user"})
	})

	ln, err := net.Listen("tcp", net.JoinHostPort(os.Getenv("HOST"), os.Getenv("PORT")))
	if err != nil {
		return fail("%v", err)
	}
	srv := &http.Server{Handler: mux}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return fail("%v", err)
	}
	return 0
}
