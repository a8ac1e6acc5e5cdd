package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// runMain runs this test binary as the program (see TestMain) with exactly env, and
// returns its exit status and its stderr. A program that starts serving (it logs "server
// started" on stdout) is killed at once and reported with started.
func runMain(t *testing.T, env map[string]string, args ...string) (code int, stderr string, started bool) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], args...)
	cmd.Env = []string{"MTB_API_TEST_RUN_MAIN=1"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("run the program: %v", err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "server started") {
			started = true
			_ = cmd.Process.Kill()
			break
		}
	}
	_, _ = io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case !started:
		t.Fatalf("run the program: %v", err)
	}
	return code, errBuf.String(), started
}

// TestProductionRefusesWeakSecret: the program started in production with a weak
// JWT_SECRET exits with status 1 before opening the database, saying why and how to make
// a good secret, and without showing the secret.
func TestProductionRefusesWeakSecret(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, secret, why string
	}{
		{"Strapi's sample", "tobemodified", "it is a sample value of Strapi's templates or documentation"},
		{"one character repeated", strings.Repeat("x", 48), "it has only 1 different characters"},
		{"short", "0123456789-abcdefghij", "it is 21 bytes long, and production needs at least 32 random bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db := t.TempDir() + "/data.db"
			code, stderr, started := runMain(t, map[string]string{"NODE_ENV": "production", "JWT_SECRET": tt.secret,
				"DATABASE_FILENAME": db, "HOST": "127.0.0.1", "PORT": "0"})
			if started {
				t.Fatalf("the server started with a weak JWT_SECRET; stderr:\n%s", stderr)
			}
			if code != 1 {
				t.Fatalf("exit status %d, want 1; stderr:\n%s", code, stderr)
			}
			want := "mtb-api: configuration: JWT_SECRET is too weak for NODE_ENV=production: " + tt.why
			if !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "make one with: openssl rand -base64 32") {
				t.Fatalf("stderr:\n%s\nwant it to begin with %q and say how to make a secret", stderr, want)
			}
			if strings.Contains(stderr, tt.secret) {
				t.Fatalf("stderr shows the secret:\n%s", stderr)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Fatalf("the database was opened before the configuration was refused: %v", err)
			}
		})
	}
}

// TestProductionWarnsOfWeakAppKeys: weak APP_KEYS and API_TOKEN_SALT do not stop the
// server in production, but it says so in its log at start, without their values.
func TestProductionWarnsOfWeakAppKeys(t *testing.T) {
	t.Parallel()
	ctx, stop := context.WithCancel(context.Background())
	logs := &apitest.LogBuffer{}
	done := make(chan error, 1)
	env := map[string]string{"NODE_ENV": "production", "JWT_SECRET": "Qcs1jscfZYNndeYgy00DmW+ViBP2GSLF5/mcjoXr8Ok=",
		"APP_KEYS": "toBeModified1,toBeModified2", "API_TOKEN_SALT": "tobemodified", "LOG_FORMAT": "text",
		"HOST": "127.0.0.1", "PORT": "0", "DATABASE_FILENAME": t.TempDir() + "/x.db"}
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs, logs) }()
	serverAddr(t, logs, done)
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	for _, want := range []string{`level=WARN msg="API_TOKEN_SALT is weak: it is a sample value`,
		`level=WARN msg="APP_KEYS: key 1 of 2 is weak`, `level=WARN msg="APP_KEYS: key 2 of 2 is weak`} {
		if !strings.Contains(out, want) {
			t.Errorf("the log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(strings.ToLower(out), "tobemodified") {
		t.Errorf("the log shows a secret:\n%s", out)
	}
}
