package httpapi_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// The refresh mode of Strapi (JWT_MANAGEMENT=refresh, contract §7.10–7.13, §9.2–9.4) with
// decisions D5 (ended sessions end their access tokens at once) and D6 (reuse of a rotated
// refresh token revokes the family after a grace window), on both engines.

func refreshMode(c *config.Config) {
	c.JWTManagement = config.RefreshMode
	c.AppKeys = []string{testAppKey}
}

// testAppKey is the APP_KEYS of refreshMode: it signs the refresh cookie's .sig companion.
const testAppKey = "test-app-key"

// signedCookie is a Cookie header value with the cookie name=value and its .sig companion
// signed with key, as a browser sends back what Strapi (Koa) set.
func signedCookie(name, value, key string) string {
	mac := hmac.New(sha1.New, []byte(key))
	mac.Write([]byte(name + "=" + value))
	return name + "=" + value + "; " + name + ".sig=" + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func refreshEnv(t *testing.T, engine string, opts ...apitest.Option) *apitest.Env {
	t.Helper()
	return apitest.New(t, engine, append([]apitest.Option{refreshMode}, opts...)...)
}

// pair is the tokens of a session.
type pair struct{ JWT, Refresh string }

func (p pair) bearer() []string { return []string{"Authorization", "Bearer " + p.JWT} }

// session is the session id of a refresh-mode token.
func (p pair) session(t *testing.T) string {
	t.Helper()
	return jwtClaims(t, p.JWT)["sessionId"].(string)
}

// jwtClaims decodes a JWT's payload (unverified).
func jwtClaims(t *testing.T, token string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(jwtPayload(t, token), &m); err != nil {
		t.Fatalf("payload of %q: %v", token, err)
	}
	return m
}

func jwtPayload(t *testing.T, token string) []byte {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatalf("not a JWT: %q", token)
	}
	return b
}

// tokensOf reads {jwt, refreshToken} of a 200 answer.
func tokensOf(t *testing.T, r apitest.Response) pair {
	t.Helper()
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var b struct {
		JWT     string `json:"jwt"`
		Refresh string `json:"refreshToken"`
	}
	if err := json.Unmarshal(r.Body, &b); err != nil || b.JWT == "" || b.Refresh == "" {
		t.Fatalf("no jwt and refreshToken in %s", r.Body)
	}
	return pair{b.JWT, b.Refresh}
}

// loginWith logs in with body fields beyond identifier and password, and headers.
func loginWith(t *testing.T, e *apitest.Env, identifier, password string, extra map[string]string, header ...string) apitest.Response {
	t.Helper()
	body := map[string]string{"identifier": identifier, "password": password}
	for k, v := range extra {
		body[k] = v
	}
	return e.PostJSON("/api/auth/local", body, header...)
}

func loginPair(t *testing.T, e *apitest.Env, identifier, password, deviceID string) pair {
	t.Helper()
	extra := map[string]string{}
	if deviceID != "" {
		extra["deviceId"] = deviceID
	}
	return tokensOf(t, loginWith(t, e, identifier, password, extra))
}

