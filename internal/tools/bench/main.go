// Command bench measures the server binary against the targets of the project, against a
// floor server that does only what GET /api/users/me must, and against Strapi 5's figures,
// and writes a Markdown report and an SVG chart of it.
//
// Usage (from the repository root; make bench does this):
//
//	go build -o bin/mtb-api ./cmd/mtb-api
//	go run ./internal/tools/bench -bin ./bin/mtb-api [-engines sqlite,postgres] [-duration 15s] [-warmup 5s] [-out bench-report.md]
//
// For each engine (a fresh SQLite file, or a PostgreSQL database created for the run on
// -postgres-url and dropped after it) it starts the binary in a temporary directory on a
// free loopback port (NODE_ENV=production, LOG_LEVEL=warn, RATE_LIMIT_ENABLED=false) and
// measures the time from exec to the first 204 on GET /_health, then again on the existing
// database. It registers a user, logs in, measures the bcrypt bound of this machine (cost-10
// compares on every CPU, server idle) and runs, with the closed-loop generator of
// internal/tools/loadgen while sampling the server's RSS and CPU time:
//   - the workloads (/users/me at 64 and 16 connections, login at 8 and 32);
//   - the same /users/me workloads against the service and the floor (this binary,
//     re-executed as a minimal server: HS256 check, the user by id with the service's
//     driver, the JSON) in alternating rounds, on the same database and row, and the median
//     service ÷ floor ratio;
//   - the login flood (login at twice the hash capacity beside /users/me at 16 connections,
//     with a per-second series) and the burst of -burst simultaneous registrations;
//   - /users/me at 64 connections with each LOG_ACCESS setting, at LOG_LEVEL=info.
//
// The report is not a test: the exit status is 0 even when a target is missed (the
// report says MISSED). It is 1 only when the benchmark itself could not run (the server
// did not start, registration failed, ...).
//
// The server gets a minimal environment (PATH, HOME, TMPDIR, LANG, TZ and the variables
// above), so a DATABASE_URL or PASSWORD_* in your shell cannot change what is measured.
// Add variables with -env KEY=VALUE (repeatable).
//
// The load generator runs on the same machine and shares its CPUs with the server, as
// wrk did for the Strapi figures: the absolute figures move with the machine's load, the
// ratios measured side by side in one run much less.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/mtb-race/mtb-backend-api/internal/tools/loadgen"
)

// ---------------------------------------------------------------------------------------
// Strapi's reference figures.
//
// Copied from shared/reference/strapi-baseline.md: Strapi 5.54.0 with Users & Permissions,
// SQLite (better-sqlite3), NODE_ENV=production, rate limiting off, on a 2-core machine of
// the same kind as ours; wrk -t2 --latency on loopback, 15 s per run after a 5 s warm-up,
// two runs each. Keep this table in sync with that file.
// ---------------------------------------------------------------------------------------

type strapiFigures struct {
	Connections int
	ReqPerSec   [2]float64 // the two runs
	P50ms       [2]float64
	P99ms       [2]float64
}

func (f strapiFigures) meanReqPerSec() float64 { return (f.ReqPerSec[0] + f.ReqPerSec[1]) / 2 }

var strapi = map[string]strapiFigures{
	"me16":       {16, [2]float64{362, 383}, [2]float64{41, 40}, [2]float64{120, 90}},
	"me64":       {64, [2]float64{370, 394}, [2]float64{154, 150}, [2]float64{4740, 4030}},
	"login8":     {8, [2]float64{13.0, 13.2}, [2]float64{598, 595}, [2]float64{1870, 1780}},
	"login32":    {32, [2]float64{12.9, 12.2}, [2]float64{1210, 1210}, [2]float64{12480, 13110}},
	"register8":  {8, [2]float64{11.6, 12.1}, [2]float64{661, 648}, [2]float64{2370, 2310}},
	"register32": {32, [2]float64{10.9, 11.7}, [2]float64{1240, 1220}, [2]float64{12130, 13080}},
}

const (
	strapiIdleRSSMiB       = 240 // about, idle after start
	strapiLoadRSS          = "280–340 MiB"
	strapiStartExistingDB  = 2.0  // seconds to the first answer on /_health, existing database
	strapiStartFreshDB     = 2.6  // seconds, fresh database
	strapiLoginCPUms       = 77.0 // CPU per login (bcryptjs)
	strapiMeCPUms          = 2.6  // CPU per GET /api/users/me
	strapiReferenceFile    = "shared/reference/strapi-baseline.md"
	strapiReferenceVersion = "Strapi 5.54.0"
	strapiReferenceDate    = "2026-11-25"
)

// ---------------------------------------------------------------------------------------
// The project's targets.
// ---------------------------------------------------------------------------------------

const (
	targetMe64VsStrapi      = 20.0                  // me64 req/s ≥ 20 × Strapi's
	targetMe64P99           = 20 * time.Millisecond // me64 p99 below this
	targetLoginOfBcrypt     = 0.90                  // best login req/s ≥ 90 % of the bcrypt bound (issue 13: login alone)
	targetPeakRSSMiB        = 60.0                  // peak RSS under load below this
	targetStartToFirstReply = 200 * time.Millisecond
)

// ---------------------------------------------------------------------------------------
// Workloads. Add rows here (refresh, register, ...); a row needs a name, a connection
// count and a function that builds the request from the session. Rows whose name is in
// the strapi table are compared with Strapi.
// ---------------------------------------------------------------------------------------

type workload struct {
	Name        string
	Connections int
	Describe    string                          // the request, for the report
	Build       func(s *session) loadgen.Config // URL, Method, Body, Header, ExpectStatus
}

func meRequest(s *session) loadgen.Config {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+s.jwt)
	return loadgen.Config{URL: s.base + "/api/users/me", Method: http.MethodGet, Header: h, ExpectStatus: http.StatusOK}
}

func loginRequest(s *session) loadgen.Config {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	body, _ := json.Marshal(map[string]string{"identifier": s.email, "password": s.password})
	return loadgen.Config{URL: s.base + "/api/auth/local", Method: http.MethodPost, Body: body, Header: h, ExpectStatus: http.StatusOK}
}

var workloads = []workload{
	{"me64", 64, "`GET /api/users/me` (valid JWT)", meRequest},
	{"me16", 16, "`GET /api/users/me` (valid JWT)", meRequest},
	{"login8", 8, "`POST /api/auth/local` (right password)", loginRequest},
	{"login32", 32, "`POST /api/auth/local` (right password)", loginRequest},
}

// ---------------------------------------------------------------------------------------

