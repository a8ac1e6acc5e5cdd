package httpapi

import (
	"context"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

// The session routes of Strapi's refresh mode (JWT_MANAGEMENT=refresh, contract
// §7.10–7.13). In the default mode ('legacy-support') Strapi answers them 404 Not Found once
// the caller passed the permission check (golden 109, 110); the gate has done that check
// when these run.

func (h handlers) RefreshSession(ctx context.Context, req api.RefreshSessionRequestObject) (api.RefreshSessionResponseObject, error) {
	if !h.s.auth.RefreshMode() {
		return nil, errNotFound
	}
	// The cookie first, then the body, as Strapi reads them.
	token := h.s.cookie.read(info(ctx).header)
	if token == "" && req.Body != nil && req.Body.RefreshToken != nil {
		token = *req.Body.RefreshToken
	}
	if token == "" {
		return nil, auth.ErrMissingRefreshToken
	}
	iss, err := h.s.auth.Refresh(ctx, token)
	if err != nil {
		return nil, err
	}
	return api.RefreshSession200JSONResponse{Body: api.RefreshResponse{Jwt: iss.JWT, RefreshToken: h.deliverRefresh(ctx, iss)}}, nil
}

// deliverRefresh hands out the refresh token of a login or a refresh: in cookie mode as the
// httpOnly cookie (nil for the body), otherwise in the body.
func (h handlers) deliverRefresh(ctx context.Context, iss auth.Issued) *string {
	if iss.RefreshToken == "" {
		return nil
	}
	ri := info(ctx)
	if !h.s.cookie.requested(ri.header) {
		return &iss.RefreshToken
	}
	h.s.cookie.set(ri.respond, iss.RefreshToken, h.s.now())
	return nil
}

func (h handlers) Logout(ctx context.Context, req api.LogoutRequestObject) (api.LogoutResponseObject, error) {
	if !h.s.auth.RefreshMode() {
		return nil, errNotFound
	}
	ri := info(ctx)
	in := auth.LogoutInput{RefreshToken: h.s.cookie.read(ri.header)}
	if b := req.Body; b != nil {
		in.All = b.Scope != nil && *b.Scope == api.All
		if b.DeviceId != nil {
			in.DeviceID = *b.DeviceId
		}
		if in.RefreshToken == "" && b.RefreshToken != nil {
			in.RefreshToken = *b.RefreshToken
		}
	}
	if err := h.s.auth.Logout(ctx, principal(ctx), in); err != nil {
		return nil, err
	}
	if h.s.cookie.requested(ri.header) {
		h.s.cookie.set(ri.respond, "", h.s.now())
	}
	return api.Logout200JSONResponse{Body: api.OkResponse{Ok: true}}, nil
}

func (h handlers) ListSessions(ctx context.Context, _ api.ListSessionsRequestObject) (api.ListSessionsResponseObject, error) {
	if !h.s.auth.RefreshMode() {
		return nil, errNotFound
	}
	sessions, err := h.s.auth.ListSessions(ctx, principal(ctx))
	if err != nil {
		return nil, err
	}
	data := make([]api.Session, len(sessions))
	for i, s := range sessions {
		data[i] = api.Session{
			Id: s.ID, DeviceId: s.DeviceID, DeviceName: nonEmpty(s.DeviceName), Current: s.Current,
			LoginAt: timestamp(s.LoginAt), LastActiveAt: timestamp(s.LastActiveAt),
		}
	}
	return api.ListSessions200JSONResponse{Data: data}, nil
}

func (h handlers) RevokeSession(ctx context.Context, req api.RevokeSessionRequestObject) (api.RevokeSessionResponseObject, error) {
	if !h.s.auth.RefreshMode() {
		return nil, errNotFound
	}
	if err := h.s.auth.RevokeSession(ctx, principal(ctx), req.SessionId); err != nil {
		return nil, err
	}
	return api.RevokeSession200JSONResponse{Data: map[string]any{}}, nil
}
