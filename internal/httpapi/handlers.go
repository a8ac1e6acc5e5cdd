package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/strapiquery"
)

// handlers implements the strict server interface generated from openapi.yaml. By the time
// a handler runs, the gate has authenticated the caller, checked the permission, counted
// the request against the rate limit and validated it against the spec. Handlers return
// the success response, or an error that writeError turns into the envelope.
type handlers struct{ s *Server }

var _ api.StrictServerInterface = handlers{}

func (h handlers) Register(ctx context.Context, req api.RegisterRequestObject) (api.RegisterResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	u, iss, err := h.s.auth.Register(ctx, auth.RegisterInput{
		Username: b.Username, Email: b.Email, Password: b.Password, UserAgent: deref(req.Params.UserAgent),
		Fields: info(ctx).userFields,
	})
	if err != nil {
		return nil, err
	}
	resp := api.RegistrationResponse{User: h.s.toUser(u)}
	if iss.JWT != "" { // none while the email is not confirmed (email_confirmation on)
		resp.Jwt = &iss.JWT
	}
	if iss.RefreshToken != "" { // refresh mode: always in the body, even in cookie mode (as Strapi)
		resp.RefreshToken = &iss.RefreshToken
	}
	return api.Register200JSONResponse{Body: resp}, nil
}

func (h handlers) Login(ctx context.Context, req api.LoginRequestObject) (api.LoginResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	c := auth.Client{UserAgent: deref(req.Params.UserAgent)}
	if b.DeviceId != nil {
		c.DeviceID = *b.DeviceId
	}
	u, iss, err := h.s.auth.Login(ctx, b.Identifier, b.Password, c)
	if err != nil {
		return nil, err
	}
	refresh, cookies := h.deliverRefresh(req.Params.XStrapiRefreshCookie, iss)
	return loginAnswer{api.Login200JSONResponse{Body: api.AuthResponse{Jwt: iss.JWT, RefreshToken: refresh, User: h.s.toUser(u)}}, cookies}, nil
}

func (h handlers) GetCurrentUser(ctx context.Context, _ api.GetCurrentUserRequestObject) (api.GetCurrentUserResponseObject, error) {
	p := principal(ctx)
	if p == nil || p.User == nil { // Public was granted user.me: Strapi answers 401 Unauthorized
		return nil, &apierror.Error{Kind: apierror.Unauthorized, Message: "Unauthorized"}
	}
	// Strapi 5.54 applies fields (and validates the query) here; decision D11: populate=role
	// (or *) shows the caller's own role, with populate[role][fields] applied.
	q, err := strapiquery.ParseMe(info(ctx).rawQuery, h.s.model)
	if err != nil {
		return nil, err
	}
	var role *db.UpRole
	if q.PopulateRole && p.User.RoleID != nil {
		if role, err = h.s.auth.CurrentUserRole(ctx, p); err != nil { // nil: deleted meanwhile
			return nil, err
		}
	}
	return userAnswer{http.StatusOK, h.s.toUserEntry(*p.User, role, q.Fields, q.RoleFields)}, nil
}

func (h handlers) ForgotPassword(ctx context.Context, req api.ForgotPasswordRequestObject) (api.ForgotPasswordResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	if err := h.s.auth.ForgotPassword(ctx, b.Email); err != nil {
		return nil, err
	}
	return api.ForgotPassword200JSONResponse{Body: api.OkResponse{Ok: true}}, nil
}

func (h handlers) ResetPassword(ctx context.Context, req api.ResetPasswordRequestObject) (api.ResetPasswordResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	u, iss, err := h.s.auth.ResetPassword(ctx, auth.ResetPasswordInput{
		Code: b.Code, Password: b.Password, PasswordConfirmation: b.PasswordConfirmation,
	})
	if err != nil {
		return nil, err
	}
	// In refresh mode the refresh token is in the body, even in cookie mode (as Strapi).
	return api.ResetPassword200JSONResponse{Body: api.AuthResponse{Jwt: iss.JWT, RefreshToken: nonEmpty(iss.RefreshToken), User: h.s.toUser(u)}}, nil
}

