package mail_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/mail"
)

func TestLogTransport(t *testing.T) {
	t.Parallel()
	m := mail.Message{
		From:    "Administration Panel <no-reply@strapi.io>",
		To:      "zoe@example.com",
		ReplyTo: "support@mtb-race.example",
		Subject: "Réinitialisation du mot de passe",
		Text:    "Open https://mtb-race.example/reset-password?code=abc",
		HTML:    "<p>Open the link</p>",
	}

	tests := []struct {
		name        string
		includeBody bool
	}{
		{"without body", false},
		{"with body", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			tr := mail.LogTransport{Logger: slog.New(slog.NewJSONHandler(&buf, nil)), IncludeBody: tt.includeBody}
			if err := tr.Send(t.Context(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}

			var rec map[string]any
			if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
				t.Fatalf("want one JSON record, got %q: %v", buf.String(), err)
			}
			want := map[string]any{
				"level":    "INFO",
				"msg":      "mail written to the log, not sent (no SMTP server configured)",
				"to":       m.To,
				"from":     m.From,
				"reply_to": m.ReplyTo,
				"subject":  m.Subject,
			}
			if tt.includeBody {
				want["text"] = m.Text
			}
			delete(rec, "time")
			if len(rec) != len(want) {
				t.Errorf("record = %v, want the fields of %v", rec, want)
			}
			for k, v := range want {
				if rec[k] != v {
					t.Errorf("%s = %v, want %v", k, rec[k], v)
				}
			}
			if !tt.includeBody && bytes.Contains(buf.Bytes(), []byte("reset-password")) {
				t.Errorf("the record contains the body: %s", buf.String())
			}
		})
	}
}
