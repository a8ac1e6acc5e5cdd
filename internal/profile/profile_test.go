package profile

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestParse: a declaration loads from Strapi's own schema.json (its built-in attributes
// skipped), and a mistake is refused with a message naming the attribute.
func TestParse(t *testing.T) {
	t.Parallel()
	strapi := `{"kind": "collectionType", "collectionName": "up_users", "info": {"singularName": "user"},
	  "attributes": {"username": {"type": "string", "minLength": 3, "unique": true, "configurable": false, "required": true},
	    "email": {"type": "email"}, "role": {"type": "relation", "relation": "manyToOne", "target": "plugin::users-permissions.role"},
	    "fullName": {"type": "string", "required": true}, "age": {"type": "integer", "min": 18}, "newsletter": {"type": "boolean", "default": false}}}`
	s, err := Parse([]byte(strapi))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range s.Fields {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "fullName,age,newsletter" {
		t.Fatalf("fields %v", names)
	}
	if strings.Join(s.Editable, ",") != "username,fullName,age,newsletter" || len(s.RegisterAllowed) != 0 {
		t.Fatalf("editable %v, register %v", s.Editable, s.RegisterAllowed)
	}
	if f, _ := s.Field("fullName"); f.MaxLength == nil || *f.MaxLength != 255 {
		t.Fatal("a string field without maxLength gets Strapi's 255")
	}

	bad := []struct{ name, decl, want string }{
		{"a relation", `{"attributes": {"club": {"type": "relation"}}}`, `attribute "club": type "relation" is not supported`},
		{"a media", `{"attributes": {"photo": {"type": "media"}}}`, `type "media" is not supported`},
		{"a reserved name", `{"attributes": {"createdAt": {"type": "string"}}}`, "the name is taken"},
		{"a bad name", `{"attributes": {"full-name": {"type": "string"}}}`, "a name is a letter"},
		{"a typo in a key", `{"attributes": {"a": {"type": "string", "maxlength": 3}}}`, `unknown key "maxlength"`},
		{"a regex Go cannot read", `{"attributes": {"a": {"type": "string", "regex": "(?<=x)y"}}}`, "does not compile"},
		{"an enumeration without values", `{"attributes": {"a": {"type": "enumeration"}}}`, "needs its values"},
		{"min on a string", `{"attributes": {"a": {"type": "string", "min": 1}}}`, "min and max apply"},
		{"a default of the wrong type", `{"attributes": {"a": {"type": "integer", "default": "x"}}}`, "default: a must be a `number` type"},
		{"a unique boolean", `{"attributes": {"a": {"type": "boolean", "unique": true}}}`, "cannot be unique"},
		{"register allows a system field", `{"attributes": {}, "register": {"allowedFields": ["confirmed"]}}`, `"confirmed" is not a custom field`},
		{"a private editable field", `{"attributes": {"a": {"type": "string", "private": true}}, "profile": {"editableFields": ["a"]}}`, `"a" is private`},
		{"email editable", `{"attributes": {}, "profile": {"editableFields": ["email"]}}`, `"email" is not a custom field or username`},
		{"not JSON", `attributes: {}`, "not a JSON object"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.decl))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%v, want %q", err, c.want)
			}
		})
	}
}

