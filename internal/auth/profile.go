package auth

import (
	"context"
	"fmt"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The custom user fields of a write (register, the users API, PUT /api/users/me): checked
// as Strapi's entity validator checks the attributes of its user model, in the order they
// are declared, then their uniqueness (a lookup first, for Strapi's answer; the unique
// index of the field for writes racing each other).

// checkFields converts the custom field values sent (raw: the body's custom keys) into the
// values to store, or the field errors of Strapi's entity validator, which the caller joins
// to its own. create applies the rules of a creation (required fields, defaults); userID is
// the user written (0: a new one), whose own values do not conflict with themselves. The
// error is a failure to check, not a refusal.
func (s *Service) checkFields(ctx context.Context, raw map[string]any, create bool, userID int64) (profile.Values, []apierror.FieldError, error) {
	if s.fields.Len() == 0 {
		return nil, nil, nil
	}
	vals, errs := s.fields.CheckInput(raw, create)
	for _, f := range s.fields.Fields {
		v, ok := vals[f.Name]
		if !f.Unique || !ok || v == nil {
			continue
		}
		taken, err := s.store.ProfileValueTaken(ctx, f.Name, v, userID)
		if err != nil {
			return nil, nil, err
		}
		if taken {
			errs = append(errs, apierror.FieldInvalid(f.Name, errUniqueAttribute, raw[f.Name]))
		}
	}
	return vals, errs, nil
}

// fieldTaken is the answer to a write that lost the race for a unique custom field value
// (the unique index refused it), or nil when err is not that.
func fieldTaken(err error) error {
	name := store.UniqueViolationField(err)
	if name == "" {
		return nil
	}
	return apierror.Invalid(apierror.FieldError{Path: []string{name}, Message: errUniqueAttribute})
}

// encodeFields is the profile column of a new user.
func encodeFields(vals profile.Values) (*string, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	return profile.Encode(vals)
}

// writeFields merges the values into the user's stored ones, in q's transaction, after a
// write of the same transaction locked the user's row (so that concurrent edits of other
// fields are read, and kept).
func (s *Service) writeFields(ctx context.Context, q store.Querier, u db.UpUser, vals profile.Values) (db.UpUser, error) {
	if len(vals) == 0 {
		return u, nil
	}
	enc, err := profile.Encode(profile.Merge(profile.Stored(u.Profile), vals))
	if err != nil {
		return u, err
	}
	u, err = q.SetUserProfile(ctx, db.SetUserProfileParams{ID: u.ID, Profile: enc, Now: s.now()})
	if err != nil {
		return u, fmt.Errorf("write the custom fields: %w", err)
	}
	return u, nil
}

// Fields are the custom user fields of the operator's declaration.
func (s *Service) Fields() *profile.Schema { return s.fields }

// UpdateMeInput is the body of PUT /api/users/me: the fields given.
type UpdateMeInput struct {
	Username *string
	Fields   map[string]any // custom fields, as sent
}

// UpdateMe changes the user's own profile: the username and the custom fields the
// operator lets users edit, nothing else. Strapi's checks of PUT /api/users/:id apply:
// "Username already taken", the entity validator's rules, the fields' uniqueness.
func (s *Service) UpdateMe(ctx context.Context, p *Principal, in UpdateMeInput) (db.UpUser, error) {
	if p == nil || p.User == nil {
		return db.UpUser{}, ErrNotAuthenticated
	}
	id := p.User.ID
	for k := range in.Fields {
		if !s.fields.EditableField(k) { // the spec refuses these already
			return db.UpUser{}, apierror.Invalid(apierror.FieldError{Path: []string{k}, Message: k + " cannot be changed by the user"})
		}
	}
	if in.Username != nil {
		other, err := s.store.Q.GetUserByUsername(ctx, *in.Username)
		if err == nil && other.ID != id {
			return db.UpUser{}, ErrUsernameTaken
		} else if err != nil && !store.IsNotFound(err) {
			return db.UpUser{}, fmt.Errorf("check username: %w", err)
		}
	}
	fields, err := s.entityErrors(ctx, in.Username, nil, false)
	if err != nil {
		return db.UpUser{}, err
	}
	vals, fieldErrs, err := s.checkFields(ctx, in.Fields, false, id)
	if err != nil {
		return db.UpUser{}, err
	}
	if fields = append(fields, fieldErrs...); len(fields) > 0 {
		return db.UpUser{}, apierror.Invalid(fields...)
	}
	now := s.now()
	var u db.UpUser
	err = s.store.InTx(ctx, func(q store.Querier) error {
		var err error
		u, err = q.UsersAPIUpdateUser(ctx, db.UsersAPIUpdateUserParams{ID: id, Username: in.Username, Now: now, NowUnix: now.Unix()})
		if err != nil {
			return err
		}
		u, err = s.writeFields(ctx, q, u, vals)
		return err
	})
	if store.IsNotFound(err) { // deleted since the request was authenticated
		return db.UpUser{}, ErrUserInvalid
	}
	if taken := fieldTaken(err); taken != nil {
		return db.UpUser{}, taken
	}
	if store.IsUniqueViolation(err) { // a concurrent write took the username
		return db.UpUser{}, ErrUsernameTaken
	}
	if err != nil {
		return db.UpUser{}, fmt.Errorf("update profile: %w", err)
	}
	return u, nil
}
