package httpapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestGoldenRateLimit replays the ratelimit phase (136-140) with Strapi's defaults (10
// requests per 60 s), each case from its recorded client IP.
func TestGoldenRateLimit(t *testing.T) {
	t.Parallel()
	cases := loadGolden(t, "ratelimit")
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		r := newGoldenReplay(t, engine)

		// The earlier phases left alice (id 1, password changed123 since 089) and users up
		// to id 7; rl_user becomes user 8 in 139.
		t.Run("setup-users", func(t *testing.T) {
			if id := r.register(t, "alice", "alice@example.com", "changed123", "127.0.0.10"); id != 1 {
				t.Fatalf("alice is user %d", id)
			}
			r.fillUsers(t, 2, 7)
		})
		for _, c := range cases {
			if c.Num == 136 {
				// 135 (not in the transcripts): ten logins from 127.0.0.145 use its bucket up.
				t.Run("135-setup-ten_logins", func(t *testing.T) {
					for i := 1; i <= 10; i++ {
						resp := r.do(t, "POST", "/api/auth/local", []byte(`{"identifier":"alice","password":"changed123"}`),
							http.Header{"Content-Type": {"application/json"}, "X-Forwarded-For": {"127.0.0.145"}})
						if resp.status != 200 || resp.header.Get("X-RateLimit-Remaining") != strconv.Itoa(10-i) {
							t.Fatalf("login %d: %d remaining %q", i, resp.status, resp.header.Get("X-RateLimit-Remaining"))
						}
					}
				})
			}
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) {
				if c.Request != nil {
					r.run(t, c)
					return
				}
				// 140: forgot-password 12 times with one email from one IP, then another email.
				for _, want := range c.Statuses {
					resp := r.do(t, "POST", "/api/auth/forgot-password", []byte(`{"email":"alice@example.com"}`),
						http.Header{"Content-Type": {"application/json"}, "X-Forwarded-For": {"127.0.0.144"}})
					if resp.status != want.Status || resp.header.Get("X-RateLimit-Remaining") != want.Remaining {
						t.Fatalf("request %d: %d remaining %q, recorded %d %q", want.N, resp.status,
							resp.header.Get("X-RateLimit-Remaining"), want.Status, want.Remaining)
					}
				}
				// Strapi keys this route by email too, so another email got a fresh bucket
				// (200, 9 left): the bypass of CVE-2025-64526. Decision D9 keys it by client
				// IP and route only: the IP stays limited.
				if c.DifferentEmailStatus != 200 || c.DifferentEmailRemaining != "9" {
					t.Fatalf("the recording changed: %d %q", c.DifferentEmailStatus, c.DifferentEmailRemaining)
				}
				resp := r.do(t, "POST", "/api/auth/forgot-password", []byte(`{"email":"someone-else@example.com"}`),
					http.Header{"Content-Type": {"application/json"}, "X-Forwarded-For": {"127.0.0.144"}})
				if resp.status != 429 || resp.header.Get("X-RateLimit-Remaining") != "0" {
					t.Fatalf("another email from the limited IP: %d remaining %q; want 429 (D9)", resp.status, resp.header.Get("X-RateLimit-Remaining"))
				}
			})
		}
	})
}
