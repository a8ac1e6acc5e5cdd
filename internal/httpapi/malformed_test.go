package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestMalformedBodyNotRateLimited: Strapi's body parser runs before its rate limiter, so a
// body that does not parse is answered 400 without X-RateLimit-* headers and uses none of
// the client's budget; a body that parses but fails validation is counted, as in Strapi.
func TestMalformedBodyNotRateLimited(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine, func(c *config.Config) { c.RateLimit.Enabled, c.RateLimit.Max = true, 2 })
		for _, body := range []string{
			`{"identifier":`, // not JSON
			`{"identifier":"a","password":"b"}garbage`,         // JSON followed by more
			"{\"identifier\":\"\xff\xfe\",\"password\":\"x\"}", // not UTF-8
			`[1,2]]`,
		} {
			for range 3 { // more than the budget of 2
				r := e.Do("POST", "/api/auth/local", []byte(body), "Content-Type", "application/json")
				if r.Status != 400 || r.Header.Get("X-RateLimit-Limit") != "" || r.Header.Get("X-RateLimit-Remaining") != "" {
					t.Fatalf("%q: %d limit %q, want 400 without X-RateLimit-*: %s", body, r.Status, r.Header.Get("X-RateLimit-Limit"), r.Body)
				}
			}
		}
		// The budget is untouched: two logins are counted, the third is refused.
		for i, want := range []int{400, 400, 429} {
			r := e.Do("POST", "/api/auth/local", []byte(`{"identifier":"nobody","password":"secret123"}`), "Content-Type", "application/json")
			if r.Status != want {
				t.Fatalf("login %d: %d %s, want %d", i, r.Status, r.Body, want)
			}
			if r.Header.Get("X-RateLimit-Remaining") == "" {
				t.Fatalf("login %d: no X-RateLimit-Remaining", i)
			}
		}
	})
}

