package auth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// The users API (Strapi's user.find, findOne, count, create, update, destroy): the rules of
// plugin::users-permissions's user controller, its yup validation and the entity validator
// of the user model, with Strapi's messages.

// UserEntry is a user as the users API shows it, with its role when the query populated it.
type UserEntry = store.UserEntry

// ListUsers returns the users the query selects.
func (s *Service) ListUsers(ctx context.Context, q *strapiquery.Query) ([]UserEntry, error) {
	users, err := s.store.ListUsers(ctx, q)
	return users, tooLong(err)
}

// CountUsers counts the users the query's filters and search select.
func (s *Service) CountUsers(ctx context.Context, q *strapiquery.Query) (int64, error) {
	n, err := s.store.CountUsers(ctx, q)
	return n, tooLong(err)
}

// FindUser returns the user with that id, or nil when there is none (or the query's
// filters exclude it).
func (s *Service) FindUser(ctx context.Context, id int64, q *strapiquery.Query) (*UserEntry, error) {
	e, err := s.store.FindUser(ctx, id, q)
	return e, tooLong(err)
}

// tooLong turns a users query stopped by USERS_QUERY_TIMEOUT into ErrQueryTooLong (503):
// the client is told why, and the access log shows the request; other errors pass as they
// are.
func tooLong(err error) error {
	if errors.Is(err, store.ErrQueryTimeout) {
		return ErrQueryTooLong
	}
	return err
}

// UserRoleInput is the role a create or update names, as sent: an id, a documentId, or
// Strapi's relation object {connect: [{id} | {documentId}], disconnect: [...]}.
type UserRoleInput struct {
	ID         *int64
	DocumentID *string
	Object     bool // the relation object form
	Connect    *[]RelationRef
	Disconnect *[]RelationRef
	Raw        any // the value as sent, for validation errors
}

// RelationRef is an entry of connect or disconnect.
type RelationRef struct {
	ID         *int64
	DocumentID *string
	Raw        any
}

// CreateUserInput is the body of POST /api/users. Other keys are ignored.
type CreateUserInput struct {
	Username, Email, Password string
	Role                      UserRoleInput
	Confirmed, Blocked        *bool
	Fields                    map[string]any // custom user fields, as sent
}

// UpdateUserInput is the body of PUT /api/users/:id: the fields given.
type UpdateUserInput struct {
	Username, Email    *string
	Password           *string
	PasswordGiven      bool // "password" is a key of the body, even null
	Role               *UserRoleInput
	Confirmed, Blocked *bool
	Fields             map[string]any // custom user fields, as sent
}

// The errors of the users API, worded as Strapi words them.
var (
	ErrUpdateUserNotFound = &apierror.Error{Kind: apierror.NotFound, Message: "User not found"}
	ErrEmailTaken         = &apierror.Error{Kind: apierror.Application, Message: "Email already taken"}
	ErrUsernameTaken      = &apierror.Error{Kind: apierror.Application, Message: "Username already taken"}
	ErrPasswordNotNull    = &apierror.Error{Kind: apierror.Validation, Message: "password.notNull"}
)

const (
	errUniqueAttribute   = "This attribute must be unique"
	errRoleDoesNotExist  = "1 relation(s) of type plugin::users-permissions.role associated with this entity do not exist"
	errUsersMustHaveRole = "Users must have a role"
	errRelationEntry     = "Relation entry must include an id or documentId"
	errCannotRemoveRole  = "Cannot remove role"
)

