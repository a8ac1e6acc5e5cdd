package httpapi_test

import (
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
)

func TestSmoke(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		jwt, id := e.Register("alice", "Alice@Example.com", "secret123")
		r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt)
		if r.Status != 200 {
			t.Fatalf("me: %d %s", r.Status, r.Body)
		}
		t.Log(id, string(r.Body))
		r = e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"})
		m := e.Mail.WaitFor(t, func(m smtptest.Received) bool { return true }, 5e9)
		t.Log(m.Subject, m.Text)
	})
}
