package strapidb

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"reflect"
	"slices"
	"sort"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The plugin's settings. The service keeps them where Strapi does, under Strapi's key names
// (core_store, read by internal/settings), as JSON documents of the same shape with the
// service's own additions: the change-of-email redirection in the advanced settings, its own
// templates in the email document, issuer and endpoint overrides per provider. So a source
// document is laid over the target's (Strapi's defaults where the target has none): what
// Strapi has replaces, the service's own additions stay.
//
// For the README: the advanced settings given in the environment (UP_UNIQUE_EMAIL,
// UP_ALLOW_REGISTER, UP_EMAIL_CONFIRMATION, UP_EMAIL_CONFIRMATION_REDIRECTION,
// UP_EMAIL_RESET_PASSWORD, UP_DEFAULT_ROLE, UP_EMAIL_CHANGE_REDIRECTION; config.Advanced) are
// written over the stored ones at every start of the service (settings.Store.Init ->
// UpdateAdvanced): an imported advanced setting the environment also sets is replaced by the
// environment's value at the next start. Unset those variables to keep Strapi's values.
// The email templates and providers have no such override.

// The core store keys, the same in Strapi and in the service (internal/settings).
const (
	keyAdvanced = "plugin_users-permissions_advanced"
	keyEmail    = "plugin_users-permissions_email"
	keyGrant    = "plugin_users-permissions_grant"
)

// importSettings imports the plugin's settings (core store values by key): with an empty
// target or MergeUpdate the source's values replace the target's, MergeSkip keeps a value a
// target with users has. A value is written only when it differs, so a re-run changes nothing.
func (im *importer) importSettings(raw map[string]string) error {
	total, done := len(raw), 0
	for _, key := range SettingsKeys {
		src, ok := raw[key]
		if !ok {
			continue
		}
		if err := im.importSetting(key, src); err != nil {
			return fmt.Errorf("import settings %s: %w", key, err)
		}
		done++
		im.progress("settings", done, total)
	}
	return nil
}

// importSetting imports the source's value src of key.
func (im *importer) importSetting(key, src string) error {
	cur, err := im.q.GetStoreValue(im.ctx, key)
	have := err == nil
	if err != nil && !store.IsNotFound(err) {
		return err
	}
	// A target without users takes the source's settings even with MergeSkip: its settings
	// are the defaults every start stores (settings.Store.Init), not an operator's choice.
	if have && im.mode == MergeSkip && !im.empty {
		im.rep.Settings.Unchanged++
		return nil
	}
	var val []byte
	switch key {
	case keyAdvanced:
		val, err = im.advanced(src, cur)
	case keyEmail:
		val, err = im.templates(src, cur)
	case keyGrant:
		val, err = im.providers(src, cur)
	default:
		return fmt.Errorf("unknown key")
	}
	if err != nil {
		// The source's document is not what Strapi writes: the target's stays, reported.
		im.rep.Settings.Skipped++
		im.rep.skip("settings "+key, err.Error(), 1)
		return nil
	}
	if have && sameJSON(cur, string(val)) {
		im.rep.Settings.Unchanged++
		return nil
	}
	if err := im.q.PutStoreValue(im.ctx, db.PutStoreValueParams{Key: key, Value: string(val)}); err != nil {
		return err
	}
	if have {
		im.rep.Settings.Updated++
	} else {
		im.rep.Settings.Created++
	}
	return nil
}

// decodeOver decodes the JSON text s over dst (keys s lacks keep dst's values); "" leaves dst.
func decodeOver(s string, dst any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), dst)
}

// advanced is the target's advanced settings (cur) with the source's (src) laid over them.
func (im *importer) advanced(src, cur string) ([]byte, error) {
	a := settings.DefaultAdvanced()
	if err := decodeOver(cur, &a); err != nil {
		return nil, fmt.Errorf("the target's value is not valid: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(src), &fields); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	for _, k := range sortedKeys(fields) {
		if !slices.Contains(settings.AdvancedKeys, k) {
			im.rep.skip("advanced setting "+k, "not a setting of this service", 1)
			delete(fields, k)
		}
	}
	keepRole := a.DefaultRole
	b, _ := json.Marshal(fields)
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("not Strapi's advanced settings: %w", err)
	}
	// Strapi's admin stores an emptied URL as "": the service's "not set" is null (Advanced.Set).
	for _, p := range []**string{&a.EmailResetPassword, &a.EmailConfirmationRedirection, &a.EmailChangeRedirection} {
		if *p != nil && **p == "" {
			*p = nil
		}
	}
	// The default role must be a role of the target (SetAdvanced's rule); the roles are
	// imported before the settings.
	if a.DefaultRole != keepRole {
		if _, err := im.q.GetRoleByType(im.ctx, a.DefaultRole); store.IsNotFound(err) || a.DefaultRole == "" {
			im.rep.skip("advanced setting default_role", fmt.Sprintf("no role has the type %q: %q kept", a.DefaultRole, keepRole), 1)
			a.DefaultRole = keepRole
		} else if err != nil {
			return nil, err
		}
	}
	return json.Marshal(a)
}

