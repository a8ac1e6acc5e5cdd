package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/mtb-race/mtb-backend-api/internal/tools/loadgen"

	"github.com/jackc/pgx/v5"
	mtbapi "github.com/mtb-race/mtb-backend-api"
)

// The test binary doubles as a fake server: the bench runs it with
// MTB_BENCH_FAKE_SERVER=1 (passed with -env) and it serves the four endpoints the bench
// uses, configured by the same environment variables as the real server.
func TestMain(m *testing.M) {
	if os.Getenv(floorEnv) == "1" { // the bench runs its floor server as this binary
		os.Exit(floorMain())
	}
	if os.Getenv("MTB_BENCH_FAKE_SERVER") == "1" {
		os.Exit(fakeServer())
	}
	os.Exit(m.Run())
}

func TestBenchAgainstFakeServer(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the bench's temporary directory goes here; it must be gone after
	out := filepath.Join(t.TempDir(), "report.md")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-bin", os.Args[0], "-duration", "400ms", "-warmup", "100ms", "-bcrypt", "300ms", "-pause", "0",
		"-out", out, "-env", "MTB_BENCH_FAKE_SERVER=1", "-engines", "sqlite", "-burst", "20",
	}, &stdout, &stderr)
	t.Logf("stderr:\n%s", stderr.String())
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	report := stdout.String()
	t.Logf("report:\n%s", report)
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(file) != report {
		t.Errorf("-out file differs from the printed report")
	}
	for _, want := range []string{
		"runtime.NumCPU", "| me64 |", "| me16 |", "| login8 |", "| login32 |", "## Targets",
		"start to first answer, fresh database", "start to first answer, existing database",
		"bcrypt bound", "answered 400", "× Strapi",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Every workload ran without errors against the fake, the floor's included (the
	// workloads; the floor's two, each in rounds against the service and the floor; the
	// three access-log runs).
	want := len(workloads) + 2*2*floorRounds + len(accessLogModes)
	if n := strings.Count(stderr.String(), "status_errors=0 transport_errors=0"); n < want {
		t.Errorf("%d workloads ran without errors, want %d", n, want)
	}
	// The start to the first answer: startRounds on fresh databases and startRounds on the
	// existing one, each logged, the report giving every one and their median.
	if n := strings.Count(stderr.String(), "first answer after "); n != 2*startRounds {
		t.Errorf("%d starts measured, want %d", n, 2*startRounds)
	}
	if !strings.Contains(report, fmt.Sprintf("the median of %d starts", startRounds)) {
		t.Error("report lacks the median of the starts")
	}
	if !strings.Contains(report, "service ÷ floor") || !strings.Contains(report, "median of the rounds' ratios") {
		t.Error("report lacks the floor ratios")
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "mtb-bench-*"))
	if len(left) > 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestBenchServerThatDoesNotStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-bin", os.Args[0], "-out", "", "-engines", "sqlite", "-env", "MTB_BENCH_FAKE_SERVER=1", "-env", "FAKE_FAIL=database is locked",
	}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "database is locked") {
		t.Errorf("the server's log is not shown:\n%s", stderr.String())
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "mtb-bench-*"))
	if len(left) > 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), nil, &stdout, &stderr); code != 2 {
		t.Errorf("no -bin: exit status %d, want 2", code)
	}
	if code := run(context.Background(), []string{"-bin", "/nonexistent/mtb-api", "-out", ""}, &stdout, &stderr); code != 1 {
		t.Errorf("missing binary: exit status %d, want 1", code)
	}
}

func TestReadRSS(t *testing.T) {
	kib, err := readRSSKiB(os.Getpid())
	if err != nil {
		t.Skip("no /proc:", err)
	}
	if kib < 1024 || kib > 16<<20 {
		t.Errorf("RSS of the test = %d KiB", kib)
	}
}