func (h handlers) Health(ctx context.Context, _ api.HealthRequestObject) (api.HealthResponseObject, error) {
	if err := h.ping(ctx); err != nil {
		return nil, err
	}
	return api.Health204Response{}, nil
}

func (h handlers) HealthHead(ctx context.Context, _ api.HealthHeadRequestObject) (api.HealthHeadResponseObject, error) {
	if err := h.ping(ctx); err != nil {
		return api.HealthHead503Response{}, nil
	}
	return api.HealthHead204Response{}, nil
}

// ping asks the store whether the database answers, on the health check's own connection
// (never one of the requests' pool, so request load cannot make a healthy instance look
// down), with a result reused for a second.
func (h handlers) ping(ctx context.Context) error {
	if err := h.s.store.Health(ctx); err != nil {
		h.s.log.WarnContext(ctx, "health check: database does not answer", "request_id", requestID(ctx), "err", err)
		return errUnavailable
	}
	return nil
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// firstBody returns the JSON body, or the form body when the request was a form post.
func firstBody[T any](jsonBody, formBody *T) T {
	if jsonBody != nil {
		return *jsonBody
	}
	if formBody != nil {
		return *formBody
	}
	var zero T
	return zero
}

// toUser is the user as the API shows it: the password and one-time codes have no field
// in api.User, so they cannot leak.
func (s *Server) toUser(u db.UpUser) api.User {
	out := api.User{
		Id: u.ID, DocumentId: u.DocumentID, Username: u.Username, Email: u.Email, Provider: u.Provider,
		Confirmed: u.Confirmed, Blocked: u.Blocked,
		Fields: s.shownFields(u, nil),
	}
	out.CreatedAt, out.UpdatedAt, out.PublishedAt = timestamps(u.CreatedAt, u.UpdatedAt, u.PublishedAt)
	return out
}

// shownFields are the custom fields a user object shows of u: the non-private ones, or
// those of fields (a query's choice; nil: all).
func (s *Server) shownFields(u db.UpUser, fields []string) profile.Shown {
	if s.fields.Len() == 0 {
		return nil
	}
	return s.fields.Show(u.Profile, fields)
}

// timestampLayout is Strapi's: UTC with milliseconds, "2026-11-25T20:26:20.708Z".
const timestampLayout = "2006-01-02T15:04:05.000Z"

// timestamp formats t as Strapi does (timestampLayout).
func timestamp(t time.Time) string {
	return t.UTC().Format(timestampLayout)
}

// timestamps formats three times as timestamp does, into one string's bytes (a user's
// createdAt, updatedAt and publishedAt, on every answer that shows a user).
func timestamps(a, b, c time.Time) (string, string, string) {
	const n = len(timestampLayout)
	var buf [3 * n]byte
	for i, t := range [3]time.Time{a, b, c} {
		if !appendTimestamp(buf[i*n:i*n:(i+1)*n], t) {
			return timestamp(a), timestamp(b), timestamp(c)
		}
	}
	all := string(buf[:])
	return all[:n], all[n : 2*n], all[2*n:]
}

// appendTimestamp writes t as timestampLayout into dst's capacity (exactly its length)
// when its year has four digits, as time.Format writes it; false for other years, which
// timestamp formats.
func appendTimestamp(dst []byte, t time.Time) bool {
	t = t.UTC()
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	if year < 0 || year > 9999 {
		return false
	}
	digits := func(b []byte, v, width int) []byte {
		for i := width - 1; i >= 0; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
		return b[width:]
	}
	b := dst[:cap(dst)]
	b = digits(b, year, 4)
	b[0] = '-'
	b = digits(b[1:], int(month), 2)
	b[0] = '-'
	b = digits(b[1:], day, 2)
	b[0] = 'T'
	b = digits(b[1:], hour, 2)
	b[0] = ':'
	b = digits(b[1:], minute, 2)
	b[0] = ':'
	b = digits(b[1:], sec, 2)
	b[0] = '.'
	b = digits(b[1:], t.Nanosecond()/int(time.Millisecond), 3)
	b[0] = 'Z'
	return true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
