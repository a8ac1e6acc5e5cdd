package app

import (
	"strings"
	"testing"
)

// TestCatalogOfTheSpec: every operation of openapi.yaml names one of Strapi's Users &
// Permissions actions, so the catalog of this build is Strapi's 25, in its order.
func TestCatalogOfTheSpec(t *testing.T) {
	t.Parallel()
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	acts := c.Actions()
	if len(acts) != 25 {
		t.Fatalf("%d actions: %v", len(acts), acts)
	}
	for _, a := range acts {
		if !strings.HasPrefix(a, "plugin::users-permissions.") {
			t.Errorf("action %q is not Users & Permissions'", a)
		}
	}
}
