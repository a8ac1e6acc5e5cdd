// Package metrics owns what the service tells Prometheus: its own registry (never the
// global default, so that two services in one test binary do not share counters), the
// series of every part of the service, and the handler of GET /metrics.
//
// The parts that count events (the HTTP layer, the hash pool, the sessions, the mail
// sender) hold a *Metrics and call its methods; every method is a no-op on a nil
// *Metrics, so code built without metrics (unit tests, the CLI) needs no checks. What
// is a level rather than an event (the hash pool's load, the database pool, the mail
// backlog) is read when Prometheus scrapes.
//
// No label ever holds user data: operations are the operationIds of openapi.yaml (or a
// fixed word for requests outside it), statuses are the codes the server chose, reasons
// are fixed words of this package.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Metrics are the service's series.
type Metrics struct {
	reg *prometheus.Registry

	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec
	requestSeries   sync.Map // requestKey → *requestSeries: the two series of each operation and status, looked up once
	rateLimited     *prometheus.CounterVec

	hashWait    prometheus.Histogram
	hashRefused prometheus.Counter

	sessions *prometheus.CounterVec

	mailFailures *prometheus.CounterVec
}

// Session events (mtb_sessions_total's event label).
const (
	SessionCreated = "created" // a login started a session family
	SessionRotated = "rotated" // a refresh token was exchanged for its child
	SessionRevoked = "revoked" // a logout or DELETE /api/auth/sessions/{id} ended sessions
	SessionReused  = "reused"  // a rotated refresh token came back after the grace: theft, the family is revoked
)

// New returns the metrics with the Go runtime's and the process's collectors and the
// build's information registered.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mtb_http_requests_total",
			Help: "HTTP requests answered, by operation (openapi.yaml's operationId) and status code.",
		}, []string{"operation", "status"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "mtb_http_request_duration_seconds",
			Help: "Time from the request's arrival to the end of its answer, by operation and status code.",
			// From a cached /users/me (under a millisecond) to a login queued behind the hash
			// pool (seconds).
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation", "status"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mtb_rate_limit_refusals_total",
			Help: "Requests refused with 429 by the rate limiter, by operation.",
		}, []string{"operation"}),
		hashWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "mtb_hash_wait_seconds",
			Help:    "Time a password hash or check waited for a worker of the hash pool.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
		hashRefused: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mtb_hash_refusals_total",
			Help: "Password hashes refused with 503 because they would have waited longer than PASSWORD_HASH_MAX_WAIT.",
		}),
		sessions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mtb_sessions_total",
			Help: "Refresh-token session events: created, rotated, revoked, reused (a theft detection).",
		}, []string{"event"}),
		mailFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mtb_mail_send_failures_total",
			Help: "Failed mail deliveries: retry (another attempt is scheduled) or given_up (the last one).",
		}, []string{"outcome"}),
	}
	// Every event series exists from the start (at 0), so that rate() and the alert rules
	// see the first event as an increase rather than as a new series.
	for _, e := range []string{SessionCreated, SessionRotated, SessionRevoked, SessionReused} {
		m.sessions.WithLabelValues(e)
	}
	m.mailFailures.WithLabelValues("retry")
	m.mailFailures.WithLabelValues("given_up")
	reg.MustRegister(m.requests, m.requestDuration, m.rateLimited, m.hashWait, m.hashRefused, m.sessions, m.mailFailures,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), buildInfo())
	return m
}

// Registry is the registry the series are in (tests gather from it).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the series in Prometheus' text format (or OpenMetrics when asked).
func (m *Metrics) Handler(log *slog.Logger) http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:          slogErrors{log},
		ErrorHandling:     promhttp.ContinueOnError, // a failed collector leaves out its series, not the others
		EnableOpenMetrics: true,
		Timeout:           10 * time.Second,
	})
}

type slogErrors struct{ l *slog.Logger }

func (s slogErrors) Println(v ...any) { s.l.Warn("metrics", "err", v) }

// Request counts an answered request. operation is the operationId, or a fixed word for
// requests outside the spec.
func (m *Metrics) Request(operation string, status int, d time.Duration) {
	if m == nil {
		return
	}
	k := requestKey{operation, status}
	v, ok := m.requestSeries.Load(k)
	if !ok {
		code := strconv.Itoa(status)
		v, _ = m.requestSeries.LoadOrStore(k, &requestSeries{
			count:    m.requests.WithLabelValues(operation, code),
			duration: m.requestDuration.WithLabelValues(operation, code),
		})
	}
	rs := v.(*requestSeries)
	rs.count.Inc()
	rs.duration.Observe(d.Seconds())
}

// requestKey and requestSeries: the series of an operation and status, kept once looked
// up (a label lookup hashes both labels under the vector's lock at every request). The
// keys are bounded: operationIds and the fixed words, times the status codes the server
// answers.
type requestKey struct {
	operation string
	status    int
}

type requestSeries struct {
	count    prometheus.Counter
	duration prometheus.Observer
}

// RateLimited counts a request of operation refused by the rate limiter.
func (m *Metrics) RateLimited(operation string) {
	if m == nil {
		return
	}
	m.rateLimited.WithLabelValues(operation).Inc()
}

