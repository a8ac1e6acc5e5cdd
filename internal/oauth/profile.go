package oauth

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// consumerTenant is the tenant of Microsoft's personal accounts (outlook.com, hotmail.com
// ...), whose addresses Microsoft owns and verified.
const consumerTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

// maxProfile bounds a profile answer's size.
const maxProfile = 1 << 20

// userAgent is sent to the profile APIs (GitHub refuses requests without one).
const userAgent = "mtb-backend-api"

// claims are an ID token's (or a UserInfo answer's) claims.
type claims map[string]any

func (c claims) str(name string) string {
	s, _ := c[name].(string)
	return s
}

// isTrue reports whether claim name is true: a JSON true, or the string "true" that some
// issuers send.
func (c claims) isTrue(name string) bool {
	switch v := c[name].(type) {
	case bool:
		return v
	case string:
		return v == "true"
	}
	return false
}

// oidcProfile checks the token response's ID token and reads the profile of its claims,
// or of the UserInfo endpoint when the ID token has no email.
func (c *Client) oidcProfile(ctx context.Context, p provider, s Settings, ep endpoints, tok *oauth2.Token, nonce string) (Profile, error) {
	invalid := &ProfileError{Message: "Invalid ID token from " + p.display}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Profile{}, &ProfileError{Message: "No ID token from " + p.display}
	}
	d := ep.disc
	verifier := d.op.Verifier(&oidc.Config{ClientID: s.Key, SkipIssuerCheck: d.template != ""})
	idt, err := verifier.Verify(ctx, raw)
	if err != nil || nonce == "" || idt.Nonce != nonce {
		return Profile{}, invalid
	}
	var idc claims
	if err := idt.Claims(&idc); err != nil {
		return Profile{}, invalid
	}
	if d.template != "" {
		// A multi-tenant issuer: iss must be the template with the token's own tenant.
		tid := idc.str("tid")
		if tid == "" || strings.ContainsAny(tid, "/?#") || idt.Issuer != strings.Replace(d.template, tenantTemplate, tid, 1) {
			return Profile{}, invalid
		}
	}
	if idt.AccessTokenHash != "" {
		if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
			return Profile{}, invalid
		}
	}

	// The email and its verification: the ID token's, else UserInfo's (whose subject must
	// be the ID token's).
	src := idc
	if idc.str("email") == "" && d.op.UserInfoEndpoint() != "" {
		ui, err := d.op.UserInfo(ctx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return Profile{}, &ProfileError{Message: "Could not read the profile from " + p.display}
		}
		var uic claims
		if err := ui.Claims(&uic); err != nil || ui.Subject != idt.Subject {
			return Profile{}, &ProfileError{Message: "Could not read the profile from " + p.display}
		}
		src = uic
	}
	email := src.str("email")
	if email == "" {
		return Profile{}, &ProfileError{Message: "Email was not available."}
	}
	if !emailVerified(p, idc, src) {
		return Profile{}, &ProfileError{Message: "Email not verified by " + p.display}
	}
	return Profile{Email: email, Username: oidcUsername(p, src, idc, email)}, nil
}

// emailVerified reports whether the provider vouches for the email of src (the claims it
// came from); idc are the ID token's claims.
func emailVerified(p provider, idc, src claims) bool {
	if p.name != "microsoft" {
		return src.isTrue("email_verified")
	}
	// Microsoft sends no email_verified, and the email claim of a work or school account
	// is whatever its tenant's administrator typed: anyone creating a tenant can put
	// someone else's address there and sign in as them where apps link accounts by email
	// (the "nOAuth" issue). The email is trusted only when Microsoft says the tenant owns
	// its domain (the optional claim xms_edov, "email domain owner verified", which the
	// app registration must request), or for a personal account (the consumer tenant),
	// whose addresses Microsoft owns.
	return idc.isTrue("xms_edov") || idc.str("tid") == consumerTenant
}