func registerPair(t *testing.T, e *apitest.Env, username string) (pair, int64) {
	t.Helper()
	r := e.PostJSON("/api/auth/local/register", map[string]string{"username": username, "email": username + "@example.com", "password": "secret123"})
	p := tokensOf(t, r)
	var b struct {
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	_ = json.Unmarshal(r.Body, &b)
	return p, b.User.ID
}

func refreshToken(e *apitest.Env, token string, header ...string) apitest.Response {
	e.T.Helper()
	return e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": token}, header...)
}

func wantInvalidRefresh(t *testing.T, r apitest.Response) {
	t.Helper()
	wantError(t, r, 401, "UnauthorizedError", "Invalid refresh token", "")
}

// wantAlive checks the session's access token works.
func wantAlive(t *testing.T, e *apitest.Env, p pair) {
	t.Helper()
	if r := e.Do("GET", "/api/users/me", nil, p.bearer()...); r.Status != 200 {
		t.Fatalf("access token of a live session: %d %s", r.Status, r.Body)
	}
}

// wantEnded checks that neither the access token nor the refresh token of a session works
// any more (D5): the access token is refused at once, not when it expires.
func wantEnded(t *testing.T, e *apitest.Env, p pair) {
	t.Helper()
	wantError(t, e.Do("GET", "/api/users/me", nil, p.bearer()...), 401, "UnauthorizedError", "Missing or invalid credentials", "")
	wantInvalidRefresh(t, refreshToken(e, p.Refresh))
}

// sessionCount is the number of rows of the user's sessions (all families, rotated rows too).
func sessionRows(t *testing.T, e *apitest.Env, userID int64) int {
	t.Helper()
	n := 0
	err := e.Query("SELECT count(*) FROM up_sessions WHERE user_id = $1", []any{userID},
		func(scan func(...any) error) error { return scan(&n) })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

type listedSession struct {
	ID           string  `json:"id"`
	DeviceID     *string `json:"deviceId"`
	DeviceName   *string `json:"deviceName"`
	Current      bool    `json:"current"`
	LoginAt      string  `json:"loginAt"`
	LastActiveAt string  `json:"lastActiveAt"`
}

func listSessions(t *testing.T, e *apitest.Env, p pair) []listedSession {
	t.Helper()
	r := e.Do("GET", "/api/auth/sessions", nil, p.bearer()...)
	if r.Status != 200 {
		t.Fatalf("sessions: %d %s", r.Status, r.Body)
	}
	var b struct {
		Data []listedSession `json:"data"`
	}
	if err := json.Unmarshal(r.Body, &b); err != nil {
		t.Fatal(err)
	}
	return b.Data
}

var isoMillis = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$`)

// TestRefreshModeTokens: what login, register and the session routes answer in refresh
// mode, and which tokens the API accepts (§9.2, §9.3).
func TestRefreshModeTokens(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		reg, aliceID := registerPair(t, e, "alice")
		wantAlive(t, e, reg)

		r := loginWith(t, e, "alice", "secret123", nil)
		p := tokensOf(t, r)
		if got := keyOrder(t, r.Body); !slices.Equal(got, []string{"jwt", "refreshToken", "user"}) {
			t.Fatalf("login answer keys %v", got)
		}
		now := time.Now().Unix()
		// The payloads, in Strapi's key order.
		sid := p.session(t)
		if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(sid) || sid == reg.session(t) {
			t.Fatalf("session id %q (register's %q)", sid, reg.session(t))
		}
		ac := jwtClaims(t, p.JWT)
		iat, exp := int64(ac["iat"].(float64)), int64(ac["exp"].(float64))
		if want := fmt.Sprintf(`{"userId":"%d","sessionId":"%s","type":"access","iat":%d,"exp":%d}`, aliceID, sid, iat, exp); string(jwtPayload(t, p.JWT)) != want ||
			exp-iat != 600 || iat < now-5 || iat > now+5 {
			t.Fatalf("access payload %s", jwtPayload(t, p.JWT))
		}
		rexp := int64(jwtClaims(t, p.Refresh)["exp"].(float64))
		if want := fmt.Sprintf(`{"userId":"%d","sessionId":"%s","type":"refresh","exp":%d}`, aliceID, sid, rexp); string(jwtPayload(t, p.Refresh)) != want ||
			rexp < now+14*86400-5 || rexp > now+14*86400+5 {
			t.Fatalf("refresh payload %s", jwtPayload(t, p.Refresh))
		}
		wantAlive(t, e, p)

		// Legacy tokens {id} and refresh tokens are no access tokens (§9.3); an expired
		// access token says so (D2).
		invalid := func(r apitest.Response) {
			t.Helper()
			wantError(t, r, 401, "UnauthorizedError", "Missing or invalid credentials", "")
		}
		invalid(e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+strapiToken(apitest.Secret, aliceID, now)))
		invalid(e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+p.Refresh))
		expired := sign(t, jwt.SigningMethodHS256, apitest.Secret, jwt.MapClaims{"userId": fmt.Sprint(aliceID), "sessionId": sid, "type": "access", "iat": now - 700, "exp": now - 100})
		wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+expired), 401, "UnauthorizedError", "Invalid token: Token expired", "")
		// An access token naming another session of the user, or another user's session.
		other := sign(t, jwt.SigningMethodHS256, apitest.Secret, jwt.MapClaims{"userId": fmt.Sprint(aliceID), "sessionId": strings.Repeat("ab", 16), "type": "access", "iat": now, "exp": now + 600})
		invalid(e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+other))
		bob, bobID := registerPair(t, e, "bob")
		forged := sign(t, jwt.SigningMethodHS256, apitest.Secret, jwt.MapClaims{"userId": fmt.Sprint(bobID), "sessionId": sid, "type": "access", "iat": now, "exp": now + 600})
		invalid(e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+forged))
		wantAlive(t, e, bob)
		// A deleted user's token: Strapi's "Invalid credentials".
		gone := sign(t, jwt.SigningMethodHS256, apitest.Secret, jwt.MapClaims{"userId": "999", "sessionId": sid, "type": "access", "iat": now, "exp": now + 600})
		wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+gone), 401, "UnauthorizedError", "Invalid credentials", "")

		// The refresh route: Strapi's errors.
		wantError(t, e.PostJSON("/api/auth/refresh", map[string]string{}), 400, "BadRequestError", "Missing refresh token", "")
		wantError(t, e.Do("POST", "/api/auth/refresh", nil), 400, "BadRequestError", "Missing refresh token", "")
		wantError(t, e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": ""}), 400, "BadRequestError", "Missing refresh token", "")
		wantInvalidRefresh(t, refreshToken(e, "not-a-token"))
		wantInvalidRefresh(t, refreshToken(e, p.JWT)) // an access token
		wantInvalidRefresh(t, refreshToken(e, sign(t, jwt.SigningMethodHS256, apitest.Secret,
			jwt.MapClaims{"userId": fmt.Sprint(aliceID), "sessionId": sid, "type": "refresh", "exp": now - 1})))
		wantInvalidRefresh(t, refreshToken(e, sign(t, jwt.SigningMethodHS256, apitest.Secret, // another user's session
			jwt.MapClaims{"userId": fmt.Sprint(bobID), "sessionId": sid, "type": "refresh", "exp": rexp})))
		// An expired access token sent along is refused first, as in Strapi (D2 wording).
		wantError(t, refreshToken(e, p.Refresh, "Authorization", "Bearer "+expired), 401, "UnauthorizedError", "Invalid token: Token expired", "")
		wantAlive(t, e, p)

		// An API token acts for no user: the user routes of refresh mode refuse it.
		full := apiToken(t, e, "full-access")
		for _, r := range []apitest.Response{
			e.Do("GET", "/api/auth/sessions", nil, "Authorization", "Bearer "+full),
			e.Do("DELETE", "/api/auth/sessions/"+sid, nil, "Authorization", "Bearer "+full),
			e.PostJSON("/api/auth/logout", map[string]string{}, "Authorization", "Bearer "+full),
		} {
			wantError(t, r, 401, "UnauthorizedError", "Missing authentication", "")
		}
		wantAlive(t, e, p)
	})
}

// TestRefreshModeAccessTokenInLegacyMode: a refresh-mode access token sent to a server in
// legacy mode verifies but has no id: refused (§9.3).
func TestRefreshModeAccessTokenInLegacyMode(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		_, id := e.Register("alice", "alice@example.com", "secret123")
		now := time.Now().Unix()
		access := sign(t, jwt.SigningMethodHS256, apitest.Secret, jwt.MapClaims{"userId": fmt.Sprint(id), "sessionId": strings.Repeat("ab", 16), "type": "access", "iat": now, "exp": now + 600})
		wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+access), 401, "UnauthorizedError", "Missing or invalid credentials", "")
		r := loginWith(t, e, "alice", "secret123", map[string]string{"deviceId": "phone"}, "x-strapi-refresh-cookie", "httpOnly")
		if r.Status != 200 || strings.Contains(string(r.Body), "refreshToken") || r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("legacy login: %d %v %s", r.Status, r.Header, r.Body)
		}
		checkLegacyJWT(t, jsonField(t, r, "jwt"), id)
	})
}

// TestRefreshRotation: a refresh rotates the session; the family keeps its login time and
// device; the rotated token's access tokens keep working until they expire (as in Strapi),
// and a replay of the rotated refresh token within the grace window gets the same child.
func TestRefreshRotation(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		e.Register("alice", "alice@example.com", "secret123")
		ua := "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
		p0 := tokensOf(t, loginWith(t, e, "alice", "secret123", map[string]string{"deviceId": "laptop"}, "User-Agent", ua))
		first := listSessions(t, e, p0)

		r := refreshToken(e, p0.Refresh)
		p1 := tokensOf(t, r)
		if got := keyOrder(t, r.Body); !slices.Equal(got, []string{"jwt", "refreshToken"}) {
			t.Fatalf("refresh answer keys %v", got)
		}
		if p1.session(t) == p0.session(t) || jwtClaims(t, p1.Refresh)["sessionId"] != p1.session(t) {
			t.Fatalf("rotation kept the session id: %s", p1.session(t))
		}
		wantAlive(t, e, p1)
		wantAlive(t, e, p0) // Strapi 166: the previous access token lives until it expires

		// Two tabs: the other one replays the rotated token at once and gets the same child.
		again := tokensOf(t, refreshToken(e, p0.Refresh))
		if again.Refresh != p1.Refresh || again.session(t) != p1.session(t) {
			t.Fatalf("replay within the grace window: %s, want the child %s", again.session(t), p1.session(t))
		}
		wantAlive(t, e, again)

		p2 := tokensOf(t, refreshToken(e, p1.Refresh))
		list := listSessions(t, e, p2)
		// The registration's session (no User-Agent: no device name) comes after the current one.
		if len(list) != 2 || len(first) != 2 || list[1].ID != first[1].ID || list[1].Current || list[1].DeviceName != nil ||
			list[0].ID != p2.session(t) || !list[0].Current || *list[0].DeviceID != "laptop" ||
			list[0].DeviceName == nil || *list[0].DeviceName != "Chrome on macOS" || list[0].LoginAt != first[0].LoginAt ||
			list[0].LastActiveAt < first[0].LastActiveAt || !isoMillis.MatchString(list[0].LastActiveAt) {
			t.Fatalf("after two rotations: %+v (first %+v)", list, first)
		}
		// The refresh token's exp is renewed; the family's deadline is not.
		if e0, e2 := jwtClaims(t, p0.Refresh)["exp"].(float64), jwtClaims(t, p2.Refresh)["exp"].(float64); e2 < e0 {
			t.Fatalf("refresh exp %v after rotation, was %v", e2, e0)
		}
	})
}

// TestRefreshReuseRevokesFamily (D6): a rotated refresh token replayed after the grace
// window is taken for a stolen one: the whole family ends, the legitimate holder's newest
// tokens included, at once; the user's other sessions live on.
func TestRefreshReuseRevokesFamily(t *testing.T) {
	t.Parallel()
	const grace = 300 * time.Millisecond
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.ReuseGrace = grace })
		e.Register("alice", "alice@example.com", "secret123")
		other := loginPair(t, e, "alice", "secret123", "tablet")

		cases := []struct {
			name      string
			rotations int // by the owner, before the thief replays the login's token
		}{{"after one rotation", 1}, {"after three rotations", 3}}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				stolen := loginPair(t, e, "alice", "secret123", "phone")
				owner := stolen
				var all []pair
				for range c.rotations {
					owner = tokensOf(t, refreshToken(e, owner.Refresh))
					all = append(all, owner)
				}
				e.Clock.Advance(grace + 200*time.Millisecond)
				wantInvalidRefresh(t, refreshToken(e, stolen.Refresh))
				if !strings.Contains(e.Logs.String(), "refresh token reuse: session revoked") {
					t.Error("the reuse was not logged")
				}
				for _, p := range append(all, stolen) {
					wantEnded(t, e, p)
				}
				wantAlive(t, e, other)
				for _, s := range listSessions(t, e, other) {
					if s.ID == owner.session(t) {
						t.Fatalf("the revoked session is still listed: %+v", s)
					}
				}
			})
		}
		// A token replayed after the window is a reuse even when the family has a single
		// rotation. (A replay within the window is no reuse: TestRefreshRotation, whose
		// 10 s window a slow run cannot overrun as it could this one's 300 ms.)
		p := loginPair(t, e, "alice", "secret123", "")
		child := tokensOf(t, refreshToken(e, p.Refresh))
		e.Clock.Advance(grace + 200*time.Millisecond)
		wantInvalidRefresh(t, refreshToken(e, p.Refresh))
		wantEnded(t, e, child)
		wantAlive(t, e, other)
	})
}

// TestConcurrentRefresh: two (and eight) clients refreshing one token at once all succeed,
// with the same new refresh token: one child, one family, one active session.
func TestConcurrentRefresh(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		_, id := e.Register("alice", "alice@example.com", "secret123")
		for _, n := range []int{2, 2, 2, 8} {
			p := loginPair(t, e, "alice", "secret123", fmt.Sprintf("device-%d", n))
			before := sessionRows(t, e, id)
			results := concurrently(t, n, func(int) (apitest.Response, error) {
				return tryJSON(e, "POST", "/api/auth/refresh", `{"refreshToken":"`+p.Refresh+`"}`)
			})
			var children []string
			for _, r := range results {
				c := tokensOf(t, r)
				children = append(children, c.Refresh)
				wantAlive(t, e, c)
			}
			distinct := slices.Compact(slices.Sorted(slices.Values(children)))
			if len(distinct) != 1 {
				t.Fatalf("%d concurrent refreshes got %d different refresh tokens", n, len(distinct))
			}
			if got := sessionRows(t, e, id); got != before+1 {
				t.Fatalf("%d concurrent refreshes wrote %d rows, want 1 child", n, got-before)
			}
			child := pair{Refresh: children[0]}
			next := tokensOf(t, refreshToken(e, child.Refresh))
			wantAlive(t, e, next)
		}
		// Every family has one active session.
		p := loginPair(t, e, "alice", "secret123", "")
		if got := len(listSessions(t, e, p)); got != 6 { // the registration's, the four above and this one
			t.Fatalf("%d sessions listed, want 6", got)
		}
	})
}

// TestSessionExpiry: the idle window (renewed by each refresh), the absolute deadline of the
// family (not renewed, and capping the refresh token's exp), and the access token's lifetime.
func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		t.Run("idle", func(t *testing.T) {
			t.Parallel()
			e := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.IdleRefreshTokenLifespan = 2 * time.Second })
			e.Register("alice", "alice@example.com", "secret123")
			p := loginPair(t, e, "alice", "secret123", "")
			for range 3 { // 3 × 0.7 s: longer than the idle window, but each refresh within it
				e.Clock.Advance(700 * time.Millisecond)
				p = tokensOf(t, refreshToken(e, p.Refresh))
			}
			idle := loginPair(t, e, "alice", "secret123", "")
			e.Clock.Advance(2100 * time.Millisecond)
			wantInvalidRefresh(t, refreshToken(e, idle.Refresh))
			for _, s := range listSessions(t, e, p) {
				if s.ID == idle.session(t) {
					t.Fatal("an idle-expired session is listed")
				}
			}
		})
		t.Run("absolute", func(t *testing.T) {
			t.Parallel()
			e := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.MaxRefreshTokenLifespan = 2 * time.Second })
			e.Register("alice", "alice@example.com", "secret123")
			// The family starts when the login is handled, between these two readings of
			// the clock (it runs with the real time: a loaded machine can take a second).
			p := loginPair(t, e, "alice", "secret123", "")
			login := e.Clock.Now()
			if exp := int64(jwtClaims(t, p.Refresh)["exp"].(float64)); exp > login.Unix()+3 {
				t.Fatalf("refresh exp %d is after the family's deadline (%d + 2 s)", exp, login.Unix())
			}
			e.Clock.Advance(500 * time.Millisecond)
			child := tokensOf(t, refreshToken(e, p.Refresh))
			if exp := int64(jwtClaims(t, child.Refresh)["exp"].(float64)); exp > login.Unix()+3 {
				t.Fatalf("the child's refresh exp %d passes the family's deadline", exp)
			}
			wantAlive(t, e, child)
			e.Clock.Advance(login.Add(2500 * time.Millisecond).Sub(e.Clock.Now()))
			// The whole family ends at its deadline, its access tokens included.
			wantInvalidRefresh(t, refreshToken(e, child.Refresh))
			wantError(t, e.Do("GET", "/api/users/me", nil, child.bearer()...), 401, "UnauthorizedError", "Missing or invalid credentials", "")
		})
		t.Run("access token", func(t *testing.T) {
			t.Parallel()
			// Two seconds: iat and exp are whole seconds, so the refreshed token below lives
			// at least one second, long enough to be used (with one second it could expire
			// between the refresh and its use).
			e := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.AccessTokenLifespan = 2 * time.Second })
			e.Register("alice", "alice@example.com", "secret123")
			p := loginPair(t, e, "alice", "secret123", "")
			c := jwtClaims(t, p.JWT)
			if c["exp"].(float64)-c["iat"].(float64) != 2 {
				t.Fatalf("access token %v", c)
			}
			e.Clock.Advance(time.Unix(int64(c["exp"].(float64)), 0).Add(100 * time.Millisecond).Sub(e.Clock.Now()))
			wantError(t, e.Do("GET", "/api/users/me", nil, p.bearer()...), 401, "UnauthorizedError", "Invalid token: Token expired", "")
			wantAlive(t, e, tokensOf(t, refreshToken(e, p.Refresh)))
		})
	})
}

// TestLogout: the scopes of logout (§7.11): the current session (of the refresh token in
// the body or the cookie, else of the access token), a device's sessions, all of them. The
// ended sessions' access tokens fail at once (D5); nobody else's session is touched.
func TestLogout(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		bob, _ := registerPair(t, e, "bob")
		cases := []struct {
			name   string
			body   func(s map[string]pair) string
			as     string   // whose access token logs out
			header []string // more request headers
			ended  []string
		}{
			{"current session (access token)", func(map[string]pair) string { return `{}` }, "phoneA", nil, []string{"phoneA"}},
			{"no body", nil, "laptop", nil, []string{"laptop"}},
			{"refresh token in the body", func(s map[string]pair) string { return `{"refreshToken":"` + s["laptop"].Refresh + `"}` }, "phoneA", nil, []string{"laptop"}},
			{"refresh token in the cookie", func(map[string]pair) string { return `{}` }, "phoneA", []string{"Cookie", "<laptop>"}, []string{"laptop"}},
			{"unusable refresh token: the access token's session", func(map[string]pair) string { return `{"refreshToken":"not-a-token"}` }, "phoneB", nil, []string{"phoneB"}},
			{"another user's refresh token: the caller's session", func(map[string]pair) string { return `{"refreshToken":"` + bob.Refresh + `"}` }, "web", nil, []string{"web"}},
			{"device", func(map[string]pair) string { return `{"deviceId":"phone"}` }, "laptop", nil, []string{"phoneA", "phoneB"}},
			{"all", func(map[string]pair) string { return `{"scope":"all"}` }, "laptop", nil, []string{"registration", "phoneA", "phoneB", "laptop", "web"}},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				name := fmt.Sprintf("user%d", i)
				reg, id := registerPair(t, e, name)
				s := map[string]pair{
					"registration": reg,
					"phoneA":       loginPair(t, e, name, "secret123", "phone"),
					"phoneB":       loginPair(t, e, name, "secret123", "phone"),
					"laptop":       loginPair(t, e, name, "secret123", "laptop"),
					"web":          loginPair(t, e, name, "secret123", ""),
				}
				var body []byte
				h := s[c.as].bearer()
				if c.body != nil {
					body = []byte(c.body(s))
					h = append(h, "Content-Type", "application/json")
				}
				for i := 0; i+1 < len(c.header); i += 2 {
					h = append(h, c.header[i], strings.ReplaceAll(c.header[i+1], "<laptop>", signedCookie("strapi_up_refresh", s["laptop"].Refresh, testAppKey)))
				}
				r := e.Do("POST", "/api/auth/logout", body, h...)
				if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"ok":true}` || r.Header.Get("Set-Cookie") != "" {
					t.Fatalf("logout: %d %v %s", r.Status, r.Header.Values("Set-Cookie"), r.Body)
				}
				for k, p := range s {
					if slices.Contains(c.ended, k) {
						wantEnded(t, e, p)
					} else {
						wantAlive(t, e, p)
					}
				}
				if c.name == "all" && sessionRows(t, e, id) != 0 {
					t.Fatal("rows left after logout of every session")
				}
				wantAlive(t, e, bob)
			})
		}
	})
}

