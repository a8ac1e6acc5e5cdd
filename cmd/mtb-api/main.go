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
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
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

var usage = `usage:
  mtb-api                                     serve the API (migrating the database first)
  mtb-api migrate [up|status]                 apply the migrations and exit, or list them
` + strings.TrimPrefix(usersUsage, "usage:\n") + `
` + strings.TrimPrefix(rolesUsage, "usage:\n") + `
` + strings.TrimPrefix(tokensUsage, "usage:\n") + `
` + strings.TrimPrefix(settingsUsage, "usage:\n") + `

The database and everything else come from the environment (DATABASE_URL, DATABASE_FILENAME, ...).`

// run runs the command in args. The server logs to stdout; the other commands print
// their results to stdout and log to stderr.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	cmd := "serve"
	if len(args) > 0 {
		cmd = args[0]
	}
	logger := newLogger(cfg, stderr)
	if cmd == "serve" {
		logger = newLogger(cfg, stdout)
	}
	switch cmd {
	case "serve":
		return serve(ctx, cfg, logger)
	case "migrate":
		return migrate(ctx, cfg, logger, args[1:], stdout)
	case "users":
		return users(ctx, cfg, logger, args[1:], stdout)
	case "roles":
		return roles(ctx, cfg, logger, args[1:], stdout)
	case "tokens":
		return tokens(ctx, cfg, logger, args[1:], stdout, stderr)
	case "settings":
		return settingsCommand(ctx, cfg, logger, args[1:], stdout)
	case "templates":
		return templatesCommand(ctx, cfg, logger, args[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	default:
		return fmt.Errorf("unknown command %q (try: mtb-api help)", cmd)
	}
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

func migrate(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "status" {
		o := app.StoreOptions(cfg, logger)
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
			fmt.Fprintln(stdout, l)
		}
		return nil
	}
	if len(args) > 0 && args[0] != "up" {
		return fmt.Errorf("unknown migrate command %q: use up or status", args[0])
	}
	st, err := app.OpenStore(ctx, cfg, logger) // opening applies the migrations
	if err != nil {
		return err
	}
	st.Close()
	return nil
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	st, err := app.OpenStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := app.New(ctx, cfg, logger, app.Options{Store: st})
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
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	logger.Info("server started", "addr", ln.Addr().String(), "url", cfg.PublicURL, "database", st.Engine,
		"production", cfg.Production)

	select {
	case err = <-serveErr:
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
