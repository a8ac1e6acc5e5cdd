package main

import (
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/config"
)

// TestHashGOMAXPROCS: with low-priority hashing threads the runtime gets a P more per hash
// worker, so that the handlers always have one; an explicit GOMAXPROCS, or nice 0, keeps
// the runtime's value.
func TestHashGOMAXPROCS(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name       string
		gomaxprocs string
		nice       int
		want       int
	}{
		{"nice: runtime's + workers", "", 19, 2 + 2},
		{"nice 0: unchanged", "", 0, 2},
		{"GOMAXPROCS set: unchanged", "3", 19, 2},
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
			if got, why := hashGOMAXPROCS(cfg, getenv, 2); got != c.want || why == "" {
				t.Fatalf("%d (%q), want %d", got, why, c.want)
			}
		})
	}
}
