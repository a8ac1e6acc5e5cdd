package strapidb_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite"

	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

type manifest struct {
	CustomFields map[string]struct {
		Type   string `json:"type"`
		Column string `json:"column"`
	} `json:"customFields"`
	Settings map[string]json.RawMessage `json:"settings"`
	Engines  map[string]struct {
		Users []struct {
			ID                 int64          `json:"id"`
			DocumentID         string         `json:"documentId"`
			Username           string         `json:"username"`
			Email              string         `json:"email"`
			Provider           string         `json:"provider"`
			PasswordHash       *string        `json:"passwordHash"`
			Confirmed          bool           `json:"confirmed"`
			Blocked            bool           `json:"blocked"`
			RoleID             int64          `json:"roleId"`
			ResetPasswordToken *string        `json:"resetPasswordToken"`
			ConfirmationToken  *string        `json:"confirmationToken"`
			CreatedAt          time.Time      `json:"createdAt"`
			UpdatedAt          time.Time      `json:"updatedAt"`
			PublishedAt        time.Time      `json:"publishedAt"`
			Custom             map[string]any `json:"custom"`
		} `json:"users"`
		Roles []struct {
			ID          int64    `json:"id"`
			DocumentID  string   `json:"documentId"`
			Name        string   `json:"name"`
			Description string   `json:"description"`
			Type        string   `json:"type"`
			Permissions []string `json:"permissions"`
		} `json:"roles"`
		APITokens []struct {
			ID            int64      `json:"id"`
			DocumentID    string     `json:"documentId"`
			Name          string     `json:"name"`
			Description   string     `json:"description"`
			Kind          string     `json:"kind"`
			Type          string     `json:"type"`
			AccessKeyHash string     `json:"accessKeyHash"`
			EncryptedKey  string     `json:"encryptedKey"`
			Lifespan      *int64     `json:"lifespan"`
			ExpiresAt     *time.Time `json:"expiresAt"`
			LastUsedAt    *time.Time `json:"lastUsedAt"`
			Permissions   []string   `json:"permissions"`
		} `json:"apiTokens"`
		Sessions []struct {
			ID                int64     `json:"id"`
			DocumentID        string    `json:"documentId"`
			UserID            string    `json:"userId"`
			SessionID         string    `json:"sessionId"`
			ChildID           *string   `json:"childId"`
			DeviceID          string    `json:"deviceId"`
			Type              string    `json:"type"`
			Status            string    `json:"status"`
			ExpiresAt         time.Time `json:"expiresAt"`
			AbsoluteExpiresAt time.Time `json:"absoluteExpiresAt"`
			CreatedAt         time.Time `json:"createdAt"`
			Metadata          struct {
				LoginAt time.Time `json:"loginAt"`
			} `json:"metadata"`
		} `json:"sessions"`
	} `json:"engines"`
}

func loadManifest(t *testing.T) manifest { return readManifest[manifest](t) }