// TestRevokeSession: DELETE /api/auth/sessions/{id} ends one of the caller's sessions (the
// whole family, found by any of its ids), its access token at once (D5).
func TestRevokeSession(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		alice, _ := registerPair(t, e, "alice")
		bob, _ := registerPair(t, e, "bob")
		phone := loginPair(t, e, "alice", "secret123", "phone")
		revoke := func(as pair, id string) apitest.Response {
			return e.Do("DELETE", "/api/auth/sessions/"+id, nil, as.bearer()...)
		}
		notFound := func(r apitest.Response) {
			t.Helper()
			wantError(t, r, 404, "NotFoundError", "Session not found", "")
		}
		r := revoke(alice, phone.session(t))
		if r.Status != 200 || strings.TrimSpace(string(r.Body)) != `{"data":{}}` {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		wantEnded(t, e, phone)
		wantAlive(t, e, alice)
		notFound(revoke(alice, phone.session(t)))
		notFound(revoke(alice, "nope"))
		notFound(revoke(alice, bob.session(t))) // another user's session
		wantAlive(t, e, bob)

		// The id of a rotated row names its family too.
		laptop := loginPair(t, e, "alice", "secret123", "laptop")
		child := tokensOf(t, refreshToken(e, laptop.Refresh))
		if r := revoke(alice, laptop.session(t)); r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		wantEnded(t, e, child)
		wantEnded(t, e, laptop)

		// Revoking the current session ends the caller's own access token.
		if r := revoke(alice, alice.session(t)); r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		wantEnded(t, e, alice)
	})
}

