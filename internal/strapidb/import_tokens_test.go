package strapidb_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// tokenFixture is what manifest.json says of the fixtures' API tokens and sessions,
// plaintexts included (the manifest type of strapidb_test.go leaves them out).
type tokenFixture struct {
	GeneratedAt time.Time `json:"generatedAt"`
	Secrets     struct {
		JWTSecret    string `json:"JWT_SECRET"`
		APITokenSalt string `json:"API_TOKEN_SALT"`
	} `json:"secrets"`
	Engines map[string]struct {
		Users []struct {
			ID         int64  `json:"id"`
			DocumentID string `json:"documentId"`
			Username   string `json:"username"`
			RoleID     int64  `json:"roleId"`
		} `json:"users"`
		APITokens []struct {
			ID            int64      `json:"id"`
			DocumentID    string     `json:"documentId"`
			Name          string     `json:"name"`
			Description   string     `json:"description"`
			Type          string     `json:"type"`
			AccessKey     string     `json:"accessKey"` // the plaintext token
			AccessKeyHash string     `json:"accessKeyHash"`
			ExpiresAt     *time.Time `json:"expiresAt"`
			Permissions   []string   `json:"permissions"`
		} `json:"apiTokens"`
		Sessions []struct {
			ID                int64     `json:"id"`
			UserID            string    `json:"userId"`
			Username          string    `json:"username"`
			SessionID         string    `json:"sessionId"`
			DeviceID          string    `json:"deviceId"`
			ExpiresAt         time.Time `json:"expiresAt"`
			AbsoluteExpiresAt time.Time `json:"absoluteExpiresAt"`
			CreatedAt         time.Time `json:"createdAt"`
			Metadata          struct {
				LoginAt time.Time `json:"loginAt"`
			} `json:"metadata"`
			RefreshToken string `json:"refreshToken"`
			AccessToken  string `json:"accessToken"`
		} `json:"sessions"`
	} `json:"engines"`
}

func loadTokenFixture(t *testing.T) tokenFixture {
	t.Helper()
	f := readManifest[tokenFixture](t)
	if len(f.Engines["sqlite"].APITokens) == 0 || len(f.Engines["sqlite"].Sessions) == 0 || f.Secrets.APITokenSalt == "" {
		t.Fatal("manifest.json: no api tokens, sessions or salt")
	}
	return f
}

// fixtureNow is a time at which the fixtures' sessions are alive: an hour after the
// sessions were made (their refresh tokens live 14 days, their families 30).
var fixtureNow = time.Date(2026, 12, 5, 7, 17, 0, 0, time.UTC)

func importOpts(now time.Time, merge strapidb.MergeMode) strapidb.ImportOptions {
	return strapidb.ImportOptions{Now: now, Merge: merge, ResetTTL: time.Hour, ConfirmTTL: 24 * time.Hour}
}

type importedToken struct {
	DocumentID, Description, Type, AccessKey, Actions string
	ExpiresAt                                         *time.Time
}

