package access

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

const upPrefix = "plugin::users-permissions."

// TestStrapiCatalog: the catalog of Strapi's own actions, which every operation of
// openapi.yaml uses (app's TestCatalogOfTheSpec).
func TestStrapiCatalog(t *testing.T) {
	c, err := NewCatalog(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Actions()); n != 25 {
		t.Fatalf("%d actions: %v", n, c.Actions())
	}
	for short, want := range map[string]string{
		"user.find":                     upPrefix + "user.find",
		upPrefix + "role.deleteRole":    upPrefix + "role.deleteRole",
		"permissions.getPermissions":    upPrefix + "permissions.getPermissions",
		"users-permissions.user.find":   "",
		"user.nothing":                  "",
		"find":                          "",
		"plugin::users-permissions.foo": "",
	} {
		got, ok := c.Resolve(short)
		if got != want || ok != (want != "") {
			t.Errorf("Resolve(%q) = %q %v, want %q", short, got, ok, want)
		}
	}
	var ro []string
	for a := range c.readOnly {
		ro = append(ro, strings.TrimPrefix(a, upPrefix))
	}
	slices.Sort(ro)
	// Strapi's read-only rule: actions ending with find or findOne; count and me are not.
	if want := []string{"role.find", "role.findOne", "user.find", "user.findOne"}; !slices.Equal(ro, want) {
		t.Fatalf("read-only actions %v, want %v", ro, want)
	}
	if len(c.all) != 25 {
		t.Fatalf("full access: %d actions", len(c.all))
	}
}

func TestCatalogOfOtherActions(t *testing.T) {
	c, err := NewCatalog([]string{"api::race.race.find", upPrefix + "user.me", upPrefix + "user.export", "api::race.race.create", "api::bike.bike.findOne"})
	if err != nil {
		t.Fatal(err)
	}
	acts := c.Actions()
	if n := len(acts); n != 29 {
		t.Fatalf("%d actions: %v", n, acts)
	}
	// Users & Permissions first (its new action in its controller), then the others by name.
	if want := []string{upPrefix + "user.export", "api::bike.bike.findOne", "api::race.race.create", "api::race.race.find"}; !slices.Equal(acts[25:], want) {
		t.Fatalf("extra actions in order %v", acts[25:])
	}
	b, _ := json.Marshal(c.Tree(Actions{"api::race.race.find": {}}))
	s := string(b)
	if !strings.Contains(s, `"me":{"enabled":false,"policy":""},"export":{"enabled":false,"policy":""}}`) ||
		!strings.HasSuffix(s, `"api::race":{"controllers":{"race":{"create":{"enabled":false,"policy":""},"find":{"enabled":true,"policy":""}}}}}`) ||
		!strings.HasPrefix(s, `{"plugin::users-permissions":{"controllers":{"auth":{"callback":{"enabled":false,"policy":""},`) {
		t.Fatalf("tree %s", s)
	}
	if !c.readOnly.Has("api::bike.bike.findOne") || c.readOnly.Has("api::race.race.create") {
		t.Fatal("read-only of other actions")
	}
	if _, err := NewCatalog([]string{"no-dots"}); err == nil {
		t.Fatal("an action without controller was accepted")
	}
	var tree PermissionsTree
	if b, _ := json.Marshal(tree); string(b) != "{}" {
		t.Fatalf("empty tree %s", b)
	}
}

// TestHashAPIToken: the hash is Strapi's, crypto.createHmac('sha512', salt).update(key)
// .digest('hex'); the expected values were computed with Node's crypto.
func TestHashAPIToken(t *testing.T) {
	for _, c := range []struct{ salt, token, want string }{
		{"strapi-salt-42", strings.Repeat("0123456789abcdef", 16),
			"28f8428774c2991c1e44d10c4336729f442ddc8155ab58f93bd1cba7018652eadb1af926ba84f191903c4fe42d06af46bcfb2ba9b5c7c0ade598973935953462"},
		{"sel-été", strings.Repeat("ab", 64),
			"9ba257209056fb99b722432db06a85b6c45c070b60786a9ee7d33c9c0a5ac788d14db6272d91c00a54cfbb847ddd85e0ea5517736fe28aff049211cd778fc1c2"},
	} {
		if got := HashAPIToken(c.salt, c.token); got != c.want {
			t.Errorf("HashAPIToken(%q, ...) = %s", c.salt, got)
		}
	}
	v := newAPITokenValue()
	if len(v) != 256 || !looksLikeAPIToken(v) || v == newAPITokenValue() {
		t.Fatalf("token value %q", v)
	}
	for _, s := range []string{"eyJhbGciOiJIUzI1NiJ9.e30.x", strings.ToUpper(v), "abc", v + "g"} {
		if looksLikeAPIToken(s) {
			t.Errorf("%q looks like an API token", s)
		}
	}
}
