package store

import (
	"context"
	"fmt"
)

// selectRows runs a query built at run time (userquery.go) and calls row for each row of
// the result, with a scan function that reads the row's columns into dest as
// database/sql's Rows.Scan does. Its values are always bound as arguments, never
// interpolated.
func (s *Store) selectRows(ctx context.Context, query string, args []any, row func(scan func(dest ...any) error) error) error {
	if s.pool != nil {
		rows, err := s.pool.Query(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("query: %w", err)
		}
		defer rows.Close()
		return eachRow(rows, row)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	return eachRow(rows, row)
}

// rowIter is what eachRow needs of a result: pgx's Rows and database/sql's have it.
type rowIter interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// eachRow calls row for each row of rows, then reports the result's error.
func eachRow(rows rowIter, row func(scan func(dest ...any) error) error) error {
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
