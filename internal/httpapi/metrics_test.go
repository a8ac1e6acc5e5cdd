package httpapi_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// scrape reads GET /metrics from the metrics listener and parses it with Prometheus' own
// text parser.
func scrape(t *testing.T, e *apitest.Env) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(e.MetricsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET /metrics: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return fams
}

// value is the value of the series of family name with the labels given (as name, value
// pairs; other labels may be there), summed over the series that match, 0 when none does.
// A histogram's value is its count of observations.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return 0
	}
	sum := 0.0
series:
	for _, m := range f.GetMetric() {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, l := range m.GetLabel() {
				if l.GetName() == labels[i] && l.GetValue() == labels[i+1] {
					found = true
				}
			}
			if !found {
				continue series
			}
		}
		switch {
		case m.Counter != nil:
			sum += m.GetCounter().GetValue()
		case m.Gauge != nil:
			sum += m.GetGauge().GetValue()
		case m.Histogram != nil:
			sum += float64(m.GetHistogram().GetSampleCount())
		}
	}
	return sum
}

// TestMetrics scrapes /metrics after requests of every kind it counts, on both engines:
// the series are there, the counters moved by what was done, and no label holds what a
// client sent (a username, an email, a path).
func TestMetrics(t *testing.T) {
	t.Parallel()
	const grace = 300 * time.Millisecond
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := refreshEnv(t, engine, func(c *config.Config) {
			c.Sessions.ReuseGrace = grace
			c.RateLimit.Enabled, c.RateLimit.Max = true, 3
		})
		// The public port has no /metrics: the series are on their own listener only.
		if r := e.Do("GET", "/metrics", nil); r.Status != 404 {
			t.Errorf("GET /metrics on the API's port: %d, want 404", r.Status)
		}
		before := scrape(t, e)

		e.Register("alice", "alice@example.com", "secret123")
		p := loginPair(t, e, "alice", "secret123", "")
		loginPair(t, e, "alice", "secret123", "")
		loginPair(t, e, "alice", "secret123", "")
		if r := loginWith(t, e, "alice", "secret123", nil); r.Status != 429 {
			t.Fatalf("fourth login: %d, want 429", r.Status)
		}
		tokensOf(t, refreshToken(e, p.Refresh))
		e.Clock.Advance(grace + 200*time.Millisecond)
		wantInvalidRefresh(t, refreshToken(e, p.Refresh)) // the reuse: theft detection
		// User data in paths: a username in an id's place, and a path outside the spec.
		e.Do("GET", "/api/users/alice", nil)
		e.Do("GET", "/no/such/alice@example.com", nil)
		// A mail queued an hour ago and not due before tomorrow: the backlog and its age.
		hourAgo := e.Clock.Now().Add(-time.Hour).UTC()
		if _, err := e.Exec(`INSERT INTO mail_outbox (kind, recipient, status, next_attempt_at, created_at)
			VALUES ('reset', 'queued@example.com', 'queued', $1, $2)`, hourAgo.Add(25*time.Hour), hourAgo); err != nil {
			t.Fatal(err)
		}

		after := scrape(t, e)
		for _, name := range []string{
			"mtb_http_requests_total", "mtb_http_request_duration_seconds", "mtb_rate_limit_refusals_total",
			"mtb_hash_workers_busy", "mtb_hash_queue_length", "mtb_hash_wait_seconds", "mtb_hash_refusals_total",
			"mtb_mail_outbox_backlog", "mtb_mail_outbox_oldest_pending_age_seconds", "mtb_mail_send_failures_total",
			"mtb_db_connections", "mtb_db_connections_max", "mtb_db_wait_total", "mtb_db_wait_seconds_total",
			"mtb_sessions_total", "mtb_build_info", "go_goroutines", "process_cpu_seconds_total",
		} {
			if after[name] == nil {
				t.Errorf("no %s in /metrics", name)
			}
		}
		rose := func(what string, want float64, name string, labels ...string) {
			t.Helper()
			if d := value(after, name, labels...) - value(before, name, labels...); d != want {
				t.Errorf("%s: %s%v rose by %v, want %v", what, name, labels, d, want)
			}
		}
		rose("logins", 3, "mtb_http_requests_total", "operation", "login", "status", "200")
		rose("logins timed", 3, "mtb_http_request_duration_seconds", "operation", "login", "status", "200")
		rose("refused login", 1, "mtb_http_requests_total", "operation", "login", "status", "429")
		rose("rate-limit refusal", 1, "mtb_rate_limit_refusals_total", "operation", "login")
		rose("register", 1, "mtb_http_requests_total", "operation", "register", "status", "200")
		rose("sessions started", 4, "mtb_sessions_total", "event", "created") // register + 3 logins
		rose("rotation", 1, "mtb_sessions_total", "event", "rotated")
		rose("theft detection", 1, "mtb_sessions_total", "event", "reused")
		rose("request outside the spec", 1, "mtb_http_requests_total", "operation", "unmatched", "status", "404")
		// Register hashes once, each login that passed the rate limit checks once.
		rose("hashes", 4, "mtb_hash_wait_seconds")

		if n := value(after, "mtb_mail_outbox_backlog"); n != 1 {
			t.Errorf("mail backlog %v, want 1", n)
		}
		if age := value(after, "mtb_mail_outbox_oldest_pending_age_seconds"); age < 3600 || age > 3700 {
			t.Errorf("oldest pending mail's age %v s, want about 3600", age)
		}
		if n := value(after, "mtb_db_connections_max"); n < 1 {
			t.Errorf("database pool max %v", n)
		}
		if bi := after["mtb_build_info"]; bi != nil && value(after, "mtb_build_info") != 1 {
			t.Errorf("mtb_build_info is %v, want 1", value(after, "mtb_build_info"))
		}

		for name, f := range after {
			for _, m := range f.GetMetric() {
				for _, l := range m.GetLabel() {
					v := l.GetValue()
					if strings.Contains(v, "alice") || strings.Contains(v, "example.com") || strings.Contains(v, "/api/") || strings.Contains(v, "/no/") {
						t.Errorf("%s has a label holding request data: %s=%q", name, l.GetName(), v)
					}
				}
			}
		}
	})
}
