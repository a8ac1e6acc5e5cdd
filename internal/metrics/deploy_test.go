package metrics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// The sample dashboard and alert rules of deploy/, checked with Prometheus' own tools.
var (
	alertsFile    = filepath.Join("..", "..", "deploy", "prometheus", "alerts.yml")
	dashboardFile = filepath.Join("..", "..", "deploy", "grafana", "mtb-api.json")
)

// needTool is the path of a Prometheus binary. The tests that need one skip without it,
// unless TEST_REQUIRE_PROMETHEUS=1 (.ci/run installs Debian's prometheus and sets it).
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("TEST_REQUIRE_PROMETHEUS") == "1" {
			t.Fatalf("TEST_REQUIRE_PROMETHEUS=1 but %s is not on PATH", name)
		}
		t.Skipf("%s is not on PATH (Debian: apt-get install prometheus): not checked with the real tool", name)
	}
	return p
}

// dashboardExprs are the PromQL expressions of the dashboard's panels, with Grafana's
// variables replaced by values Prometheus accepts.
func dashboardExprs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", dashboardFile, err)
	}
	if len(d.Panels) == 0 {
		t.Fatalf("%s has no panels", dashboardFile)
	}
	vars := strings.NewReplacer("$__rate_interval", "5m", "$job", ".*", "$instance", ".*")
	var out []string
	for _, p := range d.Panels {
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, tg := range p.Targets {
			if strings.TrimSpace(tg.Expr) == "" {
				t.Errorf("panel %q has an empty query", p.Title)
			}
			out = append(out, vars.Replace(tg.Expr))
		}
	}
	return out
}

// TestDeployFilesCheck runs promtool check rules on the alert rules, and on the
// dashboard's queries written as recording rules (promtool cannot read Grafana's JSON, but
// this way Prometheus' own parser checks every query).
func TestDeployFilesCheck(t *testing.T) {
	exprs := dashboardExprs(t)
	promtool := needTool(t, "promtool")
	if out, err := exec.Command(promtool, "check", "rules", alertsFile).CombinedOutput(); err != nil {
		t.Fatalf("promtool check rules %s: %v\n%s", alertsFile, err, out)
	}
	var rules strings.Builder
	rules.WriteString("groups:\n  - name: grafana\n    rules:\n")
	for i, e := range exprs {
		q, _ := json.Marshal(e) // a JSON string is a YAML string
		fmt.Fprintf(&rules, "      - record: grafana:panel_query_%d\n        expr: %s\n", i, q)
	}
	f := filepath.Join(t.TempDir(), "grafana-queries.yml")
	if err := os.WriteFile(f, []byte(rules.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(promtool, "check", "rules", f).CombinedOutput()
	if err != nil {
		t.Fatalf("the dashboard's queries do not parse: %v\n%s\n%s", err, out, rules.String())
	}
	if want := fmt.Sprintf("SUCCESS: %d rules found", len(exprs)); !strings.Contains(string(out), want) {
		t.Fatalf("promtool on the dashboard's %d queries: %s", len(exprs), out)
	}
}

var metricName = regexp.MustCompile(`\bmtb_[a-z_]+`)

// TestDeployFilesNameServedMetrics: every mtb_ series the dashboard and the alert rules
// query is one the service serves (a renamed metric breaks no panel silently).
func TestDeployFilesNameServedMetrics(t *testing.T) {
	// The series of labelled families appear with their first event: one request, and one
	// refused by the rate limiter.
	e := apitest.New(t, "sqlite", func(c *config.Config) { c.RateLimit.Enabled, c.RateLimit.Max = true, 1 })
	for _, want := range []int{400, 429} {
		r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "nobody", "password": "wrong-password"})
		if r.Status != want {
			t.Fatalf("login: %d, want %d", r.Status, want)
		}
	}
	served := scrapeNames(t, e.MetricsURL)
	alerts, err := os.ReadFile(alertsFile)
	if err != nil {
		t.Fatal(err)
	}
	text := string(alerts) + strings.Join(dashboardExprs(t), "\n")
	names := metricName.FindAllString(text, -1)
	if len(names) < 10 {
		t.Fatalf("only %d mtb_ names found in the deploy files", len(names))
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, "_bucket"), "_count"), "_sum")
		if !slices.Contains(served, base) {
			t.Errorf("%s is queried but the service serves no %s", n, base)
		}
	}
}

func scrapeNames(t *testing.T, metricsURL string) []string {
	t.Helper()
	resp, err := http.Get(metricsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range fams {
		names = append(names, n)
	}
	return names
}

// TestRealPrometheus runs a real Prometheus that scrapes the service's metrics listener and
// loads the alert rules, then asks it, through its HTTP API, for a request the test made.
func TestRealPrometheus(t *testing.T) {
	bin := needTool(t, "prometheus")
	e := apitest.New(t, "sqlite")
	e.Register("alice", "alice@example.com", "secret123")
	if r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "secret123"}); r.Status != 200 {
		t.Fatalf("login: %d %s", r.Status, r.Body)
	}
	target, err := url.Parse(e.MetricsURL)
	if err != nil {
		t.Fatal(err)
	}
	rules, err := filepath.Abs(alertsFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := fmt.Sprintf(`global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [%q]
scrape_configs:
  - job_name: mtb-api
    static_configs:
      - targets: [%q]
`, rules, target.Host)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "data"), "--web.listen-address="+addr)
	logFile, err := os.Create(filepath.Join(dir, "prometheus.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			b, _ := os.ReadFile(logFile.Name())
			t.Logf("prometheus's log:\n%s", b)
		}
	})

	api := "http://" + addr + "/api/v1/"
	query := func(q string) (string, bool) {
		var res struct {
			Status string
			Data   struct {
				Result []struct{ Value []any }
			}
		}
		if !getJSON(api+"query?query="+url.QueryEscape(q), &res) || res.Status != "success" || len(res.Data.Result) != 1 {
			return "", false
		}
		v, _ := res.Data.Result[0].Value[1].(string)
		return v, true
	}
	deadline := time.Now().Add(60 * time.Second)
	var got string
	for ok := false; !ok; got, ok = query(`sum(mtb_http_requests_total{job="mtb-api", operation="login", status="200"})`) {
		if time.Now().After(deadline) {
			t.Fatalf("Prometheus at %s never returned the login's count from a scrape of %s", addr, e.MetricsURL)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if got != "1" {
		t.Errorf("Prometheus's mtb_http_requests_total for the login: %s, want 1", got)
	}
	if up, _ := query(`up{job="mtb-api"}`); up != "1" {
		t.Errorf("up{job=mtb-api} = %q", up)
	}

	// The alert rules loaded and evaluate without error against the real series.
	var rs struct {
		Data struct {
			Groups []struct {
				Rules []struct{ Name, Health, LastError string }
			}
		}
	}
	for {
		healthy := 0
		if getJSON(api+"rules", &rs) {
			for _, g := range rs.Data.Groups {
				for _, r := range g.Rules {
					if r.Health == "err" {
						t.Fatalf("rule %s: %s", r.Name, r.LastError)
					}
					if r.Health == "ok" {
						healthy++
					}
				}
			}
		}
		if healthy == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the 3 alert rules did not all evaluate: %+v", rs)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func getJSON(u string, v any) bool {
	resp, err := http.Get(u)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return err == nil && resp.StatusCode == 200 && json.Unmarshal(b, v) == nil
}

// freeAddr is a loopback address with a port free a moment ago, for Prometheus's web
// listener (it has no way to report a port it chose itself).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