// oidcUsername is the username suggestion of an OpenID Connect provider's claims.
func oidcUsername(p provider, src, idc claims, email string) string {
	pick := func(names ...string) string {
		for _, n := range names {
			if v := src.str(n); v != "" {
				return v
			}
			if v := idc.str(n); v != "" {
				return v
			}
		}
		return localPart(email)
	}
	switch p.name {
	case "google":
		return localPart(email)
	case "microsoft", "keycloak":
		return pick("preferred_username")
	case "cognito":
		return pick("cognito:username")
	default: // auth0, oidc
		return pick("preferred_username", "nickname")
	}
}

func localPart(email string) string {
	local, _, _ := strings.Cut(email, "@")
	return local
}

// apiProfile reads the profile of a plain OAuth2 provider from its API, with Strapi's
// rules (providers-registry.js).
func (c *Client) apiProfile(ctx context.Context, p provider, s Settings, accessToken string) (Profile, error) {
	profileURL := or(s.ProfileURL, p.profileURL)
	switch p.name {
	case "github":
		var user struct {
			Login string `json:"login"`
			Email string `json:"email"`
		}
		var emails []struct {
			Email    string `json:"email"`
			Primary  bool   `json:"primary"`
			Verified bool   `json:"verified"`
		}
		if err := c.getJSON(ctx, p, profileURL, accessToken, &user); err != nil {
			return Profile{}, err
		}
		if err := c.getJSON(ctx, p, emailsURL(profileURL), accessToken, &emails); err != nil {
			return Profile{}, err
		}
		notVerified := &ProfileError{Message: "Email not verified by GitHub"}
		if user.Email != "" {
			// The public email must be one of the verified ones.
			for _, e := range emails {
				if e.Email == user.Email && e.Verified {
					return Profile{Email: user.Email, Username: user.Login}, nil
				}
			}
			return Profile{}, notVerified
		}
		for _, e := range emails {
			if e.Primary {
				if !e.Verified {
					return Profile{}, notVerified
				}
				return Profile{Email: e.Email, Username: user.Login}, nil
			}
		}
		return Profile{}, notVerified

	case "discord":
		var me struct {
			Username      string `json:"username"`
			Discriminator string `json:"discriminator"`
			Email         string `json:"email"`
			Verified      bool   `json:"verified"`
		}
		if err := c.getJSON(ctx, p, profileURL, accessToken, &me); err != nil {
			return Profile{}, err
		}
		if !me.Verified {
			return Profile{}, &ProfileError{Message: "Email not verified by Discord"}
		}
		username := me.Username
		if me.Discriminator != "" && me.Discriminator != "0" {
			username += "#" + me.Discriminator // a legacy Discord tag
		}
		return Profile{Email: me.Email, Username: username}, nil

	case "facebook":
		var me struct {
			Name  string `json:"name"`
			Email string `json:"email"`
		}
		if err := c.getJSON(ctx, p, profileURL, accessToken, &me); err != nil {
			return Profile{}, err
		}
		if me.Email == "" {
			return Profile{}, &ProfileError{Message: "Email not verified by Facebook"}
		}
		return Profile{Email: me.Email, Username: me.Name}, nil
	}
	return Profile{}, ErrUnknownProvider
}

// emailsURL is GitHub's emails endpoint beside its user endpoint (…/user/emails).
func emailsURL(profileURL string) string {
	base, query, _ := strings.Cut(profileURL, "?")
	u := strings.TrimSuffix(base, "/") + "/emails"
	if query != "" {
		u += "?" + query
	}
	return u
}

// getJSON GETs u with the access token and decodes its JSON answer into v. A non-2xx
// answer, or one that does not decode, is a *ProfileError; the request failing is
// returned as it is.
func (c *Client) getJSON(ctx context.Context, p provider, u, accessToken string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return &ProfileError{Message: "Could not read the profile from " + p.display}
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := c.client().Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxProfile))
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || json.Unmarshal(body, v) != nil {
		return &ProfileError{Message: "Could not read the profile from " + p.display}
	}
	return nil
}
