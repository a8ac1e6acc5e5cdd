package httpapi_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// goldenLegacyUsers are the users the legacy phase left, in the order of their ids: alice
// (003), ALICE (006), bob6 (016), bob72 (019), formuser (026), bob (the rate-limited
// registrations), carol (081, blocked in 096).
var goldenLegacyUsers = [][2]string{
	{"alice", "alice@example.com"}, {"ALICE", "other2@example.com"}, {"bob6", "bob6@example.com"},
	{"bob72", "bob72@example.com"}, {"formuser", "form@example.com"}, {"bob", "bob@example.com"},
	{"carol", "carol@example.com"},
}

// TestGoldenPerms replays, in order, the Strapi 5.54 transcripts of phase "perms" (118 to
// 134: the users and roles routes once Public and Authenticated were granted user find,
// findOne and count, and Authenticated role find and findOne) on the state the legacy
// phase left: users 1 to 7, confirmed, of the Authenticated role, carol blocked.
func TestGoldenPerms(t *testing.T) {
	t.Parallel()
	cases := loadGolden(t, "perms")
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		r := newGoldenReplay(t, engine)
		e := r.e
		t.Run("setup-legacy_users_and_permissions", func(t *testing.T) {
			for i, u := range goldenLegacyUsers {
				if id := r.register(t, u[0], u[1], "secret123", fmt.Sprintf("127.0.1.%d", i+1)); id != int64(i+1) {
					t.Fatalf("%s got id %d, want %d", u[0], id, i+1)
				}
			}
			block(t, e, 7)
			grant(t, e, "public", actUserFind, actUserFindOne, actUserCount)
			grant(t, e, "authenticated", actUserFind, actUserFindOne, actUserCount, actRoleFind, actRoleFindOne)
		})
		for _, c := range cases {
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) {
				if c.Num == 131 {
					goldenRolePermissions(t, r, c)
					return
				}
				r.run(t, c)
			})
		}
	})
}

// goldenRolePermissions replays 131, the Authenticated role with its permissions tree, and
// compares the role and the tree of plugin::users-permissions, the permissions this phase
// is about, without this service's own actions (goldenNormalize drops them). Strapi's tree also lists the
// controllers of the other plugins of a Strapi app (upload, email, i18n,
// content-type-builder); those this service lacks are logged.
func goldenRolePermissions(t *testing.T, r *goldenReplay, c goldenCase) {
	got := r.send(t, c)
	if got.status != c.Normalized.Status {
		t.Fatalf("status %d, want %d: %s", got.status, c.Normalized.Status, got.body)
	}
	var ours, strapi struct {
		Role map[string]any `json:"role"`
	}
	if err := json.Unmarshal(got.body, &ours); err != nil || ours.Role == nil {
		t.Fatalf("body %s: %v", got.body, err)
	}
	if err := json.Unmarshal(c.Normalized.Body, &strapi); err != nil {
		t.Fatal(err)
	}
	ourPerms, _ := goldenNormalize(ours.Role, "").(map[string]any)["permissions"].(map[string]any)
	strapiPerms, _ := strapi.Role["permissions"].(map[string]any)
	const up = "plugin::users-permissions"
	if !reflect.DeepEqual(ourPerms[up], strapiPerms[up]) {
		t.Errorf("%s permissions:\n got %s\nwant %s", up, goldenJSON(ourPerms[up]), goldenJSON(strapiPerms[up]))
	}
	for k := range strapiPerms {
		if _, ok := ourPerms[k]; !ok {
			t.Logf("Strapi's tree also has %s, which this service does not have", k)
		}
	}
	delete(ours.Role, "permissions")
	delete(strapi.Role, "permissions")
	if !reflect.DeepEqual(ours.Role, strapi.Role) {
		t.Errorf("role:\n got %s\nwant %s", goldenJSON(ours.Role), goldenJSON(strapi.Role))
	}
}
