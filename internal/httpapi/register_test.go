package httpapi_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// envelope is the error body every error response has.
type envelope struct {
	Data  any `json:"data"`
	Error struct {
		Status  int            `json:"status"`
		Name    string         `json:"name"`
		Message string         `json:"message"`
		Details map[string]any `json:"details"`
	} `json:"error"`
}

func decodeEnvelope(t *testing.T, r apitest.Response) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(r.Body, &e); err != nil {
		t.Fatalf("error body is not the envelope: %v\n%s", err, r.Body)
	}
	if e.Data != nil || e.Error.Status != r.Status {
		t.Fatalf("envelope data=%v status=%d, want data=null status=%d", e.Data, e.Error.Status, r.Status)
	}
	return e
}

// wantError checks status, name, message and (when wantFields is not nil) the
// details.errors list, compared as JSON.
func wantError(t *testing.T, r apitest.Response, status int, name, message string, wantFields string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body %s", r.Status, status, r.Body)
	}
	e := decodeEnvelope(t, r)
	if e.Error.Name != name || e.Error.Message != message {
		t.Fatalf("error %s %q, want %s %q; body %s", e.Error.Name, e.Error.Message, name, message, r.Body)
	}
	if wantFields == "" {
		if len(e.Error.Details) != 0 {
			t.Fatalf("details %v, want {}", e.Error.Details)
		}
		return
	}
	got, _ := json.Marshal(e.Error.Details["errors"])
	var a, b any
	_ = json.Unmarshal(got, &a)
	if err := json.Unmarshal([]byte(wantFields), &b); err != nil {
		t.Fatalf("bad test: %v", err)
	}
	ga, _ := json.Marshal(a)
	gb, _ := json.Marshal(b)
	if string(ga) != string(gb) {
		t.Fatalf("details.errors\n got %s\nwant %s", ga, gb)
	}
}