// CreateUser creates a local user, as Strapi's POST /api/users: yup validation of the role,
// "Email already taken", then the entity validator (username 3 to 255 characters and
// unique, password at least 6, the role existing), whose errors are answered as one
// ApplicationError without details. The email is stored lower-cased.
func (s *Service) CreateUser(ctx context.Context, in CreateUserInput) (UserEntry, error) {
	if fields := createRoleErrors(in.Role); len(fields) > 0 {
		return UserEntry{}, apierror.Invalid(fields...)
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return UserEntry{}, err
	}
	email := strings.ToLower(in.Email)
	if adv.UniqueEmail {
		if _, err := s.store.Q.GetUserByEmail(ctx, email); err == nil {
			return UserEntry{}, ErrEmailTaken
		} else if !store.IsNotFound(err) {
			return UserEntry{}, fmt.Errorf("check email: %w", err)
		}
	}
	fields, err := s.entityErrors(ctx, &in.Username, &in.Password, true)
	if err != nil {
		return UserEntry{}, err
	}
	vals, fieldErrs, err := s.checkFields(ctx, in.Fields, true, 0)
	if err != nil {
		return UserEntry{}, err
	}
	fields = append(fields, fieldErrs...)
	if len(fields) > 0 {
		// Strapi's controller re-throws whatever the creation threw as an ApplicationError
		// with its message only.
		return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: apierror.Invalid(fields...).Message}
	}
	profileJSON, err := encodeFields(vals)
	if err != nil {
		return UserEntry{}, err
	}
	refs := []RelationRef{{ID: in.Role.ID, DocumentID: in.Role.DocumentID}}
	if in.Role.Object {
		refs = *in.Role.Connect // not empty: checked by createRoleErrors
	}
	role, err := s.findRole(ctx, refs[len(refs)-1])
	if err != nil {
		return UserEntry{}, err
	}
	if role == nil {
		return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: errRoleDoesNotExist}
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return UserEntry{}, err
	}
	u, err := s.store.Q.CreateUser(ctx, db.CreateUserParams{
		DocumentID: store.NewDocumentID(),
		Username:   in.Username,
		Email:      email,
		Provider:   "local",
		Password:   &hash,
		Confirmed:  in.Confirmed != nil && *in.Confirmed,
		Blocked:    in.Blocked != nil && *in.Blocked,
		RoleID:     &role.ID,
		Profile:    profileJSON,
		Now:        s.now(),
	})
	if taken := fieldTaken(err); taken != nil { // a concurrent write took a unique field's value
		return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: taken.(*apierror.Error).Message}
	}
	if store.IsUniqueViolation(err) { // a concurrent write took the username or the email
		if _, err := s.store.Q.GetUserByUsername(ctx, in.Username); err == nil {
			return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: errUniqueAttribute}
		}
		return UserEntry{}, ErrEmailTaken
	}
	if store.IsForeignKeyViolation(err) { // the role was deleted since it was read
		return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: errRoleDoesNotExist}
	}
	if err != nil {
		return UserEntry{}, fmt.Errorf("create user: %w", err)
	}
	return UserEntry{User: u, Role: role}, nil
}

