package store

import (
	"context"
	"time"

	sq "github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// What the external tests (package store_test, which may use apitest) see of the store.

// SetSearchIndexed turns the narrowing by the search index on or off: off, the users
// queries are those of before migration 00011, the reference of the differential test.
func (s *Store) SetSearchIndexed(on bool) { s.searchIndexed = on }

// SearchIndexed reports whether the store found the search index at Open.
func (s *Store) SearchIndexed() bool { return s.searchIndexed }

// SetUsersQueryTimeout changes UsersQueryTimeout.
func (s *Store) SetUsersQueryTimeout(d time.Duration) { s.usersTimeout = d }

// ListUsersSQL is the statement ListUsers runs for q, and its arguments.
func (s *Store) ListUsersSQL(q *sq.Query) (string, []any) {
	return selectSQL(q, s.dialect, s.searchIndexed, nil)
}

// BoundedCount runs a statement returning one number, as the users queries run.
func (s *Store) BoundedCount(ctx context.Context, query string) (int64, error) {
	var n int64
	err := s.boundedRows(ctx, query, nil, func(scan func(...any) error) error { return scan(&n) })
	return n, err
}
