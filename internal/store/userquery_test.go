package store

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

func TestUserQuerySQL(t *testing.T) {
	ts := time.Date(2026, 1, 3, 10, 0, 0, 123e6, time.UTC)
	cases := []struct {
		raw      string
		roles    bool
		postgres bool
		where    string // the WHERE clause
		order    string // ORDER BY ... LIMIT ... OFFSET ...
		args     []any
	}{
		{raw: "", postgres: true, where: "1=1", order: "u.id ASC"},
		{raw: "filters[username]=alice", postgres: true, where: "u.username = $1", order: "u.id ASC", args: []any{"alice"}},
		{raw: "filters[username][$eq]=alice", where: "u.username = ?", order: "u.id ASC", args: []any{"alice"}},
		{raw: "filters[id][$in][0]=1&filters[id][$in][1]=2", postgres: true, where: "u.id IN ($1, $2)", order: "u.id ASC", args: []any{int64(1), int64(2)}},
		{raw: "filters[id][$notIn]=3", where: "u.id NOT IN (?)", order: "u.id ASC", args: []any{int64(3)}},
		{raw: "filters[username][$eqi]=Alice", where: "lower(u.username) = lower(?)", order: "u.id ASC", args: []any{"Alice"}},
		{raw: "filters[username][$nei]=Alice", where: "NOT (lower(u.username) = lower(?))", order: "u.id ASC", args: []any{"Alice"}},
		{raw: "filters[username][$containsi]=a_b%", postgres: true, where: `lower(u.username) LIKE lower($1) ESCAPE '\'`, order: "u.id ASC", args: []any{`%a\_b\%%`}},
		{raw: "filters[username][$contains]=x*", where: "u.username GLOB ?", order: "u.id ASC", args: []any{"*x[*]*"}},
		{raw: "filters[username][$contains]=x*", postgres: true, where: `u.username LIKE $1 ESCAPE '\'`, order: "u.id ASC", args: []any{"%x*%"}},
		{raw: "filters[username][$startsWith]=ab", where: "u.username GLOB ?", order: "u.id ASC", args: []any{"ab*"}},
		{raw: "filters[username][$endsWithi]=AB", where: `lower(u.username) LIKE lower(?) ESCAPE '\'`, order: "u.id ASC", args: []any{"%AB"}},
		{raw: "filters[username][$notContains]=b", where: "NOT (u.username GLOB ?)", order: "u.id ASC", args: []any{"*b*"}},
		{raw: "filters[id][$contains]=7", where: "CAST(u.id AS TEXT) GLOB ?", order: "u.id ASC", args: []any{"*7*"}},
		{raw: "filters[email][$null]=false", where: "u.email IS NOT NULL", order: "u.id ASC"},
		{raw: "filters[email][$notNull]", where: "u.email IS NULL", order: "u.id ASC"},
		{raw: "filters[username][$eq]", where: "u.username IS NULL", order: "u.id ASC"},
		{raw: "filters[blocked]=true&filters[confirmed][$ne]=f", where: "(u.blocked = ? AND u.confirmed <> ?)", order: "u.id ASC", args: []any{true, false}},
		{raw: "filters[id][$between][0]=2&filters[id][$between][1]=4", where: "(u.id >= ? AND u.id <= ?)", order: "u.id ASC", args: []any{int64(2), int64(4)}},
		{raw: "filters[$or][0][blocked]=1&filters[$or][1][id][$lt]=3", where: "(u.blocked = ? OR u.id < ?)", order: "u.id ASC", args: []any{true, int64(3)}},
		{raw: "filters[$not][id]=1", where: "NOT (u.id = ?)", order: "u.id ASC", args: []any{int64(1)}},
		{raw: "filters[id][$not][$gt]=5", where: "NOT (u.id > ?)", order: "u.id ASC", args: []any{int64(5)}},
		{raw: "filters[id][$in]", where: "u.id IS NULL", order: "u.id ASC"},
		{raw: "filters[username][$eq][0]=a&filters[username][$eq][1]=b", where: "(u.username = ? OR u.username = ?)", order: "u.id ASC", args: []any{"a", "b"}},
		{raw: "filters[createdAt]=2026-01-03T10:00:00.123Z", where: "(u.created_at >= ? AND u.created_at < ?)", order: "u.id ASC", args: []any{ts, ts.Add(time.Millisecond)}},
		{raw: "filters[createdAt][$gt]=" + strconv.FormatInt(ts.UnixMilli(), 10), where: "u.created_at >= ?", order: "u.id ASC", args: []any{ts.Add(time.Millisecond)}},
		{raw: "filters[createdAt][$lte]=2026-01-03T11:00:00.123%2B01:00", where: "u.created_at < ?", order: "u.id ASC", args: []any{ts.Add(time.Millisecond)}},
		{raw: "filters[role][type]=editor", where: "1=1", order: "u.id ASC"}, // dropped without role.find
		{raw: "filters[role][type]=editor", roles: true, where: "r.type = ?", order: "u.id ASC", args: []any{"editor"}},
		{raw: "filters[$or][0][role][type]=x&filters[$or][1][id]=1", where: "u.id = ?", order: "u.id ASC", args: []any{int64(1)}},
		{raw: "filters[$not][role][type]=x&filters[id][$gt]=1", where: "u.id > ?", order: "u.id ASC", args: []any{int64(1)}},
		{raw: "filters[$and][0][role][id]=1", where: "1=1", order: "u.id ASC"},
		{raw: "filters[username][$gt]=b", postgres: true, where: `u.username COLLATE "C" > $1`, order: "u.id ASC", args: []any{"b"}},
		{raw: "filters[id]=1e1", where: "u.id = ?", order: "u.id ASC", args: []any{int64(10)}},
		{raw: "filters[role]=3", roles: true, where: "r.id = ?", order: "u.id ASC", args: []any{int64(3)}},
		{raw: "filters[role][$null]=true", roles: true, where: "r.id IS NULL", order: "u.id ASC"},
		{raw: "filters[role][$or][0][type]=a&filters[role][$or][1][name]=b", roles: true, where: "(r.type = ? OR r.name = ?)", order: "u.id ASC", args: []any{"a", "b"}},
		{raw: "_q=a%25", postgres: true, where: `(lower(CAST(u.id AS TEXT)) LIKE lower($1) ESCAPE '\' OR lower(u.document_id) LIKE lower($2) ESCAPE '\' OR lower(u.username) LIKE lower($3) ESCAPE '\' OR lower(u.email) LIKE lower($4) ESCAPE '\' OR lower(u.provider) LIKE lower($5) ESCAPE '\')`, order: "u.id ASC", args: []any{`%a\%%`, `%a\%%`, `%a\%%`, `%a\%%`, `%a\%%`}},
		{raw: "sort=username:desc,id", postgres: true, where: "1=1", order: `u.username COLLATE "C" DESC, u.id ASC`},
		{raw: "sort[0]=blocked:DESC&sort[1]=createdAt", where: "1=1", order: "u.blocked DESC, u.created_at ASC, u.id ASC"},
		{raw: "sort[username]=desc", where: "1=1", order: "u.username DESC, u.id ASC"},
		{raw: "sort[0][confirmed]=asc&sort[1][id]=desc", where: "1=1", order: "u.confirmed ASC, u.id DESC"},
		{raw: "sort=role.name:desc", where: "1=1", order: "u.id ASC"},
		{raw: "sort=role.name:desc", roles: true, where: "1=1", order: "r.name DESC NULLS FIRST, u.id ASC"},
		{raw: "start=2&limit=3", postgres: true, where: "1=1", order: "u.id ASC LIMIT $1 OFFSET $2", args: []any{int64(3), int64(2)}},
		{raw: "start=2", where: "1=1", order: "u.id ASC LIMIT -1 OFFSET ?", args: []any{int64(2)}},
		{raw: "start=2", postgres: true, where: "1=1", order: "u.id ASC OFFSET $1", args: []any{int64(2)}},
		{raw: "limit=-1", where: "1=1", order: "u.id ASC"},
		{raw: "limit=0", where: "1=1", order: "u.id ASC"},
		{raw: "pagination[limit]=2&page=1&pageSize=1", where: "1=1", order: "u.id ASC"},
	}
	for _, c := range cases {
		q, err := strapiquery.Parse(c.raw, strapiquery.BaseModel, c.roles)
		if err != nil {
			t.Errorf("%q: %v", c.raw, err)
			continue
		}
		d := sqliteDialect
		if c.postgres {
			d = postgresDialect
		}
		sql, args := selectSQL(q, d, false, nil)
		_, rest, _ := strings.Cut(sql, " WHERE ")
		where, order, _ := strings.Cut(rest, " ORDER BY ")
		if where != c.where || order != c.order {
			t.Errorf("%q:\n where %s\n order %s\nwant\n where %s\n order %s", c.raw, where, order, c.where, c.order)
		}
		if !argsEqual(args, c.args) {
			t.Errorf("%q: args %#v, want %#v", c.raw, args, c.args)
		}
	}
}

