package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// bufferedLog is the server's log output. Under load the access log is a line per request,
// and a write(2) per line costs as much CPU as a quarter of a GET /api/users/me (make
// bench, LOG_ACCESS rows): lines gather here and reach the output when 64 KiB are waiting,
// at the latest every flushEvery, and at Close. A crash loses at most that long of lines.
type bufferedLog struct {
	mu   sync.Mutex
	w    *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

func newBufferedLog(w io.Writer, flushEvery time.Duration) *bufferedLog {
	b := &bufferedLog{w: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(flushEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.flush()
			case <-b.stop:
				return
			}
		}
	}()
	return b
}

func (b *bufferedLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Write(p)
}

func (b *bufferedLog) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.w.Buffered() > 0 {
		_ = b.w.Flush() // nowhere to report a log output that fails
	}
}

// Close stops the flushing and writes what is left.
func (b *bufferedLog) Close() {
	close(b.stop)
	<-b.done
	b.flush()
}
