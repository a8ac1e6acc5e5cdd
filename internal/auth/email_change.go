package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The change of email (this service's own routes: Strapi has none) and the security notices.
//
// A logged-in user asks for a new address with their password; a link goes to the new
// address and a notice to the current one. The email changes only when the link is used,
// and only if no other account has taken the address meanwhile. The link's code is stored
// as its SHA-256, works once and expires (D4); a new request replaces the pending change.
// Until the link is used nothing changes: the current email still logs in and receives the
// reset mails. Tokens and sessions survive the change: they name the user by id, and the
// password, which they were obtained with, did not change (a user who suspects someone else
// changes the password, which ends them all and cancels a pending change of email).

// Mail kinds in the outbox, beside Strapi's two.
const (
	MailEmailChange          = settings.TemplateEmailChange
	MailEmailChangeRequested = settings.TemplateEmailChangeRequested
	MailEmailChanged         = settings.TemplateEmailChanged
	MailPasswordChanged      = settings.TemplatePasswordChanged
	MailPasswordResetDone    = settings.TemplatePasswordResetDone
)

// The errors of the change of email. A wrong password is change-password's
// ErrCurrentPassword; a taken address the users API's ErrEmailTaken; a wrong, used, replaced
// or expired link email-confirmation's ErrInvalidConfirmCode.
var (
	ErrSameEmail = &apierror.Error{Kind: apierror.Validation, Message: "Your new email must be different than your current email"}
	// ErrNoUser answers a caller with no user (an API token, or Public when granted the
	// action), as GET /api/users/me does.
	ErrNoUser = &apierror.Error{Kind: apierror.Unauthorized, Message: "Unauthorized"}
)

// emailChangePath is the route of the link mailed to the new address.
const emailChangePath = "/api/auth/email-change-confirmation"

// ChangeEmailInput is the body of a request to change one's email.
type ChangeEmailInput struct {
	Email, CurrentPassword string
}

// RequestEmailChange records a pending change of the email of p's user to in.Email
// (lower-cased, as register stores it), after checking the current password, and queues
// the link to the new address and the notice to the current one, in one transaction. It
// returns the new address. Checked in this order: the password (change-password's
// answer), the address being the current one, then taken by another account (register's
// rules, the users API's answer).
func (s *Service) RequestEmailChange(ctx context.Context, p *Principal, in ChangeEmailInput) (string, error) {
	if p == nil || p.User == nil {
		return "", ErrNoUser
	}
	u, err := s.store.Q.GetUser(ctx, p.User.ID)
	if store.IsNotFound(err) { // deleted since the request was authenticated
		return "", ErrUserInvalid
	}
	if err != nil {
		return "", fmt.Errorf("load user: %w", err)
	}
	current := deref(u.Password)
	// A user without a password (an OAuth account) is checked against the dummy hash.
	ok, err := s.hasher.Check(ctx, current, in.CurrentPassword)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", ErrCurrentPassword
	}
	email := strings.ToLower(in.Email)
	if email == strings.ToLower(u.Email) {
		return "", ErrSameEmail
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return "", err
	}
	if err := emailChangeConflicts(ctx, s.store.Q, email, u.ID, adv.UniqueEmail); err != nil {
		return "", err
	}
	tpls, err := s.Settings.Templates(ctx)
	if err != nil {
		return "", err
	}
	now := s.now()
	code := newCode(20)
	err = s.store.InTx(ctx, func(q store.Querier) error {
		// Under the user's row lock, while the password is still the one checked: a
		// password change or a block, which cancel pending changes, is not undone by this.
		n, err := q.GuardEmailChange(ctx, db.GuardEmailChangeParams{ID: u.ID, CurrentHash: &current})
		if err != nil {
			return fmt.Errorf("lock user: %w", err)
		}
		if n == 0 { // the password changed, or the user was blocked, since the check
			return ErrCurrentPassword
		}
		err = q.SetEmailChange(ctx, db.SetEmailChangeParams{
			UserID: u.ID, NewEmail: email, TokenHash: hashCode(code), ExpiresAt: now.Add(s.confirmationTTL()), Now: now,
		})
		if err != nil {
			return fmt.Errorf("store email change: %w", err)
		}
		to := u
		to.Email = email // USER.email is the address the mail goes to
		opts := tpls.EmailChange.Options
		link := s.renderMail(to, opts, s.ownSender(opts), s.o.PublicURL+emailChangePath, "CODE", code)
		if err := enqueueRendered(ctx, q, MailEmailChange, email, link, now); err != nil {
			return err
		}
		return s.queueNotice(ctx, q, MailEmailChangeRequested, u, tpls.EmailChangeRequested, now)
	})
	if err != nil {
		return "", err
	}
	s.o.MailRequested()
	return email, nil
}

