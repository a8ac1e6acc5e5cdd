package auth

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Sign-in with an OAuth provider (contract §7.3, §7.4), Strapi 5.54's three legs with the
// provider session kept here, server-side (provider_sessions), where Strapi keeps it in its
// signed koa.sess cookie: the browser holds only a random handle, so the state, the PKCE
// verifier and the nonce never leave the server, and the provider's tokens are not kept at
// all (the redirect back reads the profile and keeps that).

// ProviderSessionTTL is how long a sign-in may take, from the start leg to the callback.
const ProviderSessionTTL = 10 * time.Minute

// The answers of the provider routes, worded as Strapi's.
var (
	ErrUnknownProvider       = &apierror.Error{Kind: apierror.Application, Message: "Unknown OAuth provider"}
	ErrCallbackNotConfigured = &apierror.Error{Kind: apierror.Application, Message: "Provider callback URL is not configured"}
	ErrNoProviderSession     = &apierror.Error{Kind: apierror.Application, Message: "OAuth authentication requires a completed provider session"}
	ErrProviderRegisterOff   = &apierror.Error{Kind: apierror.Application, Message: "Register action is actually not available."}
	ErrProviderEmailTaken    = &apierror.Error{Kind: apierror.Application, Message: "Email is already taken."}
	// ErrProviderBlocked is Strapi's 400 (its ForbiddenError re-thrown as an
	// ApplicationError): D1's 403 is login's, the route the guide documents.
	ErrProviderBlocked = &apierror.Error{Kind: apierror.Application, Message: "Your account has been blocked by an administrator"}
	// ErrProviderUnreachable: the provider's OpenID Connect discovery could not be read.
	ErrProviderUnreachable = &apierror.Error{Kind: apierror.Unavailable, Message: "The provider could not be reached"}
)

// invalidCallback is Strapi's refusal of a ?callback= that is not the configured one.
func invalidCallback(value string) *apierror.Error {
	return &apierror.Error{Kind: apierror.Validation, Message: "Invalid callback URL provided", Callback: &value}
}

// enabledProvider returns the settings of provider name when it is enabled (with the
// settings it needs), and Strapi's `This provider is disabled` otherwise (unknown names
// included). The local provider
// ("email") is not one of these routes' providers.
func (s *Service) enabledProvider(ctx context.Context, name string) (oauth.Settings, error) {
	ps, ok, err := s.Settings.Provider(ctx, name)
	if err != nil {
		return oauth.Settings{}, err
	}
	if !ok || !ps.Enabled || name == "email" {
		return oauth.Settings{}, ErrProviderDisabled
	}
	if !oauth.Known(name) {
		return oauth.Settings{}, ErrUnknownProvider
	}
	// Enabled without what it needs (stored by hand or imported; the CLI refuses it): no
	// provider would take it, so it counts as disabled.
	if m := oauth.Missing(name, ps); len(m) > 0 {
		s.o.Logger.WarnContext(ctx, "provider enabled without its settings: answered as disabled", "provider", name, "missing", m)
		return oauth.Settings{}, ErrProviderDisabled
	}
	return ps, nil
}

// frontendCallback is where the redirect back sends the browser: the provider's configured
// callback, by default this server's own /api/auth/<name>/callback (Strapi's default,
// which answers the JWT to the browser itself).
func (s *Service) frontendCallback(name string, ps oauth.Settings) string {
	if ps.Callback != "" {
		return ps.Callback
	}
	return s.o.PublicURL + "/api/auth/" + name + "/callback"
}

// redirectURI is the URL the provider sends the browser back to (register it there).
func (s *Service) redirectURI(name string) string {
	return s.o.PublicURL + "/api/connect/" + name + "/callback"
}

