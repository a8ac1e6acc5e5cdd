package httpapi_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

func TestLogin(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		aliceJWT, _ := e.Register("alice", "alice@example.com", "secret123")
		_, carolID := e.Register("carol", "carol@example.com", "secret123")
		block(t, e, carolID)

		ok := []struct{ name, body, ctype string }{
			{"by email", `{"identifier":"alice@example.com","password":"secret123"}`, ""},
			{"by email in other case", `{"identifier":"ALICE@Example.com","password":"secret123"}`, ""},
			{"by username", `{"identifier":"alice","password":"secret123"}`, ""},
			{"extra keys are ignored", `{"identifier":"alice","password":"secret123","foo":"bar"}`, ""},
			{"form-urlencoded", `identifier=alice&password=secret123`, "application/x-www-form-urlencoded"},
		}
		for _, c := range ok {
			t.Run(c.name, func(t *testing.T) {
				ctype := c.ctype
				if ctype == "" {
					ctype = "application/json"
				}
				r := e.Do("POST", "/api/auth/local", []byte(c.body), "Content-Type", ctype)
				if r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				var out struct {
					JWT  string         `json:"jwt"`
					User map[string]any `json:"user"`
				}
				_ = json.Unmarshal(r.Body, &out)
				if out.User["username"] != "alice" || out.JWT == "" {
					t.Fatalf("body %s", r.Body)
				}
				if _, present := out.User["role"]; present {
					t.Fatalf("login must not show the role: %s", r.Body)
				}
				checkLegacyJWT(t, out.JWT, int64(out.User["id"].(float64)))
			})
		}

		refused := []struct {
			name, body   string
			header       []string
			status       int
			errName, msg string
			fields       string
		}{
			{name: "username in other case", body: `{"identifier":"Alice","password":"secret123"}`,
				status: 400, errName: "ValidationError", msg: "Invalid identifier or password"},
			{name: "wrong password", body: `{"identifier":"alice@example.com","password":"wrong-password"}`,
				status: 400, errName: "ValidationError", msg: "Invalid identifier or password"},
			{name: "unknown user", body: `{"identifier":"nobody","password":"secret123"}`,
				status: 400, errName: "ValidationError", msg: "Invalid identifier or password"},
			{name: "password over 72 bytes that starts with the right one", body: `{"identifier":"alice","password":"secret123` + strings.Repeat("x", 70) + `"}`,
				status: 400, errName: "ValidationError", msg: "Invalid identifier or password"},
			{name: "missing identifier", body: `{"password":"secret123"}`, status: 400, errName: "ValidationError",
				msg: "identifier is a required field", fields: `[{"path":["identifier"],"message":"identifier is a required field","name":"ValidationError"}]`},
			{name: "missing password", body: `{"identifier":"alice"}`, status: 400, errName: "ValidationError",
				msg: "password is a required field", fields: `[{"path":["password"],"message":"password is a required field","name":"ValidationError"}]`},
			{name: "empty object", body: `{}`, status: 400, errName: "ValidationError", msg: "2 errors occurred",
				fields: `[{"path":["identifier"],"message":"identifier is a required field","name":"ValidationError"},
					{"path":["password"],"message":"password is a required field","name":"ValidationError"}]`},
			{name: "identifier is a number", body: `{"identifier":42,"password":"secret123"}`, status: 400, errName: "ValidationError",
				msg:    "identifier must be a `string` type, but the final value was: `42`.",
				fields: `[{"path":["identifier"],"message":"identifier must be a ` + "`string`" + ` type, but the final value was: ` + "`42`" + `.","name":"ValidationError","value":42}]`},
			{name: "no body", body: "", status: 400, errName: "ValidationError", msg: "Request body cannot be empty"},
			{name: "not JSON", body: "not json", status: 400, errName: "ValidationError", msg: "Request body is not valid JSON"},
			// Decision D1: a blocked user's login is 403, as the user's guide says.
			{name: "blocked user", body: `{"identifier":"carol","password":"secret123"}`,
				status: 403, errName: "ForbiddenError", msg: "Your account has been blocked by an administrator"},
			{name: "blocked user with a wrong password", body: `{"identifier":"carol","password":"wrong-pass"}`,
				status: 400, errName: "ValidationError", msg: "Invalid identifier or password"},
			{name: "user token on login", body: `{"identifier":"alice","password":"secret123"}`,
				header: []string{"Authorization", "Bearer " + aliceJWT}, status: 403, errName: "ForbiddenError", msg: "Forbidden"},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				var body []byte
				if c.body != "" {
					body = []byte(c.body)
				}
				r := e.Do("POST", "/api/auth/local", body, append([]string{"Content-Type", "application/json"}, c.header...)...)
				wantError(t, r, c.status, c.errName, c.msg, c.fields)
			})
		}

		t.Run("wrong method", func(t *testing.T) {
			wantError(t, e.Do("GET", "/api/auth/local", nil), 404, "NotFoundError", "Not Found", "")
			r := e.Do("PUT", "/api/auth/local", []byte(`{}`), "Content-Type", "application/json")
			wantError(t, r, 405, "MethodNotAllowedError", "Method Not Allowed", "")
			if r.Header.Get("Allow") != "POST" {
				t.Fatalf("Allow: %q", r.Header.Get("Allow"))
			}
		})

		t.Run("trailing slash", func(t *testing.T) {
			r := e.Do("POST", "/api/auth/local/", []byte(`{"identifier":"alice","password":"secret123"}`), "Content-Type", "application/json")
			if r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})
	})
}

