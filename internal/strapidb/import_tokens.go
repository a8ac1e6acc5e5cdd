package strapidb

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// tokenLabel names a source API token in the report.
func tokenLabel(t APIToken) string { return fmt.Sprintf("api token %d %q", t.ID, t.Name) }

// importAPITokens imports the source's content-API tokens. Their access_key is Strapi's
// hex HMAC-SHA512(API_TOKEN_SALT, token), which is what this service stores and looks up
// (internal/access.HashAPIToken): with the same API_TOKEN_SALT the tokens Strapi gave out
// keep working unchanged. A token is the same token when its access_key is; another token
// of the same name is a conflict (names are unique here, as in Strapi).
func (im *importer) importAPITokens(toks []APIToken) error {
	for i, t := range toks {
		if err := im.importAPIToken(t); err != nil {
			return fmt.Errorf("import %s: %w", tokenLabel(t), err)
		}
		im.progress("api tokens", i+1, len(toks))
	}
	return nil
}

func (im *importer) importAPIToken(t APIToken) error {
	// Admin tokens (Strapi 5's admin-kind tokens act for an admin user on the admin API)
	// have no meaning here: this service serves the content API only.
	if t.Kind != "" && t.Kind != "content-api" {
		im.rep.APITokens.Skipped++
		im.rep.skip("api token", fmt.Sprintf("kind %q (only content-api tokens are imported)", t.Kind), 1)
		return nil
	}
	switch t.Type {
	case "full-access", "read-only", "custom":
	default:
		im.rep.APITokens.Skipped++
		im.rep.skip("api token", fmt.Sprintf("unknown type %q", t.Type), 1)
		return nil
	}
	if t.AccessKey == "" {
		im.rep.APITokens.Skipped++
		im.rep.skip("api token", "no access_key", 1)
		return nil
	}
	actions, err := im.tokenActions(t)
	if err != nil {
		return err
	}
	desc := t.Description
	ctx, q := im.ctx, im.q

	existing, err := q.GetAPITokenByAccessKey(ctx, t.AccessKey)
	switch {
	case err == nil:
		return im.mergeAPIToken(t, existing, actions)
	case !store.IsNotFound(err):
		return err
	}
	if other, err := q.GetAPITokenByName(ctx, t.Name); err == nil {
		im.rep.conflict(&im.rep.APITokens, "api token", tokenLabel(t),
			fmt.Sprintf("name taken by the target's token %d, which has another key", other.ID))
		return nil
	} else if !store.IsNotFound(err) {
		return err
	}
	docID := t.DocumentID
	if docID == "" {
		docID = store.NewDocumentID()
	} else if n, err := q.ImportAPITokenDocumentIDTaken(ctx, docID); err != nil {
		return err
	} else if n > 0 {
		docID = store.NewDocumentID()
	}
	created, updated := t.CreatedAt, t.UpdatedAt
	if created.IsZero() {
		created = im.now
	}
	if updated.IsZero() {
		updated = created
	}
	err = q.ImportInsertAPIToken(ctx, db.ImportInsertAPITokenParams{DocumentID: docID, Name: t.Name, Description: desc,
		Type: t.Type, AccessKey: t.AccessKey, Actions: actions, ExpiresAt: t.ExpiresAt, LastUsedAt: t.LastUsedAt,
		CreatedAt: created, UpdatedAt: updated})
	if err != nil {
		return err
	}
	im.rep.APITokens.Created++
	return nil
}

// mergeAPIToken resolves source token t against the target's token of the same key.
func (im *importer) mergeAPIToken(t APIToken, existing db.ApiToken, actions string) error {
	same := existing.Name == t.Name && existing.Description == t.Description && existing.Type == t.Type &&
		existing.Actions == actions && equalTime(existing.ExpiresAt, t.ExpiresAt)
	if same || im.mode == MergeSkip {
		im.rep.APITokens.Unchanged++
		return nil
	}
	if existing.Name != t.Name {
		other, err := im.q.GetAPITokenByName(im.ctx, t.Name)
		if err == nil && other.ID != existing.ID {
			im.rep.conflict(&im.rep.APITokens, "api token", tokenLabel(t),
				fmt.Sprintf("renaming the target's token %d to it: name taken by the target's token %d", existing.ID, other.ID))
			return nil
		} else if err != nil && !store.IsNotFound(err) {
			return err
		}
	}
	updated := t.UpdatedAt
	if updated.IsZero() {
		updated = im.now
	}
	err := im.q.ImportUpdateAPIToken(im.ctx, db.ImportUpdateAPITokenParams{ID: existing.ID, Name: t.Name,
		Description: t.Description, Type: t.Type, Actions: actions, ExpiresAt: t.ExpiresAt, UpdatedAt: updated})
	if err != nil {
		return err
	}
	im.rep.APITokens.Updated++
	return nil
}

// tokenActions is the actions column of t: a JSON array, the Users & Permissions actions of
// a custom token. The service decides a full-access or read-only token by its type alone,
// as Strapi does (Strapi refuses permissions on such tokens), so their list stays empty.
// Other actions (Strapi's content types) name routes this service does not have: they are
// dropped, as they are from roles, and reported.
func (im *importer) tokenActions(t APIToken) (string, error) {
	kept := []string{}
	for _, a := range t.Actions {
		switch {
		case t.Type != "custom":
			im.rep.skip("api token permission", "on a "+t.Type+" token (its type alone decides what it may do)", 1)
		case strings.HasPrefix(a, UsersPermissionsPrefix):
			kept = append(kept, a)
		default:
			im.rep.skip("api token permission", "not a Users & Permissions action (content types stay with Strapi)", 1)
		}
	}
	b, err := json.Marshal(kept)
	if err != nil {
		return "", fmt.Errorf("encode actions: %w", err)
	}
	return string(b), nil
}

// equalTime reports whether two optional instants are the same.
func equalTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}
