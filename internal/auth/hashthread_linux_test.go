//go:build linux

package auth

import (
	"runtime"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/sys/unix"
)

// TestHashThreadNice: the hash runs on another thread than the caller's, at the nice value
// asked for, and the caller's thread keeps its own. (The kernel's getpriority answers
// 20 - nice.)
func TestHashThreadNice(t *testing.T) {
	runtime.LockOSThread() // the caller's thread, to compare with
	defer runtime.UnlockOSThread()
	callerTid := unix.Gettid()
	callerPrio, err := unix.Getpriority(unix.PRIO_PROCESS, callerTid)
	if err != nil {
		t.Fatal(err)
	}
	for _, nice := range []int{19, 0} {
		h := &Hasher{nice: nice, threadCPU: threadCPUTime}
		var tid, prio int
		_, _, err := onHashThread(h, func() ([]byte, error) {
			tid = unix.Gettid()
			var err error
			prio, err = unix.Getpriority(unix.PRIO_PROCESS, tid)
			return nil, err
		})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case nice == 0 && (tid != callerTid || prio != callerPrio):
			t.Errorf("nice 0: ran on thread %d at %d, want the caller's %d at %d", tid, prio, callerTid, callerPrio)
		case nice != 0 && (tid == callerTid || prio != 20-nice):
			t.Errorf("nice %d: ran on thread %d (caller %d) at priority %d, want another thread at %d", nice, tid, callerTid, prio, 20-nice)
		}
	}
	if p, _ := unix.Getpriority(unix.PRIO_PROCESS, callerTid); p != callerPrio {
		t.Fatalf("the caller's thread moved from %d to %d", callerPrio, p)
	}
}

// TestHashThreadCPU: the CPU time returned is the hash's own on its thread: a computation
// that sleeps costs next to none of its wall time; one that spins costs some.
func TestHashThreadCPU(t *testing.T) {
	for _, nice := range []int{19, 0} {
		h := &Hasher{nice: nice, threadCPU: threadCPUTime}
		_, slept, err := onHashThread(h, func() ([]byte, error) {
			time.Sleep(50 * time.Millisecond)
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		_, spun, err := onHashThread(h, func() ([]byte, error) {
			return bcrypt.GenerateFromPassword([]byte("secret123"), 6)
		})
		if err != nil {
			t.Fatal(err)
		}
		if slept < 0 || slept > 10*time.Millisecond || spun <= 0 {
			t.Errorf("nice %d: a 50 ms sleep took %s of CPU (want < 10ms), a bcrypt %s (want > 0)", nice, slept, spun)
		}
	}
}
