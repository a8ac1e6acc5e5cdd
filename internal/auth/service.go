// Package auth owns users and their credentials: registration, login, tokens, password
// recovery, and the roles and permissions every request is checked against. It speaks
// Strapi's rules and wording; the HTTP layer only translates.
package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Options configure a Service.
type Options struct {
	JWTSecret     string
	JWTTTL        time.Duration
	BcryptCost    int
	HashWorkers   int
	HashMaxWait   time.Duration // a hash expected to wait longer is refused (503, Retry-After)
	HashNice      int           // nice value of the hashing threads (Linux); 0: unchanged
	HashProcs     int           // Ps added to GOMAXPROCS while hashes run; 0: never changed
	ResetTTL      time.Duration
	ConfirmTTL    time.Duration
	PublicURL     string // where clients reach this server (templates' SERVER_URL)
	DefaultFrom   string // sender when a template has none
	DefaultReply  string
	Logger        *slog.Logger
	Now           func() time.Time // the service's clock; time.Now by default
	MailRequested func()           // wakes the mail sender after a mail was queued
	Sessions      SessionOptions   // Strapi's refresh mode (JWT_MANAGEMENT=refresh)
	Fields        *profile.Schema  // the custom user fields; none when nil
	OAuth         *oauth.Client    // talks to the OAuth providers
	Metrics       *metrics.Metrics // the hash pool's and the sessions' series; none when nil
}

// Service implements the auth rules over the store.
type Service struct {
	store    *store.Store
	hasher   *Hasher
	tokens   *Tokens
	Settings *settings.Store
	perms    *access.Permissions
	fields   *profile.Schema
	o        Options
}

// New returns a Service.
func New(st *store.Store, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MailRequested == nil {
		o.MailRequested = func() {}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Fields == nil {
		o.Fields = profile.Empty()
	}
	if o.OAuth == nil {
		o.OAuth = oauth.NewClient(&http.Client{Timeout: 10 * time.Second})
	}
	hasher := NewHasher(HasherOptions{
		Cost: o.BcryptCost, Workers: o.HashWorkers, MaxWait: o.HashMaxWait, Nice: o.HashNice, ExtraProcs: o.HashProcs,
		Metrics: o.Metrics, Logger: o.Logger,
	})
	o.Metrics.WatchHashPool(hasher.Load)
	return &Service{
		store:    st,
		hasher:   hasher,
		tokens:   NewTokens(o.JWTSecret, o.JWTTTL, o.Now),
		Settings: settings.New(st, o.Now),
		perms:    access.NewPermissions(st),
		fields:   o.Fields,
		o:        o,
	}
}

func (s *Service) now() time.Time { return s.o.Now().UTC() }

// Principal is who a request acts as: a user with their role, or the Public role.
type Principal struct {
	User      *db.UpUser // nil for anonymous callers
	Actions   access.Actions
	SessionID string // refresh mode: the session of the access token
	token     string // legacy mode: the JWT the request came with (a password change keeps it)
}

// Anonymous is the Public role's principal. With no public role or no public permission
// at all, Strapi refuses anonymous requests with 401, and so does this. There is at most
// one public role: up_roles.type is unique.
func (s *Service) Anonymous(ctx context.Context) (*Principal, error) {
	role, err := s.store.Q.PublicRole(ctx)
	if store.IsNotFound(err) {
		return nil, ErrTokenInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("public role: %w", err)
	}
	actions, err := s.perms.ForRole(ctx, role.ID, role.PermVersion)
	if err != nil {
		return nil, err
	}
	if len(actions) == 0 {
		return nil, ErrTokenInvalid
	}
	return &Principal{Actions: actions}, nil
}

// Authenticate turns a Bearer token into the principal of its user. In legacy mode the
// token is a legacy JWT {id}, refused when issued before the user's tokens_valid_after; in
// refresh mode it is an access token, refused once its session has ended. Either way it
// costs one read: the user with their role's version, and in refresh mode the session.
func (s *Service) Authenticate(ctx context.Context, token string) (*Principal, error) {
	if s.o.Sessions.Refresh {
		return s.authenticateAccess(ctx, token)
	}
	claims, err := s.tokens.Verify(token)
	if err != nil {
		return nil, err
	}
	row, err := s.store.Q.GetAuthUser(s.store.PointRead(ctx), claims.UserID)
	if store.IsNotFound(err) {
		return nil, ErrUserInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("load user: %w", err)
	}
	// Revoked by a password change, a reset, a block, a logout everywhere (D5); a blocked
	// user's token is refused as Strapi refuses it, first.
	alive := claims.IssuedAt >= row.TokensValidAfter || keptToken(row.KeptTokenHash, token)
	p, err := s.principal(ctx, row, alive, "")
	if err != nil {
		return nil, err
	}
	p.token = token
	return p, nil
}

// keptToken reports whether token is the one a password change kept working (D5 amended):
// hashed only on that rare path, for tokens older than the user's cut-off.
func keptToken(keptHash *string, token string) bool {
	return keptHash != nil && subtle.ConstantTimeCompare([]byte(*keptHash), []byte(TokenHash(token))) == 1
}

// authenticateAccess authenticates a refresh-mode access token. Legacy tokens {id} and
// refresh tokens are refused (contract §9.3). Sessions, not tokens_valid_after, say which
// access tokens still work: every revocation ends the sessions.
func (s *Service) authenticateAccess(ctx context.Context, token string) (*Principal, error) {
	claims, err := s.tokens.VerifySession(token, tokenAccess)
	if err != nil {
		return nil, err
	}
	row, err := s.store.Q.GetAuthSessionUser(s.store.PointRead(ctx), db.GetAuthSessionUserParams{SessionID: claims.SessionID, Now: s.now(), ID: claims.UserID})
	if store.IsNotFound(err) {
		return nil, ErrUserInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("load user: %w", err)
	}
	return s.principal(ctx, db.GetAuthUserRow{
		ID: row.ID, DocumentID: row.DocumentID, Username: row.Username, Email: row.Email, Provider: row.Provider,
		Confirmed: row.Confirmed, Blocked: row.Blocked, RoleID: row.RoleID, TokensValidAfter: row.TokensValidAfter,
		CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt, PublishedAt: row.PublishedAt, Profile: row.Profile,
		RolePermVersion: row.RolePermVersion,
	}, row.SessionID != nil, claims.SessionID)
}

// principal is the principal of an authenticated user, refused as Strapi refuses it (a
// blocked or unconfirmed user, no role), or when its session has ended (D5).
func (s *Service) principal(ctx context.Context, row db.GetAuthUserRow, sessionAlive bool, sessionID string) (*Principal, error) {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return nil, err
	}
	if row.Blocked || (adv.EmailConfirmation && !row.Confirmed) {
		return nil, ErrUserInvalid
	}
	if !sessionAlive { // logged out, revoked, or the family reached its absolute expiry
		return nil, ErrTokenInvalid
	}
	if row.RoleID == nil || row.RolePermVersion == nil {
		return nil, ErrTokenInvalid
	}
	actions, err := s.perms.ForRole(ctx, *row.RoleID, *row.RolePermVersion)
	if err != nil {
		return nil, err
	}
	u := userFromAuthRow(row)
	return &Principal{User: &u, Actions: actions, SessionID: sessionID}, nil
}

