package main

import (
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestUsersCommands blocks and unblocks a user of a running service with the CLI, on the
// same database, and checks the effect on the API at once.
func TestUsersCommands(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		cli := func(args ...string) (string, error) {
			out, _, err := cli(t, e, nil, append([]string{"users"}, args...)...)
			return out, err
		}

		out, err := cli("list")
		if err != nil || !strings.Contains(out, "alice@example.com") || !strings.Contains(out, "authenticated") {
			t.Fatalf("list: %v\n%s", err, out)
		}
		if out, err = cli("block", "ALICE@example.com"); err != nil || !strings.Contains(out, "blocked") {
			t.Fatalf("block: %v %s", err, out)
		}
		if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 401 {
			t.Fatalf("me of a blocked user: %d", r.Status)
		}
		if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 403 {
			t.Fatalf("login of a blocked user: %d %s", r.Status, r.Body)
		}
		if _, err = cli("unblock", "alice"); err != nil {
			t.Fatal(err)
		}
		// Unblocking lets the user log in again; the tokens of before the block stay dead
		// (issue 8: unblocking revived them).
		if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 401 {
			t.Fatalf("me after unblock with a token of before the block: %d", r.Status)
		}
		if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 200 {
			t.Fatalf("login after unblock: %d %s", r.Status, r.Body)
		}
		if _, err = cli("block", "nobody"); err == nil || !strings.Contains(err.Error(), "no such user") {
			t.Fatalf("unknown user: %v", err)
		}
		if _, err = cli("frobnicate"); err == nil || !strings.Contains(err.Error(), "usage") {
			t.Fatalf("unknown command: %v", err)
		}
	})
}
