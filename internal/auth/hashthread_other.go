//go:build !linux

package auth

// onHashThread runs fn where it is called: lowering one thread's priority is done on Linux
// only (hashthread_linux.go), where the service runs in production.
func onHashThread(_ *Hasher, fn func() ([]byte, error)) ([]byte, error) {
	return fn()
}
