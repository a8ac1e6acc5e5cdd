package apierror

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// What Strapi's messages are made of: yup's email test and how yup prints a value.

// EmailPattern is yup's email test (yup 0.32, which Strapi uses), for every email Strapi
// checks (format: email, and email attributes), without its rarely used quoted local part:
// dot-separated atoms, '@', and dot-separated labels with a final label that starts and ends
// with a letter. Non-ASCII letters are allowed as yup allows them. yup's regular expression
// is case-insensitive; this one lists A-Z beside a-z instead of (?i), which matches the same
// runes (the non-ASCII runes that fold to ASCII letters, K and ſ, are in the ranges listed)
// and compiles in a fraction of the time: folding the case of every rune of the ranges took
// about 20 ms at each start, per compilation.
const EmailPattern = `^` +
	`[a-zA-Z0-9!#$%&'*+\-/=?^_` + "`" + `{|}~\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]+` +
	`(\.[a-zA-Z0-9!#$%&'*+\-/=?^_` + "`" + `{|}~\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]+)*` +
	`@(([a-zA-Z0-9\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]|[a-zA-Z0-9\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}][a-zA-Z0-9\-._~\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]*[a-zA-Z0-9\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])\.)+` +
	`([a-zA-Z\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]|[a-zA-Z\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}][a-zA-Z0-9\-._~\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]*[a-zA-Z\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])$`

// PrintValue prints a value as yup's printValue(value, quoteStrings=true) does.
func PrintValue(v any) string {
	if s, ok := printSimple(v); ok {
		return s
	}
	// Like JSON.stringify(value, replacer, 2) where the replacer prints simple values.
	var conv func(v any) any
	conv = func(v any) any {
		if s, ok := printSimple(v); ok {
			return s
		}
		switch c := v.(type) {
		case []any:
			out := make([]any, len(c))
			for i, e := range c {
				out[i] = conv(e)
			}
			return out
		case map[string]any:
			out := make(map[string]any, len(c))
			for k, e := range c {
				out[k] = conv(e)
			}
			return out
		}
		return v
	}
	b, err := json.MarshalIndent(conv(v), "", "  ")
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func printSimple(v any) (string, bool) {
	switch c := v.(type) {
	case nil:
		return "null", true
	case bool:
		return strconv.FormatBool(c), true
	case string:
		return `"` + c + `"`, true
	case json.Number:
		f, err := c.Float64()
		if err != nil {
			return c.String(), true
		}
		return JSNumber(f), true
	case float64:
		return JSNumber(c), true
	case int, int64:
		return fmt.Sprint(c), true
	}
	return "", false
}

// JSNumber formats f as JavaScript's String(number) does for the usual range.
func JSNumber(f float64) string {
	if math.Abs(f) >= 1e21 || (f != 0 && math.Abs(f) < 1e-6) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		return strings.Replace(strings.Replace(s, "e+0", "e+", 1), "e-0", "e-", 1)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
