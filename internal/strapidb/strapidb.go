// Package strapidb reads the Users & Permissions data of a Strapi 5 database (SQLite file or
// PostgreSQL), as a first step of importing it. It only reads: SQLite files are opened read-only.
//
// Value encodings differ per engine (SQLite: datetimes as integer epoch milliseconds, booleans
// 0/1, decimals REAL, JSON as text; PostgreSQL: timestamp without time zone holding UTC wall
// clock, boolean, numeric, jsonb). The typed fields of the structs below are normalized; the
// Custom map of User keeps the database's own kinds, see User.Custom.
package strapidb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Engine names returned by Source.Engine.
const (
	EngineSQLite   = "sqlite"
	EnginePostgres = "postgres"
)

// Errors that Open wraps, to test with errors.Is.
var (
	ErrNotDatabase = errors.New("not a database")
	ErrNotStrapi   = errors.New("not a Strapi database")
	ErrStrapi4     = errors.New("a Strapi 4 database: upgrade it to Strapi 5 first")
	ErrConnect     = errors.New("cannot connect to the database")
	ErrBadURL      = errors.New("invalid PostgreSQL URL")
)

// Source is an open Strapi 5 database.
type Source struct {
	db     *sql.DB
	engine string
}

// Engine is EngineSQLite or EnginePostgres.
func (s *Source) Engine() string { return s.engine }

// Close closes the database.
func (s *Source) Close() error { return s.db.Close() }

// IsPostgresURL reports whether source is a postgres:// or postgresql:// URL.
func IsPostgresURL(source string) bool {
	l := strings.ToLower(source)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Open opens source, a SQLite file path or a postgres:// / postgresql:// URL, and checks that
// it is a Strapi 5 database.
func Open(ctx context.Context, source string) (*Source, error) {
	if IsPostgresURL(source) {
		return openPostgres(ctx, source)
	}
	return openSQLite(ctx, source)
}

func openSQLite(ctx context.Context, path string) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open the Strapi SQLite database: %w", err)
	}
	head := make([]byte, 16)
	n, _ := f.Read(head)
	st, serr := f.Stat()
	_ = f.Close()
	if serr == nil && st.IsDir() {
		return nil, fmt.Errorf("open the Strapi SQLite database %s: is a directory: %w", path, ErrNotDatabase)
	}
	if n == 0 {
		return nil, fmt.Errorf("open the Strapi SQLite database %s: the file is empty: %w", path, ErrNotDatabase)
	}
	if n < 16 || string(head) != "SQLite format 3\x00" {
		return nil, fmt.Errorf("open the Strapi SQLite database %s: not a SQLite file: %w", path, ErrNotDatabase)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("open the Strapi SQLite database %s: %w", path, err)
	}
	s := &Source{db: db, engine: EngineSQLite}
	if err := s.check(ctx, path); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func openPostgres(ctx context.Context, source string) (*Source, error) {
	u, err := url.Parse(source)
	if err != nil {
		// url's and pgx's parse errors quote the URL, password included: do not wrap them.
		return nil, fmt.Errorf("open the Strapi PostgreSQL database: %w (not shown, it may hold a password)", ErrBadURL)
	}
	name := u.Redacted()
	db, err := sql.Open("pgx", source)
	if err != nil {
		return nil, fmt.Errorf("open the Strapi PostgreSQL database %s: %w", name, ErrBadURL)
	}
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open the Strapi PostgreSQL database %s: %w: %s", name, ErrConnect, scrub(err.Error(), source))
	}
	s := &Source{db: db, engine: EnginePostgres}
	if err := s.check(ctx, name); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// scrub removes the URL's password from msg.
func scrub(msg, source string) string {
	u, err := url.Parse(source)
	if err != nil {
		return "(error not shown: unparsable URL)"
	}
	if p, ok := u.User.Password(); ok && p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	return msg
}

// check verifies that the database is a Strapi 5 one.
func (s *Source) check(ctx context.Context, name string) error {
	tables, err := s.tables(ctx)
	if err != nil {
		if s.engine == EngineSQLite {
			return fmt.Errorf("open the Strapi SQLite database %s: %w: %v", name, ErrNotDatabase, err)
		}
		return fmt.Errorf("open the Strapi PostgreSQL database %s: list tables: %w", name, err)
	}
	if !tables["up_users"] || !tables["strapi_core_store_settings"] {
		return fmt.Errorf("open the database %s: %w (no up_users / strapi_core_store_settings table)", name, ErrNotStrapi)
	}
	cols, err := s.columns(ctx, "up_users")
	if err != nil {
		return fmt.Errorf("open the database %s: %w", name, err)
	}
	has := map[string]bool{}
	for _, c := range cols {
		has[c] = true
	}
	if !has["document_id"] || (tables["up_users_role_links"] && !tables["up_users_role_lnk"]) {
		return fmt.Errorf("open the database %s: %w", name, ErrStrapi4)
	}
	for _, t := range []string{"up_roles", "up_permissions", "up_users_role_lnk", "up_permissions_role_lnk"} {
		if !tables[t] {
			return fmt.Errorf("open the database %s: %w (no %s table)", name, ErrNotStrapi, t)
		}
	}
	return nil
}

func (s *Source) tables(ctx context.Context) (map[string]bool, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if s.engine == EnginePostgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

// columns lists the columns of table in order.
func (s *Source) columns(ctx context.Context, table string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM `+table+` WHERE 1 = 0`)
	if err != nil {
		return nil, fmt.Errorf("read the columns of %s: %w", table, err)
	}
	defer rows.Close()
	return rows.Columns()
}
