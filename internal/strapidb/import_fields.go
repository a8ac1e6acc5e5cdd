package strapidb

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mtb-race/mtb-backend-api/internal/profile"
)

// The custom fields of the users. Strapi keeps each custom attribute of the user content type
// in a column of up_users named by the snake_case of the attribute (firstName → first_name);
// this service keeps a user's values as one JSON object in up_users.profile, each value as the
// field's Check gives it (what register and PUT /api/users/me store). A value the declared
// field refuses is left out and reported, the user is still imported. A NULL is left out, as
// Encode leaves out a value never set: /users/me shows null for both.
//
// The unique fields' indexes (up_users_profile_<field>_key) are not made here: store.SyncProfile
// makes them at every start of the service, in a transaction of its own (and the CLI opens the
// store as the server does). So that they can be made, and so that an existing index never
// aborts the import, the import keeps the unique fields unique itself: a value another user
// already has (in the target, or earlier in the source) is refused and reported.

// fieldImport is the mapping of the source's custom columns to the declared fields, made once
// (at the first user: every user has the same columns) and used for every user.
type fieldImport struct {
	columns []fieldColumn
	// taken holds, per unique field, the users holding each value (as the unique index sees
	// it): the target's at the start, and the imported ones as they come.
	taken map[string]map[string]int64
}

// fieldColumn is one custom column: the field it fills, or (field nil) the index in
// im.rep.Skipped of its skip, counting the users whose value is lost.
type fieldColumn struct {
	name  string
	field *profile.Field
	skip  int
}

