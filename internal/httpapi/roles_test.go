package httpapi_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

const up = "plugin::users-permissions."

var tokenSeq atomic.Int64

// apiToken creates an API token on e's database, as `mtb-api tokens create` does, and
// returns its value.
func apiToken(t *testing.T, e *apitest.Env, typ string, actions ...string) string {
	t.Helper()
	_, value, err := e.App.Tokens.Create(t.Context(), access.APITokenInput{
		Name: fmt.Sprintf("%s-%d", typ, tokenSeq.Add(1)), Type: typ, Actions: actions,
	})
	if err != nil {
		t.Fatal(err)
	}
	return value
}

// asJSON sends a JSON body with a bearer token ("" for none).
func asJSON(e *apitest.Env, method, path, token, body string) apitest.Response {
	e.T.Helper()
	h := []string{"Content-Type", "application/json"}
	if token != "" {
		h = append(h, "Authorization", "Bearer "+token)
	}
	var b []byte
	if body != "" {
		b = []byte(body)
	}
	return e.Do(method, path, b, h...)
}

func wantOK(t *testing.T, r apitest.Response) {
	t.Helper()
	if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` {
		t.Fatalf("%d %s, want 200 {\"ok\":true}", r.Status, r.Body)
	}
}

type roleListed struct {
	ID          int64   `json:"id"`
	DocumentID  string  `json:"documentId"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Type        string  `json:"type"`
	NbUsers     int64   `json:"nb_users"`
}

func listRoles(t *testing.T, e *apitest.Env, token string) []roleListed {
	t.Helper()
	r := asJSON(e, "GET", "/api/users-permissions/roles", token, "")
	if r.Status != 200 {
		t.Fatalf("list roles: %d %s", r.Status, r.Body)
	}
	var out struct {
		Roles []roleListed `json:"roles"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil {
		t.Fatal(err)
	}
	return out.Roles
}

func roleByType(t *testing.T, e *apitest.Env, token, typ string) roleListed {
	t.Helper()
	for _, r := range listRoles(t, e, token) {
		if r.Type == typ {
			return r
		}
	}
	t.Fatalf("no role of type %q", typ)
	return roleListed{}
}

// enabledActions reads GET /roles/{id} and returns the role's enabled actions, in the order
// of the tree.
func enabledActions(t *testing.T, e *apitest.Env, token string, id int64) []string {
	t.Helper()
	r := asJSON(e, "GET", fmt.Sprintf("/api/users-permissions/roles/%d", id), token, "")
	if r.Status != 200 {
		t.Fatalf("get role %d: %d %s", id, r.Status, r.Body)
	}
	var out struct {
		Role struct {
			Permissions json.RawMessage `json:"permissions"`
		} `json:"role"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil {
		t.Fatal(err)
	}
	var enabled []string
	for _, a := range treeActions(t, out.Role.Permissions) {
		if a.enabled {
			enabled = append(enabled, a.name)
		}
	}
	return enabled
}

type treeEntry struct {
	name    string
	enabled bool
}

// treeActions walks a permissions tree in its JSON order.
func treeActions(t *testing.T, raw []byte) []treeEntry {
	t.Helper()
	var out []treeEntry
	types := orderedObject(t, raw)
	for _, ty := range types {
		ctrls := orderedObject(t, orderedObject(t, ty.value)[0].value) // {"controllers": {...}}
		for _, c := range ctrls {
			for _, a := range orderedObject(t, c.value) {
				var st struct {
					Enabled bool    `json:"enabled"`
					Policy  *string `json:"policy"`
				}
				if err := json.Unmarshal(a.value, &st); err != nil || st.Policy == nil || *st.Policy != "" {
					t.Fatalf("action %s: %s", a.key, a.value)
				}
				out = append(out, treeEntry{ty.key + "." + c.key + "." + a.key, st.Enabled})
			}
		}
	}
	return out
}

type member struct {
	key   string
	value json.RawMessage
}

// orderedObject decodes a JSON object keeping its keys' order.
func orderedObject(t *testing.T, raw []byte) []member {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []member
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, member{k.(string), v})
	}
	return out
}

