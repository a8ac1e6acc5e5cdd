package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

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
// spares encoding/json's second pass over a Marshaler's output (GET /api/users/me).
func (e UserEntry) JSON() ([]byte, error) {
	b, err := json.Marshal(plainUserEntry(e))
	if err != nil {
		return nil, err
	}
	return splice(b, e.Fields), nil
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
