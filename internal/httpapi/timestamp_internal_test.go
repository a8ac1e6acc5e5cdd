package httpapi

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestTimestamps: timestamps writes what time.Format writes with Strapi's layout, for times
// across the four-digit years, their edges, every millisecond rounding and other zones,
// and falls back to time.Format outside them.
func TestTimestamps(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	times := []time.Time{
		{}, // year 1
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 25, 20, 26, 20, 708_999_999, time.UTC),
		time.Date(2026, 11, 25, 20, 26, 20, 708_000_000, time.FixedZone("", -3*3600)),
		time.Date(2026, 1, 1, 0, 0, 0, 1, time.FixedZone("", 14*3600)),
		time.Now(),
	}
	for range 2000 {
		times = append(times, time.Unix(rng.Int64N(400*365*86400)-100*365*86400, rng.Int64N(1e9)).In(time.FixedZone("", (rng.IntN(27)-12)*3600)))
	}
	for i := 0; i+2 < len(times); i++ {
		a, b, c := timestamps(times[i], times[i+1], times[i+2])
		for j, got := range []string{a, b, c} {
			if want := times[i+j].UTC().Format(timestampLayout); got != want {
				t.Fatalf("%v: %q, want %q", times[i+j], got, want)
			}
		}
	}
}
