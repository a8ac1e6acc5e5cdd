package mail_test

import (
	"context"
	"database/sql"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/mail"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// signalTimeout bounds the waits for what the outbox does (a log record, a message held
// by the SMTP server): a guard that fails a stuck test, never a measure of time.
const signalTimeout = 30 * time.Second

// TestOutboxLostLease: a sender whose lease on a mail ran out while it was sending, and
// whose mail another sender (another instance) claimed meanwhile, records nothing when it
// is done, whatever its outcome and whichever finishes first: the mail is the second
// sender's, and the first logs the lost lease.
func TestOutboxLostLease(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		maxAttempts int    // the first sender's
		firstSends  bool   // the SMTP server accepts the first sender's message (else 451)
		firstFirst  bool   // the first sender is done before the second
		wantOutcome string // the outcome the first sender logs as not recorded
		wantSent    int    // messages the SMTP server accepted
	}{
		{"fails while the second sends, would retry", 12, false, true, "failed", 1},
		{"fails while the second sends, would give up", 1, false, true, "given up", 1},
		{"fails after the second has sent", 1, false, false, "given up", 1},
		{"sends while the second sends", 12, true, true, "sent", 2},
		{"sends after the second has sent", 12, true, false, "sent", 2},
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				e := newOutboxEnv(t, engine)
				held := e.srv.Hold()
				logsA, logsB := &logRecorder{}, &logRecorder{}
				a := e.outbox(t, logsA, func(o *mail.Outbox) { o.Lease = time.Minute; o.MaxAttempts = tt.maxAttempts })
				b := e.outbox(t, logsB, func(o *mail.Outbox) { o.Lease = time.Minute })
				id := e.enqueue(t, "zoe@example.com")

				e.run(t, a)
				a.Wake()
				heldA := receive(t, held) // a is sending, under a lease of one minute
				e.clock.Advance(2 * time.Minute)
				e.run(t, b)
				b.Wake()
				heldB := receive(t, held) // b has claimed the mail a's lease no longer covers

				finishA := func() {
					if tt.firstSends {
						heldA.Accept()
					} else {
						heldA.Reject()
					}
					r := logsA.wait(t, 1, isMail("mail outbox: lease lost, another sender has the mail", id))[0]
					if r.attrs["outcome"] != tt.wantOutcome {
						t.Errorf("lost lease logged with outcome %q, want %q", r.attrs["outcome"], tt.wantOutcome)
					}
				}
				if tt.firstFirst {
					finishA()
					// The row is still b's: neither marked nor released by a.
					if got, want := e.row(t, id), (mailRow{status: "queued", attempts: 0, leased: true}); got != want {
						t.Errorf("after a, before b: row %+v, want %+v", got, want)
					}
				}
				heldB.Accept()
				logsB.wait(t, 1, isMail("mail sent", id))
				if !tt.firstFirst {
					finishA()
				}

				if got, want := e.row(t, id), (mailRow{status: "sent", attempts: 1, done: true}); got != want {
					t.Errorf("row %+v, want %+v", got, want)
				}
				for _, msg := range []string{"mail sent", "mail given up", "mail delivery failed, will retry"} {
					if n := logsA.count(isMail(msg, id)); n != 0 {
						t.Errorf("a logged %q %d times for a mail it no longer held", msg, n)
					}
				}
				if n := len(e.srv.Messages()); n != tt.wantSent {
					t.Errorf("the SMTP server accepted %d messages, want %d", n, tt.wantSent)
				}
			})
		}
	})
}

