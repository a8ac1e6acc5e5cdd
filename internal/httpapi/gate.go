package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	mtbapi "github.com/mtb-race/mtb-backend-api"
	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// route is what the gate knows of one operation of openapi.yaml.
type route struct {
	kin         *routers.Route // for kin-openapi: the operation without its security requirements
	op          *openapi3.Operation
	key         string // "METHOD /path/{template}", the rate-limit bucket prefix
	action      string // x-strapi-action: the permission the caller's role needs; "" = none
	rateLimited bool   // x-rate-limited
	pathParams  bool   // the operation has path parameters
	queryParams bool   // the operation reads its query string
	// queryOnly: the operation's only input is optional query parameters (GET
	// /api/users/me): without a query string there is nothing to validate.
	queryOnly   bool
	unknownKeys int
	userFields  bool           // the body may hold custom user fields (x-user-fields)
	fieldOrder  []string       // body fields in the order Strapi reports their errors
	maxBytes    map[string]int // x-max-bytes of top-level body fields
}

const (
	unknownKeysUnspecified       = iota // "this field has unspecified keys: ..." (yup noUnknown)
	unknownKeysInvalidParameters        // "Invalid parameters: ..." (register's whitelist)
)

// Routes are the operations of openapi.yaml as the gate knows them: read once, at the
// wiring, from the embedded spec, whose every operation's x-strapi-action also makes the
// catalog of actions roles and API tokens are given from (Actions).
type Routes struct {
	byKey  map[string]*route
	fields *profile.Schema
	model  *strapiquery.Model
	// The spec served at /openapi.json and /openapi.yaml: openapi.yaml with the custom user
	// fields (the very one requests are validated against).
	specJSON, specYAML []byte
}

// NewRoutes reads the operations of the embedded openapi.yaml, extended with the custom
// user fields of the operator's declaration.
func NewRoutes(fields *profile.Schema) (*Routes, error) {
	spec, err := EffectiveSpec(fields)
	if err != nil {
		return nil, err
	}
	// As written (comments included) when nothing was added.
	specYAML := mtbapi.OpenAPIYAML
	specJSON, err := api.GetSpecJSON()
	if err != nil {
		return nil, fmt.Errorf("the spec: %w", err)
	}
	if fields.Len() > 0 {
		if specJSON, err = spec.MarshalJSON(); err != nil {
			return nil, fmt.Errorf("the spec: %w", err)
		}
		if specYAML, err = profile.YAML(spec); err != nil {
			return nil, err
		}
	}
	servers := spec.Servers
	spec.Servers = nil // match paths whatever host the server is reached at
	m, err := routes(spec)
	spec.Servers = servers
	if err != nil {
		return nil, err
	}
	return &Routes{byKey: m, fields: fields, model: queryModel(fields), specJSON: specJSON, specYAML: specYAML}, nil
}

// SpecJSON is the served spec, as JSON.
func (r *Routes) SpecJSON() []byte { return r.specJSON }

// SpecYAML is the served spec, as YAML.
func (r *Routes) SpecYAML() []byte { return r.specYAML }

// EffectiveSpec is openapi.yaml with the custom user fields added where it marks them
// (x-user-fields): what this instance serves, validates against and `mtb-api openapi` prints.
func EffectiveSpec(fields *profile.Schema) (*openapi3.T, error) {
	spec, err := embeddedSpec()
	if err != nil {
		return nil, fmt.Errorf("load the embedded openapi.yaml: %w", err)
	}
	if err := fields.Extend(spec); err != nil {
		return nil, fmt.Errorf("add the custom user fields to the spec: %w", err)
	}
	if err := spec.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("the spec with the custom user fields: %w", err)
	}
	return spec, nil
}

// embeddedSpec is the spec embedded by the code generator (JSON), read with encoding/json
// and its references resolved: the same document as api.GetSpec, whose loader parses the
// JSON as YAML, in a third of the time (about 20 ms less at every start).
func embeddedSpec() (*openapi3.T, error) {
	data, err := api.GetSpecJSON()
	if err != nil {
		return nil, err
	}
	spec := new(openapi3.T)
	if err := json.Unmarshal(data, spec); err != nil {
		return nil, err
	}
	if err := openapi3.NewLoader().ResolveRefsIn(spec, nil); err != nil {
		return nil, err
	}
	return spec, nil
}

