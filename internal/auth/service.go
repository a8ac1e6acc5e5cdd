// Package auth owns users and their credentials: registration, login, tokens, password
// recovery, and the roles and permissions every request is checked against. It speaks
// Strapi's rules and wording; the HTTP layer only translates.
package auth

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/pgdb"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Options configure a Service.
type Options struct {
	JWTSecret     string
	APITokenSalt  string // API_TOKEN_SALT, or the development one (APITokenSalt); "": no API tokens
	JWTTTL        time.Duration
	BcryptCost    int
	HashWorkers   int
	HashQueue     int
	ResetTTL      time.Duration
	ConfirmTTL    time.Duration
	PublicURL     string // where clients reach this server (templates' SERVER_URL)
	DefaultFrom   string // sender when a template has none
	DefaultReply  string
	Logger        *slog.Logger
	Now           func() time.Time // for tests; time.Now by default
	MailRequested func()           // wakes the mail sender after a mail was queued
	Sessions      SessionOptions   // Strapi's refresh mode (JWT_MANAGEMENT=refresh)
}

// Service implements the auth rules over the store.
type Service struct {
	store    *store.Store
	hasher   *Hasher
	tokens   *Tokens
	Settings *Settings
	perms    *permissions
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
	return &Service{
		store:    st,
		hasher:   NewHasher(o.BcryptCost, o.HashWorkers, o.HashQueue),
		tokens:   NewTokens(o.JWTSecret, o.JWTTTL),
		Settings: NewSettings(st),
		perms:    newPermissions(st),
		o:        o,
	}
}

func (s *Service) now() time.Time { return s.o.Now().UTC() }

// Principal is who a request acts as: a user with their role, or the Public role.
type Principal struct {
	User      *pgdb.UpUser // nil for anonymous callers
	Actions   Actions
	SessionID string // refresh mode: the session of the access token
}