type options struct {
	bin      string
	duration time.Duration
	warmup   time.Duration
	bcrypt   time.Duration
	pause    time.Duration
	out      string
	keep     bool
	env      []string

	engines     []string // sqlite, postgres
	postgresURL string   // a server where the bench may create and drop a database
	burst       int      // registrations of the burst scenario
	svg         string   // the chart; "" for none
	args        []string // as given, for the report
}

type envFlag []string

func (e *envFlag) String() string { return strings.Join(*e, " ") }
func (e *envFlag) Set(v string) error {
	if k, _, ok := strings.Cut(v, "="); !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE, got %q", v)
	}
	*e = append(*e, v)
	return nil
}

func main() {
	if os.Getenv(floorEnv) == "1" {
		os.Exit(floorMain())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var env envFlag
	fs.StringVar(&o.bin, "bin", "", "server binary to measure (required), e.g. ./bin/mtb-api")
	fs.DurationVar(&o.duration, "duration", 15*time.Second, "recording time per workload")
	fs.DurationVar(&o.warmup, "warmup", 5*time.Second, "warm-up per workload (not recorded)")
	fs.DurationVar(&o.bcrypt, "bcrypt", 5*time.Second, "time spent measuring the bcrypt bound")
	fs.DurationVar(&o.pause, "pause", time.Second, "idle time between workloads")
	fs.StringVar(&o.out, "out", "bench-report.md", "write the Markdown report here (\"\" for none)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directory (database, server logs)")
	fs.Var(&env, "env", "extra KEY=VALUE for the server's environment (repeatable)")
	engines := fs.String("engines", "sqlite,postgres", "the engines to run every scenario on, comma-separated")
	defaultPG := os.Getenv("TEST_DATABASE_URL")
	if defaultPG == "" {
		defaultPG = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	fs.StringVar(&o.postgresURL, "postgres-url", defaultPG, "PostgreSQL server where each run creates (and then drops) a database of its own")
	fs.IntVar(&o.burst, "burst", 200, "registrations sent at once in the burst scenario (0: no burst)")
	fs.StringVar(&o.svg, "svg", "", "write the SVG chart here (default: -out with .svg instead of .md; \"\" with no -out: none)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o.env = env
	o.args = args
	if o.bin == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: bench -bin ./bin/mtb-api [-duration 15s] [-warmup 5s] [-out bench-report.md]")
		return 2
	}
	for _, e := range strings.Split(*engines, ",") {
		if e = strings.TrimSpace(e); e != "sqlite" && e != "postgres" {
			fmt.Fprintf(stderr, "bench: -engines: unknown engine %q (want sqlite, postgres)\n", e)
			return 2
		}
		o.engines = append(o.engines, strings.TrimSpace(e))
	}
	svgSet := false
	fs.Visit(func(f *flag.Flag) { svgSet = svgSet || f.Name == "svg" })
	if !svgSet && o.out != "" {
		o.svg = strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".svg"
	}
	if o.duration <= 0 || o.warmup < 0 || o.bcrypt <= 0 {
		fmt.Fprintln(stderr, "bench: -duration and -bcrypt must be > 0, -warmup >= 0")
		return 2
	}

	rep, err := bench(ctx, o, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	md := rep.markdown()
	fmt.Fprint(stdout, md)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1
		}
		fmt.Fprintf(stderr, "bench: report written to %s\n", o.out)
	}
	if o.svg != "" {
		if err := os.WriteFile(o.svg, []byte(rep.svg()), 0o644); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1
		}
		fmt.Fprintf(stderr, "bench: chart written to %s\n", o.svg)
	}
	return 0
}

// session is what the workloads need to build their requests.
type session struct {
	base     string // http://127.0.0.1:port
	email    string
	username string
	password string
	jwt      string
}

type workloadResult struct {
	w          workload
	res        loadgen.Result
	peakRSSKiB int64
	cpuPerReq  time.Duration // server CPU time (user+system) per recorded response
	cpuCores   float64       // server CPU time / recording time
	// logBytesPerReq is what the server wrote to stdout and stderr in the recording window
	// per response (its access log, mostly).
	logBytesPerReq float64
	err            error
}

// report is one run of the bench: the same scenarios on each engine.
type report struct {
	date       time.Time
	machine    machineFacts
	opts       options
	loadBefore string // /proc/loadavg 1-minute figure when the bench started
	runs       []*engineRun
}

// engineRun is what was measured on one engine.
type engineRun struct {
	engine string
	// Start to first answer, each start (startRounds of each; the targets take the median:
	// startFresh, startExisting).
	startFreshRuns    []time.Duration
	startExistingRuns []time.Duration
	schemaDDL         time.Duration // PostgreSQL: the schema's own DDL time (schemaDDL); 0 on SQLite
	stopFresh         time.Duration // SIGTERM to exit, first instance
	stopExisting      time.Duration
	idleRSSFresh      int64   // KiB, ~1 s after the first answer
	idleRSSStart      int64   // KiB, ~1 s after the first answer, existing database
	idleRSSAfter      int64   // KiB, after the workloads
	idleCPUFresh      float64 // cores busy in the idle second after the first start (server CPU ÷ wall time)
	idleCPUStart      float64 // the same after the restart
	bcryptRate        float64
	bcryptCount       int64
	bcryptElapsed     time.Duration
	wrongPassword     int    // status of a login with a wrong password (400 expected)
	loadStart         string // 1-minute load average when this engine's run began
	loadIdle          string // the same just before the bcrypt measurement (server idle)
	results           []workloadResult
	floorPairs        []floorPair // me64, me16: the service and the floor, round by round
	flood             *floodResult
	burst             *burstResult
	accessLog         []workloadResult // me64 with each LOG_ACCESS setting
}

func bench(ctx context.Context, o options, logw io.Writer) (*report, error) {
	rep := &report{date: time.Now(), opts: o, machine: readMachineFacts(o.bin), loadBefore: loadAvg()}
	for _, engine := range o.engines {
		r, err := benchEngine(ctx, o, engine, logw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", engine, err)
		}
		rep.runs = append(rep.runs, r)
	}
	return rep, nil
}

