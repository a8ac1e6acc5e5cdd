// Package settings keeps the plugin settings an operator changes at run time, as Strapi
// keeps them in its core store: the advanced settings of Users & Permissions and its email
// templates. Every instance reads them through a short cache.
package settings

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Keys of the plugin's documents in core_store, as Strapi names them.
const (
	advancedKey = "plugin_users-permissions_advanced"
	emailKey    = "plugin_users-permissions_email"
	grantKey    = "plugin_users-permissions_grant"
)

// Advanced are Strapi's advanced settings of Users & Permissions (contract §5.2).
type Advanced struct {
	UniqueEmail                  bool    `json:"unique_email"`
	AllowRegister                bool    `json:"allow_register"`
	EmailConfirmation            bool    `json:"email_confirmation"`
	EmailResetPassword           *string `json:"email_reset_password"`
	EmailConfirmationRedirection *string `json:"email_confirmation_redirection"`
	DefaultRole                  string  `json:"default_role"`
	// EmailChangeRedirection is this service's own (Strapi has no change of email): where
	// the link of a change of email sends the browser; email_confirmation_redirection when
	// unset.
	EmailChangeRedirection *string `json:"email_change_redirection,omitempty"`
}

// DefaultAdvanced is what Strapi stores at first boot.
func DefaultAdvanced() Advanced {
	return Advanced{UniqueEmail: true, AllowRegister: true, DefaultRole: "authenticated"}
}

// Set changes one setting from its text form (environment variables, the CLI).
func (a *Advanced) Set(key, value string) error {
	boolean := func(dst *bool) error {
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%s: %q is not true or false", key, value)
		}
		*dst = b
		return nil
	}
	optional := func(dst **string) {
		if value == "" || value == "null" {
			*dst = nil
			return
		}
		*dst = &value
	}
	switch key {
	case "unique_email":
		return boolean(&a.UniqueEmail)
	case "allow_register":
		return boolean(&a.AllowRegister)
	case "email_confirmation":
		return boolean(&a.EmailConfirmation)
	case "email_reset_password":
		optional(&a.EmailResetPassword)
	case "email_confirmation_redirection":
		optional(&a.EmailConfirmationRedirection)
	case "email_change_redirection":
		optional(&a.EmailChangeRedirection)
	case "default_role":
		if value == "" {
			return fmt.Errorf("default_role: a role type is required")
		}
		a.DefaultRole = value
	default:
		return fmt.Errorf("unknown advanced setting %q", key)
	}
	return nil
}

// EmailTemplate is one of the mails: Strapi's two (contract §5.3), and this service's own
// (the change of email and the security notices).
type EmailTemplate struct {
	Display string               `json:"display"`
	Icon    string               `json:"icon"`
	Options EmailTemplateOptions `json:"options"`
}

// EmailTemplateOptions is the customisable part of a template.
type EmailTemplateOptions struct {
	From struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	} `json:"from"`
	ResponseEmail string `json:"response_email"`
	Object        string `json:"object"`
	Message       string `json:"message"`
}

// EmailTemplates are the stored templates: Strapi's two, then this service's own, stored
// beside them in the same document (a document stored before they existed gets their
// defaults).
type EmailTemplates struct {
	ResetPassword     EmailTemplate `json:"reset_password"`
	EmailConfirmation EmailTemplate `json:"email_confirmation"`

	// EmailChange carries the link that confirms a new email address, to that address.
	EmailChange EmailTemplate `json:"email_change"`
	// The security notices: they carry no code and no link that acts on the account.
	EmailChangeRequested EmailTemplate `json:"email_change_requested"` // to the current address
	EmailChanged         EmailTemplate `json:"email_changed"`          // to the old address, once changed
	PasswordChanged      EmailTemplate `json:"password_changed"`       // change-password, an administrator's new password
	PasswordResetDone    EmailTemplate `json:"password_reset_done"`    // reset-password
}

