package httpapi_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// The users API: GET/POST /api/users, GET /api/users/count, GET/PUT/DELETE /api/users/:id.

const (
	actUserFind    = "plugin::users-permissions.user.find"
	actUserFindOne = "plugin::users-permissions.user.findOne"
	actUserCount   = "plugin::users-permissions.user.count"
	actUserCreate  = "plugin::users-permissions.user.create"
	actUserUpdate  = "plugin::users-permissions.user.update"
	actUserDestroy = "plugin::users-permissions.user.destroy"
	actRoleFind    = "plugin::users-permissions.role.find"
	actRoleFindOne = "plugin::users-permissions.role.findOne"
)

// grant gives the role of that type the actions, as the roles API would: a permission row
// each, and the role's perm_version bumped so that the permission cache reloads it.
func grant(t testing.TB, e *apitest.Env, roleType string, actions ...string) {
	t.Helper()
	now := time.Now().UTC()
	for _, a := range actions {
		_, err := e.Exec(
			"INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at) "+
				"SELECT $1, id, $2, $3, $4, $5 FROM up_roles WHERE type = $6 ON CONFLICT (role_id, action) DO NOTHING",
			fmt.Sprintf("perm%020d", time.Now().UnixNano()), a, now, now, now, roleType)
		if err != nil {
			t.Fatalf("grant %s to %s: %v", a, roleType, err)
		}
	}
	if _, err := e.Exec("UPDATE up_roles SET perm_version = perm_version + 1 WHERE type = $1", roleType); err != nil {
		t.Fatal(err)
	}
}

