package httpapi

import (
	"context"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// The session routes of Strapi's refresh mode (jwtManagement 'refresh'). This service runs
// in Strapi's default mode ('legacy-support'), where Strapi answers these routes 404 Not
// Found once the caller passed the permission check (golden 109, 110); the gate has done
// that check when these run. Refresh mode replaces this file.

func (h handlers) RefreshSession(context.Context, api.RefreshSessionRequestObject) (api.RefreshSessionResponseObject, error) {
	return nil, errNotFound
}

func (h handlers) Logout(context.Context, api.LogoutRequestObject) (api.LogoutResponseObject, error) {
	return nil, errNotFound
}

func (h handlers) ListSessions(context.Context, api.ListSessionsRequestObject) (api.ListSessionsResponseObject, error) {
	return nil, errNotFound
}

func (h handlers) RevokeSession(context.Context, api.RevokeSessionRequestObject) (api.RevokeSessionResponseObject, error) {
	return nil, errNotFound
}