func readTokens(t *testing.T, raw *sql.DB) map[string]importedToken {
	t.Helper()
	rows, err := raw.Query(`SELECT name, document_id, description, type, access_key, actions, expires_at FROM api_tokens`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]importedToken{}
	for rows.Next() {
		var (
			name string
			k    importedToken
			exp  sql.NullTime
		)
		if err := rows.Scan(&name, &k.DocumentID, &k.Description, &k.Type, &k.AccessKey, &k.Actions, &exp); err != nil {
			t.Fatal(err)
		}
		if exp.Valid {
			e := exp.Time.UTC()
			k.ExpiresAt = &e
		}
		out[name] = k
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

type importedSession struct {
	FamilyID, ChildID, DeviceID, DeviceName string
	UserID                                  int64
	LoginAt, CreatedAt, Expires, Absolute   time.Time
}

func readSessions(t *testing.T, raw *sql.DB) map[string]importedSession {
	t.Helper()
	rows, err := raw.Query(`SELECT session_id, family_id, COALESCE(child_id, ''), COALESCE(device_id, ''), COALESCE(device_name, ''),
		user_id, login_at, created_at, expires_at, absolute_expires_at FROM up_sessions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]importedSession{}
	for rows.Next() {
		var (
			id string
			s  importedSession
		)
		if err := rows.Scan(&id, &s.FamilyID, &s.ChildID, &s.DeviceID, &s.DeviceName, &s.UserID, &s.LoginAt, &s.CreatedAt, &s.Expires, &s.Absolute); err != nil {
			t.Fatal(err)
		}
		s.LoginAt, s.CreatedAt, s.Expires, s.Absolute = s.LoginAt.UTC(), s.CreatedAt.UTC(), s.Expires.UTC(), s.Absolute.UTC()
		out[id] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func actionsJSON(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// TestImportTokensAndSessions imports both fixtures into both engines: every API token with
// its hash (the plaintext's HMAC with the fixture's salt), type, actions and expiry, every
// session as an active family of its own; a re-run changes nothing.
func TestImportTokensAndSessions(t *testing.T) {
	f := loadTokenFixture(t)
	for _, sc := range fixtureSources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			want := f.Engines[sc.engine]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				ctx := context.Background()
				src := openSource(t, sc.open(t))
				st, raw := apitest.OpenStore(t, engine)
				var stages []string
				opts := importOpts(fixtureNow, strapidb.MergeNone)
				opts.Progress = func(stage string, done, total int) {
					if stage == "api tokens" || stage == "sessions" {
						stages = append(stages, fmt.Sprintf("%s %d/%d", stage, done, total))
					}
				}
				rep, err := strapidb.Import(ctx, src, st, opts)
				if err != nil {
					t.Fatal(err)
				}
				if w := (strapidb.Count{Created: len(want.APITokens)}); rep.APITokens != w {
					t.Errorf("api tokens: %+v, want %+v", rep.APITokens, w)
				}
				if w := (strapidb.Count{Created: len(want.Sessions)}); rep.Sessions != w {
					t.Errorf("sessions: %+v, want %+v", rep.Sessions, w)
				}
				if len(rep.Conflicts) != 0 {
					t.Errorf("conflicts: %v", rep.Conflicts)
				}
				if w := []string{fmt.Sprintf("api tokens %d/%d", len(want.APITokens), len(want.APITokens)),
					fmt.Sprintf("sessions %d/%d", len(want.Sessions), len(want.Sessions))}; len(stages) != len(want.APITokens)+len(want.Sessions) ||
					stages[len(want.APITokens)-1] != w[0] || stages[len(stages)-1] != w[1] {
					t.Errorf("progress: %v, want %d calls ending with %v", stages, len(want.APITokens)+len(want.Sessions), w)
				}

				toks := readTokens(t, raw)
				if len(toks) != len(want.APITokens) {
					t.Errorf("%d api tokens in the target, want %d", len(toks), len(want.APITokens))
				}
				for _, w := range want.APITokens {
					g, ok := toks[w.Name]
					if !ok {
						t.Errorf("api token %q not imported", w.Name)
						continue
					}
					if h := access.HashAPIToken(f.Secrets.APITokenSalt, w.AccessKey); g.AccessKey != h || h != w.AccessKeyHash {
						t.Errorf("api token %q: access_key %.16s…, want the plaintext's HMAC %.16s… (manifest %.16s…)", w.Name, g.AccessKey, h, w.AccessKeyHash)
					}
					e := importedToken{DocumentID: w.DocumentID, Description: w.Description, Type: w.Type,
						AccessKey: g.AccessKey, Actions: actionsJSON(w.Permissions), ExpiresAt: w.ExpiresAt}
					if !equalTokens(g, e) {
						t.Errorf("api token %q = %+v, want %+v", w.Name, g, e)
					}
				}

				ss := readSessions(t, raw)
				if len(ss) != len(want.Sessions) {
					t.Errorf("%d sessions in the target, want %d", len(ss), len(want.Sessions))
				}
				for _, w := range want.Sessions {
					g, ok := ss[w.SessionID]
					if !ok {
						t.Errorf("session of %s not imported", w.Username)
						continue
					}
					e := importedSession{FamilyID: w.SessionID, DeviceID: w.DeviceID, UserID: atoi(t, w.UserID),
						LoginAt: w.Metadata.LoginAt, CreatedAt: w.CreatedAt, Expires: w.ExpiresAt, Absolute: w.AbsoluteExpiresAt}
					if g != e {
						t.Errorf("session of %s = %+v, want %+v", w.Username, g, e)
					}
				}

				dump := dumpTarget(t, raw)
				rep, err = strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeNone))
				if err != nil {
					t.Fatalf("second import: %v", err)
				}
				if !rep.Rerun || rep.APITokens != (strapidb.Count{Unchanged: len(want.APITokens)}) || rep.Sessions != (strapidb.Count{Unchanged: len(want.Sessions)}) {
					t.Errorf("second import: rerun %v, api tokens %+v, sessions %+v", rep.Rerun, rep.APITokens, rep.Sessions)
				}
				if after := dumpTarget(t, raw); after != dump {
					t.Errorf("second import changed the target:\n%s", lineDiff(dump, after))
				}
			})
		})
	}
}

// equalTokens compares two tokens with their expiries as instants.
func equalTokens(a, b importedToken) bool {
	ea, eb := a.ExpiresAt, b.ExpiresAt
	a.ExpiresAt, b.ExpiresAt = nil, nil
	if a != b || (ea == nil) != (eb == nil) {
		return false
	}
	return ea == nil || ea.Equal(*eb)
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

// ms is t as SQLite's Strapi stores a datetime: epoch milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

// TestImportTokensSkipped: an admin token, a content-type action of a custom token, sessions
// past their idle or absolute expiry, a revoked one, one of a 'session' family and one of a
// user the source does not have are not imported, and the report says why.
func TestImportTokensSkipped(t *testing.T) {
	f := loadTokenFixture(t)
	want := f.Engines["sqlite"]
	past, future := ms(fixtureNow.Add(-time.Minute)), ms(fixtureNow.Add(time.Hour))
	session := func(id int, user, status, typ string, expires, absolute int64) string {
		return fmt.Sprintf(`INSERT INTO strapi_sessions (id, document_id, user_id, session_id, child_id, device_id, origin,
			expires_at, absolute_expires_at, status, type, metadata, created_at, updated_at, published_at)
			VALUES (%d, 'doc%d', '%s', 'sid%d', NULL, 'dev', 'users-permissions', %d, %d, '%s', '%s', NULL, %d, %d, %d)`,
			id, id, user, id, expires, absolute, status, typ, past, past, past)
	}
	path := copySQLite(t,
		`UPDATE strapi_api_tokens SET kind = 'admin' WHERE name = 'Full Access'`,
		`INSERT INTO strapi_api_token_permissions (id, document_id, action, created_at, updated_at, published_at) VALUES (100, 'perm100', 'api::race.race.find', 0, 0, 0)`,
		`INSERT INTO strapi_api_token_permissions_token_lnk (api_token_permission_id, api_token_id, api_token_permission_ord) VALUES (100, 5, 3)`,
		fmt.Sprintf(`UPDATE strapi_sessions SET expires_at = %d WHERE user_id = '7'`, past), // oscar's: idle expiry passed
		session(10, "1", "active", "refresh", future, past),                                 // absolute expiry passed
		session(11, "1", "revoked", "refresh", future, future),
		session(12, "1", "active", "session", future, future),
		session(13, "99", "active", "refresh", future, future),
		// An admin session is not the plugin's: the reader leaves it out.
		`INSERT INTO strapi_sessions (id, document_id, user_id, session_id, device_id, origin, expires_at, absolute_expires_at, status, type, created_at)
			VALUES (14, 'doc14', '1', 'sid14', 'dev', 'admin', `+fmt.Sprint(future)+`, `+fmt.Sprint(future)+`, 'active', 'refresh', `+fmt.Sprint(past)+`)`,
	)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, path)
		st, raw := apitest.OpenStore(t, engine)
		rep, err := strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeNone))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Created: len(want.APITokens) - 1, Skipped: 1}); rep.APITokens != w {
			t.Errorf("api tokens: %+v, want %+v", rep.APITokens, w)
		}
		if w := (strapidb.Count{Created: 1, Skipped: 5}); rep.Sessions != w {
			t.Errorf("sessions: %+v, want %+v", rep.Sessions, w)
		}
		skipped := map[string]int{}
		for _, s := range rep.Skipped {
			skipped[s.What+": "+s.Why] = s.Count
		}
		for why, n := range map[string]int{
			`api token: kind "admin" (only content-api tokens are imported)`:                          1,
			"api token permission: not a Users & Permissions action (content types stay with Strapi)": 1,
			"session: past its idle expiry":                                                           1,
			"session: past its absolute expiry":                                                       1,
			`session: status "revoked"`:                                                               1,
			`session: type "session" (only refresh sessions are imported)`:                            1,
			"session: its user was not imported":                                                      1,
		} {
			if skipped[why] != n {
				t.Errorf("skipped %q: %d, want %d (report: %v)", why, skipped[why], n, rep.Skipped)
			}
		}
		toks := readTokens(t, raw)
		if _, ok := toks["Full Access"]; ok {
			t.Error("the admin token was imported")
		}
		if got, w := toks["fixture-custom"].Actions, actionsJSON(want.APITokens[4].Permissions); got != w {
			t.Errorf("custom token's actions = %s, want %s", got, w)
		}
		ss := readSessions(t, raw)
		if _, ok := ss[want.Sessions[0].SessionID]; len(ss) != 1 || !ok {
			t.Errorf("sessions imported: %v, want alice's only", ss)
		}
	})
}

// TestImportTokensMerge: in a target that has them, tokens are matched by key and sessions
// by id. MergeSkip keeps the target's values; MergeUpdate (and a re-run) takes the source's,
// except a session the service rotated after the import, which keeps its child; a Strapi
// rotation since the last import is brought over with the child in the parent's family; a
// different token with an imported token's name is a conflict.
func TestImportTokensMerge(t *testing.T) {
	f := loadTokenFixture(t)
	want := f.Engines["sqlite"]
	alice, oscar := want.Sessions[0], want.Sessions[1]
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, sqliteFixture())
		st, raw := apitest.OpenStore(t, engine)
		exec := func(q string, args ...any) {
			t.Helper()
			if engine == "sqlite" {
				for i := len(args); i >= 1; i-- {
					q = strings.ReplaceAll(q, fmt.Sprintf("$%d", i), fmt.Sprintf("?%d", i))
				}
			}
			if _, err := raw.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		// A token of the target's own with the name of a fixture token.
		exec(`INSERT INTO api_tokens (document_id, name, description, type, access_key, actions, created_at, updated_at)
			VALUES ('own', 'fixture-read-only', '', 'read-only', 'ownkey', '[]', $1, $1)`, fixtureNow)
		rep, err := strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeNone))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Created: len(want.APITokens) - 1, Conflicts: 1}); rep.APITokens != w {
			t.Errorf("api tokens: %+v, want %+v", rep.APITokens, w)
		}
		if len(rep.Conflicts) != 1 || rep.Conflicts[0].Kind != "api token" || rep.Conflicts[0].Source != `api token 3 "fixture-read-only"` {
			t.Errorf("conflicts: %+v", rep.Conflicts)
		}
		if got := readTokens(t, raw)["fixture-read-only"].AccessKey; got != "ownkey" {
			t.Errorf("the target's token was replaced: access_key %q", got)
		}

		// The target's copies change: a token's description, a session's expiry.
		exec(`UPDATE api_tokens SET description = 'changed here' WHERE name = 'fixture-custom'`)
		exec(`UPDATE up_sessions SET expires_at = $1 WHERE session_id = $2`, alice.ExpiresAt.Add(-time.Hour), alice.SessionID)
		dump := dumpTarget(t, raw)
		rep, err = strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeSkip))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Unchanged: len(want.APITokens) - 1, Conflicts: 1}); rep.APITokens != w {
			t.Errorf("merge skip: api tokens %+v, want %+v", rep.APITokens, w)
		}
		if w := (strapidb.Count{Unchanged: 2}); rep.Sessions != w {
			t.Errorf("merge skip: sessions %+v, want %+v", rep.Sessions, w)
		}
		if after := dumpTarget(t, raw); after != dump {
			t.Errorf("merge skip changed the target:\n%s", lineDiff(dump, after))
		}

		rep, err = strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeUpdate))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Updated: 1, Unchanged: len(want.APITokens) - 2, Conflicts: 1}); rep.APITokens != w {
			t.Errorf("merge update: api tokens %+v, want %+v", rep.APITokens, w)
		}
		if w := (strapidb.Count{Updated: 1, Unchanged: 1}); rep.Sessions != w {
			t.Errorf("merge update: sessions %+v, want %+v", rep.Sessions, w)
		}
		if got := readTokens(t, raw)["fixture-custom"].Description; got != want.APITokens[4].Description {
			t.Errorf("merge update: description %q, want the source's", got)
		}
		if got := readSessions(t, raw)[alice.SessionID].Expires; !got.Equal(alice.ExpiresAt) {
			t.Errorf("merge update: alice's session expires %v, want the source's %v", got, alice.ExpiresAt)
		}

		// The service rotates oscar's session after the import: a re-run from the source,
		// where it is still active, keeps the rotation.
		exec(`UPDATE up_sessions SET child_id = 'rotated-here' WHERE session_id = $1`, oscar.SessionID)
		dump = dumpTarget(t, raw)
		rep, err = strapidb.Import(ctx, src, st, importOpts(fixtureNow, strapidb.MergeUpdate))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Unchanged: 2}); rep.Sessions != w {
			t.Errorf("after a rotation here: sessions %+v, want %+v", rep.Sessions, w)
		}
		if after := dumpTarget(t, raw); after != dump {
			t.Errorf("a re-run undid the service's rotation:\n%s", lineDiff(dump, after))
		}

		// Strapi rotates alice's session after the import: the parent gets its child, the
		// child joins the parent's family.
		child := "0123456789abcdef0123456789abcdef"
		rotated := copySQLite(t,
			fmt.Sprintf(`UPDATE strapi_sessions SET status = 'rotated', child_id = '%s' WHERE session_id = '%s'`, child, alice.SessionID),
			fmt.Sprintf(`INSERT INTO strapi_sessions (id, document_id, user_id, session_id, device_id, origin, expires_at, absolute_expires_at, status, type, metadata, created_at, updated_at, published_at)
				SELECT 3, 'childdoc', user_id, '%s', device_id, origin, expires_at + 60000, absolute_expires_at, 'active', type, metadata, created_at + 60000, updated_at, published_at
				FROM strapi_sessions WHERE session_id = '%s'`, child, alice.SessionID),
		)
		rep, err = strapidb.Import(ctx, openSource(t, rotated), st, importOpts(fixtureNow, strapidb.MergeUpdate))
		if err != nil {
			t.Fatal(err)
		}
		if w := (strapidb.Count{Created: 1, Updated: 1, Unchanged: 1}); rep.Sessions != w {
			t.Errorf("after a rotation in Strapi: sessions %+v, want %+v", rep.Sessions, w)
		}
		ss := readSessions(t, raw)
		if p, c := ss[alice.SessionID], ss[child]; p.ChildID != child || c.FamilyID != alice.SessionID || c.ChildID != "" ||
			c.UserID != 1 || !c.Expires.Equal(alice.ExpiresAt.Add(time.Minute)) || !c.LoginAt.Equal(alice.Metadata.LoginAt) {
			t.Errorf("after a rotation in Strapi: parent %+v, child %+v", p, c)
		}
	})
}
