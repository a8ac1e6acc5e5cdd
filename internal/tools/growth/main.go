// Command growth measures how the service's answers grow with the number of users (issue 13,
// part 6): for each size and engine it seeds that many users with set-based SQL, starts the
// real binary on them, and measures with one client login, GET /api/users/me, an exact
// username filter, _q and a sorted page, then _q with 4 and 16 concurrent clients. It
// prints a Markdown table.
//
//	make build && go run ./internal/tools/growth -sizes 1000,100000 -engines sqlite,postgres
//
// PostgreSQL runs create a database of their own on -postgres-url (TEST_DATABASE_URL by
// default) and drop it afterwards.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"
	_ "modernc.org/sqlite"

	"github.com/mtb-race/mtb-backend-api/internal/tools/loadgen"
)

const password = "growth-pass-1"

// The names the seeded users are made of: username first.lastN, email first.lastN@domain.
var (
	firstNames = []string{"anna", "bruno", "chloe", "david", "elena", "felix", "greta", "hugo", "ines", "jonas",
		"karla", "lucas", "marta", "nils", "olga", "pablo", "quinn", "rosa", "sven", "tina", "ugo", "vera", "willem", "xenia", "yann", "zoe"}
	lastNames = []string{"moreau", "schmidt", "rossi", "garcia", "novak", "jansen", "kowalski", "dubois", "weber", "silva",
		"costa", "meyer", "horvat", "nielsen", "popescu", "ivanova", "berg", "lopez", "fischer", "martin", "bauer", "kovac", "laine"}
	domains = []string{"example.com", "mail.example.org", "riders.example.net", "club.example.fr"}
)

type options struct {
	bin, pgURL string
	sizes      []int
	engines    []string
	duration   time.Duration
	keep       bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var o options
	sizes := flag.String("sizes", "1000,100000,1000000", "numbers of users, comma-separated")
	engines := flag.String("engines", "sqlite,postgres", "engines, comma-separated")
	flag.StringVar(&o.bin, "bin", "bin/mtb-api", "the service binary (make build)")
	flag.StringVar(&o.pgURL, "postgres-url", os.Getenv("TEST_DATABASE_URL"), "PostgreSQL server where each run creates and drops a database")
	flag.DurationVar(&o.duration, "duration", 3*time.Second, "recording window of each measurement")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary directory (databases, server logs)")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 10 {
			fmt.Fprintf(os.Stderr, "growth: -sizes: %q is not a number of users (10 or more)\n", s)
			os.Exit(2)
		}
		o.sizes = append(o.sizes, n)
	}
	o.engines = strings.Split(*engines, ",")
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "growth:", err)
		os.Exit(1)
	}
}

// row is one size on one engine.
type row struct {
	engine string
	size   int
	seed   time.Duration
	ops    []loadgen.Result // in the order of the table's columns
}

func run(ctx context.Context, o options, out io.Writer) error {
	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("%w: make build first", err)
	}
	// One hash for every user: seeding a million must not compute a million.
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 10)
	if err != nil {
		return err
	}
	start := time.Now()
	var rows []row
	for _, engine := range o.engines {
		for _, n := range o.sizes {
			r, err := measure(ctx, o, bin, engine, n, string(hash))
			if err != nil {
				return fmt.Errorf("%s, %d users: %w", engine, n, err)
			}
			rows = append(rows, r)
		}
	}
	fmt.Fprintf(out, "\n%s", table(rows))
	fmt.Fprintf(out, "\n%d cores, load average %s at the end, %s in all.\n", runtime.NumCPU(), loadAvg(), time.Since(start).Round(time.Second))
	return nil
}

// The measured requests, with one client unless said otherwise.
var columns = []string{"login", "`/users/me`", "`filters[username][$eq]`", "`_q`", "sort + page", "`_q` ×4", "`_q` ×16"}

