package httpapi_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"maps"
	"net/http"
	"net/mail"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
)

// TestGoldenLegacy replays, in order, the Strapi 5.54 transcripts of phase "legacy" (001
// to 116: health, register, login, users/me, forgot-password, reset-password,
// change-password, email confirmation, the permission checks of the users and roles
// routes, the session routes, the providers) and compares our normalized answers with
// Strapi's, except where the contract's decisions make us answer differently
// (goldenOverrides).
func TestGoldenLegacy(t *testing.T) {
	t.Parallel()
	replay := loadGolden(t, "legacy")

	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		r := newGoldenReplay(t, engine, func(cfg *config.Config) {
			cfg.Advanced["email_reset_password"] = "http://127.0.0.1:1337/reset-password"
		})
		e := r.e
		for _, c := range replay {
			// Recreate what the cases missing on purpose created.
			switch c.Num {
			case 4: // 003: alice registers; she is user 1.
				t.Run("003-setup-register_alice", func(t *testing.T) {
					if id := r.register(t, "alice", "alice@example.com", "secret123", "127.0.0.15"); id != 1 {
						t.Fatalf("alice got id %d, want 1", id)
					}
				})
			case 82: // carol must exist before forgot-password while SMTP is down; 098 and 100 use her token.
				t.Run("081-setup-register_carol", func(t *testing.T) {
					if id := r.register(t, "carol", "carol@example.com", "secret123", "127.0.0.93"); id != 7 {
						t.Fatalf("carol got id %d, want 7", id)
					}
				})
			case 97: // 096: an administrator blocks carol (097 to 100 are about a blocked user).
				t.Run("096-setup-block_carol", func(t *testing.T) { block(t, e, 7) })
			}
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) {
				if c.Request == nil {
					r.checkMail(t, c)
					return
				}
				switch c.Num {
				case 82:
					r.smtpDown(t, c)
				case 89:
					r.changePassword(t, c)
				default:
					r.run(t, c)
				}
			})
		}
	})
}

// changePassword replays 089, alice's password change, then checks decision D5 (amended):
// the token she made the change with keeps working, as in Strapi (clients such as
// @nuxtjs/strapi keep it), and any other token of hers issued before the change stops
// working (Strapi keeps them valid for 30 days). The later cases that send that token
// (104, 106, 107, 110) send the one the change returned instead, as a client that takes
// it does, so that they check what they were recorded for.
func (r *goldenReplay) changePassword(t *testing.T, c goldenCase) {
	recorded := goldenJWTPattern.FindString(c.Request.Headers["Authorization"])
	shift := time.Now().Unix() - c.recordedAt(t).Unix()
	sent, ok := r.tokens[recorded] // the token send sends for it
	if !ok {
		sent = goldenResign(t, recorded, shift)
	}
	got := r.run(t, c)
	var body struct {
		JWT string `json:"jwt"`
	}
	if err := json.Unmarshal(got.body, &body); err != nil || body.JWT == "" {
		t.Fatalf("no jwt in %s", got.body)
	}
	h := http.Header{"Authorization": {"Bearer " + sent}, "X-Forwarded-For": {c.Request.SourceIP}}
	if resp := r.do(t, "GET", "/api/users/me", nil, h); resp.status != 200 {
		t.Errorf("D5 (amended): the token that made the change: %d %s, want 200", resp.status, resp.body)
	}
	// Another device's token: the one Strapi would have issued to alice 5 s earlier.
	h.Set("Authorization", "Bearer "+goldenResign(t, recorded, shift-5))
	resp := r.do(t, "GET", "/api/users/me", nil, h)
	if resp.status != 401 || !strings.Contains(string(resp.body), `"message":"Missing or invalid credentials"`) {
		t.Errorf("D5: another token issued before the change: %d %s, want 401 Missing or invalid credentials", resp.status, resp.body)
	}
	h.Set("Authorization", "Bearer "+body.JWT)
	if resp := r.do(t, "GET", "/api/users/me", nil, h); resp.status != 200 {
		t.Errorf("the token of the change: %d %s", resp.status, resp.body)
	}
	r.tokens[recorded] = body.JWT
}

var goldenTrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}