// UpdateUser changes the fields given, in Strapi's order of checks: 404 "User not found",
// yup validation of the role, "password.notNull", "Username already taken", "Email
// already taken" (with unique_email, which also lower-cases the email), then the entity
// validator. A new password makes every token issued before it stop working, and a new
// password or a block ends the user's sessions (D5). A new password, a block or a new email
// cancels a pending change of email; a new password or email is told to the user's old
// address (the password_changed and email_changed notices).
func (s *Service) UpdateUser(ctx context.Context, id int64, in UpdateUserInput) (UserEntry, error) {
	cur, err := s.store.Q.GetUser(ctx, id)
	if store.IsNotFound(err) {
		return UserEntry{}, ErrUpdateUserNotFound
	}
	if err != nil {
		return UserEntry{}, fmt.Errorf("find user: %w", err)
	}
	if in.Role != nil {
		if fields := updateRoleErrors(*in.Role); len(fields) > 0 {
			return UserEntry{}, apierror.Invalid(fields...)
		}
	}
	password := in.Password
	if in.PasswordGiven && (password == nil || *password == "") {
		if cur.Provider == "local" {
			return UserEntry{}, ErrPasswordNotNull
		}
		password = nil
	}
	if in.Username != nil {
		other, err := s.store.Q.GetUserByUsername(ctx, *in.Username)
		if err == nil && other.ID != id {
			return UserEntry{}, ErrUsernameTaken
		} else if err != nil && !store.IsNotFound(err) {
			return UserEntry{}, fmt.Errorf("check username: %w", err)
		}
	}
	adv, err := s.Settings.Advanced(ctx)
	if err != nil {
		return UserEntry{}, err
	}
	email := in.Email
	if email != nil && adv.UniqueEmail {
		lower := strings.ToLower(*email)
		other, err := s.store.Q.GetUserByEmail(ctx, lower)
		if err == nil && other.ID != id {
			return UserEntry{}, ErrEmailTaken
		} else if err != nil && !store.IsNotFound(err) {
			return UserEntry{}, fmt.Errorf("check email: %w", err)
		}
		email = &lower
	}
	fields, err := s.entityErrors(ctx, in.Username, password, false) // the username: checked above
	if err != nil {
		return UserEntry{}, err
	}
	vals, fieldErrs, err := s.checkFields(ctx, in.Fields, false, id)
	if err != nil {
		return UserEntry{}, err
	}
	fields = append(fields, fieldErrs...)
	if len(fields) > 0 {
		return UserEntry{}, apierror.Invalid(fields...)
	}
	var roleID *int64
	if in.Role != nil {
		var ref *RelationRef
		switch {
		case !in.Role.Object:
			ref = &RelationRef{ID: in.Role.ID, DocumentID: in.Role.DocumentID}
		case in.Role.Connect != nil && len(*in.Role.Connect) > 0:
			ref = &(*in.Role.Connect)[len(*in.Role.Connect)-1]
		}
		if ref != nil {
			role, err := s.findRole(ctx, *ref)
			if err != nil {
				return UserEntry{}, err
			}
			if role == nil {
				return UserEntry{}, &apierror.Error{Kind: apierror.Validation, Message: errRoleDoesNotExist}
			}
			roleID = &role.ID
		}
	}
	now := s.now()
	params := db.UsersAPIUpdateUserParams{
		ID: id, Username: in.Username, Email: email, Confirmed: in.Confirmed, Blocked: in.Blocked,
		RoleID: roleID, Now: now, NowUnix: now.Unix(),
	}
	if password != nil {
		hash, err := s.hasher.Hash(ctx, *password)
		if err != nil {
			return UserEntry{}, err
		}
		params.Password = &hash
	}
	// A new password or a block kills every token issued so far, as a password reset does,
	// and a pending reset code (D5); unblocking later revives none.
	params.RevokeTokens = params.Password != nil || (in.Blocked != nil && *in.Blocked)
	newEmail := email != nil && !strings.EqualFold(*email, cur.Email)
	var tpls settings.EmailTemplates
	if params.Password != nil || newEmail {
		if tpls, err = s.Settings.Templates(ctx); err != nil {
			return UserEntry{}, err
		}
	}
	var u db.UpUser
	if params.RevokeTokens || newEmail || len(vals) > 0 {
		// In the same transaction: a new password or a block ends the user's sessions (D5)
		// and, with a new email, cancels a pending change of email; a new password or email
		// is told to the address the user had (the notices, rendered for the user as it was);
		// the custom fields are merged into the stored ones under the row lock of the update.
		err = s.store.InTx(ctx, func(q store.Querier) error {
			if u, err = q.UsersAPIUpdateUser(ctx, params); err != nil {
				return err
			}
			if u, err = s.writeFields(ctx, q, u, vals); err != nil {
				return err
			}
			if params.RevokeTokens || newEmail {
				if err := q.DeleteEmailChange(ctx, id); err != nil {
					return err
				}
			}
			if params.Password != nil {
				if err := s.queueNotice(ctx, q, MailPasswordChanged, cur, tpls.PasswordChanged, now); err != nil {
					return err
				}
			}
			if newEmail {
				// The codes mailed to the old address stop working, as a confirmed change
				// of email makes them.
				if err := q.UsersAPIDropCodes(ctx, id); err != nil {
					return err
				}
				if err := s.queueNotice(ctx, q, MailEmailChanged, cur, tpls.EmailChanged, now); err != nil {
					return err
				}
			}
			if !params.RevokeTokens {
				return nil
			}
			_, err = q.DeleteUserSessions(ctx, id)
			return err
		})
		if err == nil && (params.Password != nil || newEmail) {
			s.o.MailRequested()
		}
	} else {
		u, err = s.store.Q.UsersAPIUpdateUser(ctx, params)
	}
	if taken := fieldTaken(err); taken != nil { // a concurrent write took a unique field's value
		return UserEntry{}, taken
	}
	if store.IsUniqueViolation(err) { // a concurrent write took the username or the email
		if in.Username != nil {
			if other, err := s.store.Q.GetUserByUsername(ctx, *in.Username); err == nil && other.ID != id {
				return UserEntry{}, ErrUsernameTaken
			}
		}
		return UserEntry{}, ErrEmailTaken
	}
	if store.IsNotFound(err) { // deleted meanwhile
		return UserEntry{}, ErrUpdateUserNotFound
	}
	if store.IsForeignKeyViolation(err) { // the role was deleted since it was read
		return UserEntry{}, &apierror.Error{Kind: apierror.Application, Message: errRoleDoesNotExist}
	}
	if err != nil {
		return UserEntry{}, fmt.Errorf("update user: %w", err)
	}
	e := UserEntry{User: u}
	if u.RoleID != nil {
		r, err := s.store.Q.GetRole(ctx, *u.RoleID)
		if err != nil && !store.IsNotFound(err) {
			return UserEntry{}, fmt.Errorf("load role: %w", err)
		}
		if err == nil {
			e.Role = &r
		}
	}
	return e, nil
}

// DeleteUser deletes a user and returns it, or nil when there was none. Its sessions go
// with it (ON DELETE CASCADE), and its tokens fail from the next request on.
func (s *Service) DeleteUser(ctx context.Context, id int64) (*db.UpUser, error) {
	u, err := s.store.Q.UsersAPIDeleteUser(ctx, id)
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("delete user: %w", err)
	}
	return &u, nil
}

