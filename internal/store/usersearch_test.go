package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	sq "github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// TestMain drops the PostgreSQL template database the tests made.
func TestMain(m *testing.M) {
	code := m.Run()
	apitest.DropTemplate()
	os.Exit(code)
}

// searchModel is a user model with custom fields: two text fields (searched by _q, kept in
// the profile JSON and indexed with it) and a number (not searched).
var searchModel = sq.NewModel([]sq.Attr{{Name: "team", Kind: sq.Text}, {Name: "nickname", Kind: sq.Text}, {Name: "bib", Kind: sq.Number}}, nil)

// searchUsers are the texts the differential test searches: case that lower() folds and
// that only Unicode folding folds (what FTS5's trigrams do), composed and decomposed
// accents, ligatures, the Kelvin sign, LIKE's and GLOB's wildcards, quotes, backslashes.
var searchUsers = []struct{ username, email, provider, profile string }{
	{"alice", "alice@example.com", "local", `{"team":"Les Écureuils","nickname":"Ali","bib":42}`},
	{"ALICE_2", "Mixed.Case@Example.COM", "local", `{"team":"les écureuils"}`},
	{"Bob%Smith", "bob@example.org", "google", `{"nickname":"100%_sure","bib":7}`},
	{"under_score", "under@example.com", "github", ``},
	{`back\slash`, "back@example.com", "local", `{"team":"a\\b"}`},
	{`quote"d`, "quote@example.com", "local", `{"nickname":"say \"hi\""}`},
	{"it's", "its@example.com", "local", `{"team":"O'Brien's"}`},
	{"Éloïse", "eloise@example.fr", "local", `{"team":"ÉQUIPE"}`},
	{"éloïse2", "eloise2@example.fr", "keycloak", `{"team":"équipe"}`},
	{"STRASSE", "strasse@example.de", "local", `{"nickname":"ßpeed"}`},
	{"straße", "strasze@example.de", "local", `{"nickname":"SSpeed"}`},
	{"ΣΟΦΙΑ", "sofia@example.gr", "local", `{"team":"ΟΔΥΣΣΕΥΣ"}`},
	{"σοφια", "sofia2@example.gr", "local", `{"team":"οδυσσευς"}`},
	{"İstanbul", "ist@example.tr", "local", `{"team":"IĞDIR"}`},
	{"istanbul2", "ist2@example.tr", "local", `{"team":"ığdır"}`},
	{"ǅemal", "dz@example.hr", "local", `{}`},
	{"emoji😀run", "emoji@example.com", "local", `{"nickname":"🚵‍♀️ fast"}`},
	{"café", "cafe1@example.com", "local", `{"team":"Café Racers"}`},
	{"cafe\u0301", "cafe2@example.com", "local", `{"team":"cafe\u0301 racers"}`},
	{"a b c", "abc@example.com", "local", `null`},
	{"***", "stars@example.com", "local", `{"team":"[*?]"}`},
	{"[abc]", "brackets@example.com", "local", `{"bib":123}`},
	{"?wild?", "wild@example.com", "local", `{"nickname":"wi_ld"}`},
	{"ﬁnance", "fi@example.com", "local", `{"team":"FINANCE"}`},
	{"KELVIN\u212A", "kelvin@example.com", "local", `{"nickname":"\u212Aaiser"}`},
	{"Zoë", "zoe@example.com", "local", `{"team":"ZOË"}`},
	{"plain123", "plain123@example.com", "local", `{"team":"12345"}`},
}

// fixedTerms are searched as well as random ones: short (no trigram), at the 3-character
// threshold, wildcards, quotes, invalid UTF-8, NUL.
var fixedTerms = []string{
	"", "a", "al", "ali", "ALI", "%", "%%", "_", "__", "_sc", "%Sm", "\\", `\sl`, `"`, `""`, `"d"`, "'", "it's", "'s",
	"é", "ÉLO", "éLo", "elo", "ß", "SS", "ss", "sse", "σοφ", "ΣΟΦ", "İst", "ist", "ISt", "😀", "ji😀r", "\u0301", "e\u0301",
	"café", "CAFÉ", "b c", " b ", "***", "*", "[ab", "[*?]", "?wi", "wi_", "fin", "ﬁn", "FIN", "kelvin", "\u212Aelvin",
	"\u212Aai", "kai", "example.com", "@ex", "local", "LOCAL", "oca", "12", "123", "1", "Écu", "écu", "ECU", "42", "team",
	`"team"`, "zoë", "ZOË", "OË", "ığd", "IĞD", "\xff\xfeabc", "ab\x00c", "sure", "0%_", "hi\"", `say "hi"`, "🚵",
}

// The queries the differential test runs for each term T.
var searchQueries = []string{
	"_q=T", "_q=T&sort=username:desc&limit=3", "_q=T&start=1&limit=2",
	"filters[username][$containsi]=T", "filters[username][$contains]=T", "filters[email][$notContainsi]=T",
	"filters[documentId][$notContains]=T", "filters[team][$containsi]=T", "filters[nickname][$contains]=T",
	"filters[nickname][$startsWithi]=T", "filters[username][$endsWith]=T", "filters[id][$contains]=T",
	"filters[$or][0][provider][$containsi]=T&filters[$or][1][bib][$lt]=10",
	"filters[$not][team][$containsi]=T", "filters[username][$startsWith]=T&_q=T",
}

