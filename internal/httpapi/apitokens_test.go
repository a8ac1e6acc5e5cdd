package httpapi_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestAPITokens: Strapi's content-API tokens, tried before the users' JWTs. Each type
// allows exactly its actions; expired tokens are 401 "Token expired"; revoked and unknown
// ones fall through to the JWT strategy (401 Missing or invalid credentials); a token has
// no user (/api/users/me: 401 Unauthorized); JWTs keep working.
func TestAPITokens(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, _ := e.Register("alice", "alice@example.com", "secret123")
		full := apiToken(t, e, access.TokenFullAccess)
		readOnly := apiToken(t, e, access.TokenReadOnly)
		custom := apiToken(t, e, access.TokenCustom, "user.find", up+"role.findOne")
		meOnly := apiToken(t, e, access.TokenCustom, "user.me")
		if len(full) != 256 || strings.Trim(full, "0123456789abcdef") != "" {
			t.Fatalf("token %q: want 256 hex characters, as Strapi's accessKey", full)
		}

		const (
			roles     = "/api/users-permissions/roles"
			role1     = "/api/users-permissions/roles/1"
			perms     = "/api/users-permissions/permissions"
			users     = "/api/users"
			count     = "/api/users/count"
			me        = "/api/users/me"
			allowed   = 0 // the permission check lets the request through
			forbidden = 403
			noUser    = 401 // a token has no user: /me answers 401 Unauthorized
		)
		cases := []struct {
			token string
			name  string
			want  map[string]int // GET path → expected
		}{
			{full, "full-access", map[string]int{roles: allowed, role1: allowed, perms: allowed, users: allowed, count: allowed, me: noUser}},
			// Strapi's read-only: the actions ending with find or findOne (not count, not me).
			{readOnly, "read-only", map[string]int{roles: allowed, role1: allowed, perms: forbidden, users: allowed, count: forbidden, me: forbidden}},
			{custom, "custom", map[string]int{roles: forbidden, role1: allowed, perms: forbidden, users: allowed, count: forbidden, me: forbidden}},
			{meOnly, "custom user.me", map[string]int{roles: forbidden, role1: forbidden, perms: forbidden, users: forbidden, count: forbidden, me: noUser}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				for path, want := range c.want {
					r := e.Do("GET", path, nil, "Authorization", "Bearer "+c.token)
					switch want {
					case allowed:
						if r.Status == 401 || r.Status == 403 {
							t.Errorf("GET %s: %d %s, want the permission granted", path, r.Status, r.Body)
						}
					case forbidden:
						wantError(t, r, 403, "ForbiddenError", "Forbidden", "")
					case noUser:
						wantError(t, r, 401, "UnauthorizedError", "Unauthorized", "")
					}
				}
			})
		}
		t.Run("writes", func(t *testing.T) {
			wantOK(t, asJSON(e, "POST", roles, full, `{"name":"Made by a token"}`))
			wantError(t, asJSON(e, "POST", roles, readOnly, `{"name":"Not by this one"}`), 403, "ForbiddenError", "Forbidden", "")
			// Full access covers the Public routes too, as in Strapi; read-only does not.
			login := `{"identifier":"alice","password":"secret123"}`
			if r := asJSON(e, "POST", "/api/auth/local", full, login); r.Status != 200 {
				t.Fatalf("login with a full-access token: %d %s", r.Status, r.Body)
			}
			wantError(t, asJSON(e, "POST", "/api/auth/local", readOnly, login), 403, "ForbiddenError", "Forbidden", "")
		})

		t.Run("expired", func(t *testing.T) {
			ago := func() time.Time { return time.Now().Add(-8 * 24 * time.Hour) }
			_, old, err := e.App.Tokens.WithClock(ago).Create(t.Context(), access.APITokenInput{
				Name: "last week", Type: access.TokenFullAccess, Lifespan: access.TokenLifespans["7d"],
			})
			if err != nil {
				t.Fatal(err)
			}
			wantError(t, e.Do("GET", roles, nil, "Authorization", "Bearer "+old), 401, "UnauthorizedError", "Token expired", "")
			// Even on a public route: the strategy refuses it before any permission.
			wantError(t, asJSON(e, "POST", "/api/auth/local", old, `{"identifier":"alice","password":"secret123"}`),
				401, "UnauthorizedError", "Token expired", "")
			_, fresh, err := e.App.Tokens.Create(t.Context(), access.APITokenInput{
				Name: "this week", Type: access.TokenFullAccess, Lifespan: access.TokenLifespans["7d"],
			})
			if err != nil {
				t.Fatal(err)
			}
			if r := e.Do("GET", roles, nil, "Authorization", "Bearer "+fresh); r.Status != 200 {
				t.Fatalf("unexpired token: %d %s", r.Status, r.Body)
			}
		})

		t.Run("revoked and unknown", func(t *testing.T) {
			tokens := e.App.Tokens
			value := apiToken(t, e, access.TokenReadOnly)
			if r := e.Do("GET", roles, nil, "Authorization", "Bearer "+value); r.Status != 200 {
				t.Fatalf("before revocation: %d", r.Status)
			}
			list, err := tokens.List(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			var id int64
			for _, row := range list {
				if row.AccessKey == access.HashAPIToken(salt(t, e), value) {
					id = row.ID
				}
			}
			if err := tokens.Revoke(t.Context(), id); err != nil {
				t.Fatal(err)
			}
			const invalid = "Missing or invalid credentials"
			wantError(t, e.Do("GET", roles, nil, "Authorization", "Bearer "+value), 401, "UnauthorizedError", invalid, "")
			wantError(t, e.Do("GET", roles, nil, "Authorization", "Bearer "+strings.Repeat("ab", 128)), 401, "UnauthorizedError", invalid, "")
			// JWTs still go through the users' strategy.
			if r := e.Do("GET", me, nil, "Authorization", "Bearer "+jwt); r.Status != 200 {
				t.Fatalf("me with a JWT: %d %s", r.Status, r.Body)
			}
		})

		t.Run("stored as hashes only", func(t *testing.T) {
			for _, v := range []string{full, readOnly, custom, meOnly} {
				if databaseContains(t, e, v) {
					t.Fatal("a token value is in the database")
				}
				// What is stored instead, which also shows the search finds what is there.
				if !databaseContains(t, e, access.HashAPIToken(salt(t, e), v)) {
					t.Fatal("the token's hash is not in the database")
				}
				if strings.Contains(e.Logs.String(), v) {
					t.Fatal("a token value is in the log")
				}
			}
		})
	})
}