func argsEqual(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if ta, ok := a[i].(time.Time); ok {
			if tb, ok := b[i].(time.Time); !ok || !ta.Equal(tb) {
				return false
			}
			continue
		}
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestUserQueryCountAndOne(t *testing.T) {
	q, err := strapiquery.Parse("filters[username]=a&_q=b&sort=id:desc&start=1&limit=2&fields=email&populate=role", strapiquery.BaseModel, true)
	if err != nil {
		t.Fatal(err)
	}
	sql, args := countSQL(q, postgresDialect, false)
	if !strings.HasPrefix(sql, "SELECT count(*) FROM up_users u LEFT JOIN up_roles r ON r.id = u.role_id WHERE (u.username") ||
		strings.Contains(sql, "ORDER") || strings.Contains(sql, "LIMIT") || len(args) != 6 {
		t.Errorf("count: %s %v", sql, args)
	}
	id := int64(7)
	sql, args = selectSQL(q, sqliteDialect, false, &id)
	if !strings.Contains(sql, "WHERE (u.id = ? AND u.username = ? AND (") || args[0] != int64(7) {
		t.Errorf("one: %s %v", sql, args)
	}
	if strings.Join(q.Fields, ",") != "id,documentId,email" || !q.PopulateRole {
		t.Errorf("fields %v, populate %v", q.Fields, q.PopulateRole)
	}
}