// TestBadText: NUL characters and invalid UTF-8, in a body value, a body key, a query
// value or the path, are a 400 ValidationError on both engines, never a 500 (PostgreSQL
// cannot store NUL in text), before any authentication.
func TestBadText(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		grant(t, e, "public", actUserFind, actUserCount)
		grant(t, e, "authenticated", actUserFind, actUserFindOne, actUserCount)
		valueErr := func(path string) string {
			return fmt.Sprintf(`[{"path":[%q],"message":"%s must be text without NUL characters (and valid UTF-8)","name":"ValidationError"}]`, path, path)
		}
		bodies := []struct{ name, path, body, field string }{
			{"login identifier with NUL", "/api/auth/local", `{"identifier":"ali\u0000ce","password":"secret123"}`, "identifier"},
			{"login password with NUL", "/api/auth/local", `{"identifier":"alice","password":"secret\u0000123"}`, "password"},
			{"register username with NUL", "/api/auth/local/register", `{"username":"bob\u0000","email":"bob@example.com","password":"secret123"}`, "username"},
			{"register email with NUL", "/api/auth/local/register", `{"username":"bob","email":"bob\u0000@example.com","password":"secret123"}`, "email"},
			{"forgot-password email with NUL", "/api/auth/forgot-password", `{"email":"alice\u0000@example.com"}`, "email"},
			{"reset code with NUL", "/api/auth/reset-password", `{"code":"\u0000","password":"secret123","passwordConfirmation":"secret123"}`, "code"},
			{"login with a device id with NUL", "/api/auth/local", `{"identifier":"alice","password":"secret123","deviceId":"d\u0000"}`, "deviceId"},
		}
		for _, c := range bodies {
			t.Run(c.name, func(t *testing.T) {
				r := e.Do("POST", c.path, []byte(c.body), "Content-Type", "application/json")
				wantError(t, r, 400, "ValidationError", c.field+" must be text without NUL characters (and valid UTF-8)", valueErr(c.field))
			})
		}
		t.Run("a backslash before u0000 is text, not NUL", func(t *testing.T) {
			r := e.Do("POST", "/api/auth/local", []byte(`{"identifier":"ali\\u0000ce","password":"secret123"}`), "Content-Type", "application/json")
			wantError(t, r, 400, "ValidationError", "Invalid identifier or password", "")
		})
		t.Run("invalid UTF-8 in a JSON body", func(t *testing.T) {
			r := e.Do("POST", "/api/auth/local/register", []byte("{\"username\":\"b\xc3\x28b\",\"email\":\"bob@example.com\",\"password\":\"secret123\"}"), "Content-Type", "application/json")
			wantError(t, r, 400, "ValidationError", "Request body is not valid UTF-8", "")
		})
		t.Run("NUL in a form body", func(t *testing.T) {
			r := e.Do("POST", "/api/auth/local", []byte("identifier=alice%00&password=secret123"), "Content-Type", "application/x-www-form-urlencoded")
			wantError(t, r, 400, "ValidationError", "identifier must be text without NUL characters (and valid UTF-8)", valueErr("identifier"))
		})
		queries := []struct{ name, path, param string }{
			{"filter value with NUL", "/api/users?filters[username][$eq]=a%00b", "filters[username][$eq]"},
			{"filter value with invalid UTF-8", "/api/users?filters[username][$containsi]=%ff%fe", "filters[username][$containsi]"},
			{"_q with NUL", "/api/users?_q=%00", "_q"},
			{"_q with invalid UTF-8", "/api/users/count?_q=%c3%28", "_q"},
			{"sort with NUL", "/api/users?sort=username%00", "sort"},
			{"me fields with NUL", "/api/users/me?fields=user%00name", "fields"},
		}
		for _, c := range queries {
			t.Run(c.name, func(t *testing.T) {
				for _, auth := range [][]string{nil, {"Authorization", "Bearer " + jwt}} {
					if strings.HasPrefix(c.path, "/api/users/me") && auth == nil {
						continue
					}
					r := e.Do("GET", c.path, nil, auth...)
					wantError(t, r, 400, "ValidationError", c.param+" must be text without NUL characters (and valid UTF-8)", valueErr(c.param))
				}
			})
		}
		grant(t, e, "authenticated", actUserUpdate, actUserDestroy)
		for _, c := range []struct{ method, path string }{
			{"GET", "/api/users/%00"}, {"GET", "/api/users/%ff"}, {"DELETE", "/api/users/1%00"}, {"PUT", "/api/users/%c3%28"},
			{"DELETE", "/api/auth/sessions/%00"},
		} {
			var body []byte
			if c.method == "PUT" {
				body = []byte(`{"username":"x"}`)
			}
			r := e.Do(c.method, c.path, body, "Authorization", "Bearer "+jwt, "Content-Type", "application/json")
			wantError(t, r, 400, "ValidationError", "The path contains NUL characters or invalid UTF-8", "")
		}
		// Nothing was stored and nothing failed.
		if r := e.Do("GET", "/api/users/count?filters[username][$eq]="+url.QueryEscape("bob"), nil); strings.TrimSpace(string(r.Body)) != "0" {
			t.Fatalf("count %d %s", r.Status, r.Body)
		}
		if logs := e.Logs.String(); strings.Contains(logs, "internal error") {
			t.Fatalf("a 500 was logged:\n%s", logs)
		}
	})
}

