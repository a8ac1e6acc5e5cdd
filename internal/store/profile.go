package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
)

// The custom user fields in the database: each user's values are one JSON object in
// up_users.profile; up_user_fields remembers every field ever declared (so that a retired
// field keeps its values, and a change of type is checked against them); a unique field has
// an expression index on its value, up_users_profile_<name>_key. SyncProfile makes the
// database match the declaration, at start.

// ProfileField is a declared custom field as the database sees it.
type ProfileField struct {
	Name   string
	Type   string
	Unique bool
	// Accepts reports whether a stored value (decoded JSON) is valid for the field's type;
	// checked when the type changed since the last start.
	Accepts func(v any) bool
}

// ErrProfileIncompatible is a declaration the stored values do not allow.
var ErrProfileIncompatible = errors.New("the user fields' declaration does not fit the stored values")

// SyncProfile records the declared fields, retires the ones no longer declared (their
// values stay), refuses a change of type the stored values do not fit, and creates or drops
// the unique indexes. It runs in one transaction; instances starting at once take turns.
func (s *Store) SyncProfile(ctx context.Context, fields []ProfileField, now time.Time) error {
	for _, f := range fields {
		if !safeName(f.Name) {
			return fmt.Errorf("user field %q: invalid name", f.Name)
		}
	}
	return s.rawTx(ctx, "profile-sync", func(c rawConn) error {
		type stored struct {
			typ             string
			unique, retired bool
		}
		known := map[string]stored{}
		err := c.query(ctx, "SELECT name, type, is_unique, retired FROM up_user_fields", nil, func(scan func(...any) error) error {
			var (
				name string
				st   stored
			)
			if err := scan(&name, &st.typ, &st.unique, &st.retired); err != nil {
				return err
			}
			known[name] = st
			return nil
		})
		if err != nil {
			return fmt.Errorf("read up_user_fields: %w", err)
		}
		var problems []string
		for _, f := range fields {
			st, seen := known[f.Name]
			if seen && st.typ != f.Type {
				bad, err := s.badValues(ctx, c, f)
				if err != nil {
					return err
				}
				if len(bad) > 0 {
					problems = append(problems, fmt.Sprintf("field %q was %s and is now %s, but users %s have a value a %s field cannot hold:"+
						" declare it as %s again, or correct or clear those values first", f.Name, st.typ, f.Type, strings.Join(bad, ", "), f.Type, st.typ))
					continue
				}
			}
			if f.Unique {
				dups, err := s.duplicates(ctx, c, f.Name)
				if err != nil {
					return err
				}
				if len(dups) > 0 {
					problems = append(problems, fmt.Sprintf("field %q is unique, but users share these values: %s:"+
						" make them unique, or declare the field without unique", f.Name, strings.Join(dups, ", ")))
					continue
				}
			}
			q := "INSERT INTO up_user_fields (name, type, is_unique, retired, declared_at, updated_at) VALUES (" + s.dialect.placeholders(6) + ")" +
				" ON CONFLICT (name) DO UPDATE SET type = excluded.type, is_unique = excluded.is_unique, retired = excluded.retired, updated_at = excluded.updated_at"
			if err := c.exec(ctx, q, f.Name, f.Type, f.Unique, false, now, now); err != nil {
				return fmt.Errorf("record user field %s: %w", f.Name, err)
			}
		}
		if len(problems) > 0 {
			return fmt.Errorf("%w: %s", ErrProfileIncompatible, strings.Join(problems, "; "))
		}
		for name, st := range known {
			declared := slices.ContainsFunc(fields, func(f ProfileField) bool { return f.Name == name })
			if !declared && !st.retired {
				q := "UPDATE up_user_fields SET retired = " + s.dialect.placeholder(1) + ", updated_at = " + s.dialect.placeholder(2) + " WHERE name = " + s.dialect.placeholder(3)
				if err := c.exec(ctx, q, true, now, name); err != nil {
					return fmt.Errorf("retire user field %s: %w", name, err)
				}
			}
		}
		return s.syncUniqueIndexes(ctx, c, fields)
	})
}

// syncUniqueIndexes creates the index of each unique field, and drops those of fields no
// longer unique (or no longer declared).
func (s *Store) syncUniqueIndexes(ctx context.Context, c rawConn, fields []ProfileField) error {
	var existing []string
	q := "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'up_users' AND name LIKE 'up\\_users\\_profile\\_%' ESCAPE '\\'"
	if s.dialect == postgresDialect {
		q = "SELECT indexname FROM pg_indexes WHERE tablename = 'up_users' AND indexname LIKE 'up\\_users\\_profile\\_%' ESCAPE '\\'"
	}
	err := c.query(ctx, q, nil, func(scan func(...any) error) error {
		var n string
		err := scan(&n)
		existing = append(existing, n)
		return err
	})
	if err != nil {
		return fmt.Errorf("list profile indexes: %w", err)
	}
	want := map[string]string{}
	for _, f := range fields {
		if f.Unique {
			want[uniqueIndexName(f.Name)] = f.Name
		}
	}
	for _, idx := range existing {
		if _, ok := want[idx]; !ok {
			if err := c.exec(ctx, "DROP INDEX "+idx); err != nil {
				return fmt.Errorf("drop %s: %w", idx, err)
			}
		}
	}
	for idx, name := range want {
		if slices.Contains(existing, idx) {
			continue
		}
		if err := c.exec(ctx, "CREATE UNIQUE INDEX "+idx+" ON up_users ("+s.profileText(name, "profile")+")"); err != nil {
			return fmt.Errorf("create %s: %w", idx, err)
		}
	}
	return nil
}

