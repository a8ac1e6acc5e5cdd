package httpapi_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// sign makes a JWT with the given algorithm, secret and claims.
func sign(t *testing.T, method jwt.SigningMethod, secret string, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// strapiToken builds a token byte for byte as Strapi's jsonwebtoken does, by hand.
func strapiToken(secret string, id int64, iat int64) string {
	enc := base64.RawURLEncoding.EncodeToString
	head := enc([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body := enc(fmt.Appendf(nil, `{"id":%d,"iat":%d,"exp":%d}`, id, iat, iat+2592000))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(head + "." + body))
	return head + "." + body + "." + enc(mac.Sum(nil))
}

func TestCurrentUser(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		aliceJWT, aliceID := e.Register("alice", "alice@example.com", "secret123")
		carolJWT, carolID := e.Register("carol", "carol@example.com", "secret123")
		block(t, e, carolID)
		now := time.Now().Unix()
		hs := func(c jwt.MapClaims) string { return sign(t, jwt.SigningMethodHS256, apitest.Secret, c) }

		valid := []struct{ name, auth string }{
			{"Bearer token", "Bearer " + aliceJWT},
			{"lower-case scheme", "bearer " + aliceJWT},
			{"upper-case scheme and two spaces", "BEARER  " + aliceJWT},
			{"token signed as Strapi signs it", "Bearer " + strapiToken(apitest.Secret, aliceID, now)},
			{"numeric string id", "Bearer " + hs(jwt.MapClaims{"id": fmt.Sprint(aliceID), "iat": now, "exp": now + 60})},
		}
		for _, c := range valid {
			t.Run(c.name, func(t *testing.T) {
				r := e.Do("GET", "/api/users/me", nil, "Authorization", c.auth)
				if r.Status != 200 || !strings.Contains(string(r.Body), `"username":"alice"`) {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				if strings.Contains(string(r.Body), `"role"`) || strings.Contains(string(r.Body), "password") {
					t.Fatalf("me shows more than Strapi's user: %s", r.Body)
				}
			})
		}

		const invalid, expired, gone = "Missing or invalid credentials", "Invalid token: Token expired", "Invalid credentials"
		refused := []struct {
			name, auth   string
			status       int
			errName, msg string
		}{
			// No usable token: the Public role, which lacks user.me.
			{"no token", "", 403, "ForbiddenError", "Forbidden"},
			{"Bearer without a token", "Bearer", 403, "ForbiddenError", "Forbidden"},
			{"Basic scheme", "Basic YWxpY2U6c2VjcmV0MTIz", 403, "ForbiddenError", "Forbidden"},
			{"two tokens", "Bearer a b", 403, "ForbiddenError", "Forbidden"},
			// A token that cannot be used.
			{"malformed", "Bearer abc.def.ghi", 401, "UnauthorizedError", invalid},
			{"other secret", "Bearer " + strapiToken("another-secret-of-another-server", aliceID, now), 401, "UnauthorizedError", invalid},
			{"expired (decision D2)", "Bearer " + hs(jwt.MapClaims{"id": aliceID, "iat": now - 7200, "exp": now - 3600}), 401, "UnauthorizedError", expired},
			{"expired and other secret", "Bearer " + sign(t, jwt.SigningMethodHS256, "another-secret-of-another-server", jwt.MapClaims{"id": aliceID, "iat": now - 7200, "exp": now - 3600}), 401, "UnauthorizedError", invalid},
			{"HS512 with the same secret", "Bearer " + sign(t, jwt.SigningMethodHS512, apitest.Secret, jwt.MapClaims{"id": aliceID, "iat": now, "exp": now + 60}), 401, "UnauthorizedError", invalid},
			{"alg none", "Bearer " + noneToken(aliceID, now), 401, "UnauthorizedError", invalid},
			{"no exp", "Bearer " + hs(jwt.MapClaims{"id": aliceID, "iat": now}), 401, "UnauthorizedError", invalid},
			{"not yet valid", "Bearer " + hs(jwt.MapClaims{"id": aliceID, "iat": now, "nbf": now + 3600, "exp": now + 7200}), 401, "UnauthorizedError", invalid},
			{"no id", "Bearer " + hs(jwt.MapClaims{"iat": now, "exp": now + 60}), 401, "UnauthorizedError", invalid},
			{"non-numeric id", "Bearer " + hs(jwt.MapClaims{"id": "abc", "iat": now, "exp": now + 60}), 401, "UnauthorizedError", invalid},
			{"fractional id", "Bearer " + hs(jwt.MapClaims{"id": 1.5, "iat": now, "exp": now + 60}), 401, "UnauthorizedError", invalid},
			{"refresh-mode access token", "Bearer " + hs(jwt.MapClaims{"userId": fmt.Sprint(aliceID), "sessionId": "0123456789abcdef0123456789abcdef", "type": "access", "iat": now, "exp": now + 600}), 401, "UnauthorizedError", invalid},
			{"user that does not exist", "Bearer " + hs(jwt.MapClaims{"id": 999999, "iat": now, "exp": now + 60}), 401, "UnauthorizedError", gone},
			{"blocked user", "Bearer " + carolJWT, 401, "UnauthorizedError", gone},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				var h []string
				if c.auth != "" {
					h = []string{"Authorization", c.auth}
				}
				wantError(t, e.Do("GET", "/api/users/me", nil, h...), c.status, c.errName, c.msg, "")
			})
		}

		t.Run("deleted user", func(t *testing.T) {
			jwt, id := e.Register("dave", "dave@example.com", "secret123")
			if err := e.Store.Q.DeleteUser(t.Context(), id); err != nil {
				t.Fatal(err)
			}
			wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt), 401, "UnauthorizedError", gone, "")
		})

		t.Run("blocking takes effect on the next request", func(t *testing.T) {
			jwt, id := e.Register("erin", "erin@example.com", "secret123")
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			block(t, e, id)
			wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt), 401, "UnauthorizedError", gone, "")
		})
	})
}