// queryModel is the user model of Strapi's query language with the custom fields.
func queryModel(fields *profile.Schema) *strapiquery.Model {
	if fields.Len() == 0 {
		return strapiquery.BaseModel
	}
	var (
		shown   []strapiquery.Attr
		private []string
	)
	for _, f := range fields.Fields {
		if f.Private {
			private = append(private, f.Name)
			continue
		}
		kind := strapiquery.Text
		switch f.Type {
		case profile.Integer, profile.Decimal, profile.Float:
			kind = strapiquery.Number
		case profile.BigInteger:
			kind = strapiquery.BigInt
		case profile.Boolean:
			kind = strapiquery.Bool
		case profile.Date:
			kind = strapiquery.Date
		case profile.DateTime:
			kind = strapiquery.DateTime
		case profile.Time:
			kind = strapiquery.ClockTime
		case profile.JSON:
			kind = strapiquery.JSONValue
		}
		shown = append(shown, strapiquery.Attr{Name: f.Name, Kind: kind})
	}
	return strapiquery.NewModel(shown, private)
}

// Actions lists the x-strapi-action of the operations, sorted, each once.
func (r *Routes) Actions() []string {
	var out []string
	for _, rt := range r.byKey {
		if rt.action != "" {
			out = append(out, rt.action)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// routes indexes the operations of the spec by "METHOD pattern", the pattern written as
// chi writes it (the same as OpenAPI's path templates).
func routes(spec *openapi3.T) (map[string]*route, error) {
	out := map[string]*route{}
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			// kin-openapi gets the operation without its security requirements: the gate
			// authenticates before validation, as Strapi does, so kin-openapi need not check
			// them again (nor read the body again to do so).
			kinOp := *op
			kinOp.Security = &openapi3.SecurityRequirements{}
			rt := &route{
				kin: &routers.Route{Spec: spec, Path: path, PathItem: item, Method: method, Operation: &kinOp},
				op:  op,
				key: method + " " + path,
			}
			if a, ok := op.Extensions["x-strapi-action"]; ok {
				s, isStr := a.(string)
				if !isStr || s == "" {
					return nil, fmt.Errorf("%s %s: x-strapi-action must be a string", method, path)
				}
				rt.action = s
			} else if sec := op.Security; sec == nil || len(*sec) > 0 {
				return nil, fmt.Errorf("%s %s: a secured operation needs x-strapi-action", method, path)
			}
			rt.rateLimited, _ = op.Extensions["x-rate-limited"].(bool)
			rt.queryOnly = op.RequestBody == nil
			for _, params := range []openapi3.Parameters{item.Parameters, op.Parameters} {
				for _, p := range params {
					if p.Value != nil {
						rt.pathParams = rt.pathParams || p.Value.In == openapi3.ParameterInPath
						rt.queryParams = rt.queryParams || p.Value.In == openapi3.ParameterInQuery
						rt.queryOnly = rt.queryOnly && p.Value.In == openapi3.ParameterInQuery && !p.Value.Required
					}
				}
			}
			if op.OperationID == "register" {
				rt.unknownKeys = unknownKeysInvalidParameters
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
					s := mt.Schema.Value
					_, rt.userFields = s.Extensions["x-user-fields"]
					rt.fieldOrder = slices.Clone(s.Required)
					names := make([]string, 0, len(s.Properties))
					for name, p := range s.Properties {
						names = append(names, name)
						if p.Value == nil {
							continue
						}
						if v, ok := p.Value.Extensions["x-max-bytes"]; ok {
							n, isNum := v.(float64)
							if !isNum {
								return nil, fmt.Errorf("%s %s: x-max-bytes of %s must be a number", method, path, name)
							}
							if rt.maxBytes == nil {
								rt.maxBytes = map[string]int{}
							}
							rt.maxBytes[name] = int(n)
						}
					}
					slices.Sort(names)
					for _, n := range names {
						if !slices.Contains(rt.fieldOrder, n) {
							rt.fieldOrder = append(rt.fieldOrder, n)
						}
					}
				}
			}
			out[method+" "+path] = rt
		}
	}
	return out, nil
}