// TestStrapiHashesVerify logs in a user whose password hash was made by Strapi
// (bcryptjs 2.4.3, cost 10), so users can be moved from Strapi with their hashes.
func TestStrapiHashesVerify(t *testing.T) {
	t.Parallel()
	// Made with node: require('bcryptjs').hashSync('Strapi-Pass-1', 10) (bcryptjs 2.4.3),
	// and with $2b$ the same with the prefix of the C implementation.
	hashes := map[string]string{
		"$2a$": strapiHash2a,
		"$2b$": strings.Replace(strapiHash2a, "$2a$", "$2b$", 1),
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		for prefix, hash := range hashes {
			t.Run(prefix, func(t *testing.T) {
				name := "migrated" + strings.Trim(prefix, "$")
				_, err := e.Store.Q.CreateUser(t.Context(), db.CreateUserParams{
					DocumentID: "abcdefghijklmnopqrstuvw" + strings.Trim(prefix, "$")[1:], Username: name, Email: name + "@example.com",
					Provider: "local", Password: &hash, Confirmed: true, RoleID: ptr(int64(1)), Now: time.Now().UTC(),
				})
				if err != nil {
					t.Fatal(err)
				}
				r := e.PostJSON("/api/auth/local", map[string]string{"identifier": name, "password": "Strapi-Pass-1"})
				if r.Status != 200 {
					t.Fatalf("login with a Strapi hash: %d %s", r.Status, r.Body)
				}
				r = e.PostJSON("/api/auth/local", map[string]string{"identifier": name, "password": "Strapi-Pass-2"})
				wantError(t, r, 400, "ValidationError", "Invalid identifier or password", "")
			})
		}
	})
}

// strapiHash2a is bcryptjs 2.4.3's hashSync('Strapi-Pass-1', 10).
const strapiHash2a = "$2a$10$CDPdeUIWvLqJstYSoROQqe8crvsTyEvJrNDIgUuKriQ6xy/HFE5Wi"

func block(t *testing.T, e *apitest.Env, id int64) {
	t.Helper()
	if err := auth.SetBlocked(t.Context(), e.Store, id, true); err != nil {
		t.Fatal(err)
	}
}

// checkLegacyJWT checks a token is exactly what Strapi issues: header
// {"alg":"HS256","typ":"JWT"}, payload {"id","iat","exp"} in that order, 30 days, HS256 over
// JWT_SECRET.
func checkLegacyJWT(t *testing.T, token string, id int64) {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	if parts[0] != "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" { // {"alg":"HS256","typ":"JWT"}, as Strapi's
		t.Fatalf("header %s", parts[0])
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims struct{ ID, IAT, EXP int64 }
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(payload), `{"id":`) || claims.ID != id || claims.EXP-claims.IAT != 30*24*3600 {
		t.Fatalf("payload %s", payload)
	}
	if d := time.Since(time.Unix(claims.IAT, 0)); d > time.Minute || d < -2*time.Second {
		t.Fatalf("iat %d is not now", claims.IAT)
	}
	if _, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return []byte(apitest.Secret), nil }, jwt.WithValidMethods([]string{"HS256"})); err != nil {
		t.Fatalf("signature: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }
