package strapidb_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// storedSetting reads a core_store value of the target, decoded.
func storedSetting(t *testing.T, raw *sql.DB, key string) map[string]any {
	t.Helper()
	var v string
	if err := raw.QueryRow(`SELECT value FROM core_store WHERE key = '` + key + `'`).Scan(&v); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return out
}

func decodeRaw(t *testing.T, raw json.RawMessage) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkImportedSettings checks the target's settings against the manifest's (Strapi's), as
// the service stores them.
func checkImportedSettings(t *testing.T, m manifest, raw *sql.DB) {
	t.Helper()
	adv := storedSetting(t, raw, "plugin_users-permissions_advanced")
	if want := decodeRaw(t, m.Settings["advanced"]); !reflect.DeepEqual(adv, want) {
		t.Errorf("advanced = %v, want %v", adv, want)
	}
	email := storedSetting(t, raw, "plugin_users-permissions_email")
	wantEmail := decodeRaw(t, m.Settings["email"])
	for _, name := range []string{"reset_password", "email_confirmation"} {
		if !reflect.DeepEqual(email[name], wantEmail[name]) {
			t.Errorf("email template %s = %v, want %v", name, email[name], wantEmail[name])
		}
	}
	for _, name := range settings.TemplateNames {
		if email[name] == nil {
			t.Errorf("email template %s missing (the service's own templates stay)", name)
		}
	}
	grant := storedSetting(t, raw, "plugin_users-permissions_grant")
	for name, w := range decodeRaw(t, m.Settings["grant"]) {
		got, _ := grant[name].(map[string]any)
		if !oauth.Known(name) {
			if got != nil {
				t.Errorf("provider %s (unknown here) stored: %v", name, got)
			}
			continue
		}
		want := w.(map[string]any)
		for _, k := range []string{"enabled", "icon", "key", "secret", "callback", "scope", "subdomain"} {
			wv, gv := want[k], got[k]
			// The service omits an empty key, secret, callback or subdomain (omitempty).
			if wv == "" {
				wv = nil
			}
			if gv == "" {
				gv = nil
			}
			if !reflect.DeepEqual(gv, wv) {
				t.Errorf("provider %s: %s = %v, want %v", name, k, gv, wv)
			}
		}
	}
}

func TestImportSettings(t *testing.T) {
	m := loadManifest(t)
	for _, sc := range fixtureSources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				ctx := context.Background()
				src := openSource(t, sc.open(t))
				st, raw := apitest.OpenStore(t, engine)
				var progress []int
				opts := fieldsImportOpts(nil)
				opts.Progress = func(stage string, done, total int) {
					if stage == "settings" {
						progress = append(progress, done, total)
					}
				}
				rep, err := strapidb.Import(ctx, src, st, opts)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Settings != (strapidb.Count{Created: 3}) {
					t.Errorf("settings %+v, want 3 created", rep.Settings)
				}
				if want := []int{1, 3, 2, 3, 3, 3}; !reflect.DeepEqual(progress, want) {
					t.Errorf("progress %v, want %v", progress, want)
				}
				checkImportedSettings(t, m, raw)
				// Every provider of the source this service lacks is reported, and no secret is.
				var reported []string
				for _, s := range rep.Skipped {
					if name, ok := strings.CutPrefix(s.What, "provider "); ok {
						reported = append(reported, name)
					}
					if strings.Contains(s.What+s.Why, "gh-client-secret-fixture") {
						t.Errorf("a secret in the report: %+v", s)
					}
				}
				var unknown []string
				for name := range decodeRaw(t, m.Settings["grant"]) {
					if !oauth.Known(name) {
						unknown = append(unknown, name)
					}
				}
				if len(reported) != len(unknown) || len(unknown) == 0 {
					t.Errorf("providers reported %v, want %v", reported, unknown)
				}

				dump := dumpTarget(t, raw)
				rep, err = strapidb.Import(ctx, src, st, fieldsImportOpts(nil))
				if err != nil {
					t.Fatal(err)
				}
				if rep.Settings != (strapidb.Count{Unchanged: 3}) {
					t.Errorf("re-run: settings %+v, want 3 unchanged", rep.Settings)
				}
				if after := dumpTarget(t, raw); after != dump {
					t.Errorf("re-run changed the target:\n%s", lineDiff(dump, after))
				}
			})
		})
	}
}

