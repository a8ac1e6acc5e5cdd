package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestHealthCache: probes arriving together share one check of the database, a result is
// reused for healthTTL (a failure too), and a probe whose caller went away does not
// become everyone's answer.
func TestHealthCache(t *testing.T) {
	t.Parallel()
	var checks atomic.Int32
	var fail atomic.Bool
	now := time.Unix(1_700_000_000, 0)
	var clock sync.Mutex
	h := &health{
		check: func(ctx context.Context) error {
			checks.Add(1)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if fail.Load() {
				return errors.New("down")
			}
			return nil
		},
		close: func() {},
		now: func() time.Time {
			clock.Lock()
			defer clock.Unlock()
			return now
		},
	}
	advance := func(d time.Duration) {
		clock.Lock()
		now = now.Add(d)
		clock.Unlock()
	}
	s := &Store{health: h}

	// The first probe's caller goes away: its check still runs with a live context.
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Health(gone); err != nil {
		t.Fatalf("a probe whose caller went away: %v", err)
	}
	advance(healthTTL)

	var wg sync.WaitGroup
	errs := make([]error, 50)
	for i := range errs {
		wg.Go(func() { errs[i] = s.Health(context.Background()) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil || checks.Load() != 2 {
		t.Fatalf("50 probes at once: %d checks, %v; want one check for them all", checks.Load(), err)
	}

	fail.Store(true)
	advance(healthTTL - time.Millisecond)
	if err := s.Health(context.Background()); err != nil || checks.Load() != 2 {
		t.Fatalf("within the TTL: %d checks, %v; want the cached result", checks.Load(), err)
	}
	advance(time.Millisecond)
	if err := s.Health(context.Background()); err == nil || checks.Load() != 3 {
		t.Fatalf("after the TTL: %d checks, %v; want a new check that fails", checks.Load(), err)
	}
	fail.Store(false)
	if err := s.Health(context.Background()); err == nil || checks.Load() != 3 {
		t.Fatalf("a failure is cached too: %d checks, %v", checks.Load(), err)
	}
	advance(healthTTL)
	if err := s.Health(context.Background()); err != nil || checks.Load() != 4 {
		t.Fatalf("recovered: %d checks, %v", checks.Load(), err)
	}
}
