// Package app assembles the service from its configuration: the database, the auth
// rules, the mail sender and the HTTP handler. cmd/mtb-api runs it; the tests build the
// very same assembly around an httptest server.
package app

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/httpapi"
	"github.com/mtb-race/mtb-backend-api/internal/mail"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/ratelimit"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// App is the assembled service.
type App struct {
	Store   *store.Store
	Auth    *auth.Service
	Roles   *access.Roles
	Tokens  *access.APITokens
	Handler http.Handler
	// Metrics serves GET /metrics (Prometheus' text format) on whatever listener the caller
	// gives it: cmd/mtb-api's METRICS_ADDR, never the public port.
	Metrics http.Handler

	log     *slog.Logger
	stop    context.CancelFunc
	workers sync.WaitGroup
	closers []func() error
}

// Options are what the caller supplies beside the configuration.
type Options struct {
	Store *store.Store // the open and migrated database (OpenStore); required
	// Now is the one clock of the service: tokens' expiries, sessions, settings cache, mail
	// retries, rate-limit windows, API tokens. time.Now when nil; tests move their own.
	Now func() time.Time
	// Fields are the custom user fields; nil: read from USER_FIELDS_FILE.
	Fields *profile.Schema
	// Routes are the operations of the spec with Fields (Prepare); nil: built here.
	// Given, they must have been built from Fields.
	Routes *httpapi.Routes
	// HashProcs are added to GOMAXPROCS while password hashes run (cmd/mtb-api's
	// hashExtraProcs); 0: GOMAXPROCS is left alone, as the tests want.
	HashProcs int
}

// Prepared is what the service is built from that needs no database: the custom user
// fields and the operations of the spec with them.
type Prepared struct {
	Fields *profile.Schema
	Routes *httpapi.Routes
	Err    error
}

// Prepare reads USER_FIELDS_FILE and builds the routes of the spec with its fields, in the
// background: CPU work that the caller overlaps with opening and migrating the database
// (on PostgreSQL mostly a wait), so that both are ready together at start.
func Prepare(cfg config.Config) <-chan Prepared {
	out := make(chan Prepared, 1)
	go func() {
		var p Prepared
		if p.Fields, p.Err = profile.Load(cfg.UserFieldsFile); p.Err == nil {
			p.Routes, p.Err = httpapi.NewRoutes(p.Fields)
		}
		out <- p
	}()
	return out
}

// OpenStore opens and migrates the database the configuration names.
func OpenStore(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.Store, error) {
	return store.Open(ctx, StoreOptions(cfg, log))
}

// StoreOptions are the store options the configuration names.
func StoreOptions(cfg config.Config, log *slog.Logger) store.Options {
	return store.Options{PostgresURL: cfg.DatabaseURL, SQLiteFile: cfg.DatabaseFilename, PoolMax: cfg.DatabasePoolMax, Log: log,
		UsersQueryTimeout: cfg.UsersQueryTimeout}
}

