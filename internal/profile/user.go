package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/oapi-codegen/nullable"
)

// The user and role objects of the API (openapi.yaml's User, UserEntry and RoleEntry; the
// generated code names these types with x-go-type). They are written by hand for one
// reason: a user object carries the operator's custom fields, which no generated struct can
// know. They sit after the built-in fields and before the timestamps, where Strapi puts the
// attributes added to its user model. The role entry is here only because a user entry
// holds one (gen/api imports this package, so it cannot import gen/api).

// Shown are the custom fields a user object shows, in declaration order.
type Shown []ShownField

// ShownField is one custom field as shown: its name and its JSON value (null when unset).
type ShownField struct {
	Name  string
	Value json.RawMessage
}

// User is a user as the auth routes answer it: every field.
type User struct {
	Id          int64  `json:"id"`
	DocumentId  string `json:"documentId"`
	Username    string `json:"username"`
	Email       string `json:"email"`
	Provider    string `json:"provider"`
	Confirmed   bool   `json:"confirmed"`
	Blocked     bool   `json:"blocked"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
	PublishedAt string `json:"publishedAt"`
	// Role is the populated role, for a caller allowed to see roles.
	Role *RoleEntry `json:"role,omitempty"`
	// Fields are the custom fields shown.
	Fields Shown `json:"-"`
}

// UserEntry is a user as the users routes and /me answer it: the fields a query chose.
type UserEntry struct {
	Id          int64      `json:"id"`
	DocumentId  string     `json:"documentId"`
	Username    *string    `json:"username,omitempty"`
	Email       *string    `json:"email,omitempty"`
	Provider    *string    `json:"provider,omitempty"`
	Confirmed   *bool      `json:"confirmed,omitempty"`
	Blocked     *bool      `json:"blocked,omitempty"`
	CreatedAt   *string    `json:"createdAt,omitempty"`
	UpdatedAt   *string    `json:"updatedAt,omitempty"`
	PublishedAt *string    `json:"publishedAt,omitempty"`
	Role        *RoleEntry `json:"role,omitempty"`
	Fields      Shown      `json:"-"`
}

// RoleEntry is a role as a user's populated role shows it.
type RoleEntry struct {
	Id          int64                     `json:"id"`
	DocumentId  string                    `json:"documentId"`
	Name        *string                   `json:"name,omitempty"`
	Description nullable.Nullable[string] `json:"description,omitempty"`
	Type        *string                   `json:"type,omitempty"`
	CreatedAt   *string                   `json:"createdAt,omitempty"`
	UpdatedAt   *string                   `json:"updatedAt,omitempty"`
	PublishedAt *string                   `json:"publishedAt,omitempty"`
}

type (
	plainUser      User
	plainUserEntry UserEntry
)

// builtInKeys are the keys of a user object that are not custom fields.
var builtInKeys = []string{"id", "documentId", "username", "email", "provider", "confirmed", "blocked", "createdAt", "updatedAt", "publishedAt", "role"}

// MarshalJSON writes the user with its custom fields.
func (u User) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(plainUser(u))
	if err != nil {
		return nil, err
	}
	return splice(b, u.Fields), nil
}

// UnmarshalJSON reads a user, its custom fields included.
func (u *User) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, (*plainUser)(u)); err != nil {
		return err
	}
	f, err := extra(b)
	u.Fields = f
	return err
}

// MarshalJSON writes the entry with its custom fields.
func (e UserEntry) MarshalJSON() ([]byte, error) { return e.JSON() }

// JSON is the entry's JSON, as MarshalJSON writes it: for an answer written directly, which
// spares encoding/json's second pass over a Marshaler's output (GET /api/users/me). An
// entry without a populated role, every /me answer, is written field by field
// (appendJSON, the same bytes as encoding/json's, a third of its time); one with a role
// goes through encoding/json.
func (e UserEntry) JSON() ([]byte, error) {
	if e.Role == nil {
		return e.appendJSON(make([]byte, 0, 384+48*len(e.Fields))), nil
	}
	b, err := json.Marshal(plainUserEntry(e))
	if err != nil {
		return nil, err
	}
	return splice(b, e.Fields), nil
}

// appendJSON appends the JSON of e, which has no role, to b: the keys in the struct's
// order, nil pointers left out (omitempty), the custom fields before the first timestamp
// or at the end, as splice puts them.
func (e UserEntry) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, e.Id, 10)
	b = appendString(append(b, `,"documentId":`...), e.DocumentId)
	b = appendOptString(b, `,"username":`, e.Username)
	b = appendOptString(b, `,"email":`, e.Email)
	b = appendOptString(b, `,"provider":`, e.Provider)
	if e.Confirmed != nil {
		b = strconv.AppendBool(append(b, `,"confirmed":`...), *e.Confirmed)
	}
	if e.Blocked != nil {
		b = strconv.AppendBool(append(b, `,"blocked":`...), *e.Blocked)
	}
	if e.CreatedAt != nil || e.UpdatedAt != nil || e.PublishedAt != nil {
		b = appendFields(b, e.Fields) // before the first timestamp
		b = appendOptString(b, `,"createdAt":`, e.CreatedAt)
		b = appendOptString(b, `,"updatedAt":`, e.UpdatedAt)
		b = appendOptString(b, `,"publishedAt":`, e.PublishedAt)
	} else {
		b = appendFields(b, e.Fields) // at the end
	}
	return append(b, '}')
}

// appendOptString appends the member key and the string v, unless v is nil (omitempty).
func appendOptString(b []byte, key string, v *string) []byte {
	if v == nil {
		return b
	}
	return appendString(append(b, key...), *v)
}

// appendFields appends the custom fields as members of an object, each after a comma, as
// splice inserts them.
func appendFields(b []byte, fields Shown) []byte {
	for _, f := range fields {
		b = append(b, `,"`...)
		b = append(b, f.Name...) // a field name is [A-Za-z][A-Za-z0-9_]*: nothing to escape
		b = append(b, `":`...)
		if len(f.Value) == 0 {
			b = append(b, "null"...)
		} else {
			b = append(b, f.Value...)
		}
	}
	return b
}

