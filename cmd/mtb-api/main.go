// Command mtb-api is the MTB Backend API: accounts and authentication, wire-compatible
// with Strapi 5's Users & Permissions plugin.
//
//	mtb-api                  serve the API (migrating the database first)
//	mtb-api migrate          apply the database migrations and exit
//	mtb-api migrate status   list the migrations and whether they are applied
//
// Configuration comes from environment variables; see README.md.
package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/pgdb"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/httpapi"
	"github.com/mtb-race/mtb-backend-api/internal/mail"
	"github.com/mtb-race/mtb-backend-api/internal/ratelimit"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mtb-api:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	logger := newLogger(cfg, stdout)
	cmd := "serve"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "serve":
		return serve(ctx, cfg, logger)
	case "migrate":
		return migrate(ctx, cfg, logger, args[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, "usage: mtb-api [serve | migrate [up|status]]")
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

func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	return store.Open(ctx, store.Options{PostgresURL: cfg.DatabaseURL, SQLiteFile: cfg.DatabaseFilename, PoolMax: cfg.DatabasePoolMax})
}

func migrate(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(args) > 0 && args[0] == "status" {
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
	return st.Migrate(ctx, logger)
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx, logger); err != nil {
		return err
	}
	if cfg.JWTSecret == "" {
		if cfg.JWTSecret, err = developmentSecret(ctx, st); err != nil {
			return err
		}
		logger.Warn("JWT_SECRET is not set: using a generated development secret stored in the database; set JWT_SECRET in production")
	}

	var transport mail.Transport
	if cfg.SMTP.Host != "" {
		if transport, err = mail.NewSMTP(mail.SMTPConfig{
			Host: cfg.SMTP.Host, Port: cfg.SMTP.Port, Username: cfg.SMTP.Username, Password: cfg.SMTP.Password,
			TLS: cfg.SMTP.TLS, Timeout: 30 * time.Second,
		}); err != nil {
			return fmt.Errorf("SMTP: %w", err)
		}
	} else {
		// Development: print mails, reset links included, so the quickstart works without a
		// mail server. In production only their metadata is logged.
		transport = mail.LogTransport{Logger: logger, IncludeBody: !cfg.Production}
		logger.Warn("SMTP_HOST is not set: mails are written to the log instead of being sent")
	}
	outbox := &mail.Outbox{Store: st, Transport: transport, Logger: logger, Poll: cfg.MailPollInterval, MaxAttempts: cfg.MailRetryMax, Workers: 2}

	svc := auth.New(st, auth.Options{
		JWTSecret: cfg.JWTSecret, JWTTTL: cfg.JWTExpiresIn,
		BcryptCost: cfg.BcryptCost, HashWorkers: cfg.HashConcurrency, HashQueue: cfg.HashQueue,
		ResetTTL: cfg.ResetTokenTTL, PublicURL: cfg.PublicURL,
		DefaultFrom: cfg.EmailFrom, DefaultReply: cfg.EmailReplyTo,
		Logger: logger, MailRequested: outbox.Wake,
	})
	outbox.Resolve = svc.ResolveMailRequest
	if err := svc.Settings.Init(ctx, cfg.Advanced); err != nil {
		return err
	}

	var limiter ratelimit.Limiter
	if cfg.RateLimit.Enabled {
		limiter = ratelimit.NewMemory(cfg.RateLimit.Max, cfg.RateLimit.Interval)
	}
	handler, err := httpapi.New(httpapi.Deps{
		Auth: svc, Store: st, Limiter: limiter, Logger: logger,
		TrustedProxies: cfg.TrustedProxies, CORSOrigins: cfg.CORSOrigins, MaxBodyBytes: cfg.MaxBodyBytes,
	})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.Addr())
	if err != nil {
		return err
	}
	// Requests keep their own context until Shutdown has let them finish.
	baseCtx, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return baseCtx },
		ErrorLog:          log.New(slogWriter{logger}, "", 0),
	}

	workerCtx, stopWorkers := context.WithCancel(context.WithoutCancel(ctx))
	var workers sync.WaitGroup
	workers.Go(func() { outbox.Run(workerCtx) })

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
	cancelBase()
	stopWorkers()
	workers.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	logger.Info("server stopped")
	return err
}

const devSecretKey = "development_jwt_secret"

// developmentSecret returns the JWT secret of a development server without JWT_SECRET: a
// random one, kept in the database so that tokens survive restarts.
func developmentSecret(ctx context.Context, st *store.Store) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	err := st.Q.InitStoreValue(ctx, pgdb.InitStoreValueParams{Key: devSecretKey, Value: base64.StdEncoding.EncodeToString(b)})
	if err != nil {
		return "", fmt.Errorf("development secret: %w", err)
	}
	s, err := st.Q.GetStoreValue(ctx, devSecretKey)
	if err != nil {
		return "", fmt.Errorf("development secret: %w", err)
	}
	return s, nil
}

// slogWriter sends net/http's own error log (TLS handshake errors, ...) to slog.
type slogWriter struct{ l *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.l.Warn("http server", "msg", string(p))
	return len(p), nil
}
