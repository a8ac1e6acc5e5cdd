package httpapi

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
)

// The documentation: Swagger UI at /docs/ on the contract, served at /openapi.yaml (as
// written) and /openapi.json (the spec embedded in gen/api). Swagger UI's files are copied
// from the pinned npm package swagger-ui-dist by `make generate`; index.html and init.js
// are ours. None of these routes is an operation of openapi.yaml, so the gate lets them
// through without authentication, rate limiting or validation.
//
//go:embed docs/index.html docs/init.js docs/index.css docs/swagger-ui.css docs/swagger-ui-bundle.js
//go:embed docs/swagger-ui-bundle.js.LICENSE.txt docs/favicon-32x32.png docs/favicon-16x16.png
//go:embed docs/LICENSE docs/NOTICE
var docsFiles embed.FS

// docsCSP is the Content-Security-Policy of /docs/: Swagger UI loads its script, styles
// and icons from this origin, its CSS has data: images, and it fetches the spec and runs
// "Try it out" against this origin. React's style attributes are set through the DOM,
// which style-src does not restrict, so no 'unsafe-inline' is needed.
const docsCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// docsAsset is one file under /docs/ or the spec. Its validator and its gzipped copy are
// computed on first use, so that they cost nothing at start.
type docsAsset struct {
	file        string // in docsFiles, or "" for data
	data        []byte
	contentType string
	cache       string

	etagOnce sync.Once
	etag     string
	gzOnce   sync.Once
	gz       []byte // nil when gzip does not make it smaller
}

const (
	// The index and the spec change with each release: always revalidated (ETag).
	docsRevalidate = "no-cache"
	// Swagger UI's files keep their names across versions: cached for an hour, then
	// revalidated, so a release's assets are in use an hour after it at the latest.
	docsCacheAssets = "public, max-age=3600"
)

var docsContentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".png":  "image/png",
	".txt":  "text/plain; charset=utf-8",
	"":      "text/plain; charset=utf-8", // LICENSE, NOTICE
}

type docs struct {
	assets   map[string]*docsAsset // by name under /docs/
	index    *docsAsset
	specYAML *docsAsset
	specJSON *docsAsset
}

func newDocs(routes *Routes) (*docs, error) {
	d := &docs{assets: map[string]*docsAsset{}}
	entries, err := docsFiles.ReadDir("docs")
	if err != nil {
		return nil, err
	}
	for _, ent := range entries {
		name := ent.Name()
		ext := ""
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			ext = name[i:]
		}
		ct, ok := docsContentTypes[ext]
		if !ok {
			return nil, fmt.Errorf("docs/%s: no content type for %q", name, ext)
		}
		cache := docsCacheAssets
		if name == "index.html" {
			cache = docsRevalidate
		}
		d.assets[name] = &docsAsset{file: "docs/" + name, contentType: ct, cache: cache}
	}
	d.index = d.assets["index.html"]
	if d.index == nil || d.assets["init.js"] == nil {
		return nil, fmt.Errorf("docs/index.html or docs/init.js missing")
	}
	d.specYAML = &docsAsset{data: routes.specYAML, contentType: "application/yaml", cache: docsRevalidate}
	d.specJSON = &docsAsset{data: routes.specJSON, contentType: "application/json", cache: docsRevalidate}
	return d, nil
}

// registerDocs adds the documentation's routes to the router.
func (s *Server) registerDocs(d *docs) {
	get := func(pattern string, h http.HandlerFunc) {
		s.mux.Get(pattern, h)
		s.mux.Head(pattern, h)
	}
	// Strapi redirects / to its admin panel; this service has none, but has documentation.
	get("/", func(w http.ResponseWriter, r *http.Request) { s.redirectToDocs(w, r, http.StatusFound) })
	// Swagger UI's files are relative to /docs/ (deep links are in the fragment, which the
	// browser keeps across the redirect).
	get("/docs", func(w http.ResponseWriter, r *http.Request) { s.redirectToDocs(w, r, http.StatusMovedPermanently) })
	get("/docs/", func(w http.ResponseWriter, r *http.Request) { s.serveDocs(w, r, d.index, true) })
	get("/docs/{file}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := d.assets[chi.URLParam(r, "file")]
		if !ok {
			writeError(w, r, s.log, errNotFound)
			return
		}
		s.serveDocs(w, r, a, a == d.index)
	})
	get("/openapi.yaml", func(w http.ResponseWriter, r *http.Request) { s.serveDocs(w, r, d.specYAML, false) })
	get("/openapi.json", func(w http.ResponseWriter, r *http.Request) { s.serveDocs(w, r, d.specJSON, false) })
}

