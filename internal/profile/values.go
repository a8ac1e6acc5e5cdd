package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
)

// Values are custom field values of one user, as stored: each converted by its field's
// Check. A key missing and a key set to nil both mean "no value".
type Values map[string]any

// Check converts a value a client sent for f (decoded with json.Number numbers) into the
// value stored, or refuses it with Strapi's wording. nil is no value: whether the field
// may be left empty is the caller's question (Required).
func (f *Field) Check(v any) (any, *apierror.FieldError) {
	if v == nil {
		return nil, nil
	}
	bad := func(format string, args ...any) (any, *apierror.FieldError) {
		fe := apierror.FieldInvalid(f.Name, fmt.Sprintf(format, args...), v)
		return nil, &fe
	}
	typeError := func(yupType string) (any, *apierror.FieldError) {
		return bad("%s must be a `%s` type, but the final value was: `%s`.", f.Name, yupType, apierror.PrintValue(v))
	}
	switch f.Type {
	case String, Text, RichText, Email, Enumeration:
		s, ok := v.(string)
		if !ok {
			return typeError("string")
		}
		n := len(utf16.Encode([]rune(s)))
		if f.MinLength != nil && n < *f.MinLength {
			return bad("%s must be at least %d characters", f.Name, *f.MinLength)
		}
		if f.MaxLength != nil && n > *f.MaxLength {
			return bad("%s must be at most %d characters", f.Name, *f.MaxLength)
		}
		if f.re != nil && !f.re.MatchString(s) {
			return bad("%s must match the following: \"/%s/\"", f.Name, f.Regex)
		}
		if f.Type == Email && !emailRE.MatchString(s) {
			return bad("%s must be a valid email", f.Name)
		}
		if f.Type == Enumeration && !slices.Contains(f.Enum, s) {
			return bad("%s", f.EnumMessage())
		}
		return s, nil
	case Integer, Decimal, Float:
		n, ok := v.(json.Number)
		if !ok {
			return typeError("number")
		}
		x, err := n.Float64()
		if err != nil || math.IsInf(x, 0) {
			return typeError("number")
		}
		if f.Type == Integer {
			if x != math.Trunc(x) {
				return bad("%s must be an integer", f.Name)
			}
			if x < math.MinInt32 || x > math.MaxInt32 {
				return bad("%s must be between %d and %d", f.Name, math.MinInt32, math.MaxInt32)
			}
		}
		if fe := f.checkRange(x, v); fe != nil {
			return nil, fe
		}
		if f.Type == Integer {
			return int64(x), nil
		}
		return x, nil
	case BigInteger:
		var s string
		switch t := v.(type) {
		case string:
			s = t
		case json.Number:
			s = t.String()
		default:
			return typeError("string")
		}
		b, ok := new(big.Int).SetString(strings.TrimSpace(s), 10)
		if !ok || b.BitLen() > 63 {
			return bad("%s must be a valid integer", f.Name) // Strapi's; and at most 64 bits here
		}
		if fe := f.checkRange(float64(b.Int64()), v); fe != nil {
			return nil, fe
		}
		return b.String(), nil // Strapi answers a biginteger as a string
	case Boolean:
		b, ok := v.(bool)
		if !ok {
			return typeError("boolean")
		}
		return b, nil
	case Date:
		s, ok := v.(string)
		if !ok {
			return typeError("string")
		}
		d, err := parseDate(s)
		if err != nil {
			return bad("%s must be a valid date", f.Name)
		}
		return d, nil
	case DateTime:
		s, ok := v.(string)
		if !ok {
			return typeError("string")
		}
		t, err := parseDateTime(s)
		if err != nil {
			return bad("%s must be a valid date-time", f.Name)
		}
		return FormatDateTime(t), nil
	case Time:
		s, ok := v.(string)
		if !ok {
			return typeError("string")
		}
		t, err := parseTime(s)
		if err != nil {
			return bad("%s must be a valid time (HH:mm:ss.SSS)", f.Name)
		}
		return t, nil
	default: // JSON: any value
		return v, nil
	}
}

// EnumMessage is yup's oneOf message as Strapi's entity validator gives it: the values, and
// null (printed as nothing) when the field is not required.
func (f *Field) EnumMessage() string {
	vals := strings.Join(f.Enum, ", ")
	if !f.Required {
		vals += ", "
	}
	return f.Name + " must be one of the following values: " + vals
}