// sortFields orders field errors as Strapi's yup schemas report them.
func (rt *route) sortFields(fields []apierror.FieldError) []apierror.FieldError {
	idx := func(f apierror.FieldError) int {
		if len(f.Path) == 0 {
			return -1
		}
		if i := slices.Index(rt.fieldOrder, f.Path[0]); i >= 0 {
			return i
		}
		return len(rt.fieldOrder)
	}
	slices.SortStableFunc(fields, func(a, b apierror.FieldError) int { return idx(a) - idx(b) })
	return fields
}

// gate runs before every operation of the spec, in Strapi's order: read and parse the body
// (Strapi's body parser runs first: a body that does not parse is refused uncounted),
// authenticate the caller (a Bearer token, or the Public role), check the operation's
// permission, count the request against the rate limit, then validate it against
// openapi.yaml. It reports whether the request goes on to its handler; when not, it has
// answered it.
func (s *Server) gate(w http.ResponseWriter, r *http.Request, rt *route, c *requestState) bool {
	raw, err := readBody(r, rt)
	if err != nil {
		writeError(w, r, s.log, err)
		return false
	}
	ctx := r.Context()
	if rt.action != "" {
		p, err := s.authenticate(ctx, r)
		if err != nil {
			writeError(w, r, s.log, err)
			return false
		}
		if !p.Actions.Has(rt.action) {
			writeError(w, r, s.log, auth.ErrForbidden)
			return false
		}
		c.info.principal = p
	}
	if rt.rateLimited && s.limiter != nil {
		res, err := s.limiter.Hit(ctx, rt.key+"|"+s.rateLimitBucket(r))
		switch {
		case err != nil:
			// The shared counters are out of reach (Redis down): serve rather than
			// refuse every login, and say so in the log.
			s.log.WarnContext(ctx, "rate limiter unavailable, request not counted", "request_id", c.info.id, "err", err)
		default:
			h := w.Header()
			h.Set("X-RateLimit-Limit", strconv.Itoa(res.Limit))
			h.Set("X-RateLimit-Remaining", strconv.Itoa(res.Remaining))
			h.Set("X-RateLimit-Reset", strconv.FormatInt(res.Reset.Unix(), 10))
			if !res.Allowed {
				s.metrics.RateLimited(rt.op.OperationID)
				writeError(w, r, s.log, errRateLimited)
				return false
			}
		}
	}
	if err := validate(ctx, r, rt, c.route.URLParams, raw); err != nil {
		writeError(w, r, s.log, err)
		return false
	}
	if rt.userFields && s.fields.Len() > 0 && raw != nil {
		c.info.userFields = userFieldsOf(s.fields, parseBody(r, raw).value)
	}
	return true
}

// authenticate finds who the request acts as, as Strapi's content-API strategies do: a
// Bearer token must be an API token or a valid JWT (even on public operations); without
// one the caller is the Public role.
func (s *Server) authenticate(ctx context.Context, r *http.Request) (*auth.Principal, error) {
	if token, ok := bearerToken(r.Header.Get("Authorization")); ok {
		// Strapi's strategies in order: API tokens first, then the users' JWTs. A token
		// that is no API token (every JWT) goes on to the JWT strategy.
		actions, err := s.tokens.Authenticate(ctx, token)
		if err != nil {
			return nil, err
		}
		if actions != nil { // an API token: it acts for no user
			return &auth.Principal{Actions: actions}, nil
		}
		return s.auth.Authenticate(ctx, token)
	}
	return s.auth.Anonymous(ctx)
}

// bearerToken reads "Bearer <token>" as Strapi does: split on runs of whitespace, a
// case-insensitive "bearer" and exactly one token. Anything else counts as no token.
func bearerToken(h string) (string, bool) {
	parts := strings.Fields(h)
	if len(parts) != 2 || !strings.EqualFold(parts[0], "bearer") {
		return "", false
	}
	return parts[1], true
}

// principal is the caller of an operation with x-strapi-action (set by the gate).
func principal(ctx context.Context) *auth.Principal {
	return info(ctx).principal
}

// userFieldsOf are the custom user fields of a body, as sent.
func userFieldsOf(fields *profile.Schema, body any) map[string]any {
	obj, _ := body.(map[string]any)
	out := map[string]any{}
	for k, v := range obj {
		if _, ok := fields.Field(k); ok {
			out[k] = v
		}
	}
	return out
}
