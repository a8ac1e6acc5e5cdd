package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// The users API (Strapi's /api/users routes). Role visibility follows Strapi's output
// sanitizer (contract §2.7): a user's role is shown only to callers allowed to list roles
// (plugin::users-permissions.role.find), and, on the reads, only when populated.

func (h handlers) ListUsers(ctx context.Context, _ api.ListUsersRequestObject) (api.ListUsersResponseObject, error) {
	q, err := strapiquery.Parse(info(ctx).rawQuery, h.s.model, mayFindRoles(ctx))
	if err != nil {
		return nil, err
	}
	users, err := h.s.auth.ListUsers(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(api.ListUsers200JSONResponse, len(users)) // [] rather than null when empty
	for i, e := range users {
		out[i] = h.s.toUserEntry(e.User, e.Role, q.Fields, q.RoleFields)
	}
	return out, nil
}

func (h handlers) CountUsers(ctx context.Context, _ api.CountUsersRequestObject) (api.CountUsersResponseObject, error) {
	q, err := strapiquery.Parse(info(ctx).rawQuery, h.s.model, mayFindRoles(ctx))
	if err != nil {
		return nil, err
	}
	n, err := h.s.auth.CountUsers(ctx, q)
	if err != nil {
		return nil, err
	}
	return api.CountUsers200JSONResponse(n), nil
}

func (h handlers) GetUser(ctx context.Context, req api.GetUserRequestObject) (api.GetUserResponseObject, error) {
	q, err := strapiquery.Parse(info(ctx).rawQuery, h.s.model, mayFindRoles(ctx))
	if err != nil {
		return nil, err
	}
	id, ok := userID(req.Id)
	if !ok { // a documentId or any other non-numeric id names no user (D8 amended)
		return api.GetUser204Response{}, nil
	}
	e, err := h.s.auth.FindUser(ctx, id, q)
	if err != nil {
		return nil, err
	}
	if e == nil { // Strapi answers a missing user with an empty 204
		return api.GetUser204Response{}, nil
	}
	return userAnswer{http.StatusOK, h.s.toUserEntry(e.User, e.Role, q.Fields, q.RoleFields)}, nil
}

func (h handlers) CreateUser(ctx context.Context, req api.CreateUserRequestObject) (api.CreateUserResponseObject, error) {
	b := req.Body
	if b == nil {
		return nil, errEmptyBody
	}
	e, err := h.s.auth.CreateUser(ctx, auth.CreateUserInput{
		Username: b.Username, Email: b.Email, Password: b.Password,
		Role: roleInput(b.Role), Confirmed: b.Confirmed, Blocked: b.Blocked, Fields: info(ctx).userFields,
	})
	if err != nil {
		return nil, err
	}
	return userAnswer{http.StatusCreated, h.s.toUserEntry(e.User, visibleRole(ctx, e.Role), nil, nil)}, nil
}

func (h handlers) UpdateUser(ctx context.Context, req api.UpdateUserRequestObject) (api.UpdateUserResponseObject, error) {
	b := req.Body
	if b == nil {
		return nil, errEmptyBody
	}
	in := auth.UpdateUserInput{
		Username: b.Username, Email: b.Email, Confirmed: b.Confirmed, Blocked: b.Blocked,
		PasswordGiven: b.Password.IsSpecified(), // "password": null is given, and refused
		Fields:        info(ctx).userFields,
	}
	if p, err := b.Password.Get(); err == nil {
		in.Password = &p
	}
	if b.Role != nil {
		r := roleInput(*b.Role)
		in.Role = &r
	}
	id, ok := userID(req.Id)
	if !ok { // names no user: Strapi's "User not found"
		return nil, auth.ErrUpdateUserNotFound
	}
	e, err := h.s.auth.UpdateUser(ctx, id, in)
	if err != nil {
		return nil, err
	}
	return userAnswer{http.StatusOK, h.s.toUserEntry(e.User, visibleRole(ctx, e.Role), nil, nil)}, nil
}

func (h handlers) UpdateCurrentUser(ctx context.Context, req api.UpdateCurrentUserRequestObject) (api.UpdateCurrentUserResponseObject, error) {
	b := req.Body
	if b == nil {
		return nil, errEmptyBody
	}
	u, err := h.s.auth.UpdateMe(ctx, principal(ctx), auth.UpdateMeInput{Username: b.Username, Fields: info(ctx).userFields})
	if err != nil {
		return nil, err
	}
	return userAnswer{http.StatusOK, h.s.toUserEntry(u, nil, nil, nil)}, nil
}

func (h handlers) DeleteUser(ctx context.Context, req api.DeleteUserRequestObject) (api.DeleteUserResponseObject, error) {
	id, ok := userID(req.Id)
	if !ok { // names no user: Strapi's empty 204
		return api.DeleteUser204Response{}, nil
	}
	u, err := h.s.auth.DeleteUser(ctx, id)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return api.DeleteUser204Response{}, nil
	}
	return userAnswer{http.StatusOK, h.s.toUserEntry(*u, nil, nil, nil)}, nil // Strapi: no role
}

