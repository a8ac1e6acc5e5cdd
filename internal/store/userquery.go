package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	sq "github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// The users routes' queries (GET /api/users, /api/users/count, /api/users/:id): Strapi's
// filter language nests any number of $and/$or/$not over any attribute, which no fixed
// statement can express, so they are the one SQL of the service that is not a sqlc query
// (queries/). internal/strapiquery parses and validates the query into a tree; this file
// renders the tree for the store's dialect, runs it and scans the rows. Column names and
// operators come from the tables below, never from the request; every value is a bound
// argument (FuzzUserQuerySQL checks it). The same SQL answers alike on both engines: where
// they differ (case-insensitive matching, text ordering, LIKE and case), it is written so.

// dialect is how the SQL of an engine differs.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// placeholder is how the n-th argument (from 1) is written: $n on PostgreSQL, ? on SQLite
// (where arguments bind in the order their ? appear).
func (d dialect) placeholder(n int) string {
	if d == postgresDialect {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}

// The columns of the attributes the API shows: the user's, and its role's (LEFT JOINed, so
// every role column may be NULL).
var (
	userColumns = map[string]string{
		"id": "u.id", "documentId": "u.document_id", "username": "u.username", "email": "u.email",
		"provider": "u.provider", "confirmed": "u.confirmed", "blocked": "u.blocked",
		"createdAt": "u.created_at", "updatedAt": "u.updated_at", "publishedAt": "u.published_at",
	}
	roleColumns = map[string]string{
		"id": "r.id", "documentId": "r.document_id", "name": "r.name", "description": "r.description",
		"type": "r.type", "createdAt": "r.created_at", "updatedAt": "r.updated_at", "publishedAt": "r.published_at",
	}
)

// column is an attribute as SQL sees it.
type column struct {
	expr     string // u.username
	kind     sq.Kind
	nullable bool
}

func columnOf(a sq.Attr, d dialect) column {
	if a.Custom {
		return customColumn(a, d)
	}
	if a.Relation == sq.RoleRelation {
		return column{expr: roleColumns[a.Name], kind: a.Kind, nullable: true}
	}
	return column{expr: userColumns[a.Name], kind: a.Kind}
}

// customColumn is a custom field as SQL sees it: its value in the profile JSON, typed for
// comparison (numbers as numbers, booleans as booleans, the rest as text). The name comes
// from the operator's declaration, which allows letters, digits and _ only; it is checked
// again here, since it is written into the SQL.
func customColumn(a sq.Attr, d dialect) column {
	if !safeName(a.Name) {
		panic(fmt.Sprintf("store: custom field name %q", a.Name))
	}
	var expr string
	if d == postgresDialect {
		expr = "(u.profile->>'" + a.Name + "')"
		switch a.Kind {
		case sq.Number:
			expr = "CAST(" + expr + " AS DOUBLE PRECISION)"
		case sq.BigInt:
			expr = "CAST(" + expr + " AS BIGINT)"
		case sq.Bool:
			expr = "CAST(" + expr + " AS BOOLEAN)"
		}
	} else {
		expr = "json_extract(u.profile, '$." + a.Name + "')"
		if a.Kind == sq.BigInt {
			expr = "CAST(" + expr + " AS INTEGER)"
		}
	}
	return column{expr: expr, kind: a.Kind, nullable: true}
}

func safeName(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// UserEntry is a user as the users routes show it, with its role when the query populated
// it.
type UserEntry struct {
	User db.UpUser // the shown columns only: no password hash or one-time code is read
	Role *db.UpRole
}

// ErrQueryTimeout is a users query that ran longer than UsersQueryTimeout and was stopped.
var ErrQueryTimeout = errors.New("the users query took too long")

// ListUsers returns the users q selects, in its order, within its start and limit.
func (s *Store) ListUsers(ctx context.Context, q *sq.Query) ([]UserEntry, error) {
	query, args := selectSQL(q, s.dialect, s.searchIndexed, nil)
	var out []UserEntry
	err := s.boundedRows(ctx, query, args, func(scan func(...any) error) error {
		e, err := scanUserEntry(scan, q.PopulateRole)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

// CountUsers counts the users q's filters and search select.
func (s *Store) CountUsers(ctx context.Context, q *sq.Query) (int64, error) {
	query, args := countSQL(q, s.dialect, s.searchIndexed)
	var n int64
	err := s.boundedRows(ctx, query, args, func(scan func(...any) error) error { return scan(&n) })
	if err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// FindUser returns the user with that id, or nil when there is none or q's filters exclude
// it.
func (s *Store) FindUser(ctx context.Context, id int64, q *sq.Query) (*UserEntry, error) {
	query, args := selectSQL(q, s.dialect, s.searchIndexed, &id)
	var found *UserEntry
	err := s.boundedRows(ctx, query, args, func(scan func(...any) error) error {
		e, err := scanUserEntry(scan, q.PopulateRole)
		found = &e
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("find user: %w", err)
	}
	return found, nil
}

func scanUserEntry(scan func(...any) error, withRole bool) (UserEntry, error) {
	var (
		e                UserEntry
		u                = &e.User
		roleID           *int64
		docID, name, typ *string
		description      *string
		created, updated *time.Time
		published        *time.Time
	)
	err := scan(&u.ID, &u.DocumentID, &u.Username, &u.Email, &u.Provider, &u.Confirmed, &u.Blocked,
		&u.CreatedAt, &u.UpdatedAt, &u.PublishedAt, &u.Profile,
		&roleID, &docID, &name, &description, &typ, &created, &updated, &published)
	if err != nil {
		return e, fmt.Errorf("scan user: %w", err)
	}
	u.RoleID = roleID
	if withRole && roleID != nil && docID != nil && name != nil && typ != nil && created != nil && updated != nil && published != nil {
		e.Role = &db.UpRole{
			ID: *roleID, DocumentID: *docID, Name: *name, Description: description, Type: *typ,
			CreatedAt: *created, UpdatedAt: *updated, PublishedAt: *published,
		}
	}
	return e, nil
}

// boundedRows is selectRows within UsersQueryTimeout: any client allowed user.find can
// send a query that reads the whole table, and none may hold a connection and a core for
// long. Both drivers stop the statement when the context ends (PostgreSQL: pgx sends a
// cancel request, the server answers 57014; SQLite: sqlite3_interrupt), whatever error
// they then return; the deadline of our own context, not the caller's, tells it was the
// timeout.
func (s *Store) boundedRows(ctx context.Context, query string, args []any, row func(scan func(dest ...any) error) error) error {
	if s.usersTimeout <= 0 {
		return s.selectRows(ctx, query, args, row)
	}
	bounded, cancel := context.WithTimeout(ctx, s.usersTimeout)
	defer cancel()
	err := s.selectRows(bounded, query, args, row)
	if err != nil && ctx.Err() == nil && errors.Is(bounded.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w (%s): %w", ErrQueryTimeout, s.usersTimeout, err)
	}
	return err
}

// sqlWriter writes a query and collects its arguments.
type sqlWriter struct {
	b       strings.Builder
	args    []any
	dialect dialect
	// indexed: the search index of migration 00011 exists (on PostgreSQL it may not: pg_trgm
	// could not be created), so text matches may be narrowed with it.
	indexed bool
	// negated counts the NOTs around what is being written (see candidates).
	negated int
}

func (w *sqlWriter) write(s ...string) {
	for _, p := range s {
		w.b.WriteString(p)
	}
}

// arg binds v and writes its placeholder.
func (w *sqlWriter) arg(v any) {
	w.args = append(w.args, v)
	w.b.WriteString(w.dialect.placeholder(len(w.args)))
}

// ordered is a column as compared or sorted: text in byte order on both engines (SQLite's
// BINARY collation; on PostgreSQL the "C" collation, whatever the database's locale).
func (w *sqlWriter) ordered(c column) string {
	if textual(c.kind) && w.dialect == postgresDialect {
		return c.expr + ` COLLATE "C"`
	}
	return c.expr
}

// textual reports whether values of the kind compare as text.
func textual(k sq.Kind) bool {
	return k == sq.Text || k == sq.Date || k == sq.DateTime || k == sq.ClockTime
}

// text is a column as a text operator sees it: the id's digits for the id.
func (w *sqlWriter) text(c column) string {
	if c.kind == sq.Int || c.kind == sq.Number || c.kind == sq.BigInt || c.kind == sq.Bool {
		return "CAST(" + c.expr + " AS TEXT)"
	}
	return c.expr
}

// render writes e.
func render(w *sqlWriter, e sq.Expr) {
	switch t := e.(type) {
	case sq.AllOf:
		renderGroup(w, t, " AND ")
	case sq.AnyOf:
		renderGroup(w, t, " OR ")
	case sq.Not:
		renderNot(w, t)
	case sq.Cmp:
		renderCmp(w, columnOf(t.Attr, w.dialect), t.Op, t.Val)
	case sq.In:
		renderIn(w, t)
	case sq.Null:
		renderNull(w, columnOf(t.Attr, w.dialect), t.IsNull)
	case sq.Match:
		renderMatch(w, t)
	case searchExpr:
		t.render(w)
	default:
		panic(fmt.Sprintf("store: no SQL for %T", e))
	}
}

// Groups behave as Strapi's knex builds them: a group with no condition (a filter the
// caller may not use was dropped, or nothing was left in it) is left out of the query, not
// taken as true or false; a query with no condition at all is 1=1.
func renderGroup(w *sqlWriter, list []sq.Expr, sep string) {
	var parts []sq.Expr
	for _, e := range list {
		if !sq.IsEmpty(e) {
			parts = append(parts, e)
		}
	}
	switch len(parts) {
	case 0:
		w.write("1=1")
	case 1:
		render(w, parts[0])
	default:
		w.write("(")
		for i, e := range parts {
			if i > 0 {
				w.write(sep)
			}
			render(w, e)
		}
		w.write(")")
	}
}

func renderNot(w *sqlWriter, n sq.Not) {
	if sq.IsEmpty(n.E) {
		w.write("1=1")
		return
	}
	w.write("NOT (")
	w.negated++
	render(w, n.E)
	w.negated--
	w.write(")")
}

func renderCmp(w *sqlWriter, c column, op string, val any) {
	if val == nil {
		renderNull(w, c, op == "=")
		return
	}
	if t, ok := val.(time.Time); ok {
		// Times are stored to the microsecond but shown to the millisecond: compare with
		// the millisecond shown, so that a value read from the API finds its user.
		next := t.Add(time.Millisecond)
		bound := func(op string, v time.Time) {
			w.write(c.expr, " ", op, " ")
			w.arg(v)
		}
		switch op {
		case "=":
			w.write("(")
			bound(">=", t)
			w.write(" AND ")
			bound("<", next)
			w.write(")")
		case "<>":
			w.write("(")
			bound("<", t)
			w.write(" OR ")
			bound(">=", next)
			w.write(")")
		case "<":
			bound("<", t)
		case "<=":
			bound("<", next)
		case ">":
			bound(">=", next)
		case ">=":
			bound(">=", t)
		}
		return
	}
	col := c.expr
	if op != "=" && op != "<>" {
		col = w.ordered(c)
	}
	w.write(col, " ", op, " ")
	w.arg(val)
}

func renderIn(w *sqlWriter, in sq.In) {
	c := columnOf(in.Attr, w.dialect)
	if len(in.Vals) == 0 { // as knex: IN () is false, NOT IN () true
		if in.Not {
			w.write("1=1")
		} else {
			w.write("1=0")
		}
		return
	}
	if c.kind == sq.Time || slices.Contains(in.Vals, nil) {
		var alts sq.AnyOf
		for _, v := range in.Vals {
			alts = append(alts, sq.Cmp{Attr: in.Attr, Op: "=", Val: v})
		}
		if in.Not {
			renderNot(w, sq.Not{E: alts})
		} else {
			render(w, alts)
		}
		return
	}
	w.write(c.expr)
	if in.Not {
		w.write(" NOT")
	}
	w.write(" IN (")
	for i, v := range in.Vals {
		if i > 0 {
			w.write(", ")
		}
		w.arg(v)
	}
	w.write(")")
}

func renderNull(w *sqlWriter, c column, isNull bool) {
	if isNull {
		w.write(c.expr, " IS NULL")
	} else {
		w.write(c.expr, " IS NOT NULL")
	}
}

// render writes a text match. Case-sensitive matches compare bytes on both engines
// (PostgreSQL's LIKE; SQLite's GLOB, its LIKE being case-insensitive); case-insensitive
// ones lower both sides (lower() folds ASCII only on SQLite). The value matches literally:
// its %, _ (and GLOB's *, ?, [) are escaped.
func renderMatch(w *sqlWriter, m sq.Match) {
	c := columnOf(m.Attr, w.dialect)
	col := w.text(c)
	if m.Not {
		w.write("NOT (")
		w.negated++
		defer func() {
			w.negated--
			w.write(")")
		}()
	}
	// A NULL value (a custom field the user has no value for) makes the match NULL, and
	// NOT NULL is NULL: where a NOT surrounds it, the narrowed match (false there) would
	// differ. Without a NOT, false and NULL select alike, and so do NOT-free ANDs and ORs of
	// them.
	if field, ok := searchField(m.Attr); ok && m.Mode != sq.MatchEqual && (!c.nullable || w.negated == 0) {
		if w.candidates(field, m.Text) {
			w.write(" AND ")
		}
	}
	if m.Mode == sq.MatchEqual {
		w.write("lower(", col, ") = lower(")
		w.arg(m.Text)
		w.write(")")
		return
	}
	switch {
	case m.Fold:
		w.write("lower(", col, ") LIKE lower(")
		w.arg(suffixOrPrefix(m.Mode, likeEscape(m.Text), "%"))
		w.write(`) ESCAPE '\'`)
	case w.dialect == postgresDialect:
		w.write(col, " LIKE ")
		w.arg(suffixOrPrefix(m.Mode, likeEscape(m.Text), "%"))
		w.write(` ESCAPE '\'`)
	default:
		w.write(col, " GLOB ")
		w.arg(suffixOrPrefix(m.Mode, globEscape(m.Text), "*"))
	}
}

func suffixOrPrefix(mode sq.MatchMode, s, any string) string {
	switch mode {
	case sq.MatchContains:
		return any + s + any
	case sq.MatchPrefix:
		return s + any
	default:
		return any + s
	}
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func globEscape(s string) string {
	r := strings.NewReplacer(`[`, `[[]`, `*`, `[*]`, `?`, `[?]`)
	return r.Replace(s)
}

// searchExpr is _q, Strapi's search: the id or a text attribute contains the text,
// case-insensitively, the text matching literally.
type searchExpr struct {
	sq.Expr
	text   string
	custom []sq.Attr // the custom text fields shown
}

func (s searchExpr) render(w *sqlWriter) {
	w.write("(")
	// Narrowed even over the nullable custom fields: _q is a condition of the WHERE's top
	// AND (renderWhere), never under a NOT, where false and NULL select alike.
	if w.candidates("", s.text) {
		w.write(" AND (")
		defer w.write(")")
	}
	attrs := []sq.Attr{sq.UserAttr("id"), sq.UserAttr("documentId"), sq.UserAttr("username"), sq.UserAttr("email"), sq.UserAttr("provider")}
	for i, a := range append(attrs, s.custom...) {
		c := columnOf(a, w.dialect)
		if i > 0 {
			w.write(" OR ")
		}
		w.write("lower(", w.text(c), ") LIKE lower(")
		w.arg("%" + likeEscape(s.text) + "%")
		w.write(`) ESCAPE '\'`)
	}
	w.write(")")
}

// The search index (migration 00011) narrows a text match to the users whose text contains
// the searched one, as trigrams: on SQLite the FTS5 table up_users_search, on PostgreSQL a
// GIN index on up_users_search_text(...). Neither decides alone: trigram matching folds
// case its own way (FTS5 over all of Unicode, where SQLite's lower() and LIKE fold ASCII
// only), so the index gives candidates, a superset of the matches, and the filter's own
// predicate, written after it, decides as it did without the index. Replacing a match P
// with (candidates AND P) therefore selects the same users wherever P stands, under OR
// and NOT included (but for a NULL P under NOT: renderMatch); it is only faster where the
// index can drive the query, as a condition every selected user must meet.

// searchField is the index's column holding the attribute's text ("" when it is not
// indexed): the user's text columns, the id's digits, and the custom text fields (every
// value of the profile JSON is indexed, under profile).
func searchField(a sq.Attr) (string, bool) {
	switch {
	case a.Custom:
		return "profile", a.Kind == sq.Text
	case a.Relation != "":
		return "", false
	}
	switch a.Name {
	case "id":
		return "id", true
	case "documentId":
		return "document_id", true
	case "username", "email", "provider":
		return a.Name, true
	}
	return "", false
}

// minSearchRunes is the shortest text the trigram indexes can find: a shorter one has no
// trigram, and its match scans the table as before.
const minSearchRunes = 3

// candidates writes the condition "the index finds text in field" (any field when field
// is "") and reports whether it did: not when the index is missing or cannot look text up
// (too short; not valid UTF-8 or holding NUL, which FTS5's query syntax cannot quote).
func (w *sqlWriter) candidates(field, text string) bool {
	if !w.indexed || utf8.RuneCountInString(text) < minSearchRunes || !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		return false
	}
	if w.dialect == postgresDialect {
		// The indexed expression exactly, so that the planner matches it with the index;
		// lower-cased, the pattern matches the lower-cased text (a superset of matches of
		// the original and case-sensitive ones).
		w.write(`up_users_search_text(u.id, u.document_id, u.username, u.email, u.provider, u.profile) LIKE lower(`)
		w.arg("%" + likeEscape(text) + "%")
		w.write(`) ESCAPE '\'`)
		return true
	}
	// An FTS5 phrase, its quotes doubled: the text as one string, whatever it holds; the
	// trigram tokenizer finds it as a substring of the field.
	phrase := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
	if field != "" {
		phrase = field + " : " + phrase
	}
	w.write("u.id IN (SELECT rowid FROM up_users_search WHERE up_users_search MATCH ")
	w.arg(phrase)
	w.write(")")
	return true
}

// userSelectColumns are the columns every users query reads, the user's and its role's, in
// the order scanUserEntry reads them.
const userSelectColumns = "u.id, u.document_id, u.username, u.email, u.provider, u.confirmed, u.blocked, " +
	"u.created_at, u.updated_at, u.published_at, u.profile, " +
	"r.id, r.document_id, r.name, r.description, r.type, r.created_at, r.updated_at, r.published_at"

const userFrom = " FROM up_users u LEFT JOIN up_roles r ON r.id = u.role_id"

func renderWhere(w *sqlWriter, q *sq.Query, id *int64) {
	w.write(" WHERE ")
	var all sq.AllOf
	if id != nil {
		all = append(all, sq.Cmp{Attr: sq.UserAttr("id"), Op: "=", Val: *id})
	}
	if q.Where != nil {
		all = append(all, q.Where)
	}
	if q.Search != "" {
		all = append(all, searchExpr{text: q.Search, custom: q.SearchFields})
	}
	render(w, all)
}

// selectSQL is the query listing the users the query selects, in its order, within start
// and limit; or, with id, the one user with that id if the filters select it.
func selectSQL(q *sq.Query, d dialect, indexed bool, id *int64) (string, []any) {
	w := &sqlWriter{dialect: d, indexed: indexed}
	w.write("SELECT ", userSelectColumns, userFrom)
	renderWhere(w, q, id)
	var order []string
	idSorted := false
	for _, s := range q.Sort {
		c := columnOf(s.Attr, d)
		term := w.ordered(c)
		if s.Desc {
			term += " DESC"
		} else {
			term += " ASC"
		}
		if c.nullable { // PostgreSQL's place of NULLs, on both engines
			if s.Desc {
				term += " NULLS FIRST"
			} else {
				term += " NULLS LAST"
			}
		}
		order = append(order, term)
		idSorted = idSorted || s.Attr == sq.UserAttr("id")
	}
	// Strapi has no default order (the database's): here insertion order, and the id as the
	// last key, so that pages are stable.
	if !idSorted {
		order = append(order, "u.id ASC")
	}
	w.write(" ORDER BY ", strings.Join(order, ", "))
	switch {
	case q.Limit > 0:
		w.write(" LIMIT ")
		w.arg(q.Limit)
	case q.Offset > 0 && d == sqliteDialect:
		w.write(" LIMIT -1") // SQLite has no OFFSET without LIMIT
	}
	if q.Offset > 0 {
		w.write(" OFFSET ")
		w.arg(q.Offset)
	}
	return w.b.String(), w.args
}

// countSQL is the query counting the users the query's filters and _q select.
func countSQL(q *sq.Query, d dialect, indexed bool) (string, []any) {
	w := &sqlWriter{dialect: d, indexed: indexed}
	w.write("SELECT count(*)", userFrom)
	renderWhere(w, q, nil)
	return w.b.String(), w.args
}
