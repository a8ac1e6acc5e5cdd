package httpapi

// Operation labels of requests the spec does not describe (mtb_http_requests_total).
const (
	// unmatchedOperation: no route at all (404) or a known path with another method (405).
	// One label for all of them: their paths are whatever a client sent.
	unmatchedOperation = "unmatched"
	// docsOperationPrefix names the documentation's routes by their pattern in this code
	// ("docs GET /docs/*"), never by the path requested.
	docsOperationPrefix = "docs "
)

// otherOperation labels a request that is no operation of the spec (ServeHTTP's metrics):
// the documentation's route pattern when it took one of those, otherwise
// unmatchedOperation.
func otherOperation(method, pattern string) string {
	if pattern == "" {
		return unmatchedOperation
	}
	return docsOperationPrefix + method + " " + pattern
}
