// Package loadgen is a small closed-loop HTTP/1.1 load generator for the benchmark tool
// (internal/tools/bench).
//
// Run starts exactly Config.Connections workers. Each worker owns one keep-alive TCP
// connection and sends one request, reads the whole response, and sends the next, so the
// number of requests in flight never exceeds the number of connections (closed loop, like
// wrk or Strapi's own autocannon runs). The request is serialised to bytes once; a worker
// writes those bytes with one Write call and parses the response with a minimal HTTP/1.1
// reader (status line, Content-Length, chunked bodies, Connection: close) instead of
// net/http's client, so the generator costs far less CPU than the server it measures.
//
// The first Warmup of the run is not recorded. During the following Duration every
// response that completes is recorded: its latency (from the start of the write to the
// last byte of the body) goes into a per-worker slice, and the slices are merged and
// sorted at the end, so the percentiles are exact rather than bucketed.
package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config describes one load run.
type Config struct {
	URL    string      // absolute http:// or https:// URL, with path and query
	Method string      // "" means GET
	Body   []byte      // request body; sent with a Content-Length
	Header http.Header // extra request headers (Host may be overridden here)

	Connections int           // number of workers, each with its own connection
	Duration    time.Duration // recording window
	Warmup      time.Duration // load before the recording window, not recorded

	ExpectStatus int // the status that counts as success; 0 means 200
}

// Result is the outcome of one run. Only responses that completed inside the recording
// window are counted.
type Result struct {
	Connections int
	Elapsed     time.Duration // length of the recording window

	Requests        int64 // responses received (any status)
	StatusErrors    int64 // responses whose status was not ExpectStatus
	TransportErrors int64 // attempts that got no complete response (dial, write, read, parse)

	// Throughput is successful responses (status == ExpectStatus) per second.
	Throughput float64

	// Latency over every recorded response (successful or not), exact nearest-rank.
	Min, Mean, P50, P90, P99, Max time.Duration

	StatusCounts map[int]int64 // responses by status code
	FirstError   string        // the first transport error seen while recording, if any

	// Seconds is the recording window second by second (the last one may be partial), for
	// charts of a run over time: a mean hides a stall that a per-second series shows.
	Seconds []Second
}

// Second is one second of the recording window.
type Second struct {
	Requests   int64         // responses that completed in this second (any status)
	Throughput float64       // successful responses per second of this second's length
	P99        time.Duration // of the responses that completed in this second
}

// Errors is StatusErrors + TransportErrors.
func (r Result) Errors() int64 { return r.StatusErrors + r.TransportErrors }

// String is a one-line summary.
func (r Result) String() string {
	s := fmt.Sprintf("conns=%d time=%s reqs=%d ok/s=%.1f p50=%s p90=%s p99=%s max=%s status_errors=%d transport_errors=%d",
		r.Connections, r.Elapsed.Round(time.Millisecond), r.Requests, r.Throughput,
		FormatDuration(r.P50), FormatDuration(r.P90), FormatDuration(r.P99), FormatDuration(r.Max),
		r.StatusErrors, r.TransportErrors)
	if r.StatusErrors > 0 {
		codes := make([]int, 0, len(r.StatusCounts))
		for c := range r.StatusCounts {
			codes = append(codes, c)
		}
		sort.Ints(codes)
		parts := make([]string, len(codes))
		for i, c := range codes {
			parts[i] = fmt.Sprintf("%d:%d", c, r.StatusCounts[c])
		}
		s += " statuses=" + strings.Join(parts, ",")
	}
	if r.FirstError != "" {
		s += fmt.Sprintf(" first_error=%q", r.FirstError)
	}
	return s
}

// FormatDuration prints a latency with a precision that suits its size
// (µs below 1 ms, ms with two decimals below 100 ms, ms above).
func FormatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < 100*time.Millisecond:
		return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.0fms", float64(d)/float64(time.Millisecond))
	}
}

// target is the parsed, pre-serialised request shared (read-only) by all workers.
type target struct {
	addr       string // host:port to dial
	tls        *tls.Config
	request    []byte
	isHead     bool
	expect     int
	recStart   time.Time
	recEnd     time.Time
	dialer     net.Dialer
	dialPause  time.Duration
	readBufLen int
}

