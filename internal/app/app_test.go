package app

import (
	"strings"
	"testing"
)

// TestCatalogOfTheSpec: every operation of openapi.yaml names one of Strapi's Users &
// Permissions actions or one of this service's own (the profile edit, the change of email), so
// the catalog of this build is Strapi's 25, in its order, then those.
func TestCatalogOfTheSpec(t *testing.T) {
	t.Parallel()
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	acts := c.Actions()
	own := []string{"plugin::users-permissions.auth.changeEmail", "plugin::users-permissions.auth.emailChangeConfirmation",
		"plugin::users-permissions.user.updateMe"}
	if len(acts) != 25+len(own) {
		t.Fatalf("%d actions: %v", len(acts), acts)
	}
	if got := strings.Join(acts[25:], " "); got != strings.Join(own, " ") {
		t.Errorf("own actions %s, want %s", got, strings.Join(own, " "))
	}
	for _, a := range acts {
		if !strings.HasPrefix(a, "plugin::users-permissions.") {
			t.Errorf("action %q is not Users & Permissions'", a)
		}
	}
}