// exec runs a statement on the test database, its arguments written $1, $2, ... in order.
func exec(t testing.TB, e *apitest.Env, query string, args ...any) {
	t.Helper()
	if _, err := e.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// usersFixture is a service with nine users:
//
//	1 alice      alice@example.com     2 ALICE      other2@example.com   3 bob6   bob6@example.com
//	4 bob72      bob72@example.com     5 form_user  form@example.com     6 bob    bob@example.com
//	7 carol      carol@example.com (blocked, role Editor)                8 dave   dave@example.com (unconfirmed)
//	9 a%b*c      pct@example.com
//
// user n created at 2026-01-0n 10:00:00.123456 UTC. Public may find, findOne and count
// users; Authenticated (alice) may also list roles.
type usersFixture struct {
	e        *apitest.Env
	alice    string // alice's token
	editorID int64
}

const editorDocID = "editorroledocumentid0001"

var fixtureUsers = [][3]string{
	{"alice", "alice@example.com"}, {"ALICE", "other2@example.com"}, {"bob6", "bob6@example.com"},
	{"bob72", "bob72@example.com"}, {"form_user", "form@example.com"}, {"bob", "bob@example.com"},
	{"carol", "carol@example.com"}, {"dave", "dave@example.com"}, {"a%b*c", "pct@example.com"},
}

func fixtureCreatedAt(id int64) time.Time {
	return time.Date(2026, 1, int(id), 10, 0, 0, 123456000, time.UTC)
}

func newUsersFixture(t *testing.T, engine string, opts ...apitest.Option) *usersFixture {
	t.Helper()
	e := apitest.New(t, engine, opts...)
	f := &usersFixture{e: e}
	for i, u := range fixtureUsers {
		jwt, id := e.Register(u[0], u[1], "secret123")
		if id != int64(i+1) {
			t.Fatalf("%s got id %d", u[0], id)
		}
		if i == 0 {
			f.alice = jwt
		}
		exec(t, e, "UPDATE up_users SET created_at = $1 WHERE id = $2", fixtureCreatedAt(id), id)
	}
	now := time.Now().UTC()
	exec(t, e, "INSERT INTO up_roles (document_id, name, description, type, created_at, updated_at, published_at) VALUES ($1, $2, NULL, $3, $4, $5, $6)",
		editorDocID, "Editor", "editor", now, now, now)
	err := e.Query("SELECT id FROM up_roles WHERE type = 'editor'", nil, func(scan func(...any) error) error {
		return scan(&f.editorID)
	})
	if err != nil {
		t.Fatal(err)
	}
	exec(t, e, "UPDATE up_users SET blocked = $1, role_id = $2 WHERE id = 7", true, f.editorID)
	exec(t, e, "UPDATE up_users SET confirmed = $1 WHERE id = 8", false)
	grant(t, e, "public", actUserFind, actUserFindOne, actUserCount)
	grant(t, e, "authenticated", actUserFind, actUserFindOne, actUserCount, actRoleFind)
	return f
}

// get sends a GET, as alice when asAlice.
func (f *usersFixture) get(t *testing.T, path string, asAlice bool) apitest.Response {
	t.Helper()
	if asAlice {
		return f.e.Do("GET", path, nil, "Authorization", "Bearer "+f.alice)
	}
	return f.e.Do("GET", path, nil)
}

// entries decodes a 200 list.
func entries(t *testing.T, r apitest.Response) []map[string]any {
	t.Helper()
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var out []map[string]any
	if err := json.Unmarshal(r.Body, &out); err != nil {
		t.Fatalf("not a list of users: %v\n%s", err, r.Body)
	}
	return out
}

func idsOf(list []map[string]any) []int64 {
	ids := []int64{}
	for _, u := range list {
		ids = append(ids, int64(u["id"].(float64)))
	}
	return ids
}

func allBut(ex ...int64) []int64 {
	var out []int64
	for id := int64(1); id <= 9; id++ {
		if !slices.Contains(ex, id) {
			out = append(out, id)
		}
	}
	return out
}

func ids(v ...int64) []int64 { return v }

func ms(t time.Time) string { return t.Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z") }

func TestUsersFilters(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		day3 := ms(fixtureCreatedAt(3))
		cases := []struct {
			name, query string
			anonymous   bool // as Public, which may not list roles
			want        []int64
		}{
			{"no filter", "", false, allBut()},
			{"implicit $eq", "filters[username]=alice", false, ids(1)},
			{"$eq is case-sensitive", "filters[username][$eq]=ALICE", false, ids(2)},
			{"$eqi", "filters[username][$eqi]=aLiCe", false, ids(1, 2)},
			{"$ne", "filters[username][$ne]=alice", false, allBut(1)},
			{"$nei", "filters[username][$nei]=ALICE", false, allBut(1, 2)},
			{"$lt", "filters[id][$lt]=3", false, ids(1, 2)},
			{"$lte", "filters[id][$lte]=3", false, ids(1, 2, 3)},
			{"$gt", "filters[id][$gt]=7", false, ids(8, 9)},
			{"$gte", "filters[id][$gte]=8", false, ids(8, 9)},
			{"$lt on text, bytewise on both engines", "filters[username][$lt]=alice", false, ids(2, 9)},
			{"$in", "filters[id][$in][0]=1&filters[id][$in][1]=3", false, ids(1, 3)},
			{"$in with one value", "filters[id][$in]=2", false, ids(2)},
			{"$in with no value", "filters[id][$in]", false, ids()},
			{"$notIn", "filters[id][$notIn][0]=1&filters[id][$notIn][1]=2", false, allBut(1, 2)},
			{"$contains is case-sensitive", "filters[username][$contains]=LIC", false, ids(2)},
			{"$containsi", "filters[username][$containsi]=LIC", false, ids(1, 2)},
			{"$notContains", "filters[username][$notContains]=bob", false, allBut(3, 4, 6)},
			{"$notContainsi", "filters[username][$notContainsi]=ALI", false, allBut(1, 2)},
			{"$startsWith", "filters[username][$startsWith]=bo", false, ids(3, 4, 6)},
			{"$startsWith is case-sensitive", "filters[username][$startsWith]=BO", false, ids()},
			{"$startsWithi", "filters[username][$startsWithi]=BO", false, ids(3, 4, 6)},
			{"$endsWith", "filters[username][$endsWith]=CE", false, ids(2)},
			{"$endsWithi", "filters[username][$endsWithi]=CE", false, ids(1, 2)},
			{"$contains matches _ literally", "filters[username][$contains]=_", false, ids(5)},
			{"$containsi matches % literally", "filters[username][$containsi]=%25", false, ids(9)},
			{"$contains matches * literally", "filters[username][$contains]=*", false, ids(9)},
			{"$startsWith matches a% literally", "filters[username][$startsWith]=a%25", false, ids(9)},
			{"$contains on the id", "filters[id][$contains]=7", false, ids(7)},
			{"$null", "filters[email][$null]=true", false, ids()},
			{"$null false", "filters[email][$null]=false", false, allBut()},
			{"$notNull", "filters[email][$notNull]=true", false, allBut()},
			{"$notNull false", "filters[email][$notNull]=false", false, ids()},
			{"$between", "filters[id][$between][0]=2&filters[id][$between][1]=4", false, ids(2, 3, 4)},
			{"boolean true", "filters[blocked]=true", false, ids(7)},
			{"boolean false", "filters[blocked][$eq]=false", false, allBut(7)},
			{"boolean 0", "filters[confirmed]=0", false, ids(8)},
			{"boolean $ne t", "filters[confirmed][$ne]=t", false, ids(8)},
			{"$and", "filters[$and][0][username][$startsWith]=bob&filters[$and][1][id][$gt]=3", false, ids(4, 6)},
			{"$or", "filters[$or][0][blocked]=true&filters[$or][1][confirmed]=false", false, ids(7, 8)},
			{"$not", "filters[$not][username][$startsWith]=bob", false, allBut(3, 4, 6)},
			{"$not on an attribute", "filters[username][$not][$eq]=alice", false, allBut(1)},
			{"$not with a value", "filters[id][$not]=1", false, allBut(1)},
			{"nested groups", "filters[$or][0][$and][0][username][$containsi]=BOB&filters[$or][0][$and][1][id][$lt]=5&filters[$or][1][email][$endsWith]=carol@example.com", false, ids(3, 4, 7)},
			{"several attributes", "filters[username][$startsWith]=bob&filters[id][$ne]=3", false, ids(4, 6)},
			{"several operators", "filters[id][$gt]=2&filters[id][$lt]=5", false, ids(3, 4)},
			{"a list of values", "filters[username][0]=alice&filters[username][1]=bob", false, ids(1, 6)},
			{"a list for $eq", "filters[username][$eq][0]=alice&filters[username][$eq][1]=bob", false, ids(1, 6)},
			{"a list for $containsi", "filters[username][$containsi][0]=ALI&filters[username][$containsi][1]=car", false, ids(1, 2, 7)},
			{"filters as a list", "filters[0][id][$gt]=2&filters[1][id][$lt]=4", false, ids(3)},
			{"date $eq to the millisecond", "filters[createdAt][$eq]=" + day3, false, ids(3)},
			{"date implicit $eq", "filters[createdAt]=" + day3, false, ids(3)},
			{"date $ne", "filters[createdAt][$ne]=" + day3, false, allBut(3)},
			{"date $gt", "filters[createdAt][$gt]=" + day3, false, ids(4, 5, 6, 7, 8, 9)},
			{"date $gte", "filters[createdAt][$gte]=" + day3, false, ids(3, 4, 5, 6, 7, 8, 9)},
			{"date $lt", "filters[createdAt][$lt]=" + day3, false, ids(1, 2)},
			{"date $lte", "filters[createdAt][$lte]=" + day3, false, ids(1, 2, 3)},
			{"date only", "filters[createdAt][$lt]=2026-01-03", false, ids(1, 2)},
			{"date with offset", "filters[createdAt][$lte]=2026-01-03T11:00:00.123%2B01:00", false, ids(1, 2, 3)},
			{"date as milliseconds", "filters[createdAt]=" + strconv.FormatInt(fixtureCreatedAt(3).UnixMilli(), 10), false, ids(3)},
			{"date $between", "filters[createdAt][$between][0]=2026-01-02&filters[createdAt][$between][1]=" + ms(fixtureCreatedAt(4)), false, ids(2, 3, 4)},
			{"date $in", "filters[createdAt][$in][0]=" + ms(fixtureCreatedAt(1)) + "&filters[createdAt][$in][1]=" + ms(fixtureCreatedAt(5)), false, ids(1, 5)},
			{"date $notIn", "filters[createdAt][$notIn][0]=" + ms(fixtureCreatedAt(1)), false, allBut(1)},
			{"role type", "filters[role][type]=editor", false, ids(7)},
			{"role id", "filters[role][id]=1", false, allBut(7)},
			{"role as an id", "filters[role]=" + "3", false, ids(7)},
			{"role $in", "filters[role][$in][0]=3", false, ids(7)},
			{"role name $containsi", "filters[role][name][$containsi]=EDIT", false, ids(7)},
			{"role $null", "filters[role][$null]=true", false, ids()},
			{"role $or", "filters[role][$or][0][type]=editor&filters[role][$or][1][name]=Nope", false, ids(7)},
			{"role within $or", "filters[$or][0][role][type]=editor&filters[$or][1][id]=1", false, ids(1, 7)},
			{"role filter dropped without role.find", "filters[role][type]=editor", true, allBut()},
			{"role filter dropped, others kept", "filters[role][type]=editor&filters[id][$lt]=3", true, ids(1, 2)},
			{"role filter dropped from $or", "filters[$or][0][role][type]=editor&filters[$or][1][id]=1", true, ids(1)},
			{"role filter dropped from $not", "filters[$not][role][type]=editor", true, allBut()},
			{"anonymous filters", "filters[username][$startsWith]=bob", true, ids(3, 4, 6)},
			// (_q also searches the random documentIds: the texts below cannot appear in one.)
			{"_q", "_q=FORM_", false, ids(5)},
			{"_q in emails", "_q=B6@", false, ids(3)},
			{"_q literally", "_q=%25", false, ids(9)},
			{"_q empty", "_q=", false, allBut()},
			{"_q and filters", "_q=@example.com&filters[id][$gt]=7", false, ids(8, 9)},
			// 3 characters or more: narrowed by the search index (migration 00011), same answers.
			{"_q of 3 characters, literally", "_q=a%25B", false, ids(9)},
			{"_q of a role-less match", "_q=72@EXAMPLE", false, ids(4)},
			{"$notContainsi narrowed", "filters[email][$notContainsi]=B72@", false, allBut(4)},
			{"$endsWithi narrowed", "filters[email][$endsWithi]=ROL@EXAMPLE.COM", false, ids(7)},
			{"$contains narrowed, case-sensitive", "filters[username][$contains]=LICE", false, ids(2)},
			{"other keys ignored", "foo=bar&pagination[page]=2&page=3&pageSize=1", false, allBut()},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got := idsOf(entries(t, f.get(t, "/api/users?"+c.query, !c.anonymous)))
				if !slices.Equal(got, c.want) {
					t.Errorf("GET /api/users?%s: ids %v, want %v", c.query, got, c.want)
				}
				r := f.get(t, "/api/users/count?"+c.query, !c.anonymous)
				if r.Status != 200 || strings.TrimSpace(string(r.Body)) != strconv.Itoa(len(c.want)) {
					t.Errorf("GET /api/users/count?%s: %d %s, want %d", c.query, r.Status, r.Body, len(c.want))
				}
			})
		}
	})
}

