package apitest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// OpenStore opens a fresh, migrated database on engine for one test, without the service
// around it: for the tests of a component that needs only the database. The *sql.DB is a
// connection of its own to the same database, for what the test reads or prepares outside
// the component (SQLite: parameters are ?1, ?2, ...; PostgreSQL: $1, $2, ...). Both are
// closed when the test ends. A package whose tests use PostgreSQL calls DropTemplate in its
// TestMain.
func OpenStore(t testing.TB, engine string) (*store.Store, *sql.DB) {
	t.Helper()
	var (
		o           store.Options
		driver, dsn string
	)
	switch engine {
	case "sqlite":
		o.SQLiteFile = t.TempDir() + "/test.db"
		driver, dsn = "sqlite", "file:"+o.SQLiteFile+"?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_time_format=sqlite"
	case "postgres":
		o.PostgresURL = freshPostgres(t)
		driver, dsn = "pgx", o.PostgresURL
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	st, err := store.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return st, raw
}