// goldenOverride is our expected answer where a decision makes us differ from Strapi.
type goldenOverride struct {
	why          string
	status       int               // 0: Strapi's status and body
	body         string            // the whole JSON body we answer
	text         string            // a non-JSON body we answer (with Strapi's status unless status is set)
	setHeaders   map[string]string // compared headers whose value differs from Strapi's
	dropHeaders  []string          // compared headers Strapi sends and we do not
	anyRateLimit bool              // x-ratelimit-* may be there or not
	corsSuperset bool              // Access-Control-Allow-Headers: ours lists at least Strapi's
}

func goldenD8(message string) goldenOverride {
	return goldenOverride{
		why:          "D8: malformed input never gives a 500 (nor Strapi's SyntaxError)",
		status:       400,
		body:         `{"data":null,"error":{"status":400,"name":"ValidationError","message":"` + message + `","details":{}}}`,
		anyRateLimit: true,
	}
}

var goldenOverrides = map[int]goldenOverride{
	23: goldenD8("Request body is not valid JSON"), // register, non-JSON body: Strapi 400 SyntaxError
	25: goldenD8("Request body cannot be empty"),   // register, no body: Strapi 500
	40: goldenD8("Request body cannot be empty"),   // login, no body: Strapi 500
	41: goldenD8("Request body is not valid JSON"), // login, non-JSON body: Strapi 400 SyntaxError
	56: {
		why:    "D2: a well-signed expired token says so (Strapi: Missing or invalid credentials)",
		status: 401,
		body:   `{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Invalid token: Token expired","details":{}}}`,
	},
	59: {
		why:    "the issue requires tokens without exp to be refused (Strapi accepts them forever)",
		status: 401,
		body:   `{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials","details":{}}}`,
	},
	82: {
		why:    "the mail outbox answers at once and delivers when SMTP is back (Strapi: 500, no retry)",
		status: 200,
		body:   `{"ok":true}`,
	},
	116: {
		why:        "Strapi redirects / to its admin panel, which this service does not have: / redirects to the API documentation, with Koa's answer",
		text:       "Redirecting to /docs/.",
		setHeaders: map[string]string{"location": "/docs/"},
	},
	164: {
		why:    "D6: a rotated refresh token replayed within the grace window (10 s) gets the same child, so two tabs refreshing at once stay logged in (Strapi: 401)",
		status: 200,
		body:   `{"jwt":"<JWT>","refreshToken":"<JWT>"}`,
	},
	175: {
		why:    "D5: logout ends the session's access tokens at once (Strapi accepts them until they expire)",
		status: 401,
		body:   `{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials","details":{}}}`,
	},
	113: {
		why: "our preflight also allows our own request headers (X-Request-Id, x-strapi-refresh-cookie); " +
			"D16: with CORS_ORIGIN=* no origin gets credentials (Strapi: every origin)",
		corsSuperset: true,
		dropHeaders:  []string{"access-control-allow-credentials"},
	},
}

// goldenCompared are the response headers a client reads, compared on every case.
// set-cookie is compared by name and attributes, its value normalized to <TOKEN>.
var goldenCompared = []string{"content-type", "location", "set-cookie", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"}

// ---- the transcripts

type goldenCase struct {
	Num  int    `json:"-"`
	File string `json:"-"`

	Case    string `json:"case"`
	Phase   string `json:"phase"`
	Request *struct {
		Method     string            `json:"method"`
		Path       string            `json:"path"`
		SourceIP   string            `json:"source_ip"`
		Headers    map[string]string `json:"headers"`
		Body       json.RawMessage   `json:"body"`
		BodyIsJSON bool              `json:"body_is_json"`
	} `json:"request"`
	Response *struct {
		Status     int             `json:"status"`
		Headers    goldenHeaders   `json:"headers"`
		Body       json.RawMessage `json:"body"` // as answered: the real tokens (mapped to ours by goldenReplay.learnTokens)
		BodyIsJSON bool            `json:"body_is_json"`
	} `json:"response"`
	Normalized *struct {
		Status  int             `json:"status"`
		Headers goldenHeaders   `json:"headers"`
		Body    json.RawMessage `json:"body"`
	} `json:"normalized"`
	// JWTDecoded holds, by body field, the tokens of the response.
	JWTDecoded map[string]struct {
		Header  map[string]any `json:"header"`
		Payload map[string]any `json:"payload"`
	} `json:"jwt_decoded"`
	Mail *goldenMail `json:"mail"`
	// A summary of many requests (140), instead of one request.
	Statuses []struct {
		N         int    `json:"n"`
		Status    int    `json:"status"`
		Remaining string `json:"remaining"`
	} `json:"statuses"`
	DifferentEmailStatus    int    `json:"different_email_status"`
	DifferentEmailRemaining string `json:"different_email_remaining"`
}

// goldenHeaders are recorded response headers: a header sent several times (set-cookie) is
// recorded as a list, kept here joined with ", " as goldenHeader joins ours.
type goldenHeaders map[string]string

func (h *goldenHeaders) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*h = goldenHeaders{}
	for k, v := range raw {
		var one string
		if err := json.Unmarshal(v, &one); err == nil {
			(*h)[k] = one
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return fmt.Errorf("header %s: %w", k, err)
		}
		(*h)[k] = strings.Join(many, ", ")
	}
	return nil
}