// readManifest decodes testdata/manifest.json into T: each test reads the part it needs.
func readManifest[T any](t *testing.T) T {
	t.Helper()
	var m T
	b, err := os.ReadFile(filepath.Join("testdata", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSQLiteFixture(t *testing.T) {
	checkSource(t, filepath.Join("testdata", "strapi5-sqlite.db"), "sqlite")
}

func TestPostgresFixture(t *testing.T) {
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	checkSource(t, loadPostgresDump(t, base, filepath.Join("testdata", "strapi5-postgres.sql")), "postgres")
}

func eqStrp(a, b *string) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func checkSource(t *testing.T, source, engine string) {
	ctx := context.Background()
	m := loadManifest(t)
	want := m.Engines[engine]
	src, err := strapidb.Open(ctx, source)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = src.Close() })
	if src.Engine() != engine {
		t.Errorf("Engine() = %q, want %q", src.Engine(), engine)
	}

	t.Run("users", func(t *testing.T) {
		users, err := src.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(users) != len(want.Users) {
			t.Fatalf("%d users, want %d", len(users), len(want.Users))
		}
		for i, w := range want.Users {
			g := users[i]
			t.Run(w.Username, func(t *testing.T) {
				if g.ID != w.ID || g.DocumentID != w.DocumentID || g.Username != w.Username || g.Email != w.Email ||
					g.Provider != w.Provider || g.Confirmed != w.Confirmed || g.Blocked != w.Blocked {
					t.Errorf("got %+v, want %+v", g, w)
				}
				if !eqStrp(g.Password, w.PasswordHash) || !eqStrp(g.ResetPasswordToken, w.ResetPasswordToken) ||
					!eqStrp(g.ConfirmationToken, w.ConfirmationToken) {
					t.Errorf("password/tokens: got %v %v %v, want %v %v %v", g.Password, g.ResetPasswordToken,
						g.ConfirmationToken, w.PasswordHash, w.ResetPasswordToken, w.ConfirmationToken)
				}
				if g.RoleID == nil || *g.RoleID != w.RoleID {
					t.Errorf("role id %v, want %d", g.RoleID, w.RoleID)
				}
				for name, p := range map[string][2]time.Time{"createdAt": {g.CreatedAt, w.CreatedAt},
					"updatedAt": {g.UpdatedAt, w.UpdatedAt}, "publishedAt": {g.PublishedAt, w.PublishedAt}} {
					if !p[0].Equal(p[1]) || p[0].Location() != time.UTC {
						t.Errorf("%s = %v, want %v", name, p[0], p[1])
					}
				}
				if len(g.Custom) != len(m.CustomFields) {
					t.Errorf("custom columns %v, want %d", g.Custom, len(m.CustomFields))
				}
				for field, def := range m.CustomFields {
					got, ok := g.Custom[def.Column]
					if !ok {
						t.Errorf("custom column %s missing", def.Column)
						continue
					}
					if norm := customValue(t, def.Type, got); !reflect.DeepEqual(norm, w.Custom[field]) {
						t.Errorf("custom %s = %#v (%#v), want %#v", field, got, norm, w.Custom[field])
					}
				}
			})
		}
	})

	t.Run("roles", func(t *testing.T) {
		roles, err := src.Roles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(roles) != len(want.Roles) {
			t.Fatalf("%d roles, want %d", len(roles), len(want.Roles))
		}
		for i, w := range want.Roles {
			g := roles[i]
			t.Run(w.Type, func(t *testing.T) {
				wp := append([]string{}, w.Permissions...)
				sort.Strings(wp)
				if g.ID != w.ID || g.DocumentID != w.DocumentID || g.Name != w.Name || g.Description != w.Description ||
					g.Type != w.Type || !reflect.DeepEqual(g.Actions, wp) {
					t.Errorf("got %+v, want %+v", g, w)
				}
				if g.CreatedAt.IsZero() || g.UpdatedAt.IsZero() || g.PublishedAt.IsZero() {
					t.Errorf("zero timestamps: %+v", g)
				}
			})
		}
	})

	t.Run("settings", func(t *testing.T) {
		got, err := src.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Errorf("%d settings, want 3: %v", len(got), got)
		}
		for _, k := range []string{"advanced", "email", "grant"} {
			var g, w any
			if err := json.Unmarshal([]byte(got["plugin_users-permissions_"+k]), &g); err != nil {
				t.Errorf("%s: %v", k, err)
			}
			_ = json.Unmarshal(m.Settings[k], &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s = %v, want %v", k, g, w)
			}
		}
	})

	t.Run("api tokens", func(t *testing.T) {
		toks, err := src.APITokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(toks) != len(want.APITokens) {
			t.Fatalf("%d tokens, want %d", len(toks), len(want.APITokens))
		}
		for i, w := range want.APITokens {
			g := toks[i]
			t.Run(w.Name, func(t *testing.T) {
				wp := append([]string{}, w.Permissions...)
				sort.Strings(wp)
				if g.ID != w.ID || g.DocumentID != w.DocumentID || g.Name != w.Name || g.Description != w.Description ||
					g.Kind != w.Kind || g.Type != w.Type || g.AccessKey != w.AccessKeyHash ||
					g.EncryptedKey == nil || *g.EncryptedKey != w.EncryptedKey || !reflect.DeepEqual(g.Actions, wp) {
					t.Errorf("got %+v, want %+v", g, w)
				}
				if (g.Lifespan == nil) != (w.Lifespan == nil) || (g.Lifespan != nil && *g.Lifespan != *w.Lifespan) {
					t.Errorf("lifespan %v, want %v", g.Lifespan, w.Lifespan)
				}
				for name, p := range map[string][2]*time.Time{"expiresAt": {g.ExpiresAt, w.ExpiresAt}, "lastUsedAt": {g.LastUsedAt, w.LastUsedAt}} {
					if (p[0] == nil) != (p[1] == nil) || (p[0] != nil && !p[0].Equal(*p[1])) {
						t.Errorf("%s = %v, want %v", name, p[0], p[1])
					}
				}
				if g.CreatedAt.IsZero() || g.UpdatedAt.IsZero() {
					t.Errorf("zero timestamps: %+v", g)
				}
			})
		}
	})

	t.Run("sessions", func(t *testing.T) {
		ss, err := src.Sessions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != len(want.Sessions) {
			t.Fatalf("%d sessions, want %d", len(ss), len(want.Sessions))
		}
		for i, w := range want.Sessions {
			g := ss[i]
			t.Run(w.DeviceID, func(t *testing.T) {
				if g.ID != w.ID || g.DocumentID != w.DocumentID || strconv.FormatInt(g.UserID, 10) != w.UserID ||
					g.SessionID != w.SessionID || !eqStrp(g.ChildID, w.ChildID) || g.DeviceID != w.DeviceID ||
					g.Type != w.Type || g.Status != w.Status || !g.ExpiresAt.Equal(w.ExpiresAt) ||
					!g.AbsoluteExpiresAt.Equal(w.AbsoluteExpiresAt) || !g.CreatedAt.Equal(w.CreatedAt) ||
					!g.LoginAt.Equal(w.Metadata.LoginAt) || g.DeviceName != "" {
					t.Errorf("got %+v, want %+v", g, w)
				}
			})
		}
	})
}

