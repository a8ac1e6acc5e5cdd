package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The account routes: change password and email confirmation (contract §7.7–7.9), and the
// OAuth providers, none of which is enabled here (§7.3–7.4).

// The errors of the account routes, worded as Strapi words them.
var (
	ErrNotAuthenticated   = &apierror.Error{Kind: apierror.Application, Message: "You must be authenticated to reset your password"}
	ErrCurrentPassword    = &apierror.Error{Kind: apierror.Validation, Message: "The provided current password is invalid"}
	ErrSamePassword       = &apierror.Error{Kind: apierror.Validation, Message: "Your new password must be different than your current password"}
	ErrAlreadyConfirmed   = &apierror.Error{Kind: apierror.Application, Message: "Already confirmed"}
	ErrConfirmBlocked     = &apierror.Error{Kind: apierror.Application, Message: "User blocked"}
	ErrInvalidConfirmCode = &apierror.Error{Kind: apierror.Validation, Message: "Invalid token"}
	ErrProviderDisabled   = &apierror.Error{Kind: apierror.Application, Message: "This provider is disabled"}
)

// defaultConfirmationTTL is how long a confirmation link works unless configured (D4).
const defaultConfirmationTTL = 24 * time.Hour

func (s *Service) confirmationTTL() time.Duration {
	if s.o.ConfirmTTL > 0 {
		return s.o.ConfirmTTL
	}
	return defaultConfirmationTTL
}

// ChangePasswordInput is the body of a password change.
type ChangePasswordInput struct {
	CurrentPassword, Password, PasswordConfirmation string
}

// ChangePassword sets a new password for the user of p after checking the current one, in
// Strapi's order. Every token issued to the user before the change stops working but, in
// legacy mode, the one p came with, which works until its own exp (decision D5 amended:
// clients such as @nuxtjs/strapi keep it and ignore the new one); every session of the user
// ends; a pending reset code and a pending change of email stop working; the password_changed
// notice is queued. All in the transaction of the guarded statement that sets the password
// (D10). It returns the user as read before the change, as Strapi does, with a new JWT (in
// refresh mode, a new session: contract §7.7).
func (s *Service) ChangePassword(ctx context.Context, p *Principal, in ChangePasswordInput) (db.UpUser, Issued, error) {
	if err := checkNewPassword(in.Password, in.PasswordConfirmation); err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if p == nil || p.User == nil {
		return db.UpUser{}, Issued{}, ErrNotAuthenticated
	}
	var kept *string
	if p.token != "" && !s.o.Sessions.Refresh {
		kept = ptr(TokenHash(p.token))
	}
	u, err := s.store.Q.GetUser(ctx, p.User.ID)
	if store.IsNotFound(err) { // deleted since the request was authenticated
		return db.UpUser{}, Issued{}, ErrUserInvalid
	}
	if err != nil {
		return db.UpUser{}, Issued{}, fmt.Errorf("load user: %w", err)
	}
	current := deref(u.Password)
	// A user without a password (an OAuth account) is checked against the dummy hash.
	ok, err := s.hasher.Check(ctx, current, in.CurrentPassword)
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	if !ok {
		return db.UpUser{}, Issued{}, ErrCurrentPassword
	}
	if in.CurrentPassword == in.Password {
		return db.UpUser{}, Issued{}, ErrSamePassword
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
		n, err := q.ChangePassword(ctx, db.ChangePasswordParams{
			ID: u.ID, Password: &hash, CurrentHash: &current, TokensValidAfter: validAfter, KeptTokenHash: kept, Now: now,
		})
		if err != nil {
			return fmt.Errorf("change password: %w", err)
		}
		if n == 0 { // a concurrent change won: the password checked is no longer the current one
			return ErrCurrentPassword
		}
		if err := s.passwordSet(ctx, q, u, MailPasswordChanged, tpls.PasswordChanged, now); err != nil {
			return err
		}
		iss, err = s.restartSessions(ctx, q, u)
		return err
	})
	if err != nil {
		return db.UpUser{}, Issued{}, err
	}
	s.o.MailRequested()
	return u, iss, nil
}

// passwordSet is what goes with a new password of u, in its transaction q: a pending
// change of email is cancelled (asked for with the old password, perhaps by whoever
// stole it), and the notice tpl goes to u's address.
func (s *Service) passwordSet(ctx context.Context, q store.Querier, u db.UpUser, kind string, tpl settings.EmailTemplate, now time.Time) error {
	if err := q.DeleteEmailChange(ctx, u.ID); err != nil {
		return fmt.Errorf("cancel email change: %w", err)
	}
	return s.queueNotice(ctx, q, kind, u, tpl, now)
}

