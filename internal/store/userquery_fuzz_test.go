package store

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// sqlToken splits the SQL of a users query into what it may contain: placeholders, words
// (keywords, functions, columns), the one string literal (LIKE's escape character), the
// quoted "C" collation, numbers and punctuation.
var sqlToken = regexp.MustCompile(`\$[0-9]+|\?|[A-Za-z_][A-Za-z0-9_.]*|'[^']*'|"[^"]*"|-?[0-9]+|\S`)

// sqlWords are every word the renderer writes itself.
var sqlWords = func() map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(`SELECT FROM LEFT JOIN ON WHERE AND OR NOT IN IS NULL LIKE GLOB ESCAPE
		lower CAST AS TEXT COLLATE ORDER BY ASC DESC NULLS FIRST LAST LIMIT OFFSET count
		up_users u up_roles r rowid up_users_search MATCH up_users_search_text u.profile`) {
		words[w] = true
	}
	for _, cols := range []map[string]string{userColumns, roleColumns} {
		for _, c := range cols {
			words[c] = true
		}
	}
	for _, c := range strings.Split(userSelectColumns, ", ") {
		words[c] = true
	}
	words["r.id"], words["u.role_id"] = true, true
	return words
}()

// FuzzUserQuerySQL: whatever query string a client sends, parsing and rendering never
// panic, and the SQL holds no value of the request: only the renderer's own words,
// placeholders (as many as there are arguments), and its fixed literals. A value written
// into the SQL would show as a word, a string or a number the renderer does not write.
//
//	go test -run '^$' -fuzz FuzzUserQuerySQL ./internal/store/
func FuzzUserQuerySQL(f *testing.F) {
	for _, seed := range []string{
		"", "filters[username]=alice", "filters[username][$containsi]=a_b%25'--",
		"filters[$or][0][blocked]=true&filters[$or][1][id][$lt]=3", "filters[id][$in][0]=1&filters[id][$in][1]=2",
		"filters[createdAt][$between][0]=2026-01-01&filters[createdAt][$between][1]=1767225600000",
		"filters[role][type][$eq]=x'); DROP TABLE up_users;--", "filters[$not][email][$endsWith]=.org",
		"_q=%27%20OR%201%3D1", "sort=username:desc,role.name:asc&fields=email&populate[role][fields][0]=name",
		"start=2&limit=3", "filters[username][$eq][0]=a&filters[username][$eq][1]=b", "filters[id]=1e1",
		"filters[email][$null]=true&filters[username][$notContainsi]=x*?[",
		"filters[username][$eqi]=Alice&filters[email][$nei]=b", "filters[id][$notIn][0]=4&filters[id][$gte]=1",
		"filters[username][$startsWithi]=A&filters[username][$endsWith]=z&filters[provider][$ne]=local",
		"filters[role][$or][0][name][$contains]=x&filters[role][$or][1][id][$lte]=2&sort=role.type:desc",
		"filters[createdAt][$gt]=1767225600000&filters[updatedAt][$lt]=2027-01-01T00:00:00Z&filters[confirmed][$notNull]",
	} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, raw string, mayFindRoles bool) {
		q, err := strapiquery.Parse(raw, strapiquery.BaseModel, mayFindRoles)
		if err != nil {
			return
		}
		id := int64(7)
		for _, c := range []struct {
			d       dialect
			indexed bool
		}{{sqliteDialect, false}, {sqliteDialect, true}, {postgresDialect, false}, {postgresDialect, true}} {
			d, indexed := c.d, c.indexed
			for _, r := range []func() (string, []any){
				func() (string, []any) { return selectSQL(q, d, indexed, nil) },
				func() (string, []any) { return selectSQL(q, d, indexed, &id) },
				func() (string, []any) { return countSQL(q, d, indexed) },
			} {
				sql, args := r()
				checkRenderedSQL(t, raw, d, sql, args)
			}
		}
	})
}

func checkRenderedSQL(t *testing.T, raw string, d dialect, sql string, args []any) {
	t.Helper()
	placeholders := 0
	for _, tok := range sqlToken.FindAllString(sql, -1) {
		switch {
		case tok == "?" || strings.HasPrefix(tok, "$"):
			placeholders++
			if d == postgresDialect && tok != "$"+strconv.Itoa(placeholders) {
				t.Fatalf("%q: placeholder %s out of order in %s", raw, tok, sql)
			}
		case tok == `'\'` || tok == `"C"` || tok == "1" || tok == "0" || tok == "-1":
		case sqlWords[tok]:
		case len(tok) == 1 && strings.Contains("(),=<>*", tok):
		default:
			t.Fatalf("%q: %q in the SQL is no word of the renderer's: a value was written into it?\n%s", raw, tok, sql)
		}
	}
	if placeholders != len(args) {
		t.Fatalf("%q: %d placeholders, %d arguments\n%s", raw, placeholders, len(args), sql)
	}
}
