package strapiquery

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// qsJSON prints a parsed query string as JSON, object keys in their order.
func qsJSON(v any) string {
	switch t := v.(type) {
	case *qsObject:
		parts := make([]string, len(t.keys))
		for i, k := range t.keys {
			kb, _ := json.Marshal(k)
			parts[i] = string(kb) + ":" + qsJSON(t.vals[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = qsJSON(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	default:
		b, _ := json.Marshal(t)
		return string(b)
	}
}

func TestParseQS(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"", `{}`},
		{"a=1", `{"a":"1"}`},
		{"a", `{"a":null}`},
		{"a=", `{"a":""}`},
		{"a=1&a=2", `{"a":["1","2"]}`},
		{"a[]=1&a[]=2", `{"a":["1","2"]}`},
		{"a[1]=x", `{"a":["x"]}`},
		{"a[0]=x&a[2]=z&a[1]=y", `{"a":["x","y","z"]}`},
		{"a[101]=x", `{"a":{"101":"x"}}`},
		{"a[b][c]=d&a[b][e]=f", `{"a":{"b":{"c":"d","e":"f"}}}`},
		{"filters[$or][0][blocked]=true&filters[$or][1][confirmed]=false", `{"filters":{"$or":[{"blocked":"true"},{"confirmed":"false"}]}}`},
		{"filters[username][$in][0]=a&filters[username][$in][1]=b", `{"filters":{"username":{"$in":["a","b"]}}}`},
		{"filters[username][$in]=a&filters[username][$in]=b", `{"filters":{"username":{"$in":["a","b"]}}}`},
		{"a[0]=x&a[b]=y", `{"a":{"0":"x","b":"y"}}`},
		{"q=a+b%20c%2Bd", `{"q":"a b c+d"}`},
		{"q=%E0%A4%A", `{"q":"%E0%A4%A"}`}, // undecodable: kept as sent
		{"sort[0]=id:desc&sort[1]=username", `{"sort":["id:desc","username"]}`},
		{"populate[role][fields][0]=name", `{"populate":{"role":{"fields":["name"]}}}`},
		{"a[b]=c=d", `{"a":{"b":"c=d"}}`},
		{"[x]=1", `{"x":"1"}`},
		{"__proto__[x]=1&a=2", `{"a":"2"}`},
	}
	for _, c := range cases {
		if got := qsJSON(parseQS(c.raw)); got != c.want {
			t.Errorf("parseQS(%q) = %s, want %s", c.raw, got, c.want)
		}
	}
	deep := "a" + strings.Repeat("[b]", 25) + "=1"
	got := qsJSON(parseQS(deep))
	if !strings.Contains(got, `"[b][b][b][b][b]":"1"`) {
		t.Errorf("beyond depth 20 the rest of the key is one segment, as qs keeps it: %s", got)
	}
}

// TestQSListAppend: values appended to a list with holes go after its highest index, as qs
// appends them, however the list was built.
func TestQSListAppend(t *testing.T) {
	t.Parallel()
	l := newQSList(3, "a")
	l.push("b")
	l.put(1, "c")
	l.push("d")
	if l.end != 6 || l.vals[4] != "b" || l.vals[5] != "d" {
		t.Fatalf("list %v, end %d", l.vals, l.end)
	}
	got := qsFinish(l).([]any)
	if !slices.Equal(got, []any{"c", "a", "b", "d"}) {
		t.Fatalf("finished %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		raw      string
		msg      string
		key      *Error // Key, Path, Param; nil: details {}
		noFields bool
	}{
		{raw: "filters[password][$notNull]=true", msg: "Invalid key password", key: &Error{Key: "password", Path: "password", Param: "filters"}},
		{raw: "filters[resetPasswordToken]=x", msg: "Invalid key resetPasswordToken", key: &Error{Key: "resetPasswordToken", Path: "resetPasswordToken", Param: "filters"}},
		{raw: "filters[$or][0][confirmationToken]=x", msg: "Invalid key confirmationToken", key: &Error{Key: "confirmationToken", Path: "confirmationToken", Param: "filters"}},
		{raw: "filters[foo]=x", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "filters"}},
		{raw: "filters[password]=x&filters[foo]=y", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "filters"}},
		{raw: "filters[username][$foo]=x", msg: "Invalid key $foo at username", key: &Error{Key: "$foo", Path: "username", Param: "filters"}},
		{raw: "filters[role][password]=x", msg: "Invalid key password at role", key: &Error{Key: "password", Path: "role", Param: "filters"}},
		{raw: "filters[role][users][id]=1", msg: "Invalid key users at role.users", key: &Error{Key: "users", Path: "role.users", Param: "filters"}},
		{raw: "filters[$eq]=1", msg: "Invalid key $eq: only $and, $or and $not can be used here", key: &Error{Key: "$eq", Path: "", Param: "filters"}},
		{raw: "filters[username][$or][0]=x", msg: "Invalid key $or at username: only attribute operators can be used here", key: &Error{Key: "$or", Path: "username", Param: "filters"}},
		{raw: "filters[$or][0]", msg: "Invalid key $or: expected an array of objects", key: &Error{Key: "$or", Path: "", Param: "filters"}},
		{raw: "filters[$or][username]=x", msg: "Invalid key $or: expected an array", key: &Error{Key: "$or", Path: "", Param: "filters"}},
		{raw: "filters[id]=abc", msg: `Invalid value "abc" for id: expected an integer`, key: &Error{Key: "id", Path: "id", Param: "filters"}},
		{raw: "filters[id][$lt]=1.5", msg: `Invalid value "1.5" for id: expected an integer`, key: &Error{Key: "$lt", Path: "id", Param: "filters"}},
		{raw: "filters[role]=x", msg: `Invalid value "x" for role: expected an integer`, key: &Error{Key: "role", Path: "role", Param: "filters"}},
		{raw: "filters[id][$in][0]=1&filters[id][$in][1]=x", msg: `Invalid value "x" for id: expected an integer`, key: &Error{Key: "$in", Path: "id", Param: "filters"}},
		{raw: "filters[createdAt][$gt]=yesterday", msg: `Invalid value "yesterday" for createdAt: expected an ISO 8601 date or a timestamp in milliseconds`, key: &Error{Key: "$gt", Path: "createdAt", Param: "filters"}},
		{raw: "filters[confirmed][$containsi]=t", msg: "Invalid key $containsi at confirmed: applies to text only", key: &Error{Key: "$containsi", Path: "confirmed", Param: "filters"}},
		{raw: "filters[id][$between]=1", msg: "Invalid key $between at id: expected two values", key: &Error{Key: "$between", Path: "id", Param: "filters"}},
		{raw: "filters[id][$eq][x]=1", msg: "Invalid key $eq at id: expected a value", key: &Error{Key: "$eq", Path: "id", Param: "filters"}},
		{raw: "filters[role][$eq]=1&filters[role][type]=x", msg: "Invalid key role: operators and attributes cannot be mixed", key: &Error{Key: "role", Path: "role", Param: "filters"}},
		{raw: "filters=abc", msg: "The filters parameter must be an object or an array"},
		{raw: "sort=password", msg: "Invalid key password", key: &Error{Key: "password", Path: "password", Param: "sort"}},
		{raw: "sort=foo:asc", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "sort"}},
		{raw: "sort=role", msg: "Invalid key role", key: &Error{Key: "role", Path: "role", Param: "sort"}},
		{raw: "sort=id:up", msg: "Invalid order. order can only be one of asc|desc|ASC|DESC"},
		{raw: "sort=:desc", msg: "Field cannot be empty"},
		{raw: "sort=id:up&filters[foo]=1", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "filters"}},
		{raw: "fields=password", msg: "Invalid key password", key: &Error{Key: "password", Path: "password", Param: "fields"}},
		{raw: "fields=role", msg: "Invalid key role", key: &Error{Key: "role", Path: "role", Param: "fields"}},
		{raw: "fields[0]=username&fields[1]=foo", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "fields"}},
		{raw: "fields[a]=b", msg: "Invalid fields parameter. Expected a string or an array of strings"},
		{raw: "populate=username", msg: "Invalid key username", key: &Error{Key: "username", Path: "username", Param: "populate"}},
		{raw: "populate=role,foo", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "foo", Param: "populate"}},
		{raw: "populate[password]=true", msg: "Invalid key password", key: &Error{Key: "password", Path: "password", Param: "populate"}},
		{raw: "populate[foo]=true", msg: "Invalid key foo", key: &Error{Key: "foo", Path: "", Param: "populate"}},
		{raw: "start=-1", msg: "convertStartQueryParams expected a positive integer got -1"},
		{raw: "start=x", msg: "convertStartQueryParams expected a positive integer got NaN"},
		{raw: "limit=-5", msg: "convertLimitQueryParams expected a positive integer got -5"},
		{raw: "limit=1.5", msg: "convertLimitQueryParams expected a positive integer got 1.5"},
	}
	for _, c := range cases {
		_, err := Parse(c.raw, BaseModel, true)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: %v, want %q", c.raw, err, c.msg)
			continue
		}
		if e.Message != c.msg {
			t.Errorf("%q: %q, want %q", c.raw, e.Message, c.msg)
		}
		switch {
		case c.key == nil && e.Key != "":
			t.Errorf("%q: details %+v, want none", c.raw, *e)
		case c.key != nil && (e.Key != c.key.Key || e.Path != c.key.Path || e.Param != c.key.Param):
			t.Errorf("%q: details %+v, want %+v", c.raw, *e, *c.key)
		}
	}
}

