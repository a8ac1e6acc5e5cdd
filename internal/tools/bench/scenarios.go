package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/tools/loadgen"
)

// ---------------------------------------------------------------------------------------
// Flood: logins at twice the hash capacity while /users/me is measured (issue 13, item 1).
// ---------------------------------------------------------------------------------------

const (
	floodMeConnections = 16
	targetFloodMeP99   = 15 * time.Millisecond // /users/me p99 under the flood
	targetFloodAlone   = 0.90                  // login alone ≥ 90 % of the bcrypt bound
)

// floodLoginConnections is the flood's size. The hash pool runs one bcrypt per worker
// (PASSWORD_HASH_CONCURRENCY, runtime.NumCPU() by default) and the bcrypt bound is what
// those workers do per second. A closed loop cannot offer more than it gets, so "twice the
// capacity" means twice as many logins in flight as workers (half of them always waiting),
// and a factor 2 more so that the queue never runs dry while answers travel back and the
// next requests are sent: 4 × workers.
func floodLoginConnections(hashWorkers int) int { return 2 * hashWorkers * 2 }

type floodResult struct {
	loginConnections int
	me               loadgen.Result // at floodMeConnections
	login            loadgen.Result
}

func runFlood(ctx context.Context, o options, s *session, logf func(string, ...any)) (*floodResult, error) {
	fr := &floodResult{loginConnections: floodLoginConnections(runtime.NumCPU())}
	me := meRequest(s)
	me.Connections = floodMeConnections
	login := loginRequest(s)
	login.Connections = fr.loginConnections
	for _, c := range []*loadgen.Config{&me, &login} {
		c.Duration, c.Warmup = o.duration, o.warmup
	}
	logf("flood: %d login connections and me%d, %s warm-up + %s", fr.loginConnections, floodMeConnections, o.warmup, o.duration)
	var wg sync.WaitGroup
	var loginErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		fr.login, loginErr = loadgen.Run(ctx, login)
	}()
	var meErr error
	fr.me, meErr = loadgen.Run(ctx, me)
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	logf("flood: /users/me %s", fr.me)
	logf("flood: login %s", fr.login)
	if meErr != nil {
		return nil, fmt.Errorf("flood: /users/me: %w", meErr)
	}
	if loginErr != nil {
		return nil, fmt.Errorf("flood: login: %w", loginErr)
	}
	return fr, nil
}

// ---------------------------------------------------------------------------------------
// Burst: many registrations at the same instant (issue 13, item 2).
// ---------------------------------------------------------------------------------------

type burstResult struct {
	size           int
	ok             int // 200
	refused        int // 503
	withRetryAfter int // of the 503s, those with a Retry-After header
	other          int // any other status
	transport      int // no answer
	lastAnswer     time.Duration
	firstOther     string // the first other status or transport error, for the report
}

// runBurst sends n registrations (fresh usernames) at once, each on its own connection, and
// waits for every answer.
func runBurst(ctx context.Context, s *session, n int, logf func(string, ...any)) (*burstResult, error) {
	if n <= 0 {
		return nil, nil
	}
	br := &burstResult{size: n}
	// One connection each, dialled on first use: no pool limits who goes first.
	client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true, MaxConnsPerHost: 0}}
	tag := randomHex(4)
	bodies := make([][]byte, n)
	for i := range bodies {
		bodies[i], _ = json.Marshal(map[string]string{
			"username": fmt.Sprintf("burst-%s-%d", tag, i), "email": fmt.Sprintf("burst-%s-%d@example.com", tag, i),
			"password": "Burst-pass-" + tag,
		})
	}
	type answer struct {
		status     int
		retryAfter bool
		err        error
	}
	answers := make([]answer, n)
	logf("burst: %d registrations at once", n)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/api/auth/local/register", bytes.NewReader(bodies[i]))
			if err != nil {
				answers[i].err = err
				return
			}
			req.Header.Set("Content-Type", "application/json")
			<-release
			resp, err := client.Do(req)
			if err != nil {
				answers[i].err = err
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			answers[i] = answer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After") != ""}
		}()
	}
	begin := time.Now()
	close(release)
	wg.Wait()
	br.lastAnswer = time.Since(begin)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for _, a := range answers {
		switch {
		case a.err != nil:
			br.transport++
			if br.firstOther == "" {
				br.firstOther = a.err.Error()
			}
		case a.status == http.StatusOK:
			br.ok++
		case a.status == http.StatusServiceUnavailable:
			br.refused++
			if a.retryAfter {
				br.withRetryAfter++
			}
		default:
			br.other++
			if br.firstOther == "" {
				br.firstOther = fmt.Sprintf("status %d", a.status)
			}
		}
	}
	logf("burst: %d ok, %d × 503 (%d with Retry-After), %d other, %d without answer; last answer after %s",
		br.ok, br.refused, br.withRetryAfter, br.other, br.transport, br.lastAnswer.Round(time.Millisecond))
	return br, nil
}

// ---------------------------------------------------------------------------------------
// The report's sections for the floor, the flood, the burst and the access log.
// ---------------------------------------------------------------------------------------

