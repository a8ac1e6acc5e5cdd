package apitest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

func pgURL() string { return os.Getenv("TEST_DATABASE_URL") }

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
	createMu     sync.Mutex // CREATE DATABASE ... TEMPLATE wants the template to itself
)

// freshPostgres creates an empty, migrated database for one test, copied from a template
// database migrated once per test process, and drops it when the test ends.
func freshPostgres(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	templateOnce.Do(func() { templateName, templateErr = makeTemplate(ctx) })
	if templateErr != nil {
		t.Fatalf("PostgreSQL template database: %v", templateErr)
	}
	name := "mtb_test_" + randomHex(6)
	createMu.Lock()
	err := adminExec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, templateName))
	createMu.Unlock()
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if err := adminExec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	return withDatabase(pgURL(), name)
}

func makeTemplate(ctx context.Context) (string, error) {
	name := "mtb_template_" + randomHex(6)
	if err := adminExec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	st, err := store.Open(ctx, store.Options{PostgresURL: withDatabase(pgURL(), name)})
	if err != nil {
		return "", err
	}
	st.Close()
	return name, nil
}

// DropTemplate removes the template database; TestMain calls it after the tests.
func DropTemplate() {
	if templateName != "" {
		_ = adminExec(context.Background(), "DROP DATABASE IF EXISTS "+templateName+" WITH (FORCE)")
	}
}

func adminExec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, pgURL())
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func withDatabase(raw, db string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + db
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// EmptyPostgres creates an empty database (no migrations) for one test and returns its URL.
func EmptyPostgres(t testing.TB) string {
	t.Helper()
	name := "mtb_empty_" + randomHex(6)
	if err := adminExec(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() { _ = adminExec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	return withDatabase(pgURL(), name)
}
