package auth

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestDeviceName: the labels of Strapi's user-agent.js (its own test cases first).
func TestDeviceName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ ua, want string }{
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome on macOS"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", "Edge on Windows"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox on Windows"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari on iOS"},
		{"Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36", "Chrome on Android"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15", "Safari on macOS"},
		{"Mozilla/5.0 (Windows NT 10.0)", "Windows"},
		{"node-superagent/3.8.3", ""},
		{"curl/8.1.2", ""},
		{"golden-capture/1.0", ""},
		{"Go-http-client/1.1", ""},
		{"", ""},
		// Each browser, the forks of Chromium before Chrome.
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0", "Opera on Windows"},
		{"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android"},
		{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Vivaldi/6.5", "Vivaldi on Linux"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 YaBrowser/24.1.0.0 Safari/537.36", "Yandex Browser on Windows"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Brave/120", "Brave on macOS"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15", "Firefox on iOS"},
		{"Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", "Chrome on iOS"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) EdgiOS/120.0 Mobile/15E148 Safari/605.1.15", "Edge on iOS"},
		{"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome on ChromeOS"},
		{"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox on Linux"},
		{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/120.0.0.0 Safari/537.36", "Chrome on Linux"},
		{"Opera/9.80 (Windows NT 6.1; U; en) Presto/2.10.289 Version/12.02", "Opera on Windows"},
		{"Mozilla/5.0 (compatible; Safari/605.1.15)", "Safari"},
		// Tokens are words: "Chromebook" is no ChromeOS, "Edger/" no Edge.
		{"Chromebook Edger/1.0", ""},
		// Only the first 1024 bytes are read.
		{strings.Repeat("x", 1024) + " Firefox/121.0 (Windows NT 10.0)", ""},
		{strings.Repeat("x", 1000) + " Firefox/121.0", "Firefox"},
	} {
		if got := DeviceName(c.ua); got != c.want {
			t.Errorf("%.80q: %q, want %q", c.ua, got, c.want)
		}
	}
}

// TestSessionTokens: the payloads of Strapi's session manager, in its key order; refresh
// tokens a function of their session alone; and what VerifySession refuses.
func TestSessionTokens(t *testing.T) {
	t.Parallel()
	secret := "0123456789abcdef0123"
	tk := NewTokens(secret, 30*24*time.Hour, nil)
	now := time.Now().Unix()
	sid := newSessionID()
	if len(sid) != 32 || strings.Trim(sid, "0123456789abcdef") != "" {
		t.Fatalf("session id %q", sid)
	}
	payload := func(tok string) string {
		parts := strings.Split(tok, ".")
		b, err := base64.RawURLEncoding.DecodeString(parts[1])
		if err != nil || len(parts) != 3 {
			t.Fatalf("token %q", tok)
		}
		return string(b)
	}
	access, _ := tk.IssueAccess(7, sid, now, 600*time.Second)
	if got, want := payload(access), `{"userId":"7","sessionId":"`+sid+`","type":"access","iat":`+itoa(now)+`,"exp":`+itoa(now+600)+`}`; got != want {
		t.Fatalf("access payload %s, want %s", got, want)
	}
	refresh, _ := tk.IssueRefresh(7, sid, now+1209600)
	if got, want := payload(refresh), `{"userId":"7","sessionId":"`+sid+`","type":"refresh","exp":`+itoa(now+1209600)+`}`; got != want {
		t.Fatalf("refresh payload %s, want %s", got, want)
	}
	if again, _ := tk.IssueRefresh(7, sid, now+1209600); again != refresh {
		t.Fatal("the same session gave two refresh tokens")
	}
	if c, err := tk.VerifySession(access, tokenAccess); err != nil || c.UserID != 7 || c.SessionID != sid || c.IssuedAt != now {
		t.Fatalf("access: %+v %v", c, err)
	}
	if c, err := tk.VerifySession(refresh, tokenRefresh); err != nil || c.UserID != 7 || c.SessionID != sid {
		t.Fatalf("refresh: %+v %v", c, err)
	}
	legacy, _ := tk.Issue(7, now)
	sign := func(key string, claims jwt.MapClaims) string {
		s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(key))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []struct {
		name, token, typ string
		want             error
	}{
		{"refresh token as access token", refresh, tokenAccess, ErrTokenInvalid},
		{"access token as refresh token", access, tokenRefresh, ErrTokenInvalid},
		{"legacy token {id}", legacy, tokenAccess, ErrTokenInvalid},
		{"expired access token", sign(secret, jwt.MapClaims{"userId": "7", "sessionId": sid, "type": "access", "iat": now - 700, "exp": now - 100}), tokenAccess, ErrTokenExpired},
		{"other secret", sign("another-secret-xxxxxxxx", jwt.MapClaims{"userId": "7", "sessionId": sid, "type": "access", "exp": now + 60}), tokenAccess, ErrTokenInvalid},
		{"no exp", sign(secret, jwt.MapClaims{"userId": "7", "sessionId": sid, "type": "refresh"}), tokenRefresh, ErrTokenInvalid},
		{"no session id", sign(secret, jwt.MapClaims{"userId": "7", "type": "access", "exp": now + 60}), tokenAccess, ErrTokenInvalid},
		{"session id too long", sign(secret, jwt.MapClaims{"userId": "7", "sessionId": strings.Repeat("a", 65), "type": "access", "exp": now + 60}), tokenAccess, ErrTokenInvalid},
		{"userId not a number", sign(secret, jwt.MapClaims{"userId": "seven", "sessionId": sid, "type": "access", "exp": now + 60}), tokenAccess, ErrTokenInvalid},
		{"garbage", "not-a-token", tokenRefresh, ErrTokenInvalid},
	} {
		if _, err := tk.VerifySession(c.token, c.typ); err != c.want {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	// Strapi reads userId with Number(): a JSON number works too.
	if c, err := tk.VerifySession(sign(secret, jwt.MapClaims{"userId": 7, "sessionId": sid, "type": "access", "exp": now + 60}), tokenAccess); err != nil || c.UserID != 7 {
		t.Fatalf("numeric userId: %+v %v", c, err)
	}
	if u := newUUID(); len(u) != 36 || u[14] != '4' || strings.Count(u, "-") != 4 {
		t.Fatalf("uuid %q", u)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
