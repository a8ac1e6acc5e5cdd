package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// apiCSP is the Content-Security-Policy of everything but the documentation's pages.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// TestDocs covers the documentation: Swagger UI at /docs/ from embedded files, the contract at
// /openapi.yaml and /openapi.json, and the redirects of / and /docs. The browser side (the page
// runs under its CSP, Try it out and Authorize work) is e2e/docs.browser.test.ts.
func TestDocs(t *testing.T) {
	t.Parallel()
	e := apitest.New(t, "sqlite")
	// Redirects are checked as answered: e.Client does not follow them.

	t.Run("redirects", func(t *testing.T) {
		for _, c := range []struct {
			method, path, accept string
			status               int
			contentType          string
		}{
			// Strapi redirects / to its admin panel, with Koa's answer; ours is the documentation.
			{"GET", "/", "", 302, "text/html; charset=utf-8"},
			{"GET", "/", "text/html,application/xhtml+xml,*/*;q=0.8", 302, "text/html; charset=utf-8"},
			{"GET", "/", "application/json", 302, "text/plain; charset=utf-8"},
			{"HEAD", "/", "", 302, "text/html; charset=utf-8"},
			{"GET", "/docs", "", 301, "text/html; charset=utf-8"},
			{"HEAD", "/docs", "", 301, "text/html; charset=utf-8"},
		} {
			r := e.Do(c.method, c.path, nil, "Accept", c.accept)
			wantBody := "Redirecting to /docs/."
			if c.method == "HEAD" {
				wantBody = ""
			}
			if r.Status != c.status || r.Header.Get("Location") != "/docs/" || string(r.Body) != wantBody ||
				r.Header.Get("Content-Type") != c.contentType {
				t.Errorf("%s %s (Accept %q): %d Location %q %q %q, want %d /docs/ %q %q", c.method, c.path, c.accept,
					r.Status, r.Header.Get("Location"), r.Header.Get("Content-Type"), r.Body, c.status, c.contentType, wantBody)
			}
			if got := r.Header.Get("Content-Security-Policy"); got != apiCSP {
				t.Errorf("%s %s: CSP %q", c.method, c.path, got)
			}
		}
	})

	t.Run("index", func(t *testing.T) {
		for _, path := range []string{"/docs/", "/docs/index.html"} {
			r := e.Do("GET", path, nil)
			if r.Status != 200 || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Fatalf("GET %s: %d %q", path, r.Status, r.Header.Get("Content-Type"))
			}
			body := string(r.Body)
			for _, want := range []string{
				`<script src="swagger-ui-bundle.js" charset="utf-8"></script>`,
				`<script src="init.js" charset="utf-8"></script>`,
				`<link rel="stylesheet" href="swagger-ui.css">`,
				`<div id="swagger-ui"></div>`,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("GET %s lacks %s", path, want)
				}
			}
			// Every script is a file: nothing inline, nothing elsewhere.
			for _, tag := range regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script>`).FindAllString(body, -1) {
				if !regexp.MustCompile(`^<script src="[a-z-]+\.js" charset="utf-8"></script>$`).MatchString(tag) {
					t.Errorf("GET %s: script %s", path, tag)
				}
			}
			if strings.Contains(body, "style=") || strings.Contains(body, "<style") || regexp.MustCompile(`(src|href)="([a-z]+:)?//`).MatchString(body) {
				t.Errorf("GET %s: inline style or an outside URL:\n%s", path, body)
			}
			// Never served stale: revalidated each time.
			if cc, etag := r.Header.Get("Cache-Control"), r.Header.Get("ETag"); cc != "no-cache" || etag == "" {
				t.Errorf("GET %s: Cache-Control %q ETag %q", path, cc, etag)
			} else if r := e.Do("GET", path, nil, "If-None-Match", etag); r.Status != 304 || len(r.Body) != 0 {
				t.Errorf("GET %s If-None-Match: %d %q", path, r.Status, r.Body)
			}
			if r.Header.Get("X-Frame-Options") != "DENY" {
				t.Errorf("GET %s: X-Frame-Options %q", path, r.Header.Get("X-Frame-Options"))
			}
		}
	})

	t.Run("assets", func(t *testing.T) {
		for name, contentType := range map[string]string{
			"init.js":                          "text/javascript; charset=utf-8",
			"swagger-ui-bundle.js":             "text/javascript; charset=utf-8",
			"swagger-ui.css":                   "text/css; charset=utf-8",
			"index.css":                        "text/css; charset=utf-8",
			"favicon-32x32.png":                "image/png",
			"favicon-16x16.png":                "image/png",
			"LICENSE":                          "text/plain; charset=utf-8",
			"NOTICE":                           "text/plain; charset=utf-8",
			"swagger-ui-bundle.js.LICENSE.txt": "text/plain; charset=utf-8",
		} {
			want, err := os.ReadFile(filepath.Join("docs", name))
			if err != nil {
				t.Fatal(err)
			}
			r := e.Do("GET", "/docs/"+name, nil, "Accept-Encoding", "identity")
			if r.Status != 200 || r.Header.Get("Content-Type") != contentType || len(r.Body) == 0 || !bytes.Equal(r.Body, want) {
				t.Errorf("GET /docs/%s: %d %q, %d bytes (want %q, the %d bytes of docs/%s)",
					name, r.Status, r.Header.Get("Content-Type"), len(r.Body), contentType, len(want), name)
			}
			if cc := r.Header.Get("Cache-Control"); cc != "public, max-age=3600" || r.Header.Get("ETag") == "" {
				t.Errorf("GET /docs/%s: Cache-Control %q ETag %q", name, cc, r.Header.Get("ETag"))
			}
			if r.Header.Get("X-Content-Type-Options") != "nosniff" || r.Header.Get("Content-Security-Policy") != apiCSP {
				t.Errorf("GET /docs/%s: nosniff %q, CSP %q", name, r.Header.Get("X-Content-Type-Options"), r.Header.Get("Content-Security-Policy"))
			}
		}
		wantError(t, e.Do("GET", "/docs/nope.js", nil), 404, "NotFoundError", "Not Found", "")
		wantError(t, e.Do("GET", "/docs/swagger-ui-dist.package.json", nil), 404, "NotFoundError", "Not Found", "")
		r := e.Do("POST", "/docs/", nil)
		wantError(t, r, 405, "MethodNotAllowedError", "Method Not Allowed", "")
		if r.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("POST /docs/: Allow %q", r.Header.Get("Allow"))
		}
	})

	t.Run("gzip", func(t *testing.T) {
		want, err := os.ReadFile(filepath.Join("docs", "swagger-ui-bundle.js"))
		if err != nil {
			t.Fatal(err)
		}
		r := e.Do("GET", "/docs/swagger-ui-bundle.js", nil, "Accept-Encoding", "br, gzip;q=0.8")
		if r.Status != 200 || r.Header.Get("Content-Encoding") != "gzip" || !slices.Contains(r.Header.Values("Vary"), "Accept-Encoding") ||
			r.Header.Get("Content-Length") == "" || len(r.Body) >= len(want)/2 {
			t.Fatalf("gzip: %d %v, %d bytes", r.Status, r.Header, len(r.Body))
		}
		zr, err := gzip.NewReader(bytes.NewReader(r.Body))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("gunzipped: %v, %d bytes, want the %d of the file", err, len(got), len(want))
		}
		etag := r.Header.Get("ETag")
		if r := e.Do("GET", "/docs/swagger-ui-bundle.js", nil, "Accept-Encoding", "gzip", "If-None-Match", etag); r.Status != 304 {
			t.Errorf("If-None-Match %s: %d", etag, r.Status)
		}
		if r := e.Do("GET", "/docs/swagger-ui-bundle.js", nil, "Accept-Encoding", "gzip;q=0"); r.Header.Get("Content-Encoding") != "" || !bytes.Equal(r.Body, want) {
			t.Errorf("gzip;q=0: Content-Encoding %q", r.Header.Get("Content-Encoding"))
		}
		if r := e.Do("GET", "/docs/swagger-ui-bundle.js", nil, "Accept-Encoding", "identity", "If-None-Match", etag); r.Status != 200 {
			t.Errorf("the gzip ETag matched the identity answer: %d", r.Status)
		}
	})

	t.Run("CSP of the documentation and of the API", func(t *testing.T) {
		csp := e.Do("GET", "/docs/", nil).Header.Get("Content-Security-Policy")
		directives := map[string]string{}
		for d := range strings.SplitSeq(csp, ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = value
		}
		want := map[string]string{
			"default-src":     "'none'",
			"script-src":      "'self'",
			"style-src":       "'self'",
			"img-src":         "'self' data:",
			"connect-src":     "'self'",
			"frame-ancestors": "'none'",
			"base-uri":        "'none'",
			"form-action":     "'none'",
		}
		if !maps.Equal(directives, want) {
			t.Errorf("docs CSP %q,\nwant the directives %v", csp, want)
		}
		for _, path := range []string{"/_health", "/api/users/me", "/openapi.yaml", "/openapi.json", "/docs/init.js"} {
			r := e.Do("GET", path, nil)
			if got := r.Header.Get("Content-Security-Policy"); got != apiCSP {
				t.Errorf("GET %s: CSP %q, want the API's %q", path, got, apiCSP)
			}
		}
		if r := e.Do("GET", "/api/users/me", nil); r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("X-Frame-Options") != "SAMEORIGIN" {
			t.Errorf("API headers changed: %v", r.Header)
		}
	})

	repoSpec, err := os.ReadFile(filepath.Join("..", "..", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("openapi.yaml", func(t *testing.T) {
		r := e.Do("GET", "/openapi.yaml", nil, "Origin", "http://example.com")
		if r.Status != 200 || r.Header.Get("Content-Type") != "application/yaml" || !bytes.Equal(r.Body, repoSpec) {
			t.Fatalf("GET /openapi.yaml: %d %q, %d bytes, want the %d bytes of openapi.yaml", r.Status, r.Header.Get("Content-Type"), len(r.Body), len(repoSpec))
		}
		if r.Header.Get("Access-Control-Allow-Origin") != "http://example.com" || r.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET /openapi.yaml: %v", r.Header)
		}
	})

	t.Run("openapi.json", func(t *testing.T) {
		r := e.Do("GET", "/openapi.json", nil, "Origin", "http://example.com")
		if r.Status != 200 || r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("GET /openapi.json: %d %q", r.Status, r.Header.Get("Content-Type"))
		}
		if r.Header.Get("Access-Control-Allow-Origin") != "http://example.com" || r.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET /openapi.json: %v", r.Header)
		}
		if !json.Valid(r.Body) {
			t.Fatalf("GET /openapi.json is not JSON: %.200s", r.Body)
		}
		fromJSON, err := openapi3.NewLoader().LoadFromData(r.Body)
		if err != nil {
			t.Fatal(err)
		}
		fromYAML, err := openapi3.NewLoader().LoadFromData(repoSpec)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := operations(fromJSON), operations(fromYAML); !slices.Equal(got, want) {
			t.Errorf("/openapi.json has the operations\n%v\nopenapi.yaml has\n%v", got, want)
		}
		if fromJSON.Info.Title != fromYAML.Info.Title || fromJSON.Info.Version != fromYAML.Info.Version {
			t.Errorf("info %+v, want %+v", fromJSON.Info, fromYAML.Info)
		}
	})

	t.Run("not operations of the API", func(t *testing.T) {
		// The gate acts only on the spec's operations: a token it would refuse changes nothing here.
		for _, path := range []string{"/docs/", "/docs/init.js", "/openapi.yaml", "/openapi.json"} {
			if r := e.Do("GET", path, nil, "Authorization", "Bearer not-a-token"); r.Status != 200 {
				t.Errorf("GET %s with a bad token: %d %s", path, r.Status, r.Body)
			}
		}
		wantError(t, e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer not-a-token"), 401, "UnauthorizedError", "Missing or invalid credentials", "")
		// Only /docs/ keeps its trailing slash.
		if r := e.Do("GET", "/_health/", nil); r.Status != 204 {
			t.Errorf("GET /_health/: %d", r.Status)
		}
		if r := e.Do("GET", "/openapi.yaml/", nil); r.Status != 200 {
			t.Errorf("GET /openapi.yaml/: %d", r.Status)
		}
	})
}

// operations lists "METHOD path operationId" of a spec, sorted.
func operations(spec *openapi3.T) []string {
	var out []string
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			out = append(out, method+" "+path+" "+op.OperationID)
		}
	}
	slices.Sort(out)
	return out
}