func TestUsersSortAndPagination(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		byUsername := ids(2, 9, 1, 6, 3, 4, 7, 8, 5) // bytewise: "ALICE" < "a%b*c" < "alice" < "bob" < ...
		reversed := slices.Clone(byUsername)
		slices.Reverse(reversed)
		cases := []struct {
			name, query string
			anonymous   bool
			want        []int64
			count       int // what count answers for the same query: start and limit do not apply
		}{
			{"database order", "", false, allBut(), 9},
			{"id:desc", "sort=id:desc", false, ids(9, 8, 7, 6, 5, 4, 3, 2, 1), 9},
			{"username", "sort=username", false, byUsername, 9},
			{"username:DESC", "sort=username:DESC", false, reversed, 9},
			{"comma list", "sort=blocked:desc,id:desc", false, ids(7, 9, 8, 6, 5, 4, 3, 2, 1), 9},
			{"array", "sort[0]=confirmed:asc&sort[1]=id:desc", false, ids(8, 9, 7, 6, 5, 4, 3, 2, 1), 9},
			{"object", "sort[username]=desc", false, reversed, 9},
			{"array of objects", "sort[0][confirmed]=asc&sort[1][username]=asc", false, ids(8, 2, 9, 1, 6, 3, 4, 7, 5), 9},
			{"date", "sort=createdAt:desc", false, ids(9, 8, 7, 6, 5, 4, 3, 2, 1), 9},
			{"role name", "sort=role.name:desc", false, ids(7, 1, 2, 3, 4, 5, 6, 8, 9), 9},
			{"role sort dropped without role.find", "sort=role.name:desc", true, allBut(), 9},
			{"start and limit", "start=2&limit=3", false, ids(3, 4, 5), 9},
			{"limit", "limit=2", false, ids(1, 2), 9},
			{"start", "start=7", false, ids(8, 9), 9},
			{"limit -1 is all", "limit=-1", false, allBut(), 9},
			{"limit 0 is all, as in Strapi", "limit=0", false, allBut(), 9},
			{"sorted page", "sort=id:desc&start=1&limit=2", false, ids(8, 7), 9},
			{"filtered page", "filters[username][$startsWith]=bob&limit=2&start=1", false, ids(4, 6), 3},
			{"pagination[...] ignored (golden 121)", "sort=id:desc&pagination[limit]=2", false, ids(9, 8, 7, 6, 5, 4, 3, 2, 1), 9},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got := idsOf(entries(t, f.get(t, "/api/users?"+c.query, !c.anonymous)))
				if !slices.Equal(got, c.want) {
					t.Errorf("GET /api/users?%s: ids %v, want %v", c.query, got, c.want)
				}
				r := f.get(t, "/api/users/count?"+c.query, !c.anonymous)
				if r.Status != 200 || strings.TrimSpace(string(r.Body)) != strconv.Itoa(c.count) {
					t.Errorf("GET /api/users/count?%s: %d %s, want %d", c.query, r.Status, r.Body, c.count)
				}
			})
		}
	})
}

var allUserKeys = []string{"blocked", "confirmed", "createdAt", "documentId", "email", "id", "provider", "publishedAt", "updatedAt", "username"}

func TestUsersFieldsAndPopulate(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		withRole := append(slices.Clone(allUserKeys), "role")
		sort.Strings(withRole)
		cases := []struct {
			name, query string
			anonymous   bool
			keys        []string
		}{
			{"every field by default", "", false, allUserKeys},
			{"fields", "fields=username", false, []string{"documentId", "id", "username"}},
			{"fields, comma list", "fields=email,blocked", false, []string{"blocked", "documentId", "email", "id"}},
			{"fields, array", "fields[0]=createdAt&fields[1]=provider", false, []string{"createdAt", "documentId", "id", "provider"}},
			{"fields *", "fields=*", false, allUserKeys},
			{"fields id", "fields=id", false, []string{"documentId", "id"}},
			{"populate role", "populate=role", false, withRole},
			{"populate *", "populate=*", false, withRole},
			{"populate array", "populate[0]=role", false, withRole},
			{"populate object", "populate[role]=true", false, withRole},
			{"populate object false", "populate[role]=false", false, allUserKeys},
			{"populate with options", "populate[role][fields][0]=name", false, withRole},
			{"fields and populate", "fields=username&populate=role", false, []string{"documentId", "id", "role", "username"}},
			{"no role without role.find", "populate=role", true, allUserKeys},
			{"no role without role.find, *", "populate=*", true, allUserKeys},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				list := entries(t, f.get(t, "/api/users?"+c.query, !c.anonymous))
				if len(list) != 9 {
					t.Fatalf("%d users", len(list))
				}
				for _, u := range list {
					if got := slices.Sorted(maps.Keys(u)); !slices.Equal(got, c.keys) {
						t.Fatalf("user %v: keys %v, want %v", u["id"], got, c.keys)
					}
				}
				one := f.get(t, "/api/users/7?"+c.query, !c.anonymous)
				var u map[string]any
				if one.Status != 200 || json.Unmarshal(one.Body, &u) != nil {
					t.Fatalf("GET /api/users/7: %d %s", one.Status, one.Body)
				}
				if got := slices.Sorted(maps.Keys(u)); !slices.Equal(got, c.keys) {
					t.Fatalf("GET /api/users/7?%s: keys %v, want %v", c.query, got, c.keys)
				}
			})
		}
		t.Run("the populated role", func(t *testing.T) {
			list := entries(t, f.get(t, "/api/users?populate=role&filters[id][$in][0]=1&filters[id][$in][1]=7", true))
			role1, _ := json.Marshal(list[0]["role"])
			role7, _ := json.Marshal(list[1]["role"])
			if !strings.HasPrefix(string(role1), `{"createdAt":`) || !strings.Contains(string(role1), `"description":"Default role given to authenticated user.","documentId":"wtrhykk0vdcmwobd2uq4niq7","id":1,"name":"Authenticated"`) ||
				!strings.Contains(string(role1), `"type":"authenticated"`) {
				t.Errorf("alice's role %s", role1)
			}
			if !strings.Contains(string(role7), `"description":null,"documentId":"`+editorDocID+`","id":`+strconv.FormatInt(f.editorID, 10)+`,"name":"Editor"`) {
				t.Errorf("carol's role %s", role7)
			}
		})
		t.Run("a list of one field is Strapi's shape", func(t *testing.T) {
			r := f.get(t, "/api/users?fields[0]=username&filters[id]=1", true)
			if want := `[{"id":1,"documentId":"`; !strings.HasPrefix(string(r.Body), want) || !strings.HasSuffix(strings.TrimSpace(string(r.Body)), `","username":"alice"}]`) {
				t.Errorf("%s", r.Body)
			}
		})
		t.Run("no password, ever", func(t *testing.T) {
			for _, q := range []string{"", "?populate=*", "?fields=*"} {
				if r := f.get(t, "/api/users"+q, true); strings.Contains(strings.ToLower(string(r.Body)), "password") || strings.Contains(string(r.Body), "$2a$") {
					t.Errorf("GET /api/users%s shows a password: %s", q, r.Body)
				}
			}
		})
	})
}

