package httpapi_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestHealthWithPoolHeld: /_health answers 204 while every connection of the requests'
// pool is taken (a flood of requests), on both engines: a load balancer must not eject a
// healthy instance because it is busy. The check has its own path to the database.
func TestHealthWithPoolHeld(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		release, err := e.Store.HoldAllConnections(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		for _, m := range []string{"GET", "HEAD", "GET"} {
			if r := e.Do(m, "/_health", nil); r.Status != 204 || len(r.Body) != 0 {
				t.Fatalf("%s /_health with the pool held: %d %s", m, r.Status, r.Body)
			}
		}
	})
}

// TestHealthDatabaseGone: /_health answers 503 when the database is really gone, not
// merely closed by this process: PostgreSQL's database dropped (its connections, the
// health check's included, terminated), SQLite's file deleted.
func TestHealthDatabaseGone(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		switch engine {
		case "sqlite":
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(e.Config.DatabaseFilename + suffix); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
			}
		case "postgres":
			u, err := url.Parse(e.Config.DatabaseURL)
			if err != nil {
				t.Fatal(err)
			}
			conn, err := pgx.Connect(context.Background(), os.Getenv("TEST_DATABASE_URL"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			if _, err := conn.Exec(context.Background(), "DROP DATABASE "+pgx.Identifier{strings.TrimPrefix(u.Path, "/")}.Sanitize()+" WITH (FORCE)"); err != nil {
				t.Fatal(err)
			}
		}
		wantError(t, e.Do("GET", "/_health", nil), 503, "ServiceUnavailableError", "Service Unavailable", "")
		if r := e.Do("HEAD", "/_health", nil); r.Status != 503 || len(r.Body) != 0 {
			t.Fatalf("HEAD /_health: %d %q", r.Status, r.Body)
		}
		if !strings.Contains(e.Logs.String(), "health check: database does not answer") {
			t.Fatalf("the cause is not logged:\n%s", e.Logs)
		}
	})
}
