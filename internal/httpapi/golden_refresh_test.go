package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestGoldenRefresh replays the phases "refresh" (154-179) and "refreshcookie" (181, 182):
// Strapi's refresh mode, the session routes, the refresh cookie. The tokens our server
// answers take the place of Strapi's in the later requests (goldenReplay.learnTokens);
// decisions D5 and D6 override two answers (goldenOverrides 164, 175).
func TestGoldenRefresh(t *testing.T) {
	t.Parallel()
	cases := append(loadGolden(t, "refresh"), loadGolden(t, "refreshcookie")...)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		r := newGoldenReplay(t, engine, func(cfg *config.Config) {
			cfg.JWTManagement = config.RefreshMode
			cfg.AppKeys = []string{goldenAppKey}
		})
		e := r.e
		byNum := map[int]goldenCase{}
		for _, c := range cases {
			byNum[c.Num] = c
		}
		// recordedToken is the token in in, a header of case num's request.
		recordedToken := func(t *testing.T, num int, in string) string {
			t.Helper()
			if _, ok := byNum[num]; !ok {
				t.Fatalf("no case %03d", num)
			}
			tok := goldenJWTPattern.FindString(in)
			if tok == "" {
				t.Fatalf("%03d: no token in %q", num, in)
			}
			return tok
		}

		// The earlier phases left alice (id 1, password changed123 since 089) and users up to
		// id 10; frank becomes user 11 in 154. They ran in legacy mode: nobody has a session.
		t.Run("setup-users", func(t *testing.T) {
			if id := r.register(t, "alice", "alice@example.com", "changed123", "127.0.0.10"); id != 1 {
				t.Fatalf("alice is user %d", id)
			}
			r.fillUsers(t, 2, 10)
			if _, err := e.Store.Q.DeleteUserSessions(t.Context(), 1); err != nil {
				t.Fatal(err)
			}
		})
		login := func(t *testing.T, body string, h http.Header) goldenResponse {
			t.Helper()
			h.Set("Content-Type", "application/json")
			h.Set("User-Agent", "golden-capture/1.0")
			resp := r.do(t, "POST", "/api/auth/local", []byte(body), h)
			if resp.status != 200 {
				t.Fatalf("login: %d %s", resp.status, resp.body)
			}
			return resp
		}
		for _, c := range cases {
			switch c.Num {
			case 157:
				// 156: alice logs in on a second device; 167 lists that session.
				t.Run("156-setup-login_device", func(t *testing.T) {
					login(t, `{"identifier":"alice","password":"changed123","deviceId":"device-123"}`,
						http.Header{"X-Forwarded-For": {"127.0.0.161"}})
				})
			case 178:
				// 177: alice changes her password with the access token of 176: every session
				// of hers ends (178), and the answer's token is the one 179 logs out with.
				t.Run("177-setup-change_password", func(t *testing.T) {
					h := http.Header{
						"Content-Type":    {"application/json"},
						"X-Forwarded-For": {"127.0.0.183"},
						"Authorization":   {"Bearer " + r.tokens[goldenBodyField(t, byNum[176].Response.Body, "jwt")]},
					}
					resp := r.do(t, "POST", "/api/auth/change-password",
						[]byte(`{"currentPassword":"changed123","password":"changed456","passwordConfirmation":"changed456"}`), h)
					var out struct {
						JWT          string `json:"jwt"`
						RefreshToken string `json:"refreshToken"`
					}
					if resp.status != 200 || json.Unmarshal(resp.body, &out) != nil || out.JWT == "" || out.RefreshToken == "" {
						t.Fatalf("change-password: %d %s", resp.status, resp.body)
					}
					r.tokens[recordedToken(t, 179, byNum[179].Request.Headers["Authorization"])] = out.JWT
				})
			case 181:
				// 180: alice logs in asking for the cookie; 181 refreshes with it.
				t.Run("180-setup-login_cookie", func(t *testing.T) {
					resp := login(t, `{"identifier":"alice","password":"changed456"}`, http.Header{
						"X-Forwarded-For":         {"127.0.0.187"},
						"X-Strapi-Refresh-Cookie": {"httpOnly"},
					})
					ours := goldenRefreshCookie(goldenSetCookies(resp.header))
					if ours == "" {
						t.Fatalf("no refresh cookie: %v", resp.header.Values("Set-Cookie"))
					}
					r.tokens[recordedToken(t, 181, byNum[181].Request.Headers["Cookie"])] = ours
				})
			}
			t.Run(fmt.Sprintf("%03d-%s", c.Num, c.Case), func(t *testing.T) {
				got := r.run(t, c)
				switch c.Num {
				case 164:
					// D6: the replay came within the grace window: the same child as 163's.
					ours := goldenBodyField(t, json.RawMessage(got.body), "refreshToken")
					if want := r.tokens[goldenBodyField(t, byNum[163].Response.Body, "refreshToken")]; want == "" || ours != want {
						t.Errorf("D6: the replay within the grace window got refresh token %q, want 163's %q", ours, want)
					}
				}
			})
		}
	})
}

// goldenSetCookies is the Set-Cookie headers of a response, joined as recorded.
func goldenSetCookies(h http.Header) string { return strings.Join(h.Values("Set-Cookie"), ", ") }

// goldenBodyField is a string field of a recorded JSON body.
func goldenBodyField(t *testing.T, body json.RawMessage, field string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	v, _ := m[field].(string)
	return v
}
