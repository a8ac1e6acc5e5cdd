package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	// healthTimeout bounds one probe of the database.
	healthTimeout = 2 * time.Second
	// healthTTL is how long a probe's result is reused: however many probes arrive (load
	// balancers, orchestrators, a flood), the database sees at most one check per TTL.
	healthTTL = time.Second
)

// health checks the database for GET /_health on a path of its own, which the requests'
// load cannot starve: a PostgreSQL pool of one connection kept for it alone, or a SQLite
// connection opened for each probe on the file itself. Its result is cached for healthTTL,
// and concurrent probes share one check.
type health struct {
	check func(ctx context.Context) error
	close func()
	now   func() time.Time

	mu  sync.Mutex
	at  time.Time // when err was found; zero: never probed
	err error
}

// Health reports whether the database answers: nil, or why not. It never waits for a
// connection of the requests' pool, so a flood of requests holding every connection does
// not make a healthy database look down; a result younger than a second is reused.
func (s *Store) Health(ctx context.Context) error {
	h := s.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.at.IsZero() && h.now().Sub(h.at) < healthTTL {
		return h.err
	}
	// The probe's result is shared: the caller going away must not become it.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), healthTimeout)
	defer cancel()
	h.err = h.check(ctx)
	h.at = h.now()
	return h.err
}

// postgresHealth is a pool of one connection, opened at start and kept, beside the
// requests' pool (one more connection per instance than DATABASE_POOL_MAX).
func postgresHealth(ctx context.Context, cfg *pgxpool.Config) (*health, error) {
	hc := cfg.Copy()
	hc.MaxConns, hc.MinConns = 1, 1
	pool, err := pgxpool.NewWithConfig(ctx, hc)
	if err != nil {
		return nil, fmt.Errorf("connect to PostgreSQL (health check): %w", err)
	}
	return &health{check: pool.Ping, close: pool.Close, now: time.Now}, nil
}

// sqliteHealth opens the database file for each probe, read-only and without creating it
// (mode=rw): a file that was deleted, replaced by something else or became unreadable is
// reported, which a connection kept open on the old file would not notice.
func sqliteHealth(file string) (*health, error) {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(1000)&_pragma=query_only(1)")
	if err != nil {
		return nil, fmt.Errorf("open %s (health check): %w", file, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(0)
	check := func(ctx context.Context) error {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return fmt.Errorf("health check: %w", err)
		}
		return nil
	}
	return &health{check: check, close: func() { _ = db.Close() }, now: time.Now}, nil
}

// HoldAllConnections takes every connection of the requests' pool and keeps them until
// release is called. It is for tests only: they show with it what still works while a
// flood of requests holds the pool.
func (s *Store) HoldAllConnections(ctx context.Context) (release func(), err error) {
	if s.pool != nil {
		var conns []*pgxpool.Conn
		release = func() {
			for _, c := range conns {
				c.Release()
			}
		}
		for range s.pool.Config().MaxConns {
			c, err := s.pool.Acquire(ctx)
			if err != nil {
				release()
				return nil, err
			}
			conns = append(conns, c)
		}
		return release, nil
	}
	var conns []*sql.Conn
	release = func() {
		for _, c := range conns {
			_ = c.Close()
		}
	}
	for range s.db.Stats().MaxOpenConnections {
		c, err := s.db.Conn(ctx)
		if err != nil {
			release()
			return nil, err
		}
		conns = append(conns, c)
	}
	return release, nil
}