func benchEngine(ctx context.Context, o options, engine string, logw io.Writer) (rep *engineRun, err error) {
	logf := func(format string, a ...any) { fmt.Fprintf(logw, "bench: "+engine+": "+format+"\n", a...) }
	rep = &engineRun{engine: engine, loadStart: loadAvg()}

	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(bin); err != nil {
		return nil, err
	} else if fi.IsDir() || fi.Mode()&0o111 == 0 {
		return nil, fmt.Errorf("%s is not an executable file", bin)
	}
	self, err := os.Executable() // the floor server is this binary
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "mtb-bench-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if o.keep {
			logf("kept %s", dir)
			return
		}
		if rerr := os.RemoveAll(dir); rerr != nil && err == nil {
			err = rerr
		}
	}()
	db, err := openDatabase(ctx, engine, dir, o.postgresURL)
	if err != nil {
		return nil, err
	}
	if db.drop != nil {
		defer func() {
			if derr := db.drop(); derr != nil && err == nil {
				err = derr
			}
		}()
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	secret := randomHex(32) // 64 characters
	vars := map[string]string{
		"HOST":               "127.0.0.1",
		"PORT":               strconv.Itoa(port),
		"JWT_SECRET":         secret,
		"NODE_ENV":           "production",
		"LOG_LEVEL":          "warn",
		"RATE_LIMIT_ENABLED": "false",
	}
	for k, v := range db.env {
		vars[k] = v
	}
	env := serverEnv(vars, o.env)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)

	// srv is the process running now (the service or the floor); an error path stops it.
	var srv *server
	defer func() {
		if srv != nil {
			srv.stop(10 * time.Second)
			if err != nil {
				srv.dumpLogs(logw)
			}
		}
	}()
	// restart stops srv (if one runs) and starts name with env on the same port, once the
	// port is free.
	restart := func(name, exe string, env []string) (time.Duration, error) {
		if srv != nil {
			if _, err := srv.stop(30 * time.Second); err != nil {
				return 0, fmt.Errorf("stopping %s: %w", srv.name, err)
			}
			srv = nil
		}
		if err := waitPortFree(ctx, port, 5*time.Second); err != nil {
			return 0, err
		}
		s, d, err := startServer(ctx, exe, dir, name, env, base)
		if err != nil {
			return 0, err
		}
		srv = s
		return d, nil
	}

	// a. Start to first answer: fresh database, then again on the existing one. On
	// PostgreSQL, first what creating the schema costs PostgreSQL itself.
	if engine == "postgres" {
		if rep.schemaDDL, err = schemaDDL(ctx, o.postgresURL); err != nil {
			return nil, err
		}
		logf("the schema's DDL in one transaction: %s (median of %d fresh databases)", rep.schemaDDL, schemaDDLRuns)
	}
	// The first fresh start is on the run's own database; the others on databases of their
	// own, made and dropped here. One start is one sample of a machine whose speed moves by
	// tens of percent within a minute: the targets take the median of startRounds.
	logf("starting %s on a fresh database (%s)", o.bin, dir)
	d, err := restart("fresh", bin, env)
	if err != nil {
		return nil, err
	}
	logf("first answer after %s (fresh database)", d)
	rep.startFreshRuns = append(rep.startFreshRuns, d)
	rep.idleRSSFresh, rep.idleCPUFresh = idleStats(ctx, srv)
	if rep.stopFresh, err = srv.stop(30 * time.Second); err != nil {
		return nil, fmt.Errorf("stopping the first instance: %w", err)
	}
	srv = nil
	for range startRounds - 1 {
		d, err := freshStart(ctx, engine, dir, o.postgresURL, func(dbEnv map[string]string) (time.Duration, error) {
			v := maps.Clone(vars)
			maps.Copy(v, dbEnv)
			d, err := restart("fresh", bin, serverEnv(v, o.env))
			if err != nil {
				return 0, err
			}
			_, err = srv.stop(30 * time.Second)
			srv = nil
			return d, err
		})
		if err != nil {
			return nil, err
		}
		logf("first answer after %s (another fresh database)", d)
		rep.startFreshRuns = append(rep.startFreshRuns, d)
	}
	for i := range startRounds {
		if d, err = restart("existing", bin, env); err != nil {
			return nil, err
		}
		logf("first answer after %s (existing database)", d)
		rep.startExistingRuns = append(rep.startExistingRuns, d)
		if i == 0 {
			rep.idleRSSStart, rep.idleCPUStart = idleStats(ctx, srv)
		}
	}

	// b. A user and its JWT.
	s := &session{base: base, password: "Bench-pass-" + randomHex(6)}
	tag := randomHex(4)
	s.username = "bench-" + tag
	s.email = "bench-" + tag + "@example.com"
	if err := s.registerAndLogin(ctx); err != nil {
		return nil, err
	}
	rep.wrongPassword, err = s.loginStatus(ctx, s.password+"-wrong")
	if err != nil {
		return nil, err
	}
	logf("registered %s, logged in (wrong password answers %d)", s.username, rep.wrongPassword)

	// e. The bcrypt bound, measured here while the server is idle.
	rep.loadIdle = loadAvg()
	logf("measuring the bcrypt bound for %s on %d CPUs (load average %s)", o.bcrypt, runtime.NumCPU(), rep.loadIdle)
	rep.bcryptCount, rep.bcryptElapsed, err = measureBcrypt(ctx, o.bcrypt)
	if err != nil {
		return nil, err
	}
	rep.bcryptRate = float64(rep.bcryptCount) / rep.bcryptElapsed.Seconds()
	logf("bcrypt bound: %d compares in %s = %.1f/s", rep.bcryptCount, rep.bcryptElapsed.Round(time.Millisecond), rep.bcryptRate)

	pause := func() error {
		if o.pause <= 0 {
			return nil
		}
		select {
		case <-time.After(o.pause):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}

	// c, d. The workloads, with the RSS sampled every 100 ms.
	for i, w := range workloads {
		if i > 0 {
			if err := pause(); err != nil {
				return nil, err
			}
		}
		wr, err := runWorkload(ctx, o, srv, w, s, logf)
		if err != nil {
			return nil, err
		}
		rep.results = append(rep.results, wr)
	}
	// The floor, beside the service on the same database and row: each /users/me workload
	// in floorRounds rounds, the service then the floor in each, so that both see the same
	// machine (a shared one changes speed by tens of percent within a minute); the ratio is
	// the median of the rounds' ratios.
	floorPort, err := freePort()
	if err != nil {
		return nil, err
	}
	floorEnvVars := map[string]string{"HOST": "127.0.0.1", "PORT": strconv.Itoa(floorPort), "JWT_SECRET": secret, floorEnv: "1"}
	for k, v := range db.env {
		floorEnvVars[k] = v
	}
	for _, kv := range o.env { // the service's pool size, when -env sets it
		if v, ok := strings.CutPrefix(kv, "DATABASE_POOL_MAX="); ok {
			floorEnvVars["DATABASE_POOL_MAX"] = v
		}
	}
	floorBase := fmt.Sprintf("http://127.0.0.1:%d", floorPort)
	floorSrv, _, err := startServer(ctx, self, dir, "floor", serverEnv(floorEnvVars, nil), floorBase)
	if err != nil {
		return nil, fmt.Errorf("the floor server: %w", err)
	}
	defer floorSrv.stop(10 * time.Second) // on an error path; a stopped server is left alone
	floorSession := *s
	floorSession.base = floorBase
	round := o
	round.duration = max(o.duration/floorRounds, 500*time.Millisecond)
	round.warmup = min(o.warmup, time.Second)
	for _, w := range workloads {
		if !strings.HasPrefix(w.Name, "me") {
			continue
		}
		pair := floorPair{name: w.Name}
		for range floorRounds {
			if err := pause(); err != nil {
				return nil, err
			}
			sr, err := runWorkload(ctx, round, srv, w, s, logf)
			if err != nil {
				return nil, err
			}
			fr, err := runWorkload(ctx, round, floorSrv, w, &floorSession, logf)
			if err != nil {
				return nil, err
			}
			pair.service, pair.floor = append(pair.service, sr), append(pair.floor, fr)
		}
		rep.floorPairs = append(rep.floorPairs, pair)
		logf("%s ÷ floor, round by round: %s → median %.0f%%", w.Name, pair.ratiosText(), 100*pair.ratio())
	}
	if _, err := floorSrv.stop(30 * time.Second); err != nil {
		return nil, fmt.Errorf("stopping the floor server: %w", err)
	}

	rep.idleRSSAfter, _ = srv.rssKiB()
	rep.stopExisting, err = srv.stop(30 * time.Second)
	if err != nil {
		return nil, fmt.Errorf("stopping the server: %w", err)
	}
	srv = nil

	// The scenarios of issue 13: a login flood with /users/me measured beside it, then a
	// burst of registrations.
	if _, err := restart("scenarios", bin, env); err != nil {
		return nil, err
	}
	if err := pause(); err != nil {
		return nil, err
	}
	if rep.flood, err = runFlood(ctx, o, s, logf); err != nil {
		return nil, err
	}
	if err := pause(); err != nil {
		return nil, err
	}
	if rep.burst, err = runBurst(ctx, s, o.burst, logf); err != nil {
		return nil, err
	}

	// The access log's cost: me64 with each LOG_ACCESS setting, the log at info level.
	for _, mode := range accessLogModes {
		logEnv := serverEnv(vars, append(append([]string{}, o.env...), "LOG_LEVEL=info", "LOG_ACCESS="+mode))
		if _, err := restart("log-"+mode, bin, logEnv); err != nil {
			return nil, err
		}
		wr, err := runWorkload(ctx, o, srv, workloads[0], s, logf)
		if err != nil {
			return nil, err
		}
		wr.w.Name = "me64 LOG_ACCESS=" + mode
		rep.accessLog = append(rep.accessLog, wr)
	}
	if _, err := srv.stop(30 * time.Second); err != nil {
		return nil, fmt.Errorf("stopping the server: %w", err)
	}
	srv = nil
	return rep, nil
}

