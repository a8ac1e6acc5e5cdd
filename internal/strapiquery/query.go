// Package strapiquery reads the query language of Strapi's REST API as the users routes
// speak it (GET /api/users, /api/users/count, /api/users/:id, /api/users/me): filters, _q,
// sort, fields, populate, start and limit, from the raw query string with qs's syntax
// (qs.go). Parse validates a query string against the user model (Strapi's validateQuery:
// private and unknown keys give 400 "Invalid key <k>") and turns it into a Query: a small
// tree of conditions over the model's attributes, with every value converted to its
// attribute's type. It writes no SQL: the store renders the tree, with every value bound as
// an argument.
package strapiquery

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxValueLength bounds a filter value and the _q search, in characters: longer than any
// value stored (usernames and emails stop at 255), and far below what makes SQLite's LIKE
// fail (patterns over 50 000 bytes).
const MaxValueLength = 1024

// tooLongValue reports whether a filter value, or one of a list's, is over MaxValueLength.
func tooLongValue(v any) bool {
	switch t := v.(type) {
	case string:
		return utf8.RuneCountInString(t) > MaxValueLength
	case []any:
		return slices.ContainsFunc(t, tooLongValue)
	}
	return false
}

// Kind is the type of an attribute, which says how filter values convert.
type Kind int

// The kinds of attributes.
const (
	Int Kind = iota
	Text
	Bool
	Time
	// The kinds of custom fields (stored in the profile JSON): numbers (integer, decimal,
	// float), whole numbers kept as text (biginteger), dates, datetimes and times kept as
	// ISO text, and JSON values, which can be chosen with fields but not filtered or sorted.
	Number
	BigInt
	Date
	DateTime
	ClockTime
	JSONValue
)

// Attr is an attribute a query names: one of the user's (Relation "") or of its role
// (Relation "role").
type Attr struct {
	Relation string
	Name     string
	Kind     Kind
	Custom   bool // a custom field of the operator's declaration, kept in the profile JSON
}

// Model is the user model a query is validated against: the built-in attributes, and the
// custom fields of the operator's declaration.
type Model struct {
	attrs  map[string]Attr
	hidden []string
	search []Attr // custom text fields, which _q searches
}

// BaseModel is the user model without custom fields.
var BaseModel = &Model{attrs: userAttrs, hidden: userHidden}

// NewModel is the user model with custom fields: shown are the fields the API shows
// (custom attributes with their kinds), private the ones it never shows ("Invalid key").
func NewModel(shown []Attr, private []string) *Model {
	m := &Model{attrs: make(map[string]Attr, len(userAttrs)+len(shown)), hidden: append(slices.Clone(userHidden), private...)}
	for k, a := range userAttrs {
		m.attrs[k] = a
	}
	for _, a := range shown {
		a.Custom = true
		m.attrs[a.Name] = a
		if a.Kind == Text {
			m.search = append(m.search, a)
		}
	}
	return m
}

// The attributes of the user model the API shows.
var userAttrs = makeAttrs("", map[string]Kind{
	"id": Int, "documentId": Text, "username": Text, "email": Text, "provider": Text,
	"confirmed": Bool, "blocked": Bool, "createdAt": Time, "updatedAt": Time, "publishedAt": Time,
})

// The attributes of the role, through the user's role relation.
var roleAttrs = makeAttrs(RoleRelation, map[string]Kind{
	"id": Int, "documentId": Text, "name": Text, "description": Text, "type": Text,
	"createdAt": Time, "updatedAt": Time, "publishedAt": Time,
})

func makeAttrs(relation string, kinds map[string]Kind) map[string]Attr {
	out := make(map[string]Attr, len(kinds))
	for name, k := range kinds {
		out[name] = Attr{Relation: relation, Name: name, Kind: k}
	}
	return out
}

// UserAttr is the user attribute of that name, for the store (the id of a lookup, _q's
// attributes).
func UserAttr(name string) Attr { return userAttrs[name] }

// Attributes of Strapi's models that exist but are never shown (password, one-time codes,
// the admin creator relations, the i18n locale), and the role's own relations, which this
// API does not follow. Naming them is "Invalid key" with a path.
var (
	userHidden = []string{"password", "resetPasswordToken", "confirmationToken", "createdBy", "updatedBy", "locale"}
	roleHidden = []string{"createdBy", "updatedBy", "locale", "users", "permissions"}
)

