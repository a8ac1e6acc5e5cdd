package auth

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The query language of the users API (GET /api/users, /api/users/count, /api/users/:id),
// as Strapi's REST API speaks it: filters, _q, sort, fields, populate, start and limit,
// read from the raw query string with qs's syntax (qs.go).
//
// ParseUserQuery validates a query string against the user model (Strapi's validateQuery:
// private and unknown keys give 400 "Invalid key <k>") and turns it into a small tree of
// conditions over a whitelist of columns. The SQL is written only from that tree: column
// names and operators come from the tables below, every value is a bound argument. The
// same SQL runs on PostgreSQL and SQLite; where the engines differ (case-insensitive
// matching, text ordering, LIKE and case), the SQL is written so that both answer alike.
// This is the one SQL of the service that is not a sqlc query (queries/): Strapi's filter
// language nests any number of $and/$or/$not over any attribute, which no fixed statement
// can express (see store.Select).

// MaxQueryValueLength bounds a filter value and the _q search, in characters: longer than
// any value stored (usernames and emails stop at 255), and far below what makes SQLite's
// LIKE fail (patterns over 50 000 bytes).
const MaxQueryValueLength = 1024

// tooLongValue reports whether a filter value, or one of a list's, is over
// MaxQueryValueLength.
func tooLongValue(v any) bool {
	switch t := v.(type) {
	case string:
		return utf8.RuneCountInString(t) > MaxQueryValueLength
	case []any:
		return slices.ContainsFunc(t, tooLongValue)
	}
	return false
}

// colKind is the type of a column, which says how filter values convert.
type colKind int

const (
	kindInt colKind = iota
	kindText
	kindBool
	kindTime
)

// column is an attribute of the model as SQL sees it.
type column struct {
	expr     string // u.username
	kind     colKind
	nullable bool
}

// The attributes of the user model the API shows, and their columns.
var userColumns = map[string]column{
	"id":          {"u.id", kindInt, false},
	"documentId":  {"u.document_id", kindText, false},
	"username":    {"u.username", kindText, false},
	"email":       {"u.email", kindText, false},
	"provider":    {"u.provider", kindText, false},
	"confirmed":   {"u.confirmed", kindBool, false},
	"blocked":     {"u.blocked", kindBool, false},
	"createdAt":   {"u.created_at", kindTime, false},
	"updatedAt":   {"u.updated_at", kindTime, false},
	"publishedAt": {"u.published_at", kindTime, false},
}

// The attributes of the role (through the user's role relation). Every column may be NULL:
// the role is LEFT JOINed, and a user may have none.
var roleColumns = map[string]column{
	"id":          {"r.id", kindInt, true},
	"documentId":  {"r.document_id", kindText, true},
	"name":        {"r.name", kindText, true},
	"description": {"r.description", kindText, true},
	"type":        {"r.type", kindText, true},
	"createdAt":   {"r.created_at", kindTime, true},
	"updatedAt":   {"r.updated_at", kindTime, true},
	"publishedAt": {"r.published_at", kindTime, true},
}

// Attributes of Strapi's models that exist but are never shown (password, one-time codes,
// the admin creator relations, the i18n locale), and the role's own relations, which this
// API does not follow. Naming them is "Invalid key" with a path.
var (
	userHidden = []string{"password", "resetPasswordToken", "confirmationToken", "createdBy", "updatedBy", "locale"}
	roleHidden = []string{"createdBy", "updatedBy", "locale", "users", "permissions"}
)

// roleRelation is the user's one relation.
const roleRelation = "role"

// UserQuery is a validated query of the users API.
type UserQuery struct {
	where  sqlExpr // nil: every user
	search string  // _q
	sort   []sortTerm
	// Fields are the attributes to show (id and documentId always come); nil: all of them.
	Fields []string
	// PopulateRole: the role was asked for, and the caller may see roles.
	PopulateRole bool
	// RoleFields are the role's attributes to show (populate[role][fields]=name; id and
	// documentId always come); nil: all of them.
	RoleFields []string
	offset     int64
	limit      int64 // < 0: no limit
}

type sortTerm struct {
	col  column
	desc bool
}

// queryError is Strapi's "Invalid key <k>" for a query parameter: 400 ValidationError with
// details {key, path, source: "query", param}.
func queryError(param, key, path, reason string) *Error {
	msg := "Invalid key " + key
	if path != "" && path != key {
		msg += " at " + path
	}
	if reason != "" {
		msg += ": " + reason
	}
	return &Error{Kind: KindValidation, Message: msg, Query: &QueryKey{Key: key, Path: path, Param: param}}
}