// queueConfirmationMail stores, with q, the hash of a new confirmation token of the user u,
// who registered unconfirmed, and queues the rendered confirmation mail. Register runs it
// in the transaction that creates u (decision D4), and wakes the mail sender after the
// commit.
func (s *Service) queueConfirmationMail(ctx context.Context, q store.Querier, u db.UpUser, tpls settings.EmailTemplates, now time.Time) error {
	code := newCode(20)
	if err := s.setConfirmationToken(ctx, q, u.ID, code, now); err != nil {
		return err
	}
	m := s.confirmationMail(u, code, tpls)
	err := q.EnqueueMail(ctx, db.EnqueueMailParams{
		Kind: MailEmailConfirmation, Recipient: u.Email, Status: "queued",
		Sender: m.Sender, ReplyTo: m.ReplyTo, Subject: m.Subject, BodyText: m.BodyText, BodyHtml: m.BodyHtml,
		Now: now,
	})
	if err != nil {
		return fmt.Errorf("queue confirmation mail: %w", err)
	}
	return nil
}

// SendEmailConfirmation asks for a new confirmation mail to email and returns the email
// to answer with: the stored one for an account, the one sent otherwise (Strapi's answers).
// A confirmed or blocked account is refused, as in Strapi. For an unknown email and an
// account waiting for confirmation the request does the same work (one read, one queued
// request); the mail sender makes the token and the mail (resolveEmailConfirmation), so the
// timing does not tell them apart (D7).
func (s *Service) SendEmailConfirmation(ctx context.Context, email string) (string, error) {
	lower := strings.ToLower(email)
	u, err := s.store.Q.GetUserByEmail(ctx, lower)
	found := err == nil
	if err != nil && !store.IsNotFound(err) {
		return "", fmt.Errorf("find user: %w", err)
	}
	switch {
	case found && u.Confirmed:
		return "", ErrAlreadyConfirmed
	case found && u.Blocked:
		return "", ErrConfirmBlocked
	}
	err = s.store.Q.EnqueueMail(ctx, db.EnqueueMailParams{
		Kind: MailEmailConfirmation, Recipient: lower, Status: "requested", Now: s.now(),
	})
	if err != nil {
		return "", fmt.Errorf("queue confirmation mail: %w", err)
	}
	s.o.MailRequested()
	if found {
		return u.Email, nil
	}
	return email, nil
}

// resolveEmailConfirmation turns a requested confirmation mail into a new token (the
// previous one stops working) and the rendered mail, in one transaction, or deletes the
// request when the account is gone, blocked or confirmed meanwhile.
func (s *Service) resolveEmailConfirmation(ctx context.Context, m db.MailOutbox) error {
	tpls, err := s.Settings.Templates(ctx)
	if err != nil {
		return err
	}
	return s.store.InTx(ctx, func(q store.Querier) error {
		u, err := q.GetUserByEmail(ctx, m.Recipient)
		if store.IsNotFound(err) || (err == nil && (u.Blocked || u.Confirmed)) {
			return dropMail(ctx, q, m)
		}
		if err != nil {
			return fmt.Errorf("find user: %w", err)
		}
		code := newCode(20)
		if err := s.setConfirmationToken(ctx, q, u.ID, code, s.now()); err != nil {
			return err
		}
		r := s.confirmationMail(u, code, tpls)
		return renderMail(ctx, q, m, r)
	})
}

func (s *Service) setConfirmationToken(ctx context.Context, q store.Querier, userID int64, code string, now time.Time) error {
	err := q.SetConfirmationToken(ctx, db.SetConfirmationTokenParams{
		ID: userID, TokenHash: ptr(hashCode(code)), ExpiresAt: ptr(now.Add(s.confirmationTTL())), Now: now,
	})
	if err != nil {
		return fmt.Errorf("store confirmation token: %w", err)
	}
	return nil
}

// confirmationMail renders the confirmation mail of u carrying code, as Strapi's
// sendConfirmationEmail does: URL is this server's confirmation route, the subject sees
// only USER, and the template's sender is used only when it has both a name and an
// address (otherwise EMAIL_DEFAULT_FROM).
func (s *Service) confirmationMail(u db.UpUser, code string, tpls settings.EmailTemplates) db.RenderMailParams {
	opts := tpls.EmailConfirmation.Options
	from := s.o.DefaultFrom
	if opts.From.Name != "" && opts.From.Email != "" {
		from = fromHeader(opts)
	}
	return s.renderMail(u, opts, from, s.o.PublicURL+"/api/auth/email-confirmation", "CODE", code)
}

// ConfirmEmail confirms the account a confirmation token was sent to and returns where
// to redirect the browser: the advanced setting email_confirmation_redirection, or "/".
// The token works once and only until it expires (D4); a wrong, used or expired token is
// Strapi's "Invalid token". It works whether or not email_confirmation is on, as in Strapi.
func (s *Service) ConfirmEmail(ctx context.Context, token string) (string, error) {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return "", err
	}
	n, err := s.store.Q.ConfirmEmail(ctx, db.ConfirmEmailParams{TokenHash: ptr(hashCode(token)), Now: s.now()})
	if err != nil {
		return "", fmt.Errorf("confirm email: %w", err)
	}
	if n == 0 {
		return "", ErrInvalidConfirmCode
	}
	if to := deref(adv.EmailConfirmationRedirection); to != "" {
		return to, nil
	}
	return "/", nil
}