type goldenMail struct {
	N            int      `json:"n"`
	EnvelopeFrom string   `json:"envelopeFrom"`
	EnvelopeTo   []string `json:"envelopeTo"`
	From         string   `json:"from"`
	To           string   `json:"to"`
	Subject      string   `json:"subject"`
	Text         string   `json:"text"`
	HTML         string   `json:"html"`
}

var goldenFileName = regexp.MustCompile(`^(\d{3})-([a-z]+)-(.+)\.json$`)

// loadGolden reads the transcripts of one phase, in order.
func loadGolden(t *testing.T, phase string) []goldenCase {
	t.Helper()
	dir := filepath.Join("testdata", "strapi-golden")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenCase
	for _, ent := range entries {
		m := goldenFileName.FindStringSubmatch(ent.Name())
		if m == nil || m[2] != phase {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ent.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var c goldenCase
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", ent.Name(), err)
		}
		c.Num, _ = strconv.Atoi(m[1])
		c.File = ent.Name()
		summary := c.Request == nil && c.Mail == nil && len(c.Statuses) > 0
		if c.Phase != phase || (!summary && (c.Request == nil) != (c.Mail != nil)) || (c.Request != nil && (c.Response == nil || c.Normalized == nil)) {
			t.Fatalf("%s: unexpected transcript shape", ent.Name())
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b goldenCase) int { return a.Num - b.Num })
	if len(out) == 0 {
		t.Fatalf("no %s transcripts in %s", phase, dir)
	}
	return out
}

// recordedAt is when Strapi answered the case (its Date header).
func (c goldenCase) recordedAt(t *testing.T) time.Time {
	t.Helper()
	d, err := http.ParseTime(c.Response.Headers["date"])
	if err != nil {
		t.Fatalf("%s: response date: %v", c.File, err)
	}
	return d
}

// ---- the replay

type goldenReplay struct {
	e      *apitest.Env
	codes  map[string]string // reset code or confirmation token in the transcripts → the one our server mailed
	tokens map[string]string // recorded JWT → the token our server issued in its place (D5)
	reset  *goldenMail       // the recorded reset mail, to compare carol's with
}

type goldenResponse struct {
	status int
	header http.Header
	body   []byte
}

func (r *goldenReplay) do(t *testing.T, method, path string, body []byte, header http.Header) goldenResponse {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, r.e.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header
	// Redirects (116) are compared as answered: e.Client does not follow them.
	resp, err := r.e.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return goldenResponse{status: resp.StatusCode, header: resp.Header, body: b}
}

// register recreates a registration of a case missing from the transcripts.
func (r *goldenReplay) register(t *testing.T, username, email, password, ip string) int64 {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"username": username, "email": email, "password": password})
	h := http.Header{"Content-Type": {"application/json"}, "X-Forwarded-For": {ip}}
	resp := r.do(t, "POST", "/api/auth/local/register", body, h)
	if resp.status != 200 {
		t.Fatalf("register %s: %d %s", username, resp.status, resp.body)
	}
	var out struct {
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	if err := json.Unmarshal(resp.body, &out); err != nil {
		t.Fatal(err)
	}
	return out.User.ID
}

// fillUsers creates users from to to (confirmed, Authenticated, no password), the users the
// earlier phases left, so that the phase's own users get Strapi's ids.
func (r *goldenReplay) fillUsers(t *testing.T, from, to int) {
	t.Helper()
	now := time.Now().UTC()
	for i := from; i <= to; i++ {
		u, err := r.e.Store.Q.CreateUser(t.Context(), db.CreateUserParams{
			DocumentID: fmt.Sprintf("goldenfiller%012d", i), Username: fmt.Sprintf("user%d", i),
			Email: fmt.Sprintf("user%d@example.com", i), Provider: "local", Confirmed: true, RoleID: ptr(int64(1)), Now: now,
		})
		if err != nil || u.ID != int64(i) {
			t.Fatalf("user %d: id %d, %v", i, u.ID, err)
		}
	}
}