// Anonymous is the Public role's principal. With no public role or no public permission
// at all, Strapi refuses anonymous requests with 401, and so does this.
func (s *Service) Anonymous(ctx context.Context) (*Principal, error) {
	roles, err := s.store.Q.PublicRoles(ctx)
	if err != nil {
		return nil, fmt.Errorf("public roles: %w", err)
	}
	actions := Actions{}
	for _, r := range roles {
		a, err := s.perms.forRole(ctx, r.ID, r.PermVersion)
		if err != nil {
			return nil, err
		}
		if len(roles) == 1 {
			actions = a
			break
		}
		for k := range a {
			actions[k] = struct{}{}
		}
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
	row, err := s.store.Q.GetAuthUser(ctx, claims.UserID)
	if store.IsNotFound(err) {
		return nil, ErrUserInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("load user: %w", err)
	}
	if claims.IssuedAt < row.TokensValidAfter { // revoked by a password change (D5)
		return nil, ErrTokenInvalid
	}
	return s.principal(ctx, row, true, "")
}

// authenticateAccess authenticates a refresh-mode access token. Legacy tokens {id} and
// refresh tokens are refused (contract §9.3). Sessions, not tokens_valid_after, say which
// access tokens still work: every revocation ends the sessions.
func (s *Service) authenticateAccess(ctx context.Context, token string) (*Principal, error) {
	claims, err := s.tokens.VerifySession(token, tokenAccess)
	if err != nil {
		return nil, err
	}
	row, err := s.store.Q.GetAuthSessionUser(ctx, pgdb.GetAuthSessionUserParams{SessionID: claims.SessionID, Now: s.now(), ID: claims.UserID})
	if store.IsNotFound(err) {
		return nil, ErrUserInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("load user: %w", err)
	}
	return s.principal(ctx, pgdb.GetAuthUserRow{
		ID: row.ID, DocumentID: row.DocumentID, Username: row.Username, Email: row.Email, Provider: row.Provider,
		Confirmed: row.Confirmed, Blocked: row.Blocked, RoleID: row.RoleID, TokensValidAfter: row.TokensValidAfter,
		CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt, PublishedAt: row.PublishedAt, RolePermVersion: row.RolePermVersion,
	}, row.SessionID != nil, claims.SessionID)
}

// principal is the principal of an authenticated user, refused as Strapi refuses it (a
// blocked or unconfirmed user, no role), or when its session has ended (D5).
func (s *Service) principal(ctx context.Context, row pgdb.GetAuthUserRow, sessionAlive bool, sessionID string) (*Principal, error) {
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
	actions, err := s.perms.forRole(ctx, *row.RoleID, *row.RolePermVersion)
	if err != nil {
		return nil, err
	}
	u := userFromAuthRow(row)
	return &Principal{User: &u, Actions: actions, SessionID: sessionID}, nil
}

// issue returns a JWT for u. Tokens are issued no earlier than the user's
// tokens_valid_after, so a token minted right after a password change outlives it.
func (s *Service) issue(u pgdb.UpUser) (string, error) {
	return s.tokens.Issue(u.ID, max(s.now().Unix(), u.TokensValidAfter))
}

// RegisterInput is the body of a registration.
type RegisterInput struct {
	Username, Email, Password string
	UserAgent                 string // refresh mode: the device name of the session
}

// Register creates a local user with the default role and returns it with a JWT (and in
// refresh mode a session: a random device id, as Strapi's register cannot take deviceId).
// With the advanced setting email_confirmation on, the user is created unconfirmed, the
// confirmation mail is queued, and no JWT is returned (Issued{}).
func (s *Service) Register(ctx context.Context, in RegisterInput) (pgdb.UpUser, Issued, error) {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	if !adv.AllowRegister {
		return pgdb.UpUser{}, Issued{}, ErrRegisterDisabled
	}
	if len(in.Password) > MaxPasswordBytes {
		return pgdb.UpUser{}, Issued{}, Invalid(FieldInvalid("password", ErrPasswordTooLong.Message, in.Password))
	}
	role, err := s.store.Q.GetRoleByType(ctx, adv.DefaultRole)
	if store.IsNotFound(err) {
		return pgdb.UpUser{}, Issued{}, ErrNoDefaultRole
	}
	if err != nil {
		return pgdb.UpUser{}, Issued{}, fmt.Errorf("default role: %w", err)
	}
	email := strings.ToLower(in.Email)
	providers, err := s.store.Q.RegisterConflicts(ctx, pgdb.RegisterConflictsParams{Email: email, Username: in.Username})
	if err != nil {
		return pgdb.UpUser{}, Issued{}, fmt.Errorf("check conflicts: %w", err)
	}
	for _, p := range providers {
		if p == "local" || adv.UniqueEmail {
			return pgdb.UpUser{}, Issued{}, ErrTaken
		}
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	params := pgdb.CreateUserParams{
		DocumentID: newDocumentID(),
		Username:   in.Username,
		Email:      email,
		Provider:   "local",
		Password:   &hash,
		Confirmed:  !adv.EmailConfirmation,
		RoleID:     &role.ID,
		Now:        s.now(),
	}
	if adv.EmailConfirmation {
		// No JWT: the user, its confirmation token and the mail, in one transaction.
		u, err := s.registerUnconfirmed(ctx, params)
		return u, Issued{}, err
	}
	var (
		u   pgdb.UpUser
		iss Issued
	)
	if s.o.Sessions.Refresh { // the user and its session, in one transaction
		err = s.store.InTx(ctx, func(q store.Querier) error {
			if u, err = q.CreateUser(ctx, params); err != nil {
				return err
			}
			iss, err = s.startSession(ctx, q, u.ID, newUUID(), DeviceName(in.UserAgent))
			return err
		})
	} else {
		u, err = s.store.Q.CreateUser(ctx, params)
	}
	if store.IsUniqueViolation(err) { // a concurrent registration won the race
		return pgdb.UpUser{}, Issued{}, ErrTaken
	}
	if store.IsForeignKeyViolation(err) { // the default role was deleted since it was read
		return pgdb.UpUser{}, Issued{}, ErrNoDefaultRole
	}
	if err != nil {
		return pgdb.UpUser{}, Issued{}, fmt.Errorf("create user: %w", err)
	}
	if s.o.Sessions.Refresh {
		return u, iss, nil
	}
	jwt, err := s.issue(u)
	return u, Issued{JWT: jwt}, err
}

// Login checks an identifier (email or username) and a password. In refresh mode it starts
// a session for c.
func (s *Service) Login(ctx context.Context, identifier, password string, c Client) (pgdb.UpUser, Issued, error) {
	u, err := s.store.Q.FindLoginUser(ctx, pgdb.FindLoginUserParams{Email: strings.ToLower(identifier), Username: identifier})
	found := err == nil
	if err != nil && !store.IsNotFound(err) {
		return pgdb.UpUser{}, Issued{}, fmt.Errorf("find user: %w", err)
	}
	hash := ""
	if found && u.Password != nil {
		hash = *u.Password
	}
	// Unknown users cost a bcrypt check too, so timing does not tell who exists (D7).
	ok, err := s.hasher.Check(ctx, hash, password)
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	if !ok {
		return pgdb.UpUser{}, Issued{}, ErrInvalidCredentials
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	if adv.EmailConfirmation && !u.Confirmed {
		return pgdb.UpUser{}, Issued{}, ErrNotConfirmed
	}
	if u.Blocked {
		return pgdb.UpUser{}, Issued{}, ErrBlocked
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
	err := s.store.Q.EnqueueMail(ctx, pgdb.EnqueueMailParams{
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
func (s *Service) ResolveMailRequest(ctx context.Context, m pgdb.MailOutbox) error {
	switch m.Kind {
	case MailResetPassword:
	case MailEmailConfirmation:
		return s.resolveEmailConfirmation(ctx, m)
	default:
		return fmt.Errorf("outbox row %d: unknown kind %q", m.ID, m.Kind)
	}
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
			return q.DeleteMail(ctx, m.ID)
		}
		if err != nil {
			return fmt.Errorf("find user: %w", err)
		}
		now := s.now()
		code := newCode(64)
		// A new code replaces the previous one, which stops working (D4).
		err = q.SetResetPasswordToken(ctx, pgdb.SetResetPasswordTokenParams{
			ID: u.ID, TokenHash: ptr(hashCode(code)), ExpiresAt: ptr(now.Add(s.o.ResetTTL)), Now: now,
		})
		if err != nil {
			return fmt.Errorf("store reset code: %w", err)
		}
		opts := tpls.ResetPassword.Options
		vars := userVars(u)
		subject := renderTemplate(opts.Object, vars, false)
		vars["URL"] = deref(adv.EmailResetPassword)
		vars["SERVER_URL"] = s.o.PublicURL
		vars["ADMIN_URL"] = s.o.PublicURL + "/admin"
		vars["TOKEN"] = code
		from := fromHeader(opts)
		if from == "" {
			from = s.o.DefaultFrom
		}
		reply := opts.ResponseEmail
		if reply == "" {
			reply = s.o.DefaultReply
		}
		return q.RenderMail(ctx, pgdb.RenderMailParams{
			ID:       m.ID,
			Sender:   from,
			ReplyTo:  reply,
			Subject:  subject,
			BodyText: renderTemplate(opts.Message, vars, false),
			BodyHtml: renderTemplate(opts.Message, vars, true),
		})
	})
}

// ResetPasswordInput is the body of a password reset.
type ResetPasswordInput struct {
	Code, Password, PasswordConfirmation string
}

// ResetPassword sets a new password with a reset code. The code works once: of two
// concurrent resets with one code, exactly one succeeds. Every token issued to the user
// before the reset stops working and every session of the user ends, in the transaction
// that sets the password (D5, D10); in refresh mode a new session starts (contract §7.6).
func (s *Service) ResetPassword(ctx context.Context, in ResetPasswordInput) (pgdb.UpUser, Issued, error) {
	if in.Password != in.PasswordConfirmation {
		return pgdb.UpUser{}, Issued{}, Invalid(FieldInvalid("passwordConfirmation", "Passwords do not match", in.PasswordConfirmation))
	}
	if len(in.Password) > MaxPasswordBytes {
		return pgdb.UpUser{}, Issued{}, Invalid(FieldInvalid("password", ErrPasswordTooLong.Message, in.Password))
	}
	codeHash := hashCode(in.Code)
	u, err := s.store.Q.GetUserByResetToken(ctx, pgdb.GetUserByResetTokenParams{TokenHash: &codeHash, Now: ptr(s.now())})
	if store.IsNotFound(err) {
		return pgdb.UpUser{}, Issued{}, ErrIncorrectCode
	}
	if err != nil {
		return pgdb.UpUser{}, Issued{}, fmt.Errorf("find reset code: %w", err)
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	now := s.now()
	validAfter := now.Unix() + 1 // every token issued up to this second dies
	u.TokensValidAfter = validAfter
	var iss Issued
	err = s.store.InTx(ctx, func(q store.Querier) error {
		n, err := q.ResetPassword(ctx, pgdb.ResetPasswordParams{
			ID: u.ID, Password: &hash, TokenHash: &codeHash, TokensValidAfter: validAfter, Now: now,
		})
		if err != nil {
			return fmt.Errorf("reset password: %w", err)
		}
		if n == 0 { // used by a concurrent reset, or expired meanwhile
			return ErrIncorrectCode
		}
		iss, err = s.restartSessions(ctx, q, u)
		return err
	})
	if err != nil {
		return pgdb.UpUser{}, Issued{}, err
	}
	// Like Strapi, answer with the user as read before the update.
	return u, iss, nil
}

// restartSessions ends every session of u after a password change or reset and returns
// the answer's tokens: a legacy JWT, or in refresh mode those of a new session with a
// random device id and no device name, as Strapi's reissueTokensAfterPasswordChange.
func (s *Service) restartSessions(ctx context.Context, q store.Querier, u pgdb.UpUser) (Issued, error) {
	if _, err := q.DeleteUserSessions(ctx, u.ID); err != nil {
		return Issued{}, fmt.Errorf("end sessions: %w", err)
	}
	return s.issueFor(ctx, q, u, newUUID(), "")
}

// userFromAuthRow is the user of an authenticated request: the columns it needs, no
// password hash or one-time code.
func userFromAuthRow(r pgdb.GetAuthUserRow) pgdb.UpUser {
	return pgdb.UpUser{
		ID: r.ID, DocumentID: r.DocumentID, Username: r.Username, Email: r.Email, Provider: r.Provider,
		Confirmed: r.Confirmed, Blocked: r.Blocked, RoleID: r.RoleID, TokensValidAfter: r.TokensValidAfter,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, PublishedAt: r.PublishedAt,
	}
}

func ptr[T any](v T) *T { return &v }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