// accessLogModes are the LOG_ACCESS settings the bench compares, "off" first (the baseline).
var accessLogModes = []string{"off", "all", "errors"}

// runWorkload runs w against srv, sampling its RSS, CPU time and log output.
func runWorkload(ctx context.Context, o options, srv *server, w workload, s *session, logf func(string, ...any)) (workloadResult, error) {
	cfg := w.Build(s)
	cfg.Connections = w.Connections
	cfg.Duration = o.duration
	cfg.Warmup = o.warmup
	logf("%s on %s: %d connections, %s warm-up + %s", w.Name, srv.name, w.Connections, o.warmup, o.duration)
	sampler := startRSSSampler(srv.pid(), 100*time.Millisecond)
	// The server's CPU time and log size over the recording window (read when the warm-up
	// ends and when Run returns, right at the end of the window).
	type mark struct {
		cpu time.Duration
		log int64
	}
	atStart := make(chan mark, 1)
	warmTimer := time.AfterFunc(o.warmup, func() {
		d, _ := readCPUTime(srv.pid())
		atStart <- mark{d, srv.logBytes()}
	})
	res, err := loadgen.Run(ctx, cfg)
	cpuEnd, cpuErr := readCPUTime(srv.pid())
	logEnd := srv.logBytes()
	peak := sampler.stop()
	warmTimer.Stop()
	if ctx.Err() != nil {
		return workloadResult{}, ctx.Err()
	}
	if srv.hasExited() {
		return workloadResult{}, fmt.Errorf("the server exited during %s", w.Name)
	}
	wr := workloadResult{w: w, res: res, peakRSSKiB: peak, err: err}
	select {
	case m := <-atStart:
		if cpuErr == nil && res.Requests > 0 {
			wr.cpuPerReq = (cpuEnd - m.cpu) / time.Duration(res.Requests)
			wr.cpuCores = (cpuEnd - m.cpu).Seconds() / res.Elapsed.Seconds()
		}
		if res.Requests > 0 {
			wr.logBytesPerReq = float64(logEnd-m.log) / float64(res.Requests)
		}
	default:
	}
	logf("%s: %s peak_rss=%s server_cpu/req=%s log_bytes/req=%.0f", w.Name, res, mib(peak), fmtCPU(wr.cpuPerReq), wr.logBytesPerReq)
	return wr, nil
}

// serverEnv is a minimal environment plus vars, plus the -env extras (which win).
func serverEnv(vars map[string]string, extra []string) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "LANG", "TZ"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return append(env, extra...) // exec uses the last value of a duplicated key
}

// ---------------------------------------------------------------------------------------
// The server process.
// ---------------------------------------------------------------------------------------

type server struct {
	cmd     *exec.Cmd
	name    string
	stdout  string
	stderr  string
	exited  chan struct{}
	waitErr error
	stopped bool
}