func measure(ctx context.Context, o options, bin, engine string, n int, hash string) (row, error) {
	r := row{engine: engine, size: n}
	dir, err := os.MkdirTemp("", "growth-")
	if err != nil {
		return r, err
	}
	if !o.keep {
		defer os.RemoveAll(dir)
	}
	env := []string{"NODE_ENV=production", "JWT_SECRET=growth-" + strings.Repeat("s3cr3t", 6), "API_TOKEN_SALT=growth-salt-0123456789abcdef",
		"RATE_LIMIT_ENABLED=false", "LOG_LEVEL=warn", "HOST=127.0.0.1", "PATH=" + os.Getenv("PATH")}
	var drop func()
	switch engine {
	case "sqlite":
		env = append(env, "DATABASE_FILENAME="+filepath.Join(dir, "growth.db"))
	case "postgres":
		if o.pgURL == "" {
			return r, errors.New("no -postgres-url (TEST_DATABASE_URL)")
		}
		dbURL, dropDB, err := createDatabase(ctx, o.pgURL)
		if err != nil {
			return r, err
		}
		drop = dropDB
		defer drop()
		env = append(env, "DATABASE_URL="+dbURL)
	default:
		return r, fmt.Errorf("unknown engine %q", engine)
	}
	// The schema first (the binary's own migrations), then the users.
	migrate := exec.CommandContext(ctx, bin, "migrate")
	migrate.Env, migrate.Dir = env, dir
	if b, err := migrate.CombinedOutput(); err != nil {
		return r, fmt.Errorf("migrate: %w\n%s", err, b)
	}
	began := time.Now()
	if err := seed(ctx, engine, env, n, hash); err != nil {
		return r, fmt.Errorf("seed: %w", err)
	}
	r.seed = time.Since(began)
	slog.Info("seeded", "engine", engine, "users", n, "took", r.seed.Round(time.Millisecond))

	port, err := freePort()
	if err != nil {
		return r, err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	srv, err := startServer(ctx, bin, dir, append(env, "PORT="+strconv.Itoa(port)), base)
	if err != nil {
		return r, err
	}
	defer srv.stop()

	// A user in the middle of the table: what it finds is neither first nor last.
	mid := n / 2
	username := seededUsername(mid)
	jwt, err := login(ctx, base, username)
	if err != nil {
		return r, err
	}
	auth := http.Header{"Authorization": {"Bearer " + jwt}}
	loginBody, _ := json.Marshal(map[string]string{"identifier": username, "password": password})
	get := func(path string, conns int) loadgen.Config {
		return loadgen.Config{URL: base + path, Header: auth, Connections: conns}
	}
	// _q: a piece of a name and number, as someone looking for a rider types it; it matches
	// a handful of users at any size (the user's number with a digit more or less).
	search := "/api/users?_q=" + url.QueryEscape(strings.SplitN(username, ".", 2)[1][2:])
	cfgs := []loadgen.Config{
		{URL: base + "/api/auth/local", Method: http.MethodPost, Body: loginBody,
			Header: http.Header{"Content-Type": {"application/json"}}, Connections: 1},
		get("/api/users/me", 1),
		get("/api/users?filters[username][$eq]="+url.QueryEscape(username), 1),
		get(search, 1),
		get("/api/users?sort=username:desc&start=100&limit=25", 1),
		get(search, 4),
		get(search, 16),
	}
	for i, c := range cfgs {
		c.Duration, c.Warmup = o.duration, 300*time.Millisecond
		res, err := loadgen.Run(ctx, c)
		if err != nil {
			return r, err
		}
		if res.Errors() > 0 || res.Requests == 0 {
			return r, fmt.Errorf("%s: %s\n%s", columns[i], res, srv.logTail())
		}
		slog.Info("measured", "engine", engine, "users", n, "op", columns[i], "result", res.String())
		r.ops = append(r.ops, res)
	}
	return r, nil
}

func seededUsername(i int) string {
	return fmt.Sprintf("%s.%s%d", firstNames[i%len(firstNames)], lastNames[i%len(lastNames)], i)
}

// seed adds n users in one statement per engine: a generated series of numbers turned into
// names by the same rule as seededUsername, all with the same password hash, confirmed, in
// the Authenticated role; and grants that role user.find (the users API).
func seed(ctx context.Context, engine string, env []string, n int, hash string) error {
	names := func(list []string) string {
		return "'" + strings.Join(list, "','") + "'"
	}
	// element k (from 0) of a list of strings, in SQL: the lists are ours, no quoting issue.
	pick := func(list []string, k string) string {
		if engine == "postgres" {
			return fmt.Sprintf("(ARRAY[%s])[(%s) %% %d + 1]", names(list), k, len(list))
		}
		return fmt.Sprintf("json_extract('[\"%s\"]', '$[' || ((%s) %% %d) || ']')", strings.Join(list, `","`), k, len(list))
	}
	user := pick(firstNames, "i") + " || '.' || " + pick(lastNames, "i") + " || i"
	cols := "document_id, username, email, provider, password, confirmed, blocked, role_id, created_at, updated_at, published_at"
	grant := "INSERT INTO up_permissions (document_id, role_id, action, created_at, updated_at, published_at) " +
		"SELECT 'growthuserfindpermission', id, 'plugin::users-permissions.user.find', %[1]s, %[1]s, %[1]s FROM up_roles WHERE type = 'authenticated'"
	bump := "UPDATE up_roles SET perm_version = perm_version + 1 WHERE type = 'authenticated'"
	if engine == "postgres" {
		var dbURL string
		for _, e := range env {
			if v, ok := strings.CutPrefix(e, "DATABASE_URL="); ok {
				dbURL = v
			}
		}
		conn, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			return err
		}
		defer conn.Close(context.Background())
		q := "INSERT INTO up_users (" + cols + ") SELECT 'grw' || lpad(i::text, 21, '0'), " + user + ", " +
			user + " || '@' || " + pick(domains, "i / 7") + ", 'local', $1, true, false, " +
			"(SELECT id FROM up_roles WHERE type = 'authenticated'), now(), now(), now() FROM generate_series(0, $2 - 1) AS i"
		for _, s := range []string{"SET maintenance_work_mem = '256MB'"} {
			if _, err := conn.Exec(ctx, s); err != nil {
				return err
			}
		}
		if _, err := conn.Exec(ctx, q, hash, n); err != nil {
			return err
		}
		for _, s := range []string{fmt.Sprintf(grant, "now()"), bump, "ANALYZE up_users"} {
			if _, err := conn.Exec(ctx, s); err != nil {
				return err
			}
		}
		return nil
	}
	var file string
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "DATABASE_FILENAME="); ok {
			file = v
		}
	}
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	now := "strftime('%Y-%m-%d %H:%M:%f', 'now')"
	q := "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?2 - 1) " +
		"INSERT INTO up_users (" + cols + ") SELECT printf('grw%021d', i), " + user + ", " +
		user + " || '@' || " + pick(domains, "i / 7") + ", 'local', ?1, true, false, " +
		"(SELECT id FROM up_roles WHERE type = 'authenticated'), " + now + ", " + now + ", " + now + " FROM s"
	if _, err := db.ExecContext(ctx, q, hash, n); err != nil {
		return err
	}
	for _, s := range []string{fmt.Sprintf(grant, now), bump, "ANALYZE"} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

