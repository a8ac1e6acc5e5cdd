// Package apierror is the vocabulary of the failures a client is told about: a kind (which
// the HTTP layer maps to a status and Strapi's error name, in one place), Strapi's wording,
// and the invalid fields of a validation error. The rules packages (auth, access,
// settings) return these; anything else is an internal error, answered 500.
package apierror

import (
	"strconv"
	"time"
)

// Kind classifies an Error.
type Kind int

// The kinds, with the answer each gets.
const (
	Validation   Kind = iota // 400 ValidationError
	Application              // 400 ApplicationError
	Unauthorized             // 401 UnauthorizedError
	Forbidden                // 403 ForbiddenError
	NotFound                 // 404 NotFoundError
	Unavailable              // 503 ServiceUnavailableError
	BadRequest               // 400 BadRequestError (Koa's ctx.badRequest)
)

// Error is a failure the client caused or must be told about, with Strapi's wording.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldError // the invalid fields of a validation error
	// Callback is the refused callback URL of an OAuth start (Strapi's details.callback).
	Callback *string
	// RetryAfter, on an Unavailable error, is how long the client should wait before trying
	// again: the answer's Retry-After header (whole seconds, rounded up). 0: no header.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Message }

// New returns an Error of kind with message.
func New(kind Kind, message string) *Error { return &Error{Kind: kind, Message: message} }

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
	return &Error{Kind: Validation, Message: msg, Fields: fields}
}

// FieldInvalid is the FieldError refusing value of the top-level field with message.
func FieldInvalid(field, message string, value any) FieldError {
	return FieldError{Path: []string{field}, Message: message, Value: value, HasValue: true}
}
