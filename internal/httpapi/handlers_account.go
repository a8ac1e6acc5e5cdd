package httpapi

import (
	"context"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// Auth routes beyond the five documented ones: change password, email confirmation, OAuth providers (disabled), and the refresh-mode session routes.
// TODO(issue 4): being implemented; answers 501 until then.

func (h handlers) ChangePassword(ctx context.Context, _ api.ChangePasswordRequestObject) (api.ChangePasswordResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) ConfirmEmail(ctx context.Context, _ api.ConfirmEmailRequestObject) (api.ConfirmEmailResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) SendEmailConfirmation(ctx context.Context, _ api.SendEmailConfirmationRequestObject) (api.SendEmailConfirmationResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) ProviderCallback(ctx context.Context, _ api.ProviderCallbackRequestObject) (api.ProviderCallbackResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) ConnectProvider(ctx context.Context, _ api.ConnectProviderRequestObject) (api.ConnectProviderResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) ConnectProviderCallback(ctx context.Context, _ api.ConnectProviderCallbackRequestObject) (api.ConnectProviderCallbackResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) RefreshSession(ctx context.Context, _ api.RefreshSessionRequestObject) (api.RefreshSessionResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) Logout(ctx context.Context, _ api.LogoutRequestObject) (api.LogoutResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) ListSessions(ctx context.Context, _ api.ListSessionsRequestObject) (api.ListSessionsResponseObject, error) {
	return nil, errNotImplemented
}

func (h handlers) RevokeSession(ctx context.Context, _ api.RevokeSessionRequestObject) (api.RevokeSessionResponseObject, error) {
	return nil, errNotImplemented
}
