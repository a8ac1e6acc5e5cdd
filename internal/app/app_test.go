package app

import (
	"slices"
	"strings"
	"testing"
)

// TestCatalogOfTheSpec: every operation of openapi.yaml names one of Strapi's Users &
// Permissions actions or one of this service's own two (the change of email), so the
// catalog of this build is Strapi's 25, in its order, then those two.
func TestCatalogOfTheSpec(t *testing.T) {
	t.Parallel()
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	acts := c.Actions()
	own := []string{"plugin::users-permissions.auth.changeEmail", "plugin::users-permissions.auth.emailChangeConfirmation"}
	if len(acts) != 27 || !slices.Equal(acts[25:], own) {
		t.Fatalf("%d actions: %v", len(acts), acts)
	}
	for _, a := range acts {
		if !strings.HasPrefix(a, "plugin::users-permissions.") {
			t.Errorf("action %q is not Users & Permissions'", a)
		}
	}
}