// strapiTreeOrder is the U&P part of Strapi's permissions tree, in Strapi's order (golden
// transcript 131), with this service's own actions (access.IsStrapiAction says which) at the
// end of their controller.
var strapiTreeOrder = []string{
	"auth.callback", "auth.changePassword", "auth.resetPassword", "auth.refresh", "auth.logout",
	"auth.getSessions", "auth.revokeSession", "auth.connect", "auth.forgotPassword", "auth.register",
	"auth.emailConfirmation", "auth.sendEmailConfirmation", "auth.changeEmail", "auth.emailChangeConfirmation",
	"user.create", "user.update", "user.find", "user.findOne", "user.count", "user.destroy", "user.me", "user.updateMe",
	"role.createRole", "role.findOne", "role.find", "role.updateRole", "role.deleteRole",
	"permissions.getPermissions",
}

// rolesRoutes are the six operations of the roles API, with a valid body where they take one.
var rolesRoutes = []struct{ method, path, body string }{
	{"GET", "/api/users-permissions/roles", ""},
	{"POST", "/api/users-permissions/roles", `{"name":"Racer"}`},
	{"GET", "/api/users-permissions/roles/1", ""},
	{"PUT", "/api/users-permissions/roles/1", `{"name":"Authenticated"}`},
	{"DELETE", "/api/users-permissions/roles/1", ""},
	{"GET", "/api/users-permissions/permissions", ""},
}

// TestRolesAccess: by default nobody may use the roles API (403, Strapi's golden 106 and
// 107 for a user token); an unusable token is 401 on every route.
func TestRolesAccess(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		for _, rt := range rolesRoutes {
			t.Run(rt.method+" "+rt.path, func(t *testing.T) {
				wantError(t, asJSON(e, rt.method, rt.path, "", rt.body), 403, "ForbiddenError", "Forbidden", "")
				wantError(t, asJSON(e, rt.method, rt.path, jwt, rt.body), 403, "ForbiddenError", "Forbidden", "")
				wantError(t, asJSON(e, rt.method, rt.path, "not.a.jwt", rt.body), 401, "UnauthorizedError", "Missing or invalid credentials", "")
			})
		}
	})
}