// TestOutboxRetention: mails sent or given up are deleted once the retention has passed
// since then, in batches, beside the sending; mails still to send are kept however old.
func TestOutboxRetention(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := newOutboxEnv(t, engine)
		logs := &logRecorder{}
		o := e.outbox(t, logs, func(o *mail.Outbox) {
			o.Retention = 7 * 24 * time.Hour
			o.RetentionBatch = 2 // three rows to delete take two statements
			o.MaxAttempts = 2
		})
		e.run(t, o)

		// At t0, three mails sent.
		var sent []int64
		for _, to := range []string{"a@example.com", "b@example.com", "c@example.com"} {
			sent = append(sent, e.enqueue(t, to))
		}
		o.Wake()
		for _, id := range sent {
			logs.wait(t, 1, isMail("mail sent", id))
		}
		// At t0 + 1h, one mail given up after two attempts, and one whose first attempt failed.
		e.srv.SetFailing(true)
		givenUp := e.enqueue(t, "f@example.com")
		o.Wake()
		logs.wait(t, 1, isMail("mail delivery failed, will retry", givenUp))
		e.clock.Advance(time.Hour) // past the retry's backoff (at most 6 s)
		o.Wake()
		logs.wait(t, 1, isMail("mail given up", givenUp))
		pending := e.enqueue(t, "p@example.com")
		o.Wake()
		logs.wait(t, 1, isMail("mail delivery failed, will retry", pending))
		e.srv.SetFailing(false)
		want := map[string]mailRow{
			"a@example.com": {status: "sent", attempts: 1, done: true},
			"b@example.com": {status: "sent", attempts: 1, done: true},
			"c@example.com": {status: "sent", attempts: 1, done: true},
			"f@example.com": {status: "failed", attempts: 2, done: true},
			"p@example.com": {status: "queued", attempts: 1},
		}
		e.checkRows(t, "before the retention", want)

		// At t0 + 7 days 30 min, the three mails sent at t0 are past the retention; the one
		// given up at t0 + 1h is not, nor the one still to send, due again and sent now.
		e.clock.Advance(7*24*time.Hour - 30*time.Minute)
		later := e.enqueue(t, "n@example.com")
		o.Wake()
		if r := logs.wait(t, 1, isMsg("mail outbox: rows past their retention deleted"))[0]; r.attrs["rows"] != "3" {
			t.Errorf("deleted %s rows, want 3", r.attrs["rows"])
		}
		logs.wait(t, 1, isMail("mail sent", pending))
		logs.wait(t, 1, isMail("mail sent", later))
		delete(want, "a@example.com")
		delete(want, "b@example.com")
		delete(want, "c@example.com")
		want["p@example.com"] = mailRow{status: "sent", attempts: 2, done: true}
		want["n@example.com"] = mailRow{status: "sent", attempts: 1, done: true}
		e.checkRows(t, "7 days 30 min after the first mails", want)

		// An hour later, the mail given up at t0 + 1h is past it too.
		e.clock.Advance(time.Hour)
		o.Wake()
		if r := logs.wait(t, 2, isMsg("mail outbox: rows past their retention deleted"))[1]; r.attrs["rows"] != "1" {
			t.Errorf("deleted %s rows, want 1", r.attrs["rows"])
		}
		delete(want, "f@example.com")
		e.checkRows(t, "7 days 1 hour 30 min after the first mails", want)
	})
}

// outboxEnv is a fresh database, a real SMTP server and a clock the test moves, for
// outboxes (instances of the sender) on them.
type outboxEnv struct {
	engine string
	st     *store.Store
	raw    *sql.DB
	srv    *smtptest.Server
	clock  *fakeClock
}

func newOutboxEnv(t *testing.T, engine string) *outboxEnv {
	t.Helper()
	st, raw := apitest.OpenStore(t, engine)
	return &outboxEnv{
		engine: engine, st: st, raw: raw, srv: smtptest.Start(t),
		clock: &fakeClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)},
	}
}

// outbox returns a sender to the SMTP server that runs on the test's clock only: one
// worker, woken by the test (its poll is an hour away), changed by opts.
func (e *outboxEnv) outbox(t *testing.T, logs *logRecorder, opts ...func(*mail.Outbox)) *mail.Outbox {
	t.Helper()
	o := &mail.Outbox{
		Store: e.st, Transport: newSMTP(t, e.srv, "", ""), Logger: slog.New(logs), Poll: time.Hour, MaxAttempts: 12, Workers: 1,
		Now: e.clock.Now,
		Resolve: func(context.Context, db.MailOutbox) error {
			panic("no 'requested' mail in these tests")
		},
	}
	for _, f := range opts {
		f(o)
	}
	return o
}

// run runs o until the test ends.
func (e *outboxEnv) run(t *testing.T, o *mail.Outbox) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		o.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// enqueue queues a rendered mail to to, as the service does, and returns its id.
func (e *outboxEnv) enqueue(t *testing.T, to string) int64 {
	t.Helper()
	err := e.st.Q.EnqueueMail(context.Background(), db.EnqueueMailParams{
		Kind: "test", Recipient: to, Status: "queued", Sender: "MTB <no-reply@example.com>", Subject: "Hello",
		BodyText: "Hello " + to, Now: e.clock.Now(),
	})
	if err != nil {
		t.Fatalf("enqueue: %v", err)
	}
	var id int64
	if err := e.raw.QueryRow(e.sql("SELECT id FROM mail_outbox WHERE recipient = $1"), to).Scan(&id); err != nil {
		t.Fatalf("id of the mail to %s: %v", to, err)
	}
	return id
}

// mailRow is what the tests check of a mail_outbox row.
type mailRow struct {
	status    string
	attempts  int64
	lastError string
	leased    bool // a lease token is set
	done      bool // done_at is set
}