// redirectToDocs answers with a redirect to /docs/ as Koa's ctx.redirect does (see
// redirect); a HEAD request gets its headers only.
func (s *Server) redirectToDocs(w http.ResponseWriter, r *http.Request, status int) {
	if err := redirect(w, status, "/docs/", acceptsHTML(r.Header), r.Method != http.MethodHead); err != nil {
		s.log.DebugContext(r.Context(), "response not completed", "request_id", requestID(r.Context()), "err", err)
	}
}

// serveDocs answers a with its validator, gzipped when the client accepts it; a page gets
// the documentation's Content-Security-Policy, anything else keeps the API's.
func (s *Server) serveDocs(w http.ResponseWriter, r *http.Request, a *docsAsset, page bool) {
	body, etag := a.content(), a.entityTag()
	if body == nil || etag == "" {
		writeError(w, r, s.log, fmt.Errorf("docs: %s cannot be read", a.file))
		return
	}
	h := w.Header()
	if acceptsGzip(r) {
		if gz := a.gzipped(); gz != nil {
			body, etag = bytes.NewReader(gz), strings.TrimSuffix(etag, `"`)+`-gzip"`
			h.Set("Content-Encoding", "gzip")
			if r.Header.Get("Range") == "" {
				// ServeContent leaves it out of encoded answers (and 304s drop it).
				h.Set("Content-Length", strconv.Itoa(len(gz)))
			}
		}
	}
	if page {
		h.Set("Content-Security-Policy", docsCSP)
		h.Set("X-Frame-Options", "DENY")
	}
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", a.cache)
	h.Add("Vary", "Accept-Encoding")
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, body)
}

// content reads the asset from the binary, without copying it; nil if it cannot.
func (a *docsAsset) content() io.ReadSeeker {
	if a.file == "" {
		return bytes.NewReader(a.data)
	}
	f, err := docsFiles.Open(a.file)
	if err != nil {
		return nil
	}
	rs, _ := f.(io.ReadSeeker) // embed's files are
	return rs
}

// entityTag is the strong ETag of the asset: a hash of its bytes; "" if it cannot be read.
func (a *docsAsset) entityTag() string {
	a.etagOnce.Do(func() {
		h := sha256.New()
		if body := a.content(); body != nil {
			if _, err := io.Copy(h, body); err == nil {
				a.etag = `"` + base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:12]) + `"`
			}
		}
	})
	return a.etag
}

// gzipped is the asset compressed once, on first use, or nil when that is not smaller.
func (a *docsAsset) gzipped() []byte {
	a.gzOnce.Do(func() {
		if a.contentType == "image/png" {
			return
		}
		body := a.content()
		if body == nil {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		n, err := io.Copy(zw, body)
		if zw.Close() == nil && err == nil && int64(buf.Len()) < n-n/10 {
			a.gz = buf.Bytes()
		}
	})
	return a.gz
}

// acceptsGzip reports whether Accept-Encoding lists gzip (or *) without q=0.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != "gzip" && coding != "*" {
				continue
			}
			return !qZero(params)
		}
	}
	return false
}

// qZero reports whether media-range or coding parameters say q=0.
func qZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			v = strings.TrimRight(strings.TrimSpace(v), "0")
			return v == "" || v == "." || v == "0."
		}
	}
	return false
}

// acceptsHTML reports whether the request's Accept takes HTML (or says nothing), as Koa's
// ctx.redirect decides between its HTML and its text body.
func acceptsHTML(h http.Header) bool {
	accept := strings.Join(h.Values("Accept"), ",")
	if strings.TrimSpace(accept) == "" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		typ, params, _ := strings.Cut(part, ";")
		switch strings.ToLower(strings.TrimSpace(typ)) {
		case "text/html", "text/*", "*/*":
			if !qZero(params) {
				return true
			}
		}
	}
	return false
}