func uniqueIndexName(field string) string { return "up_users_profile_" + field + "_key" }

var uniqueIndexRE = regexp.MustCompile(`up_users_profile_([A-Za-z0-9_]+)_key`)

// UniqueViolationField is the custom field whose uniqueness err violated, or "".
func UniqueViolationField(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		if m := uniqueIndexRE.FindStringSubmatch(pgErr.ConstraintName); m != nil {
			return m[1]
		}
		return ""
	}
	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) && IsUniqueViolation(err) {
		if m := uniqueIndexRE.FindStringSubmatch(liteErr.Error()); m != nil {
			return m[1]
		}
	}
	return ""
}

// profileText is the expression of a custom field's value as text (col is the profile
// column as the query names it), the same one the unique index is on.
func (s *Store) profileText(name, col string) string {
	if s.dialect == postgresDialect {
		return "(" + col + "->>'" + name + "')"
	}
	return "json_extract(" + col + ", '$." + name + "')"
}

// ProfileValueTaken reports whether a user other than exceptID has the value (a value of
// the field's type, as stored) in the custom field name.
func (s *Store) ProfileValueTaken(ctx context.Context, name string, value any, exceptID int64) (bool, error) {
	if !safeName(name) {
		return false, fmt.Errorf("user field %q: invalid name", name)
	}
	text, err := profileValueText(value)
	if err != nil {
		return false, err
	}
	var expr string
	if s.dialect == postgresDialect {
		expr = s.profileText(name, "profile")
	} else {
		// json_extract answers a JSON string as text and a number as a number: compare as text.
		expr = "CAST(" + s.profileText(name, "profile") + " AS TEXT)"
	}
	q := "SELECT 1 FROM up_users WHERE " + expr + " = " + s.dialect.placeholder(1) + " AND id <> " + s.dialect.placeholder(2) + " LIMIT 1"
	found := false
	err = s.selectRows(ctx, q, []any{text, exceptID}, func(scan func(...any) error) error {
		var one int
		found = true
		return scan(&one)
	})
	if err != nil {
		return false, fmt.Errorf("check %s: %w", name, err)
	}
	return found, nil
}

// profileValueText is a stored value as ->> and json_extract show it as text.
func profileValueText(v any) (string, error) {
	switch t := v.(type) {
	case string:
		return t, nil
	case int64:
		return strconv.FormatInt(t, 10), nil
	case float64:
		b, err := json.Marshal(t)
		return string(b), err
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// badValues lists (up to five) users whose value of f its type does not accept.
func (s *Store) badValues(ctx context.Context, c rawConn, f ProfileField) ([]string, error) {
	var expr string
	if s.dialect == postgresDialect {
		expr = "CAST(profile->'" + f.Name + "' AS TEXT)"
	} else {
		expr = "(profile -> '$." + f.Name + "')"
	}
	var bad []string
	q := "SELECT id, " + expr + " FROM up_users WHERE " + expr + " IS NOT NULL AND " + expr + " <> 'null' ORDER BY id"
	err := c.query(ctx, q, nil, func(scan func(...any) error) error {
		var (
			id  int64
			raw string
		)
		if err := scan(&id, &raw); err != nil {
			return err
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.UseNumber()
		if dec.Decode(&v) != nil || !f.Accepts(v) {
			if len(bad) < 5 {
				bad = append(bad, strconv.FormatInt(id, 10))
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check the values of %s: %w", f.Name, err)
	}
	return bad, nil
}

// duplicates lists (up to five) values of the field that several users share.
func (s *Store) duplicates(ctx context.Context, c rawConn, name string) ([]string, error) {
	expr := s.profileText(name, "profile")
	q := "SELECT CAST(" + expr + " AS TEXT) FROM up_users WHERE " + expr + " IS NOT NULL GROUP BY " + expr + " HAVING count(*) > 1 LIMIT 5"
	var out []string
	err := c.query(ctx, q, nil, func(scan func(...any) error) error {
		var v string
		err := scan(&v)
		out = append(out, strconv.Quote(v))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("check the values of %s: %w", name, err)
	}
	return out, nil
}

// placeholders writes n placeholders, comma-separated.
func (d dialect) placeholders(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = d.placeholder(i + 1)
	}
	return strings.Join(ps, ", ")
}

// rawConn runs SQL written at run time in a transaction (rawTx).
type rawConn struct {
	exec  func(ctx context.Context, q string, args ...any) error
	query func(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error
}

// rawTx runs fn in a transaction for SQL written at run time, holding the advisory lock
// of key on PostgreSQL (SQLite's write transactions run alone).
func (s *Store) rawTx(ctx context.Context, key string, fn func(c rawConn) error) error {
	if s.pool != nil {
		return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext($1))", "mtb-api "+key); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
			return fn(rawConn{
				exec: func(ctx context.Context, q string, args ...any) error {
					_, err := tx.Exec(ctx, q, args...)
					return err
				},
				query: func(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
					rows, err := tx.Query(ctx, q, args...)
					if err != nil {
						return err
					}
					defer rows.Close()
					return eachRow(rows, row)
				},
			})
		})
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	err = fn(rawConn{
		exec: func(ctx context.Context, q string, args ...any) error {
			_, err := tx.ExecContext(ctx, q, args...)
			return err
		},
		query: func(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
			rows, err := tx.QueryContext(ctx, q, args...)
			if err != nil {
				return err
			}
			defer func() { _ = rows.Close() }()
			return eachRow(rows, row)
		},
	})
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