// CurrentUserRole is the role of the caller p, for GET /api/users/me?populate=role (decision
// D11: a caller sees their own role whether or not they may list roles); nil when the
// caller has no user or no role, or the role was deleted since the request was
// authenticated.
func (s *Service) CurrentUserRole(ctx context.Context, p *Principal) (*db.UpRole, error) {
	if p == nil || p.User == nil || p.User.RoleID == nil {
		return nil, nil
	}
	role, err := s.store.Q.GetRole(ctx, *p.User.RoleID)
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load role: %w", err)
	}
	return &role, nil
}

// issue returns a JWT for u. Tokens are issued no earlier than the user's
// tokens_valid_after, so a token minted right after a password change outlives it.
func (s *Service) issue(u db.UpUser) (string, error) {
	return s.tokens.Issue(u.ID, max(s.now().Unix(), u.TokensValidAfter))
}

// RegisterInput is the body of a registration.
type RegisterInput struct {
	Username, Email, Password string
	UserAgent                 string         // refresh mode: the device name of the session
	Fields                    map[string]any // custom user fields (register.allowedFields), as sent
}

// Register creates a local user with the default role and returns it with a JWT (and in
// refresh mode a session: a random device id, as Strapi's register cannot take deviceId).
// With the advanced setting email_confirmation on, the user is created unconfirmed, the
// confirmation mail is queued, and no JWT is returned (Issued{}).
func (s *Service) Register(ctx context.Context, in RegisterInput) (db.UpUser, Issued, error) {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if !adv.AllowRegister {
		return db.UpUser{}, Issued{}, ErrRegisterDisabled
	}
	if f, bad := usernameInvisible(in.Username); bad {
		return db.UpUser{}, Issued{}, apierror.Invalid(f)
	}
	if f, tooLong := passwordTooLong(in.Password); tooLong {
		return db.UpUser{}, Issued{}, apierror.Invalid(f)
	}
	role, err := s.store.Q.GetRoleByType(ctx, adv.DefaultRole)
	if store.IsNotFound(err) {
		return db.UpUser{}, Issued{}, ErrNoDefaultRole
	}
	if err != nil {
		return db.UpUser{}, Issued{}, fmt.Errorf("default role: %w", err)
	}
	email := strings.ToLower(in.Email)
	// Checked here, to spare a hash when taken, and again in the transaction, to be sure.
	if err := registerConflicts(ctx, s.store.Q, email, in.Username, adv.UniqueEmail); err != nil {
		return db.UpUser{}, Issued{}, err
	}
	// The custom fields register accepts (the spec refused the others), as the entity
	// validator checks a creation.
	vals, fieldErrs, err := s.checkFields(ctx, in.Fields, true, 0)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if len(fieldErrs) > 0 {
		return db.UpUser{}, Issued{}, apierror.Invalid(fieldErrs...)
	}
	profileJSON, err := encodeFields(vals)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	params := db.CreateUserParams{
		DocumentID: store.NewDocumentID(),
		Username:   in.Username,
		Email:      email,
		Provider:   "local",
		Password:   &hash,
		Confirmed:  !adv.EmailConfirmation,
		RoleID:     &role.ID,
		Profile:    profileJSON,
		Now:        s.now(),
	}
	var tpls settings.EmailTemplates
	if adv.EmailConfirmation {
		if tpls, err = s.Settings.Templates(ctx); err != nil {
			return db.UpUser{}, Issued{}, err
		}
	}
	// One transaction: the user and either its confirmation (token and mail, D4: the user
	// exists with a working link on its way, or nothing happened), or what a login answers
	// (a legacy JWT, or the user's first session). It holds a lock on the email and the
	// username, under which it checks them again: no unique index covers one account's
	// username being another's email, and two registrations racing on that pair would both
	// pass a check made outside.
	var (
		u   db.UpUser
		iss Issued
	)
	err = s.store.InTxLocked(ctx, []string{"identifier:" + email, "identifier:" + in.Username}, func(q store.Querier) error {
		if err := registerConflicts(ctx, q, email, in.Username, adv.UniqueEmail); err != nil {
			return err
		}
		var err error
		if u, err = q.CreateUser(ctx, params); err != nil {
			return err
		}
		if adv.EmailConfirmation { // no JWT until the email is confirmed
			return s.queueConfirmationMail(ctx, q, u, tpls, params.Now)
		}
		iss, err = s.issueFor(ctx, q, u, newUUID(), DeviceName(in.UserAgent))
		return err
	})
	if err != nil {
		return db.UpUser{}, Issued{}, registerError(err)
	}
	if adv.EmailConfirmation {
		s.o.MailRequested()
	}
	return u, iss, nil
}

