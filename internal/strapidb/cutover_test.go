package strapidb_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// fixtureSource is the Strapi database made on engine (see fixtureSources).
func fixtureSource(t *testing.T, engine string) string {
	t.Helper()
	for _, sc := range fixtureSources {
		if sc.engine == engine {
			return sc.open(t)
		}
	}
	t.Fatalf("no fixture made on %q", engine)
	return ""
}

// cutoverManifest is what the cut-over tests read of manifest.json.
type cutoverManifest struct {
	Secrets struct {
		JWTSecret    string `json:"JWT_SECRET"`
		APITokenSalt string `json:"API_TOKEN_SALT"`
	} `json:"secrets"`
	Engines map[string]struct {
		Users []struct {
			ID                 int64   `json:"id"`
			DocumentID         string  `json:"documentId"`
			Username           string  `json:"username"`
			Email              string  `json:"email"`
			Provider           string  `json:"provider"`
			Password           *string `json:"password"`
			Confirmed          bool    `json:"confirmed"`
			Blocked            bool    `json:"blocked"`
			ResetPasswordToken *string `json:"resetPasswordToken"`
			ConfirmationToken  *string `json:"confirmationToken"`
		} `json:"users"`
		LegacyJWT struct {
			UserID int64  `json:"userId"`
			JWT    string `json:"jwt"`
		} `json:"legacyJwt"`
	} `json:"engines"`
}

func loadCutoverManifest(t *testing.T) cutoverManifest { return readManifest[cutoverManifest](t) }

