package httpapi

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/api"
)

// RefreshCookie is the httpOnly cookie that carries the refresh token in Strapi's cookie
// mode (contract §9.4): on with SESSIONS_HTTPONLY, or per request with the header
// x-strapi-refresh-cookie: httpOnly, for login, refresh and logout (which clears it).
// Register, reset-password and change-password ignore it, as in Strapi.
type RefreshCookie struct {
	Always   bool   // SESSIONS_HTTPONLY
	Name     string // strapi_up_refresh
	Secure   bool
	SameSite string // lax, strict or none
	Path     string
	Domain   string
	MaxAge   time.Duration // 0: a session cookie (no expires)
	// Keys are Strapi's APP_KEYS, as Koa's cookies use them (Keygrip): the first signs the
	// companion cookie <name>.sig = base64url(HMAC-SHA1(key, "<name>=<value>")) that Strapi
	// sends with the refresh cookie, and a cookie is read only when its companion matches
	// one of them (Strapi reads it as a signed cookie: without a valid companion the cookie
	// counts as absent). None: no companion is sent and none is required.
	Keys []string
}

// requested reports whether a request is answered in cookie mode: always, or when its
// x-strapi-refresh-cookie header (mode) is exactly httpOnly.
func (c RefreshCookie) requested(mode *string) bool {
	return c.Always || (mode != nil && *mode == "httpOnly")
}

// read returns the refresh token of the request's cookie, or "" when there is none or its
// .sig companion does not match (as Koa's signed cookies).
func (c RefreshCookie) read(h http.Header) string {
	r := &http.Request{Header: h}
	ck, err := r.Cookie(c.Name)
	if err != nil {
		return ""
	}
	if ck.Value == "" || len(c.Keys) == 0 {
		return ck.Value
	}
	sig, err := r.Cookie(c.Name + ".sig")
	if err != nil {
		return ""
	}
	for _, key := range c.Keys {
		if hmac.Equal([]byte(sig.Value), []byte(keygripSign(key, c.Name+"="+ck.Value))) {
			return ck.Value
		}
	}
	return ""
}

// setCookies are the Set-Cookie headers of the cookie (and its .sig companion), as Koa's
// cookies module writes them: lower-case attributes in its order, expires (no Max-Age)
// when a max age is configured. An empty value clears the cookie (expires at the epoch).
func (c RefreshCookie) setCookies(value string, now time.Time) []string {
	var b strings.Builder
	b.WriteString("; path=" + c.Path)
	switch {
	case value == "":
		b.WriteString("; expires=" + time.Unix(0, 0).UTC().Format(http.TimeFormat))
	case c.MaxAge > 0:
		b.WriteString("; expires=" + now.Add(c.MaxAge).UTC().Format(http.TimeFormat))
	}
	if c.Domain != "" {
		b.WriteString("; domain=" + c.Domain)
	}
	if c.SameSite != "" {
		b.WriteString("; samesite=" + strings.ToLower(c.SameSite))
	}
	if c.Secure {
		b.WriteString("; secure")
	}
	b.WriteString("; httponly")
	attrs := b.String()
	out := []string{c.Name + "=" + value + attrs}
	if len(c.Keys) > 0 {
		out = append(out, c.Name+".sig="+keygripSign(c.Keys[0], c.Name+"="+value)+attrs)
	}
	return out
}

// The answers that may set the refresh cookie. The generated response types have no field
// for it (its name is the operator's choice, SESSIONS_COOKIE_NAME), so these write its
// Set-Cookie headers, then the generated answer.
type (
	loginAnswer struct {
		api.Login200JSONResponse
		cookies []string
	}
	refreshAnswer struct {
		api.RefreshSession200JSONResponse
		cookies []string
	}
	logoutAnswer struct {
		api.Logout200JSONResponse
		cookies []string
	}
)

func (a loginAnswer) VisitLoginResponse(w http.ResponseWriter) error {
	addCookies(w, a.cookies)
	return a.Login200JSONResponse.VisitLoginResponse(w)
}

func (a refreshAnswer) VisitRefreshSessionResponse(w http.ResponseWriter) error {
	addCookies(w, a.cookies)
	return a.RefreshSession200JSONResponse.VisitRefreshSessionResponse(w)
}

func (a logoutAnswer) VisitLogoutResponse(w http.ResponseWriter) error {
	addCookies(w, a.cookies)
	return a.Logout200JSONResponse.VisitLogoutResponse(w)
}

func addCookies(w http.ResponseWriter, cookies []string) {
	for _, c := range cookies {
		w.Header().Add("Set-Cookie", c)
	}
}

// keygripSign is Keygrip's sign (Koa's cookie signatures): HMAC-SHA1, base64url without
// padding.
func keygripSign(key, data string) string {
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(data))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
