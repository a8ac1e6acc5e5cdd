package access

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// API tokens are Strapi's content-API tokens (made in Strapi's admin panel, here with the
// CLI): a long random value sent as "Authorization: Bearer <token>", tried before the
// users' JWTs as Strapi tries its strategies. The database keeps only the token's
// HMAC-SHA512 keyed with API_TOKEN_SALT, in hex, exactly as Strapi stores its accessKey,
// so tokens created by a Strapi with the same salt keep working when moved here.

// The types of API tokens, as Strapi names them.
const (
	TokenFullAccess = "full-access" // every action
	TokenReadOnly   = "read-only"   // the actions whose name ends with find or findOne
	TokenCustom     = "custom"      // the actions listed on the token
)

// TokenLifespans are the durations Strapi's admin offers for a token (0: unlimited).
var TokenLifespans = map[string]time.Duration{
	"7d": 7 * 24 * time.Hour, "30d": 30 * 24 * time.Hour, "90d": 90 * 24 * time.Hour, "unlimited": 0,
}

// ErrAPITokenExpired is Strapi's answer to an expired API token.
var ErrAPITokenExpired = &apierror.Error{Kind: apierror.Unauthorized, Message: "Token expired"}

// lastUsedPeriod is how often, at most, a token's last_used_at is written: a token used by
// every request does not cost a write per request.
const lastUsedPeriod = time.Minute