// userID reads the {id} of the users routes: a positive decimal integer. Anything else
// (Strapi clients send documentIds) names no user, as in Strapi, where the lookup by id
// finds nothing.
func userID(raw string) (int64, bool) {
	if raw == "" || strings.TrimLeft(raw, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	return id, err == nil && id > 0
}

// mayFindRoles reports whether the caller may see roles.
func mayFindRoles(ctx context.Context) bool {
	p := principal(ctx)
	return p != nil && p.Actions.Has(access.ActionFindRoles)
}

// visibleRole is the role of a written user as Strapi shows it: populated, and kept by
// the output sanitizer only for callers allowed to list roles.
func visibleRole(ctx context.Context, r *db.UpRole) *db.UpRole {
	if !mayFindRoles(ctx) {
		return nil
	}
	return r
}

// toUserEntry is a user as the users routes and /me show it: the given fields (all when
// nil; id and documentId always), and the role when given, with roleFields (all when nil).
// Passwords have no field here.
func (s *Server) toUserEntry(u db.UpUser, role *db.UpRole, fields, roleFields []string) api.UserEntry {
	full := s.toUser(u)
	e := api.UserEntry{Id: full.Id, DocumentId: full.DocumentId, Fields: s.shownFields(u, fields)}
	show := func(name string) bool { return fields == nil || slices.Contains(fields, name) }
	if show("username") {
		e.Username = &full.Username
	}
	if show("email") {
		e.Email = &full.Email
	}
	if show("provider") {
		e.Provider = &full.Provider
	}
	if show("confirmed") {
		e.Confirmed = &full.Confirmed
	}
	if show("blocked") {
		e.Blocked = &full.Blocked
	}
	if show("createdAt") {
		e.CreatedAt = &full.CreatedAt
	}
	if show("updatedAt") {
		e.UpdatedAt = &full.UpdatedAt
	}
	if show("publishedAt") {
		e.PublishedAt = &full.PublishedAt
	}
	if role != nil {
		r := toRoleEntry(*role, roleFields)
		e.Role = &r
	}
	return e
}

// toRoleEntry is a role as a user payload shows it: the given fields (all when nil; id
// and documentId always).
func toRoleEntry(r db.UpRole, fields []string) api.RoleEntry {
	show := func(name string) bool { return fields == nil || slices.Contains(fields, name) }
	e := api.RoleEntry{Id: r.ID, DocumentId: r.DocumentID}
	if show("name") {
		e.Name = &r.Name
	}
	if show("description") {
		// A role without a description shows "description": null.
		if r.Description != nil {
			e.Description.Set(*r.Description)
		} else {
			e.Description.SetNull()
		}
	}
	if show("type") {
		e.Type = &r.Type
	}
	for _, t := range []struct {
		name string
		at   time.Time
		dst  **string
	}{{"createdAt", r.CreatedAt, &e.CreatedAt}, {"updatedAt", r.UpdatedAt, &e.UpdatedAt}, {"publishedAt", r.PublishedAt, &e.PublishedAt}} {
		if show(t.name) {
			ts := timestamp(t.at)
			*t.dst = &ts
		}
	}
	return e
}

// toRole is a role as the roles API shows it, every field.
func toRole(r db.UpRole) api.Role {
	return api.Role{
		Id: r.ID, DocumentId: r.DocumentID, Name: r.Name, Description: r.Description, Type: r.Type,
		CreatedAt: timestamp(r.CreatedAt), UpdatedAt: timestamp(r.UpdatedAt), PublishedAt: timestamp(r.PublishedAt),
	}
}

// roleInput reads the role of a body: an id, a documentId, or {connect, disconnect}.
func roleInput(ref api.RoleReference) auth.UserRoleInput {
	raw, _ := ref.MarshalJSON()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	_ = dec.Decode(&v)
	in := auth.UserRoleInput{Raw: v}
	switch t := v.(type) {
	case json.Number:
		if id, err := t.Int64(); err == nil {
			in.ID = &id
		}
	case string:
		in.DocumentID = &t
	case map[string]any:
		in.Object = true
		in.Connect = relationRefs(t, "connect")
		in.Disconnect = relationRefs(t, "disconnect")
	}
	return in
}

func relationRefs(obj map[string]any, key string) *[]auth.RelationRef {
	list, ok := obj[key].([]any)
	if !ok {
		return nil
	}
	refs := make([]auth.RelationRef, len(list))
	for i, e := range list {
		refs[i].Raw = e
		m, _ := e.(map[string]any)
		if n, isNum := m["id"].(json.Number); isNum {
			if id, err := n.Int64(); err == nil {
				refs[i].ID = &id
			}
		}
		if s, isStr := m["documentId"].(string); isStr {
			refs[i].DocumentID = &s
		}
	}
	return &refs
}

// userAnswer answers a user entry. The generated answers of these operations are types
// defined from UserEntry (type GetUser200JSONResponse UserEntry), which do not have its
// MarshalJSON, and so would lose the custom fields: this one encodes the entry itself.
type userAnswer struct {
	status int
	entry  api.UserEntry
}

func (a userAnswer) write(w http.ResponseWriter) error {
	b, err := a.entry.JSON()
	if err != nil {
		return err
	}
	w.Header()["Content-Type"] = jsonContentTypeValue
	w.WriteHeader(a.status)
	_, err = w.Write(append(b, '\n')) // as json.Encoder ends a value
	return err
}

func (a userAnswer) VisitGetCurrentUserResponse(w http.ResponseWriter) error    { return a.write(w) }
func (a userAnswer) VisitUpdateCurrentUserResponse(w http.ResponseWriter) error { return a.write(w) }
func (a userAnswer) VisitGetUserResponse(w http.ResponseWriter) error           { return a.write(w) }
func (a userAnswer) VisitCreateUserResponse(w http.ResponseWriter) error        { return a.write(w) }
func (a userAnswer) VisitUpdateUserResponse(w http.ResponseWriter) error        { return a.write(w) }
func (a userAnswer) VisitDeleteUserResponse(w http.ResponseWriter) error        { return a.write(w) }
