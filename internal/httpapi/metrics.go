package httpapi

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

// Operation labels of requests the spec does not describe (mtb_http_requests_total).
const (
	// unmatchedOperation: no route at all (404) or a known path with another method (405).
	// One label for all of them: their paths are whatever a client sent.
	unmatchedOperation = "unmatched"
	// docsOperationPrefix names the documentation's routes by their pattern in this code
	// ("docs GET /docs/*"), never by the path requested.
	docsOperationPrefix = "docs "
)

// measure counts each request and its duration by operation and status. It runs inside
// requestLog, whose requestInfo the gate fills with the operationId and whose
// statusWriter holds the status once the answer is written.
func (s *Server) measure(next http.Handler) http.Handler {
	if s.metrics == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		op := info(r.Context()).operation
		if op == "" {
			op = s.otherOperation(r)
		}
		s.metrics.Request(op, writtenStatus(w), time.Since(start))
	})
}

// otherOperation labels a request outside the spec: the documentation's route pattern
// when it is one of those, otherwise unmatchedOperation. Only these requests pay for the
// second route lookup.
func (s *Server) otherOperation(r *http.Request) string {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return unmatchedOperation // the documentation only answers GET and HEAD
	}
	if p := s.mux.Find(chi.NewRouteContext(), r.Method, r.URL.Path); p != "" {
		return docsOperationPrefix + r.Method + " " + p
	}
	return unmatchedOperation
}

// writtenStatus is the status of the answer written to w (200 when the handler wrote
// nothing, as net/http sends).
func writtenStatus(w http.ResponseWriter) int {
	for {
		switch t := w.(type) {
		case *statusWriter:
			if t.status == 0 {
				return http.StatusOK
			}
			return t.status
		case interface{ Unwrap() http.ResponseWriter }:
			w = t.Unwrap()
		default:
			return http.StatusOK
		}
	}
}