// startServer execs bin and returns once GET /_health answers 204, with the time from
// just before the exec to that answer. It polls every 2 ms.
func startServer(ctx context.Context, bin, dir, name string, env []string, base string) (*server, time.Duration, error) {
	s := &server{
		name:   name,
		stdout: filepath.Join(dir, "server-"+name+".stdout.log"),
		stderr: filepath.Join(dir, "server-"+name+".stderr.log"),
		exited: make(chan struct{}),
	}
	outF, err := os.Create(s.stdout)
	if err != nil {
		return nil, 0, err
	}
	defer outF.Close()
	errF, err := os.Create(s.stderr)
	if err != nil {
		return nil, 0, err
	}
	defer errF.Close()

	s.cmd = exec.Command(bin)
	s.cmd.Dir = dir
	s.cmd.Env = env
	s.cmd.Stdout = outF
	s.cmd.Stderr = errF
	// Its own process group: a Ctrl-C in the terminal reaches only the bench, which then
	// stops the server with SIGTERM like every other time.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}

	// The poller is ready before the clock starts: a fresh connection per poll, short timeout.
	client := &http.Client{
		Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil},
		Timeout:   2 * time.Second,
	}
	healthURL := base + "/_health"

	begin := time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, 0, err
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()

	const pollEvery = 2 * time.Millisecond
	const giveUp = 60 * time.Second
	lastStatus := 0
	for {
		resp, err := client.Get(healthURL)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusNoContent {
				return s, time.Since(begin), nil
			}
			lastStatus = resp.StatusCode
		}
		select {
		case <-s.exited:
			return nil, 0, fmt.Errorf("the server (%s database) exited before answering: %v\n%s", name, s.waitErr, s.logTail())
		case <-ctx.Done():
			s.stop(10 * time.Second)
			return nil, 0, ctx.Err()
		case <-time.After(pollEvery):
		}
		if time.Since(begin) > giveUp {
			s.stop(10 * time.Second)
			return nil, 0, fmt.Errorf("no 204 on /_health after %s (last status %d)\n%s", giveUp, lastStatus, s.logTail())
		}
	}
}

func (s *server) pid() int { return s.cmd.Process.Pid }

func (s *server) hasExited() bool {
	select {
	case <-s.exited:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM and waits; after timeout it kills. It returns the time to exit.
func (s *server) stop(timeout time.Duration) (time.Duration, error) {
	if s.stopped {
		return 0, nil
	}
	s.stopped = true
	begin := time.Now()
	if !s.hasExited() {
		if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return 0, err
		}
	}
	select {
	case <-s.exited:
	case <-time.After(timeout):
		s.cmd.Process.Kill()
		<-s.exited
		return time.Since(begin), fmt.Errorf("did not exit within %s of SIGTERM; killed", timeout)
	}
	d := time.Since(begin)
	if s.waitErr != nil {
		return d, fmt.Errorf("exit after SIGTERM: %v", s.waitErr)
	}
	return d, nil
}

// logBytes is the size of what the server has written to stdout and stderr so far.
func (s *server) logBytes() int64 {
	var n int64
	for _, f := range []string{s.stdout, s.stderr} {
		if fi, err := os.Stat(f); err == nil {
			n += fi.Size()
		}
	}
	return n
}

func (s *server) rssKiB() (int64, error) { return readRSSKiB(s.pid()) }

func (s *server) logTail() string {
	var b strings.Builder
	for _, f := range []string{s.stderr, s.stdout} {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			continue
		}
		if len(data) > 4000 {
			data = data[len(data)-4000:]
		}
		fmt.Fprintf(&b, "--- %s (tail) ---\n%s\n", filepath.Base(f), strings.TrimRight(string(data), "\n"))
	}
	return b.String()
}

func (s *server) dumpLogs(w io.Writer) {
	if t := s.logTail(); t != "" {
		fmt.Fprint(w, t)
	}
}

// idleStats leaves the server alone for a second after its start, then reads its RSS;
// it also returns the CPU the server used in that second (in cores), which should be ~0.
func idleStats(ctx context.Context, s *server) (rssKiB int64, cpuCores float64) {
	cpu0, err0 := readCPUTime(s.pid())
	begin := time.Now()
	select {
	case <-time.After(time.Second):
	case <-ctx.Done():
	}
	cpu1, err1 := readCPUTime(s.pid())
	if err0 == nil && err1 == nil {
		cpuCores = (cpu1 - cpu0).Seconds() / time.Since(begin).Seconds()
	}
	rssKiB, _ = s.rssKiB()
	return rssKiB, cpuCores
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitPortFree waits until port can be bound again (the old instance released it), so
// the second start is not slowed down or failed by a lingering listener.
func waitPortFree(ctx context.Context, port int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			ln.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return fmt.Errorf("port %d still busy %s after the server exited", port, timeout)
}

// ---------------------------------------------------------------------------------------
// RSS.
// ---------------------------------------------------------------------------------------

func readRSSKiB(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			fields := strings.Fields(v) // "12345 kB"
			if len(fields) == 0 {
				break
			}
			return strconv.ParseInt(fields[0], 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

type rssSampler struct {
	peak atomic.Int64
	quit chan struct{}
	done sync.WaitGroup
}

func startRSSSampler(pid int, every time.Duration) *rssSampler {
	r := &rssSampler{quit: make(chan struct{})}
	sample := func() {
		if kib, err := readRSSKiB(pid); err == nil && kib > r.peak.Load() {
			r.peak.Store(kib)
		}
	}
	sample()
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				sample()
			case <-r.quit:
				sample()
				return
			}
		}
	}()
	return r
}

// stop ends the sampling and returns the peak in KiB.
func (r *rssSampler) stop() int64 {
	close(r.quit)
	r.done.Wait()
	return r.peak.Load()
}

// readCPUTime is the user+system CPU time of pid from /proc/<pid>/stat (10 ms resolution).
func readCPUTime(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may contain spaces; the fields after its ")" are fixed.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, errors.New("bad /proc/pid/stat")
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("bad /proc/pid/stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, err2 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err1 != nil || err2 != nil {
		return 0, errors.New("bad /proc/pid/stat")
	}
	const clockTick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	return time.Duration(utime+stime) * clockTick, nil
}

func fmtCPU(d time.Duration) string {
	if d <= 0 {
		return "n/a"
	}
	return loadgen.FormatDuration(d)
}

// loadAvg is the 1-minute load average, or "unknown".
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "unknown"
}

func mib(kib int64) string {
	if kib <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MiB", float64(kib)/1024)
}

// ---------------------------------------------------------------------------------------
// The API calls of the session.
// ---------------------------------------------------------------------------------------

var apiClient = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{Proxy: nil}}

func postJSON(ctx context.Context, url string, body any) (int, []byte, error) {
	b, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := apiClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, data, err
}

type authResponse struct {
	JWT  string         `json:"jwt"`
	User map[string]any `json:"user"`
}

