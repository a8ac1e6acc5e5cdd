package mail

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Outbox delivers the mails queued in the mail_outbox table. Rows are leased one at a
// time, so any number of instances can run an Outbox on one database; a failed delivery
// is retried with exponential backoff until MaxAttempts, so an SMTP outage loses no mail.
type Outbox struct {
	Store     *store.Store
	Transport Transport
	// Resolve turns a 'requested' row into a rendered 'queued' one, or deletes it.
	Resolve     func(ctx context.Context, m db.MailOutbox) error
	Logger      *slog.Logger
	Poll        time.Duration // how often to look for due rows without being woken
	MaxAttempts int
	Workers     int
	Now         func() time.Time

	wakeOnce sync.Once
	wake     chan struct{}
}

const (
	leaseTime   = 2 * time.Minute
	sendTimeout = 60 * time.Second
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

func (o *Outbox) loop(ctx context.Context) {
	t := time.NewTicker(o.Poll)
	defer t.Stop()
	for {
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
	m, err := o.Store.Q.ClaimMail(ctx, db.ClaimMailParams{LockUntil: ptr(now.Add(leaseTime)), Now: now})
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
			o.failed(ctx, m, fmt.Errorf("prepare: %w", err))
		}
		return true // a prepared row is due at once and is claimed again
	}
	err = o.Transport.Send(ctx, Message{From: m.Sender, To: m.Recipient, ReplyTo: m.ReplyTo, Subject: m.Subject, Text: m.BodyText, HTML: m.BodyHtml})
	if err != nil {
		o.failed(ctx, m, err)
		return true
	}
	if err := o.Store.Q.MarkMailSent(ctx, db.MarkMailSentParams{ID: m.ID, Now: ptr(o.now())}); err != nil {
		o.Logger.Error("mail outbox: mark sent", "mail_id", m.ID, "err", err)
		return true
	}
	if _, ok := o.Transport.(logOnly); ok {
		return true // the transport's own record says that it was written to the log, not sent
	}
	o.Logger.Info("mail sent", "mail_id", m.ID, "kind", m.Kind, "attempt", m.Attempts+1)
	return true
}

func (o *Outbox) failed(ctx context.Context, m db.MailOutbox, cause error) {
	attempt := m.Attempts + 1
	if attempt >= int64(o.MaxAttempts) {
		o.Logger.Error("mail given up", "mail_id", m.ID, "kind", m.Kind, "attempts", attempt, "err", cause)
		if err := o.Store.Q.MarkMailFailed(ctx, db.MarkMailFailedParams{ID: m.ID, LastError: cause.Error()}); err != nil {
			o.Logger.Error("mail outbox: mark failed", "mail_id", m.ID, "err", err)
		}
		return
	}
	next := o.now().Add(Backoff(attempt))
	o.Logger.Warn("mail delivery failed, will retry", "mail_id", m.ID, "kind", m.Kind, "attempt", attempt, "retry_at", next, "err", cause)
	err := o.Store.Q.MarkMailAttemptFailed(ctx, db.MarkMailAttemptFailedParams{ID: m.ID, NextAttemptAt: next, LastError: cause.Error()})
	if err != nil {
		o.Logger.Error("mail outbox: mark attempt", "mail_id", m.ID, "err", err)
	}
}

// Backoff is the wait after the n-th failed attempt: 5 s doubling up to one hour, with
// ±20 % jitter so that instances do not retry in lockstep.
func Backoff(n int64) time.Duration {
	d := 5 * time.Second
	for i := int64(1); i < n && d < time.Hour; i++ {
		d *= 2
	}
	d = min(d, time.Hour)
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

func ptr[T any](v T) *T { return &v }
