package auth

import (
	"errors"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// TestVerifiedTokens: a verified token is kept with its claims and served from the cache
// until its exp, by the service's clock; a token that fails is never kept; a cached
// session token still answers only for its own type; the cache stays within its bound.
func TestVerifiedTokens(t *testing.T) {
	t.Parallel()
	var clock atomic.Int64
	clock.Store(time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC).Unix())
	now := func() time.Time { return time.Unix(clock.Load(), 0) }
	tk := NewTokens("0123456789abcdef0123", time.Hour, now)

	tok, err := tk.Issue(7, now().Unix())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		c, err := tk.Verify(tok)
		if err != nil || c.UserID != 7 || c.IssuedAt != now().Unix() {
			t.Fatalf("Verify: %+v %v", c, err)
		}
	}
	if n := tk.legacy.len(); n != 1 {
		t.Fatalf("%d tokens kept, want 1", n)
	}
	if _, ok := tk.legacy.get(tok, now()); !ok {
		t.Fatal("the verified token is not served from the cache")
	}

	// Tampered: another signature, another payload, garbage. None is kept.
	bad := []string{tok[:len(tok)-2] + "AA", "x" + tok, tok + ".x", "not.a.token"}
	for _, b := range bad {
		if _, err := tk.Verify(b); !errors.Is(err, ErrTokenInvalid) {
			t.Errorf("Verify(%q): %v, want ErrTokenInvalid", b, err)
		}
	}
	if n := tk.legacy.len(); n != 1 {
		t.Fatalf("%d tokens kept after refused ones, want 1", n)
	}

	// One second before exp it is still good; at exp it has expired, cached or not.
	clock.Add(int64(time.Hour/time.Second) - 1)
	if _, err := tk.Verify(tok); err != nil {
		t.Fatalf("a second before exp: %v", err)
	}
	clock.Add(1)
	if _, ok := tk.legacy.get(tok, now()); ok {
		t.Fatal("the cache serves a token at its exp")
	}
	if _, err := tk.Verify(tok); !errors.Is(err, ErrTokenExpired) {
		t.Fatalf("at exp: %v, want ErrTokenExpired", err)
	}

	// Session tokens: the cache remembers the type.
	access, err := tk.IssueAccess(7, "0123456789abcdef0123456789abcdef", now().Unix(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	refresh, err := tk.IssueRefresh(7, "0123456789abcdef0123456789abcdef", now().Add(time.Hour).Unix())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second time from the cache
		if c, err := tk.VerifySession(access, tokenAccess); err != nil || c.UserID != 7 || c.SessionID == "" {
			t.Fatalf("access token: %+v %v", c, err)
		}
		if _, err := tk.VerifySession(access, tokenRefresh); !errors.Is(err, ErrTokenInvalid) {
			t.Fatalf("an access token taken as a refresh token: %v", err)
		}
		if _, err := tk.VerifySession(refresh, tokenAccess); !errors.Is(err, ErrTokenInvalid) {
			t.Fatalf("a refresh token taken as an access token: %v", err)
		}
		if _, err := tk.VerifySession(tok, tokenAccess); err == nil {
			t.Fatal("a legacy token taken as an access token")
		}
	}
	if n := tk.sessions.len(); n != 2 {
		t.Fatalf("%d session tokens kept, want 2", n)
	}

	// The bound.
	var c verifiedTokens[int]
	for i := range verifiedTokensMax + 10 {
		c.put("token-"+strconv.Itoa(i), i, now().Add(time.Hour))
	}
	if n := c.len(); n != verifiedTokensMax {
		t.Fatalf("%d tokens kept, want the bound %d", n, verifiedTokensMax)
	}
}
