package strapidb_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// TestCutoverFields imports the fixtures into a running service with the fixture's custom
// fields declared (USER_FIELDS_FILE), then uses it over HTTP: alice logs in with her Strapi
// password and sees her custom fields, and the imported advanced settings and template shape
// her reset mail.
func TestCutoverFields(t *testing.T) {
	m := loadManifest(t)
	declared := filepath.Join("testdata", "user-fields.json")
	for _, sc := range fixtureSources {
		t.Run("from-"+sc.engine, func(t *testing.T) {
			want := m.Engines[sc.engine]
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				ctx := context.Background()
				e := apitest.New(t, engine, func(c *config.Config) { c.UserFieldsFile = declared })
				src := openSource(t, sc.open(t))
				if _, err := strapidb.Import(ctx, src, e.Store, fieldsImportOpts(fixtureFields(t))); err != nil {
					t.Fatal(err)
				}
				e.Clock.Advance(2 * time.Second) // past the settings' cache

				r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "Alice-Pass-123"})
				if r.Status != 200 {
					t.Fatalf("alice's login: %d %s", r.Status, r.Body)
				}
				var login struct{ JWT string }
				if err := json.Unmarshal(r.Body, &login); err != nil || login.JWT == "" {
					t.Fatalf("login answer %s: %v", r.Body, err)
				}
				r = e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+login.JWT)
				if r.Status != 200 {
					t.Fatalf("/api/users/me: %d %s", r.Status, r.Body)
				}
				var me map[string]any
				if err := json.Unmarshal(r.Body, &me); err != nil {
					t.Fatal(err)
				}
				alice := want.Users[0]
				if alice.Username != "alice" {
					t.Fatalf("manifest's first user is %s", alice.Username)
				}
				if me["id"] != float64(alice.ID) || me["documentId"] != alice.DocumentID {
					t.Errorf("me: id %v documentId %v, want %d %s", me["id"], me["documentId"], alice.ID, alice.DocumentID)
				}
				for name, v := range alice.Custom {
					if !reflect.DeepEqual(me[name], v) {
						t.Errorf("me.%s = %#v, want %#v", name, me[name], v)
					}
				}

				r = e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@race.example"})
				if r.Status != 200 {
					t.Fatalf("forgot-password: %d %s", r.Status, r.Body)
				}
				msg := e.Mail.WaitFor(t, func(m smtptest.Received) bool {
					return len(m.To) == 1 && m.To[0] == "alice@race.example"
				}, 15*time.Second)
				if msg.Subject != "Reset your Race password" || !strings.Contains(msg.Text, "Open https://race.example/reset?code=") ||
					!strings.Contains(msg.Text, "Hello alice,") {
					t.Errorf("reset mail: subject %q, text %q", msg.Subject, msg.Text)
				}
			})
		})
	}
}