// TestCheck: values convert to what is stored (dates, times and numbers in one form each),
// and refused values get Strapi's wording.
func TestCheck(t *testing.T) {
	t.Parallel()
	s, err := Parse([]byte(`{"attributes": {
	  "n": {"type": "integer", "min": 1, "max": 10}, "big": {"type": "biginteger"}, "x": {"type": "float"},
	  "when": {"type": "datetime"}, "at": {"type": "time"}, "day": {"type": "date"},
	  "size": {"type": "enumeration", "enum": ["S", "M"]}, "mail": {"type": "email"}, "meta": {"type": "json"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		field, in string
		want      any
		err       string
	}{
		{"n", `5`, int64(5), ""},
		{"n", `5.5`, nil, "n must be an integer"},
		{"n", `0`, nil, "n must be greater than or equal to 1"},
		{"n", `11`, nil, "n must be less than or equal to 10"},
		{"n", `"5"`, nil, "n must be a `number` type, but the final value was: `\"5\"`."},
		{"big", `"9007199254740993"`, "9007199254740993", ""},
		{"big", `12`, "12", ""},
		{"big", `"1e3"`, nil, "big must be a valid integer"},
		{"x", `1.5`, 1.5, ""},
		{"when", `"2026-12-04T10:30:00+01:00"`, "2026-12-04T09:30:00.000Z", ""},
		{"when", `"yesterday"`, nil, "when must be a valid date-time"},
		{"at", `"8:30"`, nil, "at must be a valid time"},
		{"at", `"08:30"`, "08:30:00.000", ""},
		{"at", `"23:59:59.5"`, "23:59:59.500", ""},
		{"day", `"2024-02-29"`, "2024-02-29", ""},
		{"day", `"2023-02-29"`, nil, "day must be a valid date"},
		{"size", `"L"`, nil, "size must be one of the following values: S, M"},
		{"mail", `"not-an-email"`, nil, "mail must be a valid email"},
		{"meta", `{"a":[1,2]}`, map[string]any{"a": []any{json.Number("1"), json.Number("2")}}, ""},
	}
	for _, c := range cases {
		t.Run(c.field+" "+c.in, func(t *testing.T) {
			f, _ := s.Field(c.field)
			got, fe := f.Check(decodeJSON([]byte(c.in)))
			switch {
			case c.err != "" && (fe == nil || !strings.HasPrefix(fe.Message, c.err)):
				t.Fatalf("%v %v, want the error %q", got, fe, c.err)
			case c.err == "" && fe != nil:
				t.Fatalf("refused: %s", fe.Message)
			case c.err == "":
				a, _ := json.Marshal(got)
				b, _ := json.Marshal(c.want)
				if string(a) != string(b) {
					t.Fatalf("%s, want %s", a, b)
				}
			}
		})
	}
}

// TestCheckInput: a creation needs the required fields and gets the defaults; an update
// cannot empty a required field.
func TestCheckInput(t *testing.T) {
	t.Parallel()
	s, err := Parse([]byte(`{"attributes": {"name": {"type": "string", "required": true}, "size": {"type": "enumeration", "enum": ["S", "M"], "default": "M"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	vals, errs := s.CheckInput(map[string]any{}, true)
	if len(errs) != 1 || errs[0].Message != "name must be defined." || vals["size"] != "M" {
		t.Fatalf("%v %v", vals, errs)
	}
	if vals, errs = s.CheckInput(map[string]any{}, false); len(errs) != 0 || len(vals) != 0 {
		t.Fatalf("update without fields: %v %v", vals, errs)
	}
	if _, errs = s.CheckInput(map[string]any{"name": nil}, false); len(errs) != 1 || !strings.Contains(errs[0].Message, "but the final value was: `null`") {
		t.Fatalf("emptied: %v", errs)
	}
	b, err := Parse([]byte(`{"attributes": {"ok": {"type": "boolean", "required": true}, "n": {"type": "integer", "required": true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, errs = b.CheckInput(map[string]any{"ok": nil, "n": nil}, true)
	if len(errs) != 2 || errs[0].Message != "ok must be defined." || errs[1].Message != "n must be a `number` type, but the final value was: `NaN`." {
		t.Fatalf("null on create: %v", errs)
	}
	if _, errs = b.CheckInput(map[string]any{"ok": nil}, false); len(errs) != 1 || errs[0].Message != "ok cannot be null." {
		t.Fatalf("null on update: %v", errs)
	}
}

// TestUserJSON: a user object carries its custom fields after blocked and before the
// timestamps, and reads back with them.
func TestUserJSON(t *testing.T) {
	t.Parallel()
	u := User{Id: 1, DocumentId: "d", Username: "ana", Blocked: true, CreatedAt: "c", UpdatedAt: "u", PublishedAt: "p",
		Fields: Shown{{Name: "club", Value: json.RawMessage(`"Trek"`)}, {Name: "age", Value: nil}}}
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"documentId":"d","username":"ana","email":"","provider":"","confirmed":false,"blocked":true,"club":"Trek","age":null,"createdAt":"c","updatedAt":"u","publishedAt":"p"}`
	if string(b) != want {
		t.Fatalf("%s\nwant %s", b, want)
	}
	var back User
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if v, ok := back.Fields.Get("club"); !ok || string(v) != `"Trek"` || len(back.Fields) != 2 {
		t.Fatalf("%+v", back.Fields)
	}
	// A user name that looks like a key changes nothing.
	e := UserEntry{Id: 2, DocumentId: "d", Username: ptr(`x,"createdAt":`), Fields: Shown{{Name: "club", Value: json.RawMessage(`null`)}}}
	if b, _ = json.Marshal(e); string(b) != `{"id":2,"documentId":"d","username":"x,\"createdAt\":","club":null}` {
		t.Fatalf("%s", b)
	}
}

func ptr[T any](v T) *T { return &v }
