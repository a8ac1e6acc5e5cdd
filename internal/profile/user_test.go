package profile

import (
	"bytes"
	"encoding/json"
	"testing"
)

// viaEncodingJSON is how UserEntry.JSON wrote every entry before appendJSON: encoding/json,
// then the custom fields spliced in.
func viaEncodingJSON(t *testing.T, e UserEntry) []byte {
	t.Helper()
	b, err := json.Marshal(plainUserEntry(e))
	if err != nil {
		t.Fatal(err)
	}
	return splice(b, e.Fields)
}

// TestUserEntryJSONIsEncodingJSONs: the entry written field by field is byte for byte what
// encoding/json writes, for every combination of present and absent keys, with and without
// custom fields, and strings that need escaping (quotes, backslashes, HTML characters,
// control characters, non-ASCII, U+2028, invalid UTF-8).
func TestUserEntryJSONIsEncodingJSONs(t *testing.T) {
	t.Parallel()
	strs := []string{"", "alice", "alice@example.com", `qu"ote`, `back\\slash`, "<b>&amp;</b>", "tab\there", "nul\x00",
		"\x7f del", "ñandú", "Zoë 🚵", "line\u2028sep", "bad \xff utf8", "2026-12-06T03:34:32.778Z"}
	fieldSets := []Shown{
		nil,
		{{Name: "fullName", Value: json.RawMessage(`"Alice Rider"`)}},
		{{Name: "club", Value: nil}, {Name: "birthDate", Value: json.RawMessage(`"1990-05-01"`)}, {Name: "n", Value: json.RawMessage(`12.5`)}},
	}
	yes, no := true, false
	n := 0
	for mask := 0; mask < 1<<8; mask++ {
		for i, fields := range fieldSets {
			s := func(k int) *string {
				if mask&(1<<k) == 0 {
					return nil
				}
				v := strs[(k*7+mask+i)%len(strs)]
				return &v
			}
			e := UserEntry{Id: int64(mask*3 + i), DocumentId: strs[(mask+i)%len(strs)], Fields: fields,
				Username: s(0), Email: s(1), Provider: s(2), CreatedAt: s(5), UpdatedAt: s(6), PublishedAt: s(7)}
			if mask&(1<<3) != 0 {
				e.Confirmed = &yes
			}
			if mask&(1<<4) != 0 {
				e.Blocked = &no
			}
			got, err := e.JSON()
			if err != nil {
				t.Fatal(err)
			}
			if want := viaEncodingJSON(t, e); !bytes.Equal(got, want) {
				t.Fatalf("entry %+v:\n got %s\nwant %s", e, got, want)
			}
			n++
		}
	}
	// Every string on its own, in each string-valued key.
	for _, v := range strs {
		e := UserEntry{DocumentId: v, Username: &v, Email: &v, Provider: &v, CreatedAt: &v}
		got, _ := e.JSON()
		if want := viaEncodingJSON(t, e); !bytes.Equal(got, want) {
			t.Fatalf("string %q:\n got %s\nwant %s", v, got, want)
		}
	}
	if n != 256*len(fieldSets) {
		t.Fatalf("compared %d entries", n)
	}
}

// TestUserEntryJSONWithRole: an entry with a populated role is still written by encoding/json,
// its custom fields before the role.
func TestUserEntryJSONWithRole(t *testing.T) {
	t.Parallel()
	name := "Authenticated"
	e := UserEntry{Id: 1, DocumentId: "d", Role: &RoleEntry{Id: 2, DocumentId: "r", Name: &name},
		Fields: Shown{{Name: "club", Value: json.RawMessage(`"Trek"`)}}}
	got, err := e.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"documentId":"d","club":"Trek","role":{"id":2,"documentId":"r","name":"Authenticated"}}`
	if string(got) != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

func BenchmarkUserEntryJSON(b *testing.B) {
	u, em, p, ts := "rider1", "rider1@example.com", "local", "2026-12-06T03:34:32.778Z"
	yes, no := true, false
	e := UserEntry{Id: 1, DocumentId: "zyaw8ev2pevbsfvkrl40mg17", Username: &u, Email: &em, Provider: &p,
		Confirmed: &yes, Blocked: &no, CreatedAt: &ts, UpdatedAt: &ts, PublishedAt: &ts}
	b.Run("appendJSON", func(b *testing.B) {
		for b.Loop() {
			_, _ = e.JSON()
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			bs, _ := json.Marshal(plainUserEntry(e))
			_ = splice(bs, e.Fields)
		}
	})
}