func TestRolesAPI(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		admin := apiToken(t, e, access.TokenFullAccess)
		e.Register("alice", "alice@example.com", "secret123")
		e.Register("bob", "bob@example.com", "secret123")

		t.Run("list", func(t *testing.T) {
			roles := listRoles(t, e, admin)
			if len(roles) != 2 || roles[0].Name != "Authenticated" || roles[0].NbUsers != 2 || roles[1].Name != "Public" ||
				roles[1].NbUsers != 0 || roles[0].ID != 1 || roles[1].ID != 2 || roles[1].Type != "public" {
				t.Fatalf("%+v", roles)
			}
			if d := roles[0].Description; d == nil || *d != "Default role given to authenticated user." {
				t.Fatalf("description %v", d)
			}
		})

		t.Run("permissions tree", func(t *testing.T) {
			r := asJSON(e, "GET", "/api/users-permissions/permissions", admin, "")
			if r.Status != 200 || r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			top := orderedObject(t, r.Body)
			if len(top) != 1 || top[0].key != "permissions" {
				t.Fatalf("%s", r.Body)
			}
			var names []string
			for _, a := range treeActions(t, top[0].value) {
				if a.enabled {
					t.Fatalf("%s enabled in the bare tree", a.name)
				}
				names = append(names, strings.TrimPrefix(a.name, up))
			}
			if !slices.Equal(names, strapiTreeOrder) {
				t.Fatalf("tree order\n got %v\nwant %v", names, strapiTreeOrder)
			}
		})

		t.Run("find one", func(t *testing.T) {
			got := enabledActions(t, e, admin, 1)
			want := []string{up + "auth.changePassword", up + "auth.logout", up + "auth.getSessions", up + "auth.revokeSession",
				up + "auth.changeEmail", up + "user.me", up + "user.updateMe"}
			if !slices.Equal(got, want) {
				t.Fatalf("authenticated: %v, want %v", got, want)
			}
			r := asJSON(e, "GET", "/api/users-permissions/roles/2", admin, "")
			var order []string
			for _, m := range orderedObject(t, mustJSON(t, r.Body, "role")) {
				order = append(order, m.key)
			}
			if want := []string{"id", "documentId", "name", "description", "type", "createdAt", "updatedAt", "publishedAt", "permissions"}; !slices.Equal(order, want) {
				t.Fatalf("role keys %v, want %v", order, want)
			}
			wantError(t, asJSON(e, "GET", "/api/users-permissions/roles/999", admin, ""), 404, "NotFoundError", "Role not found", "")
			for _, bad := range []string{"abc", "0", "1.5"} {
				if r := asJSON(e, "GET", "/api/users-permissions/roles/"+bad, admin, ""); r.Status != 400 || decodeEnvelope(t, r).Error.Name != "ValidationError" {
					t.Fatalf("id %s: %d %s", bad, r.Status, r.Body)
				}
			}
		})

		t.Run("create", func(t *testing.T) {
			const path = "/api/users-permissions/roles"
			wantError(t, asJSON(e, "POST", path, admin, `{}`), 400, "ValidationError", "Request body cannot be empty", "")
			wantError(t, asJSON(e, "POST", path, admin, ""), 400, "ValidationError", "Request body cannot be empty", "")
			wantError(t, asJSON(e, "POST", path, admin, `{"description":"no name"}`), 400, "ValidationError", "name is a required field",
				`[{"path":["name"],"message":"name is a required field","name":"ValidationError"}]`)
			wantError(t, asJSON(e, "POST", path, admin, `{"name":""}`), 400, "ValidationError", "name is a required field",
				`[{"path":["name"],"message":"name is a required field","name":"ValidationError","value":""}]`)
			wantError(t, asJSON(e, "POST", path, admin, `{"name":"!!!"}`), 400, "ValidationError", "type is a required field",
				`[{"path":["type"],"message":"type is a required field","name":"ValidationError"}]`)
			if r := asJSON(e, "POST", path, admin, `{"name":5}`); r.Status != 400 || decodeEnvelope(t, r).Error.Name != "ValidationError" {
				t.Fatalf("name 5: %d %s", r.Status, r.Body)
			}
			if r := asJSON(e, "POST", path, admin, `{"name":"x","permissions":{"plugin::users-permissions":{"controllers":{"user":{"find":{"enabled":"yes"}}}}}}`); r.Status != 400 {
				t.Fatalf("enabled \"yes\": %d %s", r.Status, r.Body)
			}

			wantOK(t, asJSON(e, "POST", path, admin, `{"name":"Editor Ünïcode","description":"Edits things","permissions":{
				"plugin::users-permissions":{"controllers":{
					"user":{"find":{"enabled":true,"policy":""},"count":{"enabled":false,"policy":""},"findOne":{"enabled":true}},
					"role":{"nonsense":{"enabled":true}}}},
				"api::article":{"controllers":{"article":{"find":{"enabled":true}}}}}}`))
			editor := roleByType(t, e, admin, "editor_unicode")
			if editor.Name != "Editor Ünïcode" || editor.Description == nil || *editor.Description != "Edits things" || editor.NbUsers != 0 {
				t.Fatalf("%+v", editor)
			}
			// Only known actions become permissions; unknown ones are ignored.
			if got := enabledActions(t, e, admin, editor.ID); !slices.Equal(got, []string{up + "user.find", up + "user.findOne"}) {
				t.Fatalf("editor's actions %v", got)
			}
			// A type already taken: a clear 400, not Strapi's silent duplicate.
			wantError(t, asJSON(e, "POST", path, admin, `{"name":"editor unicode"}`), 400, "ApplicationError",
				`Role type "editor_unicode" is already taken`, "")
			wantError(t, asJSON(e, "POST", path, admin, `{"name":"Anything","type":"public"}`), 400, "ApplicationError",
				`Role type "public" is already taken`, "")
			// An explicit type; a two-letter name is accepted, as in Strapi.
			wantOK(t, asJSON(e, "POST", path, admin, `{"name":"Ed","type":"ed"}`))
			if r := roleByType(t, e, admin, "ed"); r.Name != "Ed" || r.Description != nil {
				t.Fatalf("%+v", r)
			}
			roles := listRoles(t, e, admin)
			var names []string
			for _, r := range roles {
				names = append(names, r.Name)
			}
			if !slices.Equal(names, []string{"Authenticated", "Ed", "Editor Ünïcode", "Public"}) {
				t.Fatalf("not sorted by name: %v", names)
			}
		})

		t.Run("update", func(t *testing.T) {
			editor := roleByType(t, e, admin, "editor_unicode")
			path := fmt.Sprintf("/api/users-permissions/roles/%d", editor.ID)
			wantError(t, asJSON(e, "PUT", path, admin, `{}`), 400, "ValidationError", "Request body cannot be empty", "")
			wantError(t, asJSON(e, "PUT", "/api/users-permissions/roles/999", admin, `{"name":"x"}`), 404, "NotFoundError", "Role not found", "")
			wantError(t, asJSON(e, "PUT", path, admin, `{"name":""}`), 400, "ValidationError", "name is a required field",
				`[{"path":["name"],"message":"name is a required field","name":"ValidationError","value":""}]`)
			if r := asJSON(e, "PUT", "/api/users-permissions/roles/x", admin, `{"name":"x"}`); r.Status != 400 {
				t.Fatalf("id x: %d %s", r.Status, r.Body)
			}
			// The permissions become exactly the enabled ones; the type never changes.
			wantOK(t, asJSON(e, "PUT", path, admin, `{"name":"Editor","type":"changed","permissions":{
				"plugin::users-permissions":{"controllers":{"user":{"find":{"enabled":false},"count":{"enabled":true},"me":{"enabled":true}}}}}}`))
			got := roleByType(t, e, admin, "editor_unicode")
			if got.Name != "Editor" || got.Description == nil || *got.Description != "Edits things" {
				t.Fatalf("%+v", got)
			}
			if a := enabledActions(t, e, admin, editor.ID); !slices.Equal(a, []string{up + "user.count", up + "user.me"}) {
				t.Fatalf("after update: %v", a)
			}
			// Strapi's behaviour, kept: a body without permissions removes them all.
			wantOK(t, asJSON(e, "PUT", path, admin, `{"description":"Still edits"}`))
			if a := enabledActions(t, e, admin, editor.ID); len(a) != 0 {
				t.Fatalf("after an update without permissions: %v", a)
			}
			if got := roleByType(t, e, admin, "editor_unicode"); got.Name != "Editor" || *got.Description != "Still edits" {
				t.Fatalf("%+v", got)
			}
		})

		t.Run("delete", func(t *testing.T) {
			wantError(t, asJSON(e, "DELETE", "/api/users-permissions/roles/2", admin, ""), 400, "ApplicationError", "Cannot delete public role", "")
			wantError(t, asJSON(e, "DELETE", "/api/users-permissions/roles/999", admin, ""), 404, "NotFoundError", "Role not found", "")
			if r := asJSON(e, "DELETE", "/api/users-permissions/roles/abc", admin, ""); r.Status != 400 || decodeEnvelope(t, r).Error.Name != "ValidationError" {
				t.Fatalf("id abc: %d %s", r.Status, r.Body)
			}
			ed := roleByType(t, e, admin, "ed")
			wantOK(t, asJSON(e, "DELETE", fmt.Sprintf("/api/users-permissions/roles/%d", ed.ID), admin, ""))
			wantError(t, asJSON(e, "GET", fmt.Sprintf("/api/users-permissions/roles/%d", ed.ID), admin, ""), 404, "NotFoundError", "Role not found", "")
			// The Authenticated role can be deleted (Strapi too): its users move to Public,
			// and registration has no default role any more.
			wantOK(t, asJSON(e, "DELETE", "/api/users-permissions/roles/1", admin, ""))
			roles := listRoles(t, e, admin)
			if len(roles) != 2 || roles[1].Type != "public" || roles[1].NbUsers != 2 {
				t.Fatalf("%+v", roles)
			}
			r := e.PostJSON("/api/auth/local/register", map[string]string{"username": "carol", "email": "carol@example.com", "password": "secret123"})
			wantError(t, r, 400, "ApplicationError", "Impossible to find the default role", "")
		})

		t.Run("oversized body", func(t *testing.T) {
			big := `{"name":"` + strings.Repeat("a", 1<<20) + `"}`
			wantError(t, asJSON(e, "POST", "/api/users-permissions/roles", admin, big), 413, "PayloadTooLargeError", "request entity too large", "")
			wantError(t, asJSON(e, "PUT", "/api/users-permissions/roles/2", admin, big), 413, "PayloadTooLargeError", "request entity too large", "")
		})
	})
}