// New assembles the service around the caller's store and starts its background mail
// sender. Close stops it.
func New(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	st, now := o.Store, o.Now
	if now == nil {
		now = time.Now
	}
	if st == nil {
		return nil, errors.New("service: no store given (open it with OpenStore)")
	}
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	if cfg.JWTSecret == "" {
		secret, err := developmentSecret(ctx, st)
		if err != nil {
			return nil, err
		}
		cfg.JWTSecret = secret
		log.Warn("JWT_SECRET is not set: using a generated development secret stored in the database; set JWT_SECRET in production")
	}
	// API tokens: API_TOKEN_SALT, required in production once a token exists; generated and
	// kept in the database elsewhere (the CLI resolves it the same way).
	apiTokenSalt, err := access.APITokenSalt(ctx, st, cfg.APITokenSalt, cfg.Production)
	if err != nil {
		return nil, err
	}
	// The custom user fields: declared by the operator, recorded in the database (which
	// refuses a declaration its stored values do not fit).
	fields := o.Fields
	if fields == nil {
		if fields, err = profile.Load(cfg.UserFieldsFile); err != nil {
			return nil, err
		}
	}
	if err := SyncUserFields(ctx, st, fields, now()); err != nil {
		return nil, err
	}
	// The operations of openapi.yaml (with the custom fields), read once: the gate's routes,
	// and the catalog of the actions roles and API tokens are given from.
	routes := o.Routes
	if routes == nil {
		if routes, err = httpapi.NewRoutes(fields); err != nil {
			return nil, err
		}
	}
	catalog, err := access.NewCatalog(routes.Actions())
	if err != nil {
		return nil, err
	}

	var transport mail.Transport
	if cfg.SMTP.Host != "" {
		smtp, err := mail.NewSMTP(mail.SMTPConfig{
			Host: cfg.SMTP.Host, Port: cfg.SMTP.Port, Username: cfg.SMTP.Username, Password: cfg.SMTP.Password,
			TLS: cfg.SMTP.TLS, Timeout: 30 * time.Second,
		})
		if err != nil {
			return nil, fmt.Errorf("SMTP: %w", err)
		}
		transport = smtp
	} else {
		// Development: print mails, reset links included, so the quickstart works
		// without a mail server. In production only their metadata is logged.
		transport = mail.LogTransport{Logger: log, IncludeBody: !cfg.Production}
		log.Warn("SMTP_HOST is not set: mails are written to the log instead of being sent")
	}
	var closers []func() error
	// One registry per App: the tests build many in one process.
	mx := metrics.New()
	mx.WatchStore(st, now)
	outbox := &mail.Outbox{Metrics: mx, Store: st, Transport: transport, Logger: log, Poll: cfg.MailPollInterval,
		MaxAttempts: cfg.MailRetryMax, Workers: 2, Retention: cfg.MailRetention, Now: now}

	svc := auth.New(st, auth.Options{
		JWTSecret: cfg.JWTSecret, JWTTTL: cfg.JWTExpiresIn,
		BcryptCost: cfg.BcryptCost, HashWorkers: cfg.HashConcurrency, HashMaxWait: cfg.HashMaxWait,
		HashNice: cfg.HashNice, HashProcs: o.HashProcs,
		ResetTTL: cfg.ResetTokenTTL, ConfirmTTL: cfg.ConfirmationTokenTTL, PublicURL: cfg.PublicURL,
		DefaultFrom: cfg.EmailFrom, DefaultReply: cfg.EmailReplyTo,
		Logger: log, MailRequested: outbox.Wake, Now: now, Fields: fields, Metrics: mx,
		Sessions: auth.SessionOptions{
			Refresh:    cfg.RefreshMode(),
			AccessTTL:  cfg.Sessions.AccessTokenLifespan,
			IdleTTL:    cfg.Sessions.IdleRefreshTokenLifespan,
			MaxTTL:     cfg.Sessions.MaxRefreshTokenLifespan,
			ReuseGrace: cfg.Sessions.ReuseGrace,
		},
	})
	outbox.Resolve = svc.ResolveMailRequest
	if err := svc.Settings.Init(ctx, cfg.Advanced); err != nil {
		return nil, err
	}

	var limiter ratelimit.Limiter
	switch {
	case !cfg.RateLimit.Enabled:
	case cfg.RateLimit.RedisURL != "":
		r, err := ratelimit.NewRedis(ctx, cfg.RateLimit.RedisURL, cfg.RateLimit.Max, cfg.RateLimit.Interval)
		if err != nil {
			return nil, err
		}
		limiter = r
		closers = append(closers, r.Close)
	default:
		limiter = ratelimit.NewMemory(cfg.RateLimit.Max, cfg.RateLimit.Interval, now)
	}
	ck := cfg.Sessions.Cookie
	refreshCookie := httpapi.RefreshCookie{
		Always: cfg.Sessions.HTTPOnly, Name: ck.Name, Secure: ck.Secure, SameSite: ck.SameSite, Path: ck.Path,
		Domain: ck.Domain, MaxAge: ck.MaxAge,
	}
	// Koa signs its cookies with Strapi's APP_KEYS (the .sig companion of the refresh
	// cookie). Without APP_KEYS the key is derived from the JWT secret, so that every
	// instance signs and accepts the same companion.
	refreshCookie.Keys = cfg.AppKeys
	if len(refreshCookie.Keys) == 0 {
		m := hmac.New(sha256.New, []byte(cfg.JWTSecret))
		m.Write([]byte("mtb-api refresh cookie signature"))
		refreshCookie.Keys = []string{base64.StdEncoding.EncodeToString(m.Sum(nil))}
	}
	roles := access.NewRoles(st, catalog, now)
	tokens := access.NewAPITokens(st, catalog, apiTokenSalt, now, log)
	handler, err := httpapi.New(httpapi.Deps{
		Routes: routes, Now: now, Auth: svc, Roles: roles, Tokens: tokens, Store: st, Limiter: limiter, Logger: log,
		TrustedProxies: cfg.TrustedProxies, RateLimitIPv6Prefix: cfg.RateLimit.IPv6Prefix,
		CORSOrigins: cfg.CORSOrigins, MaxBodyBytes: cfg.MaxBodyBytes, RefreshCookie: refreshCookie, Metrics: mx,
		AccessLog: httpapi.AccessLog(cfg.LogAccess), SlowRequest: cfg.LogAccessSlow,
	})
	if err != nil {
		return nil, err
	}

	s := &App{Store: st, Auth: svc, Roles: roles, Tokens: tokens, Handler: handler, Metrics: metricsMux(mx.Handler(log)),
		log: log, closers: closers}
	workerCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stop = stop
	s.workers.Go(func() { outbox.Run(workerCtx) })
	// Expired refresh-token sessions are deleted in the background, in small batches (also
	// in legacy mode, for the sessions a refresh-mode period left).
	s.workers.Go(func() { svc.RunSessionCleanup(workerCtx, cfg.Sessions.CleanupInterval) })
	return s, nil
}