func TestRegister(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		aliceJWT, _ := e.Register("alice", "alice@example.com", "secret123")
		e.Register("mail.name@example.org", "owner@example.com", "secret123") // a username that looks like an email

		type tc struct {
			name    string
			body    string
			ctype   string
			header  []string
			status  int
			errName string
			message string
			fields  string
		}
		cases := []tc{
			{name: "duplicate email", body: `{"username":"alice2","email":"alice@example.com","password":"secret123"}`,
				status: 400, errName: "ApplicationError", message: "Email or Username are already taken"},
			{name: "duplicate email in other case", body: `{"username":"alice3","email":"ALICE@EXAMPLE.COM","password":"secret123"}`,
				status: 400, errName: "ApplicationError", message: "Email or Username are already taken"},
			{name: "duplicate username", body: `{"username":"alice","email":"other@example.com","password":"secret123"}`,
				status: 400, errName: "ApplicationError", message: "Email or Username are already taken"},
			{name: "username equal to an existing email", body: `{"username":"alice@example.com","email":"x1@example.com","password":"secret123"}`,
				status: 400, errName: "ApplicationError", message: "Email or Username are already taken"},
			{name: "email equal to an existing username", body: `{"username":"zed","email":"Mail.Name@Example.org","password":"secret123"}`,
				status: 400, errName: "ApplicationError", message: "Email or Username are already taken"},
			{name: "missing password", body: `{"username":"bob","email":"bob@example.com"}`,
				status: 400, errName: "ValidationError", message: "password is a required field",
				fields: `[{"path":["password"],"message":"password is a required field","name":"ValidationError"}]`},
			{name: "missing email", body: `{"username":"bob","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "email is a required field",
				fields: `[{"path":["email"],"message":"email is a required field","name":"ValidationError"}]`},
			{name: "empty strings", body: `{"username":"","email":"","password":""}`,
				status: 400, errName: "ValidationError", message: "3 errors occurred",
				fields: `[{"path":["email"],"message":"email is a required field","name":"ValidationError","value":""},
					{"path":["username"],"message":"username is a required field","name":"ValidationError","value":""},
					{"path":["password"],"message":"password is a required field","name":"ValidationError","value":""}]`},
			{name: "invalid email", body: `{"username":"bob","email":"not-an-email","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "email must be a valid email",
				fields: `[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":"not-an-email"}]`},
			{name: "email with spaces", body: `{"username":"bob","email":" a@b.co ","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "email must be a valid email",
				fields: `[{"path":["email"],"message":"email must be a valid email","name":"ValidationError","value":" a@b.co "}]`},
			{name: "username too short", body: `{"username":"bo","email":"bo@example.com","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "username must be at least 3 characters",
				fields: `[{"path":["username"],"message":"username must be at least 3 characters","name":"ValidationError","value":"bo"}]`},
			{name: "username too long", body: fmt.Sprintf(`{"username":"%s","email":"long@example.com","password":"secret123"}`, strings.Repeat("u", 256)),
				status: 400, errName: "ValidationError", message: "username must be at most 255 characters",
				fields: fmt.Sprintf(`[{"path":["username"],"message":"username must be at most 255 characters","name":"ValidationError","value":"%s"}]`, strings.Repeat("u", 256))},
			{name: "password too short", body: `{"username":"bob5","email":"bob5@example.com","password":"12345"}`,
				status: 400, errName: "ValidationError", message: "password must be at least 6 characters",
				fields: `[{"path":["password"],"message":"password must be at least 6 characters","name":"ValidationError","value":"12345"}]`},
			{name: "password of 25 characters and 75 bytes", body: `{"username":"bob","email":"bob@example.com","password":"` + strings.Repeat("€", 25) + `"}`,
				status: 400, errName: "ValidationError", message: "Password must be less than 73 bytes",
				fields: `[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + strings.Repeat("€", 25) + `"}]`},
			{name: "password of 73 ASCII bytes", body: `{"username":"bob","email":"bob@example.com","password":"` + strings.Repeat("b", 73) + `"}`,
				status: 400, errName: "ValidationError", message: "Password must be less than 73 bytes",
				fields: `[{"path":["password"],"message":"Password must be less than 73 bytes","name":"ValidationError","value":"` + strings.Repeat("b", 73) + `"}]`},
			{name: "extra keys", body: `{"username":"bob","email":"bob@example.com","password":"secret123","role":1,"confirmed":true}`,
				status: 400, errName: "ValidationError", message: "Invalid parameters: role, confirmed"},
			{name: "extra keys come before other errors", body: `{"blocked":false,"username":"","email":"x"}`,
				status: 400, errName: "ValidationError", message: "Invalid parameters: blocked"},
			{name: "non-string types", body: `{"username":12345,"email":"num@example.com","password":12345678}`,
				status: 400, errName: "ValidationError", message: "2 errors occurred",
				fields: `[{"path":["username"],"message":"username must be a ` + "`string`" + ` type, but the final value was: ` + "`12345`" + `.","name":"ValidationError","value":12345},
					{"path":["password"],"message":"password must be a ` + "`string`" + ` type, but the final value was: ` + "`12345678`" + `.","name":"ValidationError","value":12345678}]`},
			{name: "array where a string belongs", body: `{"username":["a","b"],"email":"arr@example.com","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "username must be a `string` type, but the final value was: `[\n  \"\\\"a\\\"\",\n  \"\\\"b\\\"\"\n]`.",
				fields: `[{"path":["username"],"message":"username must be a ` + "`string`" + ` type, but the final value was: ` + "`[\\n  \\\"\\\\\\\"a\\\\\\\"\\\",\\n  \\\"\\\\\\\"b\\\\\\\"\\\"\\n]`" + `.","name":"ValidationError","value":["a","b"]}]`},
			{name: "null where a string belongs", body: `{"username":null,"email":"null@example.com","password":"secret123"}`,
				status: 400, errName: "ValidationError", message: "username must be a `string` type, but the final value was: `null`.",
				fields: `[{"path":["username"],"message":"username must be a ` + "`string`" + ` type, but the final value was: ` + "`null`" + `.","name":"ValidationError"}]`},
			{name: "body is an array", body: `[]`, status: 400, errName: "ValidationError",
				message: "this must be a `object` type, but the final value was: `[]`.",
				fields:  `[{"path":[],"message":"this must be a ` + "`object`" + ` type, but the final value was: ` + "`[]`" + `.","name":"ValidationError","value":[]}]`},
			{name: "not JSON", body: `{"username": "bob", `, status: 400, errName: "ValidationError", message: "Request body is not valid JSON"},
			{name: "no body", body: "", status: 400, errName: "ValidationError", message: "Request body cannot be empty"},
			{name: "text/plain body", body: `{"username":"bob"}`, ctype: "text/plain", status: 400, errName: "ValidationError",
				message: "Unsupported Content-Type: send application/json"},
			{name: "valid user token on a public-only route", body: `{"username":"tok","email":"tok@example.com","password":"secret123"}`,
				header: []string{"Authorization", "Bearer " + aliceJWT}, status: 403, errName: "ForbiddenError", message: "Forbidden"},
			{name: "invalid token on a public route", body: `{"username":"tok","email":"tok@example.com","password":"secret123"}`,
				header: []string{"Authorization", "Bearer abc.def.ghi"}, status: 401, errName: "UnauthorizedError", message: "Missing or invalid credentials"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ctype := c.ctype
				if ctype == "" {
					ctype = "application/json"
				}
				var body []byte
				if c.body != "" {
					body = []byte(c.body)
				}
				r := e.Do("POST", "/api/auth/local/register", body, append([]string{"Content-Type", ctype}, c.header...)...)
				wantError(t, r, c.status, c.errName, c.message, c.fields)
			})
		}
		if n, err := e.Store.Q.CountUsers(t.Context()); err != nil || n != 2 {
			t.Fatalf("users after the refused registrations: %d, %v; want the 2 registered first", n, err)
		}

		t.Run("success", func(t *testing.T) {
			r := e.PostJSON("/api/auth/local/register", map[string]string{"username": "Bob", "email": "Bob@Example.COM", "password": "123456"})
			if r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			var out struct {
				JWT  string         `json:"jwt"`
				User map[string]any `json:"user"`
			}
			if err := json.Unmarshal(r.Body, &out); err != nil {
				t.Fatal(err)
			}
			wantKeys := []string{"id", "documentId", "username", "email", "provider", "confirmed", "blocked", "createdAt", "updatedAt", "publishedAt"}
			if got := slices.Sorted(maps.Keys(out.User)); !slices.Equal(got, slices.Sorted(slices.Values(wantKeys))) {
				t.Fatalf("user has keys %v, want exactly %v", got, wantKeys)
			}
			if out.User["username"] != "Bob" || out.User["email"] != "bob@example.com" || out.User["provider"] != "local" ||
				out.User["confirmed"] != true || out.User["blocked"] != false {
				t.Fatalf("user %v", out.User)
			}
			if !strings.Contains(string(r.Body), `"createdAt":"`) || len(out.User["createdAt"].(string)) != len("2026-11-25T20:26:20.708Z") {
				t.Fatalf("timestamps must be ISO 8601 with milliseconds: %v", out.User["createdAt"])
			}
			if len(out.User["documentId"].(string)) != 24 {
				t.Fatalf("documentId %v", out.User["documentId"])
			}
			me := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+out.JWT)
			if me.Status != 200 || !strings.Contains(string(me.Body), `"username":"Bob"`) {
				t.Fatalf("the JWT of register does not log in: %d %s", me.Status, me.Body)
			}
			hash := storedPassword(t, e, "Bob")
			if !strings.HasPrefix(hash, "$2a$") || strings.Contains(string(r.Body), hash) {
				t.Fatalf("password stored as %q", hash)
			}
		})

		t.Run("form-urlencoded", func(t *testing.T) {
			r := e.Do("POST", "/api/auth/local/register", []byte("username=formuser&email=form%40example.com&password=secret123"),
				"Content-Type", "application/x-www-form-urlencoded")
			if r.Status != 200 || !strings.Contains(string(r.Body), `"email":"form@example.com"`) {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})

		t.Run("password of exactly 72 bytes", func(t *testing.T) {
			pw := strings.Repeat("é", 36)
			e.Register("bob72", "bob72@example.com", pw)
			r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "bob72", "password": pw})
			if r.Status != 200 {
				t.Fatalf("login with the 72-byte password: %d %s", r.Status, r.Body)
			}
		})
	})
}

