package auth

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// qsJSON prints a parsed query string as JSON, object keys in their order.
func qsJSON(v any) string {
	switch t := v.(type) {
	case *qsObject:
		parts := make([]string, len(t.keys))
		for i, k := range t.keys {
			kb, _ := json.Marshal(k)
			parts[i] = string(kb) + ":" + qsJSON(t.vals[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = qsJSON(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	default:
		b, _ := json.Marshal(t)
		return string(b)
	}
}

func TestParseQS(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"", `{}`},
		{"a=1", `{"a":"1"}`},
		{"a", `{"a":null}`},
		{"a=", `{"a":""}`},
		{"a=1&a=2", `{"a":["1","2"]}`},
		{"a[]=1&a[]=2", `{"a":["1","2"]}`},
		{"a[1]=x", `{"a":["x"]}`},
		{"a[0]=x&a[2]=z&a[1]=y", `{"a":["x","y","z"]}`},
		{"a[101]=x", `{"a":{"101":"x"}}`},
		{"a[b][c]=d&a[b][e]=f", `{"a":{"b":{"c":"d","e":"f"}}}`},
		{"filters[$or][0][blocked]=true&filters[$or][1][confirmed]=false", `{"filters":{"$or":[{"blocked":"true"},{"confirmed":"false"}]}}`},
		{"filters[username][$in][0]=a&filters[username][$in][1]=b", `{"filters":{"username":{"$in":["a","b"]}}}`},
		{"filters[username][$in]=a&filters[username][$in]=b", `{"filters":{"username":{"$in":["a","b"]}}}`},
		{"a[0]=x&a[b]=y", `{"a":{"0":"x","b":"y"}}`},
		{"q=a+b%20c%2Bd", `{"q":"a b c+d"}`},
		{"q=%E0%A4%A", `{"q":"%E0%A4%A"}`}, // undecodable: kept as sent
		{"sort[0]=id:desc&sort[1]=username", `{"sort":["id:desc","username"]}`},
		{"populate[role][fields][0]=name", `{"populate":{"role":{"fields":["name"]}}}`},
		{"a[b]=c=d", `{"a":{"b":"c=d"}}`},
		{"[x]=1", `{"x":"1"}`},
		{"__proto__[x]=1&a=2", `{"a":"2"}`},
	}
	for _, c := range cases {
		if got := qsJSON(parseQS(c.raw)); got != c.want {
			t.Errorf("parseQS(%q) = %s, want %s", c.raw, got, c.want)
		}
	}
	deep := "a" + strings.Repeat("[b]", 25) + "=1"
	got := qsJSON(parseQS(deep))
	if !strings.Contains(got, `"[b][b][b][b][b]":"1"`) {
		t.Errorf("beyond depth 20 the rest of the key is one segment, as qs keeps it: %s", got)
	}
}

func dollar(n int) string { return "$" + strconv.Itoa(n) }
func question(int) string { return "?" }

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
		q, err := ParseUserQuery(c.raw, c.roles)
		if err != nil {
			t.Errorf("%q: %v", c.raw, err)
			continue
		}
		ph := question
		if c.postgres {
			ph = dollar
		}
		sql, args := q.SelectSQL(ph, c.postgres, nil)
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
	q, err := ParseUserQuery("filters[username]=a&_q=b&sort=id:desc&start=1&limit=2&fields=email&populate=role", true)
	if err != nil {
		t.Fatal(err)
	}
	sql, args := q.CountSQL(dollar, true)
	if !strings.HasPrefix(sql, "SELECT count(*) FROM up_users u LEFT JOIN up_roles r ON r.id = u.role_id WHERE (u.username") ||
		strings.Contains(sql, "ORDER") || strings.Contains(sql, "LIMIT") || len(args) != 6 {
		t.Errorf("count: %s %v", sql, args)
	}
	id := int64(7)
	sql, args = q.SelectSQL(question, false, &id)
	if !strings.Contains(sql, "WHERE (u.id = ? AND u.username = ? AND (") || args[0] != int64(7) {
		t.Errorf("one: %s %v", sql, args)
	}
	if strings.Join(q.Fields, ",") != "id,documentId,email" || !q.PopulateRole {
		t.Errorf("fields %v, populate %v", q.Fields, q.PopulateRole)
	}
}

func TestUserQueryErrors(t *testing.T) {
	cases := []struct {
		raw      string
		msg      string
		key      *QueryKey // nil: details {}
		noFields bool
	}{
		{raw: "filters[password][$notNull]=true", msg: "Invalid key password", key: &QueryKey{"password", "password", "filters"}},
		{raw: "filters[resetPasswordToken]=x", msg: "Invalid key resetPasswordToken", key: &QueryKey{"resetPasswordToken", "resetPasswordToken", "filters"}},
		{raw: "filters[$or][0][confirmationToken]=x", msg: "Invalid key confirmationToken", key: &QueryKey{"confirmationToken", "confirmationToken", "filters"}},
		{raw: "filters[foo]=x", msg: "Invalid key foo", key: &QueryKey{"foo", "", "filters"}},
		{raw: "filters[password]=x&filters[foo]=y", msg: "Invalid key foo", key: &QueryKey{"foo", "", "filters"}},
		{raw: "filters[username][$foo]=x", msg: "Invalid key $foo at username", key: &QueryKey{"$foo", "username", "filters"}},
		{raw: "filters[role][password]=x", msg: "Invalid key password at role", key: &QueryKey{"password", "role", "filters"}},
		{raw: "filters[role][users][id]=1", msg: "Invalid key users at role.users", key: &QueryKey{"users", "role.users", "filters"}},
		{raw: "filters[$eq]=1", msg: "Invalid key $eq: only $and, $or and $not can be used here", key: &QueryKey{"$eq", "", "filters"}},
		{raw: "filters[username][$or][0]=x", msg: "Invalid key $or at username: only attribute operators can be used here", key: &QueryKey{"$or", "username", "filters"}},
		{raw: "filters[$or][0]", msg: "Invalid key $or: expected an array of objects", key: &QueryKey{"$or", "", "filters"}},
		{raw: "filters[$or][username]=x", msg: "Invalid key $or: expected an array", key: &QueryKey{"$or", "", "filters"}},
		{raw: "filters[id]=abc", msg: `Invalid value "abc" for id: expected an integer`, key: &QueryKey{"id", "id", "filters"}},
		{raw: "filters[id][$lt]=1.5", msg: `Invalid value "1.5" for id: expected an integer`, key: &QueryKey{"$lt", "id", "filters"}},
		{raw: "filters[role]=x", msg: `Invalid value "x" for role: expected an integer`, key: &QueryKey{"role", "role", "filters"}},
		{raw: "filters[id][$in][0]=1&filters[id][$in][1]=x", msg: `Invalid value "x" for id: expected an integer`, key: &QueryKey{"$in", "id", "filters"}},
		{raw: "filters[createdAt][$gt]=yesterday", msg: `Invalid value "yesterday" for createdAt: expected an ISO 8601 date or a timestamp in milliseconds`, key: &QueryKey{"$gt", "createdAt", "filters"}},
		{raw: "filters[confirmed][$containsi]=t", msg: "Invalid key $containsi at confirmed: applies to text only", key: &QueryKey{"$containsi", "confirmed", "filters"}},
		{raw: "filters[id][$between]=1", msg: "Invalid key $between at id: expected two values", key: &QueryKey{"$between", "id", "filters"}},
		{raw: "filters[id][$eq][x]=1", msg: "Invalid key $eq at id: expected a value", key: &QueryKey{"$eq", "id", "filters"}},
		{raw: "filters[role][$eq]=1&filters[role][type]=x", msg: "Invalid key role: operators and attributes cannot be mixed", key: &QueryKey{"role", "role", "filters"}},
		{raw: "filters=abc", msg: "The filters parameter must be an object or an array"},
		{raw: "sort=password", msg: "Invalid key password", key: &QueryKey{"password", "password", "sort"}},
		{raw: "sort=foo:asc", msg: "Invalid key foo", key: &QueryKey{"foo", "", "sort"}},
		{raw: "sort=role", msg: "Invalid key role", key: &QueryKey{"role", "role", "sort"}},
		{raw: "sort=id:up", msg: "Invalid order. order can only be one of asc|desc|ASC|DESC"},
		{raw: "sort=:desc", msg: "Field cannot be empty"},
		{raw: "sort=id:up&filters[foo]=1", msg: "Invalid key foo", key: &QueryKey{"foo", "", "filters"}},
		{raw: "fields=password", msg: "Invalid key password", key: &QueryKey{"password", "password", "fields"}},
		{raw: "fields=role", msg: "Invalid key role", key: &QueryKey{"role", "role", "fields"}},
		{raw: "fields[0]=username&fields[1]=foo", msg: "Invalid key foo", key: &QueryKey{"foo", "", "fields"}},
		{raw: "fields[a]=b", msg: "Invalid fields parameter. Expected a string or an array of strings"},
		{raw: "populate=username", msg: "Invalid key username", key: &QueryKey{"username", "username", "populate"}},
		{raw: "populate=role,foo", msg: "Invalid key foo", key: &QueryKey{"foo", "foo", "populate"}},
		{raw: "populate[password]=true", msg: "Invalid key password", key: &QueryKey{"password", "password", "populate"}},
		{raw: "populate[foo]=true", msg: "Invalid key foo", key: &QueryKey{"foo", "", "populate"}},
		{raw: "start=-1", msg: "convertStartQueryParams expected a positive integer got -1"},
		{raw: "start=x", msg: "convertStartQueryParams expected a positive integer got NaN"},
		{raw: "limit=-5", msg: "convertLimitQueryParams expected a positive integer got -5"},
		{raw: "limit=1.5", msg: "convertLimitQueryParams expected a positive integer got 1.5"},
	}
	for _, c := range cases {
		_, err := ParseUserQuery(c.raw, true)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: %v, want %q", c.raw, err, c.msg)
			continue
		}
		if e.Kind != KindValidation || e.Message != c.msg || len(e.Fields) != 0 {
			t.Errorf("%q: %v %q, want ValidationError %q", c.raw, e.Kind, e.Message, c.msg)
		}
		switch {
		case c.key == nil && e.Query != nil:
			t.Errorf("%q: details %+v, want none", c.raw, *e.Query)
		case c.key != nil && (e.Query == nil || *e.Query != *c.key):
			t.Errorf("%q: details %+v, want %+v", c.raw, e.Query, *c.key)
		}
	}
}