// emailChangeConflicts refuses a new email of the user id that another account has as its
// email or username, with register's rules: an account of another provider conflicts only
// when unique_email is on.
func emailChangeConflicts(ctx context.Context, q store.Querier, email string, id int64, uniqueEmail bool) error {
	providers, err := q.EmailChangeConflicts(ctx, db.EmailChangeConflictsParams{Email: email, ID: id})
	if err != nil {
		return fmt.Errorf("check conflicts: %w", err)
	}
	for _, p := range providers {
		if p == "local" || uniqueEmail {
			return ErrEmailTaken
		}
	}
	return nil
}

// ConfirmEmailChange applies the pending change of email a link's code names, and returns
// the new email and where to redirect a browser: the setting email_change_redirection,
// else email_confirmation_redirection, else "/". A wrong, used, replaced or expired code is
// email-confirmation's "Invalid token". The address is checked free again, under the lock
// register takes on it: if another account has it now, the change is dropped (the link is
// used up) and the answer is "Email already taken". Otherwise, in one transaction: the
// email is set (confirmed: the link proved it), the reset code and confirmation link
// mailed to the old address stop working, and the old address gets a notice.
func (s *Service) ConfirmEmailChange(ctx context.Context, code string) (email, redirectTo string, err error) {
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return "", "", err
	}
	tpls, err := s.Settings.Templates(ctx)
	if err != nil {
		return "", "", err
	}
	now := s.now()
	hash := hashCode(code)
	pending, err := s.store.Q.GetEmailChangeByToken(ctx, db.GetEmailChangeByTokenParams{TokenHash: hash, Now: now})
	if store.IsNotFound(err) {
		return "", "", ErrInvalidConfirmCode
	}
	if err != nil {
		return "", "", fmt.Errorf("find email change: %w", err)
	}
	taken := false
	err = s.store.InTxLocked(ctx, []string{"identifier:" + pending.NewEmail}, func(q store.Querier) error {
		ch, err := q.TakeEmailChange(ctx, db.TakeEmailChangeParams{TokenHash: hash, Now: now})
		if store.IsNotFound(err) { // used, replaced or cancelled meanwhile
			return ErrInvalidConfirmCode
		}
		if err != nil {
			return fmt.Errorf("take email change: %w", err)
		}
		u, err := q.GetUser(ctx, ch.UserID)
		if err != nil { // the row goes with its user: this one exists
			return fmt.Errorf("load user: %w", err)
		}
		switch err := emailChangeConflicts(ctx, q, ch.NewEmail, u.ID, adv.UniqueEmail); {
		case errors.Is(err, ErrEmailTaken):
			taken = true
			return nil // commit: the link is used up
		case err != nil:
			return err
		}
		n, err := q.ChangeEmail(ctx, db.ChangeEmailParams{ID: u.ID, Email: ch.NewEmail, Now: now})
		if err != nil {
			return fmt.Errorf("change email: %w", err)
		}
		if n == 0 { // blocked: a block cancels pending changes, so only in a race with one
			return ErrInvalidConfirmCode
		}
		email = ch.NewEmail
		if strings.EqualFold(u.Email, ch.NewEmail) {
			return nil
		}
		return s.queueNotice(ctx, q, MailEmailChanged, u, tpls.EmailChanged, now)
	})
	switch {
	case err != nil && store.IsUniqueViolation(err): // written by a route that takes no lock
		return "", "", ErrEmailTaken
	case err != nil:
		return "", "", err
	case taken:
		return "", "", ErrEmailTaken
	}
	s.o.MailRequested()
	for _, to := range []*string{adv.EmailChangeRedirection, adv.EmailConfirmationRedirection} {
		if v := deref(to); v != "" {
			return email, v, nil
		}
	}
	return email, "/", nil
}

// queueNotice queues, with q (the transaction of the change it tells of), the notice tpl
// to u's email: rendered for u (USER.email is that address), with no code (CODE and TOKEN
// are empty), URL being this server's.
func (s *Service) queueNotice(ctx context.Context, q store.Querier, kind string, u db.UpUser, tpl settings.EmailTemplate, now time.Time) error {
	opts := tpl.Options
	m := s.renderMail(u, opts, s.ownSender(opts), s.o.PublicURL, "", "")
	return enqueueRendered(ctx, q, kind, u.Email, m, now)
}

// enqueueRendered queues the rendered mail m to `to`, due at once.
func enqueueRendered(ctx context.Context, q store.Querier, kind, to string, m db.RenderMailParams, now time.Time) error {
	err := q.EnqueueMail(ctx, db.EnqueueMailParams{
		Kind: kind, Recipient: to, Status: "queued",
		Sender: m.Sender, ReplyTo: m.ReplyTo, Subject: m.Subject, BodyText: m.BodyText, BodyHtml: m.BodyHtml,
		Now: now,
	})
	if err != nil {
		return fmt.Errorf("queue %s mail: %w", kind, err)
	}
	return nil
}