// templates is the target's email templates (cur) with the source's (src) replacing those of
// the same name, each checked as the service checks a template (UpdateTemplates): a refused
// one is reported and the target's kept.
func (im *importer) templates(src, cur string) ([]byte, error) {
	t := settings.DefaultEmailTemplates()
	if err := decodeOver(cur, &t); err != nil {
		return nil, fmt.Errorf("the target's value is not valid: %w", err)
	}
	var byName map[string]json.RawMessage
	if err := json.Unmarshal([]byte(src), &byName); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	for _, name := range sortedKeys(byName) {
		dst, err := t.Template(name)
		if err != nil {
			im.rep.skip("email template "+name, "not a template of this service", 1)
			continue
		}
		var tpl settings.EmailTemplate
		if err := json.Unmarshal(byName[name], &tpl); err != nil {
			im.rep.skip("email template "+name, "not a template as Strapi stores it: "+err.Error(), 1)
			continue
		}
		if why := templateProblem(tpl.Options); why != "" {
			im.rep.skip("email template "+name, why+": the target's template kept", 1)
			continue
		}
		*dst = tpl
	}
	return json.Marshal(t)
}

// templateProblem is why the service would refuse the template options o ("" when none), as
// settings.Store.UpdateTemplates does.
func templateProblem(o settings.EmailTemplateOptions) string {
	if settings.ValidateTemplate(o.Message) != nil || settings.ValidateTemplate(o.Object) != nil {
		return "invalid template (only <%= URL %>, <%= CODE %>, <%= TOKEN %>, <%= USER... %> and the like; no <% %> tags or ${...})"
	}
	for _, addr := range []struct{ what, v string }{{"from email", o.From.Email}, {"reply-to", o.ResponseEmail}} {
		if addr.v == "" {
			continue
		}
		if a, err := mail.ParseAddress(addr.v); err != nil || a.Address != addr.v {
			return fmt.Sprintf("%s %q is not an email address", addr.what, addr.v)
		}
	}
	return ""
}

// providers is the target's provider settings (cur) with the source's grant entries laid over
// them: Strapi's keys (enabled, icon, key, secret, callback, scope, subdomain) have the same
// names in oauth.Settings; the others (callbackUrl: the service derives its redirect URI the
// same way) are ignored. A provider this service does not sign in with is reported and left
// out. Keys and secrets are copied, never written into the report.
func (im *importer) providers(src, cur string) ([]byte, error) {
	g := oauth.Defaults()
	if err := decodeOver(cur, &g); err != nil {
		return nil, fmt.Errorf("the target's value is not valid: %w", err)
	}
	var byName map[string]json.RawMessage
	if err := json.Unmarshal([]byte(src), &byName); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	for _, name := range sortedKeys(byName) {
		if !oauth.Known(name) {
			var p struct {
				Enabled bool `json:"enabled"`
			}
			_ = json.Unmarshal(byName[name], &p)
			why := "not a provider this service signs in with"
			if p.Enabled {
				why += " (it is enabled in Strapi: its users cannot sign in with it here)"
			}
			im.rep.skip("provider "+name, why, 1)
			continue
		}
		s := g[name]
		if err := json.Unmarshal(byName[name], &s); err != nil {
			im.rep.skip("provider "+name, "not a provider's settings as Strapi stores them", 1)
			continue
		}
		g[name] = s
	}
	return json.Marshal(g)
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sameJSON reports whether the JSON texts a and b hold the same value (a value PostgreSQL
// stored as jsonb comes back with other spaces and key order).
func sameJSON(a, b string) bool {
	if a == b {
		return true
	}
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
