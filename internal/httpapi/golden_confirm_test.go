package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
)

// TestGoldenConfirm replays, in order, the Strapi 5.54 transcripts of phase "confirm"
// (142 to 152: the advanced setting email_confirmation on) with the state the cases
// missing on purpose created: dave's registration (141), the mail of his resend (147) and
// his confirmation with the resent token (150).
func TestGoldenConfirm(t *testing.T) {
	t.Parallel()
	cases := loadGolden(t, "confirm")
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		r := newGoldenReplay(t, engine, func(cfg *config.Config) {
			cfg.Advanced["email_confirmation"] = "true"
		})
		e := r.e

		// The earlier phases left users 1 to 8 (confirmed, no mail): dave is user 9.
		t.Run("setup-users_1_to_8", func(t *testing.T) {
			r.fillUsers(t, 1, 8)
		})
		for _, c := range cases {
			switch c.Num {
			case 142:
				t.Run("141-setup-register_dave", func(t *testing.T) { goldenRegisterUnconfirmed(t, r) })
			case 148:
				t.Run("147-setup-mail_of_the_resend", func(t *testing.T) {
					// 146 asked for a new mail; its token is the one 151 reuses.
					var msgs []smtptest.Received
					for deadline := time.Now().Add(10 * time.Second); len(msgs) < 2 && time.Now().Before(deadline); {
						time.Sleep(20 * time.Millisecond)
						msgs = e.Mail.Messages()
					}
					if len(msgs) != 2 || !slices.Equal(msgs[1].To, []string{"dave@example.com"}) || msgs[1].Subject != "Account confirmation" {
						t.Fatalf("%d mails; want a second confirmation mail, to dave", len(msgs))
					}
					ours := goldenCode(msgs[1].Text)
					if ours == "" || ours == r.codes["d60e70223a67b9486bf91d079c55968935e06fea"] {
						t.Fatalf("the resent token %q is missing or the first one", ours)
					}
					r.codes["9fa75eab6c713e96d0edb2a0ce6e0d200f76ee60"] = ours
				})
			case 151:
				t.Run("150-setup-confirm_with_the_resent_token", func(t *testing.T) {
					h := http.Header{"X-Forwarded-For": {"127.0.0.155"}}
					resp := r.do(t, "GET", "/api/auth/email-confirmation?confirmation="+r.codes["9fa75eab6c713e96d0edb2a0ce6e0d200f76ee60"], nil, h)
					if resp.status != 302 || resp.header.Get("Location") != "/" || string(resp.body) != "Redirecting to /." ||
						resp.header.Get("Content-Type") != "text/html; charset=utf-8" {
						t.Fatalf("%d Location %q %q %q", resp.status, resp.header.Get("Location"), resp.header.Get("Content-Type"), resp.body)
					}
				})
			}
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) {
				if c.Request == nil {
					r.checkMail(t, c)
					return
				}
				r.run(t, c)
			})
		}
	})
}

// goldenRegisterUnconfirmed recreates 141: dave registers while email confirmation is on;
// Strapi answers {user} only, unconfirmed, without a JWT.
func goldenRegisterUnconfirmed(t *testing.T, r *goldenReplay) {
	body := []byte(`{"username":"dave","email":"dave@example.com","password":"secret123"}`)
	h := http.Header{"Content-Type": {"application/json"}, "X-Forwarded-For": {"127.0.0.147"}}
	resp := r.do(t, "POST", "/api/auth/local/register", body, h)
	var got map[string]any
	if err := json.Unmarshal(resp.body, &got); err != nil || resp.status != 200 {
		t.Fatalf("register dave: %d %s", resp.status, resp.body)
	}
	want := map[string]any{"user": map[string]any{
		"id": float64(9), "documentId": "<DOCUMENT_ID>", "username": "dave", "email": "dave@example.com", "provider": "local",
		"confirmed": false, "blocked": false, "createdAt": "<ISO8601>", "updatedAt": "<ISO8601>", "publishedAt": "<ISO8601>",
	}}
	if g := goldenNormalize(got, ""); goldenJSON(g) != goldenJSON(want) {
		t.Fatalf("register dave:\n got %s\nwant %s", goldenJSON(g), goldenJSON(want))
	}
}