// wantQueryError checks a 400 ValidationError refusing a query key, with Strapi's details
// {key, path, source: "query", param}; path "" means none.
func wantQueryError(t *testing.T, r apitest.Response, message, key, path, param string) {
	t.Helper()
	if r.Status != 400 {
		t.Fatalf("status %d, want 400: %s", r.Status, r.Body)
	}
	env := decodeEnvelope(t, r)
	if env.Error.Name != "ValidationError" || env.Error.Message != message {
		t.Fatalf("%s %q, want ValidationError %q", env.Error.Name, env.Error.Message, message)
	}
	// Strapi 5.54 reports "path": null for a key that names no attribute (issue 8).
	want := map[string]any{"key": key, "source": "query", "param": param, "path": nil}
	if path != "" {
		want["path"] = path
	}
	if key == "" {
		want = map[string]any{}
	}
	got, _ := json.Marshal(env.Error.Details)
	exp, _ := json.Marshal(want)
	if string(got) != string(exp) {
		t.Fatalf("details %s, want %s", got, exp)
	}
}

func TestUsersQueryErrors(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		cases := []struct {
			query, message, key, path, param string
		}{ // (a role filter is dropped for callers who cannot see roles: see filters[role][password] below)
			{"filters[password][$notNull]=true", "Invalid key password", "password", "password", "filters"},
			{"filters[resetPasswordToken]=x", "Invalid key resetPasswordToken", "resetPasswordToken", "resetPasswordToken", "filters"},
			{"filters[confirmationToken][$eq]=x", "Invalid key confirmationToken", "confirmationToken", "confirmationToken", "filters"},
			{"filters[$or][0][password]=x", "Invalid key password", "password", "password", "filters"},
			{"filters[foo]=x", "Invalid key foo", "foo", "", "filters"},
			{"filters[username][$foo]=x", "Invalid key $foo at username", "$foo", "username", "filters"},
			{"filters[id]=abc", `Invalid value "abc" for id: expected an integer`, "id", "id", "filters"},
			{"filters[createdAt][$gt]=yesterday", `Invalid value "yesterday" for createdAt: expected an ISO 8601 date or a timestamp in milliseconds`, "$gt", "createdAt", "filters"},
			{"filters[blocked][$contains]=t", "Invalid key $contains at blocked: applies to text only", "$contains", "blocked", "filters"},
			{"filters[id][$between]=1", "Invalid key $between at id: expected two values", "$between", "id", "filters"},
			{"filters[$eq]=1", "Invalid key $eq: only $and, $or and $not can be used here", "$eq", "", "filters"},
			{"filters=abc", "The filters parameter must be an object or an array", "", "", ""},
			{"sort=password", "Invalid key password", "password", "password", "sort"},
			{"sort=foo:asc", "Invalid key foo", "foo", "", "sort"},
			{"sort[0]=id&sort[1]=confirmationToken:desc", "Invalid key confirmationToken", "confirmationToken", "confirmationToken", "sort"},
			{"sort=id:up", "Invalid order. order can only be one of asc|desc|ASC|DESC", "", "", ""},
			{"sort=:desc", "Field cannot be empty", "", "", ""},
			{"fields=password", "Invalid key password", "password", "password", "fields"},
			{"fields[0]=username&fields[1]=role", "Invalid key role", "role", "role", "fields"},
			{"fields=foo", "Invalid key foo", "foo", "", "fields"},
			{"populate=username", "Invalid key username", "username", "username", "populate"},
			{"populate=foo", "Invalid key foo", "foo", "foo", "populate"},
			{"populate[password]=true", "Invalid key password", "password", "password", "populate"},
			// Strapi validates filters, sort, fields, populate in this order.
			{"populate=foo&fields=bar&sort=baz&filters[qux]=1", "Invalid key qux", "qux", "", "filters"},
			{"populate=foo&fields=bar&sort=baz", "Invalid key baz", "baz", "", "sort"},
		}
		for _, c := range cases {
			t.Run(c.query, func(t *testing.T) {
				wantQueryError(t, f.get(t, "/api/users?"+c.query, true), c.message, c.key, c.path, c.param)
				wantQueryError(t, f.get(t, "/api/users?"+c.query, false), c.message, c.key, c.path, c.param)
			})
		}
		t.Run("role keys, for callers who may see roles", func(t *testing.T) {
			wantQueryError(t, f.get(t, "/api/users?filters[role][password]=x", true), "Invalid key password at role", "password", "role", "filters")
			wantQueryError(t, f.get(t, "/api/users?sort=role.foo", true), "Invalid key foo at role", "foo", "role", "sort")
			if r := f.get(t, "/api/users?filters[role][password]=x", false); r.Status != 200 {
				t.Errorf("a role filter of a caller who cannot see roles is dropped: %d %s", r.Status, r.Body)
			}
		})
		t.Run("count and findOne validate their query too", func(t *testing.T) {
			wantQueryError(t, f.get(t, "/api/users/count?filters[password][$null]=false", false), "Invalid key password", "password", "password", "filters")
			wantQueryError(t, f.get(t, "/api/users/1?fields=password", false), "Invalid key password", "password", "password", "fields")
			wantQueryError(t, f.get(t, "/api/users/1?populate=email", true), "Invalid key email", "email", "email", "populate")
		})
		t.Run("parameters of the wrong type", func(t *testing.T) {
			// Strapi's own messages (§8.2), from the query parser.
			wantError(t, f.get(t, "/api/users?limit=-5", true), 400, "ValidationError", "convertLimitQueryParams expected a positive integer got -5", "")
			wantError(t, f.get(t, "/api/users?start=-1", true), 400, "ValidationError", "convertStartQueryParams expected a positive integer got -1", "")
			if r := f.get(t, "/api/users?limit=-1", true); r.Status != 200 {
				t.Fatalf("limit=-1 (all): %d %s", r.Status, r.Body)
			}
			wantError(t, f.get(t, "/api/users?limit=abc", true), 400, "ValidationError", "limit must be a `number` type, but the final value was: `\"abc\"`.",
				"[{\"path\":[\"limit\"],\"message\":\"limit must be a `number` type, but the final value was: `\\\"abc\\\"`.\",\"name\":\"ValidationError\",\"value\":\"abc\"}]")
		})
	})
}

