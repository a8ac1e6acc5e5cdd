package strapiquery

import "slices"

// Expr is a condition of a query's tree: AllOf, AnyOf, Not, Cmp, In, Null or Match. Values
// are converted to their attribute's kind (int64, string, bool, time.Time) and are data:
// whoever renders the tree binds them as arguments.
type Expr interface{ expr() }

// AllOf is AND, AnyOf is OR. As Strapi's knex builds them, a group with no condition (a
// filter the caller may not use was dropped, or nothing was left in it) is left out of the
// query, not taken as true or false (see IsEmpty).
type (
	AllOf []Expr
	AnyOf []Expr
)

// Not negates E (an empty E is no condition at all).
type Not struct{ E Expr }

// Cmp compares an attribute with a value: Op is one of = <> < <= > >=. A nil Val compares
// with NULL (= is IS NULL, <> IS NOT NULL).
type Cmp struct {
	Attr Attr
	Op   string
	Val  any
}

// In is the attribute is (Not: is not) one of Vals; an empty list is false (true with Not).
type In struct {
	Attr Attr
	Vals []any
	Not  bool
}

// Null is the attribute IS NULL (IsNull) or IS NOT NULL.
type Null struct {
	Attr   Attr
	IsNull bool
}

// MatchMode is how a text match compares.
type MatchMode int

// The text matches.
const (
	MatchEqual MatchMode = iota
	MatchContains
	MatchPrefix
	MatchSuffix
)

// Match is a text match of the attribute against Text, literally (no wildcard in Text
// counts): equal, contains, starts or ends with; Fold: case-insensitively; Not: negated.
type Match struct {
	Attr Attr
	Text string
	Mode MatchMode
	Fold bool
	Not  bool
}

func (AllOf) expr() {}
func (AnyOf) expr() {}
func (Not) expr()   {}
func (Cmp) expr()   {}
func (In) expr()    {}
func (Null) expr()  {}
func (Match) expr() {}

// IsEmpty reports whether e holds no condition.
func IsEmpty(e Expr) bool {
	switch t := e.(type) {
	case AllOf:
		return !slices.ContainsFunc(t, func(x Expr) bool { return !IsEmpty(x) })
	case AnyOf:
		return !slices.ContainsFunc(t, func(x Expr) bool { return !IsEmpty(x) })
	case Not:
		return IsEmpty(t.E)
	}
	return false
}
