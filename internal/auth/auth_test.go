package auth

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
)

func TestHasherPool(t *testing.T) {
	t.Parallel()
	h := NewHasher(HasherOptions{Cost: 4, Workers: 1, MaxWait: time.Hour})
	ctx := context.Background()
	hash, err := h.Hash(ctx, "secret123")
	if err != nil || !strings.HasPrefix(hash, "$2a$04$") {
		t.Fatalf("hash %q %v", hash, err)
	}
	if ok, err := h.Check(ctx, hash, "secret123"); !ok || err != nil {
		t.Fatalf("right password: %v %v", ok, err)
	}
	for _, c := range []struct{ name, hash, pw string }{
		{"wrong password", hash, "secret124"},
		{"no hash (unknown user)", "", "secret123"},
		{"over 72 bytes with the right prefix", hash, "secret123" + strings.Repeat("x", 70)},
	} {
		if ok, err := h.Check(ctx, c.hash, c.pw); ok || err != nil {
			t.Errorf("%s: %v %v", c.name, ok, err)
		}
	}
	if _, err := h.Hash(ctx, strings.Repeat("é", 37)); !errors.Is(err, ErrPasswordTooLong) {
		t.Fatalf("74-byte password: %v", err)
	}
	if h.HashTime() <= 0 {
		t.Fatalf("no hash time measured after %d hashes", 5)
	}

	// A caller that finds the worker busy waits for it, and is served once it is free; a
	// caller whose context ends meanwhile gets its error.
	h.sem <- struct{}{} // occupy the worker
	h.pending.Add(1)
	var wg sync.WaitGroup
	var waited error
	wg.Go(func() { _, waited = h.Hash(ctx, "waiting1") })
	deadline := time.Now().Add(2 * time.Second)
	for h.pending.Load() < 2 {
		if time.Now().After(deadline) {
			h.release()
			wg.Wait()
			t.Fatalf("the waiting caller did not queue within 2 s: pending %d, want 2", h.pending.Load())
		}
		time.Sleep(time.Millisecond)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := h.Hash(cctx, "cancelled"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled request: %v, want context.Canceled", err)
	}
	h.release()
	wg.Wait()
	if waited != nil {
		t.Fatalf("the waiting caller: %v", waited)
	}
	if h.pending.Load() != 0 {
		t.Fatalf("pending %d after all callers returned", h.pending.Load())
	}
}

// TestExpectedWait: a hash waits for nothing while a worker is free; behind a full pool,
// for its place in the queue divided among the workers, in hash times.
func TestExpectedWait(t *testing.T) {
	t.Parallel()
	const T = 60 * time.Millisecond
	for _, c := range []struct {
		ahead, workers int
		want           time.Duration
	}{
		{0, 1, 0},
		{1, 2, 0},
		{1, 1, T},         // the one running
		{2, 2, T / 2},     // two running: one of them is done in half a hash time on average
		{5, 1, 5 * T},     // one running, four waiting
		{201, 2, 100 * T}, // the last of a burst of 203 on 2 workers
	} {
		if got := expectedWait(c.ahead, c.workers, T); got != c.want {
			t.Errorf("expectedWait(%d ahead, %d workers) = %s, want %s", c.ahead, c.workers, got, c.want)
		}
	}
}

// TestHashTimeEstimate: the first measurement seeds the estimate, later ones move its cost
// (CPU time) and its stretch (wall ÷ CPU time) by a tenth of the difference; an unknown CPU
// time counts as the wall time. (Fake clocks: no timing.)
func TestHashTimeEstimate(t *testing.T) {
	t.Parallel()
	const ms = time.Millisecond
	var e hashEstimate
	for _, c := range []struct {
		wall, cpu, wantCost time.Duration
		wantStretch         float64
	}{
		{100 * ms, 0, 100 * ms, 1},                    // no CPU clock: all of it is cost
		{200 * ms, 200 * ms, 110 * ms, 1},             // slower on an idle core: the cost moves
		{440 * ms, 110 * ms, 110 * ms, 1.3},           // waited for a core: the stretch moves (4 → +0.3)
		{50 * ms, 100 * ms, 104 * ms, 1.27},           // CPU over wall (clock skew): taken as the wall time
		{110 * ms, 110 * ms, 104*ms + 600_000, 1.243}, // an idle hash again
	} {
		e.add(c.wall, c.cpu)
		if e.cost != c.wantCost || math.Abs(e.stretch-c.wantStretch) > 1e-9 {
			t.Fatalf("after %s wall, %s CPU: cost %s stretch %.4f, want %s and %.4f", c.wall, c.cpu, e.cost, e.stretch, c.wantCost, c.wantStretch)
		}
	}

	// Idle time forgets the stretch, by half every idleHalfLife; the cost stays.
	e = hashEstimate{cost: 30 * ms, stretch: 9}
	for _, c := range []struct {
		idle time.Duration
		want float64
	}{
		{0, 9},
		{idleHalfLife, 5},
		{2 * idleHalfLife, 2},
		{4 * idleHalfLife, 1.0625},
	} {
		e.forget(c.idle)
		if math.Abs(e.stretch-c.want) > 1e-9 || e.cost != 30*ms {
			t.Fatalf("after %s idle: stretch %.4f cost %s, want %.4f and 30ms", c.idle, e.stretch, e.cost, c.want)
		}
	}

	// Hash and Check measure on the Hasher's clocks: the dummy hash computed at start seeds
	// the estimate (30 ms of CPU in 60 ms: cost 30 ms, stretch 2), a hash then moves it
	// (30 ms in 30 ms: stretch 2 - 1/10).
	var (
		mu            sync.Mutex
		clock         time.Time
		cpuClock      time.Duration
		step, cpuStep = 60 * ms, 30 * ms // between two reads: a hash takes one step of each
	)
	h := NewHasher(HasherOptions{Cost: 4, Workers: 1, MaxWait: time.Hour,
		Now: func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			clock = clock.Add(step)
			return clock
		},
		ThreadCPU: func() time.Duration {
			mu.Lock()
			defer mu.Unlock()
			cpuClock += cpuStep
			return cpuClock
		},
	})
	if _, err := h.dummy(); err != nil {
		t.Fatal(err)
	}
	if got := h.HashTime(); got != 60*ms {
		t.Fatalf("seeded by the dummy hash: %s, want 60ms", got)
	}
	mu.Lock()
	step = 30 * ms
	mu.Unlock()
	if _, err := h.Hash(context.Background(), "secret123"); err != nil {
		t.Fatal(err)
	}
	if got := h.HashTime(); got != 57*ms {
		t.Fatalf("after a hash on an idle core: %s, want 57ms", got)
	}

	// The pool is empty since the end of that hash; the next hash to arrive, 2 half-lives
	// later, is judged with a quarter of the stretch left (1 + 0.9/4).
	mu.Lock()
	step = 0
	clock = clock.Add(2 * idleHalfLife)
	mu.Unlock()
	if err := h.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := h.HashTime(), time.Duration(30*float64(ms)*1.225); got < want-time.Microsecond || got > want+time.Microsecond {
		t.Fatalf("after 2 idle half-lives: %s, want %s", got, want)
	}
	h.release()
}