// TestSessionList: the active sessions of the caller, each family once, the current one
// first then by last refresh, with the device names of §7.12.
func TestSessionList(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		reg, _ := registerPair(t, e, "alice")
		registerPair(t, e, "bob")
		chrome := "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
		firefox := "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0"
		mac := tokensOf(t, loginWith(t, e, "alice", "secret123", map[string]string{"deviceId": "mac"}, "User-Agent", chrome))
		win := tokensOf(t, loginWith(t, e, "alice", "secret123", nil, "User-Agent", firefox))
		cli := tokensOf(t, loginWith(t, e, "alice", "secret123", map[string]string{"deviceId": ""}, "User-Agent", "curl/8.1.2"))
		e.Clock.Advance(10 * time.Millisecond)
		mac = tokensOf(t, refreshToken(e, mac.Refresh)) // mac is now the most recently active

		r := e.Do("GET", "/api/auth/sessions", nil, win.bearer()...)
		var raw struct {
			Data []map[string]any `json:"data"`
		}
		if err := json.Unmarshal(r.Body, &raw); err != nil || r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		var order []string
		for _, s := range raw.Data {
			order = append(order, fmt.Sprint(s["id"]))
		}
		if want := []string{win.session(t), mac.session(t), cli.session(t), reg.session(t)}; !slices.Equal(order, want) {
			t.Fatalf("order %v, want %v (current, then by last activity)", order, want)
		}
		want := []string{
			`{"id":"%s","deviceId":null,"deviceName":"Firefox on Windows","current":true,"loginAt":"<ISO>","lastActiveAt":"<ISO>"}`,
			`{"id":"%s","deviceId":"mac","deviceName":"Chrome on macOS","current":false,"loginAt":"<ISO>","lastActiveAt":"<ISO>"}`,
			`{"id":"%s","deviceId":null,"current":false,"loginAt":"<ISO>","lastActiveAt":"<ISO>"}`,
		}
		iso := regexp.MustCompile(`"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"`)
		for i, w := range want {
			b, _ := json.Marshal(orderedSession(raw.Data[i]))
			if got, w := iso.ReplaceAllString(string(b), `"<ISO>"`), fmt.Sprintf(w, order[i]); got != w {
				t.Errorf("session %d:\n got %s\nwant %s", i, got, w)
			}
		}
		// The registration's session: a random device id (as Strapi's), no device name from Go's client.
		if d, ok := raw.Data[3]["deviceId"].(string); !ok || len(d) != 36 {
			t.Errorf("registration's session: %v", raw.Data[3])
		}
		// The key order is Strapi's.
		if !bytes.Contains(r.Body, []byte(`{"id":"`+win.session(t)+`","deviceId":null,"deviceName":"Firefox on Windows","current":true,"loginAt":"`)) {
			t.Errorf("body %s", r.Body)
		}
		mine := listSessions(t, e, mac)
		if !mine[0].Current || mine[0].ID != mac.session(t) || len(mine) != 4 {
			t.Fatalf("as mac: %+v", mine)
		}
	})
}

