package strapidb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// ErrTargetNotEmpty is returned by Import when the service's database already has users.
var ErrTargetNotEmpty = errors.New("the target database already has users")

// UsersPermissionsPrefix is the prefix of the actions Import keeps; others are skipped.
const UsersPermissionsPrefix = "plugin::users-permissions."

// ImportOptions tunes Import.
type ImportOptions struct {
	// Merge will allow importing into a database that already has users. Not implemented
	// yet: Import refuses a non-empty target with ErrTargetNotEmpty either way.
	Merge bool
	// Now is the time the fresh expiries of pending codes count from (time.Now when zero).
	Now time.Time
	// ResetTTL and ConfirmTTL are the lifetimes given to pending reset codes and confirmation
	// tokens (Strapi's have none). They must be positive when such a code is pending.
	ResetTTL   time.Duration
	ConfirmTTL time.Duration
}

// Report counts what Import did.
type Report struct {
	RolesCreated   int // roles inserted (types the target did not have)
	RolesUpdated   int // roles of the target matched by type: name, description and permissions replaced
	Permissions    int // permissions inserted
	Users          int // users inserted
	SkippedActions int // source permissions that are not plugin::users-permissions.* actions
	// SkippedColumns is the number of custom columns of the source's up_users that were not
	// imported (SkippedColumnNames lists them, sorted).
	SkippedColumns     int
	SkippedColumnNames []string
}

// hashCode is what the service stores of a one-time code (internal/auth hashCode): its
// SHA-256 in hex.
func hashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// Import copies the Users & Permissions data of src (roles with their users-permissions
// actions, users) into dst, in one transaction: on any error nothing is imported.
//
// It refuses a target that already has users (ErrTargetNotEmpty). Roles are matched by type:
// an existing role (Strapi's authenticated and public, made by the migrations) takes the
// source's name and description and its permissions are replaced by the source's; other roles
// are inserted keeping the source's id and documentId when free. Users keep their id,
// documentId, username, email (as stored), provider, password hash, confirmed, blocked, role
// and timestamps; pending reset codes and confirmation tokens are stored hashed with fresh
// expiries (opts.ResetTTL, opts.ConfirmTTL from opts.Now). Custom user columns are not
// imported yet (Report.SkippedColumns).
func Import(ctx context.Context, src *Source, dst *store.Store, opts ImportOptions) (Report, error) {
	var rep Report
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	now := opts.Now.UTC()
	roles, err := src.Roles(ctx)
	if err != nil {
		return rep, err
	}
	users, err := src.Users(ctx)
	if err != nil {
		return rep, err
	}
	skipped := map[string]bool{}
	for _, u := range users {
		if u.ResetPasswordToken != nil && opts.ResetTTL <= 0 {
			return rep, fmt.Errorf("import: user %d has a pending reset code: ImportOptions.ResetTTL must be positive", u.ID)
		}
		if u.ConfirmationToken != nil && opts.ConfirmTTL <= 0 {
			return rep, fmt.Errorf("import: user %d has a pending confirmation token: ImportOptions.ConfirmTTL must be positive", u.ID)
		}
		for c := range u.Custom {
			skipped[c] = true
		}
	}
	err = dst.InImportTx(ctx, func(q store.Querier) error {
		rep = Report{}
		n, err := q.CountUsers(ctx)
		if err != nil {
			return fmt.Errorf("count the target's users: %w", err)
		}
		if n > 0 {
			if opts.Merge {
				return fmt.Errorf("import: %w (%d), and merging is not implemented yet", ErrTargetNotEmpty, n)
			}
			return fmt.Errorf("import: %w (%d)", ErrTargetNotEmpty, n)
		}
		roleIDs := map[int64]int64{} // source role id -> target role id
		for _, r := range roles {
			id, err := importRole(ctx, q, r, now, &rep)
			if err != nil {
				return fmt.Errorf("import role %d (%s): %w", r.ID, r.Type, err)
			}
			roleIDs[r.ID] = id
		}
		for _, u := range users {
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
				id, ok := roleIDs[*u.RoleID]
				if !ok {
					return fmt.Errorf("import user %d (%s): role %d not found in the source", u.ID, u.Username, *u.RoleID)
				}
				p.RoleID = &id
			}
			if u.ResetPasswordToken != nil && *u.ResetPasswordToken != "" {
				h, exp := hashCode(*u.ResetPasswordToken), now.Add(opts.ResetTTL)
				p.ResetPasswordTokenHash, p.ResetPasswordExpiresAt = &h, &exp
			}
			if u.ConfirmationToken != nil && *u.ConfirmationToken != "" {
				h, exp := hashCode(*u.ConfirmationToken), now.Add(opts.ConfirmTTL)
				p.ConfirmationTokenHash, p.ConfirmationExpiresAt = &h, &exp
			}
			if err := q.ImportInsertUser(ctx, p); err != nil {
				return fmt.Errorf("import user %d (%s): %w", u.ID, u.Username, err)
			}
			rep.Users++
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	for c := range skipped {
		rep.SkippedColumnNames = append(rep.SkippedColumnNames, c)
	}
	sort.Strings(rep.SkippedColumnNames)
	rep.SkippedColumns = len(rep.SkippedColumnNames)
	return rep, nil
}

// importRole updates (matched by type) or inserts r, replaces its permissions, and returns
// its id in the target.
func importRole(ctx context.Context, q store.Querier, r Role, now time.Time, rep *Report) (int64, error) {
	var desc *string
	if r.Description != "" {
		d := r.Description
		desc = &d
	}
	var id int64
	existing, err := q.GetRoleByType(ctx, r.Type)
	switch {
	case err == nil:
		id = existing.ID
		if err := q.ImportUpdateRole(ctx, db.ImportUpdateRoleParams{ID: id, Name: r.Name, Description: desc, Now: now}); err != nil {
			return 0, err
		}
		if err := q.ImportClearRolePermissions(ctx, id); err != nil {
			return 0, err
		}
		rep.RolesUpdated++
	case store.IsNotFound(err):
		created, updated, published := r.CreatedAt, r.UpdatedAt, r.PublishedAt
		if created.IsZero() {
			created = now
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
		rep.RolesCreated++
	default:
		return 0, err
	}
	for _, a := range r.Actions {
		if !strings.HasPrefix(a, UsersPermissionsPrefix) {
			rep.SkippedActions++
			continue
		}
		if err := q.AddRolePermission(ctx, db.AddRolePermissionParams{DocumentID: store.NewDocumentID(),
			RoleID: id, Action: a, Now: now}); err != nil {
			return 0, fmt.Errorf("add permission %s: %w", a, err)
		}
		rep.Permissions++
	}
	return id, nil
}
