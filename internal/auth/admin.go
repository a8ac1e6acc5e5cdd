package auth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// ErrUserNotFound means no user matches a reference given to an administration command.
var ErrUserNotFound = errors.New("no such user")

// FindUser finds a user by a reference an operator types: a numeric id, an email or a
// username.
func FindUser(ctx context.Context, st *store.Store, ref string) (db.UpUser, error) {
	var (
		u   db.UpUser
		err error
	)
	switch id, convErr := strconv.ParseInt(ref, 10, 64); {
	case convErr == nil:
		u, err = st.Q.GetUser(ctx, id)
	case strings.Contains(ref, "@"):
		u, err = st.Q.GetUserByEmail(ctx, strings.ToLower(ref))
		if store.IsNotFound(err) { // usernames may contain "@" too
			u, err = st.Q.GetUserByUsername(ctx, ref)
		}
	default:
		u, err = st.Q.GetUserByUsername(ctx, ref)
	}
	if store.IsNotFound(err) {
		return db.UpUser{}, fmt.Errorf("%q: %w", ref, ErrUserNotFound)
	}
	if err != nil {
		return db.UpUser{}, fmt.Errorf("find user %q: %w", ref, err)
	}
	return u, nil
}

// SetBlocked blocks or unblocks a user. A blocked user cannot log in, every request with
// one of their tokens is refused from the next request on, and blocking ends every token
// issued so far (legacy JWTs and refresh-mode sessions), a pending reset code and a pending
// change of email, in the same transaction: unblocking revives none of them (decision D5).
func SetBlocked(ctx context.Context, st *store.Store, id int64, blocked bool) error {
	now := time.Now().UTC()
	err := st.InTx(ctx, func(q store.Querier) error {
		if !blocked {
			return q.UnblockUser(ctx, db.UnblockUserParams{ID: id, Now: now})
		}
		if err := q.BlockUser(ctx, db.BlockUserParams{ID: id, Now: now, NowUnix: now.Unix()}); err != nil {
			return err
		}
		if err := q.DeleteEmailChange(ctx, id); err != nil {
			return err
		}
		_, err := q.DeleteUserSessions(ctx, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("set blocked: %w", err)
	}
	return nil
}