// snakeCase is the column Strapi gives an attribute (lodash's snakeCase): firstName →
// first_name, weightKg → weight_kg, HTMLCode → html_code, address2 → address_2.
func snakeCase(name string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if r == '_' {
			flush()
			continue
		}
		if i > 0 && len(cur) > 0 {
			p := rs[i-1]
			switch {
			case unicode.IsDigit(r) != unicode.IsDigit(p): // digits are a word of their own
				flush()
			case unicode.IsUpper(r) && unicode.IsLower(p): // weightKg
				flush()
			case unicode.IsUpper(r) && unicode.IsUpper(p) && i+1 < len(rs) && unicode.IsLower(rs[i+1]): // HTMLCode
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return strings.Join(words, "_")
}

// newFieldImport maps the columns of custom (a user's Custom) to the declared fields, and
// reads the target's values of the unique fields.
func (im *importer) newFieldImport(custom map[string]any) (*fieldImport, error) {
	byColumn := map[string]*profile.Field{}
	fields := im.opts.Fields.Fields
	for i := range fields {
		byColumn[snakeCase(fields[i].Name)] = &fields[i]
	}
	// The exact name too (a column created by hand, or a field named in snake_case already),
	// unless it is another field's snake_case column.
	for i := range fields {
		if _, ok := byColumn[fields[i].Name]; !ok {
			byColumn[fields[i].Name] = &fields[i]
		}
	}
	names := make([]string, 0, len(custom))
	for c := range custom {
		names = append(names, c)
	}
	sort.Strings(names) // the report lists the unmapped columns in a stable order
	fi := &fieldImport{taken: map[string]map[string]int64{}}
	for _, c := range names {
		col := fieldColumn{name: c, field: byColumn[c]}
		if col.field == nil {
			col.skip = len(im.rep.Skipped)
			im.rep.Skipped = append(im.rep.Skipped, Skip{What: "user column " + c,
				Why: "no user field declared for it (USER_FIELDS_FILE): the users' values in it (Count) are not imported"})
		}
		fi.columns = append(fi.columns, col)
	}
	unique := false
	for _, f := range fields {
		if f.Unique {
			fi.taken[f.Name] = map[string]int64{}
			unique = true
		}
	}
	if !unique || im.empty {
		return fi, nil
	}
	rows, err := im.q.ImportListUserProfiles(im.ctx)
	if err != nil {
		return nil, fmt.Errorf("read the target's user fields: %w", err)
	}
	for _, r := range rows {
		for name, v := range profile.Stored(r.Profile) {
			if m, ok := fi.taken[name]; ok && v != nil {
				m[uniqueText(v)] = r.ID
			}
		}
	}
	return fi, nil
}

// uniqueText is a value as the unique index compares it (->> / json_extract: a string as
// itself, a number as its JSON text).
func uniqueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// profile is the custom fields of source user u as the service stores them (up_users.profile),
// nil when none.
func (im *importer) profile(u User) (*string, error) {
	if im.fields == nil {
		fi, err := im.newFieldImport(u.Custom)
		if err != nil {
			return nil, err
		}
		im.fields = fi
	}
	vals := profile.Values{}
	for _, c := range im.fields.columns {
		raw, ok := u.Custom[c.name]
		if !ok || raw == nil {
			continue
		}
		if c.field == nil {
			im.rep.Skipped[c.skip].Count++
			continue
		}
		f := c.field
		v, fe := f.Check(fieldInput(f.Type, raw))
		if fe != nil {
			im.refuse(u, f.Name, "refused by the field: "+fe.Message)
			continue
		}
		if m, ok := im.fields.taken[f.Name]; ok {
			key := uniqueText(v)
			if owner, ok := m[key]; ok && owner != u.ID {
				im.refuse(u, f.Name, fmt.Sprintf("the field is unique and user %d has the same value", owner))
				continue
			}
			m[key] = u.ID
		}
		vals[f.Name] = v
	}
	p, err := profile.Encode(vals)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// refuse reports a value of user u not imported. It is appended, not merged by Report.skip:
// each names its user, and a scan of the list per user would be quadratic on 100 000 users.
func (im *importer) refuse(u User, field, why string) {
	im.rep.Skipped = append(im.rep.Skipped, Skip{What: fmt.Sprintf("%s: value of %s", userLabel(u), field), Why: why, Count: 1})
}

// fieldInput converts a column's value, in its engine's kind (see User.Custom), to what a
// client would send for a field of type t (JSON decoded with json.Number numbers), so that
// Check converts and validates it as it does a client's. A kind that does not fit the type
// is passed as it is, for Check to refuse with its message.
func fieldInput(t profile.Type, v any) any {
	switch t {
	case profile.Integer, profile.Decimal, profile.Float:
		switch x := v.(type) {
		case int64:
			return json.Number(strconv.FormatInt(x, 10))
		case float64:
			return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
		case string: // PostgreSQL numeric, e.g. "58.50"
			s := strings.TrimSpace(x)
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				return json.Number(s)
			}
		}
	case profile.BigInteger:
		if x, ok := v.(int64); ok {
			return strconv.FormatInt(x, 10)
		}
	case profile.Boolean:
		switch x := v.(type) {
		case int64: // SQLite
			if x == 0 || x == 1 {
				return x == 1
			}
		case string:
			if b, err := strconv.ParseBool(x); err == nil {
				return b
			}
		}
	case profile.Date:
		switch x := v.(type) {
		case time.Time:
			return x.UTC().Format("2006-01-02")
		case int64:
			return time.UnixMilli(x).UTC().Format("2006-01-02")
		}
	case profile.DateTime:
		// SQLite: epoch milliseconds; PostgreSQL: time.Time; either may hold text.
		if tm, err := ParseTime(v); err == nil && !tm.IsZero() {
			return profile.FormatDateTime(tm)
		}
	case profile.Time:
		if x, ok := v.(time.Time); ok {
			return x.Format("15:04:05.000")
		}
	case profile.JSON:
		if s, ok := v.(string); ok {
			dec := json.NewDecoder(strings.NewReader(s))
			dec.UseNumber()
			var out any
			if err := dec.Decode(&out); err == nil {
				return out
			}
		}
	}
	return v
}

// sameProfile reports whether two stored profiles hold the same values. PostgreSQL's jsonb
// gives back another text than the one written (spaces, key order), so the texts differ for
// the same values.
func sameProfile(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return sameJSON(*a, *b)
}