func TestParseMe(t *testing.T) {
	for _, c := range []struct {
		raw        string
		role       bool
		fields     []string
		roleFields []string
		err        string
	}{
		{raw: ""},
		{raw: "populate=role", role: true},
		{raw: "populate=*", role: true},
		{raw: "populate[0]=role", role: true},
		{raw: "populate[role]=true", role: true},
		{raw: "populate[role]=false"},
		{raw: "populate[role][fields][0]=name", role: true, roleFields: []string{"id", "documentId", "name"}},
		{raw: "populate[role][fields]=name,type", role: true, roleFields: []string{"id", "documentId", "name", "type"}},
		{raw: "populate=foo", err: "Invalid key foo"},
		{raw: "populate[role][fields][0]=nope", err: "Invalid key nope"},
		{raw: "populate[role][fields][0]=users", err: "Invalid key users at role.users"},
		{raw: "fields[0]=username", fields: []string{"id", "documentId", "username"}},
		{raw: "fields=email", fields: []string{"id", "documentId", "email"}},
		{raw: "fields[0]=nope", err: "Invalid key nope"},
		{raw: "fields[0]=password", err: "Invalid key password"},
		{raw: "fields=role", err: "Invalid key role"},
	} {
		q, err := ParseMe(c.raw, BaseModel)
		if c.err != "" {
			var e *Error
			if !errors.As(err, &e) || e.Message != c.err {
				t.Errorf("%q: error %v, want %q", c.raw, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.raw, err)
			continue
		}
		if q.PopulateRole != c.role || !slices.Equal(q.Fields, c.fields) || !slices.Equal(q.RoleFields, c.roleFields) {
			t.Errorf("%q: role %v fields %v role fields %v, want %v %v %v", c.raw, q.PopulateRole, q.Fields, q.RoleFields, c.role, c.fields, c.roleFields)
		}
	}
}
