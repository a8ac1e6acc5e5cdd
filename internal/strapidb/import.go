package strapidb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// ErrTargetNotEmpty is returned by Import when the service's database has users that are
// not an earlier import of the same source, and no merge mode was given.
var ErrTargetNotEmpty = errors.New("the target database already has users")

// UsersPermissionsPrefix is the prefix of the role actions Import keeps; others are skipped.
const UsersPermissionsPrefix = "plugin::users-permissions."

// MergeMode says how Import resolves a source row the target already has (the same
// documentId for users, roles matched by type, API tokens by key, sessions by id, settings
// by key).
type MergeMode string

// The merge modes.
const (
	// MergeNone: the target must have no users, or only an earlier import of this source
	// (every target user's id and documentId found in the source), which is then brought up
	// to date as with MergeUpdate: running an import twice changes nothing the second time.
	MergeNone MergeMode = ""
	// MergeSkip keeps the target's rows as they are and adds only what the target lacks.
	MergeSkip MergeMode = "skip"
	// MergeUpdate gives the target's rows the source's values, except a user changed in the
	// target after the source's last change (updatedAt), which is kept and reported.
	MergeUpdate MergeMode = "update"
)

// ParseMergeMode parses a --merge value ("skip" or "update").
func ParseMergeMode(s string) (MergeMode, error) {
	switch m := MergeMode(s); m {
	case MergeSkip, MergeUpdate:
		return m, nil
	}
	return "", fmt.Errorf("unknown merge mode %q: use skip (keep the target's rows) or update (the source's rows win)", s)
}

// ImportOptions tunes Import.
type ImportOptions struct {
	Merge MergeMode
	// DryRun runs the whole import in a transaction that is rolled back: the Report says
	// what a real run would do, and nothing is written.
	DryRun bool
	// Now is the time the fresh expiries of pending codes count from (time.Now when zero).
	Now time.Time
	// ResetTTL and ConfirmTTL are the lifetimes given to pending reset codes and confirmation
	// tokens (Strapi's have none). They must be positive when such a code is pending.
	ResetTTL   time.Duration
	ConfirmTTL time.Duration
	// Fields are the service's custom user fields (USER_FIELDS_FILE); nil when none.
	Fields *profile.Schema
	// Progress, when set, is called as rows are written: stage is "roles", "users",
	// "api tokens", "sessions" or "settings".
	Progress func(stage string, done, total int)
}

// Count is what happened to the rows of one kind.
type Count struct {
	Created   int // inserted
	Updated   int // existing rows given the source's values
	Unchanged int // already as in the source, or kept by MergeSkip
	Conflicts int // not imported: they collide with a different row of the target (Report.Conflicts)
	Skipped   int // not imported for another reason (Report.Skipped)
}

// Conflict is a source row that was not imported because it collides with another row of
// the target, or a target row kept because it changed after the source's.
type Conflict struct {
	Kind   string // "user", "role", "api token", "session"
	Source string // the source row, e.g. `user 12 "alice"`
	Reason string
}

// Skip is something of the source not imported, and why; Count rows or values.
type Skip struct {
	What  string
	Why   string
	Count int
}

// Report says what Import did (or, in a dry run, would do).
type Report struct {
	Engine string    // the source's engine
	Mode   MergeMode // the merge mode applied (MergeUpdate for a re-run)
	Rerun  bool      // the target held an earlier import of this source only
	DryRun bool

	Roles       Count
	Permissions int // role permissions added or removed
	Users       Count
	APITokens   Count
	Sessions    Count
	Settings    Count
	Conflicts   []Conflict
	Skipped     []Skip
}

// skip records n things of the source not imported for the reason why.
func (r *Report) skip(what, why string, n int) {
	for i := range r.Skipped {
		if r.Skipped[i].What == what && r.Skipped[i].Why == why {
			r.Skipped[i].Count += n
			return
		}
	}
	r.Skipped = append(r.Skipped, Skip{What: what, Why: why, Count: n})
}

// conflict records a source row not imported (or a target row kept).
func (r *Report) conflict(c *Count, kind, source, reason string) {
	c.Conflicts++
	r.Conflicts = append(r.Conflicts, Conflict{Kind: kind, Source: source, Reason: reason})
}

