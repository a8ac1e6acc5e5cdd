package main

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
)

// database is where one engine's run keeps its data: a SQLite file in the run's temporary
// directory, or a PostgreSQL database created for the run and dropped after it, so that
// runs (and other users of the server) never see each other's rows.
type database struct {
	engine string            // "sqlite" or "postgres"
	env    map[string]string // DATABASE_FILENAME or DATABASE_URL, for the service and the floor
	drop   func() error      // removes a PostgreSQL database; nil for SQLite (the directory goes)
}

func openDatabase(ctx context.Context, engine, dir, adminURL string) (*database, error) {
	switch engine {
	case "sqlite":
		return &database{engine: engine, env: map[string]string{"DATABASE_FILENAME": filepath.Join(dir, "bench.db")}}, nil
	case "postgres":
		name := "mtb_bench_" + randomHex(6)
		u, err := url.Parse(adminURL)
		if err != nil {
			return nil, fmt.Errorf("-postgres-url: %w", err)
		}
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(cctx, adminURL)
		if err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		defer conn.Close(context.Background())
		// The name is ours (letters, digits, underscore): no quoting problem.
		if _, err := conn.Exec(cctx, "CREATE DATABASE "+name); err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		u.Path = "/" + name
		return &database{engine: engine, env: map[string]string{"DATABASE_URL": u.String()}, drop: func() error {
			dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			conn, err := pgx.Connect(dctx, adminURL)
			if err != nil {
				return fmt.Errorf("postgres: drop %s: %w", name, err)
			}
			defer conn.Close(context.Background())
			// FORCE: a connection the stopped server left behind must not keep the database.
			if _, err := conn.Exec(dctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
				return fmt.Errorf("postgres: drop %s: %w", name, err)
			}
			return nil
		}}, nil
	}
	return nil, fmt.Errorf("unknown engine %q (want sqlite or postgres)", engine)
}