// cutover starts the service on engine with the Strapi fixture's secrets, and imports the
// fixture made on source into its database, as README "Moving from Strapi" says.
func cutover(t *testing.T, m cutoverManifest, engine, source string, opts ...apitest.Option) *apitest.Env {
	t.Helper()
	opts = append([]apitest.Option{func(c *config.Config) {
		c.JWTSecret, c.APITokenSalt = m.Secrets.JWTSecret, m.Secrets.APITokenSalt
	}}, opts...)
	e := apitest.New(t, engine, opts...)
	src, err := strapidb.Open(context.Background(), fixtureSource(t, source))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	_, err = strapidb.Import(context.Background(), src, e.Store, strapidb.ImportOptions{
		ResetTTL: e.Config.ResetTokenTTL, ConfirmTTL: e.Config.ConfirmationTokenTTL})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func bearer(token string) []string { return []string{"Authorization", "Bearer " + token} }

// TestCutover: after the import of each fixture into each engine, the users of that Strapi
// use this service as they used Strapi: the same passwords, ids and documentIds, Strapi's
// JWT, the pending reset code (once), the confirmation link, the custom role's rights.
func TestCutover(t *testing.T) {
	m := loadCutoverManifest(t)
	for _, source := range []string{"sqlite", "postgres"} {
		t.Run("from-"+source, func(t *testing.T) {
			want := m.Engines[source]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				e := cutover(t, m, engine, source)
				jwts := map[string]string{}
				for _, u := range want.Users {
					if u.Password == nil {
						continue // provider users have no password
					}
					r := e.PostJSON("/api/auth/local", map[string]string{"identifier": u.Username, "password": *u.Password})
					switch {
					case u.Blocked:
						// 403, decision D1 (Strapi answers 400).
						if r.Status != 403 || !strings.Contains(string(r.Body), "Your account has been blocked by an administrator") {
							t.Errorf("%s (blocked) logs in: %d %s", u.Username, r.Status, r.Body)
						}
						continue
					case !u.Confirmed:
						if r.Status != 400 || !strings.Contains(string(r.Body), "Your account email is not confirmed") {
							t.Errorf("%s (unconfirmed) logs in: %d %s", u.Username, r.Status, r.Body)
						}
						continue
					case r.Status != 200:
						t.Errorf("%s cannot log in with the Strapi password: %d %s", u.Username, r.Status, r.Body)
						continue
					}
					var body struct{ JWT string }
					if err := json.Unmarshal(r.Body, &body); err != nil {
						t.Fatal(err)
					}
					jwts[u.Username] = body.JWT
					path := "/api/users/me"
					if u.Username == "oscar" {
						// Race Organizer has no user.me, in Strapi either (403); its user.findOne shows him.
						if r := e.Do("GET", path, nil, bearer(body.JWT)...); r.Status != 403 {
							t.Errorf("oscar's /users/me: %d, want 403 as in Strapi", r.Status)
						}
						path = fmt.Sprintf("/api/users/%d", u.ID)
					}
					me := e.Do("GET", path, nil, bearer(body.JWT)...)
					var got struct {
						ID         int64  `json:"id"`
						DocumentID string `json:"documentId"`
						Email      string `json:"email"`
					}
					if err := json.Unmarshal(me.Body, &got); err != nil || me.Status != 200 {
						t.Fatalf("%s %s: %d %s", u.Username, path, me.Status, me.Body)
					}
					if got.ID != u.ID || got.DocumentID != u.DocumentID || got.Email != u.Email {
						t.Errorf("%s %s = %+v, want id %d documentId %s email %s", u.Username, path, got, u.ID, u.DocumentID, u.Email)
					}
				}
				if len(jwts) != 4 { // alice, dave, erin, oscar
					t.Errorf("%d users logged in, want 4", len(jwts))
				}
				// erin's email is stored with capitals, as Strapi kept it: logging in by email still works.
				if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "erin.mixed@race.example", "password": "Erin-Pass-123"}); r.Status != 200 {
					t.Errorf("erin by email: %d %s", r.Status, r.Body)
				}

				// The JWT Strapi issued to alice before the switch.
				me := e.Do("GET", "/api/users/me", nil, bearer(want.LegacyJWT.JWT)...)
				if me.Status != 200 || !strings.Contains(string(me.Body), fmt.Sprintf(`"id":%d,`, want.LegacyJWT.UserID)) {
					t.Errorf("Strapi's JWT on /users/me: %d %s", me.Status, me.Body)
				}

				// dave's pending reset code, mailed by Strapi, works once.
				for _, u := range want.Users {
					if u.ResetPasswordToken == nil {
						continue
					}
					reset := map[string]string{"code": *u.ResetPasswordToken, "password": "New-Pass-456", "passwordConfirmation": "New-Pass-456"}
					if r := e.PostJSON("/api/auth/reset-password", reset); r.Status != 200 {
						t.Errorf("%s's reset code: %d %s", u.Username, r.Status, r.Body)
					}
					if r := e.PostJSON("/api/auth/reset-password", reset); r.Status != 400 || !strings.Contains(string(r.Body), "Incorrect code provided") {
						t.Errorf("%s's reset code used twice: %d %s", u.Username, r.Status, r.Body)
					}
					if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": u.Username, "password": "New-Pass-456"}); r.Status != 200 {
						t.Errorf("%s with the new password: %d %s", u.Username, r.Status, r.Body)
					}
				}

				// carol's and frank's confirmation links, mailed by Strapi, confirm them.
				for _, u := range want.Users {
					if u.ConfirmationToken == nil {
						continue
					}
					r := e.Do("GET", "/api/auth/email-confirmation?confirmation="+*u.ConfirmationToken, nil)
					if r.Status != 302 {
						t.Errorf("%s's confirmation link: %d %s", u.Username, r.Status, r.Body)
					}
					if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": u.Username, "password": *u.Password}); r.Status != 200 {
						t.Errorf("%s after confirming: %d %s", u.Username, r.Status, r.Body)
					}
				}

				// The custom role: oscar (Race Organizer) may list and count users and list
				// roles, nothing else; alice (Authenticated) may not list users.
				for _, tc := range []struct {
					who, method, path string
					status            int
				}{
					{"oscar", "GET", "/api/users", 200},
					{"oscar", "GET", "/api/users/count", 200},
					{"oscar", "GET", "/api/users/1", 200},
					{"oscar", "GET", "/api/users-permissions/roles", 200},
					{"oscar", "GET", "/api/users-permissions/roles/1", 403},
					{"oscar", "DELETE", "/api/users/2", 403},
					{"oscar", "POST", "/api/users-permissions/roles", 403},
					{"alice", "GET", "/api/users", 403},
					{"alice", "GET", "/api/users-permissions/roles", 403},
				} {
					var body []byte
					if tc.method == "POST" {
						body = []byte(`{"name":"X","description":"x","permissions":{}}`)
					}
					r := e.Do(tc.method, tc.path, body, append(bearer(jwts[tc.who]), "Content-Type", "application/json")...)
					if r.Status != tc.status {
						t.Errorf("%s %s %s: %d, want %d: %s", tc.who, tc.method, tc.path, r.Status, tc.status, r.Body)
					}
				}
				r := e.Do("GET", "/api/users", nil, bearer(jwts["oscar"])...)
				var list []struct {
					ID         int64  `json:"id"`
					DocumentID string `json:"documentId"`
				}
				if err := json.Unmarshal(r.Body, &list); err != nil || len(list) != len(want.Users) {
					t.Errorf("oscar's /api/users: %d users (%v), want %d", len(list), err, len(want.Users))
				}
				r = e.Do("GET", "/api/users-permissions/roles", nil, bearer(jwts["oscar"])...)
				var roles struct {
					Roles []struct {
						ID          int64  `json:"id"`
						Name        string `json:"name"`
						Description string `json:"description"`
						Type        string `json:"type"`
						NbUsers     int    `json:"nb_users"`
					} `json:"roles"`
				}
				if err := json.Unmarshal(r.Body, &roles); err != nil {
					t.Fatal(err)
				}
				found := false
				for _, ro := range roles.Roles {
					if ro.Type == "race-organizer" {
						found = true
						if ro.ID != 3 || ro.Name != "Race Organizer" || ro.Description != "Organizers of races: can list users and roles" || ro.NbUsers != 1 {
							t.Errorf("race-organizer on the roles API: %+v", ro)
						}
					}
				}
				if !found {
					t.Errorf("race-organizer not on the roles API: %s", r.Body)
				}
			})
		})
	}
}

// TestCutoverResetExpires: a reset code Strapi mailed gets a fresh expiry at the import,
// RESET_PASSWORD_TOKEN_TTL later, and is refused after it.
func TestCutoverResetExpires(t *testing.T) {
	m := loadCutoverManifest(t)
	e := cutover(t, m, "sqlite", "sqlite")
	e.Clock.Advance(e.Config.ResetTokenTTL + time.Minute)
	for _, u := range m.Engines["sqlite"].Users {
		if u.ResetPasswordToken == nil {
			continue
		}
		reset := map[string]string{"code": *u.ResetPasswordToken, "password": "New-Pass-456", "passwordConfirmation": "New-Pass-456"}
		if r := e.PostJSON("/api/auth/reset-password", reset); r.Status != 400 {
			t.Errorf("%s's reset code after its fresh expiry: %d %s", u.Username, r.Status, r.Body)
		}
	}
}
