package main

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

func TestBufferedLog(t *testing.T) {
	t.Parallel()
	t.Run("lines reach the output without Close, by the ticker", func(t *testing.T) {
		t.Parallel()
		var out apitest.LogBuffer
		b := newBufferedLog(&out, time.Millisecond)
		defer b.Close()
		_, _ = b.Write([]byte("one\n"))
		for deadline := time.Now().Add(10 * time.Second); out.String() != "one\n"; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the line never reached the output: %q", out.String())
			}
		}
	})
	t.Run("Close writes every line, in order, from many writers", func(t *testing.T) {
		t.Parallel()
		var out apitest.LogBuffer
		b := newBufferedLog(&out, time.Hour) // only Close and a full buffer write
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := range 2000 {
					_, _ = b.Write([]byte(strings.Repeat(string(rune('a'+w)), 1+i%50) + "\n"))
				}
			})
		}
		wg.Wait()
		b.Close()
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 8*2000 {
			t.Fatalf("%d lines, want %d", len(lines), 8*2000)
		}
		for _, l := range lines {
			if strings.Trim(l, l[:1]) != "" { // a line is one writer's letters: none interleaved
				t.Fatalf("mixed line %q", l)
			}
		}
	})
}
