package settings

import (
	"context"
	"encoding/json"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The administration of the stored settings (what Strapi's admin panel does with
// PUT /users-permissions/advanced and /email-templates), for the CLI.

// AdvancedKeys are the advanced settings, in Strapi's order, then this service's own.
var AdvancedKeys = []string{
	"unique_email", "allow_register", "email_confirmation", "email_reset_password",
	"email_confirmation_redirection", "default_role", "email_change_redirection",
}

// Get returns a setting in its text form ("null" for an unset URL).
func (a Advanced) Get(key string) (string, error) {
	opt := func(s *string) string {
		if s == nil {
			return "null"
		}
		return *s
	}
	switch key {
	case "unique_email":
		return fmt.Sprint(a.UniqueEmail), nil
	case "allow_register":
		return fmt.Sprint(a.AllowRegister), nil
	case "email_confirmation":
		return fmt.Sprint(a.EmailConfirmation), nil
	case "email_reset_password":
		return opt(a.EmailResetPassword), nil
	case "email_confirmation_redirection":
		return opt(a.EmailConfirmationRedirection), nil
	case "default_role":
		return a.DefaultRole, nil
	case "email_change_redirection":
		return opt(a.EmailChangeRedirection), nil
	}
	return "", fmt.Errorf("unknown advanced setting %q (one of %s)", key, strings.Join(AdvancedKeys, ", "))
}

// SetAdvanced changes one advanced setting. A default_role must name an existing role's
// type. Every instance applies the change within a second (Settings caches for a second).
func (s *Store) SetAdvanced(ctx context.Context, key, value string) error {
	if key == "default_role" {
		if _, err := s.store.Q.GetRoleByType(ctx, value); store.IsNotFound(err) {
			return fmt.Errorf("default_role: no role has the type %q (mtb-api roles list)", value)
		} else if err != nil {
			return fmt.Errorf("find role %q: %w", value, err)
		}
	}
	if !slices.Contains(AdvancedKeys, key) {
		return fmt.Errorf("unknown advanced setting %q (one of %s)", key, strings.Join(AdvancedKeys, ", "))
	}
	return s.UpdateAdvanced(ctx, func(a *Advanced) error { return a.Set(key, value) })
}

// The names of the email templates.
const (
	TemplateResetPassword        = "reset_password"
	TemplateEmailConfirmation    = "email_confirmation"
	TemplateEmailChange          = "email_change"
	TemplateEmailChangeRequested = "email_change_requested"
	TemplateEmailChanged         = "email_changed"
	TemplatePasswordChanged      = "password_changed"
	TemplatePasswordResetDone    = "password_reset_done"
)

// TemplateNames are the email templates: Strapi's two in its order, then this service's own.
var TemplateNames = []string{
	TemplateResetPassword, TemplateEmailConfirmation, TemplateEmailChange, TemplateEmailChangeRequested,
	TemplateEmailChanged, TemplatePasswordChanged, TemplatePasswordResetDone,
}

// Template returns the template called name.
func (t *EmailTemplates) Template(name string) (*EmailTemplate, error) {
	switch name {
	case TemplateResetPassword:
		return &t.ResetPassword, nil
	case TemplateEmailConfirmation:
		return &t.EmailConfirmation, nil
	case TemplateEmailChange:
		return &t.EmailChange, nil
	case TemplateEmailChangeRequested:
		return &t.EmailChangeRequested, nil
	case TemplateEmailChanged:
		return &t.EmailChanged, nil
	case TemplatePasswordChanged:
		return &t.PasswordChanged, nil
	case TemplatePasswordResetDone:
		return &t.PasswordResetDone, nil
	}
	return nil, fmt.Errorf("unknown email template %q (one of %s)", name, strings.Join(TemplateNames, ", "))
}

// ErrInvalidTemplate is Strapi's refusal of a template (admin PUT /email-templates).
var ErrInvalidTemplate = &apierror.Error{Kind: apierror.Validation, Message: "Invalid template"}

var (
	// Strapi's controllers/validation/email-template.js: evaluation tags (<% ... %>, <%- ... %>)
	// and ${...} are refused; <%= VAR %> only for these variables.
	templateForbidden = []*regexp.Regexp{regexp.MustCompile(`<%[^=]([^<>%]*)%>`), regexp.MustCompile(`\$\{([^{}]*)\}`)}
	templateVariable  = regexp.MustCompile(`<%=([^<>%=]*)%>`)
	templateAllowed   = []string{"URL", "ADMIN_URL", "SERVER_URL", "CODE", "USER", "USER.email", "USER.username", "TOKEN"}
)

// ValidateTemplate checks a template as Strapi's admin does: no evaluation tags, no ${...},
// and only the variables URL, ADMIN_URL, SERVER_URL, CODE, USER, USER.email,
// USER.username and TOKEN.
func ValidateTemplate(tpl string) error {
	for _, re := range templateForbidden {
		if re.MatchString(tpl) {
			return ErrInvalidTemplate
		}
	}
	for _, m := range templateVariable.FindAllStringSubmatch(tpl, -1) {
		if !slices.Contains(templateAllowed, strings.TrimSpace(m[1])) {
			return ErrInvalidTemplate
		}
	}
	return nil
}

// UpdateTemplates changes the email templates with fn, in one transaction. The result is
// refused, as Strapi refuses it, when a body or subject is not a valid template, or when a
// sender or reply-to address is not an email address.
func (s *Store) UpdateTemplates(ctx context.Context, fn func(*EmailTemplates) error) error {
	err := s.store.InTx(ctx, func(q store.Querier) error {
		t := DefaultEmailTemplates()
		if err := load(ctx, q, emailKey, &t); err != nil {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
		for _, name := range TemplateNames {
			tpl, _ := t.Template(name)
			o := tpl.Options
			if ValidateTemplate(o.Message) != nil || ValidateTemplate(o.Object) != nil {
				return fmt.Errorf("%s: %w: only <%%= %s %%> may be used; <%% %%> tags and ${...} are refused",
					name, ErrInvalidTemplate, strings.Join(templateAllowed, " %>, <%= "))
			}
			for _, addr := range []struct{ what, v string }{{"from email", o.From.Email}, {"reply-to", o.ResponseEmail}} {
				if addr.v == "" {
					continue
				}
				if a, err := mail.ParseAddress(addr.v); err != nil || a.Address != addr.v {
					return fmt.Errorf("%s: %s %q is not an email address", name, addr.what, addr.v)
				}
			}
		}
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		return q.PutStoreValue(ctx, db.PutStoreValueParams{Key: emailKey, Value: string(b)})
	})
	s.invalidate()
	return err
}