// DefaultEmailTemplates are Strapi's (plugin server/src/bootstrap/index.js, initEmails).
func DefaultEmailTemplates() EmailTemplates {
	var t EmailTemplates
	t.ResetPassword = EmailTemplate{Display: "Email.template.reset_password", Icon: "sync"}
	t.ResetPassword.Options.From.Name = "Administration Panel"
	t.ResetPassword.Options.From.Email = "no-reply@strapi.io"
	t.ResetPassword.Options.Object = "Reset password"
	t.ResetPassword.Options.Message = "<p>We heard that you lost your password. Sorry about that!</p>\n\n" +
		"<p>But don’t worry! You can use the following link to reset your password:</p>\n" +
		"<p><%= URL %>?code=<%= TOKEN %></p>\n\n<p>Thanks.</p>"
	t.EmailConfirmation = EmailTemplate{Display: "Email.template.email_confirmation", Icon: "check-square"}
	t.EmailConfirmation.Options.From = t.ResetPassword.Options.From
	t.EmailConfirmation.Options.Object = "Account confirmation"
	t.EmailConfirmation.Options.Message = "<p>Thank you for registering!</p>\n\n" +
		"<p>You have to confirm your email address. Please click on the link below.</p>\n\n" +
		"<p><%= URL %>?confirmation=<%= CODE %></p>\n\n<p>Thanks.</p>"

	// This service's own: no sender of their own (EMAIL_DEFAULT_FROM). In every mail,
	// USER.email is the address the mail goes to: a notice to the old address never
	// shows the new one.
	own := func(display, icon, subject, message string) EmailTemplate {
		e := EmailTemplate{Display: display, Icon: icon}
		e.Options.Object = subject
		e.Options.Message = message
		return e
	}
	t.EmailChange = own("Email.template.email_change", "check-square", "Confirm your new email address",
		"<p>Hello <%= USER.username %>,</p>\n\n"+
			"<p>You asked to use this address for your account. Please click on the link below to confirm it.</p>\n\n"+
			"<p><%= URL %>?confirmation=<%= CODE %></p>\n\n"+
			"<p>Until then your account keeps its current address. If you did not ask for this, ignore this mail.</p>\n\n<p>Thanks.</p>")
	t.EmailChangeRequested = own("Email.template.email_change_requested", "bell", "A change of your email address was requested",
		"<p>Hello <%= USER.username %>,</p>\n\n"+
			"<p>A change of the email address of your account (<%= USER.email %>) was requested, with your password. "+
			"It takes effect only once the new address is confirmed with the link sent to it.</p>\n\n"+
			"<p>If it was you, there is nothing to do. If it was not, change your password now: that cancels the change.</p>\n\n<p>Thanks.</p>")
	t.EmailChanged = own("Email.template.email_changed", "bell", "The email address of your account was changed",
		"<p>Hello <%= USER.username %>,</p>\n\n"+
			"<p>The email address of your account is no longer <%= USER.email %>: a new address was confirmed, "+
			"and this one no longer logs in nor receives the account's mails.</p>\n\n"+
			"<p>If you did not do this, contact us at once.</p>\n\n<p>Thanks.</p>")
	t.PasswordChanged = own("Email.template.password_changed", "bell", "Your password was changed",
		"<p>Hello <%= USER.username %>,</p>\n\n"+
			"<p>The password of your account was changed.</p>\n\n"+
			"<p>If you did not do this, reset your password now and contact us.</p>\n\n<p>Thanks.</p>")
	t.PasswordResetDone = own("Email.template.password_reset_done", "bell", "Your password was reset",
		"<p>Hello <%= USER.username %>,</p>\n\n"+
			"<p>The password of your account was reset, with a link sent to this address.</p>\n\n"+
			"<p>If you did not do this, reset your password again now and contact us.</p>\n\n<p>Thanks.</p>")
	return t
}

// Store reads the stored settings through a cache of one second: settings change rarely,
// and every instance sees a change within a second without a query per request. Concurrent
// requests that find the cache stale share one load; a load that raced a local change
// (UpdateAdvanced, UpdateTemplates) is not cached, so the change is never hidden behind
// the value read before it.
type Store struct {
	store *store.Store
	ttl   time.Duration
	now   func() time.Time

	mu        sync.Mutex
	advanced  Advanced
	templates EmailTemplates
	providers map[string]oauth.Settings // read-only once cached: callers get copies
	loadedAt  time.Time                 // zero: nothing cached
	version   uint64                    // bumped by every local change
	loading   *flight                   // the load under way, shared by concurrent callers

	loads     atomic.Int64 // loads from the database (tests)
	afterRead func()       // called between a load's read and its caching (tests)
}

