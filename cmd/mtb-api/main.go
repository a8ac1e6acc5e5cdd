// Command mtb-api is the MTB Backend API: accounts and authentication, wire-compatible
// with Strapi 5's Users & Permissions plugin. Run `mtb-api help` for the commands;
// configuration comes from environment variables (README.md).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/httpapi"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The heap of this service is small (about 10 MiB live); collecting at 200 % growth
		// instead of 100 % costs a few MiB of RSS and gives about 10 % more requests per
		// second with a lower p99 (make bench). GOGC and GOMEMLIMIT override it.
		debug.SetGCPercent(200)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mtb-api:", err)
		os.Exit(1)
	}
}

// hashExtraProcs is how many Ps the runtime gets on top of GOMAXPROCS while password
// hashes run, and why. A goroutine computing a bcrypt hash holds one of the runtime's Ps
// for tens of milliseconds: with GOMAXPROCS at the number of cores and as many hash
// workers, a login flood leaves no P for the handlers, whatever the hashing threads'
// priority. With PASSWORD_HASH_NICE > 0 the runtime gets a P more per hash worker while
// hashes run (auth's procBoost gives them back a second after the last one), so the
// handlers' threads always run, and the kernel, which sees the hashing threads at a low
// priority, gives the cores to the handlers first. The runtime's own value is the base (it
// follows a container's CPU limit), and an explicit GOMAXPROCS is left alone.
func hashExtraProcs(cfg config.Config, getenv func(string) string) (extra int, reason string) {
	switch {
	case getenv("GOMAXPROCS") != "":
		return 0, "set by GOMAXPROCS"
	case cfg.HashNice == 0:
		return 0, "the runtime's default (PASSWORD_HASH_NICE=0)"
	default:
		return cfg.HashConcurrency, fmt.Sprintf("the runtime's default, + PASSWORD_HASH_CONCURRENCY %d while passwords are hashed, "+
			"so that the hashing threads (at PASSWORD_HASH_NICE %d) leave Ps to the other requests", cfg.HashConcurrency, cfg.HashNice)
	}
}

// run runs the command in args. The server logs to stdout; the other commands print
// their results to stdout and log to stderr, and read os.Stdin when told to
// (providers set --secret-stdin).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return runIO(ctx, args, getenv, os.Stdin, stdout, stderr)
}

// runIO is run reading stdin instead of os.Stdin.
func runIO(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	name := "serve"
	if len(args) > 0 {
		name = args[0]
	}
	c := cmdEnv{cfg: cfg, logger: newLogger(cfg, stderr), stdin: stdin, stdout: stdout, stderr: stderr}
	switch name {
	case "serve":
		out := newBufferedLog(stdout, 100*time.Millisecond)
		defer out.Close()
		logger := newLogger(cfg, out)
		extra, reason := hashExtraProcs(cfg, getenv)
		procs := runtime.GOMAXPROCS(0)
		logger.Info("GOMAXPROCS", "value", procs, "while_hashing", procs+extra,
			"cpus", runtime.NumCPU(), "why", reason)
		return serve(ctx, cfg, logger, extra)
	case "migrate":
		return migrate(ctx, c, args[1:])
	case "openapi":
		return printSpec(c, args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage())
		return nil
	}
	for _, cmd := range commands {
		if cmd.name == name {
			return c.run(ctx, cmd, args[1:])
		}
	}
	return fmt.Errorf("unknown command %q (try: mtb-api help)", name)
}

// commands are the administration commands, in the order of the help: each a word of
// the command line, its usage (the help's lines about it, which its errors show) and its
// subcommands.
var commands = []command{usersCommand, rolesCommand, tokensCommand, settingsCommand, templatesCommand, providersCommand, importCommand}

type command struct {
	name  string
	usage string // "usage:\n" and its lines
	subs  map[string]subcommand
}

// subcommand is the second word of an administration command: the number of arguments it
// takes after its name (maxArgs -1: any; flags count as arguments), and what it runs, on
// the database the environment names unless noStore (st is then nil).
type subcommand struct {
	minArgs, maxArgs int
	noStore          bool
	run              func(ctx context.Context, c cmdEnv, st *store.Store, args []string) error
}

// usage is mtb-api help: serving and migrating, then the usage of each command.
func usage() string {
	lines := []string{
		"usage:",
		"  mtb-api                                     serve the API (migrating the database first)",
		"  mtb-api migrate [up|status]                 apply the migrations and exit, or list them",
		"  mtb-api openapi [--json]                    print this instance's spec: openapi.yaml with the custom user fields (USER_FIELDS_FILE)",
	}
	for i, cmd := range commands {
		if i > 0 && commands[i-1].usage == cmd.usage {
			continue // settings and templates share theirs
		}
		lines = append(lines, strings.TrimPrefix(cmd.usage, "usage:\n"))
	}
	return strings.Join(lines, "\n") + "\n\nThe database and everything else come from the environment (DATABASE_URL, DATABASE_FILENAME, ...)."
}

