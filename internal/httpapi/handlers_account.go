package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

// The account routes beyond login and registration: change password, email confirmation,
// change of email (this service's own). The session routes of refresh mode are in
// handlers_sessions.go, the OAuth provider routes in handlers_providers.go.

func (h handlers) ChangePassword(ctx context.Context, req api.ChangePasswordRequestObject) (api.ChangePasswordResponseObject, error) {
	p := principal(ctx)
	if p == nil || p.User == nil { // only when Public was granted the permission, as in Strapi
		return nil, auth.ErrNotAuthenticated
	}
	b := firstBody(req.JSONBody, req.FormdataBody)
	u, iss, err := h.s.auth.ChangePassword(ctx, p, auth.ChangePasswordInput{
		CurrentPassword: b.CurrentPassword, Password: b.Password, PasswordConfirmation: b.PasswordConfirmation,
	})
	if err != nil {
		return nil, err
	}
	// In refresh mode the refresh token is in the body, even in cookie mode (as Strapi).
	return api.ChangePassword200JSONResponse{Body: api.AuthResponse{Jwt: iss.JWT, RefreshToken: nonEmpty(iss.RefreshToken), User: h.s.toUser(u)}}, nil
}

func (h handlers) SendEmailConfirmation(ctx context.Context, req api.SendEmailConfirmationRequestObject) (api.SendEmailConfirmationResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	email, err := h.s.auth.SendEmailConfirmation(ctx, b.Email)
	if err != nil {
		return nil, err
	}
	return api.SendEmailConfirmation200JSONResponse{Body: api.EmailSentResponse{Email: email, Sent: true}}, nil
}

func (h handlers) ConfirmEmail(ctx context.Context, req api.ConfirmEmailRequestObject) (api.ConfirmEmailResponseObject, error) {
	to, err := h.s.auth.ConfirmEmail(ctx, req.Params.Confirmation)
	if err != nil {
		return nil, err
	}
	return koaRedirect{to: to, html: acceptsHTML(info(ctx).header)}, nil
}

// ChangeEmail asks for a change of the caller's email (this service's own route): the
// answer tells where the link went.
func (h handlers) ChangeEmail(ctx context.Context, req api.ChangeEmailRequestObject) (api.ChangeEmailResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	email, err := h.s.auth.RequestEmailChange(ctx, principal(ctx), auth.ChangeEmailInput{Email: b.Email, CurrentPassword: b.CurrentPassword})
	if err != nil {
		return nil, err
	}
	return api.ChangeEmail200JSONResponse{Body: api.EmailSentResponse{Email: email, Sent: true}}, nil
}

// ConfirmEmailChange is the link of the mail to the new address: it applies the change
// and redirects, as ConfirmEmail does.
func (h handlers) ConfirmEmailChange(ctx context.Context, req api.ConfirmEmailChangeRequestObject) (api.ConfirmEmailChangeResponseObject, error) {
	_, to, err := h.s.auth.ConfirmEmailChange(ctx, req.Params.Confirmation)
	if err != nil {
		return nil, err
	}
	return koaRedirect{to: to, html: acceptsHTML(info(ctx).header)}, nil
}

// ConfirmEmailChangeJSON is ConfirmEmailChange for a frontend: a JSON answer.
func (h handlers) ConfirmEmailChangeJSON(ctx context.Context, req api.ConfirmEmailChangeJSONRequestObject) (api.ConfirmEmailChangeJSONResponseObject, error) {
	b := firstBody(req.JSONBody, req.FormdataBody)
	email, _, err := h.s.auth.ConfirmEmailChange(ctx, b.Confirmation)
	if err != nil {
		return nil, err
	}
	return api.ConfirmEmailChangeJSON200JSONResponse{Email: email, Changed: true}, nil
}

// koaRedirect is the 302 of Koa's ctx.redirect to the confirmation's redirect URL (see
// redirect).
type koaRedirect struct {
	to   string
	html bool
}

func (k koaRedirect) VisitConfirmEmailResponse(w http.ResponseWriter) error {
	return redirect(w, http.StatusFound, k.to, k.html, true)
}

func (k koaRedirect) VisitConfirmEmailChangeResponse(w http.ResponseWriter) error {
	return redirect(w, http.StatusFound, k.to, k.html, true)
}

// redirect answers as Koa's ctx.redirect (koa 2.16, which Strapi 5 runs): an absolute
// http(s) URL normalized as WHATWG's URL does, Location percent-encoded as encodeurl does,
// and the body "Redirecting to <url>." as HTML (the URL HTML-escaped) when the client
// accepts HTML, as plain text otherwise. Without withBody (a HEAD request) only the
// headers are written.
func redirect(w http.ResponseWriter, status int, to string, html, withBody bool) error {
	if absoluteHTTP.MatchString(to) {
		if u, err := url.Parse(to); err == nil && u.Host != "" {
			u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
			if u.Path == "" && u.Opaque == "" {
				u.Path = "/"
			}
			u.RawQuery = escapeQuery(u.RawQuery)
			to = u.String()
		}
	}
	h := w.Header()
	h.Set("Location", encodeURL(to))
	body := "Redirecting to " + to + "."
	if html {
		h.Set("Content-Type", "text/html; charset=utf-8")
		body = "Redirecting to " + escapeHTML.Replace(to) + "."
	} else {
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if !withBody {
		return nil
	}
	_, err := w.Write([]byte(body))
	return err
}

var absoluteHTTP = regexp.MustCompile(`(?i)^https?://`)

// escapeQuery percent-encodes the query of an http(s) URL as WHATWG's URL parser does
// (its special-query percent-encode set); Go's url.String writes the query as it was.
func escapeQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c <= 0x20 || c >= 0x7F || c == '"' || c == '#' || c == '<' || c == '>' || c == '\'':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeHTML escapes as the escape-html package Koa uses.
var escapeHTML = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;", `'`, "&#39;")

// encodeURL percent-encodes what may not appear in a URL, leaving valid percent-escapes
// and reserved characters as they are, as the encodeurl package does.
func encodeURL(s string) string {
	isHex := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b.WriteByte(c)
			} else {
				b.WriteString("%25")
			}
		case c == 0x21 || 0x23 <= c && c <= 0x3B || c == 0x3D || 0x3F <= c && c <= 0x5F || 0x61 <= c && c <= 0x7A || c == 0x7C || c == 0x7E:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
