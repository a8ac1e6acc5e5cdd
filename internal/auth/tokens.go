package auth

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Tokens issues and verifies the JWTs of Strapi's legacy mode: HS256 over JWT_SECRET with
// the payload {id, iat, exp}, so tokens pass between this service and a Strapi that shares
// the secret in both directions.
type Tokens struct {
	secret []byte
	ttl    time.Duration
	now    func() time.Time
	parser *jwt.Parser
	// What verified tokens said (see verifiedTokens): legacy tokens, refresh-mode ones.
	legacy   verifiedTokens[Claims]
	sessions verifiedTokens[typedSessionClaims]
}

// NewTokens returns Tokens signing with secret; tokens live for ttl (Strapi: 30 days). Their
// expiry is checked against now (time.Now when nil).
func NewTokens(secret string, ttl time.Duration, now func() time.Time) *Tokens {
	if now == nil {
		now = time.Now
	}
	return &Tokens{
		secret: []byte(secret),
		ttl:    ttl,
		now:    now,
		// Verification is pinned to HS256 and requires exp: a token without an expiry is
		// refused, unlike in Strapi.
		parser: jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithTimeFunc(now)),
	}
}

// signedPayload gives the payload types below the methods of jwt.Claims, which signing
// requires of a payload but never calls (it only marshals the payload to JSON). Verifying
// never calls them either: tokens are parsed into jwt.MapClaims (parse). Being an embedded
// struct without fields, it adds nothing to the JSON.
type signedPayload struct{}

func (signedPayload) GetExpirationTime() (*jwt.NumericDate, error) { return nil, nil }
func (signedPayload) GetIssuedAt() (*jwt.NumericDate, error)       { return nil, nil }
func (signedPayload) GetNotBefore() (*jwt.NumericDate, error)      { return nil, nil }
func (signedPayload) GetIssuer() (string, error)                   { return "", nil }
func (signedPayload) GetSubject() (string, error)                  { return "", nil }
func (signedPayload) GetAudience() (jwt.ClaimStrings, error)       { return nil, nil }

// legacyClaims is the payload Strapi signs, with its keys in Strapi's order, and a random
// jti: two logins in the same second get different tokens, so that a password change can
// keep the one token that made it and kill its siblings (decision D5 amended). Strapi and
// its clients ignore the claim; Strapi's own tokens, without one, are accepted as before.
type legacyClaims struct {
	signedPayload
	ID  int64  `json:"id"`
	IAT int64  `json:"iat"`
	EXP int64  `json:"exp"`
	JTI string `json:"jti"`
}

// Issue returns a token for userID issued at iat (Unix seconds).
func (t *Tokens) Issue(userID int64, iat int64) (string, error) {
	return t.sign(legacyClaims{ID: userID, IAT: iat, EXP: iat + int64(t.ttl/time.Second), JTI: newTokenID()})
}

// newTokenID is a jti: 96 random bits, base64url.
func newTokenID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// TokenHash is what the database keeps of a token that must be recognised later (the token
// a password change keeps working): its SHA-256, hex.
func TokenHash(token string) string { return hashCode(token) }

// sign returns the token of payload c: HS256 over JWT_SECRET, with the header
// {"alg":"HS256","typ":"JWT"}.
func (t *Tokens) sign(c jwt.Claims) (string, error) {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.secret)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return s, nil
}

// parse checks a token's signature, algorithm and expiry and returns its payload. It
// returns ErrTokenExpired for a well-signed token past its exp (decision D2) and
// ErrTokenInvalid for anything else.
func (t *Tokens) parse(token string) (jwt.MapClaims, time.Time, error) {
	var mc jwt.MapClaims
	_, err := t.parser.ParseWithClaims(token, &mc, func(*jwt.Token) (any, error) { return t.secret, nil })
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) && !errors.Is(err, jwt.ErrTokenSignatureInvalid) {
			return nil, time.Time{}, ErrTokenExpired
		}
		return nil, time.Time{}, ErrTokenInvalid
	}
	exp, err := mc.GetExpirationTime() // required: the parser checked it is there and valid
	if err != nil || exp == nil {
		return nil, time.Time{}, ErrTokenInvalid
	}
	return mc, exp.Time, nil
}

// Claims is what a verified token says.
type Claims struct {
	UserID   int64
	IssuedAt int64 // Unix seconds; 0 when the token has no iat
}

