package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// Errors the HTTP layer itself gives.
var (
	errNotFound         = &httpError{404, "NotFoundError", "Not Found"}
	errMethodNotAllowed = &httpError{405, "MethodNotAllowedError", "Method Not Allowed"}
	errTooLarge         = &httpError{413, "PayloadTooLargeError", "request entity too large"}
	errRateLimited      = &httpError{429, "RateLimitError", "Too many requests, please try again later."}
	errUnavailable      = &httpError{503, "ServiceUnavailableError", "Service Unavailable"}
)

// httpError is an error of the HTTP layer with its status and Strapi error name.
type httpError struct {
	status  int
	name    string
	message string
}

func (e *httpError) Error() string { return e.message }

var kinds = map[apierror.Kind]struct {
	status int
	name   string
}{
	apierror.Validation:   {400, "ValidationError"},
	apierror.Application:  {400, "ApplicationError"},
	apierror.Unauthorized: {401, "UnauthorizedError"},
	apierror.Forbidden:    {403, "ForbiddenError"},
	apierror.NotFound:     {404, "NotFoundError"},
	apierror.Unavailable:  {503, "ServiceUnavailableError"},
	apierror.BadRequest:   {400, "BadRequestError"},
}

// writeError is the one place where an error becomes a response: Strapi's envelope
// {data:null, error:{status,name,message,details}}. Errors meant for the client carry
// their own message; anything else is logged with the request id and answered with a
// bare 500, so no internal detail reaches the client.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	var (
		ae *apierror.Error
		he *httpError
		mb *http.MaxBytesError
		qe *strapiquery.Error
	)
	body := api.ErrorBody{Details: &api.ErrorDetails{}}
	switch {
	case errors.As(err, &ae) && kinds[ae.Kind].status != 0: // a kind missing from kinds is a 500
		k := kinds[ae.Kind]
		body.Status, body.Name, body.Message = k.status, api.ErrorBodyName(k.name), ae.Message
		if len(ae.Fields) > 0 {
			fields := make([]api.FieldError, len(ae.Fields))
			for i, f := range ae.Fields {
				fields[i] = api.FieldError{Path: f.Path, Message: f.Message, Name: "ValidationError"}
				if f.HasValue {
					fields[i].Value = f.Value
				}
			}
			body.Details.Errors = &fields
		}
		body.Details.Callback = ae.Callback
		if ae.RetryAfter > 0 {
			w.Header().Set("Retry-After", retryAfterSeconds(ae.RetryAfter))
		}
	case errors.As(err, &qe): // a query Strapi's query validation refuses
		body.Status, body.Name, body.Message = 400, "ValidationError", qe.Message
		if qe.Key != "" { // Strapi's details of a refused key
			source := "query"
			body.Details.Key, body.Details.Param, body.Details.Source = &qe.Key, &qe.Param, &source
			if qe.Path != "" {
				body.Details.Path.Set(qe.Path)
			} else { // an unknown key names no attribute: Strapi's "path": null
				body.Details.Path.SetNull()
			}
		}
	case errors.As(err, &he):
		body.Status, body.Name, body.Message = he.status, api.ErrorBodyName(he.name), he.message
	case errors.As(err, &mb):
		body.Status, body.Name, body.Message = errTooLarge.status, api.ErrorBodyName(errTooLarge.name), errTooLarge.message
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || store.IsUnavailable(err):
		log.WarnContext(r.Context(), "request not served", "request_id", requestID(r.Context()), "err", err)
		body.Status, body.Name, body.Message = errUnavailable.status, api.ErrorBodyName(errUnavailable.name), errUnavailable.message
	default:
		log.ErrorContext(r.Context(), "internal error", "request_id", requestID(r.Context()),
			"method", r.Method, "path", r.URL.Path, "err", err)
		body.Status, body.Name, body.Message = 500, "InternalServerError", "Internal Server Error"
		body.Details = nil // Strapi's 500 has no details
	}
	if err := writeJSON(w, body.Status, api.Error{Error: body}); err != nil {
		log.ErrorContext(r.Context(), "internal error", "request_id", requestID(r.Context()),
			"method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Content-Type", jsonContentType)
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(internalErrorBody))
	}
}

// retryAfterSeconds is d as a Retry-After header's value: whole seconds, rounded up, at
// least 1 (0 would invite the client to retry at once, into the same overload).
func retryAfterSeconds(d time.Duration) string {
	s := int64((d + time.Second - 1) / time.Second)
	return strconv.FormatInt(max(s, 1), 10)
}

// writeJSON writes v as JSON with Strapi's content type. A value that cannot be marshaled
// is a bug: nothing is written and the error is returned, for writeError to log and answer.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal the %d response: %w", status, err)
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.WriteHeader(status)
	_, _ = w.Write(b)
	return nil
}

// internalErrorBody is Strapi's 500 envelope, written as it is when not even an error
// response can be marshaled.
const internalErrorBody = `{"data":null,"error":{"status":500,"name":"InternalServerError","message":"Internal Server Error"}}`

const jsonContentType = "application/json; charset=utf-8"

// jsonContentTypeValue is jsonContentType as a header value, shared as the security
// headers' are (securityHeaderValues).
var jsonContentTypeValue = []string{jsonContentType}
