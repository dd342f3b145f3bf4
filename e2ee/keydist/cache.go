package keydist

import (
	"sync"
)

// DefaultCacheSize is the default number of entries of the verified-chain
// cache and of the box-key cache.
const DefaultCacheSize = 4096

// boxCache remembers precomputed nacl/box shared keys by the peer's CS key.
// Bounded: when full, an arbitrary entry is evicted. A shared key depends
// only on the two CS keys, never on trust, so it cannot outlive a
// revocation: every use is preceded by a fresh trust decision.
type boxCache struct {
	mu   sync.Mutex
	size int
	keys map[[32]byte]*[32]byte
}

func newBoxCache(size int) *boxCache {
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &boxCache{size: size, keys: make(map[[32]byte]*[32]byte)}
}

func (c *boxCache) get(cs [32]byte) (*[32]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[cs]
	return k, ok
}

func (c *boxCache) put(cs [32]byte, k *[32]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.keys) >= c.size {
		for x := range c.keys {
			delete(c.keys, x)
			break
		}
	}
	c.keys[cs] = k
}

// DefaultReplayCapacity is the default number of request nonces remembered
// per freshness window.
const DefaultReplayCapacity = 1 << 16

// replaySet remembers request nonces for at least 2×window (a request is
// acceptable for at most 2×window: issued within ±window of now). Two
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

// add records n at time nowMs; it fails with ErrReplay if n was seen and
// ErrOverload if the set is full.
func (r *replaySet) add(n [NonceSize]byte, nowMs int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if nowMs-r.start >= r.span {
		if nowMs-r.start >= 2*r.span {
			clear(r.old)
		} else {
			r.old, r.cur = r.cur, r.old
		}
		clear(r.cur)
		r.start = nowMs
	}
	if _, ok := r.cur[n]; ok {
		return failf("replay", ErrReplay, "request nonce seen before")
	}
	if _, ok := r.old[n]; ok {
		return failf("replay", ErrReplay, "request nonce seen before")
	}
	if len(r.cur) >= r.capacity {
		return failf("replay", ErrOverload, "replay set full")
	}
	r.cur[n] = struct{}{}
	return nil
}
