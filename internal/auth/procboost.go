package auth

import (
	"runtime"
	"sync"
	"time"
)

// procBoost gives the runtime extra Ps (GOMAXPROCS) while hashes run, and its default
// back once no hash has run for a while.
//
// Why: a goroutine computing a bcrypt hash holds one of the runtime's Ps for tens of
// milliseconds, so with GOMAXPROCS at the number of cores a login flood leaves none to
// the handlers, whatever the hashing threads' priority (hashthread_linux.go). Extra Ps fix
// that, but they are not free while nothing hashes: a P with no work spins its thread
// looking for some, and on a server whose requests wait on the network (PostgreSQL) that
// spinning cost a third more CPU per GET /api/users/me (141 → 107 µs in `make bench`, 2
// cores). So the Ps are added when the first hash starts and taken back `linger` after
// the last one ended: an idle pool costs nothing, a flood keeps them, and the two stops of
// the world a change costs (~30 µs each) happen at most twice per linger.
type procBoost struct {
	extra  int           // Ps added while hashing
	linger time.Duration // how long the Ps stay after the last hash
	set    func(int) int // runtime.GOMAXPROCS; tests count instead
	reset  func()        // runtime.SetDefaultGOMAXPROCS

	mu      sync.Mutex
	running int
	raised  bool
	gen     int // the number of the current idle period: a lowering timer of an older one does nothing
}

// boostLinger: a second keeps the Ps through the pauses of a login flood and of a race's
// opening minute, yet gives them back well before the next quiet minute.
const boostLinger = time.Second

func newProcBoost(extra int) *procBoost {
	if extra <= 0 {
		return nil
	}
	return &procBoost{extra: extra, linger: boostLinger, set: runtime.GOMAXPROCS, reset: runtime.SetDefaultGOMAXPROCS}
}

// enter is called when a hash starts.
func (b *procBoost) enter() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.running++
	b.gen++ // whatever lowering was pending is void
	if !b.raised {
		b.set(b.set(0) + b.extra)
		b.raised = true
	}
}

// exit is called when a hash ends; the last one starts the linger.
func (b *procBoost) exit() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.running--
	if b.running > 0 || !b.raised {
		return
	}
	b.gen++
	gen := b.gen
	time.AfterFunc(b.linger, func() { b.lower(gen) })
}

// lower gives the runtime its default back, unless a hash came after idle period gen began.
func (b *procBoost) lower(gen int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen != b.gen || b.running > 0 || !b.raised {
		return
	}
	b.reset()
	b.raised = false
}