// salt is the API-token salt of a test server (the development one, kept in its database).
func salt(t *testing.T, e *apitest.Env) string {
	t.Helper()
	s, err := access.APITokenSalt(t.Context(), e.Store, e.Config.APITokenSalt, false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// databaseContains reports whether value appears anywhere in e's database: in any row of
// any table on PostgreSQL, in the database files on SQLite.
func databaseContains(t *testing.T, e *apitest.Env, value string) bool {
	t.Helper()
	if e.Config.DatabaseURL == "" {
		found := false
		for _, suffix := range []string{"", "-wal", "-shm"} {
			b, err := os.ReadFile(e.Config.DatabaseFilename + suffix)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			found = found || bytes.Contains(b, []byte(value))
		}
		return found
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, e.Config.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(tables) < 5 {
		t.Fatalf("tables %v: %v", tables, err)
	}
	for _, table := range tables {
		var n int
		q := `SELECT count(*) FROM ` + pgx.Identifier{table}.Sanitize() + ` t WHERE strpos(t::text, $1) > 0`
		if err := conn.QueryRow(ctx, q, value).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// TestAPITokenLastUsed: a token's last use is recorded, at most once a minute, so a token
// used by every request does not write on every request.
func TestAPITokenLastUsed(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		tokens := e.App.Tokens
		row, value, err := tokens.Create(t.Context(), access.APITokenInput{Name: "ci", Type: access.TokenReadOnly})
		if err != nil {
			t.Fatal(err)
		}
		if row.LastUsedAt != nil {
			t.Fatal("a new token has a last use")
		}
		t0 := time.Now().UTC().Truncate(time.Millisecond)
		lastUsed := func() time.Time {
			t.Helper()
			r, err := e.Store.Q.GetAPIToken(t.Context(), row.ID)
			if err != nil || r.LastUsedAt == nil {
				t.Fatalf("last use: %v %v", r.LastUsedAt, err)
			}
			return r.LastUsedAt.UTC()
		}
		for _, step := range []struct {
			at   time.Duration
			want time.Duration
		}{{0, 0}, {30 * time.Second, 0}, {59 * time.Second, 0}, {61 * time.Second, 61 * time.Second}, {90 * time.Second, 61 * time.Second}} {
			at := t0.Add(step.at)
			acts, err := tokens.WithClock(func() time.Time { return at }).Authenticate(t.Context(), value)
			if err != nil || acts == nil || !acts.Has(up+"user.find") || acts.Has(up+"user.count") {
				t.Fatalf("at %v: %+v %v", step.at, acts, err)
			}
			if got := lastUsed(); !got.Equal(t0.Add(step.want)) {
				t.Fatalf("at %v: last used %v, want %v", step.at, got.Sub(t0), step.want)
			}
		}
	})
}