func TestUsersFindOne(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		r := f.get(t, "/api/users/2", false)
		var u map[string]any
		if r.Status != 200 || json.Unmarshal(r.Body, &u) != nil || u["username"] != "ALICE" || u["email"] != "other2@example.com" ||
			!slices.Equal(slices.Sorted(maps.Keys(u)), allUserKeys) {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		if !strings.HasPrefix(string(r.Body), `{"id":2,"documentId":"`) {
			t.Errorf("keys not in Strapi's order: %s", r.Body)
		}
		if r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("content type %q", r.Header.Get("Content-Type"))
		}
		for _, path := range []string{"/api/users/99999", "/api/users/7?filters[blocked]=false"} {
			if r := f.get(t, path, true); r.Status != 204 || len(r.Body) != 0 {
				t.Errorf("GET %s: %d %q, want an empty 204", path, r.Status, r.Body)
			}
		}
		if r := f.get(t, "/api/users/7?filters[blocked]=true", true); r.Status != 200 {
			t.Errorf("a filter keeping the user: %d %s", r.Status, r.Body)
		}
		// Decision D8 (amended): an id that is no positive integer, such as the documentId
		// Strapi clients look users up by, names no user: Strapi's empty 204, never its 500
		// (PostgreSQL).
		docID := decodeUser(t, f.get(t, "/api/users/7", true), 200).DocumentID
		for _, id := range []string{"abc", docID, "0", "-7", "7.0", "1e3", "99999999999999999999", "%20", "7abc"} {
			if r := f.get(t, "/api/users/"+id, true); r.Status != 204 || len(r.Body) != 0 {
				t.Errorf("GET /api/users/%s: %d %q, want an empty 204", id, r.Status, r.Body)
			}
		}
		// The query is still validated first, as in Strapi.
		wantQueryError(t, f.get(t, "/api/users/abc?fields=password", true), "Invalid key password", "password", "password", "fields")
	})
}

func TestCurrentUserPopulateRole(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		plain := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt)
		if plain.Status != 200 || strings.Contains(string(plain.Body), "role") {
			t.Fatalf("without populate: %d %s", plain.Status, plain.Body)
		}
		// Decision D11: the caller's own role, even without role.find.
		for _, q := range []string{"populate=role", "populate=*", "populate[0]=role", "populate[role]=true"} {
			r := e.Do("GET", "/api/users/me?"+q, nil, "Authorization", "Bearer "+jwt)
			var u struct {
				Username string
				Role     *struct {
					ID   int64
					Type string
				}
			}
			if r.Status != 200 || json.Unmarshal(r.Body, &u) != nil || u.Role == nil || u.Role.Type != "authenticated" || u.Role.ID != 1 {
				t.Errorf("?%s: %d %s", q, r.Status, r.Body)
			}
		}
		// Strapi 5.54 validates /me's query as the users API's: an unknown populate is refused.
		wantQueryError(t, e.Do("GET", "/api/users/me?populate=foo", nil, "Authorization", "Bearer "+jwt), "Invalid key foo", "foo", "foo", "populate")
	})
}

// writeFixture is a service where alice (Authenticated) may create, update and delete
// users and list roles, and Public may create, update and delete users but not see roles.
func writeFixture(t *testing.T, engine string, opts ...apitest.Option) *usersFixture {
	t.Helper()
	f := newUsersFixture(t, engine, opts...)
	grant(t, f.e, "authenticated", actUserCreate, actUserUpdate, actUserDestroy)
	grant(t, f.e, "public", actUserCreate, actUserUpdate, actUserDestroy)
	return f
}

func (f *usersFixture) send(t *testing.T, method, path, body string, asAlice bool) apitest.Response {
	t.Helper()
	h := []string{"Content-Type", "application/json"}
	if asAlice {
		h = append(h, "Authorization", "Bearer "+f.alice)
	}
	var b []byte
	if body != "" {
		b = []byte(body)
	}
	return f.e.Do(method, path, b, h...)
}

