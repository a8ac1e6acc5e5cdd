package strapidb_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// fixtureSources are the two fixtures, each opened as a path or URL for strapidb.Open.
var fixtureSources = []struct {
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

// fixtureFields is the declaration of the fixture's custom fields (testdata/user-fields.json).
func fixtureFields(t *testing.T) *profile.Schema {
	t.Helper()
	s, err := profile.Load(filepath.Join("testdata", "user-fields.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func openSource(t *testing.T, path string) *strapidb.Source {
	t.Helper()
	src, err := strapidb.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

func fieldsImportOpts(fields *profile.Schema) strapidb.ImportOptions {
	return strapidb.ImportOptions{Now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC), ResetTTL: time.Hour,
		ConfirmTTL: 24 * time.Hour, Fields: fields}
}

// profiles reads every user's stored custom values, decoded (numbers as float64), by username.
func profiles(t *testing.T, raw *sql.DB) map[string]map[string]any {
	t.Helper()
	rows, err := raw.Query(`SELECT username, profile FROM up_users ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]map[string]any{}
	for rows.Next() {
		var (
			name string
			p    sql.NullString
		)
		if err := rows.Scan(&name, &p); err != nil {
			t.Fatal(err)
		}
		vals := map[string]any{}
		if p.Valid {
			if err := json.Unmarshal([]byte(p.String), &vals); err != nil {
				t.Fatalf("%s's profile %q: %v", name, p.String, err)
			}
		}
		out[name] = vals
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wantCustom is the manifest's values of a user without its NULLs (stored as absent).
func wantCustom(custom map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range custom {
		if v != nil {
			out[k] = v
		}
	}
	return out
}

func TestImportFields(t *testing.T) {
	m := loadManifest(t)
	fields := fixtureFields(t)
	for _, sc := range fixtureSources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			want := m.Engines[sc.engine]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				ctx := context.Background()
				src := openSource(t, sc.open(t))
				st, raw := apitest.OpenStore(t, engine)
				rep, err := strapidb.Import(ctx, src, st, fieldsImportOpts(fields))
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range rep.Skipped {
					if strings.HasPrefix(s.What, "user") {
						t.Errorf("skipped %+v, want every custom value imported", s)
					}
				}
				got := profiles(t, raw)
				for _, u := range want.Users {
					// JSON types included: newsletter a boolean, weightKg a number, birthDate a string.
					if w := wantCustom(u.Custom); !reflect.DeepEqual(got[u.Username], w) {
						t.Errorf("%s's fields = %#v, want %#v", u.Username, got[u.Username], w)
					}
				}
				// The unique field's index can be made on what was imported (at the next start).
				if err := st.SyncProfile(ctx, storeFields(fields), time.Now()); err != nil {
					t.Errorf("SyncProfile after the import: %v", err)
				}

				dump := dumpTarget(t, raw)
				rep, err = strapidb.Import(ctx, src, st, fieldsImportOpts(fields))
				if err != nil {
					t.Fatal(err)
				}
				if rep.Users != (strapidb.Count{Unchanged: len(want.Users)}) {
					t.Errorf("re-run: users %+v, want all unchanged", rep.Users)
				}
				if after := dumpTarget(t, raw); after != dump {
					t.Errorf("re-run changed the target:\n%s", lineDiff(dump, after))
				}
			})
		})
	}
}

// storeFields is the declaration as store.SyncProfile takes it (as internal/app gives it).
func storeFields(s *profile.Schema) []store.ProfileField {
	out := make([]store.ProfileField, len(s.Fields))
	for i := range s.Fields {
		f := &s.Fields[i]
		out[i] = store.ProfileField{Name: f.Name, Type: string(f.Type), Unique: f.Unique, Accepts: func(v any) bool {
			_, fe := f.Check(v)
			return fe == nil
		}}
	}
	return out
}

func TestImportFieldsUndeclared(t *testing.T) {
	m := loadManifest(t)
	fields, err := profile.Parse([]byte(`{"attributes": {"firstName": {"type": "string"}, "newsletter": {"type": "boolean"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	// Users with a value (not NULL) in each column no field is declared for.
	wantSkipped := map[string]int{}
	for _, u := range m.Engines["sqlite"].Users {
		for name, v := range u.Custom {
			if name == "firstName" || name == "newsletter" {
				continue
			}
			col := m.CustomFields[name].Column
			if _, ok := wantSkipped[col]; !ok {
				wantSkipped[col] = 0
			}
			if v != nil {
				wantSkipped[col]++
			}
		}
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, sqliteFixture())
		st, raw := apitest.OpenStore(t, engine)
		rep, err := strapidb.Import(ctx, src, st, fieldsImportOpts(fields))
		if err != nil {
			t.Fatal(err)
		}
		gotSkipped := map[string]int{}
		for _, s := range rep.Skipped {
			if col, ok := strings.CutPrefix(s.What, "user column "); ok {
				gotSkipped[col] = s.Count
			}
		}
		if !reflect.DeepEqual(gotSkipped, wantSkipped) {
			t.Errorf("skipped columns %v, want %v", gotSkipped, wantSkipped)
		}
		got := profiles(t, raw)
		if w := map[string]any{"firstName": "Alice", "newsletter": true}; !reflect.DeepEqual(got["alice"], w) {
			t.Errorf("alice's fields = %v, want %v", got["alice"], w)
		}
	})
}

func TestImportFieldsRefused(t *testing.T) {
	// bob's category is not one of the enumeration's; oscar's license number is alice's,
	// and the field is unique.
	path := copySQLite(t, `UPDATE up_users SET category = 'pro' WHERE username = 'bob'`,
		`UPDATE up_users SET license_number = 'LIC-0001' WHERE username = 'oscar'`)
	m := loadManifest(t)
	fields := fixtureFields(t)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, path)
		st, raw := apitest.OpenStore(t, engine)
		rep, err := strapidb.Import(ctx, src, st, fieldsImportOpts(fields))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Users.Created != len(m.Engines["sqlite"].Users) {
			t.Errorf("users %+v, want all created", rep.Users)
		}
		refused := map[string]string{}
		for _, s := range rep.Skipped {
			if strings.HasPrefix(s.What, "user ") && !strings.HasPrefix(s.What, "user column") {
				refused[s.What] = s.Why
			}
		}
		if len(refused) != 2 || !strings.Contains(refused[`user 2 "bob": value of category`], "must be one of the following values") ||
			!strings.Contains(refused[`user 7 "oscar": value of licenseNumber`], "user 1 has the same value") {
			t.Errorf("refused values: %v", refused)
		}
		got := profiles(t, raw)
		for _, u := range m.Engines["sqlite"].Users {
			w := wantCustom(u.Custom)
			switch u.Username {
			case "bob":
				delete(w, "category")
			case "oscar":
				delete(w, "licenseNumber")
			}
			if !reflect.DeepEqual(got[u.Username], w) {
				t.Errorf("%s's fields = %v, want %v", u.Username, got[u.Username], w)
			}
		}
		if err := st.SyncProfile(ctx, storeFields(fields), time.Now()); err != nil {
			t.Errorf("SyncProfile after the import: %v", err)
		}
	})
}

// TestImportFieldsUniqueInTarget: a merge refuses a unique value a user of the target holds
// (its unique index would otherwise abort the whole import).
func TestImportFieldsUniqueInTarget(t *testing.T) {
	fields := fixtureFields(t)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, sqliteFixture())
		st, raw := apitest.OpenStore(t, engine)
		if err := st.SyncProfile(ctx, storeFields(fields), time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO up_users (id, document_id, username, email, provider, confirmed, blocked, profile, created_at, updated_at, published_at)
			VALUES (100, 'target-user-document-id0', 'zed', 'zed@example.com', 'local', true, false, '{"licenseNumber":"LIC-0002"}',
			CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`); err != nil {
			t.Fatal(err)
		}
		rep, err := strapidb.Import(ctx, src, st, strapidb.ImportOptions{Merge: strapidb.MergeSkip, ResetTTL: time.Hour,
			ConfirmTTL: time.Hour, Fields: fields})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range rep.Skipped {
			if s.What == `user 2 "bob": value of licenseNumber` && strings.Contains(s.Why, "user 100") {
				found = true
			}
		}
		if !found {
			t.Errorf("bob's license number (zed's) not reported: %+v", rep.Skipped)
		}
		if got := profiles(t, raw)["bob"]; got["licenseNumber"] != nil || got["club"] != "Mud Riders" {
			t.Errorf("bob's fields = %v", got)
		}
	})
}