// send replays the request of c: its headers (tokens re-signed with our secret), its
// body (reset codes replaced by ours), from its source IP.
func (r *goldenReplay) send(t *testing.T, c goldenCase) goldenResponse {
	t.Helper()
	req := c.Request
	h := http.Header{}
	shift := time.Now().Unix() - c.recordedAt(t).Unix()
	for k, v := range req.Headers {
		if strings.EqualFold(k, "Content-Length") {
			continue
		}
		switch {
		case strings.EqualFold(k, "Authorization") && c.Num != 55: // 055 must keep its foreign signature
			v = goldenJWTPattern.ReplaceAllStringFunc(v, func(tok string) string {
				if ours, ok := r.tokens[tok]; ok {
					return ours
				}
				return goldenResign(t, tok, shift)
			})
		case strings.EqualFold(k, "Cookie"): // refresh tokens in cookie mode, their .sig signed with our key
			v = goldenResignCookie(r.ourTokens(v))
		}
		h.Set(k, v)
	}
	h.Set("X-Forwarded-For", req.SourceIP)

	var body []byte
	switch {
	case req.BodyIsJSON:
		var buf bytes.Buffer
		if err := json.Compact(&buf, req.Body); err != nil { // keeps the keys' order
			t.Fatal(err)
		}
		body = buf.Bytes()
	case string(req.Body) != "null" && len(req.Body) > 0:
		var s string
		if err := json.Unmarshal(req.Body, &s); err != nil {
			t.Fatalf("raw request body: %v", err)
		}
		body = []byte(s)
	}
	body = []byte(r.ourTokens(string(body))) // refresh tokens in bodies
	path := req.Path
	for recorded, ours := range r.codes {
		body = bytes.ReplaceAll(body, []byte(recorded), []byte(ours))
		path = strings.ReplaceAll(path, recorded, ours) // confirmation links
	}
	return r.do(t, req.Method, path, body, h)
}

// goldenAppKey is the APP_KEYS of the refresh phases' server: it signs the refresh cookie's
// .sig companion in place of Strapi's key.
const goldenAppKey = "golden-app-key"

var goldenCookieSig = regexp.MustCompile(`(?:^|; )strapi_up_refresh=([^;]*); strapi_up_refresh\.sig=([^;]*)`)

// goldenResignCookie signs the refresh cookie of a Cookie header with goldenAppKey, as
// goldenResign does the recorded JWTs: the companion Strapi signed matched its cookie.
func goldenResignCookie(header string) string {
	m := goldenCookieSig.FindStringSubmatchIndex(header)
	if m == nil {
		return header
	}
	mac := hmac.New(sha1.New, []byte(goldenAppKey))
	mac.Write([]byte("strapi_up_refresh=" + header[m[2]:m[3]]))
	return header[:m[4]] + base64.RawURLEncoding.EncodeToString(mac.Sum(nil)) + header[m[5]:]
}

// ourTokens replaces, in s, the recorded tokens our server answered in place of (learnTokens).
func (r *goldenReplay) ourTokens(s string) string {
	return goldenJWTPattern.ReplaceAllStringFunc(s, func(tok string) string {
		if ours, ok := r.tokens[tok]; ok {
			return ours
		}
		return tok
	})
}

// learnTokens maps the tokens Strapi answered in c (body fields jwt and refreshToken, the
// refresh cookie) to the ones we answered, for the later cases that send them.
func (r *goldenReplay) learnTokens(t *testing.T, c goldenCase, got goldenResponse) {
	t.Helper()
	if !c.Response.BodyIsJSON || got.status != c.Response.Status {
		return
	}
	var rec, ours map[string]any
	if json.Unmarshal(c.Response.Body, &rec) != nil || json.Unmarshal(got.body, &ours) != nil {
		return
	}
	for _, field := range []string{"jwt", "refreshToken"} {
		if rt, ok := rec[field].(string); ok {
			if ot, ok := ours[field].(string); ok && goldenFullJWT.MatchString(rt) {
				r.tokens[rt] = ot
			}
		}
	}
	if rt, ot := goldenRefreshCookie(c.Response.Headers["set-cookie"]), goldenRefreshCookie(strings.Join(got.header.Values("Set-Cookie"), ", ")); rt != "" && ot != "" {
		r.tokens[rt] = ot
	}
}

