package strapidb

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// User is a row of up_users with its role.
type User struct {
	ID                 int64
	DocumentID         string
	Username           string
	Email              string // as stored (Strapi does not always lowercase it)
	Provider           string
	Password           *string // bcrypt hash; nil for provider users
	ResetPasswordToken *string // the plain reset code, nil when none is pending
	ConfirmationToken  *string // the plain confirmation token, nil when none is pending
	Confirmed          bool
	Blocked            bool
	RoleID             *int64 // from up_users_role_lnk; nil when the user has no role
	CreatedAt          time.Time
	UpdatedAt          time.Time
	PublishedAt        time.Time // zero when NULL
	// Custom holds every column of up_users beyond Strapi's own (see StrapiUserColumns), keyed by
	// column name (snake_case, e.g. "first_name"). Values keep the engine's kind, the caller maps
	// them by the field's type:
	//   - nil for NULL;
	//   - string for text/varchar, and for PostgreSQL numeric/decimal (e.g. "58.50");
	//   - "YYYY-MM-DD" string for date columns (both engines);
	//   - int64 for SQLite integers, including booleans stored as 0/1;
	//   - bool for PostgreSQL boolean;
	//   - float64 for SQLite REAL (decimal/float fields) and PostgreSQL float/double;
	//   - time.Time (UTC) for PostgreSQL timestamps; SQLite datetimes stay int64 milliseconds;
	//   - string holding the JSON text for json/jsonb columns.
	Custom map[string]any
}

// StrapiUserColumns are the columns of up_users that Strapi itself defines; every other column
// is a custom field and lands in User.Custom.
var StrapiUserColumns = []string{"id", "document_id", "username", "email", "provider", "password",
	"reset_password_token", "confirmation_token", "confirmed", "blocked", "created_at", "updated_at",
	"published_at", "created_by_id", "updated_by_id", "locale"}

// Role is a row of up_roles with the actions of its permissions (sorted).
type Role struct {
	ID          int64
	DocumentID  string
	Name        string
	Description string
	Type        string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PublishedAt time.Time
	Actions     []string
}

// APIToken is a row of strapi_api_tokens with the actions of its permissions (sorted).
type APIToken struct {
	ID           int64
	DocumentID   string
	Name         string
	Description  string
	Kind         string // "content-api", "admin", or "" (NULL: legacy content-api)
	Type         string // "read-only", "full-access" or "custom"
	AccessKey    string // hex HMAC-SHA512(API_TOKEN_SALT, key)
	EncryptedKey *string
	Lifespan     *int64 // milliseconds
	ExpiresAt    *time.Time
	LastUsedAt   *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
	PublishedAt  time.Time
	Actions      []string
}

// Session is a row of strapi_sessions with origin 'users-permissions'.
type Session struct {
	ID                int64
	DocumentID        string
	UserID            int64 // parsed from the varchar user_id
	SessionID         string
	ChildID           *string
	DeviceID          string
	Type              string
	Status            string
	ExpiresAt         time.Time
	AbsoluteExpiresAt time.Time
	LoginAt           time.Time // metadata.loginAt; zero when absent
	DeviceName        string    // metadata.deviceName; "" when absent
	Metadata          string    // the raw metadata JSON ("" when NULL)
	CreatedAt         time.Time
}

// SettingsKeys are the strapi_core_store_settings keys Settings returns.
var SettingsKeys = []string{"plugin_users-permissions_advanced", "plugin_users-permissions_email",
	"plugin_users-permissions_grant"}

// row is one result row, normalized (see normalize), its values looked up by column name
// through the columns shared by the rows of one query: a map per row made reading 100 000
// users cost more than the database's own work.
type row struct {
	cols *columns
	vals []any
}

// columns are the columns of a query's result, in order.
type columns struct {
	names []string
	index map[string]int
}

// get is the value of column k, nil when NULL or when the result has no such column.
func (r row) get(k string) any {
	if i, ok := r.cols.index[k]; ok {
		return r.vals[i]
	}
	return nil
}