// RoleRelation is the user's one relation.
const RoleRelation = "role"

// Query is a validated query of the users routes.
type Query struct {
	Where  Expr   // nil: every user
	Search string // _q: the id or a text attribute contains it, case-insensitively
	// SearchFields are the custom text fields _q searches too.
	SearchFields []Attr
	Sort         []SortTerm
	// Fields are the attributes to show (id and documentId always come); nil: all of them.
	Fields []string
	// PopulateRole: the role was asked for, and the caller may see roles.
	PopulateRole bool
	// RoleFields are the role's attributes to show (populate[role][fields]=name; id and
	// documentId always come); nil: all of them.
	RoleFields []string
	Offset     int64
	Limit      int64 // < 0: no limit
}

// SortTerm is one key of the order.
type SortTerm struct {
	Attr Attr
	Desc bool
}

// Error is a query the API refuses: Strapi's 400 ValidationError, with, when Key is set,
// the details {key, path, source: "query", param} of "Invalid key <k>" (Path "" is null).
type Error struct {
	Message          string
	Key, Path, Param string
}

func (e *Error) Error() string { return e.Message }

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
	return &Error{Message: msg, Key: key, Path: path, Param: param}
}

// convError is an error of Strapi's query conversion: a plain 400 ValidationError.
func convError(format string, args ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, args...)}
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

// Parse reads the users API's query from a raw query string. mayFindRoles says
// whether the caller may list roles (plugin::users-permissions.role.find): without it,
// filters, sorts and populates of the role are dropped silently, as Strapi's sanitizer
// drops relations the caller cannot see.
func Parse(rawQuery string, m *Model, mayFindRoles bool) (*Query, error) {
	qs := parseQS(rawQuery)
	q := &Query{Limit: -1}
	var fe, se, fie, pe paramErrors

	if v, ok := qs.get("filters"); ok && v != nil {
		fp := filterParser{mayFindRoles: mayFindRoles, errs: &fe}
		switch f := v.(type) {
		case *qsObject:
			q.Where = fp.where(f, m.attrs, m.hidden, "", true)
		case []any:
			var all AllOf
			for _, e := range f {
				o, isObj := e.(*qsObject)
				if !isObj {
					fe.convert(convError("Where must be an array or an object"))
					continue
				}
				all = append(all, fp.where(o, m.attrs, m.hidden, "", true))
			}
			q.Where = all
		default:
			fe.convert(convError("The filters parameter must be an object or an array"))
		}
	}
	if v, ok := qs.get("sort"); ok && v != nil {
		q.Sort = parseSort(v, m, mayFindRoles, &se)
	}
	if v, ok := qs.get("fields"); ok && v != nil {
		q.Fields = parseFieldsOf(v, m.attrs, m.hidden, "fields", "", &fie)
	}
	if v, ok := qs.get("populate"); ok && v != nil {
		role, roleFields := parsePopulate(v, m, &pe)
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
			if utf8.RuneCountInString(s) > MaxValueLength {
				return nil, convError("Invalid value for _q: at most %d characters", MaxValueLength)
			}
			q.Search = s
			q.SearchFields = m.search
		}
	}
	if v, ok := qs.get("start"); ok && v != nil {
		n, valid := queryInt(v)
		if !valid || n < 0 {
			return nil, convError("convertStartQueryParams expected a positive integer got %s", jsNumberOf(v))
		}
		q.Offset = n
	}
	if v, ok := qs.get("limit"); ok && v != nil {
		n, valid := queryInt(v)
		if !valid || (n != -1 && n < 0) {
			return nil, convError("convertLimitQueryParams expected a positive integer got %s", jsNumberOf(v))
		}
		if n > 0 { // as Strapi's query builder, a limit of 0 (or -1) is no limit
			q.Limit = n
		}
	}
	return q, nil
}

// ParseMe reads the query of GET /api/users/me: the same validation as the users API's, of
// which only fields and populate apply (Strapi 5's me controller). The caller's own role
// may always be populated (decision D11). An empty query costs nothing.
func ParseMe(rawQuery string, m *Model) (*Query, error) {
	if rawQuery == "" {
		return &Query{Limit: -1}, nil
	}
	return Parse(rawQuery, m, true)
}

// ---- filters

type filterParser struct {
	mayFindRoles bool
	errs         *paramErrors
}

