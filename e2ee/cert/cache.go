package cert

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"sync"

	"github.com/ethereum/go-ethereum/common"
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
	keyDomainJSON   = "wmp-chain-json\x00"
	keyDomainCBOR   = "wmp-chain-cbor\x00"
	keyDomainFields = "wmp-chain-fields\x00"
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

// keyHasher is pooled SHA-256 scratch for fieldsKey.
type keyHasher struct {
	h   hash.Hash
	buf [192]byte
	out [32]byte
}

var keyHasherPool = sync.Pool{New: func() any { return &keyHasher{h: sha256.New()} }}

// fieldsKey returns the cache key of a parsed chain: SHA-256 over an
// injective encoding of every certificate (kind, fixed-width fields,
// length-prefixed meta, signature). It costs one SHA-256 pass over about
// 180 bytes per certificate and no EIP712 hashing, which is what makes a
// Cache.Verify hit cheap. ok is false for chains Verify rejects outright
// (bad length, a certificate with neither or both messages).
func fieldsKey(chain []Certificate) (key [32]byte, ok bool) {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return key, false
	}
	for i := range chain {
		if chain[i].Kind() == KindInvalid {
			return key, false
		}
	}
	kh := keyHasherPool.Get().(*keyHasher)
	defer keyHasherPool.Put(kh)
	kh.h.Reset()
	b := append(kh.buf[:0], keyDomainFields...)
	b = append(b, byte(len(chain)))
	for i := range chain {
		c := &chain[i]
		var meta string
		if d := c.Delegate; d != nil {
			b = append(b, byte(KindDelegate))
			b = binary.BigEndian.AppendUint64(b, d.ChainID)
			b = append(b, d.VerifyingContract[:]...)
			b = binary.BigEndian.AppendUint64(b, d.ValidFrom)
			b = append(b, d.Delegate[:]...)
			b = append(b, d.CSPubKey[:]...)
			b = binary.BigEndian.AppendUint64(b, d.BootedAt)
			meta = d.Meta
		} else {
			a := c.Authority
			b = append(b, byte(KindAuthority))
			b = binary.BigEndian.AppendUint64(b, a.ChainID)
			b = append(b, a.VerifyingContract[:]...)
			b = binary.BigEndian.AppendUint64(b, a.ValidFrom)
			b = append(b, a.Issuer[:]...)
			b = append(b, a.Subject[:]...)
			b = append(b, a.Realm[:]...)
			b = binary.BigEndian.AppendUint64(b, a.Capabilities)
			meta = a.Meta
		}
		b = binary.BigEndian.AppendUint64(b, uint64(len(meta)))
		kh.h.Write(b)
		for len(meta) > 0 {
			n := copy(kh.buf[:], meta)
			kh.h.Write(kh.buf[:n])
			meta = meta[n:]
		}
		b = append(kh.buf[:0], c.Signature[:]...)
	}
	kh.h.Write(b)
	kh.h.Sum(kh.out[:0])
	return kh.out, true
}

// Verify is Verify with caching, for already parsed certificates. The key
// is SHA-256 over every field and signature of the chain (not the EIP712
// digests), so a hit costs about a microsecond and no Keccak; a miss costs
// a Verify. Certificates are values the caller may change between calls:
// the key covers every field, so a changed certificate is a different
// chain. When the chain arrives as bytes, VerifyJSON or VerifyCBOR is
// cheaper still on a hit (one SHA-256 of the bytes, no parsing).
func (c *Cache) Verify(chain []Certificate, exp Expect) (*VerifiedChain, error) {
	key, ok := fieldsKey(chain)
	if !ok {
		return Verify(chain, exp) // fails, with the rule that says why
	}
	if v := c.get(key, exp); v != nil {
		return v, nil
	}
	v, err := Verify(chain, exp)
	if err != nil {
		return nil, err
	}
	c.put(key, v)
	return v, nil
}

// VerifyJSON parses a JSON chain (ParseChainJSON) and verifies it, keyed by
// SHA-256 of the exact bytes: a chain seen before costs one hash.
func (c *Cache) VerifyJSON(raw []byte, exp Expect) (*VerifiedChain, error) {
	return c.verifyWire(keyDomainJSON, raw, exp, parseChainJSON)
}

// VerifyCBOR parses a CBOR chain (ParseChainCBOR) and verifies it, keyed by
// SHA-256 of the exact bytes.
func (c *Cache) VerifyCBOR(raw []byte, exp Expect) (*VerifiedChain, error) {
	return c.verifyWire(keyDomainCBOR, raw, exp, parseChainCBOR)
}

// verifyWire implements VerifyJSON and VerifyCBOR.
func (c *Cache) verifyWire(domain string, raw []byte, exp Expect, parse func([]byte) ([]Certificate, []common.Hash, error)) (*VerifiedChain, error) {
	if len(raw) > MaxChainSize {
		return nil, ruleErr("FORMAT", -1, ErrMalformed, "chain is %d bytes, more than %d", len(raw), MaxChainSize)
	}
	key := wireKey(domain, raw)
	if v := c.get(key, exp); v != nil {
		return v, nil
	}
	chain, digests, err := parse(raw)
	if err != nil {
		return nil, ruleErr("FORMAT", -1, ErrMalformed, "%v", err)
	}
	v, err := verifyKnown(chain, digests, exp)
	if err != nil {
		return nil, err
	}
	c.put(key, v)
	return v, nil
}