// StartProviderSignIn is the start leg, GET /api/connect/<name>: it checks callback (when
// given: exactly the configured one), starts a provider session, and returns the
// provider's authorize URL and the session's handle for the browser's cookie. previous is
// the handle the browser already had, if any: that session ends.
func (s *Service) StartProviderSignIn(ctx context.Context, name string, callback *string, previous string) (to, handle string, err error) {
	ps, err := s.enabledProvider(ctx, name)
	if err != nil {
		return "", "", err
	}
	// Strapi accepts any URL of the configured one's origin and path; only the configured URL
	// itself can be sent a signed-in browser here (no open redirect, no other page).
	if callback != nil && *callback != s.frontendCallback(name, ps) {
		return "", "", invalidCallback(*callback)
	}
	begun, err := s.o.OAuth.Begin(ctx, name, ps, s.redirectURI(name))
	switch {
	case errors.Is(err, oauth.ErrUnknownProvider):
		return "", "", ErrUnknownProvider
	case err != nil:
		s.o.Logger.WarnContext(ctx, "provider sign-in not started", "provider", name, "err", err)
		return "", "", ErrProviderUnreachable
	}
	handle = newCode(32)
	now := s.now()
	err = s.store.InTx(ctx, func(q store.Querier) error {
		if previous != "" {
			if err := q.DeleteProviderSession(ctx, hashCode(previous)); err != nil {
				return err
			}
		}
		return q.CreateProviderSession(ctx, db.CreateProviderSessionParams{
			ID: hashCode(handle), Provider: name, State: &begun.State, Verifier: begun.Verifier, Nonce: begun.Nonce,
			Callback: callback, Now: now, ExpiresAt: now.Add(ProviderSessionTTL),
		})
	})
	if err != nil {
		return "", "", fmt.Errorf("start provider session: %w", err)
	}
	return begun.URL, handle, nil
}

// ProviderReturn is the query of the provider's redirect back.
type ProviderReturn struct {
	Code, State, Error, ErrorDescription string
}

// ProviderRedirect is the provider's redirect back, GET /api/connect/<name>/callback, with
// the browser's provider session handle: it returns where the browser goes next (the
// frontend callback, with error and error_description when the sign-in failed, as Strapi
// sends them) and whether the session ended (its cookie is to be cleared). On success the
// session holds the verified profile, or the provider's reason to refuse it, for
// ProviderSignIn.
func (s *Service) ProviderRedirect(ctx context.Context, name, handle string, in ProviderReturn) (to string, ended bool, err error) {
	ps, err := s.enabledProvider(ctx, name)
	if err != nil {
		return "", false, err
	}
	now := s.now()
	var row *db.ProviderSession
	if handle != "" {
		r, err := s.store.Q.GetProviderSession(ctx, db.GetProviderSessionParams{ID: hashCode(handle), Now: now})
		switch {
		case err == nil && r.Provider == name:
			row = &r
		case err != nil && !store.IsNotFound(err):
			return "", false, fmt.Errorf("read provider session: %w", err)
		}
	}
	callback := s.frontendCallback(name, ps)
	if row != nil && row.Callback != nil {
		callback = *row.Callback
	}
	if callback == "" {
		return "", false, ErrCallbackNotConfigured
	}
	fail := func(code, description string) (string, bool, error) {
		if row != nil {
			if err := s.store.Q.DeleteProviderSession(ctx, row.ID); err != nil {
				return "", false, fmt.Errorf("end provider session: %w", err)
			}
		}
		return withQuery(callback, url.Values{"error": {code}, "error_description": {description}}), true, nil
	}
	switch {
	case in.Error != "":
		return fail(in.Error, in.ErrorDescription)
	case in.Code == "":
		return fail("oauth_error", "OAuth2 missing code parameter")
	case row == nil || in.State == "":
		return fail("oauth_error", "OAuth2 state mismatch")
	}
	// The state is taken in one statement: of two redirects with it (a replay), one gets it.
	taken, err := s.store.Q.ConsumeProviderState(ctx, db.ConsumeProviderStateParams{ID: row.ID, Provider: name, State: &in.State, Now: now})
	if store.IsNotFound(err) {
		return fail("oauth_error", "OAuth2 state mismatch")
	}
	if err != nil {
		return "", false, fmt.Errorf("take provider state: %w", err)
	}
	prof, err := s.o.OAuth.Finish(ctx, name, ps, s.redirectURI(name), in.Code, oauth.Begun{Verifier: taken.Verifier, Nonce: taken.Nonce})
	var (
		xe *oauth.ExchangeError
		pe *oauth.ProfileError
	)
	done := db.CompleteProviderSessionParams{ID: row.ID}
	switch {
	case errors.As(err, &xe):
		return fail("oauth_error", xe.Message)
	case errors.As(err, &pe): // answered by the callback route, as Strapi answers it there
		done.Error = &pe.Message
	case err != nil:
		s.o.Logger.WarnContext(ctx, "provider sign-in failed", "provider", name, "err", err)
		return fail("oauth_error", "The provider could not be reached")
	default:
		email := strings.ToLower(prof.Email)
		done.Email, done.Username = &email, &prof.Username
	}
	if err := s.store.Q.CompleteProviderSession(ctx, done); err != nil {
		return "", false, fmt.Errorf("complete provider session: %w", err)
	}
	return withQuery(callback, nil), false, nil
}