const rowColumns = "status, attempts, last_error, lease_token IS NOT NULL, done_at IS NOT NULL"

func scanRow(s interface{ Scan(...any) error }) (mailRow, error) {
	var r mailRow
	err := s.Scan(&r.status, &r.attempts, &r.lastError, &r.leased, &r.done)
	return r, err
}

func (e *outboxEnv) row(t *testing.T, id int64) mailRow {
	t.Helper()
	r, err := scanRow(e.raw.QueryRow(e.sql("SELECT "+rowColumns+" FROM mail_outbox WHERE id = $1"), id))
	if err != nil {
		t.Fatalf("mail %d: %v", id, err)
	}
	return r
}

// checkRows checks the whole table, by recipient (last errors: none once sent, the SMTP
// server's 451 before).
func (e *outboxEnv) checkRows(t *testing.T, when string, want map[string]mailRow) {
	t.Helper()
	rows, err := e.raw.Query("SELECT recipient, " + rowColumns + " FROM mail_outbox")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]mailRow{}
	for rows.Next() {
		var to string
		var r mailRow
		if err := rows.Scan(&to, &r.status, &r.attempts, &r.lastError, &r.leased, &r.done); err != nil {
			t.Fatal(err)
		}
		// The error of a failed attempt stays until the mail is sent.
		if r.status == "sent" && r.lastError != "" || r.status != "sent" && !strings.Contains(r.lastError, "451") {
			t.Errorf("%s: mail to %s (%s): last error %q", when, to, r.status, r.lastError)
		}
		r.lastError = ""
		got[to] = r
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for to, w := range want {
		if g, ok := got[to]; !ok {
			t.Errorf("%s: no row for the mail to %s, want %+v", when, to, w)
		} else if g != w {
			t.Errorf("%s: mail to %s: %+v, want %+v", when, to, g, w)
		}
	}
	for to := range got {
		if _, ok := want[to]; !ok {
			t.Errorf("%s: the mail to %s is still there: %+v", when, to, got[to])
		}
	}
}

// sql writes a query's parameters as the engine wants them: $1 on PostgreSQL, ?1 on SQLite.
func (e *outboxEnv) sql(q string) string {
	if e.engine == "sqlite" {
		for i := 9; i >= 1; i-- {
			q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), "?"+strconv.Itoa(i))
		}
	}
	return q
}

// receive returns the next message the SMTP server holds.
func receive(t *testing.T, held <-chan *smtptest.Held) *smtptest.Held {
	t.Helper()
	select {
	case h := <-held:
		return h
	case <-time.After(signalTimeout):
		t.Fatal("no message reached the SMTP server")
		return nil
	}
}

// fakeClock is the outboxes' clock: it moves only when the test moves it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// logRecorder is an outbox's logger: it keeps the records and lets the test wait for one,
// the signal that the outbox has done what the record says.
type logRecorder struct {
	mu      sync.Mutex
	records []logRecord
	changed chan struct{} // closed and replaced on each record
}

type logRecord struct {
	msg   string
	attrs map[string]string
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	rec := logRecord{msg: r.Message, attrs: map[string]string{}}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, rec)
	if l.changed != nil {
		close(l.changed)
		l.changed = nil
	}
	return nil
}

func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler { panic("not used by the outbox") }
func (l *logRecorder) WithGroup(string) slog.Handler      { panic("not used by the outbox") }

// wait returns the first n records that match, waiting for them.
func (l *logRecorder) wait(t *testing.T, n int, match func(logRecord) bool) []logRecord {
	t.Helper()
	timeout := time.After(signalTimeout)
	for {
		l.mu.Lock()
		var found []logRecord
		for _, r := range l.records {
			if match(r) {
				found = append(found, r)
			}
		}
		if len(found) >= n {
			l.mu.Unlock()
			return found[:n]
		}
		if l.changed == nil {
			l.changed = make(chan struct{})
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("%d matching log records, want %d; the log:\n%s", len(found), n, l)
		}
	}
}

func (l *logRecorder) count(match func(logRecord) bool) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.records {
		if match(r) {
			n++
		}
	}
	return n
}

func (l *logRecorder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for _, r := range l.records {
		b.WriteString(r.msg)
		for k, v := range r.attrs {
			b.WriteString(" " + k + "=" + v)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func isMsg(msg string) func(logRecord) bool {
	return func(r logRecord) bool { return r.msg == msg }
}

func isMail(msg string, id int64) func(logRecord) bool {
	return func(r logRecord) bool { return r.msg == msg && r.attrs["mail_id"] == strconv.FormatInt(id, 10) }
}
