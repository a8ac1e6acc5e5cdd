package auth

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Strapi's refresh mode (jwtManagement 'refresh', contract §9.2): a login starts a session
// and answers a short-lived access token {userId, sessionId, type:'access'} with a refresh
// token {userId, sessionId, type:'refresh', exp}; POST /api/auth/refresh rotates the
// session into a child with a new session id. The rows of one login form a family
// (up_sessions.family_id). Beyond Strapi:
//
//   - An access token works only while its session row exists (one read with the user, see
//     Authenticate), so logout, revocation, a password change or reset, blocking and
//     deleting the user end the session's access tokens at once (decision D5).
//   - Presenting a rotated refresh token again within ReuseGrace (two tabs refreshing at
//     once) answers the same child refresh token; later, it revokes the whole family: a
//     stolen token replayed after its owner refreshed ends the owner's session too (D6).
//   - A refresh token's exp (and its row's expires_at) never passes the family's absolute
//     deadline.

// SessionOptions configure refresh mode.
type SessionOptions struct {
	Refresh    bool          // JWT_MANAGEMENT=refresh; otherwise Strapi's legacy-support
	AccessTTL  time.Duration // lifetime of an access token (Strapi: 600 s)
	IdleTTL    time.Duration // lifetime of a refresh token, renewed by each refresh (14 d)
	MaxTTL     time.Duration // lifetime of a session family, from its login (30 d)
	ReuseGrace time.Duration // a rotated refresh token may be replayed this long (D6, 10 s)
}

// The errors of the session routes, worded as Strapi words them.
var (
	ErrMissingRefreshToken   = &apierror.Error{Kind: apierror.BadRequest, Message: "Missing refresh token"}
	ErrInvalidRefreshToken   = &apierror.Error{Kind: apierror.Unauthorized, Message: "Invalid refresh token"}
	ErrSessionNotFound       = &apierror.Error{Kind: apierror.NotFound, Message: "Session not found"}
	ErrMissingAuthentication = &apierror.Error{Kind: apierror.Unauthorized, Message: "Missing authentication"}
)

// RefreshMode reports whether the service runs Strapi's refresh mode.
func (s *Service) RefreshMode() bool { return s.o.Sessions.Refresh }

// Client is who a login is for: what its session records.
type Client struct {
	DeviceID  string // login's deviceId ("": none)
	UserAgent string // its User-Agent, for the session list's device name
}

// Issued are the tokens of a login: the JWT and, in refresh mode, the refresh token.
type Issued struct {
	JWT          string
	RefreshToken string // "" in legacy mode
}

// sessionNow is the time a session write uses: milliseconds, as Strapi's timestamps, so
// that what is stored is what is read back on both engines.
func (s *Service) sessionNow() time.Time { return s.now().Truncate(time.Millisecond) }

// newSessionID returns a random session id: 16 bytes in hex, as Strapi makes them.
func newSessionID() string { return newCode(16) }

// newUUID returns a random (version 4) UUID, the device id Strapi gives the sessions that
// register, reset-password and change-password start.
func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// refreshDeadline is the expiry of a refresh token issued at now in a family ending at abs.
func (s *Service) refreshDeadline(now, abs time.Time) time.Time {
	if exp := now.Add(s.o.Sessions.IdleTTL); exp.Before(abs) {
		return exp
	}
	return abs
}

// startSession writes, with q, the first row of a new session family for userID and
// returns its tokens.
func (s *Service) startSession(ctx context.Context, q store.Querier, userID int64, deviceID, deviceName string) (Issued, error) {
	now := s.sessionNow()
	id := newSessionID()
	abs := now.Add(s.o.Sessions.MaxTTL)
	exp := s.refreshDeadline(now, abs)
	err := q.CreateSession(ctx, db.CreateSessionParams{
		SessionID: id, FamilyID: id, UserID: userID, DeviceID: nonEmpty(deviceID), DeviceName: nonEmpty(deviceName),
		LoginAt: now, CreatedAt: now, ExpiresAt: exp, AbsoluteExpiresAt: abs,
	})
	if err != nil {
		return Issued{}, fmt.Errorf("create session: %w", err)
	}
	// Counted when written, though q may be a transaction that rolls back later (a
	// registration that fails after it): rare enough not to skew the rate.
	s.o.Metrics.Session(metrics.SessionCreated)
	return s.sessionTokens(userID, id, exp, now)
}