// withQuery is u with its query replaced by q (none when q is empty), as Strapi's
// redirectWithPayload sets url.search.
func withQuery(u string, q url.Values) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.RawQuery = q.Encode()
	p.ForceQuery = false
	return p.String()
}

// ProviderSignIn is GET /api/auth/<name>/callback: it uses the browser's provider session
// once, links its profile to an account by Strapi's rules, and answers as login does.
//
// Linking (Strapi's providers.connect): the account with the profile's email and this
// provider signs in; without one, a new account is created with the default role and
// confirmed, unless registration is off or the email is another account's. Strapi creates
// a second account with the same email when unique_email is off; here every email has one
// account (a unique index), so that answers `Email is already taken.` too. The check and
// the creation run under a lock on the email: concurrent first sign-ins of one person make
// one account.
func (s *Service) ProviderSignIn(ctx context.Context, name, handle string, c Client) (db.UpUser, Issued, error) {
	if _, err := s.enabledProvider(ctx, name); err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if handle == "" {
		return db.UpUser{}, Issued{}, ErrNoProviderSession
	}
	id := hashCode(handle)
	row, err := s.store.Q.GetProviderSession(ctx, db.GetProviderSessionParams{ID: id, Now: s.now()})
	if store.IsNotFound(err) {
		return db.UpUser{}, Issued{}, ErrNoProviderSession
	}
	if err != nil {
		return db.UpUser{}, Issued{}, fmt.Errorf("read provider session: %w", err)
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	email := deref(row.Email)
	var (
		u   db.UpUser
		iss Issued
	)
	for attempt := 0; ; attempt++ {
		err = s.store.InTxLocked(ctx, []string{"identifier:" + email}, func(q store.Querier) error {
			taken, err := q.TakeProviderSession(ctx, db.TakeProviderSessionParams{ID: id, Provider: name, Now: s.now()})
			if store.IsNotFound(err) {
				return ErrNoProviderSession
			}
			if err != nil {
				return fmt.Errorf("take provider session: %w", err)
			}
			if taken.Error != nil {
				return &apierror.Error{Kind: apierror.Application, Message: *taken.Error}
			}
			if deref(taken.Email) != email { // cannot change once completed; read again to be sure
				return ErrNoProviderSession
			}
			if u, err = s.linkProviderAccount(ctx, q, name, email, deref(taken.Username), adv.AllowRegister, adv.DefaultRole); err != nil {
				return err
			}
			if u.Blocked {
				return ErrProviderBlocked
			}
			deviceID := c.DeviceID
			if deviceID == "" {
				deviceID = newUUID()
			}
			iss, err = s.issueFor(ctx, q, u, deviceID, DeviceName(c.UserAgent))
			return err
		})
		// A concurrent first sign-in took the username drawn (the email is locked): draw again.
		if err == nil || attempt == 2 || !store.IsUniqueViolation(err) {
			break
		}
	}
	var ae *apierror.Error
	if errors.As(err, &ae) && ae != ErrNoProviderSession {
		// Refused: the session is used all the same (a refusal does not change on a retry).
		if derr := s.store.Q.DeleteProviderSession(ctx, id); derr != nil {
			return db.UpUser{}, Issued{}, fmt.Errorf("end provider session: %w", derr)
		}
	}
	if err != nil {
		if store.IsUniqueViolation(err) {
			return db.UpUser{}, Issued{}, ErrProviderEmailTaken
		}
		if store.IsForeignKeyViolation(err) {
			return db.UpUser{}, Issued{}, ErrNoDefaultRole
		}
		return db.UpUser{}, Issued{}, err
	}
	return u, iss, nil
}

// linkProviderAccount finds or creates the account of a provider sign-in, in q's
// transaction (see ProviderSignIn).
func (s *Service) linkProviderAccount(ctx context.Context, q store.Querier, name, email, username string, allowRegister bool, defaultRole string) (db.UpUser, error) {
	if email == "" {
		return db.UpUser{}, &apierror.Error{Kind: apierror.Application, Message: "Email was not available."}
	}
	users, err := q.ProviderUsersByEmail(ctx, email)
	if err != nil {
		return db.UpUser{}, fmt.Errorf("find provider users: %w", err)
	}
	for _, u := range users {
		if u.Provider == name {
			return u, nil
		}
	}
	if !allowRegister {
		return db.UpUser{}, ErrProviderRegisterOff
	}
	if len(users) > 0 {
		return db.UpUser{}, ErrProviderEmailTaken
	}
	role, err := q.GetRoleByType(ctx, defaultRole)
	if store.IsNotFound(err) {
		return db.UpUser{}, ErrNoDefaultRole
	}
	if err != nil {
		return db.UpUser{}, fmt.Errorf("default role: %w", err)
	}
	base := strings.TrimSpace(username)
	if _, bad := usernameInvisible(base); bad || base == "" {
		base, _, _ = strings.Cut(email, "@")
	}
	uname, err := findValidUsername(ctx, q, base)
	if err != nil {
		return db.UpUser{}, err
	}
	u, err := q.CreateUser(ctx, db.CreateUserParams{
		DocumentID: store.NewDocumentID(), Username: uname, Email: email, Provider: name,
		Confirmed: true, RoleID: &role.ID, Now: s.now(),
	})
	if err != nil {
		return db.UpUser{}, fmt.Errorf("create provider user: %w", err)
	}
	return u, nil
}

// maxUsernameAttempts is Strapi's MAX_USERNAME_ATTEMPTS.
const maxUsernameAttempts = 10

// findValidUsername is Strapi's: base itself when it has at least 3 characters and is
// free, else base with a random suffix of 4 digits, up to 10 more tries, then a UUID.
func findValidUsername(ctx context.Context, q store.Querier, base string) (string, error) {
	tryBase := utf8.RuneCountInString(base) >= 3
	for attempt := 0; attempt <= maxUsernameAttempts; attempt++ {
		candidate := base
		if attempt > 0 || !tryBase {
			n, err := rand.Int(rand.Reader, big.NewInt(9999-1000))
			if err != nil {
				return "", err
			}
			candidate = fmt.Sprintf("%s%d", base, 1000+n.Int64())
		}
		taken, err := q.UsernameTaken(ctx, candidate)
		if err != nil {
			return "", fmt.Errorf("check username: %w", err)
		}
		if !taken {
			return candidate, nil
		}
	}
	return newUUID(), nil
}

// CleanupProviderSessions deletes the provider sessions that expired.
func (s *Service) CleanupProviderSessions(ctx context.Context) (int64, error) {
	return deleteInBatches(ctx, "expired provider sessions", func() (int64, error) {
		return s.store.Q.DeleteExpiredProviderSessions(ctx, db.DeleteExpiredProviderSessionsParams{Now: s.now(), MaxRows: sessionCleanupBatch})
	})
}
