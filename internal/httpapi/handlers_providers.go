package httpapi

import (
	"context"
	"net/http"

	"github.com/mtb-race/mtb-backend-api/gen/api"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
)

// The OAuth provider routes (contract §7.3, §7.4): the start leg and the provider's
// redirect back, which the browser navigates through, and the callback route the frontend
// calls for the JWT. The provider session is server-side (auth); the browser holds its
// handle in Koa's session cookie, koa.sess (see providerCookie).

func (h handlers) ConnectProvider(ctx context.Context, req api.ConnectProviderRequestObject) (api.ConnectProviderResponseObject, error) {
	hdr := info(ctx).header
	ck := h.s.providerCookie()
	to, handle, err := h.s.auth.StartProviderSignIn(ctx, req.Provider, req.Params.Callback, ck.read(hdr))
	if err != nil {
		return nil, err
	}
	return providerRedirect{to: to, html: acceptsHTML(hdr), cookies: ck.setCookies(handle, h.s.now())}, nil
}

func (h handlers) ConnectProviderCallback(ctx context.Context, req api.ConnectProviderCallbackRequestObject) (api.ConnectProviderCallbackResponseObject, error) {
	hdr := info(ctx).header
	ck := h.s.providerCookie()
	p := req.Params
	to, ended, err := h.s.auth.ProviderRedirect(ctx, req.Provider, ck.read(hdr), auth.ProviderReturn{
		Code: deref(p.Code), State: deref(p.State), Error: deref(p.Error), ErrorDescription: deref(p.ErrorDescription),
	})
	if err != nil {
		return nil, err
	}
	r := providerRedirect{to: to, html: acceptsHTML(hdr)}
	if ended {
		r.cookies = ck.setCookies("", h.s.now())
	}
	return r, nil
}

func (h handlers) ProviderCallback(ctx context.Context, req api.ProviderCallbackRequestObject) (api.ProviderCallbackResponseObject, error) {
	ck := h.s.providerCookie()
	u, iss, err := h.s.auth.ProviderSignIn(ctx, req.Provider, ck.read(info(ctx).header), auth.Client{UserAgent: deref(req.Params.UserAgent)})
	if err != nil {
		return nil, err
	}
	refresh, cookies := h.deliverRefresh(req.Params.XStrapiRefreshCookie, iss)
	cookies = append(ck.setCookies("", h.s.now()), cookies...) // the provider session is used
	return providerAnswer{api.ProviderCallback200JSONResponse{Body: api.AuthResponse{Jwt: iss.JWT, RefreshToken: refresh, User: h.s.toUser(u)}}, cookies}, nil
}

// providerCookie is the provider session's cookie, as Koa's session cookie: koa.sess and
// its koa.sess.sig companion (signed as the refresh cookie is: with the first of APP_KEYS,
// or a key derived from JWT_SECRET), httpOnly, for the /api routes, for the sign-in's 10
// minutes. It follows the refresh cookie's Secure and Domain settings; it must come back on
// the provider's redirect (a top-level navigation from the provider's site), so it is
// SameSite=Lax, or None when the refresh cookie is (a frontend on another site calls the
// callback route with credentials).
func (s *Server) providerCookie() RefreshCookie {
	sameSite := "lax"
	if s.cookie.SameSite == "none" {
		sameSite = "none"
	}
	return RefreshCookie{
		Name: "koa.sess", Path: "/api", Secure: s.cookie.Secure, SameSite: sameSite, Domain: s.cookie.Domain,
		MaxAge: auth.ProviderSessionTTL, Keys: s.cookie.Keys,
	}
}

// providerRedirect is the 302 of the start leg and of the redirect back, with the provider
// session's cookie.
type providerRedirect struct {
	to      string
	html    bool
	cookies []string
}

func (r providerRedirect) VisitConnectProviderResponse(w http.ResponseWriter) error {
	addCookies(w, r.cookies)
	return redirect(w, http.StatusFound, r.to, r.html, true)
}

func (r providerRedirect) VisitConnectProviderCallbackResponse(w http.ResponseWriter) error {
	addCookies(w, r.cookies)
	return redirect(w, http.StatusFound, r.to, r.html, true)
}

// providerAnswer is login's answer to the callback route, with its cookies.
type providerAnswer struct {
	api.ProviderCallback200JSONResponse
	cookies []string
}

func (a providerAnswer) VisitProviderCallbackResponse(w http.ResponseWriter) error {
	addCookies(w, a.cookies)
	return a.ProviderCallback200JSONResponse.VisitProviderCallbackResponse(w)
}
