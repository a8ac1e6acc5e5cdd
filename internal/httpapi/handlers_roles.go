package httpapi

import (
	"context"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// The roles and permissions API (Strapi's /api/users-permissions routes).
// TODO(issue 4): being implemented; answers 501 until then.

func (h handlers) ListRoles(ctx context.Context, _ api.ListRolesRequestObject) (api.ListRolesResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) GetRole(ctx context.Context, _ api.GetRoleRequestObject) (api.GetRoleResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) CreateRole(ctx context.Context, _ api.CreateRoleRequestObject) (api.CreateRoleResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) UpdateRole(ctx context.Context, _ api.UpdateRoleRequestObject) (api.UpdateRoleResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) DeleteRole(ctx context.Context, _ api.DeleteRoleRequestObject) (api.DeleteRoleResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) GetPermissions(ctx context.Context, _ api.GetPermissionsRequestObject) (api.GetPermissionsResponseObject, error) {
	return nil, errNotImplemented
}