// TestInputLimits: values too long to be real, or made to be invisible, are refused with a
// 400 before they reach a database: an email over 254 characters, a username with control,
// bidi-override or zero-width characters, filter and _q values longer than any stored
// value (SQLite's LIKE fails on patterns over 50 000 bytes).
func TestInputLimits(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		grant(t, e, "public", actUserFind, actUserCount)
		grant(t, e, "authenticated", actUserCreate, actUserUpdate)

		long := strings.Repeat("a", 243) + "@example.com" // 255 characters
		wantError(t, e.PostJSON("/api/auth/local/register", map[string]string{"username": "bob", "email": long, "password": "secret123"}),
			400, "ValidationError", "email must be at most 254 characters",
			`[{"path":["email"],"message":"email must be at most 254 characters","name":"ValidationError","value":"`+long+`"}]`)
		ok254 := strings.Repeat("a", 242) + "@example.com"
		if r := e.PostJSON("/api/auth/local/register", map[string]string{"username": "bob", "email": ok254, "password": "secret123"}); r.Status != 200 {
			t.Fatalf("a 254-character email: %d %s", r.Status, r.Body)
		}
		wantError(t, e.PostJSON("/api/auth/forgot-password", map[string]string{"email": long}), 400, "ValidationError", "email must be at most 254 characters",
			`[{"path":["email"],"message":"email must be at most 254 characters","name":"ValidationError","value":"`+long+`"}]`)

		for _, name := range []string{
			"evil\u202Egnp.exe", // right-to-left override
			"ad\u200Bmin",       // zero-width space
			"ad\u200Dmin",       // zero-width joiner
			"\uFEFFadmin",       // byte order mark
			"ad\u2066min\u2069", // isolates
			"tab\tname",         // control characters
			"line\nbreak",
			"del\u007Fname",
			"c1\u0085name",
			"para\u2029graph",
		} {
			t.Run(fmt.Sprintf("username %q", name), func(t *testing.T) {
				msg := "username must not contain control, formatting or invisible characters"
				value, _ := json.Marshal(name)
				fields := fmt.Sprintf(`[{"path":["username"],"message":%q,"name":"ValidationError","value":%s}]`, msg, value)
				r := e.PostJSON("/api/auth/local/register", map[string]string{"username": name, "email": "x@example.com", "password": "secret123"})
				wantError(t, r, 400, "ValidationError", msg, fields)
				r = e.Do("POST", "/api/users", []byte(fmt.Sprintf(`{"username":%s,"email":"y@example.com","password":"secret123","role":1}`, value)),
					"Content-Type", "application/json", "Authorization", "Bearer "+jwt)
				wantError(t, r, 400, "ApplicationError", msg, "")
				r = e.Do("PUT", "/api/users/1", []byte(fmt.Sprintf(`{"username":%s}`, value)), "Content-Type", "application/json", "Authorization", "Bearer "+jwt)
				wantError(t, r, 400, "ValidationError", msg, fields)
			})
		}
		for i, name := range []string{"José", "Łukasz", "山田太郎", "rider_42", "o'brien"} {
			if r := e.PostJSON("/api/auth/local/register", map[string]string{"username": name, "email": fmt.Sprintf("user%d@example.com", i), "password": "secret123"}); r.Status != 200 {
				t.Errorf("username %q: %d %s", name, r.Status, r.Body)
			}
		}

		huge := strings.Repeat("%", 60000)
		for _, q := range []string{
			"filters[username][$containsi]=" + url.QueryEscape(huge),
			"filters[email][$startsWith]=" + strings.Repeat("x", 1025),
			"filters[username][$in][0]=a&filters[username][$in][1]=" + strings.Repeat("x", 1025),
			"_q=" + url.QueryEscape(huge),
		} {
			for _, path := range []string{"/api/users?", "/api/users/count?"} {
				r := e.Do("GET", path+q, nil)
				if r.Status != 400 || !strings.Contains(string(r.Body), `"name":"ValidationError"`) || !strings.Contains(string(r.Body), "at most 1024 characters") {
					t.Fatalf("%s%.60s...: %d %.300s", path, q, r.Status, r.Body)
				}
			}
		}
		if r := e.Do("GET", "/api/users/count?filters[username][$containsi]="+strings.Repeat("x", 1024), nil); r.Status != 200 {
			t.Fatalf("a 1024-character filter value: %d %s", r.Status, r.Body)
		}
		if logs := e.Logs.String(); strings.Contains(logs, "internal error") {
			t.Fatalf("a 500 was logged:\n%s", logs)
		}
	})
}
