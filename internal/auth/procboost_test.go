package auth

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"
)

// fakeProcs stands for the runtime's GOMAXPROCS in procBoost: the value, and how often it
// was changed.
type fakeProcs struct {
	mu      sync.Mutex
	def, n  int
	changes int
}

func (f *fakeProcs) boost(extra int, linger time.Duration) *procBoost {
	f.n = f.def
	return &procBoost{extra: extra, linger: linger,
		set: func(n int) int {
			f.mu.Lock()
			defer f.mu.Unlock()
			old := f.n
			if n > 0 {
				f.n = n
				f.changes++
			}
			return old
		},
		reset: func() {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.n = f.def
			f.changes++
		}}
}

func (f *fakeProcs) get() (n, changes int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n, f.changes
}

// TestProcBoost: the Ps are added when the first hash starts (once, however many run),
// stay while hashes follow each other within the linger, and go the linger after the last.
func TestProcBoost(t *testing.T) {
	t.Parallel()
	const linger = 50 * time.Millisecond
	f := &fakeProcs{def: 2}
	b := f.boost(2, linger)

	b.enter()
	b.enter()
	if n, ch := f.get(); n != 4 || ch != 1 {
		t.Fatalf("two hashes running: GOMAXPROCS %d after %d changes, want 4 after 1", n, ch)
	}
	b.exit()
	b.exit()
	// A hash within the linger keeps the Ps, and voids the lowering the last exit planned.
	time.Sleep(linger / 5)
	b.enter()
	time.Sleep(2 * linger)
	if n, ch := f.get(); n != 4 || ch != 1 {
		t.Fatalf("a hash running past the first linger: GOMAXPROCS %d after %d changes, want 4 after 1", n, ch)
	}
	b.exit()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, ch := f.get()
		if n == 2 && ch == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("idle pool: GOMAXPROCS %d after %d changes, want the default 2 after 2", n, ch)
		}
		time.Sleep(linger / 5)
	}
	// And up again with the next hash.
	b.enter()
	if n, ch := f.get(); n != 4 || ch != 3 {
		t.Fatalf("next hash: GOMAXPROCS %d after %d changes, want 4 after 3", n, ch)
	}
	b.exit()
}

// TestProcBoostOff: no extra Ps, no boost: GOMAXPROCS is never touched.
func TestProcBoostOff(t *testing.T) {
	t.Parallel()
	b := newProcBoost(0)
	b.enter() // nil: a no-op
	b.exit()
	if b != nil {
		t.Fatal("a boost of 0 Ps exists")
	}
}

// TestHasherRaisesGOMAXPROCS, with the real runtime (not parallel: it changes the process's
// GOMAXPROCS, and runs before the parallel tests start): while a hash runs GOMAXPROCS is
// the default + ExtraProcs; a second after the last hash, the default again.
func TestHasherRaisesGOMAXPROCS(t *testing.T) {
	runtime.SetDefaultGOMAXPROCS()
	def := runtime.GOMAXPROCS(0)
	defer runtime.SetDefaultGOMAXPROCS()
	h := NewHasher(HasherOptions{Cost: 4, Workers: 2, MaxWait: time.Hour, ExtraProcs: 2})
	var during int
	if _, err := h.measured(func() ([]byte, error) { during = runtime.GOMAXPROCS(0); return nil, nil }); err != nil {
		t.Fatal(err)
	}
	if during != def+2 {
		t.Fatalf("GOMAXPROCS %d during a hash, want %d + 2", during, def)
	}
	if _, err := h.Hash(context.Background(), "secret123"); err != nil {
		t.Fatal(err)
	}
	if n := runtime.GOMAXPROCS(0); n != def+2 {
		t.Fatalf("GOMAXPROCS %d right after a hash, want it kept (%d + 2) for the linger", n, def)
	}
	deadline := time.Now().Add(boostLinger + 5*time.Second)
	for runtime.GOMAXPROCS(0) != def {
		if time.Now().After(deadline) {
			t.Fatalf("GOMAXPROCS still %d %s after the last hash, want the default %d", runtime.GOMAXPROCS(0), boostLinger+5*time.Second, def)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
