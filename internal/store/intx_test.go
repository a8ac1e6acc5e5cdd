package store

import (
	"context"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
)

// TestInTxRollsBackOnPanic: a panic in a SQLite transaction rolls it back on its way up,
// so that its write is undone and the database's one write lock is free for the next
// transaction (which would wait for busy_timeout, then fail, otherwise).
func TestInTxRollsBackOnPanic(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	st, err := Open(ctx, Options{SQLiteFile: t.TempDir() + "/tx.db"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Fatalf("recovered %v, want the panic to go on up", v)
			}
		}()
		_ = st.InTx(ctx, func(q Querier) error {
			if err := q.InitStoreValue(ctx, db.InitStoreValueParams{Key: "panicked", Value: "1"}); err != nil {
				t.Error(err)
			}
			panic("boom")
		})
	}()
	ctx2, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	start := time.Now()
	err = st.InTx(ctx2, func(q Querier) error {
		return q.InitStoreValue(ctx2, db.InitStoreValueParams{Key: "next", Value: "1"})
	})
	if err != nil || time.Since(start) > 2*time.Second {
		t.Fatalf("the transaction after the panic: %v after %s", err, time.Since(start))
	}
	if _, err := st.Q.GetStoreValue(ctx, "panicked"); !IsNotFound(err) {
		t.Fatalf("the panicked transaction's write: %v, want it rolled back", err)
	}
}