func TestTargets(t *testing.T) {
	r := &engineRun{engine: "sqlite", bcryptRate: 34, startFreshRuns: []time.Duration{50 * time.Millisecond}, startExistingRuns: []time.Duration{300 * time.Millisecond}}
	add := func(name string, rps float64, p99 time.Duration, rssMiB int64) {
		wr := workloadResult{peakRSSKiB: rssMiB * 1024}
		for _, w := range workloads {
			if w.Name == name {
				wr.w = w
			}
		}
		wr.res.Throughput, wr.res.P99, wr.res.Requests = rps, p99, 1000
		r.results = append(r.results, wr)
	}
	add("me64", 8000, 10*time.Millisecond, 30)
	add("login8", 20, time.Second, 40)
	add("login32", 32, time.Second, 70)
	add("me16", 9000, 5*time.Millisecond, 30)
	// The floor: me64 at 8000 / 8500 = 94 %, me16 at 9000 / 12000 = 75 % (one round each).
	r.floorPairs = []floorPair{
		{name: "me64", service: []workloadResult{{res: loadgen.Result{Throughput: 8000}}}, floor: []workloadResult{{res: loadgen.Result{Throughput: 8500}}}},
		{name: "me16", service: []workloadResult{{res: loadgen.Result{Throughput: 9000}}}, floor: []workloadResult{{res: loadgen.Result{Throughput: 12000}}}},
	}
	r.flood = &floodResult{loginConnections: 8, me: loadgen.Result{P99: 16 * time.Millisecond, Requests: 100}}
	r.burst = &burstResult{size: 200, ok: 200}
	got := map[string]bool{}
	for _, tg := range r.targets() {
		got[tg.what] = tg.ok
	}
	want := map[string]bool{
		"me64 throughput vs Strapi": true, // 8000 / 382 = 20.9×
		"me64 p99 latency":          true,
		"login throughput vs bcrypt bound (best of login workloads)": true, // 32 / 34 = 94 %
		"peak RSS under load":                                             false, // 70 MiB
		"start to first answer, fresh database":                           true,
		"start to first answer, existing database":                        false,
		"me64 service ÷ floor":                                            true,
		"me16 service ÷ floor":                                            false,
		"/users/me p99 during a login flood (me16 + 8 login connections)": false, // 16 ms > 15 ms
		"burst of 200 registrations":                                      true,
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("target %q: ok=%v present=%v, want ok=%v", k, g, ok, v)
		}
	}
	rep := &report{runs: []*engineRun{r}}
	if md := rep.markdown(); !strings.Contains(md, "MISSED 4 of 10") {
		t.Errorf("markdown does not say MISSED 4 of 10:\n%s", md)
	}
}

// TestMedian: one median for the floor ratios, the latencies, the DDL and the starts; it
// leaves its argument as it was (the starts are reported in the order measured).
func TestMedian(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct {
		name string
		in   []time.Duration
		want time.Duration
	}{
		{"none", nil, 0},
		{"one", []time.Duration{7 * ms}, 7 * ms},
		{"odd: the middle one, whatever the order", []time.Duration{300 * ms, 90 * ms, 110 * ms}, 110 * ms},
		{"even: the mean of the middle two", []time.Duration{40 * ms, 10 * ms, 20 * ms, 1000 * ms}, 30 * ms},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := slices.Clone(c.in)
			if got := median(in); got != c.want {
				t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
			}
			if !slices.Equal(in, c.in) {
				t.Errorf("median reordered its argument: %v", in)
			}
		})
	}
}

// TestFloorPairRatio: the service ÷ floor ratio is the median of the rounds' ratios, so a
// round in which the machine slowed down for one side does not decide it.
func TestFloorPairRatio(t *testing.T) {
	rounds := func(rps ...float64) []workloadResult {
		var out []workloadResult
		for _, x := range rps {
			out = append(out, workloadResult{res: loadgen.Result{Throughput: x}})
		}
		return out
	}
	for _, c := range []struct {
		name           string
		service, floor []float64
		want           float64
	}{
		{"odd: the middle one", []float64{90, 50, 95, 92, 180}, []float64{100, 100, 100, 100, 100}, 0.92},
		{"even: the mean of the middle two", []float64{80, 90, 96, 60}, []float64{100, 100, 100, 100}, 0.85},
		{"a floor round with nothing is left out", []float64{90, 90, 91}, []float64{100, 0, 100}, 0.905},
		{"no rounds", nil, nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := floorPair{name: "me16", service: rounds(c.service...), floor: rounds(c.floor...)}
			if got := p.ratio(); got < c.want-1e-9 || got > c.want+1e-9 {
				t.Fatalf("ratio %v, want %v (rounds %s)", got, c.want, p.ratiosText())
			}
		})
	}
}

// TestFreshStartTargetOnPostgres: on PostgreSQL the fresh start's budget is the target plus
// the schema's own DDL measured in the run; without that measurement (SQLite) the target
// alone.
func TestFreshStartTargetOnPostgres(t *testing.T) {
	for _, c := range []struct {
		name         string
		ddl, fresh   time.Duration
		ok           bool
		wantContains string
	}{
		{"within the budget + DDL", 70 * time.Millisecond, 250 * time.Millisecond, true, "+ the schema's DDL 70.0 ms = 270.0 ms"},
		{"over it", 70 * time.Millisecond, 280 * time.Millisecond, false, "= 270.0 ms"},
		{"no DDL measured: the target alone", 0, 250 * time.Millisecond, false, "< 200.0 ms"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &engineRun{engine: "postgres", schemaDDL: c.ddl, startFreshRuns: []time.Duration{c.fresh}}
			for _, tg := range r.targets() {
				if tg.what != "start to first answer, fresh database" {
					continue
				}
				if tg.ok != c.ok || !strings.Contains(tg.want, c.wantContains) {
					t.Fatalf("ok=%v want %q; expected ok=%v and %q", tg.ok, tg.want, c.ok, c.wantContains)
				}
				return
			}
			t.Fatal("no fresh-start target")
		})
	}
}

