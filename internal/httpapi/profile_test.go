package httpapi_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// ridersFields is the MTB riders' declaration of the README: a full name (required), a
// national id (RUT, unique, with a format check), a phone, a birth date, a club and an
// emergency contact (private: stored, never shown).
const ridersFields = `{
  "attributes": {
    "fullName": {"type": "string", "required": true, "maxLength": 120},
    "rut": {"type": "string", "unique": true, "regex": "^[0-9]{7,8}-[0-9kK]$"},
    "phone": {"type": "string", "regex": "^\\+?[0-9 ]{7,20}$"},
    "birthDate": {"type": "date"},
    "club": {"type": "string"},
    "emergencyContact": {"type": "string", "private": true}
  },
  "register": {"allowedFields": ["fullName", "rut", "phone", "birthDate", "club", "emergencyContact"]}
}`

// withFields declares the custom user fields of decl for a test server.
func withFields(t *testing.T, decl string) apitest.Option {
	path := filepath.Join(t.TempDir(), "user-fields.json")
	if err := os.WriteFile(path, []byte(decl), 0o600); err != nil {
		t.Fatal(err)
	}
	return func(c *config.Config) { c.UserFieldsFile = path }
}

func registerRider(t *testing.T, e *apitest.Env, body string) apitest.Response {
	t.Helper()
	return asJSON(e, "POST", "/api/auth/local/register", "", body)
}

func rider(name, rut, club, birth string) string {
	return fmt.Sprintf(`{"username":%q,"email":"%s@example.com","password":"secret123","fullName":"%s Rider","rut":%q,"club":%q,"birthDate":%q,"emergencyContact":"+56 9 1111 2222"}`,
		name, name, name, rut, club, birth)
}