// entityErrors checks what Strapi's entity validator checks of a user write, in the
// model's order: the username (3 to 255 characters; with checkUnique, a creation's, not
// another user's: an update checks it before), then the password (at least 6 characters).
// Lengths count UTF-16 code units, as JavaScript's do. A password over bcrypt's 72 bytes is
// refused too, as register refuses it (Strapi's bcryptjs would silently use its first 72
// bytes).
func (s *Service) entityErrors(ctx context.Context, username, password *string, checkUnique bool) ([]apierror.FieldError, error) {
	var fields []apierror.FieldError
	if username != nil {
		n := jsLength(*username)
		if n < 3 {
			fields = append(fields, apierror.FieldInvalid("username", "username must be at least 3 characters", *username))
		}
		if n > 255 {
			fields = append(fields, apierror.FieldInvalid("username", "username must be at most 255 characters", *username))
		}
		if f, bad := usernameInvisible(*username); bad {
			fields = append(fields, f)
		}
		if checkUnique {
			_, err := s.store.Q.GetUserByUsername(ctx, *username)
			switch {
			case err == nil:
				fields = append(fields, apierror.FieldInvalid("username", errUniqueAttribute, *username))
			case err != nil && !store.IsNotFound(err):
				return nil, fmt.Errorf("check username: %w", err)
			}
		}
	}
	if password != nil {
		if jsLength(*password) < 6 {
			fields = append(fields, apierror.FieldInvalid("password", "password must be at least 6 characters", *password))
		}
		if f, tooLong := passwordTooLong(*password); tooLong {
			fields = append(fields, f)
		}
	}
	return fields, nil
}

// usernameInvisible is the field error of a username with characters a reader cannot
// see or that change how the rest reads: control characters (C0, DEL, C1), formatting
// characters (bidi overrides and isolates, zero-width spaces and joiners, the byte order
// mark, soft hyphens) and line or paragraph separators. Such names impersonate others
// ("admin" with a zero-width space) or reorder what a page shows next to them.
func usernameInvisible(username string) (apierror.FieldError, bool) {
	for _, r := range username {
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return apierror.FieldInvalid("username", "username must not contain control, formatting or invisible characters", username), true
		}
	}
	return apierror.FieldError{}, false
}

func jsLength(s string) int { return len(utf16.Encode([]rune(s))) }

// createRoleErrors is the yup validation of a created user's role: an id, a documentId, or
// {connect: [...]} with at least one entry, each with an id or a documentId.
func createRoleErrors(r UserRoleInput) []apierror.FieldError {
	if !r.Object {
		return nil
	}
	if r.Connect == nil {
		return []apierror.FieldError{{Path: []string{"role", "connect"}, Message: "role.connect is a required field"}}
	}
	if len(*r.Connect) == 0 {
		return []apierror.FieldError{{Path: []string{"role", "connect"}, Message: errUsersMustHaveRole, Value: []any{}, HasValue: true}}
	}
	return relationErrors("connect", *r.Connect)
}

// updateRoleErrors is the yup validation of an updated user's role: a disconnect without a
// connect would leave the user without a role.
func updateRoleErrors(r UserRoleInput) []apierror.FieldError {
	if !r.Object {
		return nil
	}
	var fields []apierror.FieldError
	if r.Connect != nil {
		fields = append(fields, relationErrors("connect", *r.Connect)...)
	}
	if r.Disconnect != nil {
		fields = append(fields, relationErrors("disconnect", *r.Disconnect)...)
		if len(*r.Disconnect) > 0 && (r.Connect == nil || len(*r.Connect) == 0) {
			raw := make([]any, len(*r.Disconnect))
			for i, d := range *r.Disconnect {
				raw[i] = d.Raw
			}
			fields = append(fields, apierror.FieldError{Path: []string{"role", "disconnect"}, Message: errCannotRemoveRole, Value: raw, HasValue: true})
		}
	}
	return fields
}

func relationErrors(key string, refs []RelationRef) []apierror.FieldError {
	var fields []apierror.FieldError
	for i, ref := range refs {
		if ref.ID == nil && (ref.DocumentID == nil || *ref.DocumentID == "") {
			fields = append(fields, apierror.FieldError{
				Path: []string{"role", key, strconv.Itoa(i)}, Message: errRelationEntry, Value: ref.Raw, HasValue: ref.Raw != nil,
			})
		}
	}
	return fields
}

// findRole finds the role a reference names, or nil.
func (s *Service) findRole(ctx context.Context, ref RelationRef) (*db.UpRole, error) {
	var (
		r   db.UpRole
		err error
	)
	switch {
	case ref.ID != nil:
		r, err = s.store.Q.GetRole(ctx, *ref.ID)
	case ref.DocumentID != nil:
		r, err = s.store.Q.UsersAPIRoleByDocumentID(ctx, *ref.DocumentID)
	default:
		return nil, nil
	}
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find role: %w", err)
	}
	return &r, nil
}