func createDatabase(ctx context.Context, adminURL string) (string, func(), error) {
	name := fmt.Sprintf("mtb_growth_%d", time.Now().UnixNano())
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", nil, err
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		conn, err := pgx.Connect(context.Background(), adminURL)
		if err != nil {
			slog.Warn("drop the database", "name", name, "err", err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			slog.Warn("drop the database", "name", name, "err", err)
		}
	}, nil
}

func login(ctx context.Context, base, identifier string) (string, error) {
	body, _ := json.Marshal(map[string]string{"identifier": identifier, "password": password})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/auth/local", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ JWT string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.JWT == "" {
		return "", fmt.Errorf("login as %s: status %d, %v", identifier, resp.StatusCode, err)
	}
	return out.JWT, nil
}

// server is the service binary running.
type server struct {
	cmd    *exec.Cmd
	stderr string
}

// startServer starts bin and waits until GET /_health answers 204.
func startServer(ctx context.Context, bin, dir string, env []string, base string) (*server, error) {
	s := &server{cmd: exec.Command(bin), stderr: filepath.Join(dir, "server.log")}
	logf, err := os.Create(s.stderr)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	s.cmd.Env, s.cmd.Dir, s.cmd.Stdout, s.cmd.Stderr = env, dir, logf, logf
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get(base + "/_health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusNoContent {
				return s, nil
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	s.stop()
	return nil, fmt.Errorf("the server did not answer /_health\n%s", s.logTail())
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

func (s *server) logTail() string {
	b, _ := os.ReadFile(s.stderr)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// table is the Markdown table of the rows: median / p99 of one client, and for the
// concurrent searches their throughput and p99.
func table(rows []row) string {
	var b strings.Builder
	b.WriteString("| engine | users | seeded in | " + strings.Join(columns, " | ") + " |\n|---|--:|--:|")
	b.WriteString(strings.Repeat("--:|", len(columns)) + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s |", r.engine, thousands(r.size), r.seed.Round(10*time.Millisecond))
		for i, res := range r.ops {
			if strings.Contains(columns[i], "×") {
				fmt.Fprintf(&b, " %.0f/s, p99 %s |", res.Throughput, loadgen.FormatDuration(res.P99))
			} else {
				fmt.Fprintf(&b, " %s / %s |", loadgen.FormatDuration(res.P50), loadgen.FormatDuration(res.P99))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
