package mail

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"sync"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Outbox delivers the mails queued in the mail_outbox table. Rows are leased one at a
// time, so any number of instances can run an Outbox on one database; a failed delivery
// is retried with exponential backoff until MaxAttempts, so an SMTP outage loses no mail.
// Rows sent or given up are deleted once Retention has passed.
type Outbox struct {
	Store     *store.Store
	Transport Transport
	// Resolve turns a 'requested' row into a rendered 'queued' one, or deletes it.
	Resolve     func(ctx context.Context, m db.MailOutbox) error
	Logger      *slog.Logger
	Poll        time.Duration // how often to look for due rows without being woken
	MaxAttempts int
	Workers     int
	// Lease is how long a claimed row is this sender's before another may claim it; 0:
	// 2 minutes. A sender that still holds the row when it is done marks it (sent, failed,
	// retry); one whose lease expired and whose row another sender has claimed since
	// changes nothing and logs it, whether or not a send outlasts the lease. Resolve's writes
	// to a 'requested' row check the same lease (auth's ErrMailLeaseLost).
	Lease time.Duration
	// Retention is how long a row sent or given up is kept (MAIL_RETENTION), recipient and
	// subject included; 0 keeps them for ever. They are deleted beside the sending, in
	// statements of RetentionBatch rows (0: 500).
	Retention      time.Duration
	RetentionBatch int
	Now            func() time.Time // the clock; time.Now when nil
	Metrics        *metrics.Metrics // the failed deliveries; none when nil

	wakeOnce sync.Once
	wake     chan struct{}

	sweepMu   sync.Mutex
	sweeping  bool
	nextSweep time.Time
}

const (
	defaultLease = 2 * time.Minute
	sendTimeout  = 60 * time.Second
	// sweepEvery is how often each instance deletes the rows past their retention.
	sweepEvery = time.Minute
	// sweepBatches caps the delete statements of one sweep, so that a long backlog (the
	// first start after a long time) delays the sending little: the next round goes on.
	sweepBatches      = 10
	defaultSweepBatch = 500
)

func (o *Outbox) init() {
	o.wakeOnce.Do(func() { o.wake = make(chan struct{}, 1) })
}

// Wake makes the sender look for due mails now, instead of at its next poll.
func (o *Outbox) Wake() {
	o.init()
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *Outbox) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// Run delivers mails until ctx is cancelled. A mail being sent when ctx is cancelled is
// finished (within its send timeout) before Run returns.
func (o *Outbox) Run(ctx context.Context) {
	o.init()
	workers := max(o.Workers, 1)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { o.loop(ctx) })
	}
	wg.Wait()
}

// loop is one worker: each round deletes what is past its retention (when a sweep is
// due), then delivers every due row.
func (o *Outbox) loop(ctx context.Context) {
	t := time.NewTicker(o.Poll)
	defer t.Stop()
	for {
		o.sweep(ctx)
		for ctx.Err() == nil && o.deliverOne(ctx) {
		}
		select {
		case <-ctx.Done():
			return
		case <-o.wake: // one worker drains what is due; the others join at their next poll
		case <-t.C:
		}
	}
}

// deliverOne claims and handles one due row. It reports whether there was one.
func (o *Outbox) deliverOne(ctx context.Context) bool {
	now := o.now()
	lease := o.Lease
	if lease <= 0 {
		lease = defaultLease
	}
	token := newLeaseToken()
	m, err := o.Store.Q.ClaimMail(ctx, db.ClaimMailParams{LockUntil: ptr(now.Add(lease)), LeaseToken: &token, Now: now})
	if store.IsNotFound(err) {
		return false
	}
	if err != nil {
		if ctx.Err() == nil {
			o.Logger.Error("mail outbox: claim", "err", err)
		}
		return false
	}
	// Finish what was claimed even if the service is shutting down.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendTimeout)
	defer cancel()
	if m.Status == "requested" {
		if err := o.Resolve(ctx, m); err != nil {
			o.failed(ctx, m, token, fmt.Errorf("prepare: %w", err))
		}
		return true // a prepared row is due at once and is claimed again
	}
	err = o.Transport.Send(ctx, Message{From: m.Sender, To: m.Recipient, ReplyTo: m.ReplyTo, Subject: m.Subject, Text: m.BodyText, HTML: m.BodyHtml})
	if err != nil {
		o.failed(ctx, m, token, err)
		return true
	}
	n, err := o.Store.Q.MarkMailSent(ctx, db.MarkMailSentParams{ID: m.ID, LeaseToken: &token, Now: ptr(o.now())})
	switch {
	case err != nil:
		o.Logger.Error("mail outbox: mark sent", "mail_id", m.ID, "err", err)
	case n == 0:
		o.leaseLost(m, "sent")
	default:
		if _, ok := o.Transport.(logOnly); ok {
			return true // the transport's own record says that it was written to the log, not sent
		}
		o.Logger.Info("mail sent", "mail_id", m.ID, "kind", m.Kind, "attempt", m.Attempts+1)
	}
	return true
}