// TestSchemaDDL creates the schema from the embedded migrations on the test PostgreSQL
// server: the script has every migration's Up and none of goose's annotations or Down
// sections, it runs, and it leaves the tables the service uses.
func TestSchemaDDL(t *testing.T) {
	script, err := upScript(mtbapi.Migrations, "schema/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(script, "+goose") || strings.Contains(script, "DROP TABLE up_users") {
		t.Fatalf("the script holds goose annotations or a Down section:\n%s", script)
	}
	url := os.Getenv("TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TEST_DATABASE_URL is not set (make test sets it)")
	}
	ctx := context.Background()
	d, err := schemaDDL(ctx, url)
	if err != nil || d <= 0 {
		t.Fatalf("schemaDDL = %s, %v", d, err)
	}
	db, err := openDatabase(ctx, "postgres", "", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.drop()
	if _, err := timeScript(ctx, db.env["DATABASE_URL"], script); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, db.env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('up_users', 'up_roles', 'up_sessions', 'mail_outbox')").Scan(&n); err != nil || n != 4 {
		t.Fatalf("tables after the script: %d, %v; want 4", n, err)
	}
}

// ---------------------------------------------------------------------------------------
// The fake server.
// ---------------------------------------------------------------------------------------

type fakeUser struct {
	ID       int    `json:"id"`
	Username string `json:"username"`
	Email    string `json:"email"`
	Hash     string `json:"hash"`
}

