package strapidb_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// TestCutoverTokens is the switch from Strapi to this service, through the real handler:
// the fixtures are imported into the service's database, which runs with the Strapi's
// JWT_SECRET and API_TOKEN_SALT in refresh mode, at the fixture's time. Then the API tokens
// Strapi gave out work as Bearer tokens within their type, the access tokens and refresh
// tokens Strapi issued work, and a refresh token replayed after its rotation is reuse.
func TestCutoverTokens(t *testing.T) {
	f := loadTokenFixture(t)
	// The fixture's access tokens were issued at 06:17:25 for 10 minutes.
	at := time.Date(2026, 12, 5, 6, 20, 0, 0, time.UTC)
	for _, sc := range fixtureSources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			want := f.Engines[sc.engine]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				e := apitest.New(t, engine, func(c *config.Config) {
					c.JWTSecret = f.Secrets.JWTSecret
					c.APITokenSalt = f.Secrets.APITokenSalt
					c.JWTManagement = config.RefreshMode
				})
				e.Clock.Set(at)
				rep, err := strapidb.Import(context.Background(), openSource(t, sc.open(t)), e.Store, importOpts(at, strapidb.MergeNone))
				if err != nil {
					t.Fatal(err)
				}
				if rep.APITokens.Created != len(want.APITokens) || rep.Sessions.Created != len(want.Sessions) {
					t.Fatalf("import: api tokens %+v, sessions %+v", rep.APITokens, rep.Sessions)
				}
				bearer := func(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

				t.Run("api tokens", func(t *testing.T) {
					for _, w := range want.APITokens {
						// Every type allows listing users: read-only (a find action), full
						// access, and the fixture's custom token (user.find, user.findOne).
						if r := e.Do("GET", "/api/users", nil, bearer(w.AccessKey)...); r.Status != 200 {
							t.Errorf("GET /api/users with %q: %d %s", w.Name, r.Status, r.Body)
						}
						// Counting users is no find action: only full access may.
						wantCount := http.StatusForbidden
						if w.Type == "full-access" {
							wantCount = 200
						}
						if r := e.Do("GET", "/api/users/count", nil, bearer(w.AccessKey)...); r.Status != wantCount {
							t.Errorf("GET /api/users/count with %q: %d %s, want %d", w.Name, r.Status, r.Body, wantCount)
						}
					}
					unknown := strings.Repeat("ab", 128)
					if r := e.Do("GET", "/api/users", nil, bearer(unknown)...); r.Status != 401 {
						t.Errorf("unknown token: %d %s, want 401", r.Status, r.Body)
					}
					revoked := want.APITokens[2]
					if n, err := e.Exec(`DELETE FROM api_tokens WHERE name = $1`, revoked.Name); err != nil || n != 1 {
						t.Fatalf("revoke %q: %d rows, %v", revoked.Name, n, err)
					}
					if r := e.Do("GET", "/api/users", nil, bearer(revoked.AccessKey)...); r.Status != 401 {
						t.Errorf("revoked token: %d %s, want 401", r.Status, r.Body)
					}
				})

				t.Run("sessions", func(t *testing.T) {
					for _, w := range want.Sessions {
						var user fixtureUser
						for _, u := range want.Users {
							if u.Username == w.Username {
								user = fixtureUser{u.ID, u.DocumentID, u.RoleID}
							}
						}
						wantUser(t, e, w.AccessToken, user, "Strapi's access token of "+w.Username)

						r := e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": w.RefreshToken})
						if r.Status != 200 {
							t.Fatalf("refresh with Strapi's token of %s: %d %s", w.Username, r.Status, r.Body)
						}
						var got struct {
							JWT          string `json:"jwt"`
							RefreshToken string `json:"refreshToken"`
						}
						if err := json.Unmarshal(r.Body, &got); err != nil || got.JWT == "" || got.RefreshToken == "" {
							t.Fatalf("refresh answer %s: %v", r.Body, err)
						}
						wantUser(t, e, got.JWT, user, "the refreshed access token of "+w.Username)

						// Within the grace period the old token answers the same child; after
						// it, it is reuse: the whole family ends, the new tokens included.
						again := e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": w.RefreshToken})
						var replay struct {
							RefreshToken string `json:"refreshToken"`
						}
						if err := json.Unmarshal(again.Body, &replay); again.Status != 200 || err != nil || replay.RefreshToken != got.RefreshToken {
							t.Errorf("replay within the grace period: %d %s, want the same child token", again.Status, again.Body)
						}
						e.Clock.Advance(e.Config.Sessions.ReuseGrace + time.Second)
						if r := e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": w.RefreshToken}); r.Status != 401 {
							t.Errorf("replay of %s's rotated token after the grace period: %d %s, want 401", w.Username, r.Status, r.Body)
						}
						if r := e.PostJSON("/api/auth/refresh", map[string]string{"refreshToken": got.RefreshToken}); r.Status != 401 {
							t.Errorf("%s's child token after reuse: %d %s, want 401 (family revoked)", w.Username, r.Status, r.Body)
						}
						if r := e.Do("GET", "/api/users/me", nil, bearer(got.JWT)...); r.Status != 401 {
							t.Errorf("%s's access token after reuse: %d %s, want 401", w.Username, r.Status, r.Body)
						}
						e.Clock.Set(at)
					}
				})

				t.Run("expiries", func(t *testing.T) {
					// Strapi's access tokens end 10 minutes after 06:17:25, as in Strapi.
					e.Clock.Set(time.Date(2026, 12, 5, 6, 28, 0, 0, time.UTC))
					for _, w := range want.Sessions {
						if r := e.Do("GET", "/api/users/me", nil, bearer(w.AccessToken)...); r.Status != 401 {
							t.Errorf("%s's expired access token: %d %s, want 401", w.Username, r.Status, r.Body)
						}
					}
					// The 30-day token ends when Strapi said it would.
					for _, w := range want.APITokens {
						if w.ExpiresAt == nil {
							continue
						}
						e.Clock.Set(w.ExpiresAt.Add(time.Second))
						if r := e.Do("GET", "/api/users", nil, bearer(w.AccessKey)...); r.Status != 401 || !strings.Contains(string(r.Body), "Token expired") {
							t.Errorf("%q after its expiry: %d %s, want 401 Token expired", w.Name, r.Status, r.Body)
						}
					}
				})
			})
		})
	}
}