// TestImportSettingsMerge: a target with users and its own settings keeps them with
// MergeSkip, and takes the source's with MergeUpdate (its own email_change_redirection
// stays: Strapi has no such setting).
func TestImportSettingsMerge(t *testing.T) {
	m := loadManifest(t)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, sqliteFixture())
		st, raw := apitest.OpenStore(t, engine)
		s := settings.New(st, nil)
		if err := s.Init(ctx, map[string]string{"email_reset_password": "https://target.example/reset",
			"email_change_redirection": "https://target.example/changed"}); err != nil {
			t.Fatal(err)
		}
		err := st.InTx(ctx, func(q store.Querier) error {
			_, err := q.CreateUser(ctx, db.CreateUserParams{DocumentID: store.NewDocumentID(), Username: "zed",
				Email: "zed@example.com", Provider: "local", Now: time.Now()})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		before := storedSettings(t, raw)
		rep, err := strapidb.Import(ctx, src, st, strapidb.ImportOptions{Merge: strapidb.MergeSkip, ResetTTL: time.Hour, ConfirmTTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Settings != (strapidb.Count{Unchanged: 3}) {
			t.Errorf("skip: settings %+v, want 3 unchanged", rep.Settings)
		}
		if after := storedSettings(t, raw); after != before {
			t.Errorf("MergeSkip changed the settings:\n%s", lineDiff(before, after))
		}

		rep, err = strapidb.Import(ctx, src, st, strapidb.ImportOptions{Merge: strapidb.MergeUpdate, ResetTTL: time.Hour, ConfirmTTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Settings != (strapidb.Count{Updated: 3}) {
			t.Errorf("update: settings %+v, want 3 updated", rep.Settings)
		}
		adv := storedSetting(t, raw, "plugin_users-permissions_advanced")
		if adv["email_change_redirection"] != "https://target.example/changed" {
			t.Errorf("email_change_redirection = %v, want the target's kept", adv["email_change_redirection"])
		}
		delete(adv, "email_change_redirection")
		if want := decodeRaw(t, m.Settings["advanced"]); !reflect.DeepEqual(adv, want) {
			t.Errorf("advanced = %v, want %v", adv, want)
		}
		got, err := s.Templates(ctx) // as the service reads them
		if err != nil {
			t.Fatal(err)
		}
		if got.ResetPassword.Options.Object != "Reset your Race password" {
			t.Errorf("reset_password subject = %q", got.ResetPassword.Options.Object)
		}
	})
}

// storedSettings prints the core_store rows.
func storedSettings(t *testing.T, raw *sql.DB) string {
	t.Helper()
	rows, err := raw.Query(`SELECT key, value FROM core_store ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		b.WriteString(k + " " + v + "\n")
	}
	return b.String()
}

// TestImportSettingsRefusedTemplate: a template the service refuses is reported and the
// target's kept; the other template is imported.
func TestImportSettingsRefusedTemplate(t *testing.T) {
	path := copySQLite(t, `UPDATE strapi_core_store_settings SET value = replace(value, 'Reset your Race password', 'Reset <%= SECRET %>')
		WHERE key = 'plugin_users-permissions_email'`)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, path)
		st, _ := apitest.OpenStore(t, engine)
		rep, err := strapidb.Import(ctx, src, st, fieldsImportOpts(nil))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range rep.Skipped {
			found = found || s.What == "email template reset_password" && strings.Contains(s.Why, "invalid template")
		}
		if !found {
			t.Errorf("refused template not reported: %+v", rep.Skipped)
		}
		got, err := settings.New(st, nil).Templates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if def := settings.DefaultEmailTemplates(); got.ResetPassword != def.ResetPassword {
			t.Errorf("reset_password = %+v, want the default kept", got.ResetPassword)
		}
		if got.EmailConfirmation.Options.From.Name != "Administration Panel" || got.EmailConfirmation.Options.Object != "Account confirmation" {
			t.Errorf("email_confirmation = %+v", got.EmailConfirmation)
		}
	})
}