func mustJSON(t *testing.T, body []byte, key string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	return m[key]
}

// TestRoleTypeFromName: the type of a role created without one is Strapi's
// _.snakeCase(_.deburr(_.toLower(name))).
func TestRoleTypeFromName(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Editor Ünïcode":        "editor_unicode",
		"Authenticated":         "authenticated",
		"Race organizer":        "race_organizer",
		"race-organizer 2024":   "race_organizer_2024",
		"Team2 lead":            "team_2_lead",
		"1st place":             "1st_place",
		"12th man":              "12_th_man",
		"  Déjà   vu!  ":        "deja_vu",
		"Straße Œuvre":          "strasse_oeuvre",
		"editor's pick":         "editors_pick",
		"already_snake":         "already_snake",
		"Ωmega team":            "ωmega_team",
		"日本 チーム":                "日本_チーム",
		"!!!":                   "",
		"v2":                    "v_2",
		"Łódź riders":           "lodz_riders",
		"Ĳssel":                 "ijssel",
		"x×y":                   "x_y",
		"tab\tseparated\nwords": "tab_separated_words",
		"Café-Racer (Vintage)":  "cafe_racer_vintage",
		"SHOUTING ROLE":         "shouting_role",
		"camelCaseName":         "camelcasename",
		"with.dots.and/slashes": "with_dots_and_slashes",
		"numbers 1 2 3":         "numbers_1_2_3",
		"a1b2":                  "a_1_b_2",
		"3rd-party":             "3rd_party",
		"21st century":          "21st_century",
		"11th hour":             "11_th_hour",
	} {
		if got := access.RoleType(name); got != want {
			t.Errorf("RoleType(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestPermissionChangesApplyAtOnce: a change of a role's permissions applies from the next
// request, on every instance sharing the database (each caches permissions by version).
func TestPermissionChangesApplyAtOnce(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		// A second instance on the same database, with its own permission cache.
		svc2, err := app.New(t.Context(), e.Config, slogDiscard(), app.Options{Store: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		srv2 := httptest.NewServer(svc2.Handler)
		t.Cleanup(func() { srv2.Close(); svc2.Close() })
		other := *e
		other.URL = srv2.URL

		admin := apiToken(t, e, access.TokenFullAccess)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		// Warm both caches.
		for _, env := range []*apitest.Env{e, &other} {
			if r := env.Do("GET", "/api/users", nil); r.Status != 403 {
				t.Fatalf("anonymous list of users: %d %s", r.Status, r.Body)
			}
			if r := env.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+jwt); r.Status != 403 {
				t.Fatalf("roles with a user token: %d", r.Status)
			}
		}

		// Grant user.find to Public through the API: its current permissions plus one.
		public := enabledActions(t, e, admin, 2)
		body := permissionsBody(append(public, up+"user.find"))
		wantOK(t, asJSON(e, "PUT", "/api/users-permissions/roles/2", admin, body))
		for _, env := range []*apitest.Env{e, &other} {
			// The users API may still be under construction (501); what matters here is
			// that the permission check lets the request through.
			if r := env.Do("GET", "/api/users", nil); r.Status == 403 || r.Status == 401 {
				t.Fatalf("%s: anonymous list of users after the grant: %d %s", env.URL, r.Status, r.Body)
			}
			// Public's other permissions are untouched: login still works.
			if r := env.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 200 {
				t.Fatalf("login: %d %s", r.Status, r.Body)
			}
		}

		// Grant role.find to Authenticated with the rules the CLI uses, revoke it again.
		roles := e.App.Roles
		if err := roles.Grant(t.Context(), 1, []string{up + "role.find"}); err != nil {
			t.Fatal(err)
		}
		for _, env := range []*apitest.Env{e, &other} {
			if r := env.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("%s: roles after the grant: %d %s", env.URL, r.Status, r.Body)
			}
		}
		if err := roles.Revoke(t.Context(), 1, []string{up + "role.find"}); err != nil {
			t.Fatal(err)
		}
		for _, env := range []*apitest.Env{e, &other} {
			if r := env.Do("GET", "/api/users-permissions/roles", nil, "Authorization", "Bearer "+jwt); r.Status != 403 {
				t.Fatalf("%s: roles after the revocation: %d %s", env.URL, r.Status, r.Body)
			}
		}
		// Removing every public permission: anonymous callers get 401, as in Strapi.
		wantOK(t, asJSON(e, "PUT", "/api/users-permissions/roles/2", admin, `{"name":"Public"}`))
		for _, env := range []*apitest.Env{e, &other} {
			wantError(t, env.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}),
				401, "UnauthorizedError", "Missing or invalid credentials", "")
		}
	})
}

