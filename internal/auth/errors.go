package auth

import "github.com/mtb-race/mtb-backend-api/internal/apierror"

// The errors of the auth routes, worded as Strapi words them.
var (
	ErrInvalidCredentials = &apierror.Error{Kind: apierror.Validation, Message: "Invalid identifier or password"}
	ErrNotConfirmed       = &apierror.Error{Kind: apierror.Application, Message: "Your account email is not confirmed"}
	// ErrBlocked is 403 on login, as the user's guide says (decision D1); Strapi answers 400.
	ErrBlocked          = &apierror.Error{Kind: apierror.Forbidden, Message: "Your account has been blocked by an administrator"}
	ErrTaken            = &apierror.Error{Kind: apierror.Application, Message: "Email or Username are already taken"}
	ErrRegisterDisabled = &apierror.Error{Kind: apierror.Application, Message: "Register action is currently disabled"}
	ErrNoDefaultRole    = &apierror.Error{Kind: apierror.Application, Message: "Impossible to find the default role"}
	ErrIncorrectCode    = &apierror.Error{Kind: apierror.Validation, Message: "Incorrect code provided"}
	ErrPasswordTooLong  = &apierror.Error{Kind: apierror.Validation, Message: "Password must be less than 73 bytes"}

	// ErrBusy is the refusal of a password hash that would wait longer than the pool's limit
	// (PASSWORD_HASH_MAX_WAIT). Each refusal is a copy that also says when to retry (busy).
	ErrBusy = &apierror.Error{Kind: apierror.Unavailable, Message: "Service Unavailable"}
	// ErrQueryTooLong is a users query stopped at USERS_QUERY_TIMEOUT.
	ErrQueryTooLong = &apierror.Error{Kind: apierror.Unavailable, Message: "The query took too long"}

	// Authentication of a Bearer token.
	ErrTokenInvalid = &apierror.Error{Kind: apierror.Unauthorized, Message: "Missing or invalid credentials"}
	ErrTokenExpired = &apierror.Error{Kind: apierror.Unauthorized, Message: "Invalid token: Token expired"} // decision D2
	ErrUserInvalid  = &apierror.Error{Kind: apierror.Unauthorized, Message: "Invalid credentials"}
	ErrForbidden    = &apierror.Error{Kind: apierror.Forbidden, Message: "Forbidden"}
)
