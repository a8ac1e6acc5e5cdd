package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/go-chi/chi/v5"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

// init makes emailPattern the syntax every "format: email" value is checked against.
func init() {
	openapi3.DefineStringFormatValidator("email", openapi3.NewRegexpFormatValidator(apierror.EmailPattern))
}

// validationOptions are kin-openapi's options. Security is not among the checks: the gate
// authenticated the caller already, and the routes given to kin-openapi have no security
// requirements (see routes).
var validationOptions = &openapi3filter.Options{MultiError: true}

var (
	errEmptyBody   = &apierror.Error{Kind: apierror.Validation, Message: "Request body cannot be empty"}
	errInvalidJSON = &apierror.Error{Kind: apierror.Validation, Message: "Request body is not valid JSON"}
	errInvalidForm = &apierror.Error{Kind: apierror.Validation, Message: "Request body is not a valid form"}
	errNotUTF8     = &apierror.Error{Kind: apierror.Validation, Message: "Request body is not valid UTF-8"}
	errContentType = &apierror.Error{Kind: apierror.Validation, Message: "Unsupported Content-Type: send application/json"}
	errUnreadable  = &apierror.Error{Kind: apierror.Validation, Message: "Request body could not be read"}
)

// readBody reads the body of an operation that takes one, as Strapi's body parser does
// before anything else runs: a body over the limit is 413; one that cannot be read, or that
// does not parse as its Content-Type says (JSON that is not UTF-8, not JSON, or followed by
// more than white space; a malformed form) is 400. Such requests never reach the rate
// limiter. The body is put back for the validator and the handler; nil when the operation
// takes no body.
func readBody(r *http.Request, rt *route) ([]byte, error) {
	if rt.op.RequestBody == nil || r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, err // 413
		}
		// A malformed chunked body, a client that went away, a read timeout: the
		// client's doing, not the server's.
		return nil, errUnreadable
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	if len(bytes.TrimSpace(b)) == 0 {
		return b, nil // validate decides whether the operation takes an empty body
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		if !utf8.Valid(b) {
			return nil, errNotUTF8
		}
		if !json.Valid(b) { // also refuses a value followed by anything but white space
			return nil, errInvalidJSON
		}
	case mt == "application/x-www-form-urlencoded":
		if _, err := url.ParseQuery(string(b)); err != nil {
			return nil, errInvalidForm
		}
	}
	return b, nil
}

// validate checks the request against its operation in openapi.yaml and returns Strapi's
// validation error when it does not match. raw is the body readBody read (nil: none).
func validate(ctx context.Context, r *http.Request, rt *route, params chi.RouteParams, raw []byte) error {
	if rt.queryOnly && r.URL.RawQuery == "" {
		return nil // no input at all (GET /api/users/me, the hot path)
	}
	pathParams := make(map[string]string, len(params.Keys))
	for i, k := range params.Keys {
		// Decoded, as the generated handler binds them; routing left them as sent.
		v, err := url.PathUnescape(params.Values[i])
		if err != nil {
			return &apierror.Error{Kind: apierror.Validation, Message: "Invalid parameter"}
		}
		pathParams[k] = v
	}
	if raw != nil && len(bytes.TrimSpace(raw)) == 0 {
		if rb := rt.op.RequestBody.Value; rb == nil || rb.Required {
			return errEmptyBody
		}
		raw = nil // an optional body left out (logout, refresh): nothing to check
		r.Body = io.NopCloser(bytes.NewReader(nil))
	}
	// Text the databases cannot store (NUL) or that is not text (invalid UTF-8), in the
	// query, the path or a body value, is refused before anything reads it.
	if err := checkText(r, rt, raw); err != nil {
		return err
	}
	err := openapi3filter.ValidateRequest(ctx, &openapi3filter.RequestValidationInput{
		Request: r, PathParams: pathParams, Route: rt.kin, Options: validationOptions,
	})
	if raw != nil {
		r.Body = io.NopCloser(bytes.NewReader(raw))
	}
	if err == nil {
		if rt.maxBytes != nil && raw != nil {
			return checkMaxBytes(rt, parseBody(r, raw))
		}
		return nil
	}
	return translate(rt, r, raw, err)
}

