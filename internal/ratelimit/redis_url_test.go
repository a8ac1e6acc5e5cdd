package ratelimit

import (
	"strings"
	"testing"
	"time"
)

// TestRedisURLErrorHidesPassword: a REDIS_URL that does not parse is reported without the
// URL itself, whose password would reach the log otherwise.
func TestRedisURLErrorHidesPassword(t *testing.T) {
	t.Parallel()
	for _, url := range []string{
		"redis://user:s3cret-pass@redis.internal:zz/0",  // a port that is not a number
		"redis://:s3cret-pass@redis.internal:6379/0%zz", // a bad escape
	} {
		_, err := NewRedis(t.Context(), url, 10, time.Minute)
		if err == nil {
			t.Fatalf("%s: no error", url)
		}
		if msg := err.Error(); strings.Contains(msg, "s3cret-pass") || !strings.HasPrefix(msg, "REDIS_URL: ") {
			t.Errorf("%s: %q", url, msg)
		}
	}
}