// sessionTokens are the tokens of session sessionID: its refresh token, which depends on
// the session alone, and a new access token issued at now.
func (s *Service) sessionTokens(userID int64, sessionID string, expiresAt, now time.Time) (Issued, error) {
	refresh, err := s.tokens.IssueRefresh(userID, sessionID, expiresAt.Unix())
	if err != nil {
		return Issued{}, err
	}
	access, err := s.tokens.IssueAccess(userID, sessionID, now.Unix(), s.o.Sessions.AccessTTL)
	if err != nil {
		return Issued{}, err
	}
	return Issued{JWT: access, RefreshToken: refresh}, nil
}

// issueFor is the answer of a login of u in the current mode: a legacy JWT, or a new
// session started with q.
func (s *Service) issueFor(ctx context.Context, q store.Querier, u db.UpUser, deviceID, deviceName string) (Issued, error) {
	if !s.o.Sessions.Refresh {
		jwt, err := s.issue(u)
		return Issued{JWT: jwt}, err
	}
	return s.startSession(ctx, q, u.ID, deviceID, deviceName)
}

// Refresh exchanges a refresh token for a new access token and the refresh token of the
// session's child (contract §7.10), with the decisions D5 and D6:
//
//  1. The token must verify (HS256, exp, type 'refresh') and its row must exist, belong to
//     its userId, and be before its deadline (the idle one, capped by the family's).
//  2. An active row is rotated: one guarded UPDATE (RotateSession) marks it rotated into a
//     new child, and the child is inserted in the same transaction. Of concurrent refreshes
//     of one token exactly one UPDATE changes the row; the others see 0 rows once the
//     winner has committed and continue as in 3 with the winner's child.
//  3. A rotated row's token replayed within ReuseGrace of its rotation gets its child's
//     refresh token again (a JWT of the same payload: the same string) and a new access
//     token of the child. Later, it is reuse: the whole family is revoked (the legitimate
//     holder's session included) and the answer is Strapi's 401.
func (s *Service) Refresh(ctx context.Context, token string) (Issued, error) {
	c, err := s.tokens.VerifySession(token, tokenRefresh)
	if err != nil {
		return Issued{}, ErrInvalidRefreshToken
	}
	row, err := s.store.Q.GetRefreshSession(ctx, c.SessionID)
	if store.IsNotFound(err) {
		return Issued{}, ErrInvalidRefreshToken
	}
	if err != nil {
		return Issued{}, fmt.Errorf("load session: %w", err)
	}
	now := s.sessionNow()
	if row.UserID != c.UserID || !row.ExpiresAt.After(now) {
		return Issued{}, ErrInvalidRefreshToken
	}
	if row.ChildID == nil {
		child := newSessionID()
		exp := s.refreshDeadline(now, row.AbsoluteExpiresAt)
		won := false
		err := s.store.InTx(ctx, func(q store.Querier) error {
			n, err := q.RotateSession(ctx, db.RotateSessionParams{ChildID: &child, SessionID: row.SessionID, Now: now})
			if err != nil || n == 0 {
				return err
			}
			won = true
			return q.CreateSession(ctx, db.CreateSessionParams{
				SessionID: child, FamilyID: row.FamilyID, UserID: row.UserID, DeviceID: row.DeviceID, DeviceName: row.DeviceName,
				LoginAt: row.LoginAt, CreatedAt: now, ExpiresAt: exp, AbsoluteExpiresAt: row.AbsoluteExpiresAt,
			})
		})
		if err != nil {
			return Issued{}, fmt.Errorf("rotate session: %w", err)
		}
		if won {
			s.o.Metrics.Session(metrics.SessionRotated)
			return s.sessionTokens(row.UserID, child, exp, now)
		}
		// A concurrent refresh of the same token won (or the session ended meanwhile):
		// what it wrote is committed now.
		if row, err = s.store.Q.GetRefreshSession(ctx, c.SessionID); store.IsNotFound(err) {
			return Issued{}, ErrInvalidRefreshToken
		} else if err != nil {
			return Issued{}, fmt.Errorf("load session: %w", err)
		}
		if row.ChildID == nil {
			return Issued{}, ErrInvalidRefreshToken
		}
	}
	if row.ChildCreatedAt == nil || row.ChildExpiresAt == nil { // its family is being revoked
		return Issued{}, ErrInvalidRefreshToken
	}
	if now.Sub(*row.ChildCreatedAt) <= s.o.Sessions.ReuseGrace {
		return s.sessionTokens(row.UserID, *row.ChildID, *row.ChildExpiresAt, now)
	}
	n, err := s.store.Q.RevokeSessionFamily(ctx, row.FamilyID)
	if err != nil {
		return Issued{}, fmt.Errorf("revoke session family: %w", err)
	}
	s.o.Metrics.Session(metrics.SessionReused)
	s.o.Logger.WarnContext(ctx, "refresh token reuse: session revoked", "user_id", row.UserID,
		"rotated_ago", now.Sub(*row.ChildCreatedAt).Round(time.Millisecond), "rows", n)
	return Issued{}, ErrInvalidRefreshToken
}

