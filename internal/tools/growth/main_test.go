package main

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// TestSeed: the users the SQL seeds are named as seededUsername names them (the tool logs in
// and searches with the Go rule), on each engine, and the Authenticated role may list users.
func TestSeed(t *testing.T) {
	engines := []string{"sqlite"}
	if os.Getenv("TEST_DATABASE_URL") != "" {
		engines = append(engines, "postgres")
	}
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			var (
				env    []string
				o      store.Options
				driver string
				dsn    string
			)
			if engine == "sqlite" {
				o.SQLiteFile = t.TempDir() + "/growth.db"
				env, driver, dsn = []string{"DATABASE_FILENAME=" + o.SQLiteFile}, "sqlite", o.SQLiteFile
			} else {
				u, drop, err := createDatabase(ctx, os.Getenv("TEST_DATABASE_URL"))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(drop)
				o.PostgresURL = u
				env, driver, dsn = []string{"DATABASE_URL=" + u}, "pgx", u
			}
			st, err := store.Open(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			const n = 300
			if err := seed(ctx, engine, env, n, "$2a$10$hash"); err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, i := range []int{0, 1, 25, 149, 299} {
				var email string
				if err := db.QueryRow("SELECT email FROM up_users WHERE username = '" + seededUsername(i) + "'").Scan(&email); err != nil {
					t.Fatalf("user %d (%s): %v", i, seededUsername(i), err)
				}
				if !strings.HasPrefix(email, seededUsername(i)+"@") {
					t.Errorf("user %d: email %s", i, email)
				}
			}
			var count, granted int
			if err := db.QueryRow("SELECT count(*) FROM up_users").Scan(&count); err != nil || count != n {
				t.Fatalf("%d users (%v), want %d", count, err, n)
			}
			err = db.QueryRow("SELECT count(*) FROM up_permissions p JOIN up_roles r ON r.id = p.role_id " +
				"WHERE r.type = 'authenticated' AND p.action = 'plugin::users-permissions.user.find'").Scan(&granted)
			if err != nil || granted != 1 {
				t.Fatalf("user.find granted %d times (%v)", granted, err)
			}
		})
	}
}

func TestTable(t *testing.T) {
	if got := thousands(1000000); got != "1 000 000" {
		t.Errorf("thousands: %q", got)
	}
	if got := table(nil); !strings.HasPrefix(got, "| engine | users |") {
		t.Errorf("table: %q", got)
	}
}