func TestParseMeQuery(t *testing.T) {
	for _, c := range []struct {
		raw        string
		role       bool
		fields     []string
		roleFields []string
		err        string
	}{
		{raw: ""},
		{raw: "populate=role", role: true},
		{raw: "populate=*", role: true},
		{raw: "populate[0]=role", role: true},
		{raw: "populate[role]=true", role: true},
		{raw: "populate[role]=false"},
		{raw: "populate[role][fields][0]=name", role: true, roleFields: []string{"id", "documentId", "name"}},
		{raw: "populate[role][fields]=name,type", role: true, roleFields: []string{"id", "documentId", "name", "type"}},
		{raw: "populate=foo", err: "Invalid key foo"},
		{raw: "populate[role][fields][0]=nope", err: "Invalid key nope"},
		{raw: "populate[role][fields][0]=users", err: "Invalid key users at role.users"},
		{raw: "fields[0]=username", fields: []string{"id", "documentId", "username"}},
		{raw: "fields=email", fields: []string{"id", "documentId", "email"}},
		{raw: "fields[0]=nope", err: "Invalid key nope"},
		{raw: "fields[0]=password", err: "Invalid key password"},
		{raw: "fields=role", err: "Invalid key role"},
	} {
		q, err := ParseMeQuery(c.raw)
		if c.err != "" {
			var e *Error
			if !errors.As(err, &e) || e.Message != c.err {
				t.Errorf("%q: error %v, want %q", c.raw, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.raw, err)
			continue
		}
		if q.PopulateRole != c.role || !slices.Equal(q.Fields, c.fields) || !slices.Equal(q.RoleFields, c.roleFields) {
			t.Errorf("%q: role %v fields %v role fields %v, want %v %v %v", c.raw, q.PopulateRole, q.Fields, q.RoleFields, c.role, c.fields, c.roleFields)
		}
	}
}