// Run generates load as described by cfg and blocks until the warm-up and the recording
// window are over (or ctx is cancelled, in which case it returns what was recorded so far
// together with ctx.Err()).
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Connections <= 0 {
		return Result{}, errors.New("loadgen: Connections must be > 0")
	}
	if cfg.Duration <= 0 {
		return Result{}, errors.New("loadgen: Duration must be > 0")
	}
	if cfg.Warmup < 0 {
		return Result{}, errors.New("loadgen: Warmup must be >= 0")
	}
	t, err := newTarget(cfg)
	if err != nil {
		return Result{}, err
	}

	start := time.Now()
	t.recStart = start.Add(cfg.Warmup)
	t.recEnd = t.recStart.Add(cfg.Duration)

	workers := make([]*worker, cfg.Connections)
	var wg sync.WaitGroup
	for i := range workers {
		w := &worker{t: t, ctx: ctx, statuses: make(map[int]int64, 2)}
		workers[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.run()
		}()
	}

	// Cancellation: interrupt every worker's connection. (The normal end of the run needs
	// no help: each connection's deadline is the end of the recording window.)
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			for _, w := range workers {
				w.interrupt()
			}
		case <-done:
		}
	}()
	wg.Wait()
	close(done)

	end := time.Now()
	if end.After(t.recEnd) {
		end = t.recEnd
	}
	res := Result{Connections: cfg.Connections, StatusCounts: map[int]int64{}}
	if end.After(t.recStart) {
		res.Elapsed = end.Sub(t.recStart)
	}
	var n int
	for _, w := range workers {
		n += len(w.samples)
	}
	all := make([]time.Duration, 0, n)
	var sum time.Duration
	for _, w := range workers {
		all = append(all, w.samples...)
		res.StatusErrors += w.statusErrors
		res.TransportErrors += w.transportErrors
		for c, k := range w.statuses {
			res.StatusCounts[c] += k
		}
		if res.FirstError == "" && w.firstErr != nil {
			res.FirstError = w.firstErr.Error()
		}
	}
	res.Seconds = perSecond(workers, res.Elapsed)
	for _, w := range workers {
		w.samples, w.ends, w.oks = nil, nil, nil
	}
	res.Requests = int64(len(all))
	if len(all) > 0 {
		slices.Sort(all)
		for _, d := range all {
			sum += d
		}
		res.Min = all[0]
		res.Max = all[len(all)-1]
		res.Mean = sum / time.Duration(len(all))
		res.P50 = Percentile(all, 50)
		res.P90 = Percentile(all, 90)
		res.P99 = Percentile(all, 99)
	}
	if res.Elapsed > 0 {
		res.Throughput = float64(res.Requests-res.StatusErrors) / res.Elapsed.Seconds()
	}
	return res, ctx.Err()
}

// perSecond splits the recorded samples of workers into the seconds of a window of length
// elapsed.
func perSecond(workers []*worker, elapsed time.Duration) []Second {
	if elapsed <= 0 {
		return nil
	}
	n := int((elapsed + time.Second - 1) / time.Second)
	lat := make([][]time.Duration, n)
	oks := make([]int64, n)
	for _, w := range workers {
		for i, at := range w.ends {
			k := min(max(int(at/time.Second), 0), n-1)
			lat[k] = append(lat[k], w.samples[i])
			if w.oks[i] {
				oks[k]++
			}
		}
	}
	out := make([]Second, n)
	for k := range out {
		length := min(elapsed-time.Duration(k)*time.Second, time.Second)
		slices.Sort(lat[k])
		out[k] = Second{Requests: int64(len(lat[k])), Throughput: float64(oks[k]) / length.Seconds()}
		if len(lat[k]) > 0 {
			out[k].P99 = Percentile(lat[k], 99)
		}
	}
	return out
}

// Percentile returns the nearest-rank p-th percentile (0 < p <= 100) of sorted.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p * float64(len(sorted)) / 100)) // multiply first: exact for whole p
	if rank < 1 {
		rank = 1
	}
	if rank > len(sorted) {
		rank = len(sorted)
	}
	return sorted[rank-1]
}