func (s *Source) query(ctx context.Context, q string, args ...any) ([]row, error) {
	if s.engine == EnginePostgres {
		q = dollar(q)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	cols := &columns{names: make([]string, len(types)), index: make(map[string]int, len(types))}
	dbTypes := make([]string, len(types))
	for i, c := range types {
		cols.names[i], dbTypes[i] = c.Name(), c.DatabaseTypeName()
		cols.index[c.Name()] = i
	}
	// Scanned into one buffer, then copied normalized into the row's own values.
	buf := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range buf {
		ptrs[i] = &buf[i]
	}
	var out []row
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := row{cols: cols, vals: make([]any, len(buf))}
		for i, v := range buf {
			r.vals[i] = normalize(v, dbTypes[i])
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// dollar turns ? placeholders into $n for PostgreSQL (queries here have no ? in literals).
func dollar(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func normalize(v any, dbType string) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case time.Time:
		if strings.EqualFold(dbType, "DATE") {
			return x.Format("2006-01-02")
		}
		return x.UTC()
	}
	return v
}

func (r row) str(k string) string {
	switch x := r.get(k).(type) {
	case nil:
		return ""
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}

func (r row) strp(k string) *string {
	if r.get(k) == nil {
		return nil
	}
	s := r.str(k)
	return &s
}

func (r row) int(k string) (int64, error) {
	switch x := r.get(k).(type) {
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case float64:
		return int64(x), nil
	case string:
		return strconv.ParseInt(strings.TrimSpace(x), 10, 64)
	}
	return 0, fmt.Errorf("column %s: not an integer: %v (%T)", k, r.get(k), r.get(k))
}

func (r row) intp(k string) (*int64, error) {
	if r.get(k) == nil {
		return nil, nil
	}
	n, err := r.int(k)
	return &n, err
}

func (r row) bool(k string) bool {
	switch x := r.get(k).(type) {
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		b, _ := strconv.ParseBool(x)
		return b || x == "t"
	}
	return false
}

func (r row) time(k string) (time.Time, error) {
	t, err := ParseTime(r.get(k))
	if err != nil {
		return t, fmt.Errorf("column %s: %w", k, err)
	}
	return t, nil
}

func (r row) timep(k string) (*time.Time, error) {
	if r.get(k) == nil {
		return nil, nil
	}
	t, err := r.time(k)
	return &t, err
}

// ParseTime converts a datetime as either engine stores it to UTC: nil (zero time), time.Time,
// integer or numeric-string epoch milliseconds (SQLite), or text such as
// "2026-12-05 06:17:15.769", "2026-12-05T06:17:15.769Z" or "2026-12-05" (text without a zone
// is UTC, as Strapi writes UTC wall clock).
func ParseTime(v any) (time.Time, error) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return x.UTC(), nil
	case int64:
		return time.UnixMilli(x).UTC(), nil
	case int:
		return time.UnixMilli(int64(x)).UTC(), nil
	case float64:
		return time.UnixMicro(int64(x * 1000)).UTC(), nil
	case []byte:
		return ParseTime(string(x))
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return time.Time{}, nil
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.UnixMilli(n).UTC(), nil
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00",
			"2006-01-02 15:04:05.999999999Z07", "2006-01-02 15:04:05.999999999",
			"2006-01-02T15:04:05.999999999", "2006-01-02"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("unrecognized datetime %q", s)
	}
	return time.Time{}, fmt.Errorf("unrecognized datetime %v (%T)", v, v)
}

// Users reads up_users with each user's role, ordered by id.
func (s *Source) Users(ctx context.Context) ([]User, error) {
	rows, err := s.query(ctx, `SELECT u.*, (SELECT MIN(l.role_id) FROM up_users_role_lnk l WHERE l.user_id = u.id) AS strapidb_role_id FROM up_users u ORDER BY u.id`)
	if err != nil {
		return nil, fmt.Errorf("read up_users: %w", err)
	}
	own := map[string]bool{"strapidb_role_id": true}
	for _, c := range StrapiUserColumns {
		own[c] = true
	}
	var custom []int // the indexes of the custom columns, the same in every row
	if len(rows) > 0 {
		for i, k := range rows[0].cols.names {
			if !own[k] {
				custom = append(custom, i)
			}
		}
	}
	out := make([]User, 0, len(rows))
	for _, r := range rows {
		u := User{DocumentID: r.str("document_id"), Username: r.str("username"), Email: r.str("email"),
			Provider: r.str("provider"), Password: r.strp("password"),
			ResetPasswordToken: r.strp("reset_password_token"), ConfirmationToken: r.strp("confirmation_token"),
			Confirmed: r.bool("confirmed"), Blocked: r.bool("blocked"), Custom: make(map[string]any, len(custom))}
		var errs [5]error
		u.ID, errs[0] = r.int("id")
		u.RoleID, errs[1] = r.intp("strapidb_role_id")
		u.CreatedAt, errs[2] = r.time("created_at")
		u.UpdatedAt, errs[3] = r.time("updated_at")
		u.PublishedAt, errs[4] = r.time("published_at")
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("read up_users row %v: %w", r.get("id"), e)
			}
		}
		for _, i := range custom {
			u.Custom[r.cols.names[i]] = r.vals[i]
		}
		out = append(out, u)
	}
	return out, nil
}

// actions maps an owner id to its sorted actions.
func (s *Source) actions(ctx context.Context, q, what string) (map[int64][]string, error) {
	rows, err := s.query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	out := map[int64][]string{}
	for _, r := range rows {
		id, err := r.int("owner")
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		out[id] = append(out[id], r.str("action"))
	}
	for _, a := range out {
		sort.Strings(a)
	}
	return out, nil
}