type fixtureUser struct {
	ID         int64
	DocumentID string
	RoleID     int64
}

// authenticatedRole is the id of the fixtures' Authenticated role, the one with user.me.
const authenticatedRole = 1

// wantUser checks that token is accepted as user u: /api/users/me answers u for a user of
// the Authenticated role. The race-organizer role (oscar's) has no user.me, so there, as in
// Strapi, /me is 403 (authenticated, not permitted: a refused token is 401), and the
// role's user.findOne, which the Public role lacks, answers u.
func wantUser(t *testing.T, e *apitest.Env, token string, u fixtureUser, what string) {
	t.Helper()
	path := "/api/users/me"
	if u.RoleID != authenticatedRole {
		if r := e.Do("GET", path, nil, "Authorization", "Bearer "+token); r.Status != 403 {
			t.Errorf("%s on %s: %d %s, want 403 (the role has no user.me)", what, path, r.Status, r.Body)
		}
		path = "/api/users/" + strconv.FormatInt(u.ID, 10)
	}
	r := e.Do("GET", path, nil, "Authorization", "Bearer "+token)
	if r.Status != 200 {
		t.Fatalf("%s on %s: %d %s", what, path, r.Status, r.Body)
	}
	var me struct {
		ID         int64  `json:"id"`
		DocumentID string `json:"documentId"`
	}
	if err := json.Unmarshal(r.Body, &me); err != nil || me.ID != u.ID || me.DocumentID != u.DocumentID {
		t.Errorf("%s on %s: %s, want user %d %s", what, path, r.Body, u.ID, u.DocumentID)
	}
}