// hashCode is what the service stores of a one-time code (internal/auth hashCode): its
// SHA-256 in hex.
func hashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// sourceData is everything Import reads from the source, before its transaction.
type sourceData struct {
	roles    []Role
	users    []User
	tokens   []APIToken
	sessions []Session
	settings map[string]string
}

func readSource(ctx context.Context, src *Source) (sourceData, error) {
	var (
		d   sourceData
		err error
	)
	if d.roles, err = src.Roles(ctx); err != nil {
		return d, err
	}
	if d.users, err = src.Users(ctx); err != nil {
		return d, err
	}
	if d.tokens, err = src.APITokens(ctx); err != nil {
		return d, err
	}
	if d.sessions, err = src.Sessions(ctx); err != nil {
		return d, err
	}
	if d.settings, err = src.Settings(ctx); err != nil {
		return d, err
	}
	return d, nil
}

// importer is one run of Import, inside its transaction.
type importer struct {
	ctx   context.Context
	q     store.Querier
	batch *store.Batch // the users' inserts into an empty target (one round trip per thousand on PostgreSQL)
	opts  ImportOptions
	now   time.Time
	mode  MergeMode // the effective mode: MergeUpdate for an empty target and a re-run
	empty bool      // the target had no users: no user can clash
	rep   *Report
	// roleIDs maps source role ids to the target's.
	roleIDs map[int64]int64
	// userIDs holds the source users that are in the target after the users step with the
	// same id (imported, updated or unchanged): sessions are imported for those only.
	userIDs map[int64]bool
	// fields maps the custom columns to the declared fields (import_fields.go), made at the
	// first user.
	fields *fieldImport
}

// progress reports done of total rows of stage.
func (im *importer) progress(stage string, done, total int) {
	if im.opts.Progress != nil {
		im.opts.Progress(stage, done, total)
	}
}

