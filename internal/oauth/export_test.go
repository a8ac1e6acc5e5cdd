package oauth

import "time"

// SetClock sets the clock of c's discovery cache.
func SetClock(c *Client, now func() time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = now
}
