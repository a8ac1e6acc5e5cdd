// Package ratelimit counts requests in fixed windows, as Strapi's limiter
// (koa2-ratelimit) does: the first hit on a key opens a window of Interval, every hit in it
// (refused ones included) counts, and hits beyond Max are refused until the window ends.
package ratelimit

import (
	"context"
	"sync"
	"time"
)

// Result is the state of a key after one hit.
type Result struct {
	Limit     int
	Remaining int
	Reset     time.Time // when the window ends
	Allowed   bool
}

// Limiter counts hits per key.
type Limiter interface {
	Hit(ctx context.Context, key string) (Result, error)
}

// Memory is a Limiter that keeps its counters in this process: each instance of the
// service counts on its own.
type Memory struct {
	limit    int
	interval time.Duration
	now      func() time.Time

	mu        sync.Mutex
	windows   map[string]window
	lastSweep time.Time
}

type window struct {
	count int
	reset time.Time
}

// NewMemory returns an in-process limiter allowing limit hits per interval and key, its
// windows timed by now (time.Now when nil).
func NewMemory(limit int, interval time.Duration, now func() time.Time) *Memory {
	if now == nil {
		now = time.Now
	}
	return &Memory{limit: limit, interval: interval, now: now, windows: map[string]window{}}
}

// Hit counts one hit on key.
func (m *Memory) Hit(_ context.Context, key string) (Result, error) {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sweep(now)
	w, ok := m.windows[key]
	if !ok || !now.Before(w.reset) {
		w = window{reset: now.Add(m.interval)}
	}
	w.count++
	m.windows[key] = w
	return result(m.limit, w.count, w.reset), nil
}

// sweep drops ended windows, at most once per interval, so memory stays bounded by the
// number of keys seen in about two intervals.
func (m *Memory) sweep(now time.Time) {
	if now.Sub(m.lastSweep) < m.interval {
		return
	}
	m.lastSweep = now
	for k, w := range m.windows {
		if !now.Before(w.reset) {
			delete(m.windows, k)
		}
	}
}

func result(limit, count int, reset time.Time) Result {
	return Result{Limit: limit, Remaining: max(0, limit-count), Reset: reset, Allowed: count <= limit}
}