// HashWaited records the time a hash waited for a worker of the pool.
func (m *Metrics) HashWaited(d time.Duration) {
	if m == nil {
		return
	}
	m.hashWait.Observe(d.Seconds())
}

// HashRefused counts a hash refused because it would have waited too long for a worker.
func (m *Metrics) HashRefused() {
	if m == nil {
		return
	}
	m.hashRefused.Inc()
}

// Session counts a session event (SessionCreated, ...).
func (m *Metrics) Session(event string) {
	if m == nil {
		return
	}
	m.sessions.WithLabelValues(event).Inc()
}

// MailFailed counts a failed delivery attempt; givenUp when it was the last.
func (m *Metrics) MailFailed(givenUp bool) {
	if m == nil {
		return
	}
	outcome := "retry"
	if givenUp {
		outcome = "given_up"
	}
	m.mailFailures.WithLabelValues(outcome).Inc()
}

// WatchHashPool reports the hash pool's load, read from load on each scrape: the workers
// hashing now and the hashes waiting for one.
func (m *Metrics) WatchHashPool(load func() (busy, queued int)) {
	if m == nil {
		return
	}
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "mtb_hash_workers_busy",
			Help: "Workers of the password hash pool computing a hash now.",
		}, func() float64 { b, _ := load(); return float64(b) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "mtb_hash_queue_length",
			Help: "Password hashes waiting for a worker of the pool now.",
		}, func() float64 { _, q := load(); return float64(q) }),
	)
}

// WatchStore reports the database pool's use and the mail outbox's backlog, read from st
// on each scrape.
func (m *Metrics) WatchStore(st *store.Store, now func() time.Time) {
	if m == nil {
		return
	}
	m.reg.MustRegister(&storeCollector{st: st, now: now})
}

var (
	dbConnsDesc = prometheus.NewDesc("mtb_db_connections",
		"Connections of the database pool, by state (in_use, idle).", []string{"state"}, nil)
	dbMaxDesc = prometheus.NewDesc("mtb_db_connections_max",
		"The most connections the database pool opens.", nil, nil)
	dbWaitsDesc = prometheus.NewDesc("mtb_db_wait_total",
		"Acquires of a database connection that found none idle and waited.", nil, nil)
	dbWaitTimeDesc = prometheus.NewDesc("mtb_db_wait_seconds_total",
		"Time spent waiting for a database connection.", nil, nil)
	mailBacklogDesc = prometheus.NewDesc("mtb_mail_outbox_backlog",
		"Mails in the outbox not yet sent nor given up (all instances).", nil, nil)
	mailOldestDesc = prometheus.NewDesc("mtb_mail_outbox_oldest_pending_age_seconds",
		"Age of the oldest mail not yet sent nor given up; 0 when there is none.", nil, nil)
)

// storeCollector reads the database pool's counters (no query) and the outbox's backlog
// (two queries on the pending rows' partial index) on each scrape.
type storeCollector struct {
	st  *store.Store
	now func() time.Time
}

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{dbConnsDesc, dbMaxDesc, dbWaitsDesc, dbWaitTimeDesc, mailBacklogDesc, mailOldestDesc} {
		ch <- d
	}
}

// outboxQueryTimeout bounds the backlog's queries, so that a database in trouble makes a
// scrape lose two series rather than hang.
const outboxQueryTimeout = 2 * time.Second

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	p := c.st.PoolStats()
	ch <- prometheus.MustNewConstMetric(dbConnsDesc, prometheus.GaugeValue, float64(p.InUse), "in_use")
	ch <- prometheus.MustNewConstMetric(dbConnsDesc, prometheus.GaugeValue, float64(p.Idle), "idle")
	ch <- prometheus.MustNewConstMetric(dbMaxDesc, prometheus.GaugeValue, float64(p.Max))
	ch <- prometheus.MustNewConstMetric(dbWaitsDesc, prometheus.CounterValue, float64(p.Waits))
	ch <- prometheus.MustNewConstMetric(dbWaitTimeDesc, prometheus.CounterValue, p.WaitTime.Seconds())

	ctx, cancel := context.WithTimeout(context.Background(), outboxQueryTimeout)
	defer cancel()
	n, err := c.st.Q.CountPendingMails(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(mailBacklogDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(mailBacklogDesc, prometheus.GaugeValue, float64(n))
	age := 0.0
	oldest, err := c.st.Q.OldestPendingMail(ctx)
	switch {
	case store.IsNotFound(err): // nothing pending
	case err != nil:
		ch <- prometheus.NewInvalidMetric(mailOldestDesc, err)
		return
	default:
		age = max(0, c.now().Sub(oldest).Seconds())
	}
	ch <- prometheus.MustNewConstMetric(mailOldestDesc, prometheus.GaugeValue, age)
}

// buildInfo is mtb_build_info: always 1, its labels name the build.
func buildInfo() prometheus.Collector {
	version, revision, goVersion := "unknown", "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if v := bi.Main.Version; v != "" {
			version = v
		}
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if modified && revision != "unknown" {
			revision += "-dirty"
		}
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "mtb_build_info",
		Help:        "Always 1: the build's module version, VCS revision and Go version.",
		ConstLabels: prometheus.Labels{"version": version, "revision": revision, "goversion": goVersion},
	})
	g.Set(1)
	return g
}