// orderedSession re-encodes a listed session in Strapi's key order, leaving out what is absent.
func orderedSession(m map[string]any) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for _, k := range []string{"id", "deviceId", "deviceName", "current", "loginAt", "lastActiveAt"} {
		v, ok := m[k]
		if !ok {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(v)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// TestRevocationOnPasswordChange (D5, §7.6–7.7): a password change or reset ends every
// session of the user, their access tokens at once, and starts one new session whose tokens
// the answer carries (in the body, even in cookie mode).
func TestRevocationOnPasswordChange(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine, resetURL)
		full := apiToken(t, e, "full-access")
		cases := []struct {
			name   string
			change func(t *testing.T, user string, current pair, id int64) apitest.Response
		}{
			{"change-password", func(t *testing.T, user string, current pair, _ int64) apitest.Response {
				return e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "changed123", "passwordConfirmation": "changed123"},
					append(current.bearer(), "x-strapi-refresh-cookie", "httpOnly")...)
			}},
			{"reset-password", func(t *testing.T, user string, _ pair, _ int64) apitest.Response {
				if r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": user + "@example.com"}); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				code := resetCode(t, e, user+"@example.com", 1)
				return e.PostJSON("/api/auth/reset-password", map[string]string{"code": code, "password": "changed123", "passwordConfirmation": "changed123"},
					"x-strapi-refresh-cookie", "httpOnly")
			}},
			{"users API", func(t *testing.T, user string, _ pair, id int64) apitest.Response {
				r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), full, `{"password":"changed123"}`)
				if r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
				return loginWith(t, e, user, "changed123", nil)
			}},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				user := fmt.Sprintf("user%d", i)
				reg, id := registerPair(t, e, user)
				phone := loginPair(t, e, user, "secret123", "phone")
				laptop := tokensOf(t, refreshToken(e, loginPair(t, e, user, "secret123", "laptop").Refresh))
				r := c.change(t, user, phone, id)
				if r.Header.Get("Set-Cookie") != "" {
					t.Fatalf("cookie set: %v", r.Header.Values("Set-Cookie"))
				}
				fresh := tokensOf(t, r)
				for _, p := range []pair{reg, phone, laptop} {
					wantEnded(t, e, p)
				}
				wantAlive(t, e, fresh)
				list := listSessions(t, e, fresh)
				if len(list) != 1 || list[0].ID != fresh.session(t) || !list[0].Current || list[0].DeviceName != nil {
					t.Fatalf("sessions after the change: %+v", list)
				}
				if c.name != "users API" && (list[0].DeviceID == nil || len(*list[0].DeviceID) != 36) {
					t.Fatalf("the new session's device id: %+v", list[0])
				}
				wantAlive(t, e, tokensOf(t, refreshToken(e, fresh.Refresh)))
			})
		}
	})
}

