package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/metrics"
	"golang.org/x/crypto/bcrypt"
)

// MaxPasswordBytes is bcrypt's input limit. Longer passwords are refused where they are
// set and never match where they are checked, instead of being silently truncated.
const MaxPasswordBytes = 72

// passwordTooLong is the field error of a new password over MaxPasswordBytes, with ok true,
// or ok false for a password bcrypt takes whole.
func passwordTooLong(password string) (f apierror.FieldError, ok bool) {
	if len(password) <= MaxPasswordBytes {
		return apierror.FieldError{}, false
	}
	return apierror.FieldInvalid("password", ErrPasswordTooLong.Message, password), true
}

// checkNewPassword is the check of a new password and its confirmation in a password reset
// or change, in Strapi's order: "Passwords do not match", then the password's length.
func checkNewPassword(password, confirmation string) error {
	if password != confirmation {
		return apierror.Invalid(apierror.FieldInvalid("passwordConfirmation", "Passwords do not match", confirmation))
	}
	if f, tooLong := passwordTooLong(password); tooLong {
		return apierror.Invalid(f)
	}
	return nil
}

// Hasher hashes and checks passwords with bcrypt (Strapi's $2a$ hashes verify as they are)
// in a bounded pool: at most `workers` hashes run at once, so a flood of logins cannot
// starve cheap requests. The queue in front of the workers is bounded by time, not by a
// count: a request is refused at once with a *busy* error (503 with Retry-After) when the
// hashes ahead of it would make it wait longer than maxWait. A burst that the workers clear
// within maxWait is served whole; a sustained overload is shed as soon as the wait it
// builds up passes the limit.
type Hasher struct {
	cost    int
	workers int
	sem     chan struct{}
	pending atomic.Int64 // running + waiting
	maxWait time.Duration
	nice    int // the hashing threads' nice value (hashthread_linux.go); 0: not changed
	now     func() time.Time
	dummy   func() ([]byte, error)
	metrics *metrics.Metrics // the waits and refusals; none when nil
	log     *slog.Logger

	mu       sync.Mutex
	hashTime time.Duration // EWMA of the measured hash durations; 0 until the first one
	niceWarn sync.Once     // a failed setpriority is logged once
}

// HasherOptions configure a Hasher.
type HasherOptions struct {
	Cost    int           // bcrypt cost of new hashes
	Workers int           // hashes computed at once (PASSWORD_HASH_CONCURRENCY)
	MaxWait time.Duration // longest expected wait before a hash is refused (PASSWORD_HASH_MAX_WAIT)
	Nice    int           // nice value of the hashing threads on Linux (PASSWORD_HASH_NICE); 0: unchanged
	Metrics *metrics.Metrics
	Logger  *slog.Logger
	Now     func() time.Time // measures the hashes; time.Now by default
}

// hashTimeWeight is the weight of the newest measurement in the hash-time estimate: about
// the last ten hashes count, so the estimate follows a change of load within a second or
// two of hashing without jumping at one slow hash.
const hashTimeWeight = 0.1

// NewHasher returns a Hasher. It starts computing, in the background, the dummy hash that
// unknown users are checked against, so that they cost the same time as known ones; its
// duration seeds the hash-time estimate, so the wait bound works from the first burst.
func NewHasher(o HasherOptions) *Hasher {
	h := &Hasher{
		cost:    o.Cost,
		workers: o.Workers,
		sem:     make(chan struct{}, o.Workers),
		maxWait: o.MaxWait,
		nice:    o.Nice,
		now:     o.Now,
		metrics: o.Metrics,
		log:     o.Logger,
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	h.dummy = sync.OnceValues(func() ([]byte, error) {
		return h.measured(func() ([]byte, error) {
			return bcrypt.GenerateFromPassword([]byte("dummy password for timing"), h.cost)
		})
	})
	go func() { _, _ = h.dummy() }()
	return h
}

// Load is what the pool is doing now, for the metrics: the workers hashing and the hashes
// waiting for one.
func (h *Hasher) Load() (busy, queued int) {
	busy = len(h.sem)
	return busy, max(0, int(h.pending.Load())-busy)
}

// HashTime is the current estimate of one hash's duration (0 before the first is measured).
func (h *Hasher) HashTime() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hashTime
}

// observe adds a measured hash duration to the estimate.
func (h *Hasher) observe(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.hashTime == 0 {
		h.hashTime = d
		return
	}
	h.hashTime += time.Duration(hashTimeWeight * float64(d-h.hashTime))
}

// expectedWait is how long a hash that finds `ahead` hashes pending (running or waiting)
// should wait for a worker: nothing while a worker is free; otherwise it starts when
// ahead-workers+1 of them have finished, and the workers finish workers hashes per hashTime.
func expectedWait(ahead, workers int, hashTime time.Duration) time.Duration {
	if ahead < workers {
		return 0
	}
	return time.Duration(float64(ahead-workers+1) / float64(workers) * float64(hashTime))
}

// busy is the refusal of a hash that would wait `wait`: ErrBusy, telling the client to come
// back after about that long, when the hashes ahead of it are done.
func busy(wait time.Duration) error {
	e := *ErrBusy
	e.RetryAfter = wait
	return &e
}

func (h *Hasher) acquire(ctx context.Context) error {
	ahead := int(h.pending.Add(1) - 1)
	if wait := expectedWait(ahead, h.workers, h.HashTime()); wait > h.maxWait {
		h.pending.Add(-1)
		h.metrics.HashRefused()
		return busy(wait)
	}
	start := time.Now()
	select {
	case h.sem <- struct{}{}:
		h.metrics.HashWaited(time.Since(start))
		if err := ctx.Err(); err != nil { // the client went away while we waited
			h.release()
			return err
		}
		return nil
	case <-ctx.Done():
		h.pending.Add(-1)
		return ctx.Err()
	}
}

func (h *Hasher) release() {
	<-h.sem
	h.pending.Add(-1)
}

// measured runs one bcrypt computation on a hashing thread (onHashThread) and adds its
// duration to the hash-time estimate. The duration is wall time on purpose: it includes
// the time the thread waited for a core, so the estimate is what the pool really clears
// under the current load.
func (h *Hasher) measured(fn func() ([]byte, error)) ([]byte, error) {
	start := h.now()
	b, err := onHashThread(h, fn)
	// A mismatch took the whole computation; other errors (a malformed hash) took none.
	if err == nil || errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
		h.observe(h.now().Sub(start))
	}
	return b, err
}

// Hash returns the bcrypt hash of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if len(password) > MaxPasswordBytes {
		return "", ErrPasswordTooLong
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	b, err := h.measured(func() ([]byte, error) { return bcrypt.GenerateFromPassword([]byte(password), h.cost) })
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(b), nil
}

// Check reports whether password matches hash. An empty hash (unknown user, or a user
// without a password) is checked against a dummy hash and never matches, in the same time.
func (h *Hasher) Check(ctx context.Context, hash, password string) (bool, error) {
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	target := []byte(hash)
	if hash == "" || len(password) > MaxPasswordBytes {
		d, err := h.dummy()
		if err != nil {
			return false, fmt.Errorf("dummy hash: %w", err)
		}
		target = d
	}
	_, err := h.measured(func() ([]byte, error) { return nil, bcrypt.CompareHashAndPassword(target, []byte(password)) })
	switch {
	case err == nil:
		return hash != "" && len(password) <= MaxPasswordBytes, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	default:
		return false, fmt.Errorf("check password: %w", err)
	}
}