// appendString appends s as encoding/json writes a string: printable ASCII other than the
// quote, the backslash and encoding/json's HTML characters (<, >, &) as it is; anything
// else through encoding/json itself, so every escape is its own.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// UnmarshalJSON reads an entry, its custom fields included.
func (e *UserEntry) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, (*plainUserEntry)(e)); err != nil {
		return err
	}
	f, err := extra(b)
	e.Fields = f
	return err
}

// Get returns the JSON of the custom field name, if shown.
func (s Shown) Get(name string) (json.RawMessage, bool) {
	for _, f := range s {
		if f.Name == name {
			return f.Value, true
		}
	}
	return nil, false
}

// splice inserts the custom fields into the JSON object b of a user: before its first
// timestamp or its role, or at its end. A key of b is found by its text `,"name":`, which
// cannot occur inside a JSON string (a quote there is escaped).
func splice(b []byte, fields Shown) []byte {
	if len(fields) == 0 {
		return b
	}
	var ins bytes.Buffer
	for _, f := range fields {
		ins.WriteString(`,"`)
		ins.WriteString(f.Name) // a field name is [A-Za-z][A-Za-z0-9_]*: nothing to escape
		ins.WriteString(`":`)
		if len(f.Value) == 0 {
			ins.WriteString("null")
		} else {
			ins.Write(f.Value)
		}
	}
	at := len(b) - 1 // the closing brace
	for _, k := range []string{`,"createdAt":`, `,"updatedAt":`, `,"publishedAt":`, `,"role":`} {
		if i := bytes.Index(b, []byte(k)); i >= 0 {
			at = i
			break
		}
	}
	out := make([]byte, 0, len(b)+ins.Len())
	out = append(out, b[:at]...)
	out = append(out, ins.Bytes()...)
	return append(out, b[at:]...)
}

// extra reads the keys of a user object that are not built in, in order.
func extra(b []byte) (Shown, error) {
	keys, vals, err := orderedObject(b)
	if err != nil {
		return nil, fmt.Errorf("user object: %w", err)
	}
	var out Shown
	for i, k := range keys {
		if !slices.Contains(builtInKeys, k) {
			out = append(out, ShownField{Name: k, Value: vals[i]})
		}
	}
	return out, nil
}

// Show returns the custom fields a user object shows of a stored profile (the profile
// column; nil: no value at all): every non-private field (nil fields) or those of fields,
// in declaration order, null when unset. The stored JSON of each value is shown as it is:
// values were converted when written, so nothing is decoded beyond the top-level object.
func (s *Schema) Show(stored *string, fields []string) Shown {
	if len(s.Fields) == 0 {
		return nil
	}
	var vals map[string]json.RawMessage
	if stored != nil && *stored != "" {
		_ = json.Unmarshal([]byte(*stored), &vals) // written by Encode: an object
	}
	out := make(Shown, 0, len(s.Fields))
	for i := range s.Fields {
		f := &s.Fields[i]
		if f.Private || fields != nil && !slices.Contains(fields, f.Name) {
			continue
		}
		raw, ok := vals[f.Name]
		switch {
		case !ok || len(raw) == 0:
			raw = json.RawMessage("null")
		case raw[0] == '{' || raw[0] == '[':
			// A JSON field's object or array, which PostgreSQL's jsonb writes with spaces:
			// compacted, so that both engines answer the same bytes.
			var buf bytes.Buffer
			if json.Compact(&buf, raw) == nil {
				raw = buf.Bytes()
			}
		}
		out = append(out, ShownField{Name: f.Name, Value: raw})
	}
	return out
}
