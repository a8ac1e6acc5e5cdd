package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
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
	cost      int
	workers   int
	sem       chan struct{}
	pending   atomic.Int64 // running + waiting
	maxWait   time.Duration
	nice      int        // the hashing threads' nice value (hashthread_linux.go); 0: not changed
	boost     *procBoost // GOMAXPROCS raised while hashing; nil: never changed
	now       func() time.Time
	threadCPU func() time.Duration // the calling thread's CPU time; 0 where unknown
	dummy     func() ([]byte, error)
	metrics   *metrics.Metrics // the waits and refusals; none when nil
	log       *slog.Logger

	mu        sync.Mutex
	est       hashEstimate
	idleSince time.Time // when the pool last emptied; zero while it works
	niceWarn  sync.Once // a failed setpriority is logged once
}

// HasherOptions configure a Hasher.
type HasherOptions struct {
	Cost    int           // bcrypt cost of new hashes
	Workers int           // hashes computed at once (PASSWORD_HASH_CONCURRENCY)
	MaxWait time.Duration // longest expected wait before a hash is refused (PASSWORD_HASH_MAX_WAIT)
	Nice    int           // nice value of the hashing threads on Linux (PASSWORD_HASH_NICE); 0: unchanged
	// ExtraProcs are added to GOMAXPROCS while hashes run, and taken back a second after
	// the last one (procBoost); 0: GOMAXPROCS is never changed.
	ExtraProcs int
	Metrics    *metrics.Metrics
	Logger     *slog.Logger
	Now        func() time.Time // measures the hashes' wall time; time.Now by default
	// ThreadCPU is the calling OS thread's CPU time: the thread CPU clock on Linux by
	// default; tests set it. Where it answers 0, a hash's cost is its wall time.
	ThreadCPU func() time.Duration
}

// hashTimeWeight is the weight of the newest measurement in the hash-time estimate: about
// the last ten hashes count, so the estimate follows a change of load within a second or
// two of hashing without jumping at one slow hash.
const hashTimeWeight = 0.1

// idleHalfLife is how fast what the last load did to the hashes is forgotten while the
// pool has nothing to do: no hash tells how loaded the machine is now, so after a second
// of idleness a burst is judged at nearly the hashes' idle cost. A queue only forms while
// the pool works, and then every finished hash measures the load again, so forgetting fast
// cannot hide a sustained overload for longer than a few hashes.
const idleHalfLife = 250 * time.Millisecond

// hashEstimate is what one hash takes, in two parts: its cost (the CPU time of the
// computation, what it takes on an idle core) and the stretch of the current load (its
// wall time ÷ its cost: > 1 when the hashing threads wait for a core, at nice 19 behind
// every request being served). Each is a moving average of the measured hashes.
type hashEstimate struct {
	cost    time.Duration // 0 until the first measurement
	stretch float64       // ≥ 1
}

// duration is the estimated wall time of one hash.
func (e hashEstimate) duration() time.Duration {
	return time.Duration(float64(e.cost) * e.stretch)
}

// add moves the estimate toward one measured hash: wall time and CPU time (0: unknown,
// the wall time is taken as the cost).
func (e *hashEstimate) add(wall, cpu time.Duration) {
	if cpu <= 0 || cpu > wall {
		cpu = wall
	}
	stretch := 1.0
	if cpu > 0 {
		stretch = float64(wall) / float64(cpu)
	}
	if e.cost == 0 {
		e.cost, e.stretch = cpu, stretch
		return
	}
	e.cost += time.Duration(hashTimeWeight * float64(cpu-e.cost))
	e.stretch += hashTimeWeight * (stretch - e.stretch)
}

// forget lets the stretch decay toward 1 (an idle machine) for the time the pool was idle.
func (e *hashEstimate) forget(idle time.Duration) {
	if idle <= 0 || e.stretch <= 1 {
		return
	}
	e.stretch = 1 + (e.stretch-1)*math.Exp2(-float64(idle)/float64(idleHalfLife))
}

// NewHasher returns a Hasher. It starts computing, in the background, the dummy hash that
// unknown users are checked against, so that they cost the same time as known ones; its
// duration seeds the hash-time estimate, so the wait bound works from the first burst.
func NewHasher(o HasherOptions) *Hasher {
	h := &Hasher{
		cost:      o.Cost,
		workers:   o.Workers,
		sem:       make(chan struct{}, o.Workers),
		maxWait:   o.MaxWait,
		nice:      o.Nice,
		boost:     newProcBoost(o.ExtraProcs),
		now:       o.Now,
		threadCPU: o.ThreadCPU,
		metrics:   o.Metrics,
		log:       o.Logger,
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.threadCPU == nil {
		h.threadCPU = threadCPUTime
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

// HashTime is the current estimate of one hash's wall time (0 before the first is
// measured).
func (h *Hasher) HashTime() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.est.duration()
}

// observe adds a measured hash, its wall and CPU time, to the estimate.
func (h *Hasher) observe(wall, cpu time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.est.add(wall, cpu)
}

// woke is called by the hash that finds the pool empty: the load of the time the pool was
// idle is forgotten (hashEstimate.forget) before this hash and those after it are judged.
func (h *Hasher) woke() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.idleSince.IsZero() {
		h.est.forget(h.now().Sub(h.idleSince))
		h.idleSince = time.Time{}
	}
}

// emptied is called by the hash that leaves the pool empty. Under the lock the pool is
// checked again: a hash that arrived meanwhile has either seen idleSince zero in woke, and
// then the pool is not empty here, or comes after, and then it forgets this idle time.
func (h *Hasher) emptied() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.pending.Load() == 0 {
		h.idleSince = h.now()
	}
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
	if ahead == 0 {
		h.woke()
	}
	if wait := expectedWait(ahead, h.workers, h.HashTime()); wait > h.maxWait {
		h.leave()
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
		h.leave()
		return ctx.Err()
	}
}

func (h *Hasher) release() {
	<-h.sem
	h.leave()
}

// leave takes one hash out of the pending count.
func (h *Hasher) leave() {
	if h.pending.Add(-1) == 0 {
		h.emptied()
	}
}

// measured runs one bcrypt computation on a hashing thread (onHashThread) and adds its wall
// time and its thread's CPU time to the estimate: the wall time includes the time the
// thread waited for a core, so the estimate is what the pool really clears under the
// current load; the CPU time is what is left of it once that load is gone.
func (h *Hasher) measured(fn func() ([]byte, error)) ([]byte, error) {
	h.boost.enter()
	defer h.boost.exit()
	start := h.now()
	b, cpu, err := onHashThread(h, fn)
	// A mismatch took the whole computation; other errors (a malformed hash) took none.
	if err == nil || errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
		h.observe(h.now().Sub(start), cpu)
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