// checkText refuses NUL characters and invalid UTF-8 anywhere a value reaches the
// operation from: its path parameters, its query string (keys and values, as decoded; the
// users routes read it whole) and the values and keys of its body. PostgreSQL cannot store
// NUL in text, and neither engine should store what is not text.
func checkText(r *http.Request, rt *route, raw []byte) error {
	if rt.pathParams && !plainText(r.URL.Path) {
		return &apierror.Error{Kind: apierror.Validation, Message: "The path contains NUL characters or invalid UTF-8"}
	}
	if !rt.queryParams {
		return checkBodyText(r, raw)
	}
	for _, pair := range strings.FieldsFunc(r.URL.RawQuery, func(c rune) bool { return c == '&' || c == ';' }) {
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			continue // not decodable at all: the query's own parsers ignore it
		}
		if !plainText(key) || !plainText(val) {
			return apierror.Invalid(apierror.FieldError{
				Path: []string{key}, Message: textMessage(strings.ToValidUTF8(key, "\ufffd")),
			})
		}
	}
	return checkBodyText(r, raw)
}

func checkBodyText(r *http.Request, raw []byte) error {
	if raw == nil {
		return nil
	}
	// A JSON body is valid UTF-8 already (readBody), and a NUL in it can only be the escape
	// \u0000: without one there is nothing to find, and no need to decode the body again.
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); (mt == "application/json" || strings.HasSuffix(mt, "+json")) &&
		!bytes.Contains(raw, []byte(`\u0000`)) {
		return nil
	}
	body := parseBody(r, raw)
	if path, bad := badText(body.value, nil); bad {
		name := "this"
		if len(path) > 0 {
			name = strings.Join(path, ".")
		}
		return apierror.Invalid(apierror.FieldError{Path: path, Message: textMessage(name)})
	}
	return nil
}

func textMessage(name string) string {
	return name + " must be text without NUL characters (and valid UTF-8)"
}

// plainText reports whether s is valid UTF-8 without NUL.
func plainText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// badText finds a key or a string value of a decoded body that is not plainText, and
// returns its path.
func badText(v any, path []string) ([]string, bool) {
	switch t := v.(type) {
	case string:
		if !plainText(t) {
			return slices.Clone(path), true
		}
	case map[string]any:
		for k, e := range t {
			if !plainText(k) {
				return append(slices.Clone(path), strings.ToValidUTF8(strings.ReplaceAll(k, "\x00", ""), "")), true
			}
			if p, bad := badText(e, append(path, k)); bad {
				return p, true
			}
		}
	case []any:
		for i, e := range t {
			if p, bad := badText(e, append(path, strconv.Itoa(i))); bad {
				return p, true
			}
		}
	}
	return nil, false
}

// translate turns kin-openapi's errors into Strapi's ValidationError, worded as yup words
// it, the fields in the order Strapi reports them.
func translate(rt *route, r *http.Request, raw []byte, err error) error {
	body := parseBody(r, raw)
	var (
		fields  []apierror.FieldError
		unknown []string
	)
	var walk func(err error) error
	walk = func(err error) error {
		var pe *openapi3filter.ParseError
		switch e := err.(type) {
		case openapi3.MultiError:
			for _, inner := range e {
				if stop := walk(inner); stop != nil {
					return stop
				}
			}
		case *openapi3.SchemaError:
			if e.SchemaField == "properties" || e.SchemaField == "additionalProperties" {
				if name, ok := strings.CutPrefix(e.Reason, "property \""); ok {
					unknown = append(unknown, strings.TrimSuffix(name, "\" is unsupported"))
					return nil
				}
			}
			fields = append(fields, fieldError(e, body))
		case *openapi3filter.RequestError:
			if p := e.Parameter; p != nil {
				var se *openapi3.SchemaError
				if errors.As(e.Err, &se) {
					f := fieldError(se, parsedBody{})
					f.Path = []string{p.Name}
					f.Message = strings.Replace(f.Message, "this", p.Name, 1)
					f.Value, f.HasValue = paramValue(r, p)
					fields = append(fields, f)
				} else if errors.As(e.Err, &pe) && pe.Kind == openapi3filter.KindInvalidFormat {
					fields = append(fields, invalidParameter(p, pe)) // /api/users/abc, limit=abc
				} else {
					fields = append(fields, required(p.Name, r, p))
				}
				return nil
			}
			switch {
			case errors.As(e.Err, &pe):
				return errInvalidJSON
			case errors.Is(e.Err, openapi3filter.ErrInvalidRequired), errors.Is(e.Err, openapi3filter.ErrInvalidEmptyValue):
				return errEmptyBody
			case e.Err == nil && strings.Contains(e.Reason, "Content-Type"):
				return errContentType
			case e.Err != nil:
				return walk(e.Err)
			}
			return &apierror.Error{Kind: apierror.Validation, Message: "Invalid request: " + e.Reason}
		default:
			if errors.As(err, &pe) {
				return errInvalidJSON
			}
			return &apierror.Error{Kind: apierror.Validation, Message: "Invalid request"}
		}
		return nil
	}
	if stop := walk(err); stop != nil {
		return stop
	}
	if len(unknown) > 0 {
		keys := body.keysInOrder(unknown)
		if rt.unknownKeys == unknownKeysInvalidParameters {
			// Register's whitelist check comes before any other validation.
			return &apierror.Error{Kind: apierror.Validation, Message: "Invalid parameters: " + strings.Join(keys, ", ")}
		}
		msg := "this field has unspecified keys: " + strings.Join(keys, ", ")
		fields = append([]apierror.FieldError{{Path: []string{}, Message: msg, Value: body.value, HasValue: true}}, rt.sortFields(fields)...)
		return apierror.Invalid(fields...)
	}
	if rt.maxBytes != nil {
		if err := checkMaxBytes(rt, body); err != nil {
			var ae *apierror.Error
			errors.As(err, &ae)
			fields = append(fields, ae.Fields...)
		}
	}
	if len(fields) == 0 {
		return &apierror.Error{Kind: apierror.Validation, Message: "Invalid request"}
	}
	return apierror.Invalid(rt.sortFields(dedupe(fields))...)
}

