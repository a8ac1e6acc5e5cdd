// Package httpapi is the HTTP side of the service: the chi router built from openapi.yaml,
// the front door every request goes through (request ids, access log, metrics, security
// headers, CORS, the body limit: Server.ServeHTTP), the gate of every operation
// (authentication, permissions, rate limiting, request validation), the handlers
// implementing the generated strict server interface, and the mapping of every error to
// Strapi's envelope.
package httpapi

import (
	"cmp"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/ratelimit"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// Deps are what the HTTP layer needs.
type Deps struct {
	Routes         *Routes          // the operations of openapi.yaml (NewRoutes)
	Now            func() time.Time // the service's clock (cookie expiries); time.Now when nil
	Auth           *auth.Service
	Roles          *access.Roles
	Tokens         *access.APITokens
	Store          *store.Store
	Limiter        ratelimit.Limiter // nil: no rate limiting
	Logger         *slog.Logger
	TrustedProxies []netip.Prefix
	CORSOrigins    []string         // listed origins get credentials; "*": any other origin, without (D16)
	MaxBodyBytes   int64            // the request body limit, positive (config's MAX_BODY_BYTES)
	RefreshCookie  RefreshCookie    // refresh mode's httpOnly cookie, its Name and Path set (config)
	Metrics        *metrics.Metrics // requests and rate-limit refusals are counted there; none when nil
	AccessLog      AccessLog        // which requests get an access-log line; AccessLogAll when empty
	SlowRequest    time.Duration    // AccessLogErrors logs the requests that take this long too; 1 s when 0

	// RateLimitIPv6Prefix is the length of the IPv6 prefix that shares one rate-limit
	// bucket (config's RATE_LIMIT_IPV6_PREFIX); 0 means 64.
	RateLimitIPv6Prefix int
}

// Server is the HTTP handler of the service.
type Server struct {
	auth           *auth.Service
	now            func() time.Time
	roles          *access.Roles
	tokens         *access.APITokens
	store          *store.Store
	limiter        ratelimit.Limiter
	log            *slog.Logger
	trustedProxies []netip.Prefix
	ipv6Prefix     int
	corsOrigins    []string
	maxBody        int64
	cookie         RefreshCookie
	metrics        *metrics.Metrics
	accessLog      AccessLog
	slowRequest    time.Duration

	mux       *chi.Mux
	endpoints map[endpointKey]endpoint // every route of mux, by method and pattern
	fields    *profile.Schema          // the custom user fields
	model     *strapiquery.Model       // the user model of Strapi's query language, with them
}

// endpointKey is a route of the router: a method and chi's pattern (OpenAPI's template).
type endpointKey struct{ method, pattern string }

// endpoint is what serves a route: the generated handler of an operation (op: what the
// gate knows of it), or a handler of the documentation (op nil).
type endpoint struct {
	op *route
	h  http.Handler
}

// New builds the handler.
func New(d Deps) (*Server, error) {
	if d.Routes == nil {
		return nil, errors.New("httpapi: no routes given (NewRoutes)")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Server{
		auth: d.Auth, now: d.Now, roles: d.Roles, tokens: d.Tokens, store: d.Store, limiter: d.Limiter, log: d.Logger,
		trustedProxies: d.TrustedProxies, corsOrigins: d.CORSOrigins, maxBody: d.MaxBodyBytes,
		cookie: d.RefreshCookie, mux: chi.NewMux(), ipv6Prefix: d.RateLimitIPv6Prefix,
		fields: d.Routes.fields, model: d.Routes.model, metrics: d.Metrics, accessLog: d.AccessLog,
		slowRequest: cmp.Or(d.SlowRequest, time.Second),
	}
	if s.accessLog == "" {
		s.accessLog = AccessLogAll
	}
	if s.ipv6Prefix == 0 {
		s.ipv6Prefix = 64
	}
	s.mux.NotFound(func(w http.ResponseWriter, r *http.Request) { writeError(w, r, s.log, errNotFound) })
	s.mux.MethodNotAllowed(s.methodNotAllowed)
	strict := api.NewStrictHandlerWithOptions(handlers{s}, nil, api.StrictHTTPServerOptions{
		RequestErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			// The gate validated the request, so this is a body the validator let through
			// but the generated decoder could not bind.
			s.log.WarnContext(r.Context(), "request body not bound", "request_id", requestID(r.Context()), "err", err)
			writeError(w, r, s.log, &apierror.Error{Kind: apierror.Validation, Message: "Invalid request body"})
		},
		ResponseErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			if responseStarted(w) {
				// The answer was on its way when writing it failed, most often because the
				// client went away: there is no second answer to give.
				s.log.WarnContext(r.Context(), "response not completed", "request_id", requestID(r.Context()), "err", err)
				return
			}
			writeError(w, r, s.log, err)
		},
	})
	api.HandlerWithOptions(strict, api.ChiServerOptions{
		BaseRouter: s.mux,
		ErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			writeError(w, r, s.log, &apierror.Error{Kind: apierror.Validation, Message: "Invalid parameter"})
		},
	})
	docs, err := newDocs(d.Routes)
	if err != nil {
		return nil, err
	}
	s.registerDocs(docs)
	if s.endpoints, err = endpoints(s.mux, d.Routes.byKey); err != nil {
		return nil, err
	}
	return s, nil
}

// endpoints indexes the routes of mux by method and pattern, each operation's with what
// the gate knows of it, so that ServeHTTP routes a request once and calls its handler.
func endpoints(mux *chi.Mux, ops map[string]*route) (map[endpointKey]endpoint, error) {
	out := map[endpointKey]endpoint{}
	for _, rt := range mux.Routes() {
		if rt.SubRoutes != nil {
			return nil, fmt.Errorf("httpapi: %s: sub-routers are not served", rt.Pattern)
		}
		for method, h := range rt.Handlers {
			out[endpointKey{method, rt.Pattern}] = endpoint{op: ops[method+" "+rt.Pattern], h: h}
		}
	}
	for key := range ops {
		method, pattern, _ := strings.Cut(key, " ")
		if out[endpointKey{method, pattern}].op == nil {
			return nil, fmt.Errorf("httpapi: the operation %s has no handler", key)
		}
	}
	return out, nil
}

// methodNotAllowed answers a known path with an unknown method: 405 with Allow, except
// for GET and HEAD, which Strapi answers 404 (GET /api/auth/local is a 404 there).
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		writeError(w, r, s.log, errNotFound)
		return
	}
	var allowed []string
	for _, m := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"} {
		if s.mux.Match(chi.NewRouteContext(), m, r.URL.Path) {
			allowed = append(allowed, m)
		}
	}
	if slices.Contains(allowed, "GET") && !slices.Contains(allowed, "HEAD") {
		allowed = slices.Insert(allowed, 0, "HEAD")
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	writeError(w, r, s.log, errMethodNotAllowed)
}
