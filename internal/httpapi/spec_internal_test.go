package httpapi

import (
	"bytes"
	"testing"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// TestEmbeddedSpecIsTheGeneratorsSpec: the spec read with encoding/json (the fast start)
// is the document the generator's loader reads, down to every resolved reference.
func TestEmbeddedSpecIsTheGeneratorsSpec(t *testing.T) {
	t.Parallel()
	want, err := api.GetSpec()
	if err != nil {
		t.Fatal(err)
	}
	got, err := embeddedSpec()
	if err != nil {
		t.Fatal(err)
	}
	a, err := want.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	b, err := got.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("the spec read with encoding/json differs from api.GetSpec's")
	}
	// A resolved reference: the schema behind a $ref is there, not only its name.
	for _, name := range []string{"Error", "User"} {
		s := got.Components.Schemas[name]
		if s == nil || s.Value == nil {
			t.Fatalf("components.schemas.%s not loaded", name)
		}
	}
	op := got.Paths.Find("/api/auth/local").Post
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		t.Fatal("POST /api/auth/local: no request body")
	}
	body := op.RequestBody.Value.Content.Get("application/json")
	if body == nil || body.Schema == nil || body.Schema.Ref == "" || body.Schema.Value == nil || body.Schema.Value.Properties["identifier"] == nil {
		t.Fatalf("POST /api/auth/local: the body's $ref is not resolved: %+v", body)
	}
}
