package httpapi

import (
	"context"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// The users API (Strapi's /api/users routes).
// TODO(issue 4): being implemented; answers 501 until then.

func (h handlers) ListUsers(ctx context.Context, _ api.ListUsersRequestObject) (api.ListUsersResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) CountUsers(ctx context.Context, _ api.CountUsersRequestObject) (api.CountUsersResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) GetUser(ctx context.Context, _ api.GetUserRequestObject) (api.GetUserResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) CreateUser(ctx context.Context, _ api.CreateUserRequestObject) (api.CreateUserResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) UpdateUser(ctx context.Context, _ api.UpdateUserRequestObject) (api.UpdateUserResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) DeleteUser(ctx context.Context, _ api.DeleteUserRequestObject) (api.DeleteUserResponseObject, error) {
	return nil, errNotImplemented
}
