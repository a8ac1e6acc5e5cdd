package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mtb-race/mtb-backend-api/gen/db"
)

// batchStores opens an empty store of each engine: SQLite, and PostgreSQL (a database of its
// own, dropped after the test) when TEST_DATABASE_URL is set.
func batchStores(t *testing.T) map[string]*Store {
	t.Helper()
	ctx := t.Context()
	out := map[string]*Store{}
	st, err := Open(ctx, Options{SQLiteFile: t.TempDir() + "/batch.db"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	out["sqlite"] = st
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		return out
	}
	name := fmt.Sprintf("store_batch_%d", time.Now().UnixNano())
	admin := func(sql string) error {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return err
		}
		defer c.Close(context.Background())
		_, err = c.Exec(context.Background(), sql)
		return err
	}
	if err := admin("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	pg, err := Open(ctx, Options{PostgresURL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pg.Close)
	out["postgres"] = pg
	return out
}

// TestBatch: the writes of a Batch are all done, across several of PostgreSQL's batches, and
// a failing one's error comes back wrapped by its own caller's function.
func TestBatch(t *testing.T) {
	for engine, st := range batchStores(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			n := 2*batchSize + 10
			err := st.InImportTx(ctx, func(_ Querier, b *Batch) error {
				for i := range n {
					err := b.Exec(func(q Querier) error {
						return q.InitStoreValue(ctx, db.InitStoreValueParams{Key: fmt.Sprint("batch-", i), Value: "v"})
					}, func(err error) error { return fmt.Errorf("value %d: %w", i, err) })
					if err != nil {
						return err
					}
				}
				return nil // InImportTx flushes the rest
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, i := range []int{0, batchSize, n - 1} {
				if v, err := st.Q.GetStoreValue(ctx, fmt.Sprint("batch-", i)); err != nil || v != "v" {
					t.Errorf("value %d: %q, %v", i, v, err)
				}
			}

			now := time.Now().UTC().Truncate(time.Millisecond)
			user := func(id int64, name string) db.ImportInsertUserParams {
				return db.ImportInsertUserParams{ID: id, DocumentID: name + "-doc", Username: name, Email: name + "@example.com",
					Provider: "local", CreatedAt: now, UpdatedAt: now, PublishedAt: now}
			}
			err = st.InImportTx(ctx, func(_ Querier, b *Batch) error {
				for i, p := range []db.ImportInsertUserParams{user(1, "first"), user(1, "second"), user(3, "third")} {
					err := b.Exec(func(q Querier) error { return q.ImportInsertUser(ctx, p) },
						func(err error) error { return fmt.Errorf("user #%d %s: %w", i, p.Username, err) })
					if err != nil {
						return err
					}
				}
				return b.Flush()
			})
			if err == nil || !strings.HasPrefix(err.Error(), "user #1 second: ") {
				t.Errorf("duplicate id: error %v, want the second user's", err)
			}
			if _, err := st.Q.GetUser(ctx, 1); !IsNotFound(err) {
				t.Errorf("the failed transaction's first user: %v, want it rolled back", err)
			}

			if engine == "postgres" {
				err := st.InImportTx(ctx, func(_ Querier, b *Batch) error {
					return b.Exec(func(q Querier) error { _, err := q.CountUsers(ctx); return err },
						func(err error) error { return err })
				})
				if !errors.Is(err, errBatchRead) {
					t.Errorf("a read through a Batch: %v, want errBatchRead", err)
				}
			}
		})
	}
}
