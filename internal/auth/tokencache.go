package auth

import (
	"strings"
	"sync"
	"time"
)

// verifiedTokensMax bounds each cache of verified tokens: about 1 MiB of tokens, the
// tokens in use of a few thousand clients at once.
const verifiedTokensMax = 4096

// verifiedTokens remembers the tokens whose signature, algorithm and claims were verified,
// with what they said, until they expire. A client sends the same token with every
// request, and checking an HS256 signature and decoding the token's JSON (twice: header
// and payload) costs more than the rest of GET /api/users/me but its database read. Envoy's
// jwt_authn filter keeps such a cache for the same reason.
//
// It is safe because a token's verification depends only on its bytes, the secret (fixed
// for the life of the process) and the time: only tokens that passed are kept (no one
// can fill the cache without the secret), an entry is used only before the token's exp,
// read with the service's clock, and tokens with a future nbf never pass, so are never
// kept early. Whether the token's user or session is still valid is not a property of the
// token: the database says it on every request, cached or not.
//
// Bounded: when full, a random entry makes room (Go's map iteration starts anywhere).
type verifiedTokens[T any] struct {
	mu      sync.RWMutex
	entries map[string]verifiedToken[T]
}

type verifiedToken[T any] struct {
	claims T
	exp    time.Time
}

// get returns what token said when it was verified, if it was and has not expired at now.
func (c *verifiedTokens[T]) get(token string, now time.Time) (T, bool) {
	c.mu.RLock()
	e, ok := c.entries[token]
	c.mu.RUnlock()
	if !ok || !now.Before(e.exp) { // golang-jwt's test: valid while now < exp
		var zero T
		return zero, false
	}
	return e.claims, true
}

// put keeps a verified token's claims until exp.
func (c *verifiedTokens[T]) put(token string, claims T, exp time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]verifiedToken[T])
	}
	if _, ok := c.entries[token]; !ok && len(c.entries) >= verifiedTokensMax {
		for k := range c.entries {
			delete(c.entries, k)
			break
		}
	}
	// A copy: the token is a slice of the request's Authorization header otherwise.
	c.entries[strings.Clone(token)] = verifiedToken[T]{claims, exp}
}

// len is the number of tokens kept.
func (c *verifiedTokens[T]) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}