type flight struct {
	done chan struct{}
	err  error
}

// New returns the settings stored in st, reading the time from now (time.Now when nil).
func New(st *store.Store, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{store: st, ttl: time.Second, now: now}
}

// Init stores Strapi's defaults where nothing is stored yet, then applies the overrides
// from the environment (key → text value).
func (s *Store) Init(ctx context.Context, overrides map[string]string) error {
	for key, v := range map[string]any{advancedKey: DefaultAdvanced(), emailKey: DefaultEmailTemplates(), grantKey: oauth.Defaults()} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := s.store.Q.InitStoreValue(ctx, db.InitStoreValueParams{Key: key, Value: string(b)}); err != nil {
			return fmt.Errorf("init settings: %w", err)
		}
	}
	if len(overrides) == 0 {
		return nil
	}
	return s.UpdateAdvanced(ctx, func(a *Advanced) error {
		for k, v := range overrides {
			if err := a.Set(k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// Advanced returns the advanced settings.
func (s *Store) Advanced(ctx context.Context) (Advanced, error) {
	if err := s.refresh(ctx); err != nil {
		return Advanced{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.advanced, nil
}

// Templates returns the email templates.
func (s *Store) Templates(ctx context.Context) (EmailTemplates, error) {
	if err := s.refresh(ctx); err != nil {
		return EmailTemplates{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.templates, nil
}

// UpdateAdvanced changes the advanced settings with fn, in one transaction.
func (s *Store) UpdateAdvanced(ctx context.Context, fn func(*Advanced) error) error {
	err := s.store.InTx(ctx, func(q store.Querier) error {
		a := DefaultAdvanced()
		if err := load(ctx, q, advancedKey, &a); err != nil {
			return err
		}
		if err := fn(&a); err != nil {
			return err
		}
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		return q.PutStoreValue(ctx, db.PutStoreValueParams{Key: advancedKey, Value: string(b)})
	})
	s.invalidate()
	return err
}

// invalidate drops the cache after a local change, and keeps a load that started before
// the change from caching what it read.
func (s *Store) invalidate() {
	s.mu.Lock()
	s.loadedAt = time.Time{}
	s.version++
	s.mu.Unlock()
}

// refresh loads the settings unless the cache is fresh. One caller loads; the others wait
// for its result (or their own context).
func (s *Store) refresh(ctx context.Context) error {
	for {
		s.mu.Lock()
		if !s.loadedAt.IsZero() && s.now().Sub(s.loadedAt) < s.ttl {
			s.mu.Unlock()
			return nil
		}
		if f := s.loading; f != nil {
			s.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if f.err != nil && ctx.Err() == nil && !errors.Is(f.err, context.Canceled) && !errors.Is(f.err, context.DeadlineExceeded) {
				return f.err // the database's answer, for everyone waiting
			}
			continue // fresh now, or the loader went away: look again
		}
		f := &flight{done: make(chan struct{})}
		s.loading = f
		version := s.version
		s.mu.Unlock()

		s.loads.Add(1)
		a, t, g := DefaultAdvanced(), DefaultEmailTemplates(), oauth.Defaults()
		err := load(ctx, s.store.Q, advancedKey, &a)
		if err == nil {
			err = load(ctx, s.store.Q, emailKey, &t)
		}
		if err == nil {
			err = load(ctx, s.store.Q, grantKey, &g)
		}
		if s.afterRead != nil {
			s.afterRead()
		}
		s.mu.Lock()
		s.loading, f.err = nil, err
		stale := s.version != version // a local change landed meanwhile: read again
		if err == nil && !stale {
			s.advanced, s.templates, s.providers, s.loadedAt = a, t, g, s.now()
		}
		close(f.done)
		s.mu.Unlock()
		if err != nil || !stale {
			return err
		}
	}
}

func load(ctx context.Context, q store.Querier, key string, dst any) error {
	v, err := q.GetStoreValue(ctx, key)
	if store.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	if err := json.Unmarshal([]byte(v), dst); err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	return nil
}