type userJSON struct {
	ID          int64  `json:"id"`
	DocumentID  string `json:"documentId"`
	Username    string `json:"username"`
	Email       string `json:"email"`
	Provider    string `json:"provider"`
	Confirmed   bool   `json:"confirmed"`
	Blocked     bool   `json:"blocked"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
	PublishedAt string `json:"publishedAt"`
	Role        *struct {
		ID   int64  `json:"id"`
		Type string `json:"type"`
	} `json:"role"`
}

func decodeUser(t *testing.T, r apitest.Response, status int) userJSON {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	var u userJSON
	if err := json.Unmarshal(r.Body, &u); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(r.Body)), "password") {
		t.Fatalf("a password in %s", r.Body)
	}
	return u
}

func login(t *testing.T, e *apitest.Env, identifier, password string) apitest.Response {
	t.Helper()
	return e.PostJSON("/api/auth/local", map[string]string{"identifier": identifier, "password": password})
}

func TestCreateUser(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := writeFixture(t, engine)
		t.Run("created", func(t *testing.T) {
			u := decodeUser(t, f.send(t, "POST", "/api/users", `{"username":"newbie","email":"NewBie@Example.COM","password":"secret123","role":1,"foo":"ignored"}`, true), 201)
			if u.ID != 10 || u.Username != "newbie" || u.Email != "newbie@example.com" || u.Provider != "local" || u.Confirmed || u.Blocked ||
				len(u.DocumentID) != 24 || u.Role == nil || u.Role.Type != "authenticated" {
				t.Fatalf("%+v", u)
			}
			if r := login(t, f.e, "newbie", "secret123"); r.Status != 200 {
				t.Fatalf("the new user cannot log in: %d %s", r.Status, r.Body)
			}
			if got := idsOf(entries(t, f.get(t, "/api/users?filters[email]=newbie@example.com", true))); !slices.Equal(got, ids(10)) {
				t.Fatalf("listed %v", got)
			}
		})
		cases := []struct {
			name, body, role string
			anonymous        bool
			confirmed        bool
			blocked          bool
		}{
			{"confirmed and blocked", `{"username":"user1","email":"u1@example.com","password":"secret123","role":2,"confirmed":true,"blocked":true}`, "public", false, true, true},
			{"role by documentId", `{"username":"user2","email":"u2@example.com","password":"secret123","role":"` + editorDocID + `"}`, "editor", false, false, false},
			{"role by connect id", `{"username":"user3","email":"u3@example.com","password":"secret123","role":{"connect":[{"id":2}]}}`, "public", false, false, false},
			{"role by connect documentId", `{"username":"user4","email":"u4@example.com","password":"secret123","role":{"connect":[{"documentId":"` + editorDocID + `"}]}}`, "editor", false, false, false},
			{"no role shown without role.find", `{"username":"user5","email":"u5@example.com","password":"secret123","role":1}`, "", true, false, false},
			{"six characters, 3-character username", `{"username":"abc","email":"u6@example.com","password":"123456","role":1}`, "authenticated", false, false, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				u := decodeUser(t, f.send(t, "POST", "/api/users", c.body, !c.anonymous), 201)
				if u.Confirmed != c.confirmed || u.Blocked != c.blocked {
					t.Errorf("%+v", u)
				}
				switch {
				case c.role == "" && u.Role != nil:
					t.Errorf("role shown: %+v", u.Role)
				case c.role != "" && (u.Role == nil || u.Role.Type != c.role):
					t.Errorf("role %+v, want %s", u.Role, c.role)
				}
			})
		}
		const appErr, valErr = "ApplicationError", "ValidationError"
		errs := []struct {
			name, body, errName, message, fields string
		}{
			{"missing role", `{"username":"zed","email":"zed@example.com","password":"secret123"}`, valErr, "role is a required field",
				`[{"path":["role"],"message":"role is a required field","name":"ValidationError"}]`},
			{"missing fields", `{"role":1}`, valErr, "3 errors occurred",
				`[{"path":["email"],"message":"email is a required field","name":"ValidationError"},{"path":["username"],"message":"username is a required field","name":"ValidationError"},{"path":["password"],"message":"password is a required field","name":"ValidationError"}]`},
			{"invalid email", `{"username":"zed","email":"zed","password":"secret123","role":1}`, valErr, "email must be a valid email",
				`[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"zed"}]`},
			{"empty connect", `{"username":"zed","email":"zed@example.com","password":"secret123","role":{"connect":[]}}`, valErr, "Users must have a role",
				`[{"path":["role","connect"],"message":"Users must have a role","name":"ValidationError","value":[]}]`},
			{"no connect", `{"username":"zed","email":"zed@example.com","password":"secret123","role":{}}`, valErr, "role.connect is a required field",
				`[{"path":["role","connect"],"message":"role.connect is a required field","name":"ValidationError"}]`},
			{"connect entry without id", `{"username":"zed","email":"zed@example.com","password":"secret123","role":{"connect":[{}]}}`, valErr, "Relation entry must include an id or documentId",
				`[{"path":["role","connect","0"],"message":"Relation entry must include an id or documentId","name":"ValidationError","value":{}}]`},
			{"email taken, in another case", `{"username":"zed","email":"ALICE@example.com","password":"secret123","role":1}`, appErr, "Email already taken", ""},
			{"email taken before the username's length", `{"username":"z","email":"bob@example.com","password":"secret123","role":1}`, appErr, "Email already taken", ""},
			{"username taken", `{"username":"alice","email":"zed@example.com","password":"secret123","role":1}`, appErr, "This attribute must be unique", ""},
			{"username too short", `{"username":"ab","email":"zed@example.com","password":"secret123","role":1}`, appErr, "username must be at least 3 characters", ""},
			{"username too long", `{"username":"` + strings.Repeat("z", 256) + `","email":"zed@example.com","password":"secret123","role":1}`, appErr, "username must be at most 255 characters", ""},
			{"password too short", `{"username":"zed","email":"zed@example.com","password":"12345","role":1}`, appErr, "password must be at least 6 characters", ""},
			{"two entity errors", `{"username":"ab","email":"zed@example.com","password":"12345","role":1}`, appErr, "2 errors occurred", ""},
			{"unknown role id", `{"username":"zed","email":"zed@example.com","password":"secret123","role":999}`, appErr, "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist", ""},
			{"unknown role documentId", `{"username":"zed","email":"zed@example.com","password":"secret123","role":"nope"}`, appErr, "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist", ""},
			{"unknown role in connect", `{"username":"zed","email":"zed@example.com","password":"secret123","role":{"connect":[{"id":999}]}}`, appErr, "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist", ""},
			{"password over 72 bytes", `{"username":"zed","email":"zed@example.com","password":"` + strings.Repeat("é", 37) + `","role":1}`, appErr, "Password must be less than 73 bytes", ""},
			{"short password before unknown role", `{"username":"zed","email":"zed@example.com","password":"1","role":999}`, appErr, "password must be at least 6 characters", ""},
		}
		for _, c := range errs {
			t.Run(c.name, func(t *testing.T) {
				wantError(t, f.send(t, "POST", "/api/users", c.body, true), 400, c.errName, c.message, c.fields)
			})
		}
		if r := f.get(t, "/api/users/count?filters[username]=zed", true); strings.TrimSpace(string(r.Body)) != "0" {
			t.Fatalf("a refused user was created: %s", r.Body)
		}
	})
}

func TestCreateUserUniqueEmailOff(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := writeFixture(t, engine, func(c *config.Config) { c.Advanced["unique_email"] = "false" })
		// Strapi would create a second account; the database refuses one here.
		wantError(t, f.send(t, "POST", "/api/users", `{"username":"zed","email":"Alice@example.com","password":"secret123","role":1}`, true),
			400, "ApplicationError", "Email already taken", "")
		u := decodeUser(t, f.send(t, "PUT", "/api/users/3", `{"email":"Bob6.New@Example.com"}`, true), 200)
		if u.Email != "Bob6.New@Example.com" { // lower-cased only with unique_email, as Strapi does
			t.Errorf("email %q", u.Email)
		}
		wantError(t, f.send(t, "PUT", "/api/users/3", `{"email":"ALICE@example.com"}`, true), 400, "ApplicationError", "Email already taken", "")
	})
}

func TestUpdateUser(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := writeFixture(t, engine)
		before := decodeUser(t, f.get(t, "/api/users/3", true), 200)
		f.e.Clock.Advance(2 * time.Millisecond)

		t.Run("empty body", func(t *testing.T) {
			u := decodeUser(t, f.send(t, "PUT", "/api/users/3", `{}`, true), 200)
			if u.Username != before.Username || u.Email != before.Email || u.CreatedAt != before.CreatedAt || u.DocumentID != before.DocumentID ||
				u.UpdatedAt <= before.UpdatedAt || u.PublishedAt <= before.PublishedAt || u.Role == nil || u.Role.Type != "authenticated" {
				t.Fatalf("%+v\nbefore %+v", u, before)
			}
		})
		t.Run("only the fields given change", func(t *testing.T) {
			u := decodeUser(t, f.send(t, "PUT", "/api/users/3", `{"username":"bob6new","confirmed":false}`, true), 200)
			if u.Username != "bob6new" || u.Email != before.Email || u.Confirmed || u.Blocked {
				t.Fatalf("%+v", u)
			}
			u = decodeUser(t, f.send(t, "PUT", "/api/users/3", `{"email":"Bob6.New@Example.com","confirmed":true}`, true), 200)
			if u.Username != "bob6new" || u.Email != "bob6.new@example.com" || !u.Confirmed {
				t.Fatalf("%+v", u)
			}
		})
		t.Run("own username and email", func(t *testing.T) {
			decodeUser(t, f.send(t, "PUT", "/api/users/3", `{"username":"bob6new","email":"BOB6.new@example.com"}`, true), 200)
		})
		t.Run("role", func(t *testing.T) {
			u := decodeUser(t, f.send(t, "PUT", "/api/users/4", `{"role":{"connect":[{"id":`+strconv.FormatInt(f.editorID, 10)+`}]}}`, true), 200)
			if u.Role == nil || u.Role.Type != "editor" {
				t.Fatalf("%+v", u.Role)
			}
			u = decodeUser(t, f.send(t, "PUT", "/api/users/4", `{"role":{"disconnect":[{"id":`+strconv.FormatInt(f.editorID, 10)+`}],"connect":[{"id":2}]}}`, true), 200)
			if u.Role == nil || u.Role.Type != "public" {
				t.Fatalf("%+v", u.Role)
			}
			u = decodeUser(t, f.send(t, "PUT", "/api/users/4", `{"role":1}`, false), 200)
			if u.Role != nil { // Public may not see roles
				t.Fatalf("role shown: %+v", u.Role)
			}
			if got := idsOf(entries(t, f.get(t, "/api/users?filters[role][type]=authenticated&filters[id]=4", true))); !slices.Equal(got, ids(4)) {
				t.Fatalf("role not stored: %v", got)
			}
		})
		t.Run("blocking stops the user's tokens at once", func(t *testing.T) {
			jwt, id := f.e.Register("erin", "erin@example.com", "secret123")
			if r := f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("%d", r.Status)
			}
			decodeUser(t, f.send(t, "PUT", "/api/users/"+strconv.FormatInt(id, 10), `{"blocked":true}`, true), 200)
			wantError(t, f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt), 401, "UnauthorizedError", "Invalid credentials", "")
		})
		t.Run("a new password stops the older tokens (D5)", func(t *testing.T) {
			jwt, id := f.e.Register("frank", "frank@example.com", "secret123")
			decodeUser(t, f.send(t, "PUT", "/api/users/"+strconv.FormatInt(id, 10), `{"password":"n3w-secret"}`, true), 200)
			wantError(t, f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt), 401, "UnauthorizedError", "Missing or invalid credentials", "")
			wantError(t, login(t, f.e, "frank", "secret123"), 400, "ValidationError", "Invalid identifier or password", "")
			r := login(t, f.e, "frank", "n3w-secret")
			if r.Status != 200 {
				t.Fatalf("login with the new password: %d %s", r.Status, r.Body)
			}
			var out struct{ JWT string }
			_ = json.Unmarshal(r.Body, &out)
			if r := f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+out.JWT); r.Status != 200 {
				t.Fatalf("a token issued after the change: %d %s", r.Status, r.Body)
			}
		})
		t.Run("other changes keep the tokens", func(t *testing.T) {
			jwt, id := f.e.Register("gina", "gina@example.com", "secret123")
			decodeUser(t, f.send(t, "PUT", "/api/users/"+strconv.FormatInt(id, 10), `{"username":"gina2","email":"gina2@example.com"}`, true), 200)
			if r := f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})
		const appErr, valErr = "ApplicationError", "ValidationError"
		errs := []struct {
			name, path, body string
			status           int
			errName, message string
			fields           string
		}{
			{"no such user", "/api/users/99999", `{"username":"x"}`, 404, "NotFoundError", "User not found", ""},
			{"no such user, before the role's validation", "/api/users/99999", `{"role":{"disconnect":[{"id":1}]}}`, 404, "NotFoundError", "User not found", ""},
			// D8 (amended): a non-numeric id (a documentId) names no user, as in Strapi.
			{"non-numeric id (D8)", "/api/users/abc", `{}`, 404, "NotFoundError", "User not found", ""},
			{"documentId as id (D8)", "/api/users/p8u48wjnd5qjn9bjbkyejw0z", `{"username":"x"}`, 404, "NotFoundError", "User not found", ""},
			{"invalid email", "/api/users/5", `{"email":"nope"}`, 400, valErr, "email must be a valid email",
				`[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"nope"}]`},
			{"empty username", "/api/users/5", `{"username":""}`, 400, valErr, "username is a required field",
				`[{"path":["username"],"message":"username is a required field","name":"ValidationError","value":""}]`},
			{"disconnect without connect", "/api/users/5", `{"role":{"disconnect":[{"id":1}]}}`, 400, valErr, "Cannot remove role",
				`[{"path":["role","disconnect"],"message":"Cannot remove role","name":"ValidationError","value":[{"id":1}]}]`},
			{"null password", "/api/users/5", `{"password":null}`, 400, valErr, "password.notNull", ""},
			{"empty password", "/api/users/5", `{"password":""}`, 400, valErr, "password.notNull", ""},
			{"password.notNull before a taken username", "/api/users/5", `{"password":null,"username":"bob"}`, 400, valErr, "password.notNull", ""},
			{"username taken", "/api/users/5", `{"username":"bob"}`, 400, appErr, "Username already taken", ""},
			{"username taken before email taken", "/api/users/5", `{"username":"bob","email":"bob@example.com"}`, 400, appErr, "Username already taken", ""},
			{"email taken", "/api/users/5", `{"email":"BOB@example.com"}`, 400, appErr, "Email already taken", ""},
			{"username too short", "/api/users/5", `{"username":"ab"}`, 400, valErr, "username must be at least 3 characters",
				`[{"path":["username"],"message":"username must be at least 3 characters","name":"ValidationError","value":"ab"}]`},
			{"password too short", "/api/users/5", `{"password":"12345"}`, 400, valErr, "password must be at least 6 characters",
				`[{"path":["password"],"message":"password must be at least 6 characters","name":"ValidationError","value":"12345"}]`},
			{"two entity errors", "/api/users/5", `{"username":"ab","password":"123"}`, 400, valErr, "2 errors occurred",
				`[{"path":["username"],"message":"username must be at least 3 characters","name":"ValidationError","value":"ab"},{"path":["password"],"message":"password must be at least 6 characters","name":"ValidationError","value":"123"}]`},
			{"password over 72 bytes", "/api/users/5", `{"password":"` + strings.Repeat("é", 37) + `"}`, 400, valErr, "Password must be less than 73 bytes",
				`[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + strings.Repeat("é", 37) + `"}]`},
			{"unknown role", "/api/users/5", `{"role":999}`, 400, valErr, "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist", ""},
			{"unknown role in connect", "/api/users/5", `{"role":{"connect":[{"documentId":"nope"}]}}`, 400, valErr, "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist", ""},
		}
		for _, c := range errs {
			t.Run(c.name, func(t *testing.T) {
				wantError(t, f.send(t, "PUT", c.path, c.body, true), c.status, c.errName, c.message, c.fields)
			})
		}
		if u := decodeUser(t, f.get(t, "/api/users/5", true), 200); u.Username != "form_user" || u.Email != "form@example.com" {
			t.Fatalf("a refused update changed the user: %+v", u)
		}
		if r := login(t, f.e, "form_user", "secret123"); r.Status != 200 {
			t.Fatalf("a refused update changed the password: %d", r.Status)
		}
	})
}