// customValue maps a raw Custom value to the manifest's JSON representation by field type.
func customValue(t *testing.T, typ string, v any) any {
	t.Helper()
	if v == nil {
		return nil
	}
	switch typ {
	case "boolean":
		switch x := v.(type) {
		case bool:
			return x
		case int64:
			return x != 0
		}
	case "decimal":
		switch x := v.(type) {
		case float64:
			return x
		case string:
			f, err := strconv.ParseFloat(x, 64)
			if err != nil {
				t.Errorf("decimal %q: %v", x, err)
			}
			return f
		}
	default:
		if s, ok := v.(string); ok {
			return s
		}
	}
	t.Errorf("custom %s value %#v (%T): unexpected kind", typ, v, v)
	return v
}

func TestParseTime(t *testing.T) {
	want := time.Date(2026, 12, 5, 6, 17, 15, 769e6, time.UTC)
	for _, tc := range []struct {
		name string
		in   any
		want time.Time
	}{
		{"nil", nil, time.Time{}},
		{"sqlite ms", int64(1796451435769), want},
		{"ms string", "1796451435769", want},
		{"float ms", float64(1796451435769), want},
		{"pg text", "2026-12-05 06:17:15.769", want},
		{"iso", "2026-12-05T06:17:15.769Z", want},
		{"offset", "2026-12-05T07:17:15.769+01:00", want},
		{"bytes", []byte("2026-12-05 06:17:15.769"), want},
		{"time in other zone", want.In(time.FixedZone("x", 3600)), want},
		{"date", "2026-12-05", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := strapidb.ParseTime(tc.in)
			if err != nil || !got.Equal(tc.want) || (!got.IsZero() && got.Location() != time.UTC) {
				t.Errorf("ParseTime(%v) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
	if _, err := strapidb.ParseTime("yesterday"); err == nil {
		t.Error("ParseTime(yesterday): no error")
	}
}

func makeSQLite(t *testing.T, stmts ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "db.sqlite")
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestOpenBadSources(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("hello, this is not a database at all\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	other := makeSQLite(t, `CREATE TABLE things (id integer primary key, name text)`)
	v4 := makeSQLite(t,
		`CREATE TABLE up_users (id integer primary key, username varchar(255), email varchar(255), created_at datetime)`,
		`CREATE TABLE up_users_role_links (id integer primary key, user_id integer, role_id integer)`,
		`CREATE TABLE up_roles (id integer primary key, name varchar(255))`,
		`CREATE TABLE strapi_core_store_settings (id integer primary key, key varchar(255), value text)`)
	for _, tc := range []struct {
		name, source string
		is           error
		contains     string
	}{
		{"missing file", filepath.Join(dir, "nope.db"), os.ErrNotExist, "nope.db"},
		{"text file", text, strapidb.ErrNotDatabase, "not a SQLite file"},
		{"empty file", empty, strapidb.ErrNotDatabase, "empty"},
		{"directory", dir, strapidb.ErrNotDatabase, "directory"},
		{"not strapi", other, strapidb.ErrNotStrapi, "not a Strapi database"},
		{"strapi 4", v4, strapidb.ErrStrapi4, "a Strapi 4 database: upgrade it to Strapi 5 first"},
		{"unreachable postgres", "postgres://admin:s3cretPw@127.0.0.1:1/strapi?sslmode=disable&connect_timeout=5", strapidb.ErrConnect, "127.0.0.1:1"},
		{"bad postgres url", "postgresql://admin:s3cretPw@[::1/strapi", strapidb.ErrBadURL, "invalid PostgreSQL URL"},
		{"postgres database missing", "", strapidb.ErrConnect, "does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.source == "" {
				base := os.Getenv("TEST_DATABASE_URL")
				if base == "" {
					t.Skip("TEST_DATABASE_URL not set")
				}
				u, err := url.Parse(base)
				if err != nil {
					t.Fatal(err)
				}
				u.Path = "/strapidb_missing_database"
				tc.source = u.String()
			}
			src, err := strapidb.Open(context.Background(), tc.source)
			if err == nil {
				_ = src.Close()
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %q does not contain %q", err, tc.contains)
			}
			if strings.Contains(err.Error(), "s3cretPw") {
				t.Errorf("error %q shows the password", err)
			}
		})
	}
}

// loadPostgresDump creates a fresh database next to base's, loads the plain pg_dump file into it
// without psql (SQL via the simple protocol, COPY blocks via CopyFrom) and returns its URL.
func loadPostgresDump(t testing.TB, base, dump string) string {
	t.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to TEST_DATABASE_URL: %v", err)
	}
	defer admin.Close(ctx)
	rnd := make([]byte, 6)
	_, _ = rand.Read(rnd)
	name := "strapidb_" + hex.EncodeToString(rnd)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	f, err := os.Open(dump)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var sqlBuf strings.Builder
	flush := func() {
		if strings.TrimSpace(sqlBuf.String()) == "" {
			sqlBuf.Reset()
			return
		}
		if err := conn.PgConn().Exec(ctx, sqlBuf.String()).Close(); err != nil {
			t.Fatalf("load %s: %v", dump, err)
		}
		sqlBuf.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, `\restrict`), strings.HasPrefix(line, `\unrestrict`):
			continue
		case strings.HasPrefix(line, "COPY ") && strings.HasSuffix(line, "FROM stdin;"):
			flush()
			var data bytes.Buffer
			done := false
			for sc.Scan() {
				if sc.Text() == `\.` {
					done = true
					break
				}
				data.WriteString(sc.Text())
				data.WriteByte('\n')
			}
			if !done {
				t.Fatalf("load %s: unterminated %s", dump, line)
			}
			if _, err := conn.PgConn().CopyFrom(ctx, &data, strings.TrimSuffix(line, ";")); err != nil {
				t.Fatalf("load %s: %s: %v", dump, line, err)
			}
		case strings.HasPrefix(line, `\`):
			t.Fatalf("load %s: unsupported psql meta-command %q", dump, line)
		default:
			sqlBuf.WriteString(line)
			sqlBuf.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return u.String()
}