// convError is an error of Strapi's query conversion: a plain 400 ValidationError.
func convError(format string, args ...any) *Error {
	return &Error{Kind: KindValidation, Message: fmt.Sprintf(format, args...)}
}

// paramErrors keeps the first error of each kind found in one parameter, since Strapi
// validates in passes: unknown keys over the whole parameter first, then hidden ones, and
// only after every parameter was validated, converts them.
type paramErrors struct {
	unknown, hidden, conv *Error
}

// unknownKey records a key that is no attribute of the model.
func (p *paramErrors) unknownKey(err *Error) { first(&p.unknown, err) }

// hiddenKey records an attribute the API never shows (a password, a one-time code).
func (p *paramErrors) hiddenKey(err *Error) { first(&p.hidden, err) }

// convert records a value or a shape the query cannot be built from.
func (p *paramErrors) convert(err *Error) { first(&p.conv, err) }

func first(dst **Error, err *Error) {
	if *dst == nil {
		*dst = err
	}
}

func (p *paramErrors) validation() *Error {
	if p.unknown != nil {
		return p.unknown
	}
	return p.hidden
}

// ParseUserQuery reads the users API's query from a raw query string. mayFindRoles says
// whether the caller may list roles (plugin::users-permissions.role.find): without it,
// filters, sorts and populates of the role are dropped silently, as Strapi's sanitizer
// drops relations the caller cannot see.
func ParseUserQuery(rawQuery string, mayFindRoles bool) (*UserQuery, error) {
	qs := parseQS(rawQuery)
	q := &UserQuery{limit: -1}
	var fe, se, fie, pe paramErrors

	if v, ok := qs.get("filters"); ok && v != nil {
		fp := filterParser{mayFindRoles: mayFindRoles, errs: &fe}
		switch f := v.(type) {
		case *qsObject:
			q.where = fp.where(f, userColumns, userHidden, "", true)
		case []any:
			var all allOf
			for _, e := range f {
				o, isObj := e.(*qsObject)
				if !isObj {
					fe.convert(convError("Where must be an array or an object"))
					continue
				}
				all = append(all, fp.where(o, userColumns, userHidden, "", true))
			}
			q.where = all
		default:
			fe.convert(convError("The filters parameter must be an object or an array"))
		}
	}
	if v, ok := qs.get("sort"); ok && v != nil {
		q.sort = parseSort(v, mayFindRoles, &se)
	}
	if v, ok := qs.get("fields"); ok && v != nil {
		q.Fields = parseFields(v, &fie)
	}
	if v, ok := qs.get("populate"); ok && v != nil {
		role, roleFields := parsePopulate(v, &pe)
		q.PopulateRole = role && mayFindRoles
		q.RoleFields = roleFields
	}
	for _, p := range []*paramErrors{&fe, &se, &fie, &pe} {
		if err := p.validation(); err != nil {
			return nil, err
		}
	}
	// Then Strapi's conversion, in its order: sort, filters, fields, populate, start, limit.
	for _, p := range []*paramErrors{&se, &fe, &fie, &pe} {
		if p.conv != nil {
			return nil, p.conv
		}
	}
	if v, ok := qs.get("_q"); ok {
		if s, isStr := v.(string); isStr {
			if utf8.RuneCountInString(s) > MaxQueryValueLength {
				return nil, convError("Invalid value for _q: at most %d characters", MaxQueryValueLength)
			}
			q.search = s
		}
	}
	if v, ok := qs.get("start"); ok && v != nil {
		n, valid := queryInt(v)
		if !valid || n < 0 {
			return nil, convError("convertStartQueryParams expected a positive integer got %s", jsNumberOf(v))
		}
		q.offset = n
	}
	if v, ok := qs.get("limit"); ok && v != nil {
		n, valid := queryInt(v)
		if !valid || (n != -1 && n < 0) {
			return nil, convError("convertLimitQueryParams expected a positive integer got %s", jsNumberOf(v))
		}
		if n > 0 { // as Strapi's query builder, a limit of 0 (or -1) is no limit
			q.limit = n
		}
	}
	return q, nil
}

// ParseMeQuery reads the query of GET /api/users/me: the same validation as the users
// API's, of which only fields and populate apply (Strapi 5's me controller). The caller's
// own role may always be populated (decision D11). An empty query costs nothing.
func ParseMeQuery(rawQuery string) (*UserQuery, error) {
	if rawQuery == "" {
		return &UserQuery{limit: -1}, nil
	}
	return ParseUserQuery(rawQuery, true)
}

// ---- filters

