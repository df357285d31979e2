package server

import (
	"math"
	"sync"
	"time"
)

// rateLimiter is a token bucket per client: rate tokens a second, up to a
// burst of twice that, one token a request. Buckets that have filled up
// again are forgotten, so that the map stays bounded by the clients of the
// last few seconds.
type rateLimiter struct {
	rate  float64 // tokens a second; 0 means no limit
	burst float64
	now   func() time.Time

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets is how many buckets trigger an early sweep of the full ones.
const maxBuckets = 10000

func newRateLimiter(rate float64, now func() time.Time) *rateLimiter {
	if now == nil {
		now = time.Now
	}
	return &rateLimiter{rate: rate, burst: 2 * rate, now: now, buckets: map[string]*bucket{}}
}

// allow takes a token from client's bucket. When there is none it returns
// false and how long until there is one.
func (l *rateLimiter) allow(client string) (bool, time.Duration) {
	if l == nil || l.rate <= 0 {
		return true, 0
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b := l.buckets[client]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[client] = b
	}
	if dt := now.Sub(b.last).Seconds(); dt > 0 {
		b.tokens = math.Min(l.burst, b.tokens+dt*l.rate)
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait
}

// sweep forgets the buckets that are full again (a full bucket and no
// bucket behave the same), once a minute or when there are too many.
func (l *rateLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute && len(l.buckets) < maxBuckets {
		return
	}
	l.lastSweep = now
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// retryAfter returns the seconds of a Retry-After header for a wait: at
// least 1, rounded up.
func retryAfter(wait time.Duration) int {
	s := int(math.Ceil(wait.Seconds()))
	if s < 1 {
		s = 1
	}
	return s
}
