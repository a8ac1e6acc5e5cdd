package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mtb-race/mtb-backend-api/gen/db"
)

// batchSize is how many queued statements Batch sends to PostgreSQL in one round trip: large
// enough that the round trips no longer count, small enough to keep the queue's memory small.
const batchSize = 1000

// errBatchRead is returned by the queries a Batch cannot queue (those that read rows).
var errBatchRead = errors.New("store: a Batch queues :exec queries only, not queries that return rows")

// Batch runs many writes of one transaction with few round trips. On PostgreSQL the :exec
// queries of the Querier that Exec gives are queued and sent together (a pgx batch: one round
// trip per batchSize statements instead of one each); on SQLite, in process, they run at once.
// The statements are the sqlc-generated ones on both engines. A queued statement's error is
// returned by a later Exec or by Flush, wrapped as its Exec call asked; the transaction is then
// aborted anyway, as it is when a write fails at once. Call Flush before reading what was
// queued or writing rows that refer to it with the transaction's own Querier; InTx and
// InImportTx flush what is left when their fn returns.
type Batch struct {
	ctx   context.Context
	q     Querier     // SQLite: the transaction's Querier
	tx    pgx.Tx      // PostgreSQL
	queue *batchQueue // PostgreSQL
	pq    Querier     // PostgreSQL: queues into queue
}

// newBatch returns the Batch of a transaction: tx on PostgreSQL, else q (SQLite).
func newBatch(ctx context.Context, q Querier, tx pgx.Tx) *Batch {
	if tx == nil {
		return &Batch{ctx: ctx, q: q}
	}
	queue := &batchQueue{}
	return &Batch{ctx: ctx, tx: tx, queue: queue, pq: db.New(queue)}
}

// Exec runs fn, which must use :exec queries only, with a Querier whose statements are
// queued (PostgreSQL) or run at once (SQLite). wrap gives the error of fn's statements the
// context of the caller (e.g. which row), whenever it surfaces.
func (b *Batch) Exec(fn func(q Querier) error, wrap func(error) error) error {
	if b.tx == nil {
		if err := fn(b.q); err != nil {
			return wrap(err)
		}
		return nil
	}
	b.queue.wrap = wrap
	if err := fn(b.pq); err != nil {
		return wrap(err)
	}
	if len(b.queue.wraps) >= batchSize {
		return b.Flush()
	}
	return nil
}

// Flush sends the queued statements and returns the first one's error, wrapped.
func (b *Batch) Flush() error {
	if b.tx == nil || len(b.queue.wraps) == 0 {
		return nil
	}
	batch, wraps := b.queue.batch, b.queue.wraps
	b.queue.batch, b.queue.wraps = pgx.Batch{}, nil
	res := b.tx.SendBatch(b.ctx, &batch)
	for _, wrap := range wraps {
		if _, err := res.Exec(); err != nil {
			_ = res.Close()
			return wrap(err)
		}
	}
	if err := res.Close(); err != nil {
		return fmt.Errorf("send batch: %w", err)
	}
	return nil
}

// batchQueue is the db.DBTX of a PostgreSQL Batch: Exec queues the statement.
type batchQueue struct {
	batch pgx.Batch
	wraps []func(error) error // one per queued statement
	wrap  func(error) error   // the current Exec's
}

func (q *batchQueue) Exec(_ context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	q.batch.Queue(sql, args...)
	q.wraps = append(q.wraps, q.wrap)
	return pgconn.CommandTag{}, nil
}

func (q *batchQueue) Query(context.Context, string, ...any) (pgx.Rows, error) {
	return nil, errBatchRead
}

func (q *batchQueue) QueryRow(context.Context, string, ...any) pgx.Row { return errRow{} }

// errRow is the pgx.Row of a query a Batch cannot queue.
type errRow struct{}

func (errRow) Scan(...any) error { return errBatchRead }
