// Package profile owns the custom fields an operator adds to the user model (Strapi teams
// add them to the user content type: a rider's full name, national id, phone, club): their
// declaration, read once at start from one file; the checks and conversions of their
// values; and their place in the contract (the served spec is openapi.yaml extended with
// them, spec.go). The values of a user are kept as one JSON object in its row (the
// `profile` column); the store renders filters and sorts on them, and makes unique fields
// unique with an index.
package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
)

// Type is one of Strapi's scalar attribute types.
type Type string

// The types a custom field may have: Strapi's scalar attribute types.
const (
	String      Type = "string"
	Text        Type = "text"
	RichText    Type = "richtext"
	Email       Type = "email"
	Integer     Type = "integer"
	BigInteger  Type = "biginteger"
	Decimal     Type = "decimal"
	Float       Type = "float"
	Boolean     Type = "boolean"
	Date        Type = "date"
	DateTime    Type = "datetime"
	Time        Type = "time"
	Enumeration Type = "enumeration"
	JSON        Type = "json"
)

var types = []Type{String, Text, RichText, Email, Integer, BigInteger, Decimal, Float, Boolean, Date, DateTime, Time, Enumeration, JSON}

// Textual reports whether values of t are JSON strings compared as text.
func (t Type) Textual() bool {
	switch t {
	case String, Text, RichText, Email, Enumeration, Date, DateTime, Time, BigInteger:
		return true
	}
	return false
}

// Numeric reports whether values of t are JSON numbers.
func (t Type) Numeric() bool { return t == Integer || t == Decimal || t == Float }

// Field is a custom field of the user model, declared as a Strapi attribute.
type Field struct {
	Name      string
	Type      Type
	Required  bool
	Unique    bool
	Private   bool // never shown, filtered or sorted on through the API
	Default   any  // nil: none; a value of the field's type otherwise
	MinLength *int
	MaxLength *int
	Min, Max  *float64
	Regex     string // a JavaScript-style pattern, as in Strapi (RE2 syntax here)
	Enum      []string

	re *regexp.Regexp
}

// Schema is the operator's declaration: the custom fields in declaration order, and which
// of them register and PUT /api/users/me accept.
type Schema struct {
	Fields []Field
	// RegisterAllowed is Strapi's register.allowedFields: the keys register accepts besides
	// username, email and password.
	RegisterAllowed []string
	// Editable are the fields a user may change of their own profile (PUT /api/users/me).
	Editable []string

	byName map[string]int
}

// Empty is the schema of a service with no custom fields.
func Empty() *Schema {
	return &Schema{Editable: []string{"username"}, byName: map[string]int{}}
}

// Field returns the custom field of that name.
func (s *Schema) Field(name string) (*Field, bool) {
	i, ok := s.byName[name]
	if !ok {
		return nil, false
	}
	return &s.Fields[i], true
}

// Len is the number of custom fields.
func (s *Schema) Len() int { return len(s.Fields) }

// RegisterAccepts reports whether register accepts the key.
func (s *Schema) RegisterAccepts(key string) bool { return slices.Contains(s.RegisterAllowed, key) }

// EditableField reports whether PUT /api/users/me may change the field.
func (s *Schema) EditableField(name string) bool { return slices.Contains(s.Editable, name) }

// builtIn are the attributes of Strapi's user model. A Strapi schema.json lists them with
// the custom ones: they are skipped (this service has them already).
var builtIn = []string{
	"username", "email", "provider", "password", "resetPasswordToken", "confirmationToken",
	"confirmed", "blocked", "role",
}

// reserved are names a custom field cannot have: the built-in attributes, the ones every
// Strapi document has, and the parameters of this API's user routes.
var reserved = append(slices.Clone(builtIn),
	"id", "documentId", "createdAt", "updatedAt", "publishedAt", "createdBy", "updatedBy", "locale",
	"localizations", "deviceId", "currentPassword", "passwordConfirmation", "code", "identifier",
)

var namePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,62}$`)

// Load reads the declaration file at path; no path is no custom field.
func Load(path string) (*Schema, error) {
	if path == "" {
		return Empty(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("user fields: %w", err)
	}
	s, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("user fields (%s): %w", path, err)
	}
	return s, nil
}

// fileSchema is the declaration file: Strapi's schema.json of the user content type (its
// "attributes"; the other keys of that file are ignored), and the two lists of accepted
// fields.
type fileSchema struct {
	Attributes json.RawMessage `json:"attributes"`
	Register   struct {
		AllowedFields *[]string `json:"allowedFields"`
	} `json:"register"`
	Profile struct {
		EditableFields *[]string `json:"editableFields"`
	} `json:"profile"`
}

// attribute is a Strapi attribute definition.
type attribute struct {
	Type      Type            `json:"type"`
	Required  bool            `json:"required"`
	Unique    bool            `json:"unique"`
	Private   bool            `json:"private"`
	Default   json.RawMessage `json:"default"`
	MinLength *int            `json:"minLength"`
	MaxLength *int            `json:"maxLength"`
	Min       *float64        `json:"min"`
	Max       *float64        `json:"max"`
	Regex     string          `json:"regex"`
	Enum      []string        `json:"enum"`
}

// Keys of a Strapi attribute that mean nothing here (the admin panel's, the database
// column's options): accepted and ignored, so that Strapi's own file loads.
var ignoredKeys = []string{"configurable", "pluginOptions", "searchable", "visible", "writable", "column", "relation", "target", "inversedBy", "mappedBy", "useJoinTable"}

var attributeKeys = []string{"type", "required", "unique", "private", "default", "minLength", "maxLength", "min", "max", "regex", "enum"}

// Parse reads a declaration.
func Parse(b []byte) (*Schema, error) {
	var f fileSchema
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a JSON object of the expected shape: %w", err)
	}
	s := Empty()
	names, raws, err := orderedObject(f.Attributes)
	if err != nil {
		return nil, fmt.Errorf("attributes: %w", err)
	}
	var errs []error
	for i, name := range names {
		if slices.Contains(builtIn, name) {
			continue
		}
		field, err := parseAttribute(name, raws[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.byName[name] = len(s.Fields)
		s.Fields = append(s.Fields, field)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if f.Register.AllowedFields != nil {
		for _, k := range *f.Register.AllowedFields {
			if _, ok := s.byName[k]; !ok && k != "deviceId" {
				errs = append(errs, fmt.Errorf("register.allowedFields: %q is not a custom field (only custom fields and deviceId may be listed: a new user must not choose its role, provider or confirmation)", k))
			}
		}
		s.RegisterAllowed = slices.Compact(slices.Clone(*f.Register.AllowedFields))
	}
	if f.Profile.EditableFields != nil {
		for _, k := range *f.Profile.EditableFields {
			if fd, ok := s.byName[k]; ok && s.Fields[fd].Private {
				errs = append(errs, fmt.Errorf("profile.editableFields: %q is private: a user cannot see it, so cannot edit it", k))
			} else if !ok && k != "username" {
				errs = append(errs, fmt.Errorf("profile.editableFields: %q is not a custom field or username (email, password, role, confirmed, blocked and provider never change through PUT /api/users/me)", k))
			}
		}
		s.Editable = slices.Compact(slices.Clone(*f.Profile.EditableFields))
	} else {
		for _, fd := range s.Fields {
			if !fd.Private {
				s.Editable = append(s.Editable, fd.Name)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

func parseAttribute(name string, raw json.RawMessage) (Field, error) {
	fail := func(format string, args ...any) (Field, error) {
		return Field{}, fmt.Errorf("attribute %q: %s", name, fmt.Sprintf(format, args...))
	}
	if !namePattern.MatchString(name) {
		return fail("a name is a letter then letters, digits or _ (at most 63)")
	}
	if slices.Contains(reserved, name) {
		return fail("the name is taken by the user model or the API")
	}
	keys, _, err := orderedObject(raw)
	if err != nil {
		return fail("not an object: %v", err)
	}
	for _, k := range keys {
		if !slices.Contains(attributeKeys, k) && !slices.Contains(ignoredKeys, k) {
			return fail("unknown key %q (known: %s)", k, strings.Join(attributeKeys, ", "))
		}
	}
	var a attribute
	if err := json.Unmarshal(raw, &a); err != nil {
		return fail("%v", err)
	}
	if !slices.Contains(types, a.Type) {
		return fail("type %q is not supported: a custom user field is one of Strapi's scalar types (%s)", a.Type, joinTypes())
	}
	f := Field{
		Name: name, Type: a.Type, Required: a.Required, Unique: a.Unique, Private: a.Private,
		MinLength: a.MinLength, MaxLength: a.MaxLength, Min: a.Min, Max: a.Max, Regex: a.Regex, Enum: a.Enum,
	}
	if f.Type == String && f.MaxLength == nil {
		n := 255 // Strapi's limit of a string attribute (its column is varchar(255))
		f.MaxLength = &n
	}
	textual := f.Type == String || f.Type == Text || f.Type == RichText || f.Type == Email
	if (f.MinLength != nil || f.MaxLength != nil) && !textual && f.Type != Enumeration {
		return fail("minLength and maxLength apply to string, text, richtext and email fields")
	}
	if f.MinLength != nil && *f.MinLength < 0 || f.MaxLength != nil && *f.MaxLength < 0 ||
		f.MinLength != nil && f.MaxLength != nil && *f.MinLength > *f.MaxLength {
		return fail("minLength and maxLength must be 0 or more, minLength at most maxLength")
	}
	if (f.Min != nil || f.Max != nil) && !f.Type.Numeric() && f.Type != BigInteger {
		return fail("min and max apply to integer, biginteger, decimal and float fields")
	}
	if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
		return fail("min must be at most max")
	}
	if f.Regex != "" {
		if !textual {
			return fail("regex applies to string, text, richtext and email fields")
		}
		re, err := regexp.Compile(f.Regex)
		if err != nil {
			return fail("regex %q does not compile (RE2 syntax, as Go reads it): %v", f.Regex, err)
		}
		f.re = re
	}
	if f.Type == Enumeration {
		if len(f.Enum) == 0 {
			return fail("an enumeration needs its values in enum")
		}
	} else if len(f.Enum) > 0 {
		return fail("enum applies to enumeration fields")
	}
	if f.Unique && (f.Type == JSON || f.Type == Boolean) {
		return fail("a %s field cannot be unique", f.Type)
	}
	if len(a.Default) > 0 && string(a.Default) != "null" {
		v, fe := f.Check(decodeJSON(a.Default))
		if fe != nil {
			return fail("default: %s", fe.Message)
		}
		f.Default = v
	}
	return f, nil
}

func joinTypes() string {
	s := make([]string, len(types))
	for i, t := range types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// decodeJSON decodes a JSON value with its numbers as json.Number.
func decodeJSON(raw []byte) any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	_ = dec.Decode(&v)
	return v
}

// orderedObject reads a JSON object's keys in order, and their raw values.
func orderedObject(raw json.RawMessage) ([]string, []json.RawMessage, error) {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return nil, nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	t, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	if t != json.Delim('{') {
		return nil, nil, errors.New("expected an object")
	}
	var (
		keys []string
		vals []json.RawMessage
	)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, _ := t.(string)
		if slices.Contains(keys, k) {
			return nil, nil, fmt.Errorf("key %q twice", k)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	return keys, vals, nil
}
