package auth

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestHasherPool(t *testing.T) {
	t.Parallel()
	h := NewHasher(4, 1, 1)
	ctx := context.Background()
	hash, err := h.Hash(ctx, "secret123")
	if err != nil || !strings.HasPrefix(hash, "$2a$04$") {
		t.Fatalf("hash %q %v", hash, err)
	}
	if ok, err := h.Check(ctx, hash, "secret123"); !ok || err != nil {
		t.Fatalf("right password: %v %v", ok, err)
	}
	for _, c := range []struct{ name, hash, pw string }{
		{"wrong password", hash, "secret124"},
		{"no hash (unknown user)", "", "secret123"},
		{"over 72 bytes with the right prefix", hash, "secret123" + strings.Repeat("x", 70)},
	} {
		if ok, err := h.Check(ctx, c.hash, c.pw); ok || err != nil {
			t.Errorf("%s: %v %v", c.name, ok, err)
		}
	}
	if _, err := h.Hash(ctx, strings.Repeat("é", 37)); !errors.Is(err, ErrPasswordTooLong) {
		t.Fatalf("74-byte password: %v", err)
	}

	// With one worker busy and one waiting, the next caller is refused at once.
	h.sem <- struct{}{} // occupy the worker
	h.pending.Add(1)
	var wg sync.WaitGroup
	wg.Go(func() { _, _ = h.Hash(ctx, "waiting1") }) // takes the one queue place
	deadline := time.Now().Add(2 * time.Second)
	for h.pending.Load() < 2 {
		if time.Now().After(deadline) {
			h.release()
			wg.Wait()
			t.Fatalf("the waiting caller did not queue within 2 s: pending %d, want 2", h.pending.Load())
		}
		time.Sleep(time.Millisecond)
	}
	// Refused while the worker is still held: the refusal did not wait for it.
	if _, err := h.Hash(ctx, "refused1"); !errors.Is(err, ErrBusy) {
		t.Fatalf("over capacity: %v, want ErrBusy", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	h.release()
	wg.Wait()
	if _, err := h.Hash(cctx, "cancelled"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled request: %v, want context.Canceled", err)
	}
	if h.pending.Load() != 0 {
		t.Fatalf("pending %d after all callers returned", h.pending.Load())
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	tk := NewTokens("0123456789abcdef0123", 30*24*time.Hour, nil)
	now := time.Now().Unix()
	s, err := tk.Issue(7, now)
	if err != nil {
		t.Fatal(err)
	}
	c, err := tk.Verify(s)
	if err != nil || c.UserID != 7 || c.IssuedAt != now {
		t.Fatalf("%+v %v", c, err)
	}
	sign := func(m jwt.SigningMethod, key any, claims jwt.MapClaims) string {
		s, err := jwt.NewWithClaims(m, claims).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	secret := []byte("0123456789abcdef0123")
	for _, c := range []struct {
		name  string
		token string
		want  error
	}{
		{"expired", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1, "exp": now - 1}), ErrTokenExpired},
		{"expired, other secret", sign(jwt.SigningMethodHS256, []byte("other-secret-xxxxxxxx"), jwt.MapClaims{"id": 1, "exp": now - 1}), ErrTokenInvalid},
		{"HS384", sign(jwt.SigningMethodHS384, secret, jwt.MapClaims{"id": 1, "exp": now + 60}), ErrTokenInvalid},
		{"no exp", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1}), ErrTokenInvalid},
		{"id zero", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 0, "exp": now + 60}), ErrTokenInvalid},
		{"id negative string", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": "-3", "exp": now + 60}), ErrTokenInvalid},
		{"id too large for a float", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1e300, "exp": now + 60}), ErrTokenInvalid},
		{"garbage", "not.a.token", ErrTokenInvalid},
	} {
		if _, err := tk.Verify(c.token); err != c.want {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestRenderTemplate(t *testing.T) {
	t.Parallel()
	vars := map[string]string{"URL": "https://x.example/reset?a=1&b=2", "TOKEN": "abc", "USER.username": "<b>bob</b>"}
	tpl := "<p><%= URL %>?code=<%=TOKEN%></p><%= USER %><%= USER.username %><%= NOPE %><% evil() %>${x}"
	if got, want := renderTemplate(tpl, vars, false),
		"<p>https://x.example/reset?a=1&b=2?code=abc</p><%= USER %><b>bob</b><%= NOPE %><% evil() %>${x}"; got != want {
		t.Errorf("text\n got %q\nwant %q", got, want)
	}
	if got, want := renderTemplate(tpl, vars, true),
		"<p>https://x.example/reset?a=1&amp;b=2?code=abc</p><%= USER %>&lt;b&gt;bob&lt;/b&gt;<%= NOPE %><% evil() %>${x}"; got != want {
		t.Errorf("html\n got %q\nwant %q", got, want)
	}
}