// permissionsBody is a role request enabling exactly actions.
func permissionsBody(actions []string) string {
	tree := map[string]map[string]map[string]map[string]map[string]bool{}
	for _, a := range actions {
		parts := strings.Split(a, ".")
		typ, ctrl, act := parts[0], parts[1], parts[2]
		if tree[typ] == nil {
			tree[typ] = map[string]map[string]map[string]map[string]bool{"controllers": {}}
		}
		if tree[typ]["controllers"][ctrl] == nil {
			tree[typ]["controllers"][ctrl] = map[string]map[string]bool{}
		}
		tree[typ]["controllers"][ctrl][act] = map[string]bool{"enabled": true}
	}
	b, _ := json.Marshal(map[string]any{"permissions": tree})
	return string(b)
}

// TestRolesDatabaseDown: every roles route answers a bare 500 when the database fails.
func TestRolesDatabaseDown(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		admin := apiToken(t, e, access.TokenFullAccess)
		e.Store.Close()
		for _, rt := range rolesRoutes {
			wantError500(t, asJSON(e, rt.method, rt.path, admin, rt.body))
			wantError500(t, asJSON(e, rt.method, rt.path, "", rt.body))
		}
	})
}

func TestRoleDeleteUnderLoad(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		testRoleDeleteUnderLoad(t, engine)
	})
}

