package apitest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

var (
	specOnce   sync.Once
	specRouter routers.Router
	spec       *openapi3.T
	specErr    error

	coverageMu sync.Mutex
	coverage   = map[string]int{} // "operationId status" → responses seen
)

func loadSpec() {
	spec, specErr = api.GetSpec()
	if specErr != nil {
		return
	}
	spec.Servers = nil
	specRouter, specErr = legacy.NewRouter(spec)
}

// validatingTransport checks every response of an operation of openapi.yaml against the
// spec: status declared, headers and body matching their schemas.
type validatingTransport struct {
	t    testing.TB
	base http.RoundTripper
}

func (vt *validatingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	specOnce.Do(loadSpec)
	if specErr != nil {
		return nil, specErr
	}
	resp, err := vt.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))

	route, params, err := specRouter.FindRoute(req)
	if err != nil {
		return resp, nil // not an operation of the spec (unknown paths, /docs, ...)
	}
	record(route.Operation.OperationID, resp.StatusCode)
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		vt.t.Errorf("%s %s → %d does not match openapi.yaml: %v\nbody: %s", req.Method, req.URL.Path, resp.StatusCode, err, body)
	}
	return resp, nil
}

func record(op string, status int) {
	coverageMu.Lock()
	coverage[fmt.Sprintf("%s %d", op, status)]++
	coverageMu.Unlock()
}

// Declared lists every (operationId, status) pair openapi.yaml declares.
func Declared() ([]string, error) {
	specOnce.Do(loadSpec)
	if specErr != nil {
		return nil, specErr
	}
	var out []string
	for _, item := range spec.Paths.Map() {
		for _, op := range item.Operations() {
			for status := range op.Responses.Map() {
				out = append(out, op.OperationID+" "+status)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// WriteCoverage appends the pairs seen by this test process to the file named by
// TEST_COVERAGE_FILE, one "operationId status count" per line, for make coverage-report.
func WriteCoverage() error {
	path := os.Getenv("TEST_COVERAGE_FILE")
	if path == "" {
		return nil
	}
	coverageMu.Lock()
	defer coverageMu.Unlock()
	var b strings.Builder
	for k, n := range coverage {
		fmt.Fprintf(&b, "%s %d\n", k, n)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(b.String())
	return err
}

// Main runs a test package's tests, then writes the coverage and drops the PostgreSQL
// template database. Use it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	if err := WriteCoverage(); err != nil {
		fmt.Fprintln(os.Stderr, "write coverage:", err)
		code = 1
	}
	DropTemplate()
	return code
}
