package auth

import "strconv"

// Kind classifies an Error; the HTTP layer maps each kind to a status and Strapi's error
// name in one place.
type Kind int

const (
	KindValidation   Kind = iota // 400 ValidationError
	KindApplication              // 400 ApplicationError
	KindUnauthorized             // 401 UnauthorizedError
	KindForbidden                // 403 ForbiddenError
	KindNotFound                 // 404 NotFoundError
	KindUnavailable              // 503 ServiceUnavailableError
	KindBadRequest               // 400 BadRequestError (Koa's ctx.badRequest)
)

// Error is a failure the client caused or must be told about, with Strapi's wording.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldError // the invalid fields of a validation error
}

func (e *Error) Error() string { return e.Message }

// FieldError is one invalid value of a request, as Strapi's yup validation reports it.
type FieldError struct {
	Path     []string
	Message  string
	Value    any
	HasValue bool // Strapi leaves "value" out when the field was missing
}

// Invalid returns a validation error listing fields. Its message is the single field's
// message, or "<n> errors occurred" as yup says it.
func Invalid(fields ...FieldError) *Error {
	msg := ""
	switch len(fields) {
	case 0:
		msg = "Validation error"
	case 1:
		msg = fields[0].Message
	default:
		msg = strconv.Itoa(len(fields)) + " errors occurred"
	}
	return &Error{Kind: KindValidation, Message: msg, Fields: fields}
}

// FieldInvalid is the FieldError refusing value of the top-level field with message.
func FieldInvalid(field, message string, value any) FieldError {
	return FieldError{Path: []string{field}, Message: message, Value: value, HasValue: true}
}

// The errors of the auth routes, worded as Strapi words them.
var (
	ErrInvalidCredentials = &Error{Kind: KindValidation, Message: "Invalid identifier or password"}
	ErrNotConfirmed       = &Error{Kind: KindApplication, Message: "Your account email is not confirmed"}
	// ErrBlocked is 403 on login, as the user's guide says (decision D1); Strapi answers 400.
	ErrBlocked          = &Error{Kind: KindForbidden, Message: "Your account has been blocked by an administrator"}
	ErrTaken            = &Error{Kind: KindApplication, Message: "Email or Username are already taken"}
	ErrRegisterDisabled = &Error{Kind: KindApplication, Message: "Register action is currently disabled"}
	ErrNoDefaultRole    = &Error{Kind: KindApplication, Message: "Impossible to find the default role"}
	ErrIncorrectCode    = &Error{Kind: KindValidation, Message: "Incorrect code provided"}
	ErrPasswordTooLong  = &Error{Kind: KindValidation, Message: "Password must be less than 73 bytes"}

	// ErrBusy means too many password hashes are waiting: the client should retry later.
	ErrBusy = &Error{Kind: KindUnavailable, Message: "Service Unavailable"}

	// Authentication of a Bearer token.
	ErrTokenInvalid = &Error{Kind: KindUnauthorized, Message: "Missing or invalid credentials"}
	ErrTokenExpired = &Error{Kind: KindUnauthorized, Message: "Invalid token: Token expired"} // decision D2
	ErrUserInvalid  = &Error{Kind: KindUnauthorized, Message: "Invalid credentials"}
	ErrForbidden    = &Error{Kind: KindForbidden, Message: "Forbidden"}
)
