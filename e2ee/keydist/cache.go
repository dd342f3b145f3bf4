package keydist

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// DefaultCacheSize is the default number of peers a cache remembers.
const DefaultCacheSize = 4096

// maxVerdicts bounds the positive trust verdicts remembered per peer chain.
const maxVerdicts = 64

type verdictKey struct {
	realm common.Address
	uri   string
	role  Role
}

type chainEntry struct {
	chain    *cert.VerifiedChain
	verdicts map[verdictKey]uint64 // trust version of the positive verdict
}

// peerCache remembers verified chains (by the hash of their certificate
// digests) with positive trust verdicts, and precomputed box keys (by the
// peer's CS key). Bounded: when full, an arbitrary entry is evicted.
type peerCache struct {
	mu     sync.Mutex
	size   int
	chains map[common.Hash]*chainEntry
	boxes  map[[32]byte]*[32]byte
}

func newPeerCache(size int) *peerCache {
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &peerCache{size: size, chains: make(map[common.Hash]*chainEntry), boxes: make(map[[32]byte]*[32]byte)}
}

// verdict returns the cached chain if it holds a positive verdict for vk at
// trust version ver.
func (c *peerCache) verdict(key common.Hash, vk verdictKey, ver uint64) (*cert.VerifiedChain, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.chains[key]
	if !ok {
		return nil, false
	}
	v, ok := e.verdicts[vk]
	if !ok || v != ver {
		return e.chain, false
	}
	return e.chain, true
}

func (c *peerCache) store(key common.Hash, vc *cert.VerifiedChain, vk verdictKey, ver uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.chains[key]
	if !ok {
		if len(c.chains) >= c.size {
			for k := range c.chains {
				delete(c.chains, k)
				break
			}
		}
		e = &chainEntry{chain: vc, verdicts: make(map[verdictKey]uint64)}
		c.chains[key] = e
	}
	if len(e.verdicts) >= maxVerdicts {
		clear(e.verdicts)
	}
	e.verdicts[vk] = ver
}

func (c *peerCache) box(cs [32]byte) (*[32]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.boxes[cs]
	return k, ok
}

func (c *peerCache) storeBox(cs [32]byte, k *[32]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.boxes) >= c.size {
		for x := range c.boxes {
			delete(c.boxes, x)
			break
		}
	}
	c.boxes[cs] = k
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