func TestDeleteUser(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := writeFixture(t, engine)
		jwt, id := f.e.Register("erin", "erin@example.com", "secret123")
		path := "/api/users/" + strconv.FormatInt(id, 10)
		u := decodeUser(t, f.send(t, "DELETE", path, "", true), 200)
		if u.ID != id || u.Username != "erin" || u.Email != "erin@example.com" || u.Role != nil { // Strapi: no role
			t.Fatalf("%+v", u)
		}
		for _, r := range []apitest.Response{f.get(t, path, true), f.send(t, "DELETE", path, "", true), f.send(t, "DELETE", "/api/users/99999", "", false)} {
			if r.Status != 204 || len(r.Body) != 0 {
				t.Fatalf("%d %q, want an empty 204", r.Status, r.Body)
			}
		}
		wantError(t, f.e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt), 401, "UnauthorizedError", "Invalid credentials", "")
		// D8 (amended): a non-numeric id names no user, Strapi's empty 204.
		for _, id := range []string{"abc", "0", "7.0"} {
			if r := f.send(t, "DELETE", "/api/users/"+id, "", true); r.Status != 204 || len(r.Body) != 0 {
				t.Errorf("DELETE /api/users/%s: %d %q, want an empty 204", id, r.Status, r.Body)
			}
		}
		if r := f.get(t, "/api/users/count", true); strings.TrimSpace(string(r.Body)) != "9" {
			t.Fatalf("count %s", r.Body)
		}
	})
}

