package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
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
	// served: the spec the server serves, when it is not openapi.yaml as committed (an
	// instance with custom user fields); its router finds the operations.
	served       *openapi3.T
	servedRouter routers.Router
}

// useServedSpec makes vt validate against the spec the server at url serves
// (/openapi.json), as read by a client of that instance.
func (vt *validatingTransport) useServedSpec(url string) error {
	resp, err := vt.base.RoundTrip(mustRequest(url + "/openapi.json"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		return fmt.Errorf("the served spec: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return fmt.Errorf("the served spec is not valid: %w", err)
	}
	doc.Servers = nil
	r, err := legacy.NewRouter(doc)
	if err != nil {
		return err
	}
	vt.served, vt.servedRouter = doc, r
	return nil
}

// routedAs is req as a router sees it: the service and Strapi's router match the path as
// sent, where "/api/users/1%2F2" is one segment (an id "1/2"), not two.
func routedAs(req *http.Request) *http.Request {
	if req.URL.RawPath == "" {
		return req
	}
	u := *req.URL
	u.Path, u.RawPath = req.URL.EscapedPath(), ""
	r := *req
	r.URL = &u
	return &r
}

func mustRequest(url string) *http.Request {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		panic(err)
	}
	return req
}

func (vt *validatingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	specOnce.Do(loadSpec)
	if specErr != nil {
		return nil, specErr
	}
	specRouter := specRouter
	if vt.servedRouter != nil {
		specRouter = vt.servedRouter
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

	route, params, err := specRouter.FindRoute(routedAs(req))
	if err != nil {
		// Not an operation of the spec (unknown paths and methods, /docs, ...). Under /api/
		// only errors may answer it, in the error envelope.
		// CORS preflights are answered by the CORS layer, before any operation.
		preflight := req.Method == http.MethodOptions && req.Header.Get("Access-Control-Request-Method") != ""
		if strings.HasPrefix(req.URL.Path, "/api/") && !preflight {
			vt.checkUndeclared(req, resp, body)
		}
		return resp, nil
	}
	record(route.Operation.OperationID, resp.StatusCode)
	// A response declared without content has no body (ValidateResponse does not check
	// it), but for the short text Koa puts in redirects.
	decl := route.Operation.Responses.Status(resp.StatusCode)
	if decl == nil {
		decl = route.Operation.Responses.Default()
	}
	if decl != nil && decl.Value != nil && len(decl.Value.Content) == 0 && len(body) != 0 && resp.StatusCode/100 != 3 {
		vt.t.Errorf("%s %s → %d has a body, openapi.yaml declares none: %q", req.Method, req.URL.Path, resp.StatusCode, body)
	}
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

// checkUndeclared checks the answer to a request under /api/ that matches no operation:
// never a success, and an error in the envelope of components.schemas.Error.
func (vt *validatingTransport) checkUndeclared(req *http.Request, resp *http.Response, body []byte) {
	where := fmt.Sprintf("%s %s → %d (no operation of openapi.yaml)", req.Method, req.URL.Path, resp.StatusCode)
	if resp.StatusCode < 400 {
		vt.t.Errorf("%s: only errors may answer it\nbody: %s", where, body)
		return
	}
	if req.Method == http.MethodHead {
		return
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		vt.t.Errorf("%s: the body is not JSON: %v\nbody: %s", where, err, body)
		return
	}
	ref := spec.Components.Schemas["Error"]
	if ref == nil || ref.Value == nil {
		vt.t.Errorf("openapi.yaml has no components.schemas.Error")
		return
	}
	if err := ref.Value.VisitJSON(v); err != nil {
		vt.t.Errorf("%s: the body is not an Error of openapi.yaml: %v\nbody: %s", where, err, body)
	}
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

// Main runs a test package's tests, drops the PostgreSQL template database, and, when the
// whole package ran (no -run or -skip filter), checks that every (operation, status) pair
// openapi.yaml declares was produced by some test, writing the table to
// test-results/contract-coverage.md. Use it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	DropTemplate()
	if code == 0 && flagEmpty("test.run") && flagEmpty("test.skip") && !testing.Short() {
		missing, err := checkCoverage()
		if err != nil {
			fmt.Fprintln(os.Stderr, "contract coverage:", err)
			return 1
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "contract coverage: %d response(s) declared in openapi.yaml were never produced by a test:\n  %s\n",
				len(missing), strings.Join(missing, "\n  "))
			return 1
		}
	}
	return code
}

// flagEmpty reports whether the test flag name is unset (a -run or -skip filter means
// not all tests ran).
func flagEmpty(name string) bool {
	f := flag.Lookup(name)
	return f != nil && f.Value.String() == ""
}

// checkCoverage compares the pairs seen with the pairs declared, writes the table and
// returns the declared pairs no test produced.
func checkCoverage() ([]string, error) {
	declared, err := Declared()
	if err != nil {
		return nil, err
	}
	coverageMu.Lock()
	defer coverageMu.Unlock()
	var b strings.Builder
	b.WriteString("# Contract coverage\n\nEvery response openapi.yaml declares, and how many responses of the test suite matched it.\n\n")
	b.WriteString("| operation | status | responses in tests |\n|---|---:|---:|\n")
	var missing []string
	for _, pair := range declared {
		op, status, _ := strings.Cut(pair, " ")
		n := coverage[pair]
		if n == 0 {
			missing = append(missing, pair)
		}
		fmt.Fprintf(&b, "| %s | %s | %d |\n", op, status, n)
	}
	fmt.Fprintf(&b, "\n%d of %d declared responses produced.\n", len(declared)-len(missing), len(declared))
	dir := filepath.Join(repoRoot(), "test-results")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, os.WriteFile(filepath.Join(dir, "contract-coverage.md"), []byte(b.String()), 0o644)
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
