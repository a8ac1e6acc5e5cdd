package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

type requestInfoKey struct{}

// requestInfo is what the access log says of a request (the gate fills in the operation).
// It is also the one place where handlers read what the generated interface cannot type:
//   - rawQuery: Strapi's query language (filters[$or][0][username][$eq]=...), nested to any
//     depth, which strapiquery parses;
//   - header, for two headers only: the refresh cookie, whose name the operator chooses
//     (SESSIONS_COOKIE_NAME), and Accept, which OpenAPI does not let a spec declare as a
//     parameter (the confirmation redirect answers HTML or text by it).
//   - userFields: the custom user fields of a body (register, the users API, PUT
//     /api/users/me), which the operator declares at start (USER_FIELDS_FILE), so no
//     generated type can know them; the gate validated them against the served spec.
//
// Everything else a handler needs is a typed parameter or body of openapi.yaml, and the
// Set-Cookie headers go out with the answer's type (cookie.go).
type requestInfo struct {
	id         string
	operation  string
	rawQuery   string
	header     http.Header     // the request's
	userFields map[string]any  // nil: none sent (or no operation that takes them)
	principal  *auth.Principal // the caller of an operation with x-strapi-action (set by the gate)
}

func info(ctx context.Context) *requestInfo {
	i, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	if i == nil {
		return &requestInfo{}
	}
	return i
}

// requestID is the id of the request in ctx, also sent back as X-Request-Id.
func requestID(ctx context.Context) string { return info(ctx).id }

// validRequestID accepts a caller's X-Request-Id only when it is short and plain, so that
// it cannot forge log lines.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// statusWriter records the status and size of a response, and gives JSON responses
// Strapi's content type, "application/json; charset=utf-8".
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		if h := w.Header(); h.Get("Content-Type") == "application/json" {
			h["Content-Type"] = jsonContentTypeValue
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// responseStarted reports whether the status of w's response has been written, so that
// no second answer can be given.
func responseStarted(w http.ResponseWriter) bool {
	for {
		switch t := w.(type) {
		case *statusWriter:
			return t.status != 0
		case interface{ Unwrap() http.ResponseWriter }:
			w = t.Unwrap()
		default:
			return false
		}
	}
}

// AccessLog says which requests get an access-log line (config's LOG_ACCESS).
type AccessLog string

const (
	AccessLogAll    AccessLog = "all"    // every request
	AccessLogErrors AccessLog = "errors" // the answers ≥ 400 and the slow requests (Deps.SlowRequest)
	AccessLogOff    AccessLog = "off"    // none: the metrics count them
)

// requestState is what the service keeps of one request, in one allocation: the request's
// context, which also carries the requestInfo and chi's route context (so neither needs a
// context of its own), and the statusWriter the answer goes through.
type requestState struct {
	context.Context // the request's context as it came

	info  requestInfo
	route chi.Context
	sw    statusWriter
	// Room for the route's parameters and pattern, so that routing appends without
	// allocating (no operation has more than two path parameters).
	paramKeys, paramValues [2]string
	patterns               [1]string
}

// Value answers the requestInfo and chi's route context from the state itself, and every
// other key from the request's context.
func (c *requestState) Value(key any) any {
	switch key {
	case requestInfoKey{}:
		return &c.info
	case chi.RouteCtxKey:
		return &c.route
	}
	return c.Context.Value(key)
}

// ServeHTTP is the service's front door. Every request, in this order:
//   - gets an id (its valid X-Request-Id, or a new one), sent back as X-Request-Id;
//   - gets the security headers and CORS' (a preflight is answered here);
//   - has its body capped (MAX_BODY_BYTES: a larger declared length is 413 at once);
//   - is routed once, "/path/" served as "/path", as Strapi's router does;
//   - goes through the gate (an operation of openapi.yaml) to its handler, or to the
//     documentation's, or is answered 404 or 405;
//
// and then is counted in the metrics and written to the access log. A panic is a logged 500
// in the envelope. One function rather than a chain of middlewares: each layer of a chain
// costs a closure call and a copy of the request, on every request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := r.Header.Get("X-Request-Id")
	if !validRequestID(id) {
		id = newRequestID()
	}
	c := &requestState{Context: r.Context()}
	c.info = requestInfo{id: id, rawQuery: r.URL.RawQuery, header: r.Header}
	c.route.Routes = s.mux
	c.route.URLParams.Keys, c.route.URLParams.Values = c.paramKeys[:0], c.paramValues[:0]
	c.route.RoutePatterns = c.patterns[:0]
	c.sw.ResponseWriter = w
	h := w.Header()
	h["X-Request-Id"] = []string{id}
	for _, kv := range securityHeaderValues {
		h[kv.key] = kv.value
	}
	r = r.WithContext(c)
	pattern := s.serve(&c.sw, r, c)
	status := c.sw.status
	if status == 0 {
		status = http.StatusOK
	}
	took := time.Since(start)
	if s.metrics != nil {
		op := c.info.operation
		if op == "" {
			op = otherOperation(r.Method, pattern)
		}
		s.metrics.Request(op, status, took)
	}
	switch {
	case s.accessLog == AccessLogOff,
		s.accessLog == AccessLogErrors && status < 400 && took < s.slowRequest,
		!s.log.Enabled(r.Context(), slog.LevelInfo):
		return
	}
	attrs := [8]slog.Attr{
		slog.String("request_id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
		slog.Int("status", status), slog.Int("bytes", c.sw.bytes),
		slog.Float64("duration_ms", float64(took.Microseconds())/1000), slog.String("ip", s.clientIP(r)),
	}
	n := 7
	if c.info.operation != "" {
		attrs[n] = slog.String("operation", c.info.operation)
		n++
	}
	// Only the path is logged: query strings can hold one-time codes, and headers are
	// never logged.
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs[:n]...)
}

