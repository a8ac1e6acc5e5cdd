package store

import (
	"strings"
	"testing"
)

func TestDocumentID(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 1000 {
		id := NewDocumentID()
		if len(id) != 24 || id[0] < 'a' || id[0] > 'z' || strings.Trim(id, docIDAlphabet) != "" || seen[id] {
			t.Fatalf("document id %q", id)
		}
		seen[id] = true
	}
}