// goldenRefreshCookie is the refresh token a Set-Cookie value sets, or "".
func goldenRefreshCookie(setCookie string) string {
	m := regexp.MustCompile(`(?:^|, )strapi_up_refresh=(` + goldenJWTPattern.String() + `)`).FindStringSubmatch(setCookie)
	if m == nil {
		return ""
	}
	return m[1]
}

// run replays one case and compares our answer with the recorded (or overridden) one.
func (r *goldenReplay) run(t *testing.T, c goldenCase) goldenResponse {
	got := r.send(t, c)
	r.learnTokens(t, c, got)
	want := goldenExpected(t, c)
	goldenCompare(t, want, got)
	if c.Request.Headers["Access-Control-Request-Method"] != "" {
		goldenCompareCORS(t, c, got, goldenOverrides[c.Num])
	}
	goldenCompareJWTs(t, c, got)
	return got
}

// newGoldenReplay starts a service configured as Strapi was when the transcripts were
// recorded (rate limit of 10 per minute, the proxies trusted), changed by opts.
func newGoldenReplay(t *testing.T, engine string, opts ...apitest.Option) *goldenReplay {
	t.Helper()
	e := apitest.New(t, engine, append([]apitest.Option{func(cfg *config.Config) {
		cfg.RateLimit.Enabled, cfg.RateLimit.Max, cfg.RateLimit.Interval = true, 10, 60*time.Second
		cfg.TrustedProxies = goldenTrustedProxies
	}}, opts...)...)
	return &goldenReplay{e: e, codes: map[string]string{}, tokens: map[string]string{}}
}