// Close stops the background work, letting a mail being sent finish. It does not close
// the store, which the caller opened or may keep using.
func (s *App) Close() {
	s.stop()
	s.workers.Wait()
	for _, c := range s.closers {
		_ = c()
	}
}

const devSecretKey = "development_jwt_secret"

// developmentSecret returns the JWT secret of a development server without JWT_SECRET: a
// random one, kept in the database so that tokens survive restarts.
func developmentSecret(ctx context.Context, st *store.Store) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	err := st.Q.InitStoreValue(ctx, db.InitStoreValueParams{Key: devSecretKey, Value: base64.StdEncoding.EncodeToString(b)})
	if err != nil {
		return "", fmt.Errorf("development secret: %w", err)
	}
	s, err := st.Q.GetStoreValue(ctx, devSecretKey)
	if err != nil {
		return "", fmt.Errorf("development secret: %w", err)
	}
	return s, nil
}

// Catalog is the catalog of actions of this build: the x-strapi-action of every operation
// of openapi.yaml and Strapi's Users & Permissions actions (for the CLI).
func Catalog() (*access.Catalog, error) {
	routes, err := httpapi.NewRoutes(profile.Empty())
	if err != nil {
		return nil, err
	}
	return access.NewCatalog(routes.Actions())
}

// SyncUserFields records the declared custom user fields in st (store.SyncProfile), as a
// start does: the import of a Strapi database runs it before writing profiles.
func SyncUserFields(ctx context.Context, st *store.Store, fields *profile.Schema, now time.Time) error {
	if err := st.SyncProfile(ctx, storeFields(fields), now); err != nil {
		return fmt.Errorf("user fields: %w", err)
	}
	return nil
}

// storeFields is the declaration as the store records it.
func storeFields(s *profile.Schema) []store.ProfileField {
	out := make([]store.ProfileField, len(s.Fields))
	for i := range s.Fields {
		f := &s.Fields[i]
		out[i] = store.ProfileField{Name: f.Name, Type: string(f.Type), Unique: f.Unique, Accepts: func(v any) bool {
			_, fe := f.Check(v)
			return fe == nil
		}}
	}
	return out
}

// metricsMux answers GET /metrics with h and every other path 404, so that a scrape
// configured with a wrong path fails visibly instead of getting the series anyway.
func metricsMux(h http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	return mux
}
