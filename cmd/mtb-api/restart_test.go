package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestDevelopmentSecretSurvivesRestart: without JWT_SECRET the development server signs
// with a secret kept in its database, so a token from one run still works in the next run
// on the same database file.
func TestDevelopmentSecretSurvivesRestart(t *testing.T) {
	t.Parallel()
	file := t.TempDir() + "/data.db"

	// Run 1: register a user and keep its token.
	var jwt string
	serveDevelopment(t, file, func(base string) {
		body := `{"username":"restart","email":"restart@example.com","password":"secret123"}`
		r, err := http.Post(base+"/api/auth/local/register", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var out struct {
			JWT string `json:"jwt"`
		}
		if err := json.NewDecoder(r.Body).Decode(&out); err != nil || r.StatusCode != 200 || out.JWT == "" {
			t.Fatalf("register: %d %v", r.StatusCode, err)
		}
		jwt = out.JWT
	})

	// Run 2, a new process on the same file: the token is still good, and a token with
	// another signature still is not.
	forged := jwt[:len(jwt)-2] + "AA"
	if forged == jwt {
		forged = jwt[:len(jwt)-2] + "BA"
	}
	serveDevelopment(t, file, func(base string) {
		for _, c := range []struct {
			token string
			want  int
		}{{jwt, 200}, {forged, 401}} {
			req, _ := http.NewRequest(http.MethodGet, base+"/api/users/me", nil)
			req.Header.Set("Authorization", "Bearer "+c.token)
			r, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r.Body)
			r.Body.Close()
			if r.StatusCode != c.want {
				t.Fatalf("GET /api/users/me after the restart: %d, want %d: %s", r.StatusCode, c.want, b)
			}
			if c.want == 200 && !strings.Contains(string(b), `"username":"restart"`) {
				t.Fatalf("GET /api/users/me after the restart: %s", b)
			}
		}
	})
}

// serveDevelopment runs the server without JWT_SECRET on the SQLite file, calls f with its
// base URL once it has started, then stops it.
func serveDevelopment(t *testing.T, file string, f func(base string)) {
	t.Helper()
	env := map[string]string{
		"HOST": "127.0.0.1", "PORT": "0", "DATABASE_FILENAME": file, "RATE_LIMIT_ENABLED": "false",
		"PASSWORD_BCRYPT_COST": "4",
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs, logs) }()
	base := "http://" + serverAddr(t, logs, done)
	if !strings.Contains(logs.String(), "JWT_SECRET is not set") {
		t.Errorf("the server did not use the development secret:\n%s", logs)
	}
	f(base)
	stop()
	if err := <-done; err != nil {
		t.Fatalf("run: %v\n%s", err, logs)
	}
}