// smtpDown replays 082: with the SMTP server failing, forgot-password still answers
// 200 at once; the mail is not lost but delivered when the server is back.
func (r *goldenReplay) smtpDown(t *testing.T, c goldenCase) {
	e := r.e
	e.Mail.SetFailing(true)
	defer e.Mail.SetFailing(false)
	r.run(t, c)

	toCarol := func(m smtptest.Received) bool { return slices.Contains(m.To, "carol@example.com") }
	// Give the outbox time to try (and fail) while the server is down.
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(e.Logs.String(), "mail delivery failed") {
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(e.Logs.String(), "mail delivery failed") {
		t.Fatalf("no failed delivery attempt logged within 3 s of the request")
	}
	if slices.ContainsFunc(e.Mail.Messages(), toCarol) {
		t.Fatal("a mail reached carol while the SMTP server was failing")
	}
	e.Mail.SetFailing(false)
	m := e.Mail.WaitFor(t, toCarol, 20*time.Second)
	if r.reset == nil {
		t.Fatal("no recorded reset mail to compare with")
	}
	want := *r.reset
	want.EnvelopeTo, want.To = []string{"carol@example.com"}, "carol@example.com"
	goldenCompareMail(t, want, m)
}

// checkMail checks a mail case: the mail our server sent matches the one Strapi sent,
// and its reset code (or confirmation token) replaces the recorded one in the later
// requests.
func (r *goldenReplay) checkMail(t *testing.T, c goldenCase) {
	want := *c.Mail
	got := r.e.Mail.WaitFor(t, func(m smtptest.Received) bool { return slices.Equal(m.To, want.EnvelopeTo) }, 10*time.Second)
	if i := slices.IndexFunc(r.e.Mail.Messages(), func(m smtptest.Received) bool { return bytes.Equal(m.Raw, got.Raw) }); i+1 != want.N {
		t.Errorf("the mail is mail #%d, want #%d", i+1, want.N)
	}
	goldenCompareMail(t, want, got)
	recorded, ours := goldenCode(want.Text), goldenCode(got.Text)
	if recorded == "" || ours == "" {
		t.Fatalf("code in the mail: recorded %q, ours %q", recorded, ours)
	}
	r.codes[recorded] = ours
	if r.reset == nil {
		r.reset = c.Mail
	}
}

// ---- comparison

type goldenWant struct {
	status       int
	body         any // decoded JSON, or the text of a non-JSON body
	isJSON       bool
	headers      map[string]string // normalized values of goldenCompared; missing = absent
	anyRateLimit bool
}

// goldenExpected is the recorded answer, or our own where goldenOverrides says so.
func goldenExpected(t *testing.T, c goldenCase) goldenWant {
	n := c.Normalized
	w := goldenWant{status: n.Status, isJSON: c.Response.BodyIsJSON, headers: map[string]string{}}
	for _, k := range goldenCompared {
		if v, ok := n.Headers[k]; ok {
			w.headers[k] = v
		}
	}
	body := []byte(n.Body)
	if o, ok := goldenOverrides[c.Num]; ok {
		t.Logf("expected answer overridden: %s", o.why)
		if o.status != 0 {
			w.status, body, w.isJSON = o.status, []byte(o.body), true
		}
		if o.text != "" {
			body, _ = json.Marshal(o.text)
			w.isJSON = false
		}
		w.anyRateLimit = o.anyRateLimit
		for k, v := range o.setHeaders {
			w.headers[k] = v
		}
		for _, k := range o.dropHeaders {
			delete(w.headers, k)
		}
	}
	if err := json.Unmarshal(body, &w.body); err != nil {
		t.Fatalf("expected body: %v", err)
	}
	if w.isJSON {
		w.body = goldenNormalize(w.body, "")
	}
	return w
}

func goldenCompare(t *testing.T, want goldenWant, got goldenResponse) {
	if got.status != want.status {
		t.Errorf("status %d, want %d", got.status, want.status)
	}
	if want.isJSON {
		var v any
		if err := json.Unmarshal(got.body, &v); err != nil {
			t.Errorf("body is not JSON (%v): %q", err, got.body)
		} else if v = goldenNormalize(v, ""); !reflect.DeepEqual(v, want.body) {
			t.Errorf("body (normalized):\n got %s\nwant %s", goldenJSON(v), goldenJSON(want.body))
		}
	} else if s, _ := want.body.(string); string(got.body) != s {
		t.Errorf("body %q, want %q", got.body, s)
	}
	for _, k := range goldenCompared {
		if want.anyRateLimit && strings.HasPrefix(k, "x-ratelimit-") {
			continue
		}
		wv, wok := want.headers[k]
		gv, gok := goldenHeader(got.header, k)
		switch {
		case wok && !gok:
			t.Errorf("header %s missing, want %q", k, wv)
		case !wok && gok:
			t.Errorf("header %s: %q, want none", k, gv)
		case wv != gv:
			t.Errorf("header %s: %q, want %q", k, gv, wv)
		}
	}
}

// goldenHeader is a response header normalized as the transcripts are.
func goldenHeader(h http.Header, name string) (string, bool) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return "", false
	}
	if name == "set-cookie" {
		for i, c := range vs {
			vs[i] = goldenCookieValue.ReplaceAllString(c, "${1}<TOKEN>")
		}
	}
	v := strings.Join(vs, ", ")
	if name == "x-ratelimit-reset" && regexp.MustCompile(`^\d{9,11}$`).MatchString(v) {
		v = "<EPOCH_SECONDS>"
	}
	return v, true
}

// goldenCompareCORS checks the preflight's CORS headers, but the ones o drops (which must
// be absent) or sets; with o.corsSuperset, our Access-Control-Allow-Headers need only
// contain each of Strapi's.
func goldenCompareCORS(t *testing.T, c goldenCase, got goldenResponse, o goldenOverride) {
	want := maps.Clone(c.Normalized.Headers)
	for k, v := range o.setHeaders {
		want[k] = v
	}
	for _, k := range o.dropHeaders {
		delete(want, k)
	}
	exact := []string{"access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods", "access-control-max-age"}
	if !o.corsSuperset {
		exact = append(exact, "access-control-allow-headers")
	}
	for _, k := range exact {
		w, ok := want[k]
		if gs := got.header.Values(k); !ok && len(gs) != 0 || ok && got.header.Get(k) != w {
			t.Errorf("header %s: %q, want %q", k, gs, w)
		}
	}
	if !o.corsSuperset {
		return
	}
	var ours []string
	for _, h := range strings.Split(got.header.Get("access-control-allow-headers"), ",") {
		ours = append(ours, strings.ToLower(strings.TrimSpace(h)))
	}
	for _, h := range strings.Split(want["access-control-allow-headers"], ",") {
		if !slices.Contains(ours, strings.ToLower(strings.TrimSpace(h))) {
			t.Errorf("access-control-allow-headers %q lacks Strapi's %q", got.header.Get("access-control-allow-headers"), h)
		}
	}
}

