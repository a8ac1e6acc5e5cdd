package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// importSequenceTables are the tables an import inserts explicit ids into.
var importSequenceTables = []string{"up_roles", "up_permissions", "up_users"}

// InImportTx is InTx for an import that inserts rows with explicit ids: after fn, in the same
// transaction, PostgreSQL's id sequences of up_roles, up_permissions and up_users are moved
// past the largest id, so that the next insert without an id does not collide. SQLite's
// AUTOINCREMENT already continues after the largest id (sqlite_sequence follows explicit ids).
// fn writes many rows through b (see Batch); what it leaves queued is flushed when it returns.
func (s *Store) InImportTx(ctx context.Context, fn func(q Querier, b *Batch) error) error {
	return s.inTx(ctx, fn, func(tx pgx.Tx) error {
		for _, t := range importSequenceTables {
			q := "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), COALESCE(max(id), 0) + 1, false) FROM " + t
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("move the id sequence of %s: %w", t, err)
			}
		}
		return nil
	})
}