// where reads an object of conditions over a model (the user, or its role): attribute
// names, and the group operators $and, $or, $not.
func (p *filterParser) where(o *qsObject, attrs map[string]Attr, hidden []string, path string, isUser bool) Expr {
	var all AllOf
	for _, key := range o.keys {
		v := o.vals[key]
		switch {
		case key == "$and" || key == "$or":
			list, ok := v.([]any)
			if !ok {
				p.errs.convert(queryError("filters", key, path, "expected an array"))
				continue
			}
			var group []Expr
			for _, e := range list {
				sub, isObj := e.(*qsObject)
				if !isObj {
					p.errs.convert(queryError("filters", key, path, "expected an array of objects"))
					continue
				}
				group = append(group, p.where(sub, attrs, hidden, path, isUser))
			}
			if key == "$and" {
				all = append(all, AllOf(group))
			} else {
				all = append(all, AnyOf(group))
			}
		case key == "$not":
			sub, ok := v.(*qsObject)
			if !ok {
				p.errs.convert(queryError("filters", key, path, "expected an object"))
				continue
			}
			all = append(all, Not{p.where(sub, attrs, hidden, path, isUser)})
		case isOperator(key):
			p.errs.convert(queryError("filters", key, path, "only $and, $or and $not can be used here"))
		case isUser && key == RoleRelation:
			if !p.mayFindRoles {
				continue // the caller cannot see roles: the filter is dropped, as Strapi sanitizes it
			}
			all = append(all, p.role(v))
		default:
			attrPath := joinPath(path, key)
			a, ok := attrs[key]
			if ok && a.Kind == JSONValue { // a JSON field is shown, not filtered on
				p.errs.hiddenKey(queryError("filters", key, attrPath, ""))
				continue
			}
			if !ok {
				if slices.Contains(hidden, key) {
					p.errs.hiddenKey(queryError("filters", key, attrPath, ""))
				} else {
					p.errs.unknownKey(queryError("filters", key, path, ""))
				}
				continue
			}
			all = append(all, p.attribute(a, v, attrPath))
		}
	}
	return all
}

// role reads a condition on the user's role: an id (or a list of ids), operators on the
// id, or an object of conditions on the role's attributes.
func (p *filterParser) role(v any) Expr {
	idAttr := roleAttrs["id"]
	o, ok := v.(*qsObject)
	if !ok {
		return p.attribute(idAttr, v, RoleRelation)
	}
	ops := 0
	for _, k := range o.keys {
		if isOperator(k) {
			ops++
		}
	}
	switch {
	case ops == 0:
		return p.where(o, roleAttrs, roleHidden, RoleRelation, false)
	case ops != o.len():
		p.errs.convert(queryError("filters", RoleRelation, RoleRelation, "operators and attributes cannot be mixed"))
		return AllOf{}
	case o.keys[0] == "$and" || o.keys[0] == "$or" || o.keys[0] == "$not":
		return p.where(o, roleAttrs, roleHidden, RoleRelation, false)
	default:
		return p.attribute(idAttr, o, RoleRelation)
	}
}

// attribute reads the condition on one attribute: a value (equality), a list of values
// (IN), or an object of operators.
func (p *filterParser) attribute(a Attr, v any, path string) Expr {
	switch t := v.(type) {
	case *qsObject:
		var all AllOf
		for _, op := range t.keys {
			if !isWhereOperator(op) {
				if isOperator(op) { // $and, $or: not at attribute level
					p.errs.convert(queryError("filters", op, path, "only attribute operators can be used here"))
				} else {
					p.errs.unknownKey(queryError("filters", op, path, ""))
				}
				continue
			}
			all = append(all, p.operator(a, op, t.vals[op], path, op))
		}
		return all
	case []any:
		return p.operator(a, "$in", t, path, lastKey(path))
	default:
		return p.operator(a, "$eq", v, path, lastKey(path))
	}
}

