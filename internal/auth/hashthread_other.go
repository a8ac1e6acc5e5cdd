//go:build !linux

package auth

import "time"

// onHashThread runs fn where it is called: lowering one thread's priority is done on Linux
// only (hashthread_linux.go), where the service runs in production. No CPU time is
// measured: the hash-time estimate is then its wall time alone.
func onHashThread(_ *Hasher, fn func() ([]byte, error)) ([]byte, time.Duration, error) {
	b, err := fn()
	return b, 0, err
}

// threadCPUTime is unknown here.
func threadCPUTime() time.Duration { return 0 }
