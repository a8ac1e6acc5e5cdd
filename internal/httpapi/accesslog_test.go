package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestAccessLog checks which requests each LOG_ACCESS setting writes a line for: every one,
// only the failed and the slow ones, or none (the access log's cost is measured by make bench).
func TestAccessLog(t *testing.T) {
	t.Parallel()
	cases := []struct {
		mode, slow string
		ok, failed bool // whether a 200 and a 401 are logged
	}{
		{mode: "all", ok: true, failed: true},
		{mode: "errors", failed: true},
		{mode: "errors", slow: "1ns", ok: true, failed: true}, // every request is slow
		{mode: "off"},
	}
	for _, c := range cases {
		t.Run(c.mode+c.slow, func(t *testing.T) {
			t.Parallel()
			e := apitest.New(t, "sqlite", func(cfg *config.Config) {
				cfg.LogAccess = c.mode
				if c.slow != "" {
					cfg.LogAccessSlow = time.Nanosecond
				}
			})
			jwt, _ := e.Register("alice", "alice@example.com", "secret123")
			okID, failedID := "access-log-ok-0001", "access-log-failed-0001"
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer "+jwt, "X-Request-Id", okID); r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			if r := e.Do("GET", "/api/users/me", nil, "Authorization", "Bearer nope", "X-Request-Id", failedID); r.Status != 401 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			logged := func(id string) bool {
				for line := range strings.Lines(e.Logs.String()) {
					if strings.Contains(line, "msg=request ") && strings.Contains(line, "request_id="+id) {
						return true
					}
				}
				return false
			}
			if got := logged(okID); got != c.ok {
				t.Errorf("the 200 logged: %v, want %v\n%s", got, c.ok, e.Logs.String())
			}
			if got := logged(failedID); got != c.failed {
				t.Errorf("the 401 logged: %v, want %v\n%s", got, c.failed, e.Logs.String())
			}
		})
	}
}
