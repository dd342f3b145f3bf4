package session

import "time"

// denialLimiter is a token bucket of key-request denials per requester
// key, bounded in size. A requester whose bucket is empty is refused before
// any verification work. When the table is full a new key takes the place
// of the fullest of a few sampled entries (see evictOne): a flood of new
// keys evicts entries that were denied little, not the bucket of a
// requester that was denied until it emptied, and never resets the whole
// table. The caller serializes access.
type denialLimiter struct {
	rate    float64 // tokens per second
	burst   float64
	max     int
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// evictionSamples is how many entries a full limiter inspects to choose
// the one to evict.
const evictionSamples = 16

func newDenialLimiter(rate float64, burst, max int) *denialLimiter {
	return &denialLimiter{rate: rate, burst: float64(burst), max: max, buckets: map[string]*bucket{}}
}

// refill brings b up to now.
func (l *denialLimiter) refill(b *bucket, now time.Time) {
	if now.After(b.last) {
		b.tokens = min(b.tokens+now.Sub(b.last).Seconds()*l.rate, l.burst)
		b.last = now
	}
}

// allow reports whether key's bucket holds a token at now.
func (l *denialLimiter) allow(key string, now time.Time) bool {
	b := l.buckets[key]
	if b == nil {
		return true
	}
	l.refill(b, now)
	return b.tokens >= 1
}

// charge takes a token from key's bucket at now.
func (l *denialLimiter) charge(key string, now time.Time) {
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= l.max {
			l.evictOne(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	b.tokens--
	b.last = now
}

// evictOne removes, of evictionSamples entries (Go's map iteration order
// is randomized), the one with the most tokens — a refilled one at once:
// it carries no information. A requester that was denied until its bucket
// emptied is kept unless every sampled entry is as empty, which costs a
// flood burst denials per made-up key instead of one.
func (l *denialLimiter) evictOne(now time.Time) {
	var fullest string
	best := -1.0
	n := 0
	for k, b := range l.buckets {
		l.refill(b, now)
		if b.tokens >= l.burst {
			delete(l.buckets, k)
			return
		}
		if b.tokens > best {
			fullest, best = k, b.tokens
		}
		if n++; n >= evictionSamples {
			break
		}
	}
	delete(l.buckets, fullest)
}