// TestRevocationOnBlockAndDelete (D5): blocking a user (CLI or users API) and deleting them
// end their sessions; their access tokens fail at once, and unblocking revives nothing.
func TestRevocationOnBlockAndDelete(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		full := apiToken(t, e, "full-access")
		invalidCredentials := func(p pair) {
			t.Helper()
			wantError(t, e.Do("GET", "/api/users/me", nil, p.bearer()...), 401, "UnauthorizedError", "Invalid credentials", "")
			wantInvalidRefresh(t, refreshToken(e, p.Refresh))
		}
		cases := []struct {
			name  string
			block func(id int64)
			undo  func(id int64)
		}{
			{"mtb-api users block", func(id int64) {
				if err := auth.SetBlocked(t.Context(), e.Store, id, true); err != nil {
					t.Fatal(err)
				}
			}, func(id int64) {
				if err := auth.SetBlocked(t.Context(), e.Store, id, false); err != nil {
					t.Fatal(err)
				}
			}},
			{"PUT /api/users/:id blocked", func(id int64) {
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), full, `{"blocked":true}`); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
			}, func(id int64) {
				if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), full, `{"blocked":false}`); r.Status != 200 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
			}},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				user := fmt.Sprintf("user%d", i)
				reg, id := registerPair(t, e, user)
				phone := loginPair(t, e, user, "secret123", "phone")
				c.block(id)
				invalidCredentials(reg)
				invalidCredentials(phone)
				wantError(t, loginWith(t, e, user, "secret123", nil), 403, "ForbiddenError", "Your account has been blocked by an administrator", "")
				c.undo(id)
				wantEnded(t, e, reg)
				wantEnded(t, e, phone)
				if n := sessionRows(t, e, id); n != 0 {
					t.Fatalf("%d session rows after the block", n)
				}
				wantAlive(t, e, loginPair(t, e, user, "secret123", ""))
			})
		}
		t.Run("other changes keep the sessions", func(t *testing.T) {
			p, id := registerPair(t, e, "carol")
			if r := asJSON(e, "PUT", fmt.Sprintf("/api/users/%d", id), full, `{"username":"carol2","blocked":false}`); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			wantAlive(t, e, p)
		})
		t.Run("delete", func(t *testing.T) {
			p, id := registerPair(t, e, "dave")
			child := tokensOf(t, refreshToken(e, p.Refresh))
			if r := e.Do("DELETE", fmt.Sprintf("/api/users/%d", id), nil, "Authorization", "Bearer "+full); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			invalidCredentials(child)
			invalidCredentials(p)
			if n := sessionRows(t, e, id); n != 0 {
				t.Fatalf("%d session rows of a deleted user", n)
			}
		})
	})
}