func (f *Field) checkRange(x float64, v any) *apierror.FieldError {
	if f.Min != nil && x < *f.Min {
		fe := apierror.FieldInvalid(f.Name, fmt.Sprintf("%s must be greater than or equal to %s", f.Name, apierror.JSNumber(*f.Min)), v)
		return &fe
	}
	if f.Max != nil && x > *f.Max {
		fe := apierror.FieldInvalid(f.Name, fmt.Sprintf("%s must be less than or equal to %s", f.Name, apierror.JSNumber(*f.Max)), v)
		return &fe
	}
	return nil
}

// CheckInput converts the custom field values of a write (body keys that are custom
// fields; others are not the schema's business) and applies the rules of a creation
// (required fields present, defaults for the missing ones) when create is set, or of an
// update (a required field cannot be emptied). Errors come in declaration order.
func (s *Schema) CheckInput(body map[string]any, create bool) (Values, []apierror.FieldError) {
	out := Values{}
	var errs []apierror.FieldError
	for i := range s.Fields {
		f := &s.Fields[i]
		raw, given := body[f.Name]
		if !given && create && f.Default != nil {
			out[f.Name] = f.Default
			continue
		}
		if !given {
			if create && f.Required {
				errs = append(errs, apierror.FieldError{Path: []string{f.Name}, Message: f.Name + " must be defined."})
			}
			continue
		}
		if raw == nil && f.Required {
			errs = append(errs, f.nullError(create))
			continue
		}
		v, fe := f.Check(raw)
		if fe != nil {
			errs = append(errs, *fe)
			continue
		}
		out[f.Name] = v
	}
	return out, errs
}

// nullError is Strapi's answer to null for a required field: yup's type error where the
// field's schema is not nullable (strings and numbers, whose null casts to NaN), its notNil
// ("must be defined.", a creation) or notNull ("cannot be null.", an update) otherwise.
func (f *Field) nullError(create bool) apierror.FieldError {
	fe := apierror.FieldError{Path: []string{f.Name}, HasValue: true}
	switch {
	case f.Type.Numeric():
		fe.Message = f.Name + " must be a `number` type, but the final value was: `NaN`."
	case f.Type == String || f.Type == Text || f.Type == RichText || f.Type == Email || f.Type == Enumeration:
		fe.Message = f.Name + " must be a `string` type, but the final value was: `null`."
	case create:
		fe.Message = f.Name + " must be defined."
	default:
		fe.Message = f.Name + " cannot be null."
	}
	return fe
}

// Stored reads the profile column of a user (nil or "": no value at all).
func Stored(raw *string) Values {
	if raw == nil || *raw == "" || *raw == "{}" {
		return nil
	}
	m, _ := decodeJSON([]byte(*raw)).(map[string]any)
	return m
}

// Encode is the profile column for vals: a JSON object without its empty values; nil when
// there is none.
func Encode(vals Values) (*string, error) {
	clean := make(map[string]any, len(vals))
	for k, v := range vals {
		if v != nil {
			clean[k] = v
		}
	}
	if len(clean) == 0 {
		return nil, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(clean); err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	s := strings.TrimSuffix(buf.String(), "\n")
	return &s, nil
}

// Merge returns cur with the values of patch set (nil values remove a key).
func Merge(cur, patch Values) Values {
	out := make(Values, len(cur)+len(patch))
	for k, v := range cur {
		out[k] = v
	}
	for k, v := range patch {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// FormatDateTime is how a datetime value is stored and shown: UTC, to the millisecond.
func FormatDateTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

var (
	dateRE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timeRE  = regexp.MustCompile(`^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$`)
	emailRE = regexp.MustCompile(apierror.EmailPattern)
)

func parseDate(s string) (string, error) {
	if !dateRE.MatchString(s) {
		return "", fmt.Errorf("not a date")
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", err
	}
	return s, nil
}

// ParseDateTime reads an ISO 8601 date and time with an offset (or Z), or a date alone
// (midnight UTC).
func parseDateTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a datetime")
}

func parseTime(s string) (string, error) {
	m := timeRE.FindStringSubmatch(s)
	if m == nil {
		return "", fmt.Errorf("not a time")
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec := 0
	if m[3] != "" {
		sec, _ = strconv.Atoi(m[3])
	}
	ms := 0
	if m[4] != "" {
		ms, _ = strconv.Atoi((m[4] + "00")[:3])
	}
	if h > 23 || mi > 59 || sec > 59 {
		return "", fmt.Errorf("not a time")
	}
	return fmt.Sprintf("%02d:%02d:%02d.%03d", h, mi, sec, ms), nil
}
