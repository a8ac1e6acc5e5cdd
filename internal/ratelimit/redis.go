package ratelimit

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is a Limiter whose counters live in Redis, shared by every instance of the
// service: a client gets Max requests per window whichever instance answers.
type Redis struct {
	client   *redis.Client
	limit    int
	interval time.Duration
	prefix   string
	now      func() time.Time
}

// hit counts one hit and returns the count and the milliseconds left in the window. The
// first hit of a window sets its expiry; INCR and PEXPIRE run as one script, so a window
// can never be left without an expiry.
var hit = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`)

// NewRedis connects to the Redis at url (redis://[user:pass@]host:port/db or rediss://).
func NewRedis(ctx context.Context, url string, limit int, interval time.Duration) (*Redis, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		// A *url.Error quotes the whole URL, its password included: say only what is wrong.
		var ue *neturl.Error
		if errors.As(err, &ue) {
			return nil, fmt.Errorf("REDIS_URL: %v", ue.Err)
		}
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout = 2*time.Second, time.Second, time.Second
	c := redis.NewClient(opts)
	if err := c.Ping(ctx).Err(); err != nil {
		c.Close()
		return nil, fmt.Errorf("connect to Redis: %w", err)
	}
	return &Redis{client: c, limit: limit, interval: interval, prefix: "mtb:ratelimit:", now: time.Now}, nil
}

// Hit counts one hit on key.
func (r *Redis) Hit(ctx context.Context, key string) (Result, error) {
	v, err := hit.Run(ctx, r.client, []string{r.prefix + key}, r.interval.Milliseconds()).Int64Slice()
	if err != nil {
		return Result{}, fmt.Errorf("redis rate limit: %w", err)
	}
	reset := r.now().Add(time.Duration(v[1]) * time.Millisecond)
	return result(r.limit, int(v[0]), reset), nil
}

// Close closes the connection pool.
func (r *Redis) Close() error { return r.client.Close() }