// cmdEnv is what a command runs with: the configuration, the logger (to stderr), what it
// reads (a secret) and where it prints, and the name of the subcommand being run (one function may serve two).
type cmdEnv struct {
	cfg            config.Config
	logger         *slog.Logger
	stdin          io.Reader
	stdout, stderr io.Writer
	sub            string
}

// run runs cmd's subcommand args[0] with the arguments that follow; a subcommand that
// does not exist, or arguments it does not take, get cmd's usage.
func (c cmdEnv) run(ctx context.Context, cmd command, args []string) error {
	if len(args) == 0 {
		return errors.New(cmd.usage)
	}
	sub, ok := cmd.subs[args[0]]
	if n := len(args) - 1; !ok || n < sub.minArgs || (sub.maxArgs >= 0 && n > sub.maxArgs) {
		return errors.New(cmd.usage)
	}
	c.sub = args[0]
	if sub.noStore {
		return sub.run(ctx, c, nil, args[1:])
	}
	return c.withStore(ctx, func(st *store.Store) error { return sub.run(ctx, c, st, args[1:]) })
}

// withStore opens the database the environment names, migrated, runs fn on it and closes it.
func (c cmdEnv) withStore(ctx context.Context, fn func(st *store.Store) error) error {
	st, err := app.OpenStore(ctx, c.cfg, c.logger)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func migrate(ctx context.Context, c cmdEnv, args []string) error {
	if len(args) > 0 && args[0] == "status" {
		o := app.StoreOptions(c.cfg, c.logger)
		o.SkipMigrations = true
		st, err := store.Open(ctx, o)
		if err != nil {
			return err
		}
		defer st.Close()
		lines, err := st.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		for _, l := range lines {
			fmt.Fprintln(c.stdout, l)
		}
		return nil
	}
	if len(args) > 0 && args[0] != "up" {
		return fmt.Errorf("unknown migrate command %q: use up or status", args[0])
	}
	return c.withStore(ctx, func(*store.Store) error { return nil }) // opening applies the migrations
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger, hashProcs int) error {
	prepared := app.Prepare(cfg) // the spec's routes, built while the database opens
	st, err := app.OpenStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	p := <-prepared
	if p.Err != nil {
		return p.Err
	}
	svc, err := app.New(ctx, cfg, logger, app.Options{Store: st, Fields: p.Fields, Routes: p.Routes, HashProcs: hashProcs})
	if err != nil {
		return err
	}
	defer svc.Close()

	ln, err := net.Listen("tcp", cfg.Addr())
	if err != nil {
		return err
	}
	// Requests keep their own context until Shutdown has let them finish.
	baseCtx, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	srv := &http.Server{
		Handler:           svc.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return baseCtx },
		ErrorLog:          log.New(slogWriter{logger}, "", 0),
	}
	serveErr := make(chan error, 2)
	go func() { serveErr <- srv.Serve(ln) }()
	// The metrics have a listener of their own (METRICS_ADDR), never the public port: what
	// they tell (traffic, failures, theft detections) is for the operators' network only.
	var metricsSrv *http.Server
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			_ = srv.Close()
			return fmt.Errorf("METRICS_ADDR: %w", err)
		}
		metricsSrv = &http.Server{
			Handler: svc.Metrics, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second,
			ErrorLog: log.New(slogWriter{logger}, "", 0),
		}
		go func() { serveErr <- metricsSrv.Serve(mln) }()
		logger.Info("metrics listener started", "addr", mln.Addr().String(), "path", "/metrics")
	}
	logger.Info("server started", "addr", ln.Addr().String(), "url", cfg.PublicURL, "database", st.Engine,
		"production", cfg.Production)

	select {
	case err = <-serveErr:
		_ = srv.Close() // when it was the metrics listener that failed
	case <-ctx.Done():
		logger.Info("shutting down: finishing requests in flight", "timeout", cfg.ShutdownTimeout)
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		err = srv.Shutdown(shutdownCtx)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			logger.Warn("shutdown timed out: closing the remaining connections")
			_ = srv.Close()
		}
	}
	if metricsSrv != nil {
		// Prometheus may scrape during the shutdown; the scrape is short, so close at once.
		_ = metricsSrv.Close()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	logger.Info("server stopped")
	return err
}

// slogWriter sends net/http's own error log (TLS handshake errors, ...) to slog.
type slogWriter struct{ l *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.l.Warn("http server", "msg", string(p))
	return len(p), nil
}

// printSpec prints the spec this instance serves and validates against: openapi.yaml with
// the custom user fields of USER_FIELDS_FILE (what a frontend generates its client from).
func printSpec(c cmdEnv, args []string) error {
	asJSON := len(args) == 1 && args[0] == "--json"
	if len(args) > 1 || len(args) == 1 && !asJSON {
		return errors.New("usage:\n  mtb-api openapi [--json]")
	}
	fields, err := profile.Load(c.cfg.UserFieldsFile)
	if err != nil {
		return err
	}
	routes, err := httpapi.NewRoutes(fields)
	if err != nil {
		return err
	}
	doc := routes.SpecYAML()
	if asJSON {
		doc = routes.SpecJSON()
	}
	_, err = c.stdout.Write(doc)
	return err
}
