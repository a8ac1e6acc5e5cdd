package httpapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestGoldenRoles replays Strapi's transcripts of the roles API: 106 and 107 (a user token,
// default permissions: 403), then, with the permissions of phase "perms" (Authenticated and
// Public granted user find/findOne/count, Authenticated also role find/findOne), 130 (the
// role list) and 131 (a role with its permissions tree). The tree of 131 also lists the
// actions of Strapi's other plugins (upload, email, i18n, content-type-builder), which this
// service does not have: ours is its Users & Permissions part, in the same order, and this
// service's own actions (not access.IsStrapiAction), which Strapi's lacks.
func TestGoldenRoles(t *testing.T) {
	t.Parallel()
	pick := func(phase string, nums ...int) []goldenCase {
		var out []goldenCase
		for _, c := range loadGolden(t, phase) {
			if slices.Contains(nums, c.Num) {
				out = append(out, c)
			}
		}
		if len(out) != len(nums) {
			t.Fatalf("%s transcripts %v: found %d", phase, nums, len(out))
		}
		return out
	}
	legacy, perms := pick("legacy", 106, 107), pick("perms", 130, 131)

	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		r := &goldenReplay{e: e, codes: map[string]string{}}
		// Seven users with the Authenticated role, alice (id 1, whose token the
		// transcripts carry) first.
		for i, name := range []string{"alice", "bob", "carol", "dave", "erin", "frank", "grace"} {
			if id := r.register(t, name, name+"@example.com", "secret123", fmt.Sprintf("127.0.0.%d", 200+i)); i == 0 && id != 1 {
				t.Fatalf("alice got id %d", id)
			}
		}
		for _, c := range legacy {
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) { r.run(t, c) })
		}

		roles := e.App.Roles
		if err := roles.Grant(t.Context(), 1, []string{up + "user.find", up + "user.findOne", up + "user.count", up + "role.find", up + "role.findOne"}); err != nil {
			t.Fatal(err)
		}
		if err := roles.Grant(t.Context(), 2, []string{up + "user.find", up + "user.findOne", up + "user.count"}); err != nil {
			t.Fatal(err)
		}

		t.Run("130-"+perms[0].Case, func(t *testing.T) { r.run(t, perms[0]) })
		t.Run("131-"+perms[1].Case, func(t *testing.T) {
			c := perms[1]
			got := r.send(t, c)
			want := goldenExpected(t, c)
			tree := want.body.(map[string]any)["role"].(map[string]any)["permissions"].(map[string]any)
			for plugin := range tree {
				if plugin != "plugin::users-permissions" {
					delete(tree, plugin) // a plugin this service does not have
				}
			}
			goldenCompare(t, want, got) // goldenNormalize drops this service's own actions

			// Same actions in the same order as Strapi's tree, this service's own aside.
			var recorded, ours []string
			for _, a := range treeActions(t, goldenRoleTree(t, c.Normalized.Body)) {
				if len(a.name) > len(up) && a.name[:len(up)] == up {
					recorded = append(recorded, a.name)
				}
			}
			for _, a := range treeActions(t, goldenRoleTree(t, got.body)) {
				if access.IsStrapiAction(a.name) { // this service's own actions are an addition
					ours = append(ours, a.name)
				}
			}
			if !slices.Equal(ours, recorded) {
				t.Fatalf("tree order\n got %v\nwant %v", ours, recorded)
			}
		})
	})
}

func goldenRoleTree(t *testing.T, body []byte) json.RawMessage {
	t.Helper()
	var b struct {
		Role struct {
			Permissions json.RawMessage `json:"permissions"`
		} `json:"role"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		t.Fatal(err)
	}
	return b.Role.Permissions
}