// operator reads one operator and its value. key is what an error names: the operator, or
// the attribute when the operator was implicit (filters[id]=1).
func (p *filterParser) operator(a Attr, op string, v any, path, key string) Expr {
	if list, isList := v.([]any); isList && op != "$in" && op != "$notIn" && op != "$between" {
		// A list for a single-value operator: any of the values (Strapi's knex ORs them).
		var alts AnyOf
		for _, e := range list {
			alts = append(alts, p.operator(a, op, e, path, key))
		}
		return alts
	}
	fail := func(reason string) Expr {
		p.errs.convert(queryError("filters", key, path, reason))
		return AllOf{}
	}
	// badValue refuses a value its attribute cannot hold (Strapi fails there with a 500).
	badValue := func(v any, reason string) Expr {
		p.errs.convert(&Error{
			Message: fmt.Sprintf("Invalid value %q for %s: %s", jsString(v), path, reason),
			Key:     key, Path: path, Param: "filters",
		})
		return AllOf{}
	}
	if _, isObj := v.(*qsObject); isObj && op != "$not" {
		return fail("expected a value")
	}
	if tooLongValue(v) {
		p.errs.convert(&Error{
			Message: fmt.Sprintf("Invalid value for %s: at most %d characters", path, MaxValueLength),
			Key:     key, Path: path, Param: "filters",
		})
		return AllOf{}
	}
	switch op {
	case "$not":
		return Not{p.attribute(a, v, path)}
	case "$null", "$notNull":
		isNull := parseBool(v)
		if op == "$notNull" {
			isNull = !isNull
		}
		return Null{Attr: a, IsNull: isNull}
	case "$eq", "$ne":
		if v == nil {
			return Null{Attr: a, IsNull: op == "$eq"}
		}
		val, err := castValue(a, v)
		if err != "" {
			return badValue(v, err)
		}
		if op == "$eq" {
			return Cmp{a, "=", val}
		}
		return Cmp{a, "<>", val}
	case "$lt", "$lte", "$gt", "$gte":
		val, err := castValue(a, v)
		if err != "" {
			return badValue(v, err)
		}
		return Cmp{a, map[string]string{"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">="}[op], val}
	case "$in", "$notIn":
		list, isList := v.([]any)
		if !isList {
			list = []any{v}
		}
		vals := make([]any, 0, len(list))
		for _, e := range list {
			val, err := castValue(a, e)
			if err != "" {
				return badValue(e, err)
			}
			vals = append(vals, val)
		}
		return In{Attr: a, Vals: vals, Not: op == "$notIn"}
	case "$between":
		list, isList := v.([]any)
		if !isList || len(list) != 2 {
			return fail("expected two values")
		}
		lo, err := castValue(a, list[0])
		if err != "" {
			return badValue(list[0], err)
		}
		hi, err := castValue(a, list[1])
		if err != "" {
			return badValue(list[1], err)
		}
		return AllOf{Cmp{a, ">=", lo}, Cmp{a, "<=", hi}}
	case "$eqi", "$nei":
		if v == nil {
			return Null{Attr: a, IsNull: op == "$eqi"}
		}
		if a.Kind == Bool || a.Kind == Time {
			return fail("applies to text only")
		}
		return Match{Attr: a, Text: jsString(v), Mode: MatchEqual, Fold: true, Not: op == "$nei"}
	default: // $contains, $notContains, $containsi, $notContainsi, $startsWith(i), $endsWith(i)
		if a.Kind == Bool || a.Kind == Time {
			return fail("applies to text only")
		}
		m := Match{Attr: a, Text: jsString(v)}
		name := strings.TrimPrefix(op, "$")
		if strings.HasPrefix(name, "not") {
			m.Not, name = true, strings.ToLower(name[3:4])+name[4:]
		}
		if strings.HasSuffix(name, "i") {
			m.Fold, name = true, strings.TrimSuffix(name, "i")
		}
		switch name {
		case "contains":
			m.Mode = MatchContains
		case "startsWith":
			m.Mode = MatchPrefix
		case "endsWith":
			m.Mode = MatchSuffix
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

// castValue converts a filter value to its attribute's type, as Strapi's fields do (toDB).
// It returns a reason when the value cannot be one (Strapi answers 500 there; here 400).
func castValue(a Attr, v any) (any, string) {
	if v == nil {
		return nil, ""
	}
	s, ok := v.(string)
	if !ok {
		return nil, "expected a value"
	}
	switch a.Kind {
	case Int:
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
	case Bool:
		return parseBool(s), ""
	case Time:
		t, err := parseDateTime(s)
		if err != nil {
			return nil, "expected an ISO 8601 date or a timestamp in milliseconds"
		}
		return t, ""
	case Number:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, "expected a number"
		}
		return f, ""
	case BigInt:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, "expected a whole number"
		}
		return n, ""
	case Date:
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return nil, "expected a date (YYYY-MM-DD)"
		}
		return s, ""
	case DateTime:
		t, err := parseDateTime(s)
		if err != nil {
			return nil, "expected an ISO 8601 date or a timestamp in milliseconds"
		}
		return t.UTC().Format("2006-01-02T15:04:05.000Z"), "" // as the profile stores datetimes
	case ClockTime:
		t, ok := clockTime(s)
		if !ok {
			return nil, "expected a time (HH:mm:ss.SSS)"
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
func parseSort(v any, m *Model, mayFindRoles bool, errs *paramErrors) []SortTerm {
	var out []SortTerm
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
		a, ok := sortAttr(path, m, mayFindRoles, errs)
		if ok {
			out = append(out, SortTerm{Attr: a, Desc: lower == "desc"})
		}
	}
	fromString := func(s string) {
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

// sortAttr validates a sort path: a user attribute, or role.<attribute> (dropped when
// the caller cannot see roles).
func sortAttr(path []string, m *Model, mayFindRoles bool, errs *paramErrors) (Attr, bool) {
	key := path[0]
	a, isColumn := m.attrs[key]
	switch {
	case isColumn && len(path) == 1 && a.Kind == JSONValue:
		errs.hiddenKey(queryError("sort", key, key, ""))
	case isColumn && len(path) == 1:
		return a, true
	case key == RoleRelation && len(path) > 1:
		if !mayFindRoles {
			return Attr{}, false // dropped, as Strapi's sanitizer drops it
		}
		sub := path[1]
		if col, ok := roleAttrs[sub]; ok && len(path) == 2 {
			return col, true
		}
		if slices.Contains(roleHidden, sub) {
			errs.hiddenKey(queryError("sort", sub, RoleRelation+"."+sub, ""))
		} else {
			errs.unknownKey(queryError("sort", sub, RoleRelation, ""))
		}
	case slices.Contains(m.hidden, key):
		errs.hiddenKey(queryError("sort", key, key, ""))
	case isColumn || key == RoleRelation: // an attribute with a sub-path, or the relation itself
		errs.unknownKey(queryError("sort", key, key, ""))
	default:
		errs.unknownKey(queryError("sort", key, "", ""))
	}
	return Attr{}, false
}

// parseFieldsOf reads a list of attribute names of a model (fields=a,b, fields[0]=a) in
// the query parameter param, prefix being where the model sits ("" for the user, "role."
// for its role). A private attribute is "Invalid key" with its path; an unknown one has no
// path, as Strapi's validator reports them.
func parseFieldsOf(v any, attrs map[string]Attr, hidden []string, param, prefix string, errs *paramErrors) []string {
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
		_, ok := attrs[n]
		switch {
		case ok:
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		case slices.Contains(hidden, n):
			errs.hiddenKey(queryError(param, n, prefix+n, ""))
		case prefix == "" && n == RoleRelation: // a relation is not a field
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
func parsePopulate(v any, m *Model, errs *paramErrors) (role bool, roleFields []string) {
	fromPath := func(p string) { // role, or role.<relation of the role>: the role
		head, _, _ := strings.Cut(p, ".")
		if head = strings.TrimSpace(head); head == RoleRelation {
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
			case k == RoleRelation:
				switch sv := sub.(type) {
				case string:
					if sv == "*" || parseBool(sv) {
						role = true
					}
				case *qsObject:
					role = true // of the role's own options, fields applies (it has no relation shown)
					if f, ok := sv.vals["fields"]; ok && f != nil {
						roleFields = parseFieldsOf(f, roleAttrs, roleHidden, "populate", RoleRelation+".", errs)
					}
				}
			case m.isAttribute(k): // not a relation
				errs.unknownKey(queryError("populate", k, k, ""))
			default:
				errs.unknownKey(queryError("populate", k, "", ""))
			}
		}
	}
	return role, roleFields
}

func (m *Model) isAttribute(k string) bool {
	_, ok := m.attrs[k]
	return ok || slices.Contains(m.hidden, k)
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

// clockTime reads HH:mm, HH:mm:ss or HH:mm:ss.SSS as the profile stores times.
func clockTime(s string) (string, bool) {
	for _, layout := range []string{"15:04:05.000", "15:04:05.00", "15:04:05.0", "15:04:05", "15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("15:04:05.000"), true
		}
	}
	return "", false
}