// goldenCompareJWTs checks the tokens of a response as the recording decoded them.
func goldenCompareJWTs(t *testing.T, c goldenCase, got goldenResponse) {
	if len(c.JWTDecoded) == 0 || got.status != c.Response.Status {
		return
	}
	var body map[string]any
	if err := json.Unmarshal(got.body, &body); err != nil {
		return // already reported
	}
	for field, rec := range c.JWTDecoded {
		tok, _ := body[field].(string)
		parts := strings.Split(tok, ".")
		if len(parts) != 3 {
			t.Errorf("%s: not a JWT: %q", field, tok)
			continue
		}
		head, err1 := base64.RawURLEncoding.DecodeString(parts[0])
		payload, err2 := base64.RawURLEncoding.DecodeString(parts[1])
		if err1 != nil || err2 != nil {
			t.Errorf("%s: undecodable JWT %q", field, tok)
			continue
		}
		if string(head) != `{"alg":"HS256","typ":"JWT"}` {
			t.Errorf("%s: JWT header %s, want {\"alg\":\"HS256\",\"typ\":\"JWT\"}", field, head)
		}
		var p map[string]any
		if err := json.Unmarshal(payload, &p); err != nil {
			t.Errorf("%s: JWT payload %s: %v", field, payload, err)
			continue
		}
		// Decision D5 (amended): our legacy tokens carry a random jti after Strapi's claims,
		// so that a password change can keep the one token that made it.
		if _, legacy := rec.Payload["id"]; legacy {
			if jti, _ := p["jti"].(string); len(jti) != 16 {
				t.Errorf("%s: JWT payload %s, want a jti of 16 characters", field, payload)
			}
			delete(p, "jti")
		}
		keys, recKeys := slices.Sorted(maps.Keys(p)), slices.Sorted(maps.Keys(rec.Payload))
		if !slices.Equal(keys, recKeys) {
			t.Errorf("%s: JWT payload %s, want the keys %v", field, payload, recKeys)
			continue
		}
		// Strapi's claims: a legacy JWT {id, iat, exp}; in refresh mode an access token
		// {userId, sessionId, type: "access", iat, exp} and a refresh token {userId,
		// sessionId, type: "refresh", exp}. Identities and types as recorded, session ids
		// of the same shape, the same lifetimes.
		now := float64(time.Now().Unix())
		recNow := float64(c.recordedAt(t).Unix())
		for _, k := range keys {
			switch k {
			case "iat":
				if iat, _ := p["iat"].(float64); iat < now-5 || iat > now+5 {
					t.Errorf("%s: JWT iat %v, want about now (%v)", field, iat, now)
				}
			case "exp":
				exp, _ := p["exp"].(float64)
				recExp, _ := rec.Payload["exp"].(float64)
				if iat, ok := p["iat"].(float64); ok {
					if recIat, _ := rec.Payload["iat"].(float64); exp-iat != recExp-recIat {
						t.Errorf("%s: JWT exp - iat = %v, want %v", field, exp-iat, recExp-recIat)
					}
				} else if d, recD := exp-now, recExp-recNow; d < recD-5 || d > recD+5 {
					t.Errorf("%s: JWT exp in %v s, want about %v s", field, d, recD)
				}
			case "sessionId":
				if id, _ := p[k].(string); !goldenSessionID.MatchString(id) {
					t.Errorf("%s: JWT sessionId %q, want 32 hex digits as Strapi's", field, id)
				}
			default:
				if p[k] != rec.Payload[k] {
					t.Errorf("%s: JWT %s %v, want %v", field, k, p[k], rec.Payload[k])
				}
			}
		}
	}
}