// Import copies the Users & Permissions data of src into dst in one transaction (on any error
// nothing is imported): roles and their users-permissions actions, users (ids, documentIds,
// password hashes, flags, timestamps, custom fields), API tokens, refresh sessions and the
// plugin's settings (advanced settings, email templates, providers).
//
// A target with users is refused (ErrTargetNotEmpty) unless they are an earlier import of
// this source or opts.Merge says how to resolve what both have (see MergeMode). Roles are
// matched by type; other roles keep the source's id and documentId when free. Strapi's plain
// pending reset codes and confirmation tokens are stored hashed, with fresh expiries
// (opts.ResetTTL, opts.ConfirmTTL from opts.Now).
func Import(ctx context.Context, src *Source, dst *store.Store, opts ImportOptions) (Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Merge != MergeNone {
		if _, err := ParseMergeMode(string(opts.Merge)); err != nil {
			return Report{}, err
		}
	}
	if opts.Fields == nil {
		opts.Fields = profile.Empty()
	}
	data, err := readSource(ctx, src)
	if err != nil {
		return Report{}, err
	}
	for _, u := range data.users {
		if u.ResetPasswordToken != nil && opts.ResetTTL <= 0 {
			return Report{}, fmt.Errorf("import: user %d has a pending reset code: ImportOptions.ResetTTL must be positive", u.ID)
		}
		if u.ConfirmationToken != nil && opts.ConfirmTTL <= 0 {
			return Report{}, fmt.Errorf("import: user %d has a pending confirmation token: ImportOptions.ConfirmTTL must be positive", u.ID)
		}
	}
	var rep Report
	err = dst.InImportTx(ctx, func(q store.Querier, batch *store.Batch) error {
		rep = Report{Engine: src.Engine(), Mode: opts.Merge, DryRun: opts.DryRun}
		im := &importer{ctx: ctx, q: q, batch: batch, opts: opts, now: opts.Now.UTC().Truncate(time.Millisecond), mode: opts.Merge, rep: &rep,
			roleIDs: map[int64]int64{}, userIDs: map[int64]bool{}}
		if err := im.target(data.users); err != nil {
			return err
		}
		if err := im.importRoles(data.roles); err != nil {
			return err
		}
		if err := im.importUsers(data.users); err != nil {
			return err
		}
		if err := im.importAPITokens(data.tokens); err != nil {
			return err
		}
		if err := im.importSessions(data.sessions); err != nil {
			return err
		}
		if err := im.importSettings(data.settings); err != nil {
			return err
		}
		if opts.DryRun {
			return errDryRun
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return Report{}, err
	}
	slices.SortStableFunc(rep.Skipped, func(a, b Skip) int { return strings.Compare(a.What, b.What) })
	return rep, nil
}

// target looks at the target's users and settles the mode: an empty target takes everything
// from the source; a target holding only an earlier import of this source is a re-run.
func (im *importer) target(users []User) error {
	n, err := im.q.CountUsers(im.ctx)
	if err != nil {
		return fmt.Errorf("count the target's users: %w", err)
	}
	if n == 0 {
		im.empty = true
		if im.mode == MergeNone {
			im.mode = MergeUpdate
		}
		return nil
	}
	if im.mode != MergeNone {
		return nil
	}
	keys, err := im.q.ImportListUserKeys(im.ctx)
	if err != nil {
		return fmt.Errorf("list the target's users: %w", err)
	}
	source := make(map[int64]string, len(users))
	for _, u := range users {
		source[u.ID] = u.DocumentID
	}
	foreign := 0
	for _, k := range keys {
		if doc, ok := source[k.ID]; !ok || doc != k.DocumentID {
			foreign++
		}
	}
	if foreign > 0 {
		return fmt.Errorf("import: %w: %d of its %d users are not from this source; choose how to merge (--merge skip or --merge update)",
			ErrTargetNotEmpty, foreign, n)
	}
	im.rep.Rerun = true
	im.mode = MergeUpdate
	im.rep.Mode = MergeUpdate
	return nil
}

// importRoles imports the roles, matched by type, and fills im.roleIDs.
func (im *importer) importRoles(roles []Role) error {
	for i, r := range roles {
		id, err := im.importRole(r)
		if err != nil {
			return fmt.Errorf("import role %d (%s): %w", r.ID, r.Type, err)
		}
		im.roleIDs[r.ID] = id
		im.progress("roles", i+1, len(roles))
	}
	return nil
}

// importRole updates (matched by type, unless MergeSkip) or inserts r with its
// users-permissions actions, and returns its id in the target.
func (im *importer) importRole(r Role) (int64, error) {
	ctx, q := im.ctx, im.q
	var actions []string
	for _, a := range r.Actions {
		if strings.HasPrefix(a, UsersPermissionsPrefix) {
			actions = append(actions, a)
		} else {
			im.rep.skip("role permission", "not a Users & Permissions action (content types stay with Strapi)", 1)
		}
	}
	var desc *string
	if r.Description != "" {
		d := r.Description
		desc = &d
	}
	existing, err := q.GetRoleByType(ctx, r.Type)
	switch {
	case err == nil:
		if im.mode == MergeSkip {
			im.rep.Roles.Unchanged++
			return existing.ID, nil
		}
		have, err := q.ListRoleActions(ctx, existing.ID)
		if err != nil {
			return 0, err
		}
		add, remove := diff(have, actions)
		same := existing.Name == r.Name && equalPtr(existing.Description, desc) && len(add) == 0 && len(remove) == 0
		if same {
			im.rep.Roles.Unchanged++
			return existing.ID, nil
		}
		if err := q.ImportUpdateRole(ctx, db.ImportUpdateRoleParams{ID: existing.ID, Name: r.Name, Description: desc, Now: im.now}); err != nil {
			return 0, err
		}
		if err := im.setActions(existing.ID, add, remove); err != nil {
			return 0, err
		}
		im.rep.Roles.Updated++
		return existing.ID, nil
	case store.IsNotFound(err):
	default:
		return 0, err
	}
	created, updated, published := r.CreatedAt, r.UpdatedAt, r.PublishedAt
	if created.IsZero() {
		created = im.now
	}
	if updated.IsZero() {
		updated = created
	}
	if published.IsZero() {
		published = created
	}
	docID := r.DocumentID
	if docID == "" {
		docID = store.NewDocumentID()
	} else if n, err := q.ImportRoleDocumentIDTaken(ctx, docID); err != nil {
		return 0, err
	} else if n > 0 {
		docID = store.NewDocumentID()
	}
	n, err := q.ImportRoleIDTaken(ctx, r.ID)
	if err != nil {
		return 0, err
	}
	var id int64
	if n == 0 {
		id = r.ID
		err = q.ImportInsertRoleWithID(ctx, db.ImportInsertRoleWithIDParams{ID: id, DocumentID: docID,
			Name: r.Name, Description: desc, Type: r.Type, CreatedAt: created, UpdatedAt: updated, PublishedAt: published})
	} else {
		id, err = q.ImportInsertRole(ctx, db.ImportInsertRoleParams{DocumentID: docID,
			Name: r.Name, Description: desc, Type: r.Type, CreatedAt: created, UpdatedAt: updated, PublishedAt: published})
	}
	if err != nil {
		return 0, err
	}
	if err := im.setActions(id, actions, nil); err != nil {
		return 0, err
	}
	im.rep.Roles.Created++
	return id, nil
}

// setActions adds and removes permissions of role id.
func (im *importer) setActions(id int64, add, remove []string) error {
	for _, a := range add {
		if err := im.q.AddRolePermission(im.ctx, db.AddRolePermissionParams{DocumentID: store.NewDocumentID(),
			RoleID: id, Action: a, Now: im.now}); err != nil {
			return fmt.Errorf("add permission %s: %w", a, err)
		}
	}
	for _, a := range remove {
		if err := im.q.RemoveRolePermission(im.ctx, db.RemoveRolePermissionParams{RoleID: id, Action: a}); err != nil {
			return fmt.Errorf("remove permission %s: %w", a, err)
		}
	}
	im.rep.Permissions += len(add) + len(remove)
	return nil
}

// diff returns what is in want and not in have, and what is in have and not in want.
func diff(have, want []string) (add, remove []string) {
	for _, a := range want {
		if !slices.Contains(have, a) {
			add = append(add, a)
		}
	}
	for _, a := range have {
		if !slices.Contains(want, a) {
			remove = append(remove, a)
		}
	}
	return add, remove
}

func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// userLabel names a source user in the report.
func userLabel(u User) string { return fmt.Sprintf("user %d %q", u.ID, u.Username) }

// importUsers inserts the source's users, or (merging) resolves them against the target's.
// Into an empty target the inserts go through im.batch: on PostgreSQL one round trip per
// user was most of an import's time. Merging reads the target before each write, so it
// writes at once.
func (im *importer) importUsers(users []User) error {
	for i, u := range users {
		p, err := im.userParams(u)
		if err != nil {
			return fmt.Errorf("import %s: %w", userLabel(u), err)
		}
		if im.empty {
			// A queued insert's error surfaces later: wrap names its user then.
			err := im.batch.Exec(func(q store.Querier) error { return q.ImportInsertUser(im.ctx, p) },
				func(err error) error { return fmt.Errorf("import %s: %w", userLabel(u), err) })
			if err != nil {
				return err
			}
			im.rep.Users.Created++
			im.userIDs[u.ID] = true
		} else if err := im.mergeUser(u, p); err != nil {
			return fmt.Errorf("import %s: %w", userLabel(u), err)
		}
		if (i+1)%1000 == 0 || i+1 == len(users) {
			im.progress("users", i+1, len(users))
		}
	}
	// The next steps insert rows that refer to the users.
	return im.batch.Flush()
}

// userParams is the target row of source user u.
func (im *importer) userParams(u User) (db.ImportInsertUserParams, error) {
	p := db.ImportInsertUserParams{ID: u.ID, DocumentID: u.DocumentID, Username: u.Username,
		Email: u.Email, Provider: u.Provider, Password: u.Password, Confirmed: u.Confirmed,
		Blocked: u.Blocked, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, PublishedAt: u.PublishedAt}
	if p.Provider == "" {
		p.Provider = "local"
	}
	if p.PublishedAt.IsZero() {
		p.PublishedAt = u.CreatedAt
	}
	if u.RoleID != nil {
		id, ok := im.roleIDs[*u.RoleID]
		if !ok {
			return p, fmt.Errorf("role %d not found in the source", *u.RoleID)
		}
		p.RoleID = &id
	}
	if u.ResetPasswordToken != nil && *u.ResetPasswordToken != "" {
		h, exp := hashCode(*u.ResetPasswordToken), im.now.Add(im.opts.ResetTTL)
		p.ResetPasswordTokenHash, p.ResetPasswordExpiresAt = &h, &exp
	}
	if u.ConfirmationToken != nil && *u.ConfirmationToken != "" {
		h, exp := hashCode(*u.ConfirmationToken), im.now.Add(im.opts.ConfirmTTL)
		p.ConfirmationTokenHash, p.ConfirmationExpiresAt = &h, &exp
	}
	prof, err := im.profile(u)
	if err != nil {
		return p, err
	}
	p.Profile = prof
	return p, nil
}

// mergeUser imports u into a target that has users: inserted when nothing clashes, resolved
// by the mode when the target has it (same id and documentId), a conflict otherwise.
func (im *importer) mergeUser(u User, p db.ImportInsertUserParams) error {
	clashes, err := im.q.ImportUserClashes(im.ctx, db.ImportUserClashesParams{ID: u.ID, DocumentID: u.DocumentID,
		Username: u.Username, Email: strings.ToLower(u.Email)})
	if err != nil {
		return err
	}
	if len(clashes) == 0 {
		if err := im.q.ImportInsertUser(im.ctx, p); err != nil {
			return err
		}
		im.rep.Users.Created++
		im.userIDs[u.ID] = true
		return nil
	}
	var same *db.UpUser
	for i, c := range clashes {
		if c.ID == u.ID && c.DocumentID == u.DocumentID {
			same = &clashes[i]
			continue
		}
		im.rep.conflict(&im.rep.Users, "user", userLabel(u), clashReason(u, c))
		return nil
	}
	im.userIDs[u.ID] = true
	t := *same
	keepReset := p.ResetPasswordTokenHash != nil && equalPtr(p.ResetPasswordTokenHash, t.ResetPasswordTokenHash)
	if keepReset { // the same pending code: its expiry stays
		p.ResetPasswordExpiresAt = t.ResetPasswordExpiresAt
	}
	if p.ConfirmationTokenHash != nil && equalPtr(p.ConfirmationTokenHash, t.ConfirmationTokenHash) {
		p.ConfirmationExpiresAt = t.ConfirmationExpiresAt
	}
	unchanged := t.Username == p.Username && t.Email == p.Email && t.Provider == p.Provider &&
		equalPtr(t.Password, p.Password) && equalPtr(t.ResetPasswordTokenHash, p.ResetPasswordTokenHash) &&
		equalPtr(t.ConfirmationTokenHash, p.ConfirmationTokenHash) && t.Confirmed == p.Confirmed &&
		t.Blocked == p.Blocked && equalPtr(t.RoleID, p.RoleID) && sameProfile(t.Profile, p.Profile)
	switch {
	case unchanged || im.mode == MergeSkip:
		im.rep.Users.Unchanged++
		return nil
	case t.UpdatedAt.After(p.UpdatedAt):
		im.rep.conflict(&im.rep.Users, "user", userLabel(u),
			"changed in this service after its last change in Strapi: kept as it is here")
		return nil
	}
	err = im.q.ImportUpdateUser(im.ctx, db.ImportUpdateUserParams{ID: t.ID, Username: p.Username, Email: p.Email,
		Provider: p.Provider, Password: p.Password, ResetPasswordTokenHash: p.ResetPasswordTokenHash,
		ResetPasswordExpiresAt: p.ResetPasswordExpiresAt, ConfirmationTokenHash: p.ConfirmationTokenHash,
		ConfirmationExpiresAt: p.ConfirmationExpiresAt, Confirmed: p.Confirmed, Blocked: p.Blocked,
		RoleID: p.RoleID, Profile: p.Profile, UpdatedAt: p.UpdatedAt, PublishedAt: p.PublishedAt})
	if err != nil {
		return err
	}
	im.rep.Users.Updated++
	return nil
}

// clashReason says which of u's keys the target's user c holds.
func clashReason(u User, c db.UpUser) string {
	var what []string
	if c.ID == u.ID {
		what = append(what, "id")
	}
	if c.DocumentID == u.DocumentID {
		what = append(what, "documentId")
	}
	if c.Username == u.Username {
		what = append(what, "username")
	}
	if strings.EqualFold(c.Email, u.Email) {
		what = append(what, "email")
	}
	return fmt.Sprintf("%s taken by the target's user %d %q", strings.Join(what, ", "), c.ID, c.Username)
}