func fieldError(se *openapi3.SchemaError, body parsedBody) apierror.FieldError {
	path := se.JSONPointer()
	if path == nil {
		path = []string{}
	}
	name := "this"
	if len(path) > 0 {
		name = strings.Join(path, ".")
	}
	value, has := body.at(path)
	if !has && se.SchemaField != "required" {
		value, has = se.Value, true
	}
	f := apierror.FieldError{Path: path, Value: value, HasValue: has}
	s := se.Schema
	switch se.SchemaField {
	case "required":
		if field, ok := strings.CutPrefix(se.Reason, "property \""); ok {
			field = strings.TrimSuffix(field, "\" is missing")
			f.Path = append(append([]string{}, path[:max(0, len(path)-1)]...), field)
			if len(path) > 0 && path[len(path)-1] == field {
				f.Path = path
			}
			name = strings.Join(f.Path, ".")
		}
		f.Message, f.Value, f.HasValue = name+" is a required field", nil, false
	case "minLength":
		if value == "" {
			f.Message = name + " is a required field"
		} else {
			f.Message = fmt.Sprintf("%s must be at least %d characters", name, s.MinLength)
		}
	case "maxLength":
		f.Message = fmt.Sprintf("%s must be at most %d characters", name, derefU(s.MaxLength))
		if _, ok := s.Extensions["x-max-bytes"]; ok {
			f.Message = auth.ErrPasswordTooLong.Message
		}
	case "format":
		if value == "" {
			f.Message = name + " is a required field"
		} else {
			f.Message = fmt.Sprintf("%s must be a valid %s", name, s.Format)
		}
	case "type", "nullable":
		f.Message = fmt.Sprintf("%s must be a `%s` type, but the final value was: `%s`.", name, yupType(s), apierror.PrintValue(value))
		if n, isNum := value.(json.Number); isNum && s.Type != nil && s.Type.Is("integer") {
			if _, err := n.Float64(); err == nil {
				f.Message = name + " must be an integer" // yup's number().integer()
			}
		}
	case "enum":
		vals := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			vals[i] = apierror.PrintValue(v)
			if _, custom := s.Extensions["x-user-field"]; custom {
				vals[i] = fmt.Sprint(v) // Strapi's entity validator: the values as they are
			}
		}
		f.Message = fmt.Sprintf("%s must be one of the following values: %s", name, strings.Join(vals, ", "))
		if _, custom := s.Extensions["x-user-field"]; custom && s.Nullable {
			f.Message += ", " // and null, which prints as nothing
		}
	case "minimum":
		f.Message = fmt.Sprintf("%s must be greater than or equal to %s", name, apierror.JSNumber(derefF(s.Min)))
	case "maximum":
		f.Message = fmt.Sprintf("%s must be less than or equal to %s", name, apierror.JSNumber(derefF(s.Max)))
	case "exclusiveMinimum", "exclusiveMaximum":
		f.Message = fmt.Sprintf("%s %s", name, strings.TrimPrefix(se.Reason, "number "))
	case "pattern":
		// yup prints the RegExp: /pattern/.
		f.Message = fmt.Sprintf("%s must match the following: \"/%s/\"", name, s.Pattern)
	default:
		f.Message = fmt.Sprintf("%s is invalid: %s", name, se.Reason)
	}
	return f
}

