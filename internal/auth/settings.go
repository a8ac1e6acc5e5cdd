package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Keys of the plugin's documents in core_store, as Strapi names them.
const (
	advancedKey = "plugin_users-permissions_advanced"
	emailKey    = "plugin_users-permissions_email"
)

// Advanced are Strapi's advanced settings of Users & Permissions (contract §5.2).
type Advanced struct {
	UniqueEmail                  bool    `json:"unique_email"`
	AllowRegister                bool    `json:"allow_register"`
	EmailConfirmation            bool    `json:"email_confirmation"`
	EmailResetPassword           *string `json:"email_reset_password"`
	EmailConfirmationRedirection *string `json:"email_confirmation_redirection"`
	DefaultRole                  string  `json:"default_role"`
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

// EmailTemplate is one of the two mails of the plugin (contract §5.3).
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

// EmailTemplates are the stored templates.
type EmailTemplates struct {
	ResetPassword     EmailTemplate `json:"reset_password"`
	EmailConfirmation EmailTemplate `json:"email_confirmation"`
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
	return t
}

// Settings reads the stored settings through a cache of one second: settings change
// rarely, and every instance sees a change within a second without a query per request.
type Settings struct {
	store *store.Store
	ttl   time.Duration

	mu        sync.Mutex
	advanced  Advanced
	templates EmailTemplates
	loadedAt  time.Time
}

// NewSettings returns Settings over st.
func NewSettings(st *store.Store) *Settings {
	return &Settings{store: st, ttl: time.Second}
}

// Init stores Strapi's defaults where nothing is stored yet, then applies the overrides
// from the environment (key → text value).
func (s *Settings) Init(ctx context.Context, overrides map[string]string) error {
	for key, v := range map[string]any{advancedKey: DefaultAdvanced(), emailKey: DefaultEmailTemplates()} {
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
func (s *Settings) Advanced(ctx context.Context) (Advanced, error) {
	if err := s.refresh(ctx); err != nil {
		return Advanced{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.advanced, nil
}

// Templates returns the email templates.
func (s *Settings) Templates(ctx context.Context) (EmailTemplates, error) {
	if err := s.refresh(ctx); err != nil {
		return EmailTemplates{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.templates, nil
}

// UpdateAdvanced changes the advanced settings with fn, in one transaction.
func (s *Settings) UpdateAdvanced(ctx context.Context, fn func(*Advanced) error) error {
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

func (s *Settings) invalidate() {
	s.mu.Lock()
	s.loadedAt = time.Time{}
	s.mu.Unlock()
}

func (s *Settings) refresh(ctx context.Context) error {
	s.mu.Lock()
	fresh := time.Since(s.loadedAt) < s.ttl
	s.mu.Unlock()
	if fresh {
		return nil
	}
	a, t := DefaultAdvanced(), DefaultEmailTemplates()
	if err := load(ctx, s.store.Q, advancedKey, &a); err != nil {
		return err
	}
	if err := load(ctx, s.store.Q, emailKey, &t); err != nil {
		return err
	}
	s.mu.Lock()
	s.advanced, s.templates, s.loadedAt = a, t, time.Now()
	s.mu.Unlock()
	return nil
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