// LogoutInput is what a logout names (contract §7.11): every session, a device's, or the
// current one, that of the refresh token given (cookie or body) or else of the access token.
type LogoutInput struct {
	All          bool
	DeviceID     string
	RefreshToken string
}

// Logout ends sessions of the caller: every session (in.All), a device's, or else the
// current one. Ending every session also makes every legacy JWT issued to the user so far
// stop working, as a password change does (D5). A caller with a user is a refresh-mode
// access token's (Logout is a route of refresh mode only), so p.SessionID, the current
// session when no usable refresh token names another, is always set.
func (s *Service) Logout(ctx context.Context, p *Principal, in LogoutInput) error {
	if p == nil || p.User == nil {
		return ErrMissingAuthentication
	}
	userID := p.User.ID
	switch {
	case in.All:
		if err := s.endAllSessions(ctx, userID); err != nil {
			return err
		}
		s.o.Metrics.Session(metrics.SessionRevoked)
		return nil
	case in.DeviceID != "":
		n, err := s.store.Q.DeleteDeviceSessions(ctx, db.DeleteDeviceSessionsParams{UserID: userID, DeviceID: &in.DeviceID})
		if err != nil {
			return fmt.Errorf("end device sessions: %w", err)
		}
		if n > 0 {
			s.o.Metrics.Session(metrics.SessionRevoked)
		}
		return nil
	}
	current := p.SessionID
	if in.RefreshToken != "" {
		sid, err := s.activeRefreshSession(ctx, in.RefreshToken, userID)
		if err != nil {
			return err
		}
		if sid != "" {
			current = sid
		}
	}
	n, err := s.store.Q.RevokeUserSession(ctx, db.RevokeUserSessionParams{SessionID: current, UserID: userID})
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	if n > 0 {
		s.o.Metrics.Session(metrics.SessionRevoked)
	}
	return nil
}

// activeRefreshSession is the session id of a usable refresh token of user userID, or ""
// (Strapi's validateRefreshToken, and its check that the token is the caller's): another
// user's refresh token never chooses the session a logout ends.
func (s *Service) activeRefreshSession(ctx context.Context, token string, userID int64) (string, error) {
	c, err := s.tokens.VerifySession(token, tokenRefresh)
	if err != nil {
		return "", nil
	}
	row, err := s.store.Q.GetRefreshSession(ctx, c.SessionID)
	if store.IsNotFound(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("load session: %w", err)
	}
	if row.UserID != c.UserID || row.UserID != userID || row.ChildID != nil || !row.ExpiresAt.After(s.now()) {
		return "", nil
	}
	return row.SessionID, nil
}

// endAllSessions deletes every session of the user and moves tokens_valid_after past every
// legacy JWT issued so far (revokeAfter, in SQL), in one transaction.
func (s *Service) endAllSessions(ctx context.Context, userID int64) error {
	err := s.store.InTx(ctx, func(q store.Querier) error {
		if _, err := q.DeleteUserSessions(ctx, userID); err != nil {
			return err
		}
		return q.RevokeUserTokens(ctx, db.RevokeUserTokensParams{ID: userID, Now: s.now().Unix()})
	})
	if err != nil {
		return fmt.Errorf("end all sessions: %w", err)
	}
	return nil
}

// SessionEntry is one active session of the session list (contract §7.12).
type SessionEntry struct {
	ID           string
	DeviceID     *string
	DeviceName   string // "" when the User-Agent was not recognized
	Current      bool   // the session of the access token in use
	LoginAt      time.Time
	LastActiveAt time.Time // the last refresh (or the login)
}