// testRoleDeleteUnderLoad is decision D10: a role that many users hold is deleted while
// they keep logging in and reading /api/users/me. Every answer is one of the expected ones
// (200 before, 403 once their role is Public, which lacks user.me), no user is lost, every
// one of them ends up in Public, and nothing deadlocks.
func testRoleDeleteUnderLoad(t *testing.T, engine string) {
	e := apitest.New(t, engine, func(c *config.Config) { c.DatabasePoolMax = 20 })
	admin := apiToken(t, e, access.TokenFullAccess)
	const path = "/api/users-permissions/roles"
	wantOK(t, asJSON(e, "POST", path, admin, `{"name":"Racer","permissions":{"plugin::users-permissions":{"controllers":{"user":{"me":{"enabled":true}}}}}}`))
	wantOK(t, asJSON(e, "POST", path, admin, `{"name":"Marshal","permissions":{"plugin::users-permissions":{"controllers":{"user":{"me":{"enabled":true}}}}}}`))
	racer, marshal := roleByType(t, e, admin, "racer"), roleByType(t, e, admin, "marshal")

	const users = 120
	setDefault := func(typ string) {
		t.Helper()
		if err := e.App.Auth.Settings.UpdateAdvanced(t.Context(), func(a *settings.Advanced) error { a.DefaultRole = typ; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	setDefault("racer")
	for i := range users {
		if i == users/2 {
			setDefault("marshal")
		}
		e.Register(fmt.Sprintf("rider%02d", i), fmt.Sprintf("rider%02d@example.com", i), "secret123")
	}
	setDefault("authenticated")
	before := listRoles(t, e, admin)
	var total int64
	for _, r := range before {
		total += r.NbUsers
	}

	// New riders keep registering with Racer as their default role meanwhile.
	setDefault("racer")

	stop := make(chan struct{})
	var registered atomic.Int64
	// started and finished count the load's requests when they are sent and answered.
	var started, finished atomic.Int64
	const workers = 12
	errs := make(chan error, workers) // one per worker at most: a worker stops at its first
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				send := func(method, path, body string, header ...string) (apitest.Response, error) {
					started.Add(1)
					defer finished.Add(1)
					if body == "" {
						return e.Try(method, path, nil, header...)
					}
					return tryJSON(e, method, path, body, header...)
				}
				fail := func(format string, args ...any) { errs <- fmt.Errorf(format, args...) }
				for i := w; ; i += workers {
					select {
					case <-stop:
						return
					default:
					}
					if w == 0 { // one worker registers
						r, err := send("POST", "/api/auth/local/register",
							fmt.Sprintf(`{"username":"late%04d","email":"late%04d@example.com","password":"secret123"}`, i, i))
						var env envelope
						switch {
						case err != nil:
							fail("register during the deletion: %v", err)
							return
						case r.Status == 200:
							registered.Add(1)
						case r.Status == 400 && json.Unmarshal(r.Body, &env) == nil && env.Error.Message == "Impossible to find the default role":
						default:
							fail("register during the deletion: %d %s", r.Status, r.Body)
							return
						}
						continue
					}
					name := fmt.Sprintf("rider%02d", i%users)
					r, err := send("POST", "/api/auth/local", `{"identifier":"`+name+`","password":"secret123"}`)
					var login struct {
						JWT string `json:"jwt"`
					}
					if err != nil || r.Status != 200 || json.Unmarshal(r.Body, &login) != nil || login.JWT == "" {
						fail("login %s: %v %d %s", name, err, r.Status, r.Body)
						return
					}
					r, err = send("GET", "/api/users/me", "", "Authorization", "Bearer "+login.JWT)
					if err != nil || (r.Status != 200 && r.Status != 403) {
						fail("me of %s: %v %d %s", name, err, r.Status, r.Body)
						return
					}
				}
			})
		}
		wg.Wait()
	}()
	// stopLoad stops the load and fails the test with what went wrong in it.
	stopLoad := func() {
		t.Helper()
		close(stop)
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Fatal("the load did not stop")
		}
		close(errs)
		var all []error
		for err := range errs {
			all = append(all, err)
		}
		if len(all) > 0 {
			t.Fatalf("%d workers got unexpected answers in %d requests: %v", len(all), finished.Load(), errors.Join(all...))
		}
	}
	// waitLoad waits until the load answered n more requests than `from`.
	waitLoad := func(from, n int64, when string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for finished.Load() < from+n {
			select {
			case <-done:
				stopLoad()
				t.Fatalf("the load stopped %s", when)
			default:
			}
			if time.Now().After(deadline) {
				stopLoad()
				t.Fatalf("the load answered %d requests in 60 s %s, want %d", finished.Load()-from, when, n)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitLoad(0, 50, "before the deletions")

	// Both roles at once, and an update of one of them racing its deletion.
	finishedBefore := finished.Load()
	type result struct {
		r   apitest.Response
		err error
	}
	results := make(chan result, 3)
	change := func(method, path, body string) {
		r, err := tryJSON(e, method, path, body, "Authorization", "Bearer "+admin)
		results <- result{r, err}
	}
	go change("DELETE", fmt.Sprintf("%s/%d", path, racer.ID), "")
	go change("DELETE", fmt.Sprintf("%s/%d", path, marshal.ID), "")
	go change("PUT", fmt.Sprintf("%s/%d", path, racer.ID), `{"name":"Racer (renamed)"}`)
	deadline := time.After(60 * time.Second)
	var deletes, updates []int
	for range 3 {
		select {
		case res := <-results:
			r := res.r
			switch {
			case res.err != nil:
				t.Errorf("role change: %v", res.err)
			case r.Status == 200:
				deletes = append(deletes, 200)
			case r.Status == 404 && decodeEnvelope(t, r).Error.Message == "Role not found":
				updates = append(updates, 404) // the update came after the deletion
			default:
				t.Errorf("role change: %d %s", r.Status, r.Body)
			}
		case <-deadline:
			t.Fatal("role deletion did not finish within 60 s (deadlock?)")
		}
	}
	startedDuring := started.Load()
	// A request of the load was sent before the last change was answered and not yet
	// answered when the first change was sent: the load overlapped the changes.
	if startedDuring <= finishedBefore {
		stopLoad()
		t.Fatalf("no request of the load overlapped the role changes (%d answered before, %d sent by their end)", finishedBefore, startedDuring)
	}
	// And it goes on after them.
	waitLoad(startedDuring, 50, "after the deletions")
	stopLoad()
	requests := finished.Load()

	after := listRoles(t, e, admin)
	var afterTotal int64
	for _, r := range after {
		afterTotal += r.NbUsers
		if r.Type == "racer" || r.Type == "marshal" {
			t.Fatalf("role %s still there: %+v", r.Type, r)
		}
	}
	// No user lost, none left without a role: the riders and the late registrations are
	// all in a role, those of the deleted roles in Public.
	if afterTotal != total+registered.Load() {
		t.Fatalf("users in a role: before %d, registered meanwhile %d, after %d", total, registered.Load(), afterTotal)
	}
	if n, err := e.Store.Q.CountUsers(t.Context()); err != nil || n != afterTotal {
		t.Fatalf("%d users, %d of them in a role (%v)", n, afterTotal, err)
	}
	if p := roleByType(t, e, admin, "public"); p.NbUsers != users+registered.Load() {
		t.Fatalf("public has %d users, want %d", p.NbUsers, users+registered.Load())
	}
	// Every rider is in Public now: /me is 403 for all of them.
	for i := range users {
		r := e.PostJSON("/api/auth/local", map[string]string{"identifier": fmt.Sprintf("rider%02d", i), "password": "secret123"})
		if r.Status != 200 {
			t.Fatalf("login: %d", r.Status)
		}
		if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jsonField(t, r, "jwt")); r.Status != 403 {
			t.Fatalf("me of rider%02d after the deletion: %d %s", i, r.Status, r.Body)
		}
	}
	t.Logf("%d requests during the deletions (%d registrations); role changes: %v %v", requests, registered.Load(), deletes, updates)
}

func slogDiscard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