// HashAPIToken is what is stored of a token: hex(HMAC-SHA512(salt, token)), Strapi's hash.
func HashAPIToken(salt, token string) string {
	m := hmac.New(sha512.New, []byte(salt))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// newAPITokenValue is a new token: 128 random bytes in hex (256 characters), as Strapi
// makes its accessKey (crypto.randomBytes(128).toString('hex')).
func newAPITokenValue() string {
	b := make([]byte, 128)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// looksLikeAPIToken: tokens are lower-case hex, and a JWT never is (it has dots), so a JWT
// costs no API-token lookup.
func looksLikeAPIToken(s string) bool {
	if len(s) < 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

const devSaltKey = "development_api_token_salt"

// APITokenSalt returns the salt of the API-token hashes: API_TOKEN_SALT when set. In
// production it is required as soon as a token exists (Strapi refuses to start without
// one); with no token and no salt, API tokens are off (""). Elsewhere a salt is generated
// once and kept in the database, as the development JWT secret is.
func APITokenSalt(ctx context.Context, st *store.Store, configured string, production bool) (string, error) {
	if configured != "" {
		return configured, nil
	}
	if production {
		n, err := st.Q.CountAPITokens(ctx)
		if err != nil {
			return "", fmt.Errorf("count API tokens: %w", err)
		}
		if n > 0 {
			return "", fmt.Errorf("API_TOKEN_SALT is required when NODE_ENV=production and API tokens exist (%d); "+
				"use the salt the tokens were created with (Strapi's error: Missing apiToken.salt)", n)
		}
		return "", nil
	}
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	if err := st.Q.InitStoreValue(ctx, db.InitStoreValueParams{Key: devSaltKey, Value: base64.StdEncoding.EncodeToString(b)}); err != nil {
		return "", fmt.Errorf("development API token salt: %w", err)
	}
	salt, err := st.Q.GetStoreValue(ctx, devSaltKey)
	if err != nil {
		return "", fmt.Errorf("development API token salt: %w", err)
	}
	return salt, nil
}

// APITokens administers and checks API tokens.
type APITokens struct {
	store *store.Store
	cat   *Catalog
	salt  string // "": no salt, so no API token can be used or made
	now   func() time.Time
	log   *slog.Logger
}

// NewAPITokens returns the API-token rules over st with salt (see APITokenSalt), the
// actions of cat, reading the time from now (time.Now when nil) and logging to log
// (slog's default when nil).
func NewAPITokens(st *store.Store, cat *Catalog, salt string, now func() time.Time, log *slog.Logger) *APITokens {
	if log == nil {
		log = slog.Default()
	}
	return &APITokens{store: st, cat: cat, salt: salt, now: utcClock(now), log: log}
}

// WithClock returns the same rules reading the time from now (tests).
func (t *APITokens) WithClock(now func() time.Time) *APITokens {
	c := *t
	c.now = utcClock(now)
	return &c
}

// Authenticate is Strapi's content-api-token strategy, which runs before the users' one: a
// Bearer token that is an API token gives the token's actions (it acts for no user); an
// expired one is refused with 401 "Token expired". Any other token, a revoked one
// included, gives (nil, nil): the caller goes on with the JWT strategy.
func (t *APITokens) Authenticate(ctx context.Context, token string) (Actions, error) {
	if t.salt == "" || !looksLikeAPIToken(token) {
		return nil, nil
	}
	row, err := t.store.Q.GetAPITokenByAccessKey(t.store.PointRead(ctx), HashAPIToken(t.salt, token))
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find API token: %w", err)
	}
	now := t.now()
	if row.ExpiresAt != nil && row.ExpiresAt.Before(now) {
		return nil, ErrAPITokenExpired
	}
	if row.LastUsedAt == nil || now.Sub(*row.LastUsedAt) >= lastUsedPeriod {
		// A missed update is not worth failing the request.
		err := t.store.Q.TouchAPIToken(ctx, db.TouchAPITokenParams{ID: row.ID, Now: &now, StaleBefore: ptr(now.Add(-lastUsedPeriod))})
		if err != nil {
			t.log.WarnContext(ctx, "API token: last use not recorded", "token_id", row.ID, "err", err)
		}
	}
	return t.tokenActions(row)
}

// tokenActions are the actions a token may call (never nil for a token).
func (t *APITokens) tokenActions(row db.ApiToken) (Actions, error) {
	switch row.Type {
	case TokenFullAccess:
		return t.cat.all, nil
	case TokenReadOnly:
		return t.cat.readOnly, nil
	case TokenCustom:
		list, err := tokenActionList(row)
		if err != nil {
			return nil, err
		}
		return actionSet(list), nil
	default:
		return Actions{}, nil
	}
}

// APITokenInput describes a token to create.
type APITokenInput struct {
	Name, Description string
	Type              string        // TokenFullAccess, TokenReadOnly or TokenCustom
	Actions           []string      // custom tokens: full or short action names
	Lifespan          time.Duration // 0: the token never expires
}

// Create creates a token and returns it with its value, the only time the value exists
// outside the client: only its hash is stored.
func (t *APITokens) Create(ctx context.Context, in APITokenInput) (db.ApiToken, string, error) {
	if t.salt == "" {
		return db.ApiToken{}, "", fmt.Errorf("API_TOKEN_SALT is required to create API tokens when NODE_ENV=production")
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return db.ApiToken{}, "", fmt.Errorf("a token needs a name")
	}
	actions := []string{}
	switch in.Type {
	case TokenFullAccess, TokenReadOnly:
		if len(in.Actions) > 0 {
			return db.ApiToken{}, "", fmt.Errorf("only custom tokens take actions (Strapi: Non-custom tokens should not reference permissions)")
		}
	case TokenCustom:
		var unknown []string
		for _, a := range in.Actions {
			full, ok := t.cat.Resolve(a)
			if !ok {
				unknown = append(unknown, a)
				continue
			}
			if !slices.Contains(actions, full) {
				actions = append(actions, full)
			}
		}
		if len(unknown) > 0 {
			return db.ApiToken{}, "", fmt.Errorf("unknown actions: %s (mtb-api roles actions lists them)", strings.Join(unknown, ", "))
		}
		if len(actions) == 0 {
			return db.ApiToken{}, "", fmt.Errorf("a custom token needs at least one action")
		}
	default:
		return db.ApiToken{}, "", fmt.Errorf("token type %q: use full-access, read-only or custom", in.Type)
	}
	if in.Lifespan < 0 {
		return db.ApiToken{}, "", fmt.Errorf("a token's lifespan cannot be negative")
	}
	list, _ := json.Marshal(actions)
	now := t.now()
	var expires *time.Time
	if in.Lifespan > 0 {
		expires = ptr(now.Add(in.Lifespan))
	}
	value := newAPITokenValue()
	row, err := t.store.Q.CreateAPIToken(ctx, db.CreateAPITokenParams{
		DocumentID: store.NewDocumentID(), Name: in.Name, Description: in.Description, Type: in.Type,
		AccessKey: HashAPIToken(t.salt, value), Actions: string(list), ExpiresAt: expires, Now: now,
	})
	if store.IsUniqueViolation(err) {
		return db.ApiToken{}, "", fmt.Errorf("a token named %q already exists (Strapi: Name already taken)", in.Name)
	}
	if err != nil {
		return db.ApiToken{}, "", fmt.Errorf("create API token: %w", err)
	}
	return row, value, nil
}

// List returns every token (their hashes included, never their values), by name.
func (t *APITokens) List(ctx context.Context) ([]db.ApiToken, error) {
	rows, err := t.store.Q.ListAPITokens(ctx)
	if err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	return rows, nil
}

// Find returns the token an operator names: by name, or by id.
func (t *APITokens) Find(ctx context.Context, ref string) (db.ApiToken, error) {
	row, err := t.store.Q.GetAPITokenByName(ctx, ref)
	if store.IsNotFound(err) {
		if id, convErr := strconv.ParseInt(ref, 10, 64); convErr == nil {
			row, err = t.store.Q.GetAPIToken(ctx, id)
		}
	}
	if store.IsNotFound(err) {
		return db.ApiToken{}, fmt.Errorf("no API token named %q or with that id", ref)
	}
	if err != nil {
		return db.ApiToken{}, fmt.Errorf("find API token: %w", err)
	}
	return row, nil
}

// Revoke deletes a token: from the next request on, it is refused like any unknown token.
func (t *APITokens) Revoke(ctx context.Context, id int64) error {
	n, err := t.store.Q.DeleteAPIToken(ctx, id)
	if err != nil {
		return fmt.Errorf("revoke API token: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("no API token with id %d", id)
	}
	return nil
}

// TokenActionList is the actions column of a custom token, decoded, for display: what
// could be decoded of a malformed column.
func TokenActionList(row db.ApiToken) []string {
	list, _ := tokenActionList(row)
	return list
}

// tokenActionList decodes the actions column of a custom token (a JSON list of action
// names). On error the list holds what could be decoded.
func tokenActionList(row db.ApiToken) ([]string, error) {
	var list []string
	if err := json.Unmarshal([]byte(row.Actions), &list); err != nil {
		return list, fmt.Errorf("API token %d: actions: %w", row.ID, err)
	}
	return list, nil
}

func ptr[T any](v T) *T { return &v }
