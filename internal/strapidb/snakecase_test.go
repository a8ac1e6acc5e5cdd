package strapidb

import "testing"

// TestSnakeCase: the column Strapi (lodash's snakeCase) makes of an attribute name.
func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"firstName":     "first_name",
		"weightKg":      "weight_kg",
		"licenseNumber": "license_number",
		"HTMLCode":      "html_code",
		"address2":      "address_2",
		"fooBar2Baz":    "foo_bar_2_baz",
		"club":          "club",
		"already_snake": "already_snake",
		"ID":            "id",
		"userID":        "user_id",
	} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}