func noneToken(id, now int64) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc(fmt.Appendf(nil, `{"id":%d,"iat":%d,"exp":%d}`, id, now, now+60)) + "."
}

// TestCurrentUserFields: GET /api/users/me honours fields as Strapi 5.54 does (the
// @nuxtjs/strapi module sends its auth.fields option there), and populate[role][fields]
// chooses the fields of the role shown (decision D11).
func TestCurrentUserFields(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, id := e.Register("alice", "alice@example.com", "secret123")
		me := func(query string) apitest.Response {
			return e.Do("GET", "/api/users/me?"+query, nil, "Authorization", "Bearer "+jwt)
		}
		full := me("")
		var u struct{ DocumentID string }
		if full.Status != 200 || json.Unmarshal(full.Body, &u) != nil || u.DocumentID == "" {
			t.Fatalf("%d %s", full.Status, full.Body)
		}
		prefix := fmt.Sprintf(`{"id":%d,"documentId":%q`, id, u.DocumentID)
		for _, c := range []struct{ query, want string }{
			{"fields[0]=username", prefix + `,"username":"alice"}`},
			{"fields=email", prefix + `,"email":"alice@example.com"}`},
			{"fields=username,email", prefix + `,"username":"alice","email":"alice@example.com"}`},
			{"fields[0]=username&fields[1]=confirmed", prefix + `,"username":"alice","confirmed":true}`},
			{"fields[0]=id", prefix + `}`},
			{"fields=*", strings.TrimSpace(string(full.Body))},
		} {
			t.Run(c.query, func(t *testing.T) {
				if r := me(c.query); r.Status != 200 || strings.TrimSpace(string(r.Body)) != c.want {
					t.Fatalf("%d %s, want 200 %s", r.Status, r.Body, c.want)
				}
			})
		}
		for _, c := range []struct{ query, message, key, path, param string }{
			{"fields[0]=nope", "Invalid key nope", "nope", "", "fields"},
			{"fields[0]=password", "Invalid key password", "password", "password", "fields"},
			{"fields=resetPasswordToken", "Invalid key resetPasswordToken", "resetPasswordToken", "resetPasswordToken", "fields"},
			{"fields[0]=role", "Invalid key role", "role", "role", "fields"},
			{"populate[role][fields][0]=nope", "Invalid key nope", "nope", "", "populate"},
		} {
			t.Run(c.query, func(t *testing.T) { wantQueryError(t, me(c.query), c.message, c.key, c.path, c.param) })
		}

		// D11 with fields: the role is shown with the fields asked for.
		r := me("fields[0]=username&populate[role][fields][0]=name")
		var got struct {
			Username string
			Email    *string
			Role     map[string]any
		}
		if r.Status != 200 || json.Unmarshal(r.Body, &got) != nil || got.Username != "alice" || got.Email != nil {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		if len(got.Role) != 3 || got.Role["name"] != "Authenticated" || got.Role["id"] != float64(1) || got.Role["documentId"] == "" {
			t.Fatalf("role %v, want id, documentId and name only", got.Role)
		}
		r = me("populate[role][fields]=type,description")
		var all struct {
			Email *string
			Role  map[string]any
		}
		if err := json.Unmarshal(r.Body, &all); err != nil || len(all.Role) != 4 || all.Role["type"] != "authenticated" || all.Email == nil {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
	})
}