// TestSearchIndexSameAnswers: with the search index narrowing them, _q and the $contains
// family answer exactly what the scan answered before (the index off), on both engines, for
// fixed and random terms.
func TestSearchIndexSameAnswers(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		st, raw := apitest.OpenStore(t, engine)
		if !st.SearchIndexed() {
			t.Fatal("no search index after the migrations")
		}
		insertSearchUsers(t, engine, raw)
		ctx := t.Context()

		rng := rand.New(rand.NewPCG(13, 6))
		terms := slices.Clone(fixedTerms)
		for range 120 {
			terms = append(terms, randomTerm(rng))
		}
		narrowed := 0
		for _, term := range terms {
			for _, tmpl := range searchQueries {
				rawQuery := strings.ReplaceAll(tmpl, "=T", "="+url.QueryEscape(term))
				q, err := sq.Parse(rawQuery, searchModel, false)
				if err != nil {
					continue // refused before any SQL, index or not
				}
				st.SetSearchIndexed(false)
				want, wantN, wantErr := listAndCount(ctx, st, q)
				st.SetSearchIndexed(true)
				if sqlText, _ := st.ListUsersSQL(q); strings.Contains(sqlText, "up_users_search") {
					narrowed++
				}
				got, gotN, err := listAndCount(ctx, st, q)
				// PostgreSQL refuses a text that is not UTF-8, index or not.
				if (err != nil) != (wantErr != nil) {
					t.Errorf("%s: with the index: %v, without: %v", rawQuery, err, wantErr)
				}
				if !slices.Equal(got, want) || gotN != wantN {
					t.Errorf("%s: with the index %v (count %d), without %v (count %d)", rawQuery, got, gotN, want, wantN)
				}
			}
		}
		// The index was used for most of them (not for short terms, invalid UTF-8 or NUL).
		if narrowed < len(terms)*len(searchQueries)/3 {
			t.Errorf("only %d queries were narrowed by the index", narrowed)
		}
	})
}

func listAndCount(ctx context.Context, st *store.Store, q *sq.Query) ([]int64, int64, error) {
	users, err := st.ListUsers(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	n, err := st.CountUsers(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	ids := []int64{}
	for _, u := range users {
		ids = append(ids, u.User.ID)
	}
	return ids, n, nil
}

// randomTerm is a piece of a stored text (1 to 5 characters), its ASCII case changed at
// random, sometimes with a wildcard or quote put in.
func randomTerm(rng *rand.Rand) string {
	u := searchUsers[rng.IntN(len(searchUsers))]
	src := []rune([]string{u.username, u.email, u.provider, u.profile}[rng.IntN(4)])
	if len(src) == 0 {
		return "x"
	}
	start := rng.IntN(len(src))
	end := min(len(src), start+1+rng.IntN(5))
	term := []rune{}
	for _, r := range src[start:end] {
		if r < 128 && rng.IntN(3) == 0 {
			r = []rune(strings.ToUpper(string(r)))[0]
		}
		term = append(term, r)
	}
	if rng.IntN(6) == 0 {
		i := rng.IntN(len(term) + 1)
		term = slices.Insert(term, i, []rune(`%_"'\*?[`)[rng.IntN(8)])
	}
	return string(term)
}

// insertSearchUsers writes searchUsers straight into up_users, as an import would: the
// triggers (SQLite) and the index (PostgreSQL) follow.
func insertSearchUsers(t *testing.T, engine string, raw *sql.DB) {
	t.Helper()
	p := func(n int) string {
		if engine == "postgres" {
			return fmt.Sprintf("$%d", n)
		}
		return fmt.Sprintf("?%d", n)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, u := range searchUsers {
		var profile any
		if u.profile != "" {
			profile = u.profile
		}
		_, err := raw.Exec("INSERT INTO up_users (document_id, username, email, provider, confirmed, blocked, profile, created_at, updated_at, published_at)"+
			fmt.Sprintf(" VALUES (%s, %s, %s, %s, true, false, %s, %s, %s, %s)", p(1), p(2), p(3), p(4), p(5), p(6), p(6), p(6)),
			fmt.Sprintf("doc%021dXY", i), u.username, u.email, u.provider, profile, now)
		if err != nil {
			t.Fatalf("insert %s: %v", u.username, err)
		}
	}
	// An update and a delete go through the triggers too: the index must follow them.
	if _, err := raw.Exec("UPDATE up_users SET username = "+p(1)+" WHERE username = "+p(2), "Alice_Renamed", "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("DELETE FROM up_users WHERE username = "+p(1), "a b c"); err != nil {
		t.Fatal(err)
	}
}

// TestSearchIndexUsed: a search of 3 characters or more is answered through the index
// (EXPLAIN), not by scanning up_users.
func TestSearchIndexUsed(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		st, raw := apitest.OpenStore(t, engine)
		insertSearchUsers(t, engine, raw)
		ctx := t.Context()
		conn, err := raw.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		explain := "EXPLAIN QUERY PLAN "
		if engine == "postgres" {
			// A table this small is cheaper to scan: the planner is told not to, to see
			// whether it can use the index at all.
			if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
				t.Fatal(err)
			}
			explain = "EXPLAIN "
		}
		for _, rawQuery := range []string{"_q=lice", "filters[username][$containsi]=lice&sort=username:desc&limit=2", "_q=ali&sort=username:desc&start=10&limit=10"} {
			q, err := sq.Parse(rawQuery, searchModel, false)
			if err != nil {
				t.Fatal(err)
			}
			query, args := st.ListUsersSQL(q)
			rows, err := conn.QueryContext(ctx, explain+query, args...)
			if err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			var plan []string
			for rows.Next() {
				cols, _ := rows.Columns()
				vals := make([]any, len(cols))
				for i := range vals {
					vals[i] = new(any)
				}
				if err := rows.Scan(vals...); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, fmt.Sprint(*vals[len(vals)-1].(*any)))
			}
			rows.Close()
			text := strings.Join(plan, "\n")
			var used bool
			if engine == "postgres" {
				used = strings.Contains(text, "Bitmap Index Scan on up_users_search") && !strings.Contains(text, "Seq Scan on up_users")
			} else {
				// The FTS5 table gives the ids; each user is then read by its primary key.
				used = strings.Contains(text, "SCAN up_users_search VIRTUAL TABLE") && strings.Contains(text, "SEARCH u USING INTEGER PRIMARY KEY") &&
					!slices.ContainsFunc(plan, func(l string) bool { return strings.HasPrefix(l, "SCAN u ") || l == "SCAN u" })
			}
			if !used {
				t.Errorf("%s: the plan does not use the search index:\n%s", rawQuery, text)
			}
		}
	})
}

