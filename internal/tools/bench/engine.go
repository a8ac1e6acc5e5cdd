package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	mtbapi "github.com/mtb-race/mtb-backend-api"
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

// startRounds is how many times the start to the first answer is measured on each kind of
// database (fresh, existing): the targets take the median.
const startRounds = 3

// freshStart makes a fresh database of engine (in a directory of its own under dir for
// SQLite), gives its environment (DATABASE_FILENAME or DATABASE_URL) to start, which starts
// and stops the service on it, and removes the database. It returns what start measured.
func freshStart(ctx context.Context, engine, dir, adminURL string, start func(dbEnv map[string]string) (time.Duration, error)) (time.Duration, error) {
	sub, err := os.MkdirTemp(dir, "fresh-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(sub)
	db, err := openDatabase(ctx, engine, sub, adminURL)
	if err != nil {
		return 0, err
	}
	d, err := start(db.env)
	if db.drop != nil {
		if derr := db.drop(); err == nil {
			err = derr
		}
	}
	return d, err
}

// schemaDDLRuns is how many fresh databases the schema baseline is measured on (the median).
const schemaDDLRuns = 3

// schemaDDL is the least any migration tool pays to create the service's schema in a fresh
// PostgreSQL database: every migration's Up section, as one script in one transaction and
// one round trip (pgx's simple protocol), on a connection already open; the median of
// schemaDDLRuns. It is PostgreSQL's own work (catalog rows and files for every table, index,
// function and trigger), which no change to the service can remove, so the fresh start's
// target on PostgreSQL is the service's budget plus this, measured in the same run.
func schemaDDL(ctx context.Context, adminURL string) (time.Duration, error) {
	script, err := upScript(mtbapi.Migrations, "schema/postgres")
	if err != nil {
		return 0, err
	}
	var runs []time.Duration
	for range schemaDDLRuns {
		db, err := openDatabase(ctx, "postgres", "", adminURL)
		if err != nil {
			return 0, err
		}
		d, err := timeScript(ctx, db.env["DATABASE_URL"], script)
		if derr := db.drop(); err == nil {
			err = derr
		}
		if err != nil {
			return 0, err
		}
		runs = append(runs, d)
	}
	return median(runs), nil
}

func timeScript(ctx context.Context, url, script string) (time.Duration, error) {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(cctx, url)
	if err != nil {
		return 0, fmt.Errorf("schema baseline: %w", err)
	}
	defer conn.Close(context.Background())
	start := time.Now()
	if _, err := conn.Exec(cctx, "BEGIN;\n"+script+"\nCOMMIT;"); err != nil {
		return 0, fmt.Errorf("schema baseline: %w", err)
	}
	return time.Since(start), nil
}

// upScript is the Up sections of the goose migrations in dir, in order, without goose's
// annotations.
func upScript(fsys fs.FS, dir string) (string, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", err
		}
		up := false
		for line := range strings.Lines(string(src)) {
			switch t := strings.TrimSpace(line); {
			case strings.HasPrefix(t, "-- +goose Up"):
				up = true
			case strings.HasPrefix(t, "-- +goose Down"):
				up = false
			case strings.HasPrefix(t, "-- +goose"):
			case up:
				b.WriteString(line)
			}
		}
		b.WriteString("\n")
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("no migrations in %s", dir)
	}
	return b.String(), nil
}