// failed records a failed attempt: another one later, or none after MaxAttempts.
func (o *Outbox) failed(ctx context.Context, m db.MailOutbox, token string, cause error) {
	attempt := m.Attempts + 1
	o.Metrics.MailFailed(attempt >= int64(o.MaxAttempts))
	if attempt >= int64(o.MaxAttempts) {
		n, err := o.Store.Q.MarkMailFailed(ctx, db.MarkMailFailedParams{ID: m.ID, LeaseToken: &token, Now: ptr(o.now()), LastError: cause.Error()})
		switch {
		case err != nil:
			o.Logger.Error("mail outbox: mark given up", "mail_id", m.ID, "err", err, "cause", cause)
		case n == 0:
			o.leaseLost(m, "given up", "err", cause)
		default:
			o.Logger.Error("mail given up", "mail_id", m.ID, "kind", m.Kind, "attempts", attempt, "err", cause)
		}
		return
	}
	next := o.now().Add(Backoff(attempt))
	n, err := o.Store.Q.MarkMailAttemptFailed(ctx, db.MarkMailAttemptFailedParams{ID: m.ID, LeaseToken: &token, NextAttemptAt: next, LastError: cause.Error()})
	switch {
	case err != nil:
		o.Logger.Error("mail outbox: mark attempt", "mail_id", m.ID, "err", err, "cause", cause)
	case n == 0:
		o.leaseLost(m, "failed", "err", cause)
	default:
		o.Logger.Warn("mail delivery failed, will retry", "mail_id", m.ID, "kind", m.Kind, "attempt", attempt, "retry_at", next, "err", cause)
	}
}

// leaseLost logs an outcome that was not recorded: this sender's lease on the row expired
// and another sender claimed it, whose outcome is the row's.
func (o *Outbox) leaseLost(m db.MailOutbox, outcome string, args ...any) {
	o.Logger.Warn("mail outbox: lease lost, another sender has the mail", append([]any{"mail_id", m.ID, "kind", m.Kind, "outcome", outcome, "leased_until", m.LockedUntil}, args...)...)
}

// sweep deletes the rows sent or given up before now minus Retention, when this instance's
// sweep is due (every sweepEvery) and no other worker of it is sweeping.
func (o *Outbox) sweep(ctx context.Context) {
	if o.Retention <= 0 || ctx.Err() != nil {
		return
	}
	now := o.now()
	o.sweepMu.Lock()
	if o.sweeping || now.Before(o.nextSweep) {
		o.sweepMu.Unlock()
		return
	}
	o.sweeping = true
	o.sweepMu.Unlock()

	batch := o.RetentionBatch
	if batch <= 0 {
		batch = defaultSweepBatch
	}
	cutoff := now.Add(-o.Retention)
	var (
		deleted int64
		more    bool
		err     error
	)
	for i := 0; ; i++ {
		var n int64
		n, err = o.Store.Q.DeleteDoneMails(ctx, db.DeleteDoneMailsParams{Cutoff: &cutoff, MaxRows: int64(batch)})
		deleted += n
		if err != nil || n < int64(batch) {
			break
		}
		if i+1 == sweepBatches {
			more = true
			break
		}
	}

	o.sweepMu.Lock()
	o.sweeping = false
	o.nextSweep = now.Add(sweepEvery)
	if more {
		o.nextSweep = now // the backlog goes on at the next round
	}
	o.sweepMu.Unlock()
	switch {
	case err != nil && ctx.Err() == nil:
		o.Logger.Warn("mail outbox: delete the rows past their retention", "err", err, "deleted", deleted)
	case deleted > 0:
		o.Logger.Info("mail outbox: rows past their retention deleted", "rows", deleted, "done_before", cutoff)
	}
}

// newLeaseToken returns a random token that marks one claim of a row (128 bits or more).
func newLeaseToken() string { return rand.Text() }

// Backoff is the wait after the n-th failed attempt: 5 s doubling up to one hour, with
// ±20 % jitter so that instances do not retry in lockstep.
func Backoff(n int64) time.Duration {
	d := 5 * time.Second
	for i := int64(1); i < n && d < time.Hour; i++ {
		d *= 2
	}
	d = min(d, time.Hour)
	return time.Duration(float64(d) * (0.8 + 0.4*mrand.Float64()))
}

func ptr[T any](v T) *T { return &v }