// registerConflicts refuses a registration whose email (lower-cased) or username is
// already an account's email or username, either way round: with Strapi's rules, an
// account of another provider conflicts only when unique_email is on.
func registerConflicts(ctx context.Context, q store.Querier, email, username string, uniqueEmail bool) error {
	providers, err := q.RegisterConflicts(ctx, db.RegisterConflictsParams{Email: email, Username: username})
	if err != nil {
		return fmt.Errorf("check conflicts: %w", err)
	}
	for _, p := range providers {
		if p == "local" || uniqueEmail {
			return ErrTaken
		}
	}
	return nil
}

// registerError is the answer to a registration whose transaction failed with err.
func registerError(err error) error {
	var ae *apierror.Error
	switch {
	case errors.As(err, &ae):
		return err
	case fieldTaken(err) != nil: // a concurrent write took a unique custom field's value
		return fieldTaken(err)
	case store.IsUniqueViolation(err): // a concurrent registration won the race
		return ErrTaken
	case store.IsForeignKeyViolation(err): // the default role was deleted since it was read
		return ErrNoDefaultRole
	}
	return fmt.Errorf("register: %w", err)
}

// Login checks an identifier (email or username) and a password. In refresh mode it starts
// a session for c.
func (s *Service) Login(ctx context.Context, identifier, password string, c Client) (db.UpUser, Issued, error) {
	// Strapi's callback route checks its provider first: "email" is the local one, which an
	// operator may disable (mtb-api providers disable email) to leave only the others.
	if local, _, err := s.Settings.Provider(ctx, "email"); err != nil {
		return db.UpUser{}, Issued{}, err
	} else if !local.Enabled {
		return db.UpUser{}, Issued{}, ErrProviderDisabled
	}
	u, err := s.store.Q.FindLoginUser(ctx, db.FindLoginUserParams{Email: strings.ToLower(identifier), Username: identifier})
	found := err == nil
	if err != nil && !store.IsNotFound(err) {
		return db.UpUser{}, Issued{}, fmt.Errorf("find user: %w", err)
	}
	hash := ""
	if found && u.Password != nil {
		hash = *u.Password
	}
	// Unknown users cost a bcrypt check too, so timing does not tell who exists (D7).
	ok, err := s.hasher.Check(ctx, hash, password)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if !ok {
		return db.UpUser{}, Issued{}, ErrInvalidCredentials
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if adv.EmailConfirmation && !u.Confirmed {
		return db.UpUser{}, Issued{}, ErrNotConfirmed
	}
	if u.Blocked {
		return db.UpUser{}, Issued{}, ErrBlocked
	}
	iss, err := s.issueFor(ctx, s.store.Q, u, c.DeviceID, DeviceName(c.UserAgent))
	return u, iss, err
}

// Mail kinds in the outbox.
const (
	MailResetPassword     = "reset_password"
	MailEmailConfirmation = "email_confirmation"
)

// ForgotPassword queues a request for a reset mail and returns. The mail sender resolves
// the request (ResolveMailRequest), so this does the same work, in the same time, whether
// or not an account has that email (D7).
func (s *Service) ForgotPassword(ctx context.Context, email string) error {
	now := s.now()
	err := s.store.Q.EnqueueMail(ctx, db.EnqueueMailParams{
		Kind: MailResetPassword, Recipient: strings.ToLower(email), Status: "requested", Now: now,
	})
	if err != nil {
		return fmt.Errorf("queue reset mail: %w", err)
	}
	s.o.MailRequested()
	return nil
}

// ResolveMailRequest turns a 'requested' outbox row into a rendered mail, in one
// transaction with the state it needs (the reset code or the confirmation token), or
// deletes the row when there is nobody to write to. It is called by the mail sender.
func (s *Service) ResolveMailRequest(ctx context.Context, m db.MailOutbox) error {
	switch m.Kind {
	case MailResetPassword:
		return s.resolveResetPassword(ctx, m)
	case MailEmailConfirmation:
		return s.resolveEmailConfirmation(ctx, m)
	}
	return fmt.Errorf("outbox row %d: unknown kind %q", m.ID, m.Kind)
}

// resolveResetPassword turns a requested reset mail into a new reset code (the previous one
// stops working) and the rendered mail, in one transaction, or deletes the request when no
// account has that email or the account is blocked.
func (s *Service) resolveResetPassword(ctx context.Context, m db.MailOutbox) error {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return err
	}
	tpls, err := s.Settings.Templates(ctx)
	if err != nil {
		return err
	}
	return s.store.InTx(ctx, func(q store.Querier) error {
		u, err := q.GetUserByEmail(ctx, m.Recipient)
		if store.IsNotFound(err) || (err == nil && u.Blocked) {
			return dropMail(ctx, q, m)
		}
		if err != nil {
			return fmt.Errorf("find user: %w", err)
		}
		now := s.now()
		code := newCode(64)
		// A new code replaces the previous one, which stops working (D4).
		err = q.SetResetPasswordToken(ctx, db.SetResetPasswordTokenParams{
			ID: u.ID, TokenHash: ptr(hashCode(code)), ExpiresAt: ptr(now.Add(s.o.ResetTTL)), Now: now,
		})
		if err != nil {
			return fmt.Errorf("store reset code: %w", err)
		}
		r := s.resetMail(u, code, adv, tpls)
		return renderMail(ctx, q, m, r)
	})
}