// TestUsersQueryTimeout: a users query running past UsersQueryTimeout is stopped on both
// engines (not merely answered late) and reported as ErrQueryTimeout; without the bound it
// would run for minutes.
func TestUsersQueryTimeout(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		st, _ := apitest.OpenStore(t, engine)
		st.SetUsersQueryTimeout(200 * time.Millisecond)
		slow := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) SELECT count(*) FROM c"
		if engine == "postgres" {
			slow = "SELECT count(*) FROM (SELECT pg_sleep(60)) s"
		}
		start := time.Now()
		_, err := st.BoundedCount(t.Context(), slow)
		if !errors.Is(err, store.ErrQueryTimeout) {
			t.Fatalf("err %v, want ErrQueryTimeout", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("stopped after %s, want about 200ms", took)
		}
		// The connection is usable again: the next query answers.
		if n, err := st.BoundedCount(t.Context(), "SELECT 1"); err != nil || n != 1 {
			t.Fatalf("after the timeout: %d %v", n, err)
		}
		// The caller's own cancellation is not a timeout.
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := st.BoundedCount(ctx, slow); err == nil || errors.Is(err, store.ErrQueryTimeout) {
			t.Fatalf("cancelled by the caller: %v, want its error, not ErrQueryTimeout", err)
		}
	})
}

// TestSearchWithoutIndex: on a PostgreSQL where pg_trgm could not be created the migration
// leaves the index out; the store notices at Open, says so once in the log, and searches
// scan with the same answers.
func TestSearchWithoutIndex(t *testing.T) {
	if !slices.Contains(apitest.Engines(t), "postgres") {
		t.Skip("PostgreSQL only (TEST_DATABASE_URL)")
	}
	st, raw := apitest.OpenStore(t, "postgres")
	insertSearchUsers(t, "postgres", raw)
	q, err := sq.Parse("_q=lice&filters[team][$containsi]=cureu", searchModel, false)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := listAndCount(t.Context(), st, q)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("DROP INDEX up_users_search"); err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	var name string
	if err := raw.QueryRow("SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	st2, err := store.Open(t.Context(), store.Options{PostgresURL: pgURLOf(t, name), Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if st2.SearchIndexed() || strings.Count(logs.String(), "no trigram index") != 1 {
		t.Fatalf("indexed %v, log:\n%s", st2.SearchIndexed(), logs.String())
	}
	if sqlText, _ := st2.ListUsersSQL(q); strings.Contains(sqlText, "up_users_search") {
		t.Fatalf("narrowed by a missing index: %s", sqlText)
	}
	got, _, err := listAndCount(t.Context(), st2, q)
	if err != nil || !slices.Equal(got, want) || len(want) == 0 {
		t.Fatalf("without the index %v (%v), with %v", got, err, want)
	}
}

// pgURLOf is TEST_DATABASE_URL with its database replaced by name.
func pgURLOf(t *testing.T, name string) string {
	u, err := url.Parse(os.Getenv("TEST_DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
