package keydist

import (
	"sync"
)

// DefaultCacheSize is the default number of entries of the verified-chain
// cache and of the box-key cache.
const DefaultCacheSize = 4096

// peerCache is a bounded concurrent map of per-peer state: box keys by the
// peer's CS key, and the resumption state of known peers (resume.go). When
// full, an arbitrary entry is evicted; an evicted peer only costs its next
// exchange the full (uncached) price. Nothing in it depends on trust: every
// use is preceded by a fresh trust decision, so no entry can outlive a
// revocation.
type peerCache[K comparable, V any] struct {
	mu      sync.Mutex
	size    int
	entries map[K]V
}

func newPeerCache[K comparable, V any](size int) *peerCache[K, V] {
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &peerCache[K, V]{size: size, entries: make(map[K]V)}
}

func (c *peerCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[k]
	return v, ok
}

func (c *peerCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[k]; !ok && len(c.entries) >= c.size {
		for x := range c.entries {
			delete(c.entries, x)
			break
		}
	}
	c.entries[k] = v
}

// update replaces k's value (the zero value if absent) with f's result in
// one locked step, evicting like put, and returns the new value.
func (c *peerCache[K, V]) update(k K, f func(V) V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[k]
	if !ok && len(c.entries) >= c.size {
		for x := range c.entries {
			delete(c.entries, x)
			break
		}
	}
	v = f(v)
	c.entries[k] = v
	return v
}

// boxCache holds precomputed nacl/box shared keys by the peer's CS key.
type boxCache = peerCache[[32]byte, *[32]byte]

func newBoxCache(size int) *boxCache { return newPeerCache[[32]byte, *[32]byte](size) }

// DefaultReplayCapacity is the default number of request nonces remembered
// per freshness window.
const DefaultReplayCapacity = 1 << 16

// replaySet remembers the nonces of admitted requests (Responder.Decide
// records a nonce only after the trust decision admitted the requester, so
// that an untrusted identity spends nothing shared) for at least 2×window
// (a request is acceptable for at most 2×window: issued within ±window of
// now). Two
// generations rotate every 2×window; each holds at most capacity nonces,
// and a full generation refuses new nonces (ErrOverload) rather than forget
// old ones.
type replaySet struct {
	mu       sync.Mutex
	capacity int
	span     int64 // unix ms per generation
	start    int64 // start of the current generation
	cur, old map[[NonceSize]byte]struct{}
}

func newReplaySet(capacity int, spanMs int64) *replaySet {
	if capacity <= 0 {
		capacity = DefaultReplayCapacity
	}
	return &replaySet{capacity: capacity, span: spanMs, cur: make(map[[NonceSize]byte]struct{}), old: make(map[[NonceSize]byte]struct{})}
}

// rotate starts a new generation when the current one is older than span.
// r.mu must be held.
func (r *replaySet) rotate(nowMs int64) {
	if nowMs-r.start >= r.span {
		if nowMs-r.start >= 2*r.span {
			clear(r.old)
		} else {
			r.old, r.cur = r.cur, r.old
		}
		clear(r.cur)
		r.start = nowMs
	}
}

// seenLocked reports whether n was recorded. r.mu must be held.
func (r *replaySet) seenLocked(n *[NonceSize]byte) bool {
	if _, ok := r.cur[*n]; ok {
		return true
	}
	_, ok := r.old[*n]
	return ok
}

// check fails with ErrReplay if n was recorded; it records nothing.
func (r *replaySet) check(n [NonceSize]byte, nowMs int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rotate(nowMs)
	if r.seenLocked(&n) {
		return failf("replay", ErrReplay, "request nonce seen before")
	}
	return nil
}

// add records n at time nowMs; it fails with ErrReplay if n was seen and
// ErrOverload if the set is full.
func (r *replaySet) add(n [NonceSize]byte, nowMs int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rotate(nowMs)
	if r.seenLocked(&n) {
		return failf("replay", ErrReplay, "request nonce seen before")
	}
	if len(r.cur) >= r.capacity {
		return failf("replay", ErrOverload, "replay set full")
	}
	r.cur[n] = struct{}{}
	return nil
}