// TestHasherForgetsIdleLoad: a burst that arrives after a load has gone (the hashes of a
// flood took 8 times their CPU time) is judged at the hashes' cost now, not at the flood's:
// after a second without hashes, 200 registrations fit 10 s on 2 workers at 30 ms each;
// with no idle time in between, the same burst is refused from its 85th request on.
func TestHasherForgetsIdleLoad(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name    string
		idle    time.Duration
		refused bool // the 200th of the burst
	}{
		{"after a second idle", time.Second, false},
		{"right after the flood", 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			clock := time.Unix(1e9, 0)
			h := NewHasher(HasherOptions{Cost: 4, Workers: 2, MaxWait: 10 * time.Second, Now: func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				return clock
			}})
			_, _ = h.dummy() // its measurement must not overwrite the one set below
			h.mu.Lock()
			h.est = hashEstimate{cost: 30 * time.Millisecond, stretch: 8}
			h.idleSince = clock.Add(-c.idle)
			h.mu.Unlock()
			for range 2 {
				h.sem <- struct{}{} // both workers busy: nothing is computed during the test
			}
			// The burst's first request finds the pool empty (it waits: nothing runs).
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel()
			if err := h.acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("the first of the burst: %v, want to wait", err)
			}
			// Its 200th finds 199 ahead.
			h.pending.Add(199)
			ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel2()
			err := h.acquire(ctx2)
			var ae *apierror.Error
			if got := errors.As(err, &ae) && ae.Message == ErrBusy.Message && ae.RetryAfter > 0; got != c.refused {
				t.Fatalf("the 200th with %s estimated per hash: %v, want refused %v", h.HashTime(), err, c.refused)
			}
		})
	}
}

