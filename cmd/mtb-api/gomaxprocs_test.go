package main

import (
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestHashExtraProcs: with low-priority hashing threads the runtime gets a P more per hash
// worker while hashing, so that the handlers always have one; an explicit GOMAXPROCS, or
// nice 0, keeps the runtime's value.
func TestHashExtraProcs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name       string
		gomaxprocs string
		nice       int
		want       int
	}{
		{"nice: + workers", "", 19, 2},
		{"nice 0: unchanged", "", 0, 0},
		{"GOMAXPROCS set: unchanged", "3", 19, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cfg := config.Config{HashConcurrency: 2, HashNice: c.nice}
			getenv := func(k string) string {
				if k == "GOMAXPROCS" {
					return c.gomaxprocs
				}
				return ""
			}
			if got, why := hashExtraProcs(cfg, getenv); got != c.want || why == "" {
				t.Fatalf("%d (%q), want %d", got, why, c.want)
			}
		})
	}
}