type filterParser struct {
	mayFindRoles bool
	errs         *paramErrors
}

// where reads an object of conditions over a model (the user, or its role): attribute
// names, and the group operators $and, $or, $not.
func (p *filterParser) where(o *qsObject, cols map[string]column, hidden []string, path string, isUser bool) sqlExpr {
	var all allOf
	for _, key := range o.keys {
		v := o.vals[key]
		switch {
		case key == "$and" || key == "$or":
			list, ok := v.([]any)
			if !ok {
				p.errs.convert(queryError("filters", key, path, "expected an array"))
				continue
			}
			var group []sqlExpr
			for _, e := range list {
				sub, isObj := e.(*qsObject)
				if !isObj {
					p.errs.convert(queryError("filters", key, path, "expected an array of objects"))
					continue
				}
				group = append(group, p.where(sub, cols, hidden, path, isUser))
			}
			if key == "$and" {
				all = append(all, allOf(group))
			} else {
				all = append(all, anyOf(group))
			}
		case key == "$not":
			sub, ok := v.(*qsObject)
			if !ok {
				p.errs.convert(queryError("filters", key, path, "expected an object"))
				continue
			}
			all = append(all, notExpr{p.where(sub, cols, hidden, path, isUser)})
		case isOperator(key):
			p.errs.convert(queryError("filters", key, path, "only $and, $or and $not can be used here"))
		case isUser && key == roleRelation:
			if !p.mayFindRoles {
				continue // the caller cannot see roles: the filter is dropped, as Strapi sanitizes it
			}
			all = append(all, p.role(v))
		default:
			attrPath := joinPath(path, key)
			col, ok := cols[key]
			if !ok {
				if slices.Contains(hidden, key) {
					p.errs.hiddenKey(queryError("filters", key, attrPath, ""))
				} else {
					p.errs.unknownKey(queryError("filters", key, path, ""))
				}
				continue
			}
			all = append(all, p.attribute(col, v, attrPath))
		}
	}
	return all
}

// role reads a condition on the user's role: an id (or a list of ids), operators on the
// id, or an object of conditions on the role's attributes.
func (p *filterParser) role(v any) sqlExpr {
	idCol := roleColumns["id"]
	o, ok := v.(*qsObject)
	if !ok {
		return p.attribute(idCol, v, roleRelation)
	}
	ops := 0
	for _, k := range o.keys {
		if isOperator(k) {
			ops++
		}
	}
	switch {
	case ops == 0:
		return p.where(o, roleColumns, roleHidden, roleRelation, false)
	case ops != o.len():
		p.errs.convert(queryError("filters", roleRelation, roleRelation, "operators and attributes cannot be mixed"))
		return allOf{}
	case o.keys[0] == "$and" || o.keys[0] == "$or" || o.keys[0] == "$not":
		return p.where(o, roleColumns, roleHidden, roleRelation, false)
	default:
		return p.attribute(idCol, o, roleRelation)
	}
}

// attribute reads the condition on one attribute: a value (equality), a list of values
// (IN), or an object of operators.
func (p *filterParser) attribute(col column, v any, path string) sqlExpr {
	switch t := v.(type) {
	case *qsObject:
		var all allOf
		for _, op := range t.keys {
			if !isWhereOperator(op) {
				if isOperator(op) { // $and, $or: not at attribute level
					p.errs.convert(queryError("filters", op, path, "only attribute operators can be used here"))
				} else {
					p.errs.unknownKey(queryError("filters", op, path, ""))
				}
				continue
			}
			all = append(all, p.operator(col, op, t.vals[op], path, op))
		}
		return all
	case []any:
		return p.operator(col, "$in", t, path, lastKey(path))
	default:
		return p.operator(col, "$eq", v, path, lastKey(path))
	}
}

