package strapidb_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

func TestMain(m *testing.M) {
	code := m.Run()
	apitest.DropTemplate()
	os.Exit(code)
}

type importedUser struct {
	ID                               int64
	DocumentID, Username, Email      string
	Provider, Password, ResetHash    string
	ConfirmHash, RoleType            string
	Confirmed, Blocked               bool
	ResetExpires, ConfirmExpiresNull bool
}

func readImported(t *testing.T, raw *sql.DB) map[string]importedUser {
	t.Helper()
	rows, err := raw.Query(`SELECT u.id, u.document_id, u.username, u.email, u.provider, COALESCE(u.password, ''),
		COALESCE(u.reset_password_token_hash, ''), COALESCE(u.confirmation_token_hash, ''), COALESCE(r.type, ''),
		u.confirmed, u.blocked, u.reset_password_expires_at IS NOT NULL, u.confirmation_expires_at IS NULL
		FROM up_users u LEFT JOIN up_roles r ON r.id = u.role_id ORDER BY u.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]importedUser{}
	for rows.Next() {
		var u importedUser
		if err := rows.Scan(&u.ID, &u.DocumentID, &u.Username, &u.Email, &u.Provider, &u.Password, &u.ResetHash,
			&u.ConfirmHash, &u.RoleType, &u.Confirmed, &u.Blocked, &u.ResetExpires, &u.ConfirmExpiresNull); err != nil {
			t.Fatal(err)
		}
		out[u.Username] = u
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func roleActions(t *testing.T, raw *sql.DB, typ string) []string {
	t.Helper()
	rows, err := raw.Query(`SELECT p.action FROM up_permissions p JOIN up_roles r ON r.id = p.role_id
		WHERE r.type = '` + typ + `' ORDER BY p.action`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// snapshot summarizes the target's data, to check that a refused or failed import changed nothing.
func snapshot(t *testing.T, raw *sql.DB) [4]int64 {
	t.Helper()
	var s [4]int64
	err := raw.QueryRow(`SELECT (SELECT count(*) FROM up_users), (SELECT count(*) FROM up_roles),
		(SELECT count(*) FROM up_permissions), (SELECT COALESCE(sum(perm_version), 0) FROM up_roles)`).Scan(&s[0], &s[1], &s[2], &s[3])
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sqliteFixture() string { return filepath.Join("testdata", "strapi5-sqlite.db") }

// copySQLite copies the SQLite fixture to a temporary file and runs stmts on the copy.
func copySQLite(t *testing.T, stmts ...string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "strapi.db")
	in, err := os.Open(sqliteFixture())
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	d, err := sql.Open("sqlite", "file:"+dst)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, s := range stmts {
		if _, err := d.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return dst
}

func TestImport(t *testing.T) {
	m := loadManifest(t)
	sources := []struct {
		engine string
		open   func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return sqliteFixture() }},
		{"postgres", func(t *testing.T) string {
			base := os.Getenv("TEST_DATABASE_URL")
			if base == "" {
				t.Skip("TEST_DATABASE_URL not set")
			}
			return loadPostgresDump(t, base, filepath.Join("testdata", "strapi5-postgres.sql"))
		}},
	}
	for _, sc := range sources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			want := m.Engines[sc.engine]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				ctx := context.Background()
				src, err := strapidb.Open(ctx, sc.open(t))
				if err != nil {
					t.Fatal(err)
				}
				defer src.Close()
				st, raw := apitest.OpenStore(t, engine)
				now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
				opts := strapidb.ImportOptions{Now: now, ResetTTL: time.Hour, ConfirmTTL: 24 * time.Hour}
				rep, err := strapidb.Import(ctx, src, st, opts)
				if err != nil {
					t.Fatal(err)
				}
				if want := (strapidb.Count{Created: 1, Updated: 2}); rep.Roles != want {
					t.Errorf("roles: %+v, want %+v", rep.Roles, want)
				}
				if want := (strapidb.Count{Created: len(want.Users)}); rep.Users != want {
					t.Errorf("users: %+v, want %+v", rep.Users, want)
				}
				if rep.Rerun || rep.DryRun || rep.Mode != strapidb.MergeNone || len(rep.Conflicts) != 0 {
					t.Errorf("report: rerun %v, dry run %v, mode %q, conflicts %v", rep.Rerun, rep.DryRun, rep.Mode, rep.Conflicts)
				}

				roleType := map[int64]string{}
				for _, r := range want.Roles {
					roleType[r.ID] = r.Type
				}
				users := readImported(t, raw)
				if len(users) != len(want.Users) {
					t.Errorf("%d users imported, want %d", len(users), len(want.Users))
				}
				for _, w := range want.Users {
					u, ok := users[w.Username]
					if !ok {
						t.Errorf("user %s not imported", w.Username)
						continue
					}
					g := [7]any{u.ID, u.DocumentID, u.Email, u.Provider, u.Confirmed, u.Blocked, u.RoleType}
					e := [7]any{w.ID, w.DocumentID, w.Email, w.Provider, w.Confirmed, w.Blocked, roleType[w.RoleID]}
					if g != e {
						t.Errorf("user %s = %v, want %v", w.Username, g, e)
					}
					if w.ResetPasswordToken != nil {
						sum := sha256.Sum256([]byte(*w.ResetPasswordToken))
						if u.ResetHash != hex.EncodeToString(sum[:]) || !u.ResetExpires {
							t.Errorf("user %s: reset hash %q (expiry set %v), want the code's sha256", w.Username, u.ResetHash, u.ResetExpires)
						}
					}
					if w.ConfirmationToken != nil {
						sum := sha256.Sum256([]byte(*w.ConfirmationToken))
						if u.ConfirmHash != hex.EncodeToString(sum[:]) || u.ConfirmExpiresNull {
							t.Errorf("user %s: confirmation hash %q, want the token's sha256", w.Username, u.ConfirmHash)
						}
					}
					if w.Username == "alice" {
						if w.PasswordHash == nil || u.Password != *w.PasswordHash {
							t.Errorf("alice's password hash = %q, want the source's", u.Password)
						}
						if err := bcrypt.CompareHashAndPassword([]byte(u.Password), []byte("Alice-Pass-123")); err != nil {
							t.Errorf("alice's password: %v", err)
						}
					}
				}
				if d := users["dave"]; d.ResetHash == "" {
					t.Error("dave has no reset code")
				}
				for _, r := range want.Roles {
					if got := roleActions(t, raw, r.Type); !reflect.DeepEqual(got, r.Permissions) {
						t.Errorf("role %s actions = %v, want %v", r.Type, got, r.Permissions)
					}
				}
				if got := roleActions(t, raw, "race-organizer"); len(got) != 4 {
					t.Errorf("race-organizer has %d actions, want 4", len(got))
				}

				// The id sequences continue after the imported ids.
				err = st.InTx(ctx, func(q store.Querier) error {
					u, err := q.CreateUser(ctx, db.CreateUserParams{DocumentID: store.NewDocumentID(), Username: "new",
						Email: "new@example.com", Provider: "local", Now: now})
					if err != nil {
						return err
					}
					if u.ID <= int64(len(want.Users)) {
						t.Errorf("new user id %d collides with the imported ids", u.ID)
					}
					r, err := q.CreateRole(ctx, db.CreateRoleParams{DocumentID: store.NewDocumentID(), Name: "N", Type: "new", Now: now})
					if err != nil {
						return err
					}
					if r.ID <= 3 {
						t.Errorf("new role id %d collides with the imported ids", r.ID)
					}
					return errors.New("rollback")
				})
				if err == nil || err.Error() != "rollback" {
					t.Fatalf("insert after import: %v", err)
				}

				// A second import is a re-run: it changes nothing.
				dump := dumpTarget(t, raw)
				rep, err = strapidb.Import(ctx, src, st, opts)
				if err != nil {
					t.Fatalf("second import: %v", err)
				}
				if !rep.Rerun || rep.Users != (strapidb.Count{Unchanged: len(want.Users)}) || rep.Roles != (strapidb.Count{Unchanged: 3}) || rep.Permissions != 0 {
					t.Errorf("second import: rerun %v, users %+v, roles %+v, permissions %d", rep.Rerun, rep.Users, rep.Roles, rep.Permissions)
				}
				if after := dumpTarget(t, raw); after != dump {
					t.Errorf("second import changed the target:\n%s", lineDiff(dump, after))
				}
			})
		})
	}
}

func TestImportAllOrNothing(t *testing.T) {
	// erin's email differs from alice's only by case: the target's case-insensitive unique
	// index refuses it after roles and users 1-3 are in.
	path := copySQLite(t, `UPDATE up_users SET email = 'ALICE@race.example' WHERE username = 'erin'`)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src, err := strapidb.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		st, raw := apitest.OpenStore(t, engine)
		before := snapshot(t, raw)
		_, err = strapidb.Import(ctx, src, st, strapidb.ImportOptions{ResetTTL: time.Hour, ConfirmTTL: time.Hour})
		if err == nil {
			t.Fatal("import of a source with a duplicate email succeeded")
		}
		if !strings.Contains(err.Error(), `import user 4 "erin"`) {
			t.Errorf("error = %v, want the insert of erin to fail", err)
		}
		if after := snapshot(t, raw); after != before {
			t.Errorf("failed import changed the target: %v -> %v", before, after)
		}
		if got := roleActions(t, raw, "race-organizer"); len(got) != 0 {
			t.Errorf("race-organizer imported by a failed import: %v", got)
		}
	})
}

func TestImportNeedsTTLs(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src, err := strapidb.Open(ctx, sqliteFixture())
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		st, raw := apitest.OpenStore(t, engine)
		before := snapshot(t, raw)
		for _, o := range []strapidb.ImportOptions{{ConfirmTTL: time.Hour}, {ResetTTL: time.Hour}} {
			if _, err := strapidb.Import(ctx, src, st, o); err == nil {
				t.Errorf("Import(%+v) succeeded, want an error for the missing TTL", o)
			}
		}
		if after := snapshot(t, raw); after != before {
			t.Errorf("refused import changed the target: %v -> %v", before, after)
		}
	})
}

// dumpTargetTables are the tables an import writes.
var dumpTargetTables = []string{"up_roles", "up_permissions", "up_users", "api_tokens", "up_sessions", "core_store", "up_user_fields"}

// dumpTarget prints every row of the tables an import writes, to tell whether an import
// changed anything at all.
func dumpTarget(t *testing.T, raw *sql.DB) string {
	t.Helper()
	return apitest.DumpTables(t, raw, dumpTargetTables...)
}

// lineDiff shows how two dumps differ.
func lineDiff(a, b string) string { return apitest.LineDiff(a, b) }
