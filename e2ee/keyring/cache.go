package keyring

import (
	"crypto/ed25519"
	"crypto/subtle"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Cache defaults.
const (
	DefaultCacheKeys = 4096
	DefaultCacheTTL  = time.Hour
)

// ErrKeyConflict is returned by Cache.Add when the key id is already cached
// with different key bytes.
var ErrKeyConflict = errors.New("keyring: key id already cached with a different key")

// CacheConfig configures a Cache. The zero value is valid.
type CacheConfig struct {
	// MaxKeys bounds the number of cached keys; 0 means DefaultCacheKeys.
	// When full, expired keys are dropped first, then the one expiring
	// soonest.
	MaxKeys int
	// TTL caps how long a key stays cached (also when the key response gives
	// no or a later expiry); 0 means DefaultCacheTTL.
	TTL time.Duration
	// Window is the replay window size per key; 0 means
	// envelope.DefaultReplayWindow.
	Window int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

type cached struct {
	key     [envelope.KeySize]byte
	win     *envelope.ReplayWindow
	sender  ed25519.PublicKey
	expires time.Time
	scope   envelope.KeyScope
	origin  Origin
}

// Origin names the originator of a received key: the delegate address
// (20 bytes) of the verified key response's chain. The zero value is
// unknown.
type Origin [20]byte

// ErrScopeConflict is returned by Cache.AddScoped when the key id is already
// cached with a different scope or originator.
var ErrScopeConflict = errors.New("keyring: key id already cached with a different scope")

// Cache holds payload keys fetched from originators, each with its replay
// window and the originator's client-session public key. It implements
// envelope.KeyLookup and is safe for concurrent use.
//
// A key evicted before its expiry loses its replay window; if it is fetched
// again, only the timestamp bound (envelope.OpenOptions.MaxAge) protects
// against replays of its older messages, so size MaxKeys generously.
type Cache struct {
	max    int
	ttl    time.Duration
	window int
	now    func() time.Time

	mu   sync.Mutex
	keys map[string]*cached
}

// NewCache returns an empty Cache.
func NewCache(cfg CacheConfig) *Cache {
	c := &Cache{max: cfg.MaxKeys, ttl: cfg.TTL, window: cfg.Window, now: cfg.Now, keys: make(map[string]*cached)}
	if c.max <= 0 {
		c.max = DefaultCacheKeys
	}
	if c.ttl <= 0 {
		c.ttl = DefaultCacheTTL
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c
}

// Add caches key under id (the ppt_keyid wire form) with the originator's
// Ed25519 public key sender (nil if unknown) until expires (zero: TTL; later
// than now+TTL: capped). Call it only with keys from a verified key response.
// Adding the same id and key again updates sender and expiry and keeps the
// replay window; a different key for a cached id fails with ErrKeyConflict.
// The cache keeps its own copy of key.
func (c *Cache) Add(id string, key *[envelope.KeySize]byte, sender ed25519.PublicKey, expires time.Time) error {
	return c.AddScoped(id, key, sender, expires, envelope.KeyScope{}, Origin{})
}

// AddScoped is Add for a key whose verified key response states its scope
// (URI scope and the kinds of the originator's role) and originator:
// LookupKey returns the scope, so that envelope.Opener.Open rejects the key
// outside it (envelope.ErrKeyScope). Adding a cached id again with another
// scope or originator fails with ErrScopeConflict.
func (c *Cache) AddScoped(id string, key *[envelope.KeySize]byte, sender ed25519.PublicKey, expires time.Time, scope envelope.KeyScope, origin Origin) error {
	if !envelope.ValidKeyID(id) {
		return fmt.Errorf("keyring: add: %w", envelope.ErrMalformed)
	}
	if sender != nil && len(sender) != ed25519.PublicKeySize {
		return errors.New("keyring: add: sender key is not an Ed25519 public key")
	}
	now := c.now()
	if limit := now.Add(c.ttl); expires.IsZero() || expires.After(limit) {
		expires = limit
	}
	if !expires.After(now) {
		return errors.New("keyring: add: key already expired")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.keys[id]; e != nil && now.Before(e.expires) {
		if subtle.ConstantTimeCompare(e.key[:], key[:]) != 1 {
			return ErrKeyConflict
		}
		if e.scope != scope || e.origin != origin {
			return ErrScopeConflict
		}
		e.sender = clone(sender)
		e.expires = expires
		return nil
	}
	c.removeLocked(id)
	if len(c.keys) >= c.max {
		c.cleanupLocked(now)
	}
	if len(c.keys) >= c.max {
		c.evictLocked()
	}
	c.keys[id] = &cached{key: *key, win: envelope.NewReplayWindow(c.window), sender: clone(sender), expires: expires,
		scope: scope, origin: origin}
	return nil
}

func clone(p ed25519.PublicKey) ed25519.PublicKey {
	if p == nil {
		return nil
	}
	return append(ed25519.PublicKey(nil), p...)
}

// LookupKey implements envelope.KeyLookup: it copies the key into key and
// returns its replay window and sender key, or an error wrapping
// envelope.ErrUnknownKey if id is not cached or has expired.
func (c *Cache) LookupKey(id string, key *[envelope.KeySize]byte) (envelope.ReceiveState, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.keys[id]
	if e == nil {
		return envelope.ReceiveState{}, envelope.ErrUnknownKey
	}
	if !c.now().Before(e.expires) {
		c.removeLocked(id)
		return envelope.ReceiveState{}, fmt.Errorf("%w: key expired", envelope.ErrUnknownKey)
	}
	*key = e.key
	return envelope.ReceiveState{Window: e.win, Sender: e.sender, Scope: e.scope}, nil
}

// Originator returns the originator recorded for a cached, unexpired key.
func (c *Cache) Originator(id string) (Origin, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.keys[id]
	if e == nil || !c.now().Before(e.expires) || e.origin == (Origin{}) {
		return Origin{}, false
	}
	return e.origin, true
}

// RemoveOriginator drops and zeroes every key of one originator and returns
// how many it removed.
func (c *Cache) RemoveOriginator(o Origin) int {
	if o == (Origin{}) {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for id, e := range c.keys {
		if e.origin == o {
			c.removeLocked(id)
			n++
		}
	}
	return n
}

// Remove drops and zeroes the key id and reports whether it was cached.
func (c *Cache) Remove(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.removeLocked(id)
}

// RemoveLocator drops and zeroes every key of one originator (for example
// when it is revoked) and returns how many it removed.
func (c *Cache) RemoveLocator(l envelope.Locator) int {
	prefix := l.String() + "."
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for id := range c.keys {
		if len(id) > len(prefix) && id[:len(prefix)] == prefix {
			c.removeLocked(id)
			n++
		}
	}
	return n
}

// Cleanup drops and zeroes expired keys and returns how many it removed.
func (c *Cache) Cleanup() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cleanupLocked(c.now())
}

// Len returns the number of cached keys, including expired ones not yet
// cleaned up.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.keys)
}

func (c *Cache) removeLocked(id string) bool {
	e := c.keys[id]
	if e == nil {
		return false
	}
	clear(e.key[:])
	delete(c.keys, id)
	return true
}

func (c *Cache) cleanupLocked(now time.Time) int {
	n := 0
	for id, e := range c.keys {
		if !now.Before(e.expires) {
			c.removeLocked(id)
			n++
		}
	}
	return n
}

// evictLocked removes the key expiring soonest.
func (c *Cache) evictLocked() {
	var victim string
	var first time.Time
	for id, e := range c.keys {
		if victim == "" || e.expires.Before(first) {
			victim, first = id, e.expires
		}
	}
	c.removeLocked(victim)
}
