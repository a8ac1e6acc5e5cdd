package ratelimit

import (
	"testing"
	"time"
)

func TestMemoryFixedWindow(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	m := NewMemory(3, time.Minute)
	m.now = func() time.Time { return now }
	start := now
	for i := 1; i <= 5; i++ {
		r, _ := m.Hit(t.Context(), "k")
		if want := i <= 3; r.Allowed != want || r.Remaining != max(0, 3-i) || !r.Reset.Equal(start.Add(time.Minute)) {
			t.Fatalf("hit %d: %+v", i, r)
		}
		now = now.Add(time.Second)
	}
	if r, _ := m.Hit(t.Context(), "other"); !r.Allowed || r.Remaining != 2 {
		t.Fatalf("another key shares the window: %+v", r)
	}
	now = now.Add(time.Minute) // the window of "k" has ended
	if r, _ := m.Hit(t.Context(), "k"); !r.Allowed || r.Remaining != 2 {
		t.Fatalf("new window: %+v", r)
	}
	if len(m.windows) != 1 {
		t.Fatalf("%d windows kept; ended ones must be dropped", len(m.windows))
	}
}
