package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	_ "modernc.org/sqlite"
)

// The floor: the least a server must do to answer GET /api/users/me — verify an HS256 token
// with golang-jwt v5, read the user by id with the service's driver, write the JSON — with
// nothing else (no routing table, no access log, no security headers, no permission check).
// Its database access is the service's: on SQLite the same DSN and pool, and the statement
// prepared once (the service prepares its queries at start); on PostgreSQL a pgx pool of
// the service's size (DATABASE_POOL_MAX, 10 by default), whose statements pgx caches.
// The bench runs it as a separate process (this binary, re-executed with
// MTB_BENCH_FLOOR=1), configured like the service (HOST, PORT, JWT_SECRET, DATABASE_URL or
// DATABASE_FILENAME), on the database the service used and after the service stopped, so
// both read the same row with the CPUs to themselves. service ÷ floor is then what the
// service's own work costs on top of the irreducible part; it does not depend on how fast
// this machine is, which absolute req/s do.

const floorEnv = "MTB_BENCH_FLOOR"

// floorColumns are the columns of Strapi's /users/me answer (the sanitized user without
// custom fields), in the order of its JSON.
const floorQuery = `SELECT id, document_id, username, email, provider, confirmed, blocked, created_at, updated_at, published_at
FROM up_users WHERE id = $1`

type floorUser struct {
	ID          int64  `json:"id"`
	DocumentID  string `json:"documentId"`
	Username    string `json:"username"`
	Email       string `json:"email"`
	Provider    string `json:"provider"`
	Confirmed   bool   `json:"confirmed"`
	Blocked     bool   `json:"blocked"`
	CreatedAt   any    `json:"createdAt"` // time.Time (PostgreSQL, SQLite's DATETIME) or text
	UpdatedAt   any    `json:"updatedAt"`
	PublishedAt any    `json:"publishedAt"`
}

func floorMain() int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "floor:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	var read func(ctx context.Context, id int64, u *floorUser) error
	if dsn := os.Getenv("DATABASE_URL"); dsn != "" {
		cfg, err := pgxpool.ParseConfig(dsn)
		if err != nil {
			return fail(err)
		}
		cfg.MaxConns = config.DefaultDatabasePoolMax
		if n, err := strconv.Atoi(os.Getenv("DATABASE_POOL_MAX")); err == nil && n > 0 {
			cfg.MaxConns = int32(n)
		}
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			return fail(err)
		}
		defer pool.Close()
		read = func(ctx context.Context, id int64, u *floorUser) error {
			return pool.QueryRow(ctx, floorQuery, id).Scan(&u.ID, &u.DocumentID, &u.Username, &u.Email, &u.Provider,
				&u.Confirmed, &u.Blocked, &u.CreatedAt, &u.UpdatedAt, &u.PublishedAt)
		}
	} else {
		// The DSN and pool size of internal/store's openSQLite.
		dsn := "file:" + os.Getenv("DATABASE_FILENAME") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
			"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_time_format=sqlite&_txlock=immediate"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return fail(err)
		}
		defer db.Close()
		n := max(4, 2*runtime.NumCPU())
		db.SetMaxOpenConns(n)
		db.SetMaxIdleConns(n)
		db.SetConnMaxIdleTime(0)
		stmt, err := db.PrepareContext(ctx, floorQuery)
		if err != nil {
			return fail(err)
		}
		defer stmt.Close()
		read = func(ctx context.Context, id int64, u *floorUser) error {
			return stmt.QueryRowContext(ctx, id).Scan(&u.ID, &u.DocumentID, &u.Username, &u.Email, &u.Provider,
				&u.Confirmed, &u.Blocked, &u.CreatedAt, &u.UpdatedAt, &u.PublishedAt)
		}
	}

	secret := []byte(os.Getenv("JWT_SECRET"))
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	keyFunc := func(*jwt.Token) (any, error) { return secret, nil }
	unauthorized := func(w http.ResponseWriter) {
		http.Error(w, `{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials"}}`, http.StatusUnauthorized)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /_health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /api/users/me", func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		var claims jwt.MapClaims
		if !ok {
			unauthorized(w)
			return
		}
		if _, err := parser.ParseWithClaims(tok, &claims, keyFunc); err != nil {
			unauthorized(w)
			return
		}
		id, ok := claims["id"].(float64)
		if !ok || id <= 0 {
			unauthorized(w)
			return
		}
		var u floorUser
		if err := read(r.Context(), int64(id), &u); err != nil {
			if errors.Is(err, sql.ErrNoRows) || strings.Contains(err.Error(), "no rows") {
				unauthorized(w)
				return
			}
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(&u)
	})

	ln, err := net.Listen("tcp", net.JoinHostPort(os.Getenv("HOST"), os.Getenv("PORT")))
	if err != nil {
		return fail(err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fail(err)
	}
	return 0
}