func jwtOf(t *testing.T, r apitest.Response) (string, int64) {
	t.Helper()
	var out struct {
		JWT  string `json:"jwt"`
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	if r.Status != 200 || json.Unmarshal(r.Body, &out) != nil {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	return out.JWT, out.User.ID
}

func wantEnvelope(t *testing.T, r apitest.Response, status int, name, message string) {
	t.Helper()
	var env struct {
		Error struct {
			Status  int    `json:"status"`
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(r.Body, &env); err != nil || r.Status != status || env.Error.Name != name || env.Error.Message != message {
		t.Fatalf("%d %s, want %d %s %q", r.Status, r.Body, status, name, message)
	}
}

// TestProfileRiders is the "done when": with the riders' fields declared, a user
// registers with them, edits their own profile, cannot touch another user or their own
// role, and an operator filters users by club and sorts them by birth date, on both
// engines, every response validated against the served spec.
func TestProfileRiders(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, withFields(t, ridersFields))
		admin := apiToken(t, e, "full-access")

		r := registerRider(t, e, rider("ana", "12345678-9", "Trek Chile", "1990-05-01"))
		anaJWT, anaID := jwtOf(t, r)
		body := string(r.Body)
		// Shown after blocked and before createdAt, as Strapi orders its attributes; the
		// private emergency contact is stored but never shown.
		for _, want := range []string{`"blocked":false,"fullName":"ana Rider","rut":"12345678-9","phone":null,"birthDate":"1990-05-01","club":"Trek Chile","createdAt":`} {
			if !strings.Contains(body, want) {
				t.Fatalf("register: %s\nwant %s", body, want)
			}
		}
		if strings.Contains(body, "emergencyContact") || strings.Contains(body, "1111") {
			t.Fatalf("register shows the private field: %s", body)
		}
		_, benID := jwtOf(t, registerRider(t, e, rider("ben", "7654321-K", "Specialized", "1985-12-24")))
		_, _ = jwtOf(t, registerRider(t, e, rider("cat", "11222333-4", "Trek Chile", "2001-01-15")))
		var stored string
		if err := e.Query("SELECT profile FROM up_users WHERE id = $1", []any{anaID}, func(scan func(...any) error) error { return scan(&stored) }); err != nil {
			t.Fatal(err)
		}
		if v := storedField(t, stored, "emergencyContact"); v != "+56 9 1111 2222" {
			t.Fatalf("stored profile %s", stored)
		}

		t.Run("register refuses", func(t *testing.T) {
			cases := []struct {
				name, body, errName, message string
			}{
				{"a key not allowed", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":"Dan","nickname":"d"}`,
					"ValidationError", "Invalid parameters: nickname"},
				{"no full name", `{"username":"dan","email":"dan@example.com","password":"secret123"}`,
					"ValidationError", "fullName must be defined."},
				{"a malformed RUT", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":"Dan","rut":"12.345.678-9"}`,
					"ValidationError", `rut must match the following: "/^[0-9]{7,8}-[0-9kK]$/"`},
				{"a RUT in use", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":"Dan","rut":"12345678-9"}`,
					"ValidationError", "This attribute must be unique"},
				{"a number for a string", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":42}`,
					"ValidationError", "fullName must be a `string` type, but the final value was: `42`."},
				{"not a date", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":"Dan","birthDate":"1990-13-45"}`,
					"ValidationError", "birthDate must be a valid date"},
				{"too long", `{"username":"dan","email":"dan@example.com","password":"secret123","fullName":"` + strings.Repeat("x", 121) + `"}`,
					"ValidationError", "fullName must be at most 120 characters"},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					wantEnvelope(t, registerRider(t, e, c.body), 400, c.errName, c.message)
				})
			}
			// Nothing of the refused registrations was written.
			var n int
			if err := e.Query("SELECT count(*) FROM up_users WHERE username = $1", []any{"dan"}, func(scan func(...any) error) error { return scan(&n) }); err != nil || n != 0 {
				t.Fatalf("dan: %d users, %v", n, err)
			}
		})

		t.Run("me shows the fields, and fields chooses them", func(t *testing.T) {
			r := e.Do("GET", "/api/users/me?fields[0]=club&fields[1]=username", nil, "Authorization", "Bearer "+anaJWT)
			if r.Status != 200 || string(r.Body) != fmt.Sprintf(`{"id":%d,"documentId":%s,"username":"ana","club":"Trek Chile"}`+"\n", anaID, docID(t, r.Body)) {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			wantEnvelope(t, e.Do("GET", "/api/users/me?fields[0]=emergencyContact", nil, "Authorization", "Bearer "+anaJWT), 400, "ValidationError", "Invalid key emergencyContact")
		})

		t.Run("a user edits their own profile", func(t *testing.T) {
			r := asJSON(e, "PUT", "/api/users/me", anaJWT, `{"club":"Scott Racing","phone":"+56 9 8765 4321","username":"ana.r"}`)
			if r.Status != 200 || !strings.Contains(string(r.Body), `"username":"ana.r"`) || !strings.Contains(string(r.Body), `"phone":"+56 9 8765 4321","birthDate":"1990-05-01","club":"Scott Racing"`) {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			// The other fields, the private one included, are kept.
			if err := e.Query("SELECT profile FROM up_users WHERE id = $1", []any{anaID}, func(scan func(...any) error) error { return scan(&stored) }); err != nil {
				t.Fatal(err)
			}
			if storedField(t, stored, "emergencyContact") != "+56 9 1111 2222" || storedField(t, stored, "rut") != "12345678-9" {
				t.Fatalf("stored profile %s", stored)
			}
			refused := []struct{ name, body, message string }{
				{"their email", `{"email":"new@example.com"}`, "this field has unspecified keys: email"},
				{"their role", `{"role":1}`, "this field has unspecified keys: role"},
				{"confirmed", `{"confirmed":false}`, "this field has unspecified keys: confirmed"},
				{"a private field", `{"emergencyContact":"x"}`, "this field has unspecified keys: emergencyContact"},
				{"a RUT in use", `{"rut":"7654321-K"}`, "This attribute must be unique"},
				{"an empty required field", `{"fullName":null}`, "fullName must be a `string` type, but the final value was: `null`."},
				{"a username in use", `{"username":"ben"}`, "Username already taken"},
			}
			for _, c := range refused {
				t.Run(c.name, func(t *testing.T) {
					r := asJSON(e, "PUT", "/api/users/me", anaJWT, c.body)
					if r.Status != 400 || !strings.Contains(string(r.Body), `"message":"`+strings.ReplaceAll(c.message, `"`, `\"`)+`"`) {
						t.Fatalf("%d %s, want 400 %q", r.Status, r.Body, c.message)
					}
				})
			}
		})

		t.Run("a user cannot touch another user", func(t *testing.T) {
			r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", benID), anaJWT, `{"club":"hacked"}`)
			wantEnvelope(t, r, 403, "ForbiddenError", "Forbidden")
			r = asJSON(e, "PUT", "/api/users/me", "", `{"club":"x"}`)
			if r.Status != 403 && r.Status != 401 {
				t.Fatalf("anonymous: %d %s", r.Status, r.Body)
			}
		})

		t.Run("an operator filters by club and sorts by birth date", func(t *testing.T) {
			r := e.Do("GET", "/api/users?filters[club][$eq]=Trek%20Chile&sort=birthDate:desc&fields[0]=username", nil, "Authorization", "Bearer "+admin)
			if got := usernames(t, r); got != "cat" {
				t.Fatalf("club Trek Chile: %s (%s)", got, r.Body)
			}
			r = e.Do("GET", "/api/users?sort=birthDate:asc&fields[0]=username", nil, "Authorization", "Bearer "+admin)
			if got := usernames(t, r); got != "ben,ana.r,cat" {
				t.Fatalf("by birth date: %s", got)
			}
			r = e.Do("GET", "/api/users?filters[birthDate][$lt]=1995-01-01&filters[club][$containsi]=scott&fields[0]=username", nil, "Authorization", "Bearer "+admin)
			if got := usernames(t, r); got != "ana.r" {
				t.Fatalf("before 1995 and scott: %s", got)
			}
			r = e.Do("GET", "/api/users?_q=specialized&fields[0]=username", nil, "Authorization", "Bearer "+admin)
			if got := usernames(t, r); got != "ben" {
				t.Fatalf("_q: %s", got)
			}
			for _, q := range []string{"filters[emergencyContact][$eq]=x", "sort=emergencyContact", "fields[0]=emergencyContact"} {
				wantEnvelope(t, e.Do("GET", "/api/users?"+q, nil, "Authorization", "Bearer "+admin), 400, "ValidationError", "Invalid key emergencyContact")
			}
		})

		t.Run("the users API writes them", func(t *testing.T) {
			r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", benID), admin, `{"club":null,"emergencyContact":"+56 2 2222 3333"}`)
			if r.Status != 200 || !strings.Contains(string(r.Body), `"club":null`) || strings.Contains(string(r.Body), "emergencyContact") {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			r = asJSON(e, "POST", "/api/users", admin, `{"username":"eve","email":"eve@example.com","password":"secret123","role":1,"fullName":"Eve","rut":"7654321-K"}`)
			wantEnvelope(t, r, 400, "ApplicationError", "This attribute must be unique")
			r = asJSON(e, "POST", "/api/users", admin, `{"username":"eve","email":"eve@example.com","password":"secret123","role":1,"fullName":"Eve","rut":"9999999-9"}`)
			if r.Status != 201 || !strings.Contains(string(r.Body), `"fullName":"Eve","rut":"9999999-9"`) {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})

		t.Run("a unique field stays unique under concurrent writes", func(t *testing.T) {
			const n = 6
			var (
				wg  sync.WaitGroup
				mu  sync.Mutex
				oks int
			)
			for i := range n {
				wg.Go(func() {
					r, err := e.Try("POST", "/api/auth/local/register",
						[]byte(fmt.Sprintf(`{"username":"race%d","email":"race%d@example.com","password":"secret123","fullName":"R","rut":"5555555-5"}`, i, i)),
						"Content-Type", "application/json")
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					defer mu.Unlock()
					switch {
					case r.Status == 200:
						oks++
					case r.Status != 400 || !strings.Contains(string(r.Body), "This attribute must be unique"):
						t.Errorf("%d %s", r.Status, r.Body)
					}
				})
			}
			wg.Wait()
			if oks != 1 {
				t.Fatalf("%d registrations with the same RUT succeeded", oks)
			}
		})

		t.Run("the served spec has the fields", func(t *testing.T) {
			r := e.Do("GET", "/openapi.json", nil)
			var doc struct {
				Components struct {
					Schemas map[string]struct {
						Properties map[string]json.RawMessage `json:"properties"`
						Required   []string                   `json:"required"`
					} `json:"schemas"`
				} `json:"components"`
			}
			if err := json.Unmarshal(r.Body, &doc); err != nil {
				t.Fatal(err)
			}
			s := doc.Components.Schemas
			if _, ok := s["User"].Properties["rut"]; !ok {
				t.Error("User has no rut")
			}
			if _, ok := s["User"].Properties["emergencyContact"]; ok {
				t.Error("User shows the private emergencyContact")
			}
			if !strings.Contains(string(s["RegisterRequest"].Properties["rut"]), `"pattern":"^[0-9]{7,8}-[0-9kK]$"`) {
				t.Errorf("RegisterRequest.rut %s", s["RegisterRequest"].Properties["rut"])
			}
			if !strings.Contains(string(s["RegisterRequest"].Properties["fullName"]), "required") {
				t.Errorf("RegisterRequest.fullName %s", s["RegisterRequest"].Properties["fullName"])
			}
			if _, ok := s["UpdateMeRequest"].Properties["emergencyContact"]; ok {
				t.Error("UpdateMeRequest has the private emergencyContact")
			}
			y := e.Do("GET", "/openapi.yaml", nil)
			if y.Status != 200 || !strings.Contains(string(y.Body), "birthDate:") {
				t.Errorf("openapi.yaml: %d", y.Status)
			}
		})
	})
}

func docID(t *testing.T, body []byte) string {
	t.Helper()
	var v struct {
		DocumentID string `json:"documentId"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%q", v.DocumentID)
}

func usernames(t *testing.T, r apitest.Response) string {
	t.Helper()
	var list []struct {
		Username string `json:"username"`
	}
	if r.Status != 200 || json.Unmarshal(r.Body, &list) != nil {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	names := make([]string, len(list))
	for i, u := range list {
		names[i] = u.Username
	}
	return strings.Join(names, ",")
}

// storedField reads one value of a stored profile (PostgreSQL's jsonb and SQLite's text
// write the JSON differently).
func storedField(t *testing.T, stored, name string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(stored), &m); err != nil {
		t.Fatalf("stored profile %q: %v", stored, err)
	}
	return m[name]
}

// TestProfileDeclarationChanges: a start with a changed declaration retires the fields it
// leaves out (their values stay, and come back when declared again), adds new ones, and is
// refused, with a message saying why, when a change of type or a new unique constraint does
// not fit the stored values.
func TestProfileDeclarationChanges(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, withFields(t, ridersFields))
		anaJWT, _ := jwtOf(t, registerRider(t, e, rider("ana", "12345678-9", "Trek Chile", "1990-05-01")))
		_, _ = jwtOf(t, registerRider(t, e, `{"username":"ben","email":"ben@example.com","password":"secret123","fullName":"Ben","phone":"+56 9 1234 5678"}`))
		_, _ = jwtOf(t, registerRider(t, e, `{"username":"cat","email":"cat@example.com","password":"secret123","fullName":"Cat","phone":"+56 9 1234 5678","club":"42"}`))

		restart := func(decl string) (string, error) {
			t.Helper()
			s, err := profile.Parse([]byte(decl))
			if err != nil {
				t.Fatal(err)
			}
			svc, err := app.New(t.Context(), e.Config, slog.New(slog.DiscardHandler), app.Options{Store: e.Store, Now: e.Clock.Now, Fields: s})
			if err != nil {
				return "", err
			}
			srv := httptest.NewServer(svc.Handler)
			t.Cleanup(func() { srv.Close(); svc.Close() })
			return srv.URL, nil
		}
		me := func(url string) string {
			t.Helper()
			req, _ := http.NewRequest("GET", url+"/api/users/me", nil)
			req.Header.Set("Authorization", "Bearer "+anaJWT)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return string(b)
		}

		// club retired, shirtSize added: club is no longer shown, and its value stays.
		url, err := restart(`{"attributes": {"fullName": {"type": "string", "required": true}, "rut": {"type": "string", "unique": true},
			"shirtSize": {"type": "enumeration", "enum": ["S", "M", "L"], "default": "M"}}}`)
		if err != nil {
			t.Fatal(err)
		}
		if got := me(url); strings.Contains(got, "club") || !strings.Contains(got, `"rut":"12345678-9","shirtSize":null`) {
			t.Fatalf("club retired: %s", got)
		}
		// Declared again: its value is back.
		if url, err = restart(ridersFields); err != nil {
			t.Fatal(err)
		}
		if got := me(url); !strings.Contains(got, `"club":"Trek Chile"`) {
			t.Fatalf("club declared again: %s", got)
		}

		refused := []struct{ name, decl, want string }{
			{"a type the values do not fit", `{"attributes": {"club": {"type": "integer"}}}`,
				`field "club" was string and is now integer, but users 1, 3 have a value a integer field cannot hold`},
			{"unique over shared values", `{"attributes": {"phone": {"type": "string", "unique": true}}}`,
				`field "phone" is unique, but users share these values: "+56 9 1234 5678"`},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				_, err := restart(c.decl)
				if !errors.Is(err, store.ErrProfileIncompatible) || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("%v, want %s", err, c.want)
				}
			})
		}
		// A type every stored value fits is a compatible change (cat's club "42" is text).
		if _, err := restart(`{"attributes": {"club": {"type": "text"}, "rut": {"type": "string"}}}`); err != nil {
			t.Fatal(err)
		}
		// rut is no longer unique: its index is gone.
		var n int
		q := "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'up_users_profile_rut_key'"
		if engine == "postgres" {
			q = "SELECT count(*) FROM pg_indexes WHERE indexname = 'up_users_profile_rut_key'"
		}
		if err := e.Query(q, nil, func(scan func(...any) error) error { return scan(&n) }); err != nil || n != 0 {
			t.Fatalf("rut's unique index: %d, %v", n, err)
		}
	})
}

// TestProfileFieldTypes: each kind of field is stored, shown, filtered and sorted as its
// type says (numbers as numbers, not as text), on both engines.
func TestProfileFieldTypes(t *testing.T) {
	t.Parallel()
	decl := `{"attributes": {
	  "age": {"type": "integer"}, "score": {"type": "float"}, "licence": {"type": "biginteger"},
	  "vip": {"type": "boolean", "default": false}, "joinedAt": {"type": "datetime"}, "startsAt": {"type": "time"},
	  "size": {"type": "enumeration", "enum": ["S", "M", "L"]}, "meta": {"type": "json"}}}`
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, withFields(t, decl))
		admin := apiToken(t, e, "full-access")
		users := []string{
			`"age": 9, "score": 10.5, "licence": "9007199254740993", "vip": true, "joinedAt": "2026-01-02T03:04:05+02:00", "startsAt": "09:30", "size": "S", "meta": {"a": 1}`,
			`"age": 10, "score": 2, "licence": 12, "joinedAt": "2025-06-01T00:00:00Z", "startsAt": "18:00:00.250", "size": "L"`,
			`"age": 100, "score": -1.25`,
		}
		for i, f := range users {
			r := asJSON(e, "POST", "/api/users", admin, fmt.Sprintf(`{"username":"user%d","email":"user%d@example.com","password":"secret123","role":1,%s}`, i, i, f))
			if r.Status != 201 {
				t.Fatalf("user%d: %d %s", i, r.Status, r.Body)
			}
			if i == 0 && !strings.Contains(string(r.Body), `"age":9,"score":10.5,"licence":"9007199254740993","vip":true,"joinedAt":"2026-01-02T01:04:05.000Z","startsAt":"09:30:00.000","size":"S","meta":{"a":1}`) {
				t.Fatalf("stored as: %s", r.Body)
			}
			if i == 2 && !strings.Contains(string(r.Body), `"vip":false`) {
				t.Fatalf("the default: %s", r.Body)
			}
		}
		cases := []struct{ query, want string }{
			{"filters[age][$gt]=9&sort=age:desc", "user2,user1"}, // 100 > 10 > 9: numbers, not text
			{"sort=age:asc", "user0,user1,user2"},
			{"filters[score][$lte]=2", "user1,user2"},
			{"filters[licence][$gt]=100", "user0"},
			{"filters[vip][$eq]=true", "user0"},
			{"filters[vip][$eq]=false", "user1,user2"},
			{"filters[joinedAt][$gte]=2026-01-01T23:00:00-02:00", "user0"},
			{"filters[startsAt][$lt]=12:00", "user0"},
			{"filters[size][$in][0]=S&filters[size][$in][1]=M", "user0"},
			{"filters[size][$null]=true", "user2"},
			{"sort=joinedAt:desc", "user2,user0,user1"}, // PostgreSQL's place of NULLs, on both engines
		}
		for _, c := range cases {
			t.Run(c.query, func(t *testing.T) {
				r := e.Do("GET", "/api/users?fields[0]=username&"+c.query, nil, "Authorization", "Bearer "+admin)
				if got := usernames(t, r); got != c.want {
					t.Fatalf("%s, want %s", got, c.want)
				}
			})
		}
		wantEnvelope(t, e.Do("GET", "/api/users?filters[meta][$eq]=1", nil, "Authorization", "Bearer "+admin), 400, "ValidationError", "Invalid key meta")
		r := e.Do("GET", "/api/users?filters[age][$gt]=abc", nil, "Authorization", "Bearer "+admin)
		if r.Status != 400 {
			t.Fatalf("a number filter with text: %d %s", r.Status, r.Body)
		}
		r = asJSON(e, "PUT", "/api/users/1", admin, `{"age": 5.5, "size": "XL"}`)
		if r.Status != 400 || !strings.Contains(string(r.Body), `"age must be an integer"`) ||
			!strings.Contains(string(r.Body), `"size must be one of the following values: S, M, L, "`) {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
	})
}
