package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestMailLogIsTruthful: without an SMTP server a mail is written to the log, and the log
// says so, never "mail sent"; with one, the log says "mail sent" once it was.
func TestMailLogIsTruthful(t *testing.T) {
	t.Parallel()
	const written = `msg="mail written to the log, not sent (no SMTP server configured)"`
	const sent = `msg="mail sent"`
	tests := []struct {
		name        string
		smtp        bool
		want, never string
	}{
		{"no SMTP server", false, written, sent},
		{"SMTP server", true, sent, written},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			apitest.ForEachEngine(t, func(t *testing.T, engine string) {
				e := apitest.New(t, engine, func(c *config.Config) {
					if !tt.smtp {
						c.SMTP.Host = ""
					}
				})
				e.Register("alice", "alice@example.com", "secret123")
				if r := e.PostJSON("/api/auth/forgot-password", map[string]string{"email": "alice@example.com"}); r.Status != 200 {
					t.Fatalf("forgot-password: %d %s", r.Status, r.Body)
				}
				for deadline := time.Now().Add(10 * time.Second); !strings.Contains(e.Logs.String(), tt.want); {
					if time.Now().After(deadline) {
						t.Fatalf("no %s in the log within 10 s:\n%s", tt.want, e.Logs)
					}
					time.Sleep(20 * time.Millisecond)
				}
				// Stop the mail sender: everything it would log about this mail is logged.
				e.App.Close()
				logs := e.Logs.String()
				if strings.Contains(logs, tt.never) {
					t.Fatalf("the log says %s:\n%s", tt.never, logs)
				}
				if n := strings.Count(logs, tt.want); n != 1 {
					t.Fatalf("%d lines %s, want 1:\n%s", n, tt.want, logs)
				}
			})
		})
	}
}