// Verify checks the token's signature, algorithm and expiry and returns its claims. It
// returns ErrTokenExpired for a well-signed token past its exp (decision D2) and
// ErrTokenInvalid for anything else.
func (t *Tokens) Verify(token string) (Claims, error) {
	if c, ok := t.legacy.get(token, t.now()); ok {
		return c, nil
	}
	mc, exp, err := t.parse(token)
	if err != nil {
		return Claims{}, err
	}
	id, ok := positiveInt(mc["id"])
	if !ok {
		return Claims{}, ErrTokenInvalid
	}
	iat, _ := positiveInt(mc["iat"])
	c := Claims{UserID: id, IssuedAt: iat}
	t.legacy.put(token, c, exp)
	return c, nil
}

// positiveInt reads a JSON number or numeric string (Strapi accepts {"id":"1"}) as an int64.
func positiveInt(v any) (int64, bool) {
	switch v := v.(type) {
	case float64:
		if v >= 1 && v <= 1<<53 && v == math.Trunc(v) {
			return int64(v), true
		}
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		if err == nil && n >= 1 {
			return n, true
		}
	}
	return 0, false
}

// ---- refresh mode (JWT_MANAGEMENT=refresh): Strapi's session manager's tokens

// Token types of refresh mode, the payload's "type".
const (
	tokenAccess  = "access"
	tokenRefresh = "refresh"
)

// accessClaims is the payload of a refresh-mode access token, with its keys in Strapi's
// order: {"userId":"1","sessionId":"<32 hex>","type":"access","iat":...,"exp":...}.
type accessClaims struct {
	signedPayload
	UserID    string `json:"userId"`
	SessionID string `json:"sessionId"`
	Type      string `json:"type"`
	IAT       int64  `json:"iat"`
	EXP       int64  `json:"exp"`
}

// refreshClaims is the payload of a refresh token: no iat, as Strapi signs it
// (noTimestamp), so that a refresh token is a function of its session alone and the same
// session always gives the same token.
type refreshClaims struct {
	signedPayload
	UserID    string `json:"userId"`
	SessionID string `json:"sessionId"`
	Type      string `json:"type"`
	EXP       int64  `json:"exp"`
}

// IssueAccess returns an access token of session sessionID for userID, issued at iat (Unix
// seconds) and valid for ttl.
func (t *Tokens) IssueAccess(userID int64, sessionID string, iat int64, ttl time.Duration) (string, error) {
	c := accessClaims{UserID: strconv.FormatInt(userID, 10), SessionID: sessionID, Type: tokenAccess, IAT: iat, EXP: iat + int64(ttl/time.Second)}
	return t.sign(c)
}

// IssueRefresh returns the refresh token of session sessionID for userID, expiring at exp
// (Unix seconds). It depends on nothing else: the same session gives the same token.
func (t *Tokens) IssueRefresh(userID int64, sessionID string, exp int64) (string, error) {
	return t.sign(refreshClaims{UserID: strconv.FormatInt(userID, 10), SessionID: sessionID, Type: tokenRefresh, EXP: exp})
}

// SessionClaims is what a verified refresh-mode token says.
type SessionClaims struct {
	UserID    int64
	SessionID string
	IssuedAt  int64 // 0 for refresh tokens
}

// maxSessionIDLength bounds the session ids looked up (ours are 32 hex characters).
const maxSessionIDLength = 64

// VerifySession checks a refresh-mode token of the given type ("access" or "refresh"):
// signature, algorithm, expiry, type, a numeric userId (a string, as Strapi writes it, or
// a number) and a sessionId. It returns ErrTokenExpired for a well-signed token past its
// exp (decision D2) and ErrTokenInvalid for anything else, legacy {id} tokens included.
func (t *Tokens) VerifySession(token, typ string) (SessionClaims, error) {
	if c, ok := t.sessions.get(token, t.now()); ok {
		if c.typ != typ {
			return SessionClaims{}, ErrTokenInvalid
		}
		return c.SessionClaims, nil
	}
	mc, exp, err := t.parse(token)
	if err != nil {
		return SessionClaims{}, err
	}
	tt, _ := mc["type"].(string)
	if tt != tokenAccess && tt != tokenRefresh {
		return SessionClaims{}, ErrTokenInvalid
	}
	id, ok := positiveInt(mc["userId"])
	sid, _ := mc["sessionId"].(string)
	if !ok || sid == "" || len(sid) > maxSessionIDLength {
		return SessionClaims{}, ErrTokenInvalid
	}
	iat, _ := positiveInt(mc["iat"])
	c := typedSessionClaims{SessionClaims{UserID: id, SessionID: sid, IssuedAt: iat}, tt}
	t.sessions.put(token, c, exp)
	if tt != typ {
		return SessionClaims{}, ErrTokenInvalid
	}
	return c.SessionClaims, nil
}

// typedSessionClaims are a verified session token's claims and its type.
type typedSessionClaims struct {
	SessionClaims
	typ string
}