func (r *engineRun) markdownScenarios(p func(string, ...any)) {
	if len(r.floorPairs) > 0 {
		p("### The floor\n\n")
		p("A minimal server in the bench tool (HS256 check with golang-jwt v5, the user by id with the service's driver, pool and prepared statement, "+
			"the JSON of Strapi's sanitized user), beside the service on the same database and row. Each workload runs in %d rounds, "+
			"the service then the floor in each, so that both see the same machine; the ratio is the median of the rounds' ratios, "+
			"the req/s and p99 the mean and median of the rounds.\n\n", floorRounds)
		p("| workload | service req/s | floor req/s | service ÷ floor (rounds) | service p99 | floor p99 | |\n|---|---:|---:|---:|---:|---:|---|\n")
		for i, f := range r.floorRatios() {
			pair := r.floorPairs[i]
			p("| %s | %s | %s | %.0f%% (%s) | %s | %s | %s |\n", f.name, fmtRate(f.service), fmtRate(f.floor), f.ratio*100, pair.ratiosText(),
				loadgen.FormatDuration(medianP99(pair.service)), loadgen.FormatDuration(medianP99(pair.floor)), verdict(f.ratio >= targetFloorRatio))
		}
		p("\n")
	}
	if fl := r.flood; fl != nil {
		p("### Login flood\n\n")
		p("%d login connections (2 × %d hash workers × 2, so that the queue never runs dry) while `/users/me` is measured at %d connections.\n\n",
			fl.loginConnections, runtime.NumCPU(), floodMeConnections)
		p("- `/users/me`: %s req/s, p50 %s, p99 **%s** (target ≤ %s: %s), errors %d\n", fmtRate(fl.me.Throughput),
			loadgen.FormatDuration(fl.me.P50), loadgen.FormatDuration(fl.me.P99), loadgen.FormatDuration(targetFloodMeP99),
			verdict(fl.me.Requests > 0 && fl.me.P99 <= targetFloodMeP99), fl.me.Errors())
		p("- login: %s req/s = %s of the bcrypt bound (%s/s), p50 %s, p99 %s, errors %d %s\n", fmtRate(fl.login.Throughput),
			pct(fl.login.Throughput, r.bcryptRate), fmtRate(r.bcryptRate), loadgen.FormatDuration(fl.login.P50),
			loadgen.FormatDuration(fl.login.P99), fl.login.Errors(), statusCounts(fl.login))
		if best, ok := r.bestLogin(); ok {
			p("- login alone (best of the login workloads): %s req/s = %s of the bcrypt bound (target ≥ %.0f%%: %s)\n",
				fmtRate(best.res.Throughput), pct(best.res.Throughput, r.bcryptRate), targetFloodAlone*100,
				verdict(r.bcryptRate > 0 && best.res.Throughput/r.bcryptRate >= targetFloodAlone))
		}
		p("\n| second | /me req/s | /me p99 | login req/s | login p99 |\n|---:|---:|---:|---:|---:|\n")
		for i := range max(len(fl.me.Seconds), len(fl.login.Seconds)) {
			var me, login loadgen.Second
			if i < len(fl.me.Seconds) {
				me = fl.me.Seconds[i]
			}
			if i < len(fl.login.Seconds) {
				login = fl.login.Seconds[i]
			}
			p("| %d | %s | %s | %s | %s |\n", i+1, fmtRate(me.Throughput), loadgen.FormatDuration(me.P99),
				fmtRate(login.Throughput), loadgen.FormatDuration(login.P99))
		}
		p("\n")
	}
	if b := r.burst; b != nil {
		p("### Burst of registrations\n\n")
		p("%d `POST /api/auth/local/register` with fresh usernames, sent at once on %d connections: **%d succeeded**, %d × 503 (%d with `Retry-After`), "+
			"%d other answers, %d without an answer; the last answer came %s after the start (%s).\n\n",
			b.size, b.size, b.ok, b.refused, b.withRetryAfter, b.other, b.transport, fmtStart(b.lastAnswer), verdict(b.ok == b.size))
		if b.firstOther != "" {
			p("First unexpected outcome: %s\n\n", b.firstOther)
		}
	}
	if len(r.accessLog) > 0 {
		p("### Access log\n\n")
		p("me64 with `LOG_LEVEL=info` and each `LOG_ACCESS` setting (a restart each); log bytes are what the server wrote to stdout and stderr in the recording window.\n\n")
		p("| LOG_ACCESS | req/s | vs off | p99 | log bytes per request | server CPU/req |\n|---|---:|---:|---:|---:|---:|\n")
		base := r.accessLog[0].res.Throughput
		for _, x := range r.accessLog {
			p("| %s | %s | %s | %s | %.0f | %s |\n", strings.TrimPrefix(x.w.Name, "me64 LOG_ACCESS="), fmtRate(x.res.Throughput),
				pct(x.res.Throughput, base), loadgen.FormatDuration(x.res.P99), x.logBytesPerReq, fmtCPU(x.cpuPerReq))
		}
		p("\n")
	}
}

func verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	return "**MISSED**"
}

// pct is a ÷ b as a percentage, or "–" when b is not positive.
func pct(a, b float64) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*a/b)
}

func statusCounts(res loadgen.Result) string {
	if res.Errors() == 0 {
		return ""
	}
	return fmt.Sprintf("(statuses %v)", res.StatusCounts)
}
