package cert

import (
	"container/list"
	"crypto/sha256"
	"sync"
)

// Cache remembers chains that passed Verify so that verifying the same chain
// again costs a hash and a map lookup. It is bounded (least recently used
// entries are evicted) and safe for concurrent use. Failures are never
// cached. A hit is re-checked against the Expect of the call (chain id,
// contract, realm, block), so one Cache can serve several expectations.
type Cache struct {
	mu    sync.Mutex
	max   int
	items map[[32]byte]*list.Element
	order *list.List // front = most recently used
}

// cacheEntry is one cached chain.
type cacheEntry struct {
	key   [32]byte
	chain *VerifiedChain
}

// Key domains keep wire-byte keys and digest keys apart.
const (
	keyDomainJSON    = "wmp-chain-json\x00"
	keyDomainCBOR    = "wmp-chain-cbor\x00"
	keyDomainDigests = "wmp-chain-digests\x00"
)

// NewCache returns a cache holding at most size chains (minimum 1).
func NewCache(size int) *Cache {
	return &Cache{max: max(size, 1), items: make(map[[32]byte]*list.Element), order: list.New()}
}

// Len returns the number of cached chains.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// Purge drops every cached chain.
func (c *Cache) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.items)
	c.order.Init()
}

// get returns the cached chain for key if it also matches exp.
func (c *Cache) get(key [32]byte, exp Expect) *VerifiedChain {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	v := el.Value.(*cacheEntry).chain
	if !v.matches(exp) {
		return nil
	}
	return v
}

// put stores a verified chain under key, evicting the oldest if full.
func (c *Cache) put(key [32]byte, v *VerifiedChain) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*cacheEntry).chain = v
		c.order.MoveToFront(el)
		return
	}
	for c.order.Len() >= c.max {
		old := c.order.Back()
		delete(c.items, old.Value.(*cacheEntry).key)
		c.order.Remove(old)
	}
	c.items[key] = c.order.PushFront(&cacheEntry{key: key, chain: v})
}

// wireKey hashes encoded chain bytes under a domain.
func wireKey(domain string, raw []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(domain))
	h.Write(raw)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Verify is Verify with caching, keyed by the certificates' digests and
// signatures.
func (c *Cache) Verify(chain []Certificate, exp Expect) (*VerifiedChain, error) {
	digests, err := digestsOf(chain)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write([]byte(keyDomainDigests))
	for i := range chain {
		h.Write(digests[i][:])
		h.Write(chain[i].Signature[:])
	}
	var key [32]byte
	h.Sum(key[:0])
	if v := c.get(key, exp); v != nil {
		return v, nil
	}
	v, err := verify(chain, digests, exp)
	if err != nil {
		return nil, err
	}
	c.put(key, v)
	return v, nil
}

// VerifyJSON parses a JSON chain (ParseChainJSON) and verifies it, keyed by
// SHA-256 of the exact bytes: a chain seen before costs one hash.
func (c *Cache) VerifyJSON(raw []byte, exp Expect) (*VerifiedChain, error) {
	return c.verifyWire(keyDomainJSON, raw, exp, ParseChainJSON)
}

// VerifyCBOR parses a CBOR chain (ParseChainCBOR) and verifies it, keyed by
// SHA-256 of the exact bytes.
func (c *Cache) VerifyCBOR(raw []byte, exp Expect) (*VerifiedChain, error) {
	return c.verifyWire(keyDomainCBOR, raw, exp, ParseChainCBOR)
}

// verifyWire implements VerifyJSON and VerifyCBOR.
func (c *Cache) verifyWire(domain string, raw []byte, exp Expect, parse func([]byte) ([]Certificate, error)) (*VerifiedChain, error) {
	if len(raw) > MaxChainSize {
		return nil, ruleErr("FORMAT", -1, ErrMalformed, "chain is %d bytes, more than %d", len(raw), MaxChainSize)
	}
	key := wireKey(domain, raw)
	if v := c.get(key, exp); v != nil {
		return v, nil
	}
	chain, err := parse(raw)
	if err != nil {
		return nil, ruleErr("FORMAT", -1, ErrMalformed, "%v", err)
	}
	v, err := Verify(chain, exp)
	if err != nil {
		return nil, err
	}
	c.put(key, v)
	return v, nil
}
