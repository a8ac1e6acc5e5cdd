package ratelimit

import (
	"os"
	"strconv"
	"testing"
	"time"
)

func TestMemoryFixedWindow(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	m := NewMemory(3, time.Minute, nil)
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

// TestRedisSharedBetweenInstances: two limiters on one Redis (two instances of the
// service) share their counters.
func TestRedisSharedBetweenInstances(t *testing.T) {
	t.Parallel()
	url := os.Getenv("TEST_REDIS_URL")
	if url == "" {
		if os.Getenv("TEST_REQUIRE_REDIS") == "1" {
			t.Fatal("TEST_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set")
		}
		t.Skip("TEST_REDIS_URL is not set")
	}
	a, err := NewRedis(t.Context(), url, 3, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := NewRedis(t.Context(), url, 3, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	key := "test:" + strconv.FormatInt(time.Now().UnixNano(), 36)
	var last Result
	for i, l := range []*Redis{a, b, a, b} {
		last, err = l.Hit(t.Context(), key)
		if err != nil {
			t.Fatal(err)
		}
		if want := i < 3; last.Allowed != want || last.Remaining != max(0, 2-i) {
			t.Fatalf("hit %d: %+v", i+1, last)
		}
	}
	if d := time.Until(last.Reset); d <= 0 || d > 2*time.Second {
		t.Fatalf("reset in %s", d)
	}
	time.Sleep(time.Until(last.Reset) + 50*time.Millisecond)
	if r, err := b.Hit(t.Context(), key); err != nil || !r.Allowed || r.Remaining != 2 {
		t.Fatalf("after the window: %+v %v", r, err)
	}
	if _, err := NewRedis(t.Context(), "redis://127.0.0.1:1/0", 3, time.Second); err == nil {
		t.Fatal("no error for a Redis that does not answer")
	}
}
