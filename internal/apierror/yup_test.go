package apierror

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestEmailPatternIsYups: EmailPattern, with A-Z listed, accepts exactly what yup's
// case-insensitive expression accepts, for each rune in every position (local part, inner
// label, final label's edge and middle).
func TestEmailPatternIsYups(t *testing.T) {
	t.Parallel()
	yup := regexp.MustCompile(`(?i)` + strings.ReplaceAll(EmailPattern, "a-zA-Z", "a-z"))
	ours := regexp.MustCompile(EmailPattern)
	if strings.Contains(EmailPattern, "(?i)") || yup.String() == ours.String() {
		t.Fatal("the test compares the pattern with itself")
	}
	shapes := []string{"a%sb@example.com", "x@a%sb.com", "x@%s.com", "x@mail.%s", "x@mail.a%sb"}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		// Every rune of the Basic Multilingual Plane (where the listed ranges are); beyond
		// it, every rune with a case (the only ones (?i) treats differently) and a sample.
		if !utf8.ValidRune(r) || r > 0xFFFF && unicode.SimpleFold(r) == r && r%997 != 0 {
			continue
		}
		c := string(r)
		for _, shape := range shapes {
			s := strings.Replace(shape, "%s", c, 1)
			if got, want := ours.MatchString(s), yup.MatchString(s); got != want {
				t.Fatalf("%q (U+%04X): EmailPattern says %v, yup %v", s, r, got, want)
			}
		}
	}
	for _, c := range []struct {
		email string
		ok    bool
	}{
		{"Alice@Example.COM", true}, {"alice.b+tag@mail.example.org", true}, {"ÁLVARO@correo.cl", true},
		{"alice@localhost", false}, {"alice@example.c0m", true}, {"alice@example.c0m1", false}, {"alice@example.1", false}, {"a..b@example.com", false},
		{"alice@@example.com", false}, {"alice@example.com.", false}, {"K@example.com", true},
	} {
		if got := ours.MatchString(c.email); got != c.ok || yup.MatchString(c.email) != c.ok {
			t.Errorf("%q: EmailPattern %v, yup %v, want %v", c.email, got, yup.MatchString(c.email), c.ok)
		}
	}
}