// ListSessions lists the caller's active sessions: the current one first, then the most
// recently refreshed.
func (s *Service) ListSessions(ctx context.Context, p *Principal) ([]SessionEntry, error) {
	if p == nil || p.User == nil {
		return nil, ErrMissingAuthentication
	}
	rows, err := s.store.Q.ListUserSessions(ctx, db.ListUserSessionsParams{UserID: p.User.ID, Now: s.now()})
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]SessionEntry, len(rows))
	for i, r := range rows {
		out[i] = SessionEntry{
			ID: r.SessionID, DeviceID: r.DeviceID, DeviceName: deref(r.DeviceName), Current: r.SessionID == p.SessionID,
			LoginAt: r.LoginAt, LastActiveAt: r.CreatedAt,
		}
	}
	slices.SortStableFunc(out, func(a, b SessionEntry) int {
		switch {
		case a.Current == b.Current:
			return b.LastActiveAt.Compare(a.LastActiveAt)
		case a.Current:
			return -1
		default:
			return 1
		}
	})
	return out, nil
}

// RevokeSession ends the caller's session sessionID (its whole family: its refresh and
// access tokens stop working at once).
func (s *Service) RevokeSession(ctx context.Context, p *Principal, sessionID string) error {
	if p == nil || p.User == nil {
		return ErrMissingAuthentication
	}
	n, err := s.store.Q.RevokeUserSession(ctx, db.RevokeUserSessionParams{SessionID: sessionID, UserID: p.User.ID})
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	if n == 0 {
		return ErrSessionNotFound
	}
	s.o.Metrics.Session(metrics.SessionRevoked)
	return nil
}

// sessionCleanupBatch is how many expired rows one cleanup statement deletes: small, so
// that no statement holds SQLite's write lock (or PostgreSQL's row locks) for long.
const sessionCleanupBatch = 500

// CleanupSessions deletes the rows whose refresh token expired, in batches, until none is
// left or ctx ends, and returns how many it deleted. A row is kept for one access-token
// lifetime past its expiry, so that every access token still alive keeps its session.
func (s *Service) CleanupSessions(ctx context.Context) (int64, error) {
	cutoff := s.now().Add(-s.o.Sessions.AccessTTL)
	return deleteInBatches(ctx, "expired sessions", func() (int64, error) {
		return s.store.Q.DeleteExpiredSessions(ctx, db.DeleteExpiredSessionsParams{Cutoff: cutoff, MaxRows: sessionCleanupBatch})
	})
}

// CleanupEmailChanges deletes the pending changes of email whose link expired, in batches,
// until none is left or ctx ends, and returns how many it deleted.
func (s *Service) CleanupEmailChanges(ctx context.Context) (int64, error) {
	return deleteInBatches(ctx, "expired email changes", func() (int64, error) {
		return s.store.Q.DeleteExpiredEmailChanges(ctx, db.DeleteExpiredEmailChangesParams{Now: s.now(), MaxRows: sessionCleanupBatch})
	})
}

// deleteInBatches calls del (which deletes at most sessionCleanupBatch rows) until it deletes
// fewer, letting the requests' writes in between batches, and returns how many it deleted.
func deleteInBatches(ctx context.Context, what string, del func() (int64, error)) (int64, error) {
	var total int64
	for {
		n, err := del()
		total += n
		if err != nil {
			return total, fmt.Errorf("delete %s: %w", what, err)
		}
		if n < sessionCleanupBatch {
			return total, nil
		}
		select {
		case <-ctx.Done():
			return total, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// RunSessionCleanup runs CleanupSessions, CleanupEmailChanges and CleanupProviderSessions every interval until ctx
// is cancelled. It runs beside the requests, never on their path; expired rows refuse every
// token or link already, so when they go does not matter.
func (s *Service) RunSessionCleanup(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, c := range []struct {
			what    string
			cleanup func(context.Context) (int64, error)
		}{
			{"sessions", s.CleanupSessions},
			{"email changes", s.CleanupEmailChanges},
			{"provider sessions", s.CleanupProviderSessions},
		} {
			n, err := c.cleanup(ctx)
			switch {
			case err != nil && ctx.Err() == nil:
				s.o.Logger.Warn("cleanup of expired "+c.what, "err", err, "deleted", n)
			case n > 0:
				s.o.Logger.Info("expired "+c.what+" deleted", "rows", n)
			}
		}
	}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