func fakeServer() int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(os.Stderr, "fake server: "+format+"\n", a...)
		return 1
	}
	if msg := os.Getenv("FAKE_FAIL"); msg != "" {
		return fail("%s", msg)
	}
	// The bench must pass exactly this configuration.
	for k, want := range map[string]string{"HOST": "127.0.0.1", "NODE_ENV": "production", "RATE_LIMIT_ENABLED": "false"} {
		if got := os.Getenv(k); got != want {
			return fail("%s=%q, want %q", k, got, want)
		}
	}
	secret := []byte(os.Getenv("JWT_SECRET"))
	if len(secret) < 32 {
		return fail("JWT_SECRET too short")
	}
	dbFile := os.Getenv("DATABASE_FILENAME")
	if !filepath.IsAbs(dbFile) {
		return fail("DATABASE_FILENAME %q is not absolute", dbFile)
	}
	if _, err := strconv.Atoi(os.Getenv("PORT")); err != nil {
		return fail("PORT: %v", err)
	}

	// The users live in a SQLite table of the real schema's shape, so that the bench's
	// floor server can read them after the fake stopped.
	db, err := sql.Open("sqlite", "file:"+dbFile+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	if err != nil {
		return fail("database: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS up_users (id INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL,
		username TEXT NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE, provider TEXT NOT NULL, password TEXT, confirmed BOOLEAN NOT NULL,
		blocked BOOLEAN NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, published_at DATETIME NOT NULL)`); err != nil {
		return fail("database: %v", err)
	}
	var mu sync.Mutex // one writer at a time, as SQLite wants
	userBy := func(where string, arg any) *fakeUser {
		var u fakeUser
		if db.QueryRow("SELECT id, username, email, password FROM up_users WHERE "+where+" = ?", arg).Scan(&u.ID, &u.Username, &u.Email, &u.Hash) != nil {
			return nil
		}
		return &u
	}

	b64 := base64.RawURLEncoding
	sign := func(id int) string {
		h := b64.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
		p := b64.EncodeToString(fmt.Appendf(nil, `{"id":%d,"iat":%d,"exp":%d}`, id, time.Now().Unix(), time.Now().Add(time.Hour).Unix()))
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(h + "." + p))
		return h + "." + p + "." + b64.EncodeToString(mac.Sum(nil))
	}
	verify := func(tok string) (int, bool) {
		parts := strings.Split(tok, ".")
		if len(parts) != 3 {
			return 0, false
		}
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(parts[0] + "." + parts[1]))
		sig, err := b64.DecodeString(parts[2])
		if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
			return 0, false
		}
		payload, err := b64.DecodeString(parts[1])
		var claims struct{ ID int }
		if err != nil || json.Unmarshal(payload, &claims) != nil {
			return 0, false
		}
		return claims.ID, true
	}
	userJSON := func(u *fakeUser) map[string]any {
		return map[string]any{"id": u.ID, "documentId": fmt.Sprintf("doc%d", u.ID), "username": u.Username,
			"email": u.Email, "provider": "local", "confirmed": true, "blocked": false}
	}
	reply := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	badRequest := func(w http.ResponseWriter, msg string) {
		reply(w, 400, map[string]any{"data": nil, "error": map[string]any{"status": 400, "name": "ValidationError", "message": msg}})
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /_health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("POST /api/auth/local/register", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Username, Email, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Username == "" || in.Email == "" || len(in.Password) < 6 {
			badRequest(w, "invalid")
			return
		}
		hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), 10)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if userBy("email", in.Email) != nil {
			badRequest(w, "Email or Username are already taken")
			return
		}
		now := time.Now().UTC()
		res, err := db.Exec(`INSERT INTO up_users (document_id, username, email, provider, password, confirmed, blocked, created_at, updated_at, published_at)
			VALUES (?, ?, ?, 'local', ?, TRUE, FALSE, ?, ?, ?)`, "doc-"+in.Username, in.Username, in.Email, string(hash), now, now, now)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		id, _ := res.LastInsertId()
		u := &fakeUser{ID: int(id), Username: in.Username, Email: in.Email}
		reply(w, 200, map[string]any{"jwt": sign(u.ID), "user": userJSON(u)})
	})
	mux.HandleFunc("POST /api/auth/local", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Identifier, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil {
			badRequest(w, "invalid")
			return
		}
		u := userBy("email", in.Identifier)
		if u == nil || bcrypt.CompareHashAndPassword([]byte(u.Hash), []byte(in.Password)) != nil {
			badRequest(w, "Invalid identifier or password")
			return
		}
		reply(w, 200, map[string]any{"jwt": sign(u.ID), "user": userJSON(u)})
	})
	mux.HandleFunc("GET /api/users/me", func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		id, valid := verify(tok)
		if !ok || !valid {
			reply(w, 401, map[string]any{"data": nil, "error": map[string]any{"status": 401, "name": "UnauthorizedError", "message": "Missing or invalid credentials"}})
			return
		}
		if u := userBy("id", id); u != nil {
			reply(w, 200, userJSON(u))
			return
		}
		reply(w, 401, map[string]any{"error": "no such user"})
	})

	ln, err := net.Listen("tcp", net.JoinHostPort(os.Getenv("HOST"), os.Getenv("PORT")))
	if err != nil {
		return fail("%v", err)
	}
	srv := &http.Server{Handler: mux}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return fail("%v", err)
	}
	return 0
}

// TestSVG: the chart is well-formed XML and has every series of every engine.
func TestSVG(t *testing.T) {
	secs := []loadgen.Second{{Requests: 3000, Throughput: 3000, P99: 12 * time.Millisecond}, {Requests: 2800, Throughput: 2800, P99: 40 * time.Millisecond}}
	var runs []*engineRun
	for _, e := range []string{"sqlite", "postgres"} {
		runs = append(runs, &engineRun{engine: e, bcryptRate: 30,
			results: []workloadResult{{w: workload{Name: "me64 <&>"}, res: loadgen.Result{Throughput: 9000, P50: 5 * time.Millisecond, P99: 20 * time.Millisecond}}},
			floorPairs: []floorPair{{name: "me64", service: []workloadResult{{res: loadgen.Result{Throughput: 9000}}},
				floor: []workloadResult{{res: loadgen.Result{Throughput: 10000, P50: 4 * time.Millisecond, P99: 15 * time.Millisecond}}}}},
			flood: &floodResult{loginConnections: 8, me: loadgen.Result{Throughput: 2900, Seconds: secs},
				login: loadgen.Result{Throughput: 25, Seconds: []loadgen.Second{{Requests: 25, Throughput: 25, P99: time.Second}}}},
		})
	}
	svg := (&report{date: time.Now(), runs: runs}).svg()
	ids := map[string]bool{}
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
	}
	for _, e := range []string{"sqlite", "postgres"} {
		for _, id := range []string{"bars-", "p50-", "p99-"} {
			if !ids[id+e] {
				t.Errorf("no series %s%s", id, e)
			}
		}
		for _, s := range []string{"me-rps", "login-rps", "me-p99", "login-p99"} {
			if !ids["flood-"+e+"-"+s] {
				t.Errorf("no series flood-%s-%s", e, s)
			}
		}
	}
	// Two points of /me throughput per engine: a polyline with two coordinates.
	if !strings.Contains(svg, `<polyline fill="none" stroke-width="2" points="`) {
		t.Error("no polyline")
	}
}

// TestFloodConnections: twice the hash capacity, twice again so the queue never runs dry.
func TestFloodConnections(t *testing.T) {
	if got := floodLoginConnections(2); got != 8 {
		t.Errorf("floodLoginConnections(2) = %d, want 8", got)
	}
}