// TestRegisterRace registers the same email (in different cases) many times at once:
// exactly one registration may succeed, whatever the engine.
func TestRegisterRace(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		responses := concurrently(t, 12, func(i int) (apitest.Response, error) {
			email := "race@example.com"
			if i%2 == 1 {
				email = "RACE@example.com"
			}
			return tryJSON(e, "POST", "/api/auth/local/register",
				fmt.Sprintf(`{"username":"racer%d","email":%q,"password":"secret123"}`, i, email))
		})
		wantOneWinner(t, responses, 200, loser{400, "ApplicationError", "Email or Username are already taken"})
		if count, err := e.Store.Q.CountUsers(t.Context()); err != nil || count != 1 {
			t.Fatalf("users in the database: %d, %v", count, err)
		}
	})
}

func storedPassword(t *testing.T, e *apitest.Env, username string) string {
	t.Helper()
	u, err := e.Store.Q.FindLoginUser(t.Context(), db.FindLoginUserParams{Username: username})
	if err != nil || u.Password == nil {
		t.Fatalf("find %s: %v", username, err)
	}
	return *u.Password
}

// TestEmailUniqueInDatabase: the database itself refuses a second account with the same
// email in another case, whatever writes it.
func TestEmailUniqueInDatabase(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		_, err := e.Store.Q.CreateUser(t.Context(), db.CreateUserParams{
			DocumentID: "zzzzzzzzzzzzzzzzzzzzzzzz", Username: "alice2", Email: "ALICE@example.com", Provider: "local", Now: time.Now().UTC(),
		})
		if !store.IsUniqueViolation(err) {
			t.Fatalf("insert of ALICE@example.com: %v, want a unique violation", err)
		}
	})
}