// serve answers the request (ServeHTTP has set its id and security headers) and returns the
// pattern of the route it took ("" when none): the request's metrics label when it is no
// operation of the spec.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, c *requestState) (pattern string) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(w, r, s.log, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
		}
	}()
	if s.cors(w, r) {
		return ""
	}
	// The body limit: 1 MiB by default, as Strapi's body parser; a larger body is 413 when
	// it is read.
	if r.ContentLength > s.maxBody {
		writeError(w, r, s.log, errTooLarge)
		return ""
	}
	if r.Body != http.NoBody {
		r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
	}
	stripSlash(r)
	// The path as sent, as chi and Strapi's router match it: "/api/users/a%2Fb" is one
	// segment, a parameter "a/b" once decoded.
	path := r.URL.EscapedPath()
	pattern = s.mux.Find(&c.route, r.Method, path)
	e, ok := s.endpoints[endpointKey{r.Method, pattern}]
	if !ok {
		// No route: chi answers (404, or 405 for a known path), on the same path.
		c.route.Reset()
		c.route.Routes, c.route.RoutePath = s.mux, path
		s.mux.ServeHTTP(w, r)
		return pattern
	}
	if e.op != nil {
		c.info.operation = e.op.op.OperationID
		if !s.gate(w, r, e.op, c) {
			return pattern
		}
	}
	e.h.ServeHTTP(w, r)
	return pattern
}

// stripSlash serves "/api/auth/local/" as "/api/auth/local", as Strapi's router does;
// "/docs/", the documentation's page, is the one path whose slash counts. The URL is the
// request's own copy (ServeHTTP's request is already a copy of the server's).
func stripSlash(r *http.Request) {
	p := r.URL.Path
	if len(p) <= 1 || !strings.HasSuffix(p, "/") || p == "/docs/" {
		return
	}
	u := *r.URL
	u.Path = strings.TrimRight(p, "/")
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawPath = ""
	r.URL = &u
}

