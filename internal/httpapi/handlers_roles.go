package httpapi

import (
	"context"
	"net/http"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/access"
)

// The roles and permissions API (Strapi's /api/users-permissions routes). The rules are in
// access.Roles; the permissions tree keeps Strapi's key order, which the generated types
// (maps) would lose, so those two answers are written by their own response types.

func (h handlers) ListRoles(ctx context.Context, _ api.ListRolesRequestObject) (api.ListRolesResponseObject, error) {
	rows, err := h.s.roles.List(ctx)
	if err != nil {
		return nil, err
	}
	out := api.RoleList{Roles: make([]api.RoleWithCount, len(rows))}
	for i, r := range rows {
		out.Roles[i] = api.RoleWithCount{
			Id: r.ID, DocumentId: r.DocumentID, Name: r.Name, Description: r.Description, Type: r.Type,
			CreatedAt: timestamp(r.CreatedAt), UpdatedAt: timestamp(r.UpdatedAt), PublishedAt: timestamp(r.PublishedAt),
			NbUsers: r.NbUsers,
		}
	}
	return api.ListRoles200JSONResponse(out), nil
}

func (h handlers) GetRole(ctx context.Context, req api.GetRoleRequestObject) (api.GetRoleResponseObject, error) {
	role, tree, err := h.s.roles.Get(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return roleResponse{Role: roleWithPermissions{Role: toRole(role), Permissions: tree}}, nil
}

func (h handlers) GetPermissions(ctx context.Context, _ api.GetPermissionsRequestObject) (api.GetPermissionsResponseObject, error) {
	return permissionsResponse{Permissions: h.s.roles.Permissions()}, nil
}

func (h handlers) CreateRole(ctx context.Context, req api.CreateRoleRequestObject) (api.CreateRoleResponseObject, error) {
	if _, err := h.s.roles.Create(ctx, roleRequestInput(req.Body)); err != nil {
		return nil, err
	}
	return api.CreateRole200JSONResponse{Ok: true}, nil
}

func (h handlers) UpdateRole(ctx context.Context, req api.UpdateRoleRequestObject) (api.UpdateRoleResponseObject, error) {
	if err := h.s.roles.Update(ctx, req.Id, roleRequestInput(req.Body)); err != nil {
		return nil, err
	}
	return api.UpdateRole200JSONResponse{Ok: true}, nil
}

func (h handlers) DeleteRole(ctx context.Context, req api.DeleteRoleRequestObject) (api.DeleteRoleResponseObject, error) {
	if err := h.s.roles.Delete(ctx, req.Id); err != nil {
		return nil, err
	}
	return api.DeleteRole200JSONResponse{Ok: true}, nil
}

// roleRequestInput reads a role request: the enabled actions of its permissions tree, as Strapi
// reads them ("<type>.<controller>.<action>" wherever enabled is true).
func roleRequestInput(b *api.RoleRequest) access.RoleInput {
	if b == nil {
		return access.RoleInput{}
	}
	in := access.RoleInput{Name: b.Name, Description: b.Description, Type: b.Type}
	if b.Permissions != nil {
		in.HasPermissions = true
		for typ, t := range *b.Permissions {
			if t.Controllers == nil {
				continue
			}
			for ctrl, actions := range *t.Controllers {
				for action, state := range actions {
					if state.Enabled != nil && *state.Enabled {
						in.Enabled = append(in.Enabled, typ+"."+ctrl+"."+action)
					}
				}
			}
		}
	}
	return in
}

// roleWithPermissions is a role as GET /roles/{id} shows it: the role as a user payload
// shows it (toUserRole, Strapi's key order), then its permissions tree.
type roleWithPermissions struct {
	api.Role
	Permissions access.PermissionsTree `json:"permissions"`
}

// roleResponse is GET /roles/{id}'s 200: {"role": {..., "permissions": tree}}.
type roleResponse struct {
	Role roleWithPermissions `json:"role"`
}

func (r roleResponse) VisitGetRoleResponse(w http.ResponseWriter) error {
	return writeJSON(w, http.StatusOK, r)
}

// permissionsResponse is GET /permissions's 200: {"permissions": tree}.
type permissionsResponse struct {
	Permissions access.PermissionsTree `json:"permissions"`
}

func (r permissionsResponse) VisitGetPermissionsResponse(w http.ResponseWriter) error {
	return writeJSON(w, http.StatusOK, r)
}