// invalidParameter words a parameter that does not parse as its type as yup words a value
// of the wrong type: "id must be a `number` type, but the final value was: `"abc"`.".
func invalidParameter(p *openapi3.Parameter, pe *openapi3filter.ParseError) apierror.FieldError {
	f := apierror.FieldError{Path: []string{p.Name}, Value: pe.Value, HasValue: pe.Value != nil}
	if s := p.Schema; s != nil && s.Value != nil && s.Value.Type != nil &&
		(s.Value.Type.Is("integer") || s.Value.Type.Is("number") || s.Value.Type.Is("boolean")) {
		f.Message = fmt.Sprintf("%s must be a `%s` type, but the final value was: `%s`.", p.Name, yupType(s.Value), apierror.PrintValue(pe.Value))
	} else {
		f.Message = fmt.Sprintf("%s is invalid: %s", p.Name, pe.Reason)
	}
	return f
}

func required(name string, r *http.Request, p *openapi3.Parameter) apierror.FieldError {
	f := apierror.FieldError{Path: []string{name}, Message: name + " is a required field"}
	if v, ok := paramValue(r, p); ok {
		f.Value, f.HasValue = v, true
	}
	return f
}

func paramValue(r *http.Request, p *openapi3.Parameter) (any, bool) {
	if p.In != openapi3.ParameterInQuery {
		return nil, false
	}
	vs, ok := r.URL.Query()[p.Name]
	switch {
	case !ok:
		return nil, false
	case len(vs) == 1:
		return vs[0], true
	default:
		out := make([]any, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return out, true
	}
}

// checkMaxBytes enforces x-max-bytes on top-level string fields: bcrypt reads at most 72
// bytes of a password, and a character limit cannot say that of UTF-8 text.
func checkMaxBytes(rt *route, body parsedBody) error {
	var fields []apierror.FieldError
	for field, limit := range rt.maxBytes {
		v, ok := body.at([]string{field})
		if s, isStr := v.(string); ok && isStr && len(s) > limit && len([]rune(s)) <= limit {
			fields = append(fields, apierror.FieldInvalid(field, auth.ErrPasswordTooLong.Message, s))
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return apierror.Invalid(rt.sortFields(fields)...)
}

func dedupe(fields []apierror.FieldError) []apierror.FieldError {
	seen := map[string]bool{}
	out := fields[:0]
	for _, f := range fields {
		k := strings.Join(f.Path, "\x00") + "\x01" + f.Message
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// parsedBody is the request body as the client sent it, kept to report refused values as
// they were sent and unknown keys in the order they were sent.
type parsedBody struct {
	value any
	keys  []string // top-level keys in body order
}

func parseBody(r *http.Request, raw []byte) parsedBody {
	if raw == nil {
		return parsedBody{}
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		vals, err := url.ParseQuery(string(raw))
		if err != nil {
			return parsedBody{}
		}
		obj := map[string]any{}
		var keys []string
		for _, pair := range strings.Split(string(raw), "&") {
			k, _, _ := strings.Cut(pair, "=")
			if k, err := url.QueryUnescape(k); err == nil && !slices.Contains(keys, k) {
				keys = append(keys, k)
				obj[k] = vals.Get(k)
			}
		}
		return parsedBody{value: obj, keys: keys}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return parsedBody{}
	}
	return parsedBody{value: v, keys: topLevelKeys(raw)}
}

func topLevelKeys(raw []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		k, _ := t.(string)
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}

// keysInOrder returns names sorted by where they appear in the body.
func (b parsedBody) keysInOrder(names []string) []string {
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(x, y string) int {
		return slices.Index(b.keys, x) - slices.Index(b.keys, y)
	})
	return slices.Compact(out)
}

func (b parsedBody) at(path []string) (any, bool) {
	v := b.value
	if v == nil {
		return nil, false
	}
	for _, p := range path {
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[p]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func yupType(s *openapi3.Schema) string {
	switch {
	case s == nil || s.Type == nil:
		return "mixed"
	case s.Type.Is("integer"), s.Type.Is("number"):
		return "number"
	default:
		return s.Type.Slice()[0]
	}
}

func derefF(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func derefU(p *uint64) uint64 {
	if p == nil {
		return 0
	}
	return *p
}