// apiCSP is the Content-Security-Policy of every response but the documentation's pages
// (docsCSP): a JSON API loads nothing.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// securityHeaderValues are the headers Strapi's security middleware (helmet) sets, with a
// Content-Security-Policy fit for a JSON API (the documentation's pages replace it): with
// canonical keys and each value as the one-element slice Header.Set would allocate for
// every response. The slices are shared: net/http only reads them, Set replaces them and
// Add appends into a new array (their capacity is their length).
var securityHeaderValues = func() []headerValue {
	var out []headerValue
	for _, kv := range [][2]string{
		{"Content-Security-Policy", apiCSP},
		{"Referrer-Policy", "no-referrer"},
		{"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
		{"X-Content-Type-Options", "nosniff"},
		{"X-DNS-Prefetch-Control", "off"},
		{"X-Download-Options", "noopen"},
		{"X-Frame-Options", "SAMEORIGIN"},
		{"X-Permitted-Cross-Domain-Policies", "none"},
		{"Cache-Control", "no-store"},
	} {
		out = append(out, headerValue{http.CanonicalHeaderKey(kv[0]), []string{kv[1]}})
	}
	return out
}()

type headerValue struct {
	key   string
	value []string
}

// varyOrigin is the Vary header of every answer (a shared slice, as securityHeaderValues).
var varyOrigin = []string{"Origin"}

// cors answers CORS as Strapi's default configuration does (the request's Origin is
// echoed, preflights are answered here), but for credentials (decision D16): only an
// origin listed in CORS_ORIGIN gets Access-Control-Allow-Credentials, so that only its
// pages may send the user's cookies (cookie mode's refresh cookie) and read the answer.
// With "*" any other origin is allowed without credentials: its pages can call the API
// with a token they hold, never read a refresh with the user's cookie. The origin "null"
// (sandboxed frames, local files: any site can make one) is never given credentials.
// It reports whether it answered the request (a preflight).
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	h["Vary"] = varyOrigin
	origin := r.Header.Get("Origin")
	credentials := origin != "" && origin != "null" && slices.Contains(s.corsOrigins, origin)
	allowed := credentials || origin != "" && slices.Contains(s.corsOrigins, "*")
	if allowed {
		h.Set("Access-Control-Allow-Origin", origin)
	}
	if credentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		if allowed {
			h.Set("Access-Control-Max-Age", "31536000")
			h.Set("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type,Authorization,Origin,Accept,X-Request-Id,x-strapi-refresh-cookie")
		}
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	if allowed {
		h.Set("Access-Control-Expose-Headers", "X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset,X-Request-Id")
	}
	return false
}

// clientIP is the address of the client: the connection's peer, or, when the peer is a
// trusted proxy, the last address in X-Forwarded-For that is not a trusted proxy.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !s.trusted(peer) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !s.trusted(a) {
			return a.Unmap().String()
		}
		peer = a
	}
	return peer.Unmap().String()
}

// rateLimitBucket is the client's part of a rate-limit key (decision D9: client IP and
// route only): an IPv4 address as it is, an IPv6 address reduced to its network of
// RATE_LIMIT_IPV6_PREFIX bits (/64 by default), since one IPv6 host commonly owns a whole
// /64 and could rotate through its addresses to get a fresh budget each time.
func (s *Server) rateLimitBucket(r *http.Request) string {
	return clientBucket(s.clientIP(r), s.ipv6Prefix)
}

// clientBucket is rateLimitBucket for the address ip: IPv4-mapped IPv6 addresses
// (::ffff:192.0.2.1) count as the IPv4 address they map, and an IPv6 zone is ignored.
func clientBucket(ip string, ipv6Bits int) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip // not an IP address (the peer of a Unix socket): counted as it is
	}
	a = a.Unmap().WithZone("")
	if a.Is4() || ipv6Bits >= 128 {
		return a.String()
	}
	return netip.PrefixFrom(a, ipv6Bits).Masked().String()
}

func (s *Server) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range s.trustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