// Roles reads up_roles with their permissions' actions, ordered by id.
func (s *Source) Roles(ctx context.Context) ([]Role, error) {
	acts, err := s.actions(ctx, `SELECT l.role_id AS owner, p.action AS action FROM up_permissions_role_lnk l JOIN up_permissions p ON p.id = l.permission_id`, "the role permissions")
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT id, document_id, name, description, type, created_at, updated_at, published_at FROM up_roles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read up_roles: %w", err)
	}
	out := make([]Role, 0, len(rows))
	for _, r := range rows {
		x := Role{DocumentID: r.str("document_id"), Name: r.str("name"), Description: r.str("description"), Type: r.str("type")}
		var errs [4]error
		x.ID, errs[0] = r.int("id")
		x.CreatedAt, errs[1] = r.time("created_at")
		x.UpdatedAt, errs[2] = r.time("updated_at")
		x.PublishedAt, errs[3] = r.time("published_at")
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("read up_roles row %v: %w", r.get("id"), e)
			}
		}
		x.Actions = acts[x.ID]
		if x.Actions == nil {
			x.Actions = []string{}
		}
		out = append(out, x)
	}
	return out, nil
}

// Settings returns the raw JSON value of each of SettingsKeys present in
// strapi_core_store_settings.
func (s *Source) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.query(ctx, `SELECT key, value FROM strapi_core_store_settings WHERE key IN (?, ?, ?) ORDER BY id`,
		SettingsKeys[0], SettingsKeys[1], SettingsKeys[2])
	if err != nil {
		return nil, fmt.Errorf("read strapi_core_store_settings: %w", err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.str("key")] = r.str("value")
	}
	return out, nil
}

// APITokens reads strapi_api_tokens (all kinds) with their permissions' actions, ordered by id.
func (s *Source) APITokens(ctx context.Context) ([]APIToken, error) {
	acts, err := s.actions(ctx, `SELECT l.api_token_id AS owner, p.action AS action FROM strapi_api_token_permissions_token_lnk l JOIN strapi_api_token_permissions p ON p.id = l.api_token_permission_id`, "the api token permissions")
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT * FROM strapi_api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read strapi_api_tokens: %w", err)
	}
	out := make([]APIToken, 0, len(rows))
	for _, r := range rows {
		x := APIToken{DocumentID: r.str("document_id"), Name: r.str("name"), Description: r.str("description"),
			Kind: r.str("kind"), Type: r.str("type"), AccessKey: r.str("access_key"), EncryptedKey: r.strp("encrypted_key")}
		var errs [7]error
		x.ID, errs[0] = r.int("id")
		x.Lifespan, errs[1] = r.intp("lifespan")
		x.ExpiresAt, errs[2] = r.timep("expires_at")
		x.LastUsedAt, errs[3] = r.timep("last_used_at")
		x.CreatedAt, errs[4] = r.time("created_at")
		x.UpdatedAt, errs[5] = r.time("updated_at")
		x.PublishedAt, errs[6] = r.time("published_at")
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("read strapi_api_tokens row %v: %w", r.get("id"), e)
			}
		}
		x.Actions = acts[x.ID]
		if x.Actions == nil {
			x.Actions = []string{}
		}
		out = append(out, x)
	}
	return out, nil
}

// Sessions reads the users-permissions rows of strapi_sessions, ordered by id. A database
// without the table (older 5.x) has no sessions.
func (s *Source) Sessions(ctx context.Context) ([]Session, error) {
	tables, err := s.tables(ctx)
	if err != nil {
		return nil, fmt.Errorf("read strapi_sessions: %w", err)
	}
	if !tables["strapi_sessions"] {
		return []Session{}, nil
	}
	rows, err := s.query(ctx, `SELECT id, document_id, user_id, session_id, child_id, device_id, type, status, expires_at, absolute_expires_at, metadata, created_at FROM strapi_sessions WHERE origin = 'users-permissions' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read strapi_sessions: %w", err)
	}
	out := make([]Session, 0, len(rows))
	for _, r := range rows {
		x := Session{DocumentID: r.str("document_id"), SessionID: r.str("session_id"), ChildID: r.strp("child_id"),
			DeviceID: r.str("device_id"), Type: r.str("type"), Status: r.str("status"), Metadata: r.str("metadata")}
		var errs [5]error
		x.ID, errs[0] = r.int("id")
		x.UserID, errs[1] = r.int("user_id")
		x.ExpiresAt, errs[2] = r.time("expires_at")
		x.AbsoluteExpiresAt, errs[3] = r.time("absolute_expires_at")
		x.CreatedAt, errs[4] = r.time("created_at")
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("read strapi_sessions row %v: %w", r.get("id"), e)
			}
		}
		if x.Metadata != "" {
			var m struct {
				LoginAt    any    `json:"loginAt"`
				DeviceName string `json:"deviceName"`
			}
			if err := json.Unmarshal([]byte(x.Metadata), &m); err != nil {
				return nil, fmt.Errorf("read strapi_sessions row %d: metadata: %w", x.ID, err)
			}
			x.DeviceName = m.DeviceName
			if m.LoginAt != nil {
				if f, ok := m.LoginAt.(float64); ok {
					x.LoginAt = time.UnixMilli(int64(f)).UTC()
				} else if x.LoginAt, err = ParseTime(m.LoginAt); err != nil {
					return nil, fmt.Errorf("read strapi_sessions row %d: metadata.loginAt: %w", x.ID, err)
				}
			}
		}
		out = append(out, x)
	}
	return out, nil
}
