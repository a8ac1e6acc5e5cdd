package auth

import (
	"context"
	"errors"
	"fmt"
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
// in a bounded pool: at most `concurrency` hashes run at once and at most `queue` wait, so
// a flood of logins cannot starve cheap requests; beyond that callers get ErrBusy at once.
type Hasher struct {
	cost       int
	sem        chan struct{}
	pending    atomic.Int64 // running + waiting
	maxPending int64
	dummy      func() ([]byte, error)
	metrics    *metrics.Metrics // the waits and refusals; none when nil
}

// NewHasher returns a Hasher. It starts computing, in the background, the dummy hash that
// unknown users are checked against, so that they cost the same time as known ones.
func NewHasher(cost, concurrency, queue int) *Hasher {
	h := &Hasher{
		cost:       cost,
		sem:        make(chan struct{}, concurrency),
		maxPending: int64(concurrency + queue),
	}
	h.dummy = sync.OnceValues(func() ([]byte, error) {
		return bcrypt.GenerateFromPassword([]byte("dummy password for timing"), cost)
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

func (h *Hasher) acquire(ctx context.Context) error {
	if h.pending.Add(1) > h.maxPending {
		h.pending.Add(-1)
		h.metrics.HashRefused()
		return ErrBusy
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

// Hash returns the bcrypt hash of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if len(password) > MaxPasswordBytes {
		return "", ErrPasswordTooLong
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	b, err := bcrypt.GenerateFromPassword([]byte(password), h.cost)
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
	err := bcrypt.CompareHashAndPassword(target, []byte(password))
	switch {
	case err == nil:
		return hash != "" && len(password) <= MaxPasswordBytes, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	default:
		return false, fmt.Errorf("check password: %w", err)
	}
}