// ErrMailLeaseLost means the outbox row being resolved was claimed by another sender
// meanwhile (its lease had expired): nothing was written, and that sender resolves it.
var ErrMailLeaseLost = errors.New("mail outbox: lease lost while the mail was prepared")

// renderMail writes the rendered mail r into the outbox row m, under m's lease.
func renderMail(ctx context.Context, q store.Querier, m db.MailOutbox, r db.RenderMailParams) error {
	r.ID, r.LeaseToken = m.ID, m.LeaseToken
	n, err := q.RenderMail(ctx, r)
	return underLease(n, err)
}

// dropMail deletes the outbox row m, a request there is nobody to write to, under m's lease.
func dropMail(ctx context.Context, q store.Querier, m db.MailOutbox) error {
	n, err := q.DeleteMail(ctx, db.DeleteMailParams{ID: m.ID, LeaseToken: m.LeaseToken})
	return underLease(n, err)
}

func underLease(n int64, err error) error {
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if n == 0 {
		return ErrMailLeaseLost // rolls the code made for the mail back with it
	}
	return nil
}

// resetMail renders the reset mail of u carrying code, as Strapi's forgotPassword does: URL
// is the advanced setting email_reset_password, the code is TOKEN, and the template's
// sender is used when it has a name or an address (otherwise EMAIL_DEFAULT_FROM).
func (s *Service) resetMail(u db.UpUser, code string, adv settings.Advanced, tpls settings.EmailTemplates) db.RenderMailParams {
	opts := tpls.ResetPassword.Options
	from := fromHeader(opts)
	if from == "" {
		from = s.o.DefaultFrom
	}
	return s.renderMail(u, opts, from, deref(adv.EmailResetPassword), "TOKEN", code)
}