// TestUsersRoutesErrorResponses gives every users route the answers of the gate and of a
// failing service: 401, 403, 413, 500, and 503 when password hashing is saturated.
func TestUsersRoutesErrorResponses(t *testing.T) {
	t.Parallel()
	routes := []struct{ method, path, body string }{
		{"GET", "/api/users", ""},
		{"GET", "/api/users/count", ""},
		{"GET", "/api/users/1", ""},
		{"POST", "/api/users", `{"username":"zed","email":"zed@example.com","password":"secret123","role":1}`},
		{"PUT", "/api/users/1", `{"blocked":false}`},
		{"DELETE", "/api/users/99", ""},
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		do := func(method, path, body string, h ...string) apitest.Response {
			var b []byte
			if body != "" {
				b = []byte(body)
				h = append(h, "Content-Type", "application/json")
			}
			return e.Do(method, path, b, h...)
		}
		for _, rt := range routes {
			// No role holds the users actions by default: 403 for users and anonymous callers.
			wantError(t, do(rt.method, rt.path, rt.body), 403, "ForbiddenError", "Forbidden", "")
			wantError(t, do(rt.method, rt.path, rt.body, "Authorization", "Bearer "+jwt), 403, "ForbiddenError", "Forbidden", "")
			wantError(t, do(rt.method, rt.path, rt.body, "Authorization", "Bearer not.a.jwt"), 401, "UnauthorizedError", "Missing or invalid credentials", "")
		}
		grant(t, e, "authenticated", actUserFind, actUserFindOne, actUserCount, actUserCreate, actUserUpdate, actUserDestroy)
		big := `{"username":"` + strings.Repeat("a", 1<<20) + `"}`
		for _, path := range []string{"/api/users", "/api/users/1"} {
			method := map[string]string{"/api/users": "POST", "/api/users/1": "PUT"}[path]
			wantError(t, do(method, path, big, "Authorization", "Bearer "+jwt), 413, "PayloadTooLargeError", "request entity too large", "")
		}
		e.Store.Close()
		for _, rt := range routes {
			wantError500(t, do(rt.method, rt.path, rt.body, "Authorization", "Bearer "+jwt))
		}
	})
}

// TestUsersQueryTimeout: a users query past USERS_QUERY_TIMEOUT gets 503 "The query took
// too long" on the three read routes (the store's tests show the database really stops a
// slow one; here a timeout of 1ns is past before any query starts, which makes it
// deterministic); the other routes are not bounded by it.
func TestUsersQueryTimeout(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine, func(c *config.Config) { c.UsersQueryTimeout = time.Nanosecond })
		for _, path := range []string{"/api/users?_q=alice", "/api/users?sort=username:desc&limit=2", "/api/users/count?filters[email][$containsi]=example", "/api/users/1"} {
			for _, asAlice := range []bool{false, true} {
				wantError(t, f.get(t, path, asAlice), 503, "ServiceUnavailableError", "The query took too long", "")
			}
		}
		r := f.e.PostJSON("/api/auth/local", map[string]string{"identifier": "bob", "password": "secret123"})
		if r.Status != 200 {
			t.Fatalf("login: %d %s", r.Status, r.Body)
		}
	})
}

// TestUsersURLEscapes: a query string escaped by a client (brackets as %5B %5D) reads the same.
func TestUsersURLEscapes(t *testing.T) {
	t.Parallel()
	f := newUsersFixture(t, "sqlite")
	q := url.Values{"filters[username][$in][0]": {"alice"}, "filters[username][$in][1]": {"a%b*c"}, "sort": {"id:desc"}}
	if got := idsOf(entries(t, f.get(t, "/api/users?"+q.Encode(), true))); !slices.Equal(got, ids(9, 1)) {
		t.Fatalf("%s: %v", q.Encode(), got)
	}
}

// TestUsersPopulateRoleFields: populate[role][fields] chooses the fields of the role the
// users routes show (id and documentId always come); a role without a description shows
// "description": null.
func TestUsersPopulateRoleFields(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		f := newUsersFixture(t, engine)
		r := f.get(t, "/api/users/7?fields[0]=username&populate[role][fields][0]=name&populate[role][fields][1]=description", true)
		want := fmt.Sprintf(`{"id":7,"documentId":%q,"username":"carol","role":{"id":%d,"documentId":%q,"name":"Editor","description":null}}`,
			decodeUser(t, f.get(t, "/api/users/7", true), 200).DocumentID, f.editorID, editorDocID)
		if r.Status != 200 || strings.TrimSpace(string(r.Body)) != want {
			t.Fatalf("%d %s\nwant %s", r.Status, r.Body, want)
		}
		list := entries(t, f.get(t, "/api/users?filters[id]=1&populate[role][fields]=type", true))
		if role, _ := list[0]["role"].(map[string]any); len(list) != 1 || len(role) != 3 || role["type"] != "authenticated" {
			t.Fatalf("%v", list)
		}
		// Without role.find, the role is not shown at all, fields or not (Strapi's sanitizer).
		if r := f.get(t, "/api/users/7?populate[role][fields][0]=name", false); strings.Contains(string(r.Body), "role") {
			t.Fatalf("role shown to Public: %s", r.Body)
		}
		wantQueryError(t, f.get(t, "/api/users?populate[role][fields][0]=password", true), "Invalid key password", "password", "", "populate")
	})
}
