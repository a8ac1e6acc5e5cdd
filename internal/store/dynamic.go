package store

import (
	"context"
	"fmt"
	"strconv"
)

// Every query of the service is a sqlc query (queries/), checked at generation time on both
// engines, except the few whose shape depends on the request: the users list and count take
// Strapi's filter language (filters[$or][0][username][$containsi]=...), whose WHERE, ORDER BY
// and LIMIT are built at run time by internal/auth/userquery.go from a whitelist of columns.
// Select runs such a query. Its values are always bound as arguments, written in the query
// with Placeholder, never interpolated.

// Placeholder is how the n-th argument (from 1) of a query is written on this engine: $n on
// PostgreSQL, ? on SQLite (where arguments bind in the order their ? appear).
func (s *Store) Placeholder(n int) string {
	if s.pool != nil {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// Select runs a query built at run time and calls row for each row of the result, with a
// scan function that reads the row's columns into dest as database/sql's Rows.Scan does.
func (s *Store) Select(ctx context.Context, query string, args []any, row func(scan func(dest ...any) error) error) error {
	if s.pool != nil {
		rows, err := s.pool.Query(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("query: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := row(rows.Scan); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