func (s *session) registerAndLogin(ctx context.Context) error {
	status, body, err := postJSON(ctx, s.base+"/api/auth/local/register",
		map[string]string{"username": s.username, "email": s.email, "password": s.password})
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	var reg authResponse
	if status != http.StatusOK || json.Unmarshal(body, &reg) != nil || reg.JWT == "" {
		return fmt.Errorf("register: status %d, body %.300s", status, body)
	}
	status, body, err = postJSON(ctx, s.base+"/api/auth/local",
		map[string]string{"identifier": s.email, "password": s.password})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	var login authResponse
	if status != http.StatusOK || json.Unmarshal(body, &login) != nil || login.JWT == "" {
		return fmt.Errorf("login: status %d, body %.300s", status, body)
	}
	s.jwt = login.JWT

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/api/users/me", nil)
	req.Header.Set("Authorization", "Bearer "+s.jwt)
	resp, err := apiClient.Do(req)
	if err != nil {
		return fmt.Errorf("users/me: %w", err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var me map[string]any
	if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &me) != nil {
		return fmt.Errorf("users/me: status %d, body %.300s", resp.StatusCode, data)
	}
	if me["email"] != s.email {
		return fmt.Errorf("users/me: got %.300s, want the user %s", data, s.email)
	}
	return nil
}

func (s *session) loginStatus(ctx context.Context, password string) (int, error) {
	status, _, err := postJSON(ctx, s.base+"/api/auth/local",
		map[string]string{"identifier": s.email, "password": password})
	return status, err
}

// ---------------------------------------------------------------------------------------
// The bcrypt bound.
// ---------------------------------------------------------------------------------------

// measureBcrypt runs cost-10 CompareHashAndPassword in runtime.NumCPU() goroutines for
// about d and returns the number of compares and the time until the last one finished.
func measureBcrypt(ctx context.Context, d time.Duration) (int64, time.Duration, error) {
	password := []byte("Bench-pass-bcrypt")
	hash, err := bcrypt.GenerateFromPassword(password, 10)
	if err != nil {
		return 0, 0, err
	}
	var count atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	begin := time.Now()
	end := begin.Add(d)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(end) && ctx.Err() == nil {
				if err := bcrypt.CompareHashAndPassword(hash, password); err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
				count.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	if err, _ := firstErr.Load().(error); err != nil {
		return 0, 0, err
	}
	return count.Load(), elapsed, ctx.Err()
}

// ---------------------------------------------------------------------------------------
// Machine facts.
// ---------------------------------------------------------------------------------------

type machineFacts struct {
	numCPU     int
	gomaxprocs int
	cpuModel   string
	memTotal   string
	kernel     string
	goVersion  string // of this tool
	serverGo   string // of the binary, from its build info
	serverVCS  string
}

func readMachineFacts(bin string) machineFacts {
	m := machineFacts{
		numCPU:     runtime.NumCPU(),
		gomaxprocs: runtime.GOMAXPROCS(0),
		cpuModel:   "unknown",
		memTotal:   "unknown",
		kernel:     runtime.GOOS + "/" + runtime.GOARCH,
		goVersion:  runtime.Version(),
		serverGo:   "unknown",
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "model name", "Model", "Hardware", "cpu model":
				if v = strings.TrimSpace(v); v != "" {
					m.cpuModel = v
				}
			}
			if m.cpuModel != "unknown" {
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				if f := strings.Fields(v); len(f) > 0 {
					if kib, err := strconv.ParseInt(f[0], 10, 64); err == nil {
						m.memTotal = fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
					}
				}
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = "Linux " + strings.TrimSpace(string(data)) + " " + runtime.GOARCH
	}
	if bi, err := buildinfo.ReadFile(bin); err == nil {
		m.serverGo = bi.GoVersion
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			m.serverVCS = rev
			if modified == "true" {
				m.serverVCS += " (modified)"
			}
		}
	}
	return m
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// ---------------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------------

func (r *engineRun) result(name string) (workloadResult, bool) {
	for _, x := range r.results {
		if x.w.Name == name {
			return x, true
		}
	}
	return workloadResult{}, false
}

type target struct {
	what, want, got string
	ok              bool
}

func (r *engineRun) targets() []target {
	var ts []target
	me64, ok := r.result("me64")
	ref := strapi["me64"].meanReqPerSec()
	if ok {
		ratio := me64.res.Throughput / ref
		ts = append(ts,
			target{"me64 throughput vs Strapi", fmt.Sprintf("≥ %.0f× (≥ %.0f req/s)", targetMe64VsStrapi, targetMe64VsStrapi*ref),
				fmt.Sprintf("%.1f× (%.0f req/s)", ratio, me64.res.Throughput), ratio >= targetMe64VsStrapi},
			target{"me64 p99 latency", "< " + loadgen.FormatDuration(targetMe64P99),
				loadgen.FormatDuration(me64.res.P99), me64.res.Requests > 0 && me64.res.P99 < targetMe64P99})
	}
	if best, ok := r.bestLogin(); ok {
		frac := best.res.Throughput / r.bcryptRate
		ts = append(ts, target{"login throughput vs bcrypt bound (best of login workloads)",
			fmt.Sprintf("≥ %.0f%% of %.1f/s", targetLoginOfBcrypt*100, r.bcryptRate),
			fmt.Sprintf("%.0f%% (%s: %.1f req/s)", frac*100, best.w.Name, best.res.Throughput), frac >= targetLoginOfBcrypt})
	}
	var peak int64
	for _, x := range r.results {
		peak = max(peak, x.peakRSSKiB)
	}
	ts = append(ts, target{"peak RSS under load", fmt.Sprintf("< %.0f MiB", targetPeakRSSMiB), mib(peak),
		peak > 0 && float64(peak)/1024 < targetPeakRSSMiB})
	// On a fresh PostgreSQL database the start includes creating the schema, which costs
	// PostgreSQL schemaDDL whatever runs the migrations: the service's budget comes on top.
	freshWanted := "< " + fmtStart(targetStartToFirstReply)
	if r.schemaDDL > 0 {
		freshWanted = fmt.Sprintf("< %s + the schema's DDL %s = %s", fmtStart(targetStartToFirstReply), fmtStart(r.schemaDDL),
			fmtStart(targetStartToFirstReply+r.schemaDDL))
	}
	ts = append(ts,
		target{"start to first answer, fresh database", freshWanted, fmtStart(r.startFresh()),
			r.startFresh() < targetStartToFirstReply+r.schemaDDL},
		target{"start to first answer, existing database", "< " + fmtStart(targetStartToFirstReply), fmtStart(r.startExisting()),
			r.startExisting() < targetStartToFirstReply})
	for _, f := range r.floorRatios() {
		ts = append(ts, target{f.name + " service ÷ floor", fmt.Sprintf("≥ %.0f%%", targetFloorRatio*100),
			fmt.Sprintf("%.0f%% (median of %d rounds; mean %s / %s req/s)", f.ratio*100, floorRounds, fmtRate(f.service), fmtRate(f.floor)),
			f.ratio >= targetFloorRatio})
	}
	if fl := r.flood; fl != nil {
		ts = append(ts, target{fmt.Sprintf("/users/me p99 during a login flood (me%d + %d login connections)", floodMeConnections, fl.loginConnections),
			"≤ " + loadgen.FormatDuration(targetFloodMeP99), loadgen.FormatDuration(fl.me.P99),
			fl.me.Requests > 0 && fl.me.P99 <= targetFloodMeP99})
	}
	if b := r.burst; b != nil {
		ts = append(ts, target{fmt.Sprintf("burst of %d registrations", b.size), "all succeed",
			fmt.Sprintf("%d succeeded, %d × 503, last answer after %s", b.ok, b.refused, fmtStart(b.lastAnswer)), b.ok == b.size})
	}
	return ts
}

// targetFloorRatio: the service keeps ≥ 90 % of the floor's req/s on /users/me.
const targetFloorRatio = 0.90

type floorRatio struct {
	name           string // me16, me64
	service, floor float64
	ratio          float64
}

// floorRatios are the service ÷ floor ratios of the /users/me workloads.
func (r *engineRun) floorRatios() []floorRatio {
	var out []floorRatio
	for _, p := range r.floorPairs {
		if len(p.floor) == 0 {
			continue
		}
		out = append(out, floorRatio{p.name, meanThroughput(p.service), meanThroughput(p.floor), p.ratio()})
	}
	return out
}

// floorRounds is how many service-then-floor rounds each /users/me workload gets.
const floorRounds = 5

// floorPair is one /users/me workload run in rounds against the service and the floor.
type floorPair struct {
	name           string
	service, floor []workloadResult // round i of each ran one after the other
}

// ratio is the median of the rounds' service ÷ floor throughput ratios (0 without rounds).
func (p floorPair) ratio() float64 {
	return median(p.ratios())
}

func (p floorPair) ratios() []float64 {
	var rs []float64
	for i := range min(len(p.service), len(p.floor)) {
		if f := p.floor[i].res.Throughput; f > 0 {
			rs = append(rs, p.service[i].res.Throughput/f)
		}
	}
	return rs
}

func (p floorPair) ratiosText() string {
	var parts []string
	for _, r := range p.ratios() {
		parts = append(parts, fmt.Sprintf("%.0f%%", 100*r))
	}
	return strings.Join(parts, " ")
}

// medianP99 and medianP50 are the medians of the rounds' p99 and p50 latencies.
func medianP99(rs []workloadResult) time.Duration {
	return medianLatency(rs, func(r loadgen.Result) time.Duration { return r.P99 })
}

func medianP50(rs []workloadResult) time.Duration {
	return medianLatency(rs, func(r loadgen.Result) time.Duration { return r.P50 })
}

func medianLatency(rs []workloadResult, of func(loadgen.Result) time.Duration) time.Duration {
	var ds []time.Duration
	for _, r := range rs {
		ds = append(ds, of(r.res))
	}
	return median(ds)
}

func meanThroughput(rs []workloadResult) float64 {
	if len(rs) == 0 {
		return 0
	}
	var sum float64
	for _, r := range rs {
		sum += r.res.Throughput
	}
	return sum / float64(len(rs))
}

func (r *engineRun) bestLogin() (workloadResult, bool) {
	var best workloadResult
	found := false
	for _, x := range r.results {
		if strings.HasPrefix(x.w.Name, "login") && (!found || x.res.Throughput > best.res.Throughput) {
			best, found = x, true
		}
	}
	return best, found
}

func (r *engineRun) cpuSummary() string {
	var parts []string
	for _, x := range r.results {
		if x.cpuPerReq <= 0 {
			parts = append(parts, x.w.Name+" n/a")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s (%.2f cores busy)", x.w.Name, fmtCPU(x.cpuPerReq), x.cpuCores))
	}
	return strings.Join(parts, ", ")
}

// startFresh and startExisting are the medians of the starts on fresh databases and on the
// existing one.
func (r *engineRun) startFresh() time.Duration    { return median(r.startFreshRuns) }
func (r *engineRun) startExisting() time.Duration { return median(r.startExistingRuns) }

// fmtStarts is each start's time, in the order measured.
func fmtStarts(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmtStart(d)
	}
	return strings.Join(parts, ", ")
}

// median is the median of xs (the mean of the middle two for an even count; 0 for none).
func median[T ~int64 | ~float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

func fmtStart(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func fmtRate(v float64) string {
	if v < 100 {
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func engineTitle(engine string) string {
	if engine == "postgres" {
		return "PostgreSQL"
	}
	return "SQLite"
}

func (r *report) markdown() string {
	var b strings.Builder
	m := r.machine
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }

	p("# mtb-api benchmark\n\n")
	p("- Date: %s\n", r.date.UTC().Format("2006-01-02 15:04:05 UTC"))
	p("- Machine: %d CPUs (runtime.NumCPU, GOMAXPROCS %d), %s, %s RAM, %s\n", m.numCPU, m.gomaxprocs, m.cpuModel, m.memTotal, m.kernel)
	p("- Go: %s (bench tool); server binary `%s` built with %s", m.goVersion, r.opts.bin, m.serverGo)
	if m.serverVCS != "" {
		p(" at %s", m.serverVCS)
	}
	p("\n")
	p("- Command: `bench %s`\n", strings.Join(r.opts.args, " "))
	p("- Load: closed loop, one keep-alive HTTP/1.1 connection per worker, %s warm-up then %s recorded per workload, "+
		"generator on the same machine (shares the CPUs, like wrk did for Strapi); NODE_ENV=production, LOG_LEVEL=warn, rate limit off\n",
		r.opts.warmup, r.opts.duration)
	p("- Load average (1 min) when the bench started: %s\n", r.loadBefore)
	if l, err := strconv.ParseFloat(r.loadBefore, 64); err == nil && l >= 0.5 {
		p("- **Warning: the machine was busy before the bench started (load %s): absolute figures are unreliable; "+
			"the ratios measured side by side in this run (service ÷ floor, login ÷ bcrypt bound) hold up better.**\n", r.loadBefore)
	}
	p("\n")
	if len(r.runs) > 1 {
		p("## Summary\n\n| engine | targets met | missed |\n|---|---:|---|\n")
		for _, run := range r.runs {
			ts := run.targets()
			var missed []string
			for _, t := range ts {
				if !t.ok {
					missed = append(missed, t.what)
				}
			}
			p("| %s | %d of %d | %s |\n", engineTitle(run.engine), len(ts)-len(missed), len(ts), strings.Join(missed, "; "))
		}
		p("\n")
	}
	for _, run := range r.runs {
		run.markdown(&b, m)
	}
	return b.String()
}

func (r *engineRun) markdown(b *strings.Builder, m machineFacts) {
	p := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	p("# %s\n\n", engineTitle(r.engine))
	p("Load average (1 min): %s when this engine's run began, %s with the server idle before the bcrypt measurement.\n\n", r.loadStart, r.loadIdle)
	p("### Results\n\n")
	p("| workload | request | connections | req/s | p50 | p99 | max | errors | peak RSS | server CPU/req |\n")
	p("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, x := range r.results {
		res := x.res
		errs := "0"
		if e := res.Errors(); e > 0 {
			errs = fmt.Sprintf("**%d** (%d status, %d transport)", e, res.StatusErrors, res.TransportErrors)
		}
		if x.err != nil {
			errs += " — " + x.err.Error()
		}
		p("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", x.w.Name, x.w.Describe, x.w.Connections,
			fmtRate(res.Throughput), loadgen.FormatDuration(res.P50), loadgen.FormatDuration(res.P99),
			loadgen.FormatDuration(res.Max), errs, mib(x.peakRSSKiB), fmtCPU(x.cpuPerReq))
	}
	p("\n")
	for _, x := range r.results {
		if x.res.Errors() > 0 {
			p("- %s: %s\n", x.w.Name, x.res)
		}
	}
	p("- Start to first answer (exec → first 204 on `GET /_health`, polled every 2 ms; the median of %d starts, each on a database of its own / on the same database): %s (%s) on a fresh database, %s (%s) on the existing database\n",
		startRounds, fmtStart(r.startFresh()), fmtStarts(r.startFreshRuns), fmtStart(r.startExisting()), fmtStarts(r.startExistingRuns))
	if r.schemaDDL > 0 {
		p("- The schema's own DDL on a fresh database (every migration's Up in one transaction and one round trip, the least any migration tool pays; median of %d): %s\n",
			schemaDDLRuns, fmtStart(r.schemaDDL))
	}
	p("- Idle RSS ~1 s after start: %s (fresh database), %s (existing database); after the workloads: %s\n",
		mib(r.idleRSSFresh), mib(r.idleRSSStart), mib(r.idleRSSAfter))
	p("- Idle CPU in that second: %.0f%% / %.0f%% of a core (fresh / existing database)\n", 100*r.idleCPUFresh, 100*r.idleCPUStart)
	p("- SIGTERM to exit: %s (first instance), %s (after the workloads)\n", fmtStart(r.stopFresh), fmtStart(r.stopExisting))
	p("- Login with a wrong password answered %d (400 expected)\n", r.wrongPassword)
	p("- bcrypt bound: golang.org/x/crypto/bcrypt cost 10, CompareHashAndPassword in %d goroutines, server idle: "+
		"%d compares in %s = **%.1f logins/s** upper bound (%.1f ms per compare per core)\n\n",
		m.numCPU, r.bcryptCount, r.bcryptElapsed.Round(time.Millisecond), r.bcryptRate,
		float64(m.numCPU)*1000/r.bcryptRate)

	p("### Compared with Strapi and with the bcrypt bound\n\n")
	p("Strapi figures: %s, %s (measured %s; two runs, mean used for ratios).\n\n", strapiReferenceVersion, strapiReferenceFile, strapiReferenceDate)
	p("| workload | req/s | Strapi req/s (runs) | × Strapi | p99 | Strapi p99 (runs) | of bcrypt bound |\n")
	p("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, x := range r.results {
		ref, ok := strapi[x.w.Name]
		refRate, ratio, refP99 := "–", "–", "–"
		if ok {
			refRate = fmt.Sprintf("%s (%s / %s)", fmtRate(ref.meanReqPerSec()), fmtRate(ref.ReqPerSec[0]), fmtRate(ref.ReqPerSec[1]))
			ratio = fmt.Sprintf("%.1f×", x.res.Throughput/ref.meanReqPerSec())
			refP99 = fmt.Sprintf("%.0f / %.0f ms", ref.P99ms[0], ref.P99ms[1])
		}
		ofBcrypt := "–"
		if strings.HasPrefix(x.w.Name, "login") && r.bcryptRate > 0 {
			ofBcrypt = fmt.Sprintf("%.0f%%", 100*x.res.Throughput/r.bcryptRate)
		}
		p("| %s | %s | %s | %s | %s | %s | %s |\n", x.w.Name, fmtRate(x.res.Throughput), refRate, ratio,
			loadgen.FormatDuration(x.res.P99), refP99, ofBcrypt)
	}
	p("\n")
	peak := int64(0)
	for _, x := range r.results {
		peak = max(peak, x.peakRSSKiB)
	}
	p("- RSS: %s idle / %s peak under load; Strapi about %d MiB idle, %s under load\n", mib(r.idleRSSStart), mib(peak), strapiIdleRSSMiB, strapiLoadRSS)
	p("- Start to first answer: %s / %s (fresh / existing database); Strapi about %.1f s / %.1f s\n",
		fmtStart(r.startFresh()), fmtStart(r.startExisting()), strapiStartFreshDB, strapiStartExistingDB)
	p("- Server CPU per request (user+system over the recording window ÷ responses): %s; Strapi about %.0f ms per login (bcryptjs on the event loop) and %.1f ms per `GET /api/users/me`\n\n",
		r.cpuSummary(), strapiLoginCPUms, strapiMeCPUms)

	r.markdownScenarios(p)
	p("### Targets\n\n")
	p("| target | wanted | measured | |\n|---|---|---|---|\n")
	ts := r.targets()
	var missed []string
	for _, t := range ts {
		verdict := "PASS"
		if !t.ok {
			verdict = "**MISSED**"
			missed = append(missed, t.what)
		}
		p("| %s | %s | %s | %s |\n", t.what, t.want, t.got, verdict)
	}
	p("\n")
	if len(missed) == 0 {
		p("All %d targets met.\n", len(ts))
	} else {
		p("**MISSED %d of %d targets:** %s.\n", len(missed), len(ts), strings.Join(missed, "; "))
	}
	p("\n")
}
