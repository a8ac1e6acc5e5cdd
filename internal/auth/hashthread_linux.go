//go:build linux

package auth

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// onHashThread runs fn, one bcrypt computation, on a goroutine locked to an OS thread of
// its own whose nice value is h.nice, and returns its results.
//
// Why: bcrypt is pure CPU for tens of milliseconds. On a thread of normal priority, the
// hashing goroutines of a login flood take every core and every other request (GET
// /api/users/me) waits its turn at the OS scheduler: its p99 grows to tens of
// milliseconds. At nice 19 the kernel gives the CPU to the handlers' threads first, and
// hashing gets whatever they leave, which under a login flood is nearly all of it. Linux
// sets the nice value per thread (setpriority with a thread id), so it must be a thread
// that runs nothing else: the goroutine locks itself to its thread and ends WITHOUT
// unlocking, which makes the runtime terminate that thread rather than hand it, still at
// nice 19, to other goroutines. A thread per hash costs tens of microseconds against a
// hash of tens of milliseconds.
//
// The handlers' threads can only be preferred if they exist: a goroutine running bcrypt
// holds one of the runtime's GOMAXPROCS Ps, so GOMAXPROCS is raised by the number of hash
// workers while hashes run (procBoost; cmd/mtb-api decides).
//
// It also returns the CPU time fn took on its thread (h.threadCPU, read before and after on
// the locked thread, so it counts fn alone): the hash's cost without the load's waits.
func onHashThread(h *Hasher, fn func() ([]byte, error)) ([]byte, time.Duration, error) {
	if h.nice == 0 {
		runtime.LockOSThread() // the thread's CPU clock then counts fn alone
		defer runtime.UnlockOSThread()
		return cpuTimed(h, fn)
	}
	type result struct {
		b   []byte
		cpu time.Duration
		err error
	}
	done := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		// No UnlockOSThread: see above.
		if err := unix.Setpriority(unix.PRIO_PROCESS, unix.Gettid(), h.nice); err != nil {
			// Still hash, at normal priority: slower reads under load, but no failed logins.
			h.niceWarn.Do(func() {
				h.log.Warn("cannot lower the priority of the password hashing threads; hashing at normal priority",
					"nice", h.nice, "err", err)
			})
		}
		b, cpu, err := cpuTimed(h, fn)
		done <- result{b, cpu, err}
	}()
	r := <-done
	return r.b, r.cpu, r.err
}

// cpuTimed runs fn on the current, locked, thread and returns the thread CPU time it took.
func cpuTimed(h *Hasher, fn func() ([]byte, error)) ([]byte, time.Duration, error) {
	start := h.threadCPU()
	b, err := fn()
	return b, h.threadCPU() - start, err
}

// threadCPUTime is the calling thread's CPU time (0 if the clock cannot be read).
func threadCPUTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