// TestHasherRefusesLongWaits: a hash whose expected wait exceeds MaxWait is refused at once
// with ErrBusy's 503 and a RetryAfter of that wait, while the pool is still full; one that
// fits waits. The pool's load and the hash time are set, not measured.
func TestHasherRefusesLongWaits(t *testing.T) {
	t.Parallel()
	const T = 100 * time.Millisecond
	for _, c := range []struct {
		name           string
		workers, ahead int
		maxWait        time.Duration
		refused        time.Duration // the RetryAfter of a refusal; 0: not refused
	}{
		{"worker free", 2, 1, time.Nanosecond, 0},
		{"fits the limit", 1, 5, time.Second, 0},
		{"at the limit", 1, 10, time.Second, 0},
		{"just over the limit", 1, 11, time.Second, 11 * T},
		{"far over, two workers", 2, 41, time.Second, 2 * time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := NewHasher(HasherOptions{Cost: 4, Workers: c.workers, MaxWait: c.maxWait})
			_, _ = h.dummy() // its measurement must not overwrite the one set below
			h.mu.Lock()
			h.est = hashEstimate{cost: T, stretch: 1}
			h.mu.Unlock()
			for range c.workers {
				h.sem <- struct{}{} // every worker busy: nothing is computed during the test
			}
			h.pending.Add(int64(c.ahead))
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			_, err := h.Hash(ctx, "secret123")
			var ae *apierror.Error
			switch {
			case c.refused == 0 && c.ahead < c.workers:
				// A free worker but the semaphore is full by construction: it waits until the context ends.
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("%v, want to wait for a worker", err)
				}
			case c.refused == 0:
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("%v, want to wait in the queue", err)
				}
			case !errors.As(err, &ae) || ae.Kind != apierror.Unavailable || ae.Message != ErrBusy.Message || ae.RetryAfter != c.refused:
				t.Fatalf("%#v, want ErrBusy with RetryAfter %s", err, c.refused)
			case ctx.Err() != nil:
				t.Fatalf("refused after %s: a refusal must not wait", 50*time.Millisecond)
			}
			if got := h.pending.Load(); got != int64(c.ahead) {
				t.Fatalf("pending %d after the call, want %d", got, c.ahead)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	tk := NewTokens("0123456789abcdef0123", 30*24*time.Hour, nil)
	now := time.Now().Unix()
	s, err := tk.Issue(7, now)
	if err != nil {
		t.Fatal(err)
	}
	c, err := tk.Verify(s)
	if err != nil || c.UserID != 7 || c.IssuedAt != now {
		t.Fatalf("%+v %v", c, err)
	}
	sign := func(m jwt.SigningMethod, key any, claims jwt.MapClaims) string {
		s, err := jwt.NewWithClaims(m, claims).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	secret := []byte("0123456789abcdef0123")
	for _, c := range []struct {
		name  string
		token string
		want  error
	}{
		{"expired", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1, "exp": now - 1}), ErrTokenExpired},
		{"expired, other secret", sign(jwt.SigningMethodHS256, []byte("other-secret-xxxxxxxx"), jwt.MapClaims{"id": 1, "exp": now - 1}), ErrTokenInvalid},
		{"HS384", sign(jwt.SigningMethodHS384, secret, jwt.MapClaims{"id": 1, "exp": now + 60}), ErrTokenInvalid},
		{"no exp", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1}), ErrTokenInvalid},
		{"id zero", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 0, "exp": now + 60}), ErrTokenInvalid},
		{"id negative string", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": "-3", "exp": now + 60}), ErrTokenInvalid},
		{"id too large for a float", sign(jwt.SigningMethodHS256, secret, jwt.MapClaims{"id": 1e300, "exp": now + 60}), ErrTokenInvalid},
		{"garbage", "not.a.token", ErrTokenInvalid},
	} {
		if _, err := tk.Verify(c.token); err != c.want {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestRenderTemplate(t *testing.T) {
	t.Parallel()
	vars := map[string]string{"URL": "https://x.example/reset?a=1&b=2", "TOKEN": "abc", "USER.username": "<b>bob</b>"}
	tpl := "<p><%= URL %>?code=<%=TOKEN%></p><%= USER %><%= USER.username %><%= NOPE %><% evil() %>${x}"
	if got, want := renderTemplate(tpl, vars, false),
		"<p>https://x.example/reset?a=1&b=2?code=abc</p><%= USER %><b>bob</b><%= NOPE %><% evil() %>${x}"; got != want {
		t.Errorf("text\n got %q\nwant %q", got, want)
	}
	if got, want := renderTemplate(tpl, vars, true),
		"<p>https://x.example/reset?a=1&amp;b=2?code=abc</p><%= USER %>&lt;b&gt;bob&lt;/b&gt;<%= NOPE %><% evil() %>${x}"; got != want {
		t.Errorf("html\n got %q\nwant %q", got, want)
	}
}