func goldenCompareMail(t *testing.T, want goldenMail, got smtptest.Received) {
	if got.From != want.EnvelopeFrom {
		t.Errorf("envelope from %q, want %q", got.From, want.EnvelopeFrom)
	}
	if !slices.Equal(got.To, want.EnvelopeTo) {
		t.Errorf("envelope to %q, want %q", got.To, want.EnvelopeTo)
	}
	// Compared as parsed addresses: quoting the display name or not is the same header.
	for _, h := range []struct{ name, want string }{{"From", want.From}, {"To", want.To}} {
		w, err := mail.ParseAddress(h.want)
		if err != nil {
			t.Fatalf("recorded %s %q: %v", h.name, h.want, err)
		}
		g, err := mail.ParseAddress(got.Header.Get(h.name))
		if err != nil {
			t.Errorf("%s header %q: %v", h.name, got.Header.Get(h.name), err)
		} else if *g != *w {
			t.Errorf("%s header %q (%q <%s>), want %q", h.name, got.Header.Get(h.name), g.Name, g.Address, h.want)
		}
	}
	if got.Subject != want.Subject {
		t.Errorf("subject %q, want %q", got.Subject, want.Subject)
	}
	if g, w := goldenMaskCode(got.Text), goldenMaskCode(want.Text); g != w {
		t.Errorf("text:\n got %q\nwant %q", g, w)
	}
	if g, w := goldenMaskCode(got.HTML), goldenMaskCode(want.HTML); g != w {
		t.Errorf("html:\n got %q\nwant %q", g, w)
	}
}

// ---- normalization, as the transcripts' "normalized" copies

var (
	goldenJWTPattern  = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`)
	goldenFullJWT     = regexp.MustCompile(`^` + goldenJWTPattern.String() + `$`)
	goldenISO8601     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$`)
	goldenDocumentID  = regexp.MustCompile(`^[a-z0-9]{24}$`)
	goldenSessionID   = regexp.MustCompile(`^[0-9a-f]{32}$`)
	goldenCodePattern = regexp.MustCompile(`(code|confirmation)=([0-9a-f]+)`)
	goldenCookieValue = regexp.MustCompile(`^([^=;]+=)[^;]+`) // a cookie's non-empty value
)

// goldenNormalize replaces the volatile values of a decoded JSON body by the transcripts'
// placeholders.
func goldenNormalize(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		if key == "plugin::users-permissions" {
			withoutOwnActions(x)
		}
		for k, e := range x {
			x[k] = goldenNormalize(e, k)
		}
	case []any:
		for i, e := range x {
			x[i] = goldenNormalize(e, "")
		}
	case string:
		switch {
		case goldenFullJWT.MatchString(x):
			return "<JWT>"
		case goldenISO8601.MatchString(x):
			return "<ISO8601>"
		case key == "documentId" && goldenDocumentID.MatchString(x):
			return "<DOCUMENT_ID>"
		case key == "id" && goldenSessionID.MatchString(x): // a session's id (GET /api/auth/sessions)
			return "<OPAQUE_ID>"
		}
	}
	return v
}

// withoutOwnActions drops from a permissions tree of Users & Permissions the actions of
// this service's own routes (user.updateMe, ...): a deliberate addition, which Strapi's
// recordings cannot have.
func withoutOwnActions(tree map[string]any) {
	controllers, _ := tree["controllers"].(map[string]any)
	for c, v := range controllers {
		actions, _ := v.(map[string]any)
		for a := range actions {
			if !access.IsStrapiAction("plugin::users-permissions." + c + "." + a) {
				delete(actions, a)
			}
		}
	}
}

func goldenJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// goldenCode is the reset code or the confirmation token of a mail.
func goldenCode(text string) string {
	m := goldenCodePattern.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return m[2]
}

func goldenMaskCode(s string) string { return goldenCodePattern.ReplaceAllString(s, "${1}=<CODE>") }

// goldenResign signs a recorded token with our secret: same header, same payload with
// iat and exp moved by shift seconds, so that it is as fresh (or as expired) as it was.
func goldenResign(t *testing.T, token string, shift int64) string {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	head, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Alg string `json:"alg"`
	}
	if err := json.Unmarshal(head, &h); err != nil {
		t.Fatal(err)
	}
	var newHash func() hash.Hash
	switch h.Alg {
	case "HS256":
		newHash = sha256.New
	case "HS512":
		newHash = sha512.New
	default:
		t.Fatalf("cannot re-sign a %s token", h.Alg)
	}
	payload = regexp.MustCompile(`"(iat|exp)":(\d+)`).ReplaceAllFunc(payload, func(m []byte) []byte {
		name, num, _ := strings.Cut(string(m), ":")
		n, _ := strconv.ParseInt(num, 10, 64)
		return fmt.Appendf(nil, "%s:%d", name, n+shift)
	})
	signed := parts[0] + "." + base64.RawURLEncoding.EncodeToString(payload)
	mac := hmac.New(newHash, []byte(apitest.Secret))
	mac.Write([]byte(signed))
	return signed + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}