func newTarget(cfg Config) (*target, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("loadgen: bad URL: %w", err)
	}
	t := &target{
		expect:     cfg.ExpectStatus,
		dialPause:  10 * time.Millisecond,
		readBufLen: 16 << 10,
	}
	if t.expect == 0 {
		t.expect = http.StatusOK
	}
	t.dialer = net.Dialer{Timeout: 5 * time.Second, KeepAlive: -1}
	host := u.Host
	switch u.Scheme {
	case "http":
		if u.Port() == "" {
			host = net.JoinHostPort(u.Hostname(), "80")
		}
	case "https":
		if u.Port() == "" {
			host = net.JoinHostPort(u.Hostname(), "443")
		}
		t.tls = &tls.Config{ServerName: u.Hostname(), NextProtos: []string{"http/1.1"}}
	default:
		return nil, fmt.Errorf("loadgen: unsupported URL scheme %q", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("loadgen: URL %q has no host", cfg.URL)
	}
	t.addr = host

	method := cfg.Method
	if method == "" {
		method = http.MethodGet
	}
	if strings.ContainsAny(method, " \r\n") {
		return nil, fmt.Errorf("loadgen: bad method %q", method)
	}
	t.isHead = method == http.MethodHead

	var b bytes.Buffer
	b.WriteString(method)
	b.WriteByte(' ')
	b.WriteString(u.RequestURI())
	b.WriteString(" HTTP/1.1\r\n")
	hostHeader := u.Host
	if h := cfg.Header.Get("Host"); h != "" {
		hostHeader = h
	}
	b.WriteString("Host: " + hostHeader + "\r\n")
	keys := make([]string, 0, len(cfg.Header))
	for k := range cfg.Header {
		switch http.CanonicalHeaderKey(k) {
		case "Host", "Content-Length", "Connection", "Transfer-Encoding":
			continue // set by the generator
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	hasUA := false
	for _, k := range keys {
		ck := http.CanonicalHeaderKey(k)
		if ck == "User-Agent" {
			hasUA = true
		}
		for _, v := range cfg.Header[k] {
			if strings.ContainsAny(k+v, "\r\n") {
				return nil, fmt.Errorf("loadgen: header %q contains a line break", k)
			}
			b.WriteString(ck + ": " + v + "\r\n")
		}
	}
	if !hasUA {
		b.WriteString("User-Agent: mtb-loadgen\r\n")
	}
	if len(cfg.Body) > 0 || method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch {
		b.WriteString("Content-Length: " + strconv.Itoa(len(cfg.Body)) + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(cfg.Body)
	t.request = b.Bytes()
	return t, nil
}

// worker owns one connection and its samples. Only the interrupt fields are shared.
type worker struct {
	t   *target
	ctx context.Context

	mu      sync.Mutex
	conn    net.Conn
	stopped bool

	br              *bufio.Reader
	samples         []time.Duration
	ends            []time.Duration // samples[i] completed ends[i] after the recording window opened
	oks             []bool          // samples[i] had the expected status
	statuses        map[int]int64
	statusErrors    int64
	transportErrors int64
	firstErr        error
}

// interrupt makes the worker's current and future I/O fail at once.
func (w *worker) interrupt() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopped = true
	if w.conn != nil {
		w.conn.SetDeadline(time.Unix(1, 0))
	}
}

func (w *worker) dial() (net.Conn, error) {
	w.mu.Lock()
	stopped := w.stopped
	w.mu.Unlock()
	if stopped {
		return nil, errStopped
	}
	d := w.t.dialer
	d.Deadline = w.t.recEnd
	c, err := d.DialContext(w.ctx, "tcp", w.t.addr)
	if err != nil {
		return nil, err
	}
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	if w.t.tls != nil {
		c = tls.Client(c, w.t.tls)
	}
	// Every read and write fails once the recording window is over, which is how
	// workers stop without a per-request timer.
	c.SetDeadline(w.t.recEnd)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		c.Close()
		return nil, errStopped
	}
	w.conn = c
	return c, nil
}

func (w *worker) closeConn() {
	w.mu.Lock()
	c := w.conn
	w.conn = nil
	w.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

var errStopped = errors.New("loadgen: stopped")

func (w *worker) run() {
	t := w.t
	w.samples = make([]time.Duration, 0, 1024)
	w.br = bufio.NewReaderSize(nil, t.readBufLen)
	defer w.closeConn()
	var conn net.Conn
	for {
		if conn == nil {
			c, err := w.dial()
			if err != nil {
				now := time.Now()
				if err == errStopped || !now.Before(t.recEnd) || w.ctx.Err() != nil {
					return
				}
				w.recordError(now, err)
				time.Sleep(t.dialPause)
				continue
			}
			conn = c
			w.br.Reset(conn)
		}

		begin := time.Now()
		status, keepAlive, err := w.roundTrip(conn)
		end := time.Now()
		if err != nil {
			w.closeConn()
			conn = nil
			if !end.Before(t.recEnd) || w.ctx.Err() != nil || w.isStopped() {
				return // the window closed (deadline) or the run was cancelled
			}
			w.recordError(end, err)
			continue
		}
		if !end.Before(t.recEnd) {
			return
		}
		if !end.Before(t.recStart) {
			w.samples = append(w.samples, end.Sub(begin))
			w.ends = append(w.ends, end.Sub(t.recStart))
			w.oks = append(w.oks, status == t.expect)
			w.statuses[status]++
			if status != t.expect {
				w.statusErrors++
			}
		}
		if !keepAlive {
			w.closeConn()
			conn = nil
		}
	}
}

func (w *worker) isStopped() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stopped
}

func (w *worker) recordError(now time.Time, err error) {
	if now.Before(w.t.recStart) {
		return
	}
	w.transportErrors++
	if w.firstErr == nil {
		w.firstErr = err
	}
}

// roundTrip writes the request and reads one complete response. It reports the status
// and whether the connection may be reused.
func (w *worker) roundTrip(conn net.Conn) (status int, keepAlive bool, err error) {
	if _, err := conn.Write(w.t.request); err != nil {
		return 0, false, err
	}
	for {
		status, keepAlive, err = w.readResponse()
		if err != nil {
			return 0, false, err
		}
		if status >= 100 && status < 200 && status != http.StatusSwitchingProtocols {
			continue // 100 Continue, 103 Early Hints: the real response follows
		}
		return status, keepAlive, nil
	}
}

var (
	errMalformed = errors.New("loadgen: malformed HTTP response")
	hdrCL        = []byte("Content-Length")
	hdrTE        = []byte("Transfer-Encoding")
	hdrConn      = []byte("Connection")
)

// readLine returns one line without its CRLF. The slice is only valid until the next read.
func (w *worker) readLine() ([]byte, error) {
	line, err := w.br.ReadSlice('\n')
	if err != nil {
		if err == bufio.ErrBufferFull {
			return nil, errors.New("loadgen: response header line too long")
		}
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

func (w *worker) readResponse() (status int, keepAlive bool, err error) {
	line, err := w.readLine()
	if err != nil {
		return 0, false, err
	}
	// "HTTP/1.1 200 OK"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' {
		return 0, false, fmt.Errorf("%w: status line %q", errMalformed, line)
	}
	http10 := line[7] == '0'
	for _, c := range line[9:12] {
		if c < '0' || c > '9' {
			return 0, false, fmt.Errorf("%w: status line %q", errMalformed, line)
		}
		status = status*10 + int(c-'0')
	}
	keepAlive = !http10
	contentLength := int64(-1)
	chunked := false
	for {
		line, err := w.readLine()
		if err != nil {
			return 0, false, err
		}
		if len(line) == 0 {
			break
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			return 0, false, fmt.Errorf("%w: header %q", errMalformed, line)
		}
		name, value := line[:colon], bytes.TrimSpace(line[colon+1:])
		switch {
		case bytes.EqualFold(name, hdrCL):
			n, err := strconv.ParseInt(string(value), 10, 64)
			if err != nil || n < 0 {
				return 0, false, fmt.Errorf("%w: Content-Length %q", errMalformed, value)
			}
			contentLength = n
		case bytes.EqualFold(name, hdrTE):
			chunked = bytes.Contains(bytes.ToLower(value), []byte("chunked"))
		case bytes.EqualFold(name, hdrConn):
			v := bytes.ToLower(value)
			if bytes.Contains(v, []byte("close")) {
				keepAlive = false
			} else if bytes.Contains(v, []byte("keep-alive")) {
				keepAlive = true
			}
		}
	}

	switch {
	case w.t.isHead || status == http.StatusNoContent || status == http.StatusNotModified ||
		(status >= 100 && status < 200):
		return status, keepAlive, nil
	case chunked:
		return status, keepAlive, w.discardChunked()
	case contentLength >= 0:
		if _, err := w.br.Discard(int(contentLength)); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return 0, false, err
		}
		return status, keepAlive, nil
	default:
		// No length: the body runs to the end of the connection.
		if _, err := io.Copy(io.Discard, w.br); err != nil {
			return 0, false, err
		}
		return status, false, nil
	}
}

func (w *worker) discardChunked() error {
	for {
		line, err := w.readLine()
		if err != nil {
			return err
		}
		if i := bytes.IndexByte(line, ';'); i >= 0 {
			line = line[:i]
		}
		size, err := strconv.ParseInt(string(bytes.TrimSpace(line)), 16, 64)
		if err != nil || size < 0 {
			return fmt.Errorf("%w: chunk size %q", errMalformed, line)
		}
		if size == 0 {
			// Trailers, up to an empty line.
			for {
				line, err := w.readLine()
				if err != nil {
					return err
				}
				if len(line) == 0 {
					return nil
				}
			}
		}
		if _, err := w.br.Discard(int(size)); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		crlf, err := w.readLine()
		if err != nil {
			return err
		}
		if len(crlf) != 0 {
			return fmt.Errorf("%w: missing CRLF after chunk", errMalformed)
		}
	}
}