// ResetPasswordInput is the body of a password reset.
type ResetPasswordInput struct {
	Code, Password, PasswordConfirmation string
}

// ResetPassword sets a new password with a reset code. The code works once: of two
// concurrent resets with one code, exactly one succeeds. Every token issued to the user
// before the reset stops working and every session of the user ends, a pending change of
// email is cancelled and the password_reset_done notice is queued, in the transaction that
// sets the password (D5, D10); in refresh mode a new session starts (contract §7.6).
func (s *Service) ResetPassword(ctx context.Context, in ResetPasswordInput) (db.UpUser, Issued, error) {
	if err := checkNewPassword(in.Password, in.PasswordConfirmation); err != nil {
		return db.UpUser{}, Issued{}, err
	}
	codeHash := hashCode(in.Code)
	u, err := s.store.Q.GetUserByResetToken(ctx, db.GetUserByResetTokenParams{TokenHash: &codeHash, Now: ptr(s.now())})
	if store.IsNotFound(err) {
		return db.UpUser{}, Issued{}, ErrIncorrectCode
	}
	if err != nil {
		return db.UpUser{}, Issued{}, fmt.Errorf("find reset code: %w", err)
	}
	if u.Blocked { // as login refuses them (D1); blocking also clears the code
		return db.UpUser{}, Issued{}, ErrBlocked
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	tpls, err := s.Settings.Templates(ctx)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	now := s.now()
	validAfter := revokeAfter(now, u.TokensValidAfter)
	u.TokensValidAfter = validAfter
	var iss Issued
	err = s.store.InTx(ctx, func(q store.Querier) error {
		n, err := q.ResetPassword(ctx, db.ResetPasswordParams{
			ID: u.ID, Password: &hash, TokenHash: &codeHash, TokensValidAfter: validAfter, Now: now,
		})
		if err != nil {
			return fmt.Errorf("reset password: %w", err)
		}
		if n == 0 { // used by a concurrent reset, expired or blocked meanwhile
			return ErrIncorrectCode
		}
		if err := s.passwordSet(ctx, q, u, MailPasswordResetDone, tpls.PasswordResetDone, now); err != nil {
			return err
		}
		iss, err = s.restartSessions(ctx, q, u)
		return err
	})
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	s.o.MailRequested()
	// Like Strapi, answer with the user as read before the update.
	return u, iss, nil
}

// restartSessions ends every session of u after a password change or reset and returns
// the answer's tokens: a legacy JWT, or in refresh mode those of a new session with a
// random device id and no device name, as Strapi's reissueTokensAfterPasswordChange.
func (s *Service) restartSessions(ctx context.Context, q store.Querier, u db.UpUser) (Issued, error) {
	if _, err := q.DeleteUserSessions(ctx, u.ID); err != nil {
		return Issued{}, fmt.Errorf("end sessions: %w", err)
	}
	return s.issueFor(ctx, q, u, newUUID(), "")
}

// revokeAfter is the tokens_valid_after that revokes every legacy JWT issued to a user so
// far, given the current one, cur: past this second, and past cur. A token is issued no
// earlier than tokens_valid_after (issue), so the one an earlier change issued in the same
// second, or on an instance whose clock is ahead, has iat = cur and dies too:
// tokens_valid_after only moves forward.
func revokeAfter(now time.Time, cur int64) int64 { return max(now.Unix(), cur) + 1 }

// userFromAuthRow is the user of an authenticated request: the columns it needs, no
// password hash or one-time code.
func userFromAuthRow(r db.GetAuthUserRow) db.UpUser {
	return db.UpUser{
		ID: r.ID, DocumentID: r.DocumentID, Username: r.Username, Email: r.Email, Provider: r.Provider,
		Confirmed: r.Confirmed, Blocked: r.Blocked, RoleID: r.RoleID, TokensValidAfter: r.TokensValidAfter,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, PublishedAt: r.PublishedAt, Profile: r.Profile,
	}
}

func ptr[T any](v T) *T { return &v }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
