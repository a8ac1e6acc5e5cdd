// Package apitest runs the whole service for tests: a real database (a fresh SQLite file,
// or a fresh PostgreSQL database when TEST_DATABASE_URL is set), a real SMTP server, and
// the HTTP handler behind a real HTTP server. Every response a test receives through
// Env.Client is validated against openapi.yaml, and its (operation, status) pair is
// recorded for the coverage report.
package apitest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // Exec's PostgreSQL driver (SQLite's is the store's)

	"github.com/mtb-race/mtb-backend-api/gen/apiclient"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Engines are the database engines the tests run on: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set. With TEST_REQUIRE_POSTGRES=1 (CI) a missing PostgreSQL fails.
func Engines(t testing.TB) []string {
	if pgURL() != "" {
		return []string{"sqlite", "postgres"}
	}
	if os.Getenv("TEST_REQUIRE_POSTGRES") == "1" {
		t.Fatal("TEST_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
	}
	return []string{"sqlite"}
}

// ForEachEngine runs f as a parallel subtest for each engine.
func ForEachEngine(t *testing.T, f func(t *testing.T, engine string)) {
	for _, e := range Engines(t) {
		t.Run(e, func(t *testing.T) {
			t.Parallel()
			f(t, e)
		})
	}
}

// Secret is the JWT_SECRET of test servers.
const Secret = "test-secret-0123456789-abcdefghijklmnop"

// Env is one running service.
type Env struct {
	T   testing.TB
	URL string
	// MetricsURL is GET /metrics on the metrics listener (App.Metrics), beside URL's.
	MetricsURL string
	Client     *http.Client // validates every response against openapi.yaml
	API        *apiclient.ClientWithResponses
	Mail       *smtptest.Server
	Store      *store.Store
	App        *app.App
	Config     config.Config
	Logs       *LogBuffer
	Clock      *Clock // the service's clock: move it forward instead of sleeping

	raw *rawDB // Exec's connection, shared by copies of the Env
}

type rawDB struct {
	once sync.Once
	db   *sql.DB
	err  error
}

// Option changes the configuration of a test server.
type Option func(*config.Config)

// New starts the service on engine with the test defaults (cheap bcrypt, no rate
// limiting, mails to a real SMTP server) changed by opts.
func New(t testing.TB, engine string, opts ...Option) *Env {
	t.Helper()
	mailSrv := smtptest.Start(t)
	cfg, err := config.Load(func(k string) string {
		return map[string]string{
			"NODE_ENV":             "test",
			"JWT_SECRET":           Secret,
			"PASSWORD_BCRYPT_COST": "4",
			"RATE_LIMIT_ENABLED":   "false",
			"MAIL_POLL_INTERVAL":   "50ms",
			"SMTP_TLS":             "none",
			"PUBLIC_URL":           "http://127.0.0.1:1337",
		}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.SMTP.Host, cfg.SMTP.Port = mailSrv.Host(), mailSrv.Port()
	for _, o := range opts {
		o(&cfg)
	}
	logs := &LogBuffer{}
	log := slog.New(slog.NewTextHandler(io.MultiWriter(logs, testWriter{t}), &slog.HandlerOptions{Level: slog.LevelDebug}))

	ctx := context.Background()
	var st *store.Store
	switch engine {
	case "sqlite":
		cfg.DatabaseFilename = t.TempDir() + "/test.db"
		st, err = app.OpenStore(ctx, cfg, log)
	case "postgres":
		cfg.DatabaseURL = freshPostgres(t)
		st, err = app.OpenStore(ctx, cfg, log)
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	if err != nil {
		t.Fatal(err)
	}
	clock := &Clock{}
	svc, err := app.New(ctx, cfg, log, app.Options{Store: st, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(svc.Handler)
	metricsSrv := httptest.NewServer(svc.Metrics) // as METRICS_ADDR's listener: a port of its own
	t.Cleanup(func() {
		metricsSrv.Close()
		srv.Close()
		svc.Close()
		st.Close()
	})
	e := &Env{T: t, URL: srv.URL, MetricsURL: metricsSrv.URL + "/metrics", Mail: mailSrv, Store: st, App: svc, Config: cfg, Logs: logs, Clock: clock, raw: &rawDB{}}
	vt := &validatingTransport{t: t, base: http.DefaultTransport}
	if cfg.UserFieldsFile != "" {
		if err := vt.useServedSpec(srv.URL); err != nil {
			t.Fatal(err)
		}
	}
	e.Client = &http.Client{
		Transport:     vt,
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, // tests see redirects
	}
	e.API, err = apiclient.NewClientWithResponses(srv.URL, apiclient.WithHTTPClient(e.Client))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Response is a response read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic value.
func (r Response) JSON(t testing.TB) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("response body is not JSON: %v\n%s", err, r.Body)
	}
	return v
}

// Do sends a request with a raw body (nil for none) and headers given as name, value
// pairs, and reads the whole response. A request that gets no response fails the test:
// call Do from the test's goroutine only, Try from others.
func (e *Env) Do(method, path string, body []byte, header ...string) Response {
	e.T.Helper()
	r, err := e.Try(method, path, body, header...)
	if err != nil {
		e.T.Fatal(err)
	}
	return r
}

// Try is Do returning the error instead of failing the test, so that it may be called
// from any goroutine. Its responses are validated against openapi.yaml like Do's.
func (e *Env) Try(method, path string, body []byte, header ...string) (Response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.URL+path, rd)
	if err != nil {
		return Response{}, err
	}
	for i := 0; i+1 < len(header); i += 2 {
		if strings.EqualFold(header[i], "Host") {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := e.Client.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: read the body: %w", method, path, err)
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// PostJSON sends v as a JSON body.
func (e *Env) PostJSON(path string, v any, header ...string) Response {
	e.T.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		e.T.Fatal(err)
	}
	return e.Do(http.MethodPost, path, b, append([]string{"Content-Type", "application/json"}, header...)...)
}

// Register creates a user through the API and returns its JWT and id.
func (e *Env) Register(username, email, password string) (jwt string, id int64) {
	e.T.Helper()
	r := e.PostJSON("/api/auth/local/register", map[string]string{"username": username, "email": email, "password": password})
	if r.Status != 200 {
		e.T.Fatalf("register %s: %d %s", username, r.Status, r.Body)
	}
	var out struct {
		JWT  string `json:"jwt"`
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil {
		e.T.Fatal(err)
	}
	return out.JWT, out.User.ID
}

// LogBuffer collects what the service logged, for tests that check what must never be
// logged.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String is everything logged so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	if os.Getenv("TEST_VERBOSE_LOGS") == "1" {
		w.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

// MailSettled waits, up to 15 s, until the outbox has nothing on its way (no row
// requested or queued). A test that moves the clock past the outbox's lease (2 minutes)
// calls it first: a mail can reach the SMTP server, and the test, before its row is marked
// sent, and with the clock moved the sender would take that row's lease for an expired one
// and deliver the mail again.
func (e *Env) MailSettled() {
	e.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var pending int64
		err := e.Query("SELECT count(*) FROM mail_outbox WHERE status IN ('requested', 'queued')", nil,
			func(scan func(...any) error) error { return scan(&pending) })
		switch {
		case err != nil:
			e.T.Fatalf("mail outbox: %v", err)
		case pending == 0:
			return
		case time.Now().After(deadline):
			e.T.Fatalf("%d mails still in the outbox after 15 s", pending)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Exec runs one SQL statement on the test's database, outside the service, for what a
// test prepares without the API (granting a permission, backdating a row). Arguments are
// written $1, $2, ... on both engines.
func (e *Env) Exec(query string, args ...any) (int64, error) {
	raw, query, err := e.rawQuery(query, len(args))
	if err != nil {
		return 0, err
	}
	res, err := raw.ExecContext(context.Background(), query, args...)
	if err != nil {
		return 0, fmt.Errorf("exec: %w", err)
	}
	return res.RowsAffected()
}

// Query runs one SQL query on the test's database, outside the service, and calls row with
// each row's scan function. Arguments are written $1, $2, ... on both engines.
func (e *Env) Query(query string, args []any, row func(scan func(dest ...any) error) error) error {
	raw, query, err := e.rawQuery(query, len(args))
	if err != nil {
		return err
	}
	rows, err := raw.QueryContext(context.Background(), query, args...)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// rawQuery opens, on first use, the connection of Exec and Query, and writes query's
// arguments as the engine numbers them.
func (e *Env) rawQuery(query string, nargs int) (*sql.DB, string, error) {
	raw := e.raw
	raw.once.Do(func() {
		driver, dsn := "pgx", e.Config.DatabaseURL
		if dsn == "" {
			driver, dsn = "sqlite", "file:"+e.Config.DatabaseFilename+"?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_time_format=sqlite"
		}
		raw.db, raw.err = sql.Open(driver, dsn)
		if raw.err == nil {
			e.T.Cleanup(func() { raw.db.Close() })
		}
	})
	if raw.err != nil {
		return nil, "", raw.err
	}
	if e.Config.DatabaseURL == "" { // SQLite numbers its arguments ?1, ?2, ...
		for i := nargs; i >= 1; i-- {
			query = strings.ReplaceAll(query, "$"+strconv.Itoa(i), "?"+strconv.Itoa(i))
		}
	}
	return raw.db, query, nil
}

// Clock is the test service's one clock: the real time plus an offset the test moves
// forward, so that a test waits for an expiry (a token's, a session's, a cache's) without
// sleeping.
type Clock struct{ offset atomic.Int64 }

// Now is the service's time.
func (c *Clock) Now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())) }

// Advance moves the service's time forward by d.
func (c *Clock) Advance(d time.Duration) { c.offset.Add(int64(d)) }

// Set puts the service's time at t, in the past as well as in the future: for data made at
// a known time (a fixture's tokens), which the real time may have left behind. The clock
// runs on from t.
func (c *Clock) Set(t time.Time) { c.offset.Store(int64(time.Until(t))) }