// TestCookieMode (§9.4): the refresh token in an httpOnly cookie with the configured
// attributes, written as Koa writes it, and its .sig companion with APP_KEYS.
func TestCookieMode(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine, func(c *config.Config) {
			c.Sessions.Cookie = config.SessionCookie{Name: "rt", Secure: true, SameSite: "strict", Path: "/api/auth", Domain: "race.example", MaxAge: time.Hour}
			c.AppKeys = []string{"key-one", "key-two"}
		})
		reg, _ := registerPair(t, e, "alice")
		cookieHeader := []string{"x-strapi-refresh-cookie", "httpOnly"}
		attrs := func(expires string) string {
			return "; path=/api/auth; expires=" + expires + "; domain=race.example; samesite=strict; secure; httponly"
		}
		// checkCookies checks the two Set-Cookie headers and returns the token.
		checkCookies := func(t *testing.T, r apitest.Response, clear bool) string {
			t.Helper()
			got := r.Header.Values("Set-Cookie")
			if len(got) != 2 {
				t.Fatalf("Set-Cookie %q", got)
			}
			value, rest, _ := strings.Cut(strings.TrimPrefix(got[0], "rt="), ";")
			rest = ";" + rest
			exp := regexp.MustCompile(`expires=([^;]+)`).FindStringSubmatch(rest)
			if exp == nil {
				t.Fatalf("no expires in %q", got[0])
			}
			at, err := http.ParseTime(exp[1])
			switch {
			case err != nil:
				t.Fatalf("expires %q: %v", exp[1], err)
			case clear && (value != "" || !at.Equal(time.Unix(0, 0))):
				t.Fatalf("cleared cookie %q", got[0])
			case !clear && (value == "" || at.Before(time.Now().Add(59*time.Minute)) || at.After(time.Now().Add(61*time.Minute))):
				t.Fatalf("cookie %q: expires in an hour", got[0])
			}
			if want := "rt=" + value + attrs(exp[1]); got[0] != want {
				t.Fatalf("cookie\n got %q\nwant %q", got[0], want)
			}
			mac := hmac.New(sha1.New, []byte("key-one"))
			mac.Write([]byte("rt=" + value))
			if want := "rt.sig=" + base64.RawURLEncoding.EncodeToString(mac.Sum(nil)) + attrs(exp[1]); got[1] != want {
				t.Fatalf("signature cookie\n got %q\nwant %q", got[1], want)
			}
			return value
		}

		// Login: the cookie instead of the body's refreshToken.
		r := loginWith(t, e, "alice", "secret123", map[string]string{"deviceId": "browser"}, cookieHeader...)
		if r.Status != 200 || strings.Contains(string(r.Body), "refreshToken") {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		p := pair{JWT: jsonField(t, r, "jwt"), Refresh: checkCookies(t, r, false)}
		wantAlive(t, e, p)

		// Refresh with the cookie (no body): a new cookie and {jwt}.
		r = e.Do("POST", "/api/auth/refresh", nil, append(cookieHeader, "Cookie", signedCookie("rt", p.Refresh, "key-one"))...)
		if r.Status != 200 || strings.Contains(string(r.Body), "refreshToken") {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		p = pair{JWT: jsonField(t, r, "jwt"), Refresh: checkCookies(t, r, false)}
		// Koa's signed cookie: without its .sig, or with a .sig of another key or value, the
		// cookie counts as absent; a .sig of any of the APP_KEYS is good.
		for _, cookie := range []string{"rt=" + p.Refresh, "rt=" + p.Refresh + "; rt.sig=forged", signedCookie("rt", p.Refresh, "key-three"),
			strings.Replace(signedCookie("rt", p.Refresh+"x", "key-one"), p.Refresh+"x", p.Refresh, 1)} {
			wantError(t, e.Do("POST", "/api/auth/refresh", nil, append(cookieHeader, "Cookie", cookie)...), 400, "BadRequestError", "Missing refresh token", "")
		}
		// The cookie without the header: read, but the answer is in the body (golden 182).
		r = e.Do("POST", "/api/auth/refresh", nil, "Cookie", "other=1; "+signedCookie("rt", p.Refresh, "key-two"))
		if r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("Set-Cookie %q without the header", r.Header.Values("Set-Cookie"))
		}
		p = tokensOf(t, r)
		// The cookie wins over the body.
		r = e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": "not-a-token"}, "Cookie", signedCookie("rt", p.Refresh, "key-one"))
		p = tokensOf(t, r)
		// An empty cookie counts as none (golden 169).
		wantError(t, e.Do("POST", "/api/auth/refresh", nil, append(cookieHeader, "Cookie", "rt=")...), 400, "BadRequestError", "Missing refresh token", "")

		// Register, reset and change-password ignore cookie mode: the body, no cookie.
		r = e.PostJSON("/api/auth/change-password", map[string]string{"currentPassword": "secret123", "password": "changed123", "passwordConfirmation": "changed123"},
			append(reg.bearer(), cookieHeader...)...)
		if r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("change-password set %q", r.Header.Values("Set-Cookie"))
		}
		p = tokensOf(t, r)
		r = e.PostJSON("/api/auth/local/register", map[string]string{"username": "bob", "email": "bob@example.com", "password": "secret123"}, cookieHeader...)
		if r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("register set %q", r.Header.Values("Set-Cookie"))
		}
		tokensOf(t, r)

		// Logout in cookie mode: the cookie's session ends and the cookie is cleared.
		other := loginPair(t, e, "alice", "changed123", "")
		r = e.Do("POST", "/api/auth/logout", nil, append(append(other.bearer(), cookieHeader...), "Cookie", signedCookie("rt", p.Refresh, "key-one"))...)
		if r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		checkCookies(t, r, true)
		wantEnded(t, e, p)
		wantAlive(t, e, other)
	})
}

