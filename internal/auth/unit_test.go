package auth

import (
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
)

// TestTokensByteIdentical: the tokens are exactly those the service issued before their
// payload types shared signedPayload (so, exactly Strapi's): same header, same payload keys
// in the same order, same signature; legacy tokens add a jti after Strapi's keys.
func TestTokensByteIdentical(t *testing.T) {
	t.Parallel()
	tk := NewTokens("0123456789abcdef0123", 30*24*time.Hour, nil)
	const sid = "0123456789abcdef0123456789abcdef"
	legacy, err1 := tk.Issue(7, 1700000000)
	access, err2 := tk.IssueAccess(7, sid, 1700000000, 600*time.Second)
	refresh, err3 := tk.IssueRefresh(7, sid, 1701209600)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	// A legacy token is Strapi's {"id","iat","exp"}, in that order, with a random jti after
	// them (decision D5 amended: a password change keeps the one token that made it).
	head, payload, _ := strings.Cut(legacy, ".")
	body, err := base64.RawURLEncoding.DecodeString(strings.Split(payload, ".")[0])
	if err != nil || head != "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" ||
		!regexp.MustCompile(`^\{"id":7,"iat":1700000000,"exp":1702592000,"jti":"[A-Za-z0-9_-]{16}"\}$`).Match(body) {
		t.Errorf("legacy token %s: payload %s", legacy, body)
	}
	if again, _ := tk.Issue(7, 1700000000); again == legacy {
		t.Errorf("two legacy tokens issued in the same second are alike: %s", again)
	}
	for _, c := range []struct{ name, got, want string }{
		// {"userId":"7","sessionId":"0123…","type":"access","iat":1700000000,"exp":1700000600}
		{"access", access, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VySWQiOiI3Iiwic2Vzc2lvbklkIjoiMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYiLCJ0eXBlIjoiYWNjZXNzIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA2MDB9.YeVoUGggu5jrdTQjxAHBeUEoVwAr14wBboSjW3tQdM4"},
		// {"userId":"7","sessionId":"0123…","type":"refresh","exp":1701209600}
		{"refresh", refresh, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VySWQiOiI3Iiwic2Vzc2lvbklkIjoiMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYiLCJ0eXBlIjoicmVmcmVzaCIsImV4cCI6MTcwMTIwOTYwMH0.KilE1qWbUR2eMK_IIEseIGp42zphDvgAo39BM1fHPJ4"},
	} {
		if c.got != c.want {
			t.Errorf("%s token\n got %s\nwant %s", c.name, c.got, c.want)
		}
	}
}

// TestRevokeAfter: tokens_valid_after moves past this second and past its current value.
func TestRevokeAfter(t *testing.T) {
	t.Parallel()
	now := time.Unix(1700000000, 500)
	for _, c := range []struct{ cur, want int64 }{
		{0, 1700000001},          // never revoked
		{1699999000, 1700000001}, // revoked long ago
		{1700000001, 1700000002}, // revoked in this second: the token of that revocation dies
		{1700000060, 1700000061}, // revoked by an instance whose clock is ahead
	} {
		if got := revokeAfter(now, c.cur); got != c.want {
			t.Errorf("revokeAfter(now, %d) = %d, want %d", c.cur, got, c.want)
		}
	}
}

// TestCheckNewPassword: "Passwords do not match" comes before the length, as in Strapi.
func TestCheckNewPassword(t *testing.T) {
	t.Parallel()
	long := string(make([]byte, MaxPasswordBytes+1))
	for _, c := range []struct {
		password, confirmation string
		field, message         string // "": accepted
	}{
		{"secret123", "secret123", "", ""},
		{string(make([]byte, MaxPasswordBytes)), string(make([]byte, MaxPasswordBytes)), "", ""},
		{long, long, "password", ErrPasswordTooLong.Message},
		{long, "other", "passwordConfirmation", "Passwords do not match"},
	} {
		err := checkNewPassword(c.password, c.confirmation)
		var e *apierror.Error
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%d bytes: %v", len(c.password), err)
		case c.field == "":
		case !errors.As(err, &e) || len(e.Fields) != 1 || e.Fields[0].Path[0] != c.field || e.Fields[0].Message != c.message:
			t.Errorf("%d bytes, confirmation %d bytes: %#v, want %s %q", len(c.password), len(c.confirmation), err, c.field, c.message)
		}
	}
}
