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
	body, cookies := h.deliverRefresh(req.Params.XStrapiRefreshCookie, iss)
	return refreshAnswer{api.RefreshSession200JSONResponse{Body: api.RefreshResponse{Jwt: iss.JWT, RefreshToken: body}}, cookies}, nil
}

// deliverRefresh hands out the refresh token of a login or a refresh: in cookie mode (mode:
// the x-strapi-refresh-cookie header) as the httpOnly cookie, otherwise in the body.
func (h handlers) deliverRefresh(mode *string, iss auth.Issued) (body *string, cookies []string) {
	if iss.RefreshToken == "" {
		return nil, nil
	}
	if !h.s.cookie.requested(mode) {
		return &iss.RefreshToken, nil
	}
	return nil, h.s.cookie.setCookies(iss.RefreshToken, h.s.now())
}

func (h handlers) Logout(ctx context.Context, req api.LogoutRequestObject) (api.LogoutResponseObject, error) {
	if !h.s.auth.RefreshMode() {
		return nil, errNotFound
	}
	in := auth.LogoutInput{RefreshToken: h.s.cookie.read(info(ctx).header)}
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
	var cookies []string
	if h.s.cookie.requested(req.Params.XStrapiRefreshCookie) {
		cookies = h.s.cookie.setCookies("", h.s.now())
	}
	return logoutAnswer{api.Logout200JSONResponse{Body: api.OkResponse{Ok: true}}, cookies}, nil
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