// TestCookieModeAlways: SESSIONS_HTTPONLY=true answers in cookie mode without the header,
// with Strapi's default attributes, and the .sig companion Strapi always sends (golden 181):
// without APP_KEYS its key is derived from the JWT secret. The client sends back both
// cookies, as a browser does.
func TestCookieModeAlways(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.HTTPOnly, c.AppKeys = true, nil })
		e.Register("alice", "alice@example.com", "secret123")
		pattern := regexp.MustCompile(`^(strapi_up_refresh=eyJ[\w-]+\.[\w-]+\.[\w-]+); path=/; samesite=lax; httponly, ` +
			`(strapi_up_refresh\.sig=[\w-]{27}); path=/; samesite=lax; httponly$`)
		r := loginWith(t, e, "alice", "secret123", nil)
		m := pattern.FindStringSubmatch(strings.Join(r.Header.Values("Set-Cookie"), ", "))
		if m == nil || strings.Contains(string(r.Body), "refreshToken") {
			t.Fatalf("%q %s", r.Header.Values("Set-Cookie"), r.Body)
		}
		wantError(t, e.Do("POST", "/api/auth/refresh", nil, "Cookie", m[1]), 400, "BadRequestError", "Missing refresh token", "")
		r = e.Do("POST", "/api/auth/refresh", nil, "Cookie", m[1]+"; "+m[2])
		if r.Status != 200 || !pattern.MatchString(strings.Join(r.Header.Values("Set-Cookie"), ", ")) || strings.Contains(string(r.Body), "refreshToken") {
			t.Fatalf("%d %q %s", r.Status, r.Header.Values("Set-Cookie"), r.Body)
		}
		r = e.Do("POST", "/api/auth/logout", nil, "Authorization", "Bearer "+jsonField(t, r, "jwt"))
		cleared := "; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; samesite=lax; httponly"
		if got := r.Header.Values("Set-Cookie"); len(got) != 2 || got[0] != "strapi_up_refresh="+cleared ||
			!regexp.MustCompile(`^strapi_up_refresh\.sig=[\w-]{27}`+regexp.QuoteMeta(cleared)+`$`).MatchString(got[1]) {
			t.Fatalf("%q", got)
		}
	})
}

// TestSessionCleanup: the background task deletes the rows whose refresh token expired
// more than an access-token lifetime ago, in batches, and nothing else.
func TestSessionCleanup(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine)
		live, id := registerPair(t, e, "alice")
		now := time.Now().UTC()
		add := func(prefix string, n int, expires time.Time) {
			for i := range n {
				sid := fmt.Sprintf("%s%026d", prefix, i)
				err := e.Store.Q.CreateSession(t.Context(), db.CreateSessionParams{
					SessionID: sid, FamilyID: sid, UserID: id, LoginAt: now.Add(-time.Hour), CreatedAt: now.Add(-time.Hour),
					ExpiresAt: expires, AbsoluteExpiresAt: expires,
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		add("old000", 1203, now.Add(-time.Hour))  // long expired
		add("new000", 2, now.Add(-5*time.Minute)) // expired, but an access token of theirs may live (10 min)
		before := sessionRows(t, e, id)
		n, err := e.App.Auth.CleanupSessions(t.Context())
		if err != nil || n != 1203 {
			t.Fatalf("deleted %d, %v; want 1203", n, err)
		}
		if got := sessionRows(t, e, id); got != before-1203 {
			t.Fatalf("%d rows left, want %d", got, before-1203)
		}
		wantAlive(t, e, live)
		wantAlive(t, e, tokensOf(t, refreshToken(e, live.Refresh)))

		// The service runs it in the background, every SESSIONS_CLEANUP_INTERVAL.
		e2 := refreshEnv(t, engine, func(c *config.Config) { c.Sessions.CleanupInterval = 50 * time.Millisecond })
		live2, id2 := registerPair(t, e2, "bob")
		e = e2
		id = id2
		add("old000", 3, now.Add(-time.Hour))
		for deadline := time.Now().Add(10 * time.Second); sessionRows(t, e2, id2) != 1; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%d rows after 10 s, want the live one", sessionRows(t, e2, id2))
			}
		}
		wantAlive(t, e2, live2)
	})
}

// keyOrder is the order of the top-level keys of a JSON object.
func keyOrder(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", b)
	}
	var out []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
