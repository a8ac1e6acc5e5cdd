package auth

import (
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
	parser *jwt.Parser
}

// NewTokens returns Tokens signing with secret; tokens live for ttl (Strapi: 30 days).
func NewTokens(secret string, ttl time.Duration) *Tokens {
	return &Tokens{
		secret: []byte(secret),
		ttl:    ttl,
		// Verification is pinned to HS256 and requires exp: a token without an expiry is
		// refused, unlike in Strapi.
		parser: jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()),
	}
}

// legacyClaims is the payload Strapi signs, with its keys in Strapi's order.
type legacyClaims struct {
	ID  int64 `json:"id"`
	IAT int64 `json:"iat"`
	EXP int64 `json:"exp"`
}

func (c legacyClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.EXP, 0)), nil
}
func (c legacyClaims) GetIssuedAt() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.IAT, 0)), nil
}
func (legacyClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }
func (legacyClaims) GetIssuer() (string, error)              { return "", nil }
func (legacyClaims) GetSubject() (string, error)             { return "", nil }
func (legacyClaims) GetAudience() (jwt.ClaimStrings, error)  { return nil, nil }

// Issue returns a token for userID issued at iat (Unix seconds).
func (t *Tokens) Issue(userID int64, iat int64) (string, error) {
	claims := legacyClaims{ID: userID, IAT: iat, EXP: iat + int64(t.ttl/time.Second)}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.secret)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return s, nil
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
	var mc jwt.MapClaims
	_, err := t.parser.ParseWithClaims(token, &mc, func(*jwt.Token) (any, error) { return t.secret, nil })
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) && !errors.Is(err, jwt.ErrTokenSignatureInvalid) {
			return Claims{}, ErrTokenExpired
		}
		return Claims{}, ErrTokenInvalid
	}
	id, ok := positiveInt(mc["id"])
	if !ok {
		return Claims{}, ErrTokenInvalid
	}
	iat, _ := positiveInt(mc["iat"])
	return Claims{UserID: id, IssuedAt: iat}, nil
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