// operator reads one operator and its value. key is what an error names: the operator, or
// the attribute when the operator was implicit (filters[id]=1).
func (p *filterParser) operator(col column, op string, v any, path, key string) sqlExpr {
	if list, isList := v.([]any); isList && op != "$in" && op != "$notIn" && op != "$between" {
		// A list for a single-value operator: any of the values (Strapi's knex ORs them).
		var alts anyOf
		for _, e := range list {
			alts = append(alts, p.operator(col, op, e, path, key))
		}
		return alts
	}
	fail := func(reason string) sqlExpr {
		p.errs.convert(queryError("filters", key, path, reason))
		return allOf{}
	}
	// badValue refuses a value its column cannot hold (Strapi fails there with a 500).
	badValue := func(v any, reason string) sqlExpr {
		p.errs.convert(&Error{
			Kind:    KindValidation,
			Message: fmt.Sprintf("Invalid value %q for %s: %s", jsString(v), path, reason),
			Query:   &QueryKey{Key: key, Path: path, Param: "filters"},
		})
		return allOf{}
	}
	if _, isObj := v.(*qsObject); isObj && op != "$not" {
		return fail("expected a value")
	}
	if tooLongValue(v) {
		p.errs.convert(&Error{
			Kind:    KindValidation,
			Message: fmt.Sprintf("Invalid value for %s: at most %d characters", path, MaxQueryValueLength),
			Query:   &QueryKey{Key: key, Path: path, Param: "filters"},
		})
		return allOf{}
	}
	switch op {
	case "$not":
		return notExpr{p.attribute(col, v, path)}
	case "$null", "$notNull":
		isNull := parseBool(v)
		if op == "$notNull" {
			isNull = !isNull
		}
		return nullExpr{col: col, isNull: isNull}
	case "$eq", "$ne":
		if v == nil {
			return nullExpr{col: col, isNull: op == "$eq"}
		}
		val, err := castValue(col, v)
		if err != "" {
			return badValue(v, err)
		}
		if op == "$eq" {
			return cmpExpr{col, "=", val}
		}
		return cmpExpr{col, "<>", val}
	case "$lt", "$lte", "$gt", "$gte":
		val, err := castValue(col, v)
		if err != "" {
			return badValue(v, err)
		}
		return cmpExpr{col, map[string]string{"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">="}[op], val}
	case "$in", "$notIn":
		list, isList := v.([]any)
		if !isList {
			list = []any{v}
		}
		vals := make([]any, 0, len(list))
		for _, e := range list {
			val, err := castValue(col, e)
			if err != "" {
				return badValue(e, err)
			}
			vals = append(vals, val)
		}
		return inExpr{col: col, vals: vals, not: op == "$notIn"}
	case "$between":
		list, isList := v.([]any)
		if !isList || len(list) != 2 {
			return fail("expected two values")
		}
		lo, err := castValue(col, list[0])
		if err != "" {
			return badValue(list[0], err)
		}
		hi, err := castValue(col, list[1])
		if err != "" {
			return badValue(list[1], err)
		}
		return allOf{cmpExpr{col, ">=", lo}, cmpExpr{col, "<=", hi}}
	case "$eqi", "$nei":
		if v == nil {
			return nullExpr{col: col, isNull: op == "$eqi"}
		}
		if col.kind == kindBool || col.kind == kindTime {
			return fail("applies to text only")
		}
		return matchExpr{col: col, text: jsString(v), mode: matchEqual, fold: true, not: op == "$nei"}
	default: // $contains, $notContains, $containsi, $notContainsi, $startsWith(i), $endsWith(i)
		if col.kind == kindBool || col.kind == kindTime {
			return fail("applies to text only")
		}
		m := matchExpr{col: col, text: jsString(v)}
		name := strings.TrimPrefix(op, "$")
		if strings.HasPrefix(name, "not") {
			m.not, name = true, strings.ToLower(name[3:4])+name[4:]
		}
		if strings.HasSuffix(name, "i") {
			m.fold, name = true, strings.TrimSuffix(name, "i")
		}
		switch name {
		case "contains":
			m.mode = matchContains
		case "startsWith":
			m.mode = matchPrefix
		case "endsWith":
			m.mode = matchSuffix
		}
		return m
	}
}

// The operators of Strapi's filters (utils operators.ts), and $nei, which this contract
// lists.
var (
	groupOperators = []string{"$and", "$or"}
	whereOperators = []string{
		"$not", "$in", "$notIn", "$eq", "$eqi", "$ne", "$nei", "$gt", "$gte", "$lt", "$lte", "$null", "$notNull",
		"$between", "$startsWith", "$endsWith", "$startsWithi", "$endsWithi",
		"$contains", "$notContains", "$containsi", "$notContainsi",
	}
)

func isWhereOperator(k string) bool { return slices.Contains(whereOperators, k) }
func isOperator(k string) bool      { return isWhereOperator(k) || slices.Contains(groupOperators, k) }

func lastKey(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// castValue converts a filter value to its column's type, as Strapi's fields do (toDB).
// It returns a reason when the value cannot be one (Strapi answers 500 there; here 400).
func castValue(col column, v any) (any, string) {
	if v == nil {
		return nil, ""
	}
	s, ok := v.(string)
	if !ok {
		return nil, "expected a value"
	}
	switch col.kind {
	case kindInt:
		t := strings.TrimSpace(s)
		if t == "" {
			return int64(0), "" // JavaScript's Number("") is 0
		}
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			return n, ""
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return int64(f), "" // 1e3, 2.0
		}
		return nil, "expected an integer"
	case kindBool:
		return parseBool(s), ""
	case kindTime:
		t, err := parseDateTime(s)
		if err != nil {
			return nil, "expected an ISO 8601 date or a timestamp in milliseconds"
		}
		return t, ""
	default:
		return s, ""
	}
}

// parseBool reads a boolean as Strapi's boolean field does: "true", "t", "1" and "false",
// "f", "0"; anything else is JavaScript's Boolean(value).
func parseBool(v any) bool {
	s, ok := v.(string)
	if !ok {
		return v != nil
	}
	switch s {
	case "true", "t", "1":
		return true
	case "false", "f", "0":
		return false
	}
	return s != ""
}

// parseDateTime reads an ISO 8601 date or date-time (UTC unless it says otherwise), or a
// timestamp in milliseconds, truncated to the millisecond the API shows.
func parseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.UnixMilli(n).UTC(), nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Millisecond), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// jsString is `${value}` in JavaScript, for the text operators.
func jsString(v any) string {
	if v == nil {
		return "null"
	}
	switch t := v.(type) {
	case string:
		return t
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			if e != nil {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// queryInt reads start or limit as lodash's toNumber followed by isInteger.
func queryInt(v any) (int64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// jsNumberOf prints toNumber(value) as JavaScript would, for Strapi's messages.
func jsNumberOf(v any) string {
	s, ok := v.(string)
	if !ok {
		return "NaN"
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "0"
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "NaN"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// ---- sort, fields, populate

// parseSort reads sort=username:asc,id:desc and its forms sort[0]=id:desc,
// sort[username]=desc, sort[0][username]=desc, sort=role.name.
func parseSort(v any, mayFindRoles bool, errs *paramErrors) []sortTerm {
	var out []sortTerm
	add := func(path []string, order string) {
		order = strings.TrimSpace(order)
		if order == "" {
			return
		}
		lower := strings.ToLower(order)
		if lower != "asc" && lower != "desc" {
			errs.convert(convError("Invalid order. order can only be one of asc|desc|ASC|DESC"))
			return
		}
		col, ok := sortColumn(path, mayFindRoles, errs)
		if ok {
			out = append(out, sortTerm{col: col, desc: lower == "desc"})
		}
	}
	var fromString func(s string)
	fromString = func(s string) {
		for _, seg := range strings.Split(s, ",") {
			seg = strings.TrimSpace(seg)
			if seg == "" {
				continue
			}
			field, order, found := strings.Cut(seg, ":")
			if !found {
				order = "asc"
			}
			field = strings.TrimSpace(field)
			if field == "" {
				errs.convert(convError("Field cannot be empty"))
				continue
			}
			add(strings.Split(field, "."), order)
		}
	}
	var fromObject func(o *qsObject, prefix []string)
	fromObject = func(o *qsObject, prefix []string) {
		for _, k := range o.keys {
			path := append(slices.Clone(prefix), k)
			switch t := o.vals[k].(type) {
			case *qsObject:
				fromObject(t, path)
			case string:
				add(path, t)
			default:
				errs.convert(convError("Invalid sort type expected object or string got %s", jsTypeOf(t)))
			}
		}
	}
	switch t := v.(type) {
	case string:
		fromString(t)
	case *qsObject:
		fromObject(t, nil)
	case []any:
		for _, e := range t {
			switch et := e.(type) {
			case string:
				fromString(et)
			case *qsObject:
				fromObject(et, nil)
			default:
				errs.convert(convError("Invalid sort parameter. Expected a string, an array of strings, a sort object or an array of sort objects"))
			}
		}
	}
	return out
}

// sortColumn validates a sort path: a user attribute, or role.<attribute> (dropped when
// the caller cannot see roles).
func sortColumn(path []string, mayFindRoles bool, errs *paramErrors) (column, bool) {
	key := path[0]
	_, isColumn := userColumns[key]
	switch {
	case isColumn && len(path) == 1:
		return userColumns[key], true
	case key == roleRelation && len(path) > 1:
		if !mayFindRoles {
			return column{}, false // dropped, as Strapi's sanitizer drops it
		}
		sub := path[1]
		if col, ok := roleColumns[sub]; ok && len(path) == 2 {
			return col, true
		}
		if slices.Contains(roleHidden, sub) {
			errs.hiddenKey(queryError("sort", sub, roleRelation+"."+sub, ""))
		} else {
			errs.unknownKey(queryError("sort", sub, roleRelation, ""))
		}
	case slices.Contains(userHidden, key):
		errs.hiddenKey(queryError("sort", key, key, ""))
	case isColumn || key == roleRelation: // an attribute with a sub-path, or the relation itself
		errs.unknownKey(queryError("sort", key, key, ""))
	default:
		errs.unknownKey(queryError("sort", key, "", ""))
	}
	return column{}, false
}

// parseFields reads fields=username,email and fields[0]=username; "*" is every field.
func parseFields(v any, errs *paramErrors) []string {
	return parseFieldsOf(v, userColumns, userHidden, "fields", "", errs)
}

// parseFieldsOf reads a list of attribute names of a model (fields=a,b, fields[0]=a) in
// the query parameter param, prefix being where the model sits ("" for the user, "role."
// for its role). A private attribute is "Invalid key" with its path; an unknown one has no
// path, as Strapi's validator reports them.
func parseFieldsOf(v any, cols map[string]column, hidden []string, param, prefix string, errs *paramErrors) []string {
	var names []string
	switch t := v.(type) {
	case string:
		if t == "*" {
			return nil
		}
		names = splitTrim(t)
	case []any:
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				errs.convert(convError("Invalid fields parameter. Expected a string or an array of strings"))
				return nil
			}
			names = append(names, splitTrim(s)...)
		}
	default:
		errs.convert(convError("Invalid fields parameter. Expected a string or an array of strings"))
		return nil
	}
	out := []string{"id", "documentId"}
	for _, n := range names {
		_, ok := cols[n]
		switch {
		case ok:
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		case slices.Contains(hidden, n):
			errs.hiddenKey(queryError(param, n, prefix+n, ""))
		case prefix == "" && n == roleRelation: // a relation is not a field
			errs.unknownKey(queryError(param, n, n, ""))
		default:
			errs.unknownKey(queryError(param, n, "", ""))
		}
	}
	return out
}

// parsePopulate reads populate=role, *, populate[0]=role, populate[role]=true and
// populate[role][fields][0]=name, and reports whether the role is asked for and which of
// its fields (nil: all).
func parsePopulate(v any, errs *paramErrors) (role bool, roleFields []string) {
	fromPath := func(p string) { // role, or role.<relation of the role>: the role
		head, _, _ := strings.Cut(p, ".")
		if head = strings.TrimSpace(head); head == roleRelation {
			role = true
		} else {
			errs.unknownKey(queryError("populate", head, head, ""))
		}
	}
	switch t := v.(type) {
	case string:
		if t == "*" {
			return true, nil
		}
		for _, p := range splitTrim(t) {
			if p != "" {
				fromPath(p)
			}
		}
	case []any:
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				errs.convert(convError("Invalid populate parameter. Expected a string, an array of strings, a populate object"))
				continue
			}
			for _, p := range splitTrim(s) {
				if p != "" {
					fromPath(p)
				}
			}
		}
	case *qsObject:
		for _, k := range t.keys {
			sub := t.vals[k]
			switch {
			case k == roleRelation:
				switch sv := sub.(type) {
				case string:
					if sv == "*" || parseBool(sv) {
						role = true
					}
				case *qsObject:
					role = true // of the role's own options, fields applies (it has no relation shown)
					if f, ok := sv.vals["fields"]; ok && f != nil {
						roleFields = parseFieldsOf(f, roleColumns, roleHidden, "populate", roleRelation+".", errs)
					}
				}
			case isUserAttribute(k): // not a relation
				errs.unknownKey(queryError("populate", k, k, ""))
			default:
				errs.unknownKey(queryError("populate", k, "", ""))
			}
		}
	}
	return role, roleFields
}

func isUserAttribute(k string) bool {
	_, ok := userColumns[k]
	return ok || slices.Contains(userHidden, k)
}

func splitTrim(s string) []string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func jsTypeOf(v any) string {
	switch v.(type) {
	case nil:
		return "object"
	case []any:
		return "object"
	}
	return "string"
}

// ---- SQL

// sqlWriter writes a query and collects its arguments.
type sqlWriter struct {
	b           strings.Builder
	args        []any
	placeholder func(n int) string
	postgres    bool
}

func (w *sqlWriter) write(s ...string) {
	for _, p := range s {
		w.b.WriteString(p)
	}
}

// arg binds v and writes its placeholder.
func (w *sqlWriter) arg(v any) {
	w.args = append(w.args, v)
	w.b.WriteString(w.placeholder(len(w.args)))
}

// ordered is a column as compared or sorted: text in byte order on both engines (SQLite's
// BINARY collation; on PostgreSQL the "C" collation, whatever the database's locale).
func (w *sqlWriter) ordered(c column) string {
	if c.kind == kindText && w.postgres {
		return c.expr + ` COLLATE "C"`
	}
	return c.expr
}

// text is a column as a text operator sees it: the id's digits for the id.
func (w *sqlWriter) text(c column) string {
	if c.kind == kindInt {
		return "CAST(" + c.expr + " AS TEXT)"
	}
	return c.expr
}

type sqlExpr interface{ render(w *sqlWriter) }

// allOf is AND, anyOf is OR (see renderGroup for empty ones).
type (
	allOf []sqlExpr
	anyOf []sqlExpr
)

type notExpr struct{ e sqlExpr }

type cmpExpr struct {
	col column
	op  string // = <> < <= > >=
	val any
}

type inExpr struct {
	col  column
	vals []any
	not  bool
}

type nullExpr struct {
	col    column
	isNull bool
}

type matchMode int

const (
	matchEqual matchMode = iota
	matchContains
	matchPrefix
	matchSuffix
)

type matchExpr struct {
	col  column
	text string
	mode matchMode
	fold bool // case-insensitive (ASCII on SQLite)
	not  bool
}

// Groups behave as Strapi's knex builds them: a group with no condition (a filter the
// caller may not use was dropped, or nothing was left in it) is left out of the query, not
// taken as true or false; a query with no condition at all is 1=1.
func renderGroup(w *sqlWriter, list []sqlExpr, sep string) {
	var parts []sqlExpr
	for _, e := range list {
		if !isEmpty(e) {
			parts = append(parts, e)
		}
	}
	switch len(parts) {
	case 0:
		w.write("1=1")
	case 1:
		parts[0].render(w)
	default:
		w.write("(")
		for i, e := range parts {
			if i > 0 {
				w.write(sep)
			}
			e.render(w)
		}
		w.write(")")
	}
}

// isEmpty reports whether e holds no condition.
func isEmpty(e sqlExpr) bool {
	switch t := e.(type) {
	case allOf:
		return !slices.ContainsFunc(t, func(x sqlExpr) bool { return !isEmpty(x) })
	case anyOf:
		return !slices.ContainsFunc(t, func(x sqlExpr) bool { return !isEmpty(x) })
	case notExpr:
		return isEmpty(t.e)
	}
	return false
}

func (a allOf) render(w *sqlWriter) { renderGroup(w, a, " AND ") }

func (a anyOf) render(w *sqlWriter) { renderGroup(w, a, " OR ") }

func (n notExpr) render(w *sqlWriter) {
	if isEmpty(n.e) {
		w.write("1=1")
		return
	}
	w.write("NOT (")
	n.e.render(w)
	w.write(")")
}

func (c cmpExpr) render(w *sqlWriter) {
	if c.val == nil {
		(nullExpr{col: c.col, isNull: c.op == "="}).render(w)
		return
	}
	if t, ok := c.val.(time.Time); ok {
		// Times are stored to the microsecond but shown to the millisecond: compare with
		// the millisecond shown, so that a value read from the API finds its user.
		next := t.Add(time.Millisecond)
		bound := func(op string, v time.Time) {
			w.write(c.col.expr, " ", op, " ")
			w.arg(v)
		}
		switch c.op {
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
	col := c.col.expr
	if c.op != "=" && c.op != "<>" {
		col = w.ordered(c.col)
	}
	w.write(col, " ", c.op, " ")
	w.arg(c.val)
}

func (in inExpr) render(w *sqlWriter) {
	if len(in.vals) == 0 { // as knex: IN () is false, NOT IN () true
		if in.not {
			w.write("1=1")
		} else {
			w.write("1=0")
		}
		return
	}
	if in.col.kind == kindTime || slices.Contains(in.vals, nil) {
		var alts anyOf
		for _, v := range in.vals {
			alts = append(alts, cmpExpr{in.col, "=", v})
		}
		if in.not {
			notExpr{alts}.render(w)
		} else {
			alts.render(w)
		}
		return
	}
	w.write(in.col.expr)
	if in.not {
		w.write(" NOT")
	}
	w.write(" IN (")
	for i, v := range in.vals {
		if i > 0 {
			w.write(", ")
		}
		w.arg(v)
	}
	w.write(")")
}

func (n nullExpr) render(w *sqlWriter) {
	if n.isNull {
		w.write(n.col.expr, " IS NULL")
	} else {
		w.write(n.col.expr, " IS NOT NULL")
	}
}

// render writes a text match. Case-sensitive matches compare bytes on both engines
// (PostgreSQL's LIKE; SQLite's GLOB, its LIKE being case-insensitive); case-insensitive
// ones lower both sides (lower() folds ASCII only on SQLite). The value matches literally:
// its %, _ (and GLOB's *, ?, [) are escaped.
func (m matchExpr) render(w *sqlWriter) {
	col := w.text(m.col)
	if m.not {
		w.write("NOT (")
		defer w.write(")")
	}
	if m.mode == matchEqual {
		w.write("lower(", col, ") = lower(")
		w.arg(m.text)
		w.write(")")
		return
	}
	switch {
	case m.fold:
		w.write("lower(", col, ") LIKE lower(")
		w.arg(suffixOrPrefix(m.mode, likeEscape(m.text), "%"))
		w.write(`) ESCAPE '\'`)
	case w.postgres:
		w.write(col, " LIKE ")
		w.arg(suffixOrPrefix(m.mode, likeEscape(m.text), "%"))
		w.write(` ESCAPE '\'`)
	default:
		w.write(col, " GLOB ")
		w.arg(suffixOrPrefix(m.mode, globEscape(m.text), "*"))
	}
}

func suffixOrPrefix(mode matchMode, s, any string) string {
	switch mode {
	case matchContains:
		return any + s + any
	case matchPrefix:
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
type searchExpr struct{ text string }

func (s searchExpr) render(w *sqlWriter) {
	w.write("(")
	for i, c := range []column{userColumns["id"], userColumns["documentId"], userColumns["username"], userColumns["email"], userColumns["provider"]} {
		if i > 0 {
			w.write(" OR ")
		}
		w.write("lower(", w.text(c), ") LIKE lower(")
		w.arg("%" + likeEscape(s.text) + "%")
		w.write(`) ESCAPE '\'`)
	}
	w.write(")")
}

// userSelectColumns are the columns every users query reads, the user's and its role's, in
// the order scanUserEntry reads them.
const userSelectColumns = "u.id, u.document_id, u.username, u.email, u.provider, u.confirmed, u.blocked, " +
	"u.created_at, u.updated_at, u.published_at, " +
	"r.id, r.document_id, r.name, r.description, r.type, r.created_at, r.updated_at, r.published_at"

const userFrom = " FROM up_users u LEFT JOIN up_roles r ON r.id = u.role_id"

func (q *UserQuery) renderWhere(w *sqlWriter, id *int64) {
	w.write(" WHERE ")
	var all allOf
	if id != nil {
		all = append(all, cmpExpr{userColumns["id"], "=", *id})
	}
	if q.where != nil {
		all = append(all, q.where)
	}
	if q.search != "" {
		all = append(all, searchExpr{q.search})
	}
	all.render(w)
}

// SelectSQL is the query listing the users the query selects, in its order, within start
// and limit; or, with id, the one user with that id if the filters select it.
func (q *UserQuery) SelectSQL(placeholder func(int) string, postgres bool, id *int64) (string, []any) {
	w := &sqlWriter{placeholder: placeholder, postgres: postgres}
	w.write("SELECT ", userSelectColumns, userFrom)
	q.renderWhere(w, id)
	var order []string
	idSorted := false
	for _, s := range q.sort {
		term := w.ordered(s.col)
		if s.desc {
			term += " DESC"
		} else {
			term += " ASC"
		}
		if s.col.nullable { // PostgreSQL's place of NULLs, on both engines
			if s.desc {
				term += " NULLS FIRST"
			} else {
				term += " NULLS LAST"
			}
		}
		order = append(order, term)
		idSorted = idSorted || s.col == userColumns["id"]
	}
	// Strapi has no default order (the database's): here insertion order, and the id as the
	// last key, so that pages are stable.
	if !idSorted {
		order = append(order, "u.id ASC")
	}
	w.write(" ORDER BY ", strings.Join(order, ", "))
	switch {
	case q.limit > 0:
		w.write(" LIMIT ")
		w.arg(q.limit)
	case q.offset > 0 && !postgres:
		w.write(" LIMIT -1") // SQLite has no OFFSET without LIMIT
	}
	if q.offset > 0 {
		w.write(" OFFSET ")
		w.arg(q.offset)
	}
	return w.b.String(), w.args
}

// CountSQL is the query counting the users the query's filters and _q select.
func (q *UserQuery) CountSQL(placeholder func(int) string, postgres bool) (string, []any) {
	w := &sqlWriter{placeholder: placeholder, postgres: postgres}
	w.write("SELECT count(*)", userFrom)
	q.renderWhere(w, nil)
	return w.b.String(), w.args
}
