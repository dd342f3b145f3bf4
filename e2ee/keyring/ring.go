// Package keyring manages payload keys: on the originating side a Ring that
// issues keys and sequence numbers under a rotation policy and serves them to
// the key RPC; on the receiving side a Cache of fetched keys, each with its
// replay window, that implements envelope.KeyLookup.
//
// Payload keys are 32 random bytes from crypto/rand, named by a key id
// "<locator>.<keytag>" (envelope.KeyID). Key bytes are copied out only into
// caller-owned values (envelope.SealKey, Info) that have Wipe methods and
// String methods that never print them, and are zeroed when a key is removed.
//
// A key is shared by every message of one scope. The scope must not span
// URIs whose readers differ: whoever may fetch the key for one URI of a scope
// can read all of them. The default scope is the URI itself ("per topic").
package keyring

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Defaults of Config and DefaultPolicy.
const (
	DefaultEveryN = 100_000
	DefaultEvery  = time.Hour
	DefaultGrace  = 5 * time.Minute
	// DefaultMaxSlots bounds the current keys of a Ring (one per scope and
	// tag) and, separately, its retired keys.
	DefaultMaxSlots = 4096
	// DefaultMaxIdle retires a current key not used for this long.
	DefaultMaxIdle = 24 * time.Hour
	// sweepEvery is the minimum interval between scans of the current keys.
	sweepEvery = time.Minute
)

// Policy decides which messages share a key and when a key is replaced.
// Rotation happens when either limit is reached (or on demand, see
// Ring.RotateAll and Ring.RotateScope).
type Policy struct {
	// Scope maps a URI to the name of the key scope it belongs to; all URIs
	// of a scope share the current key. Nil means one scope per URI. Use a
	// pattern (e.g. the registration or subscription pattern) only if
	// exactly the same peers may read every URI it matches.
	Scope func(uri string) string
	// EveryN rotates a scope's key after this many messages; 1 rotates per
	// message (one key request per receiver per message: expensive). 0
	// disables count-based rotation.
	EveryN uint64
	// Every rotates a scope's key once it is this old. 0 disables
	// time-based rotation.
	Every time.Duration
}

// PerMessage returns a policy with a fresh key for every message.
func PerMessage() Policy { return Policy{EveryN: 1} }

// PerTopic returns a policy with one key per URI (or per scope, if scope is
// not nil), replaced only on demand.
func PerTopic(scope func(uri string) string) Policy { return Policy{Scope: scope} }

// EveryNMessages returns a policy rotating each URI's key after n messages.
func EveryNMessages(n uint64) Policy { return Policy{EveryN: n} }

// EveryPeriod returns a policy rotating each URI's key once it is d old.
func EveryPeriod(d time.Duration) Policy { return Policy{Every: d} }

// DefaultPolicy rotates each URI's key after DefaultEveryN messages or
// DefaultEvery, whichever comes first (and on demand, e.g. on revocation).
func DefaultPolicy() Policy { return Policy{EveryN: DefaultEveryN, Every: DefaultEvery} }

// Config configures a Ring. The zero value is valid but has no rotation
// (use DefaultPolicy).
type Config struct {
	Policy Policy
	// Locator names this originator's key RPC; the zero value means a random
	// one.
	Locator envelope.Locator
	// KeyRPCPrefix is the realm's key-RPC URI prefix; "" means
	// envelope.DefaultKeyRPCPrefix.
	KeyRPCPrefix string
	// Grace is how long a replaced key remains available to Lookup (so that
	// receivers of in-flight messages can still fetch it). 0 means
	// DefaultGrace; negative means none.
	Grace time.Duration
	// MaxSlots bounds the number of current keys (one per scope and tag,
	// e.g. per procedure and caller for result keys); when a new slot
	// would exceed it, the least recently used current key is retired.
	// Retired keys are bounded by the same number (the oldest are removed
	// before their grace period ends). 0 means DefaultMaxSlots.
	MaxSlots int
	// MaxIdle retires a current key not used for this long (and a key
	// older than Policy.Every), so that slots of peers that never return
	// do not accumulate. 0 means DefaultMaxIdle.
	MaxIdle time.Duration
	// Cipher is the ppt_cipher of every key of the ring (SealKey.Cipher):
	// envelope.CipherXSalsa ("" means the same) or envelope.CipherAESGCM.
	// A key is never used with another cipher.
	Cipher string
	// MaxUses caps the messages sealed under one key; the ring rotates
	// before a key exceeds it, whatever the policy. 0 means the cipher's
	// bound: envelope.GCMMaxMessages for aes256gcm (its random nonces), none
	// for xsalsa20poly1305 (192-bit nonces). A value above the cipher's
	// bound is an error.
	MaxUses uint64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Rand is the key and tag source; nil means crypto/rand. Set only in
	// tests.
	Rand io.Reader
}

// Info describes an issued key for the key RPC. It holds a copy of the key:
// call Wipe when done. Its String method never prints the key.
type Info struct {
	ID envelope.KeyID
	// Scope is the key's scope (the URI under the default policy); the key
	// RPC must check that the requester may read it.
	Scope string
	// Tag is the tag the key was issued under (NextTagged; "" for Next):
	// the session uses it for the message kind (and the audience of result
	// keys), so that the key RPC serves each key only to its reader role.
	Tag string
	Key [envelope.KeySize]byte
	// Created is when the key was generated; Retired when it was replaced
	// (zero while current).
	Created, Retired time.Time
	// Expires is when the key will be removed, if known: Retired + Grace, or
	// Created + Every + Grace while current under a time-based policy; zero
	// otherwise.
	Expires time.Time
}

// Wipe zeroes the key bytes.
func (i *Info) Wipe() { clear(i.Key[:]) }

// String describes i without its key bytes.
func (i Info) String() string {
	return fmt.Sprintf("keyring.Info{ID:%s Scope:%q Created:%s}", i.ID, i.Scope, i.Created.Format(time.RFC3339))
}

// GoString describes i without its key bytes.
func (i Info) GoString() string { return i.String() }

type entry struct {
	id      envelope.KeyID
	idStr   string
	scope   string
	tag     string
	key     [envelope.KeySize]byte
	seq     uint64
	created time.Time
	used    time.Time
	retired time.Time
}

// Ring issues payload keys on the originating side. It is safe for
// concurrent use.
type Ring struct {
	policy  Policy
	cipher  string
	maxUses uint64 // 0: unbounded
	loc     envelope.Locator
	keyRPC  string
	grace   time.Duration
	now     func() time.Time
	rand    io.Reader

	maxSlots int
	maxIdle  time.Duration

	mu        sync.Mutex
	lastSweep time.Time
	current   map[string]*entry // slot(scope, tag) → current key
	byID      map[string]*entry // every key still available (current and retired)
	retired   []*entry          // retired keys in retirement order
}

// New returns a Ring with the given configuration.
func New(cfg Config) (*Ring, error) {
	r := &Ring{
		policy:   cfg.Policy,
		loc:      cfg.Locator,
		grace:    cfg.Grace,
		now:      cfg.Now,
		rand:     cfg.Rand,
		current:  make(map[string]*entry),
		byID:     make(map[string]*entry),
		maxSlots: cfg.MaxSlots,
		maxIdle:  cfg.MaxIdle,
		cipher:   envelope.CipherOrDefault(cfg.Cipher),
		maxUses:  cfg.MaxUses,
	}
	if !envelope.ValidCipher(r.cipher) {
		return nil, fmt.Errorf("keyring: cipher %q: want %s or %s", cfg.Cipher, envelope.CipherXSalsa, envelope.CipherAESGCM)
	}
	if r.cipher == envelope.CipherAESGCM {
		if r.maxUses > envelope.GCMMaxMessages {
			return nil, fmt.Errorf("keyring: MaxUses %d exceeds the aes256gcm bound %d", r.maxUses, envelope.GCMMaxMessages)
		}
		if r.maxUses == 0 {
			r.maxUses = envelope.GCMMaxMessages
		}
	}
	if r.policy.Every < 0 || r.maxSlots < 0 || r.maxIdle < 0 {
		return nil, errors.New("keyring: negative rotation period or limit")
	}
	if r.maxSlots == 0 {
		r.maxSlots = DefaultMaxSlots
	}
	if r.maxIdle == 0 {
		r.maxIdle = DefaultMaxIdle
	}
	if r.grace == 0 {
		r.grace = DefaultGrace
	} else if r.grace < 0 {
		r.grace = 0
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.rand == nil {
		r.rand = rand.Reader
	}
	if r.loc == (envelope.Locator{}) {
		if _, err := io.ReadFull(r.rand, r.loc[:]); err != nil {
			return nil, fmt.Errorf("keyring: random locator: %w", err)
		}
	}
	r.keyRPC = r.loc.KeyRPCURI(cfg.KeyRPCPrefix)
	return r, nil
}

// Locator returns the ring's locator.
func (r *Ring) Locator() envelope.Locator { return r.loc }

// KeyRPCURI returns the URI under which the originator must register its key
// RPC (exact match, single invocation).
func (r *Ring) KeyRPCURI() string { return r.keyRPC }

func (r *Ring) scope(uri string) string {
	if r.policy.Scope == nil {
		return uri
	}
	return r.policy.Scope(uri)
}

// Next fills k with the current key for uri and the next sequence number,
// rotating the scope's key first if the policy says so. k.Seq is ≥ 1 and
// strictly increasing per key. Unless a new key has to be generated, Next
// allocates nothing. Call k.Wipe when done with k.
func (r *Ring) Next(uri string, k *envelope.SealKey) error { return r.NextTagged(uri, "", k) }

// slot is the key of Ring.current: one current key per scope and tag.
func slot(scope, tag string) string {
	if tag == "" {
		return scope
	}
	return scope + "\x00" + tag
}

// NextTagged is Next for a separate key per (scope, tag): keys of
// different tags never coincide, and Lookup reports the tag of a key.
func (r *Ring) NextTagged(uri, tag string, k *envelope.SealKey) error {
	scope := r.scope(uri)
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.current[slot(scope, tag)]
	if e == nil || r.due(e) {
		var err error
		if e, err = r.rotateLocked(scope, tag); err != nil {
			return err
		}
	}
	e.seq++
	e.used = r.now()
	k.ID = e.idStr
	k.KeyRPC = r.keyRPC
	k.Key = e.key
	k.Seq = e.seq
	k.Cipher = r.cipher
	return nil
}

// due reports whether e must be replaced before its next use.
func (r *Ring) due(e *entry) bool {
	if r.policy.EveryN > 0 && e.seq >= r.policy.EveryN || e.seq == math.MaxUint64 ||
		r.maxUses > 0 && e.seq >= r.maxUses {
		return true
	}
	return r.policy.Every > 0 && r.now().Sub(e.created) >= r.policy.Every
}

// rotateLocked retires the current key of scope (if any), removes expired
// keys and installs a fresh key.
func (r *Ring) rotateLocked(scope, tag string) (*entry, error) {
	now := r.now()
	r.cleanupLocked(now)
	e := &entry{scope: scope, tag: tag, created: now, used: now}
	e.id.Locator = r.loc
	if _, err := io.ReadFull(r.rand, e.id.Tag[:]); err != nil {
		return nil, fmt.Errorf("keyring: random key tag: %w", err)
	}
	if _, err := io.ReadFull(r.rand, e.key[:]); err != nil {
		clear(e.key[:])
		return nil, fmt.Errorf("keyring: random key: %w", err)
	}
	e.idStr = e.id.String()
	if _, dup := r.byID[e.idStr]; dup {
		clear(e.key[:])
		return nil, errors.New("keyring: key tag collision (broken random source)")
	}
	if old := r.current[slot(scope, tag)]; old != nil {
		r.retireLocked(old, now)
	} else if len(r.current) >= r.maxSlots {
		// A new slot at the cap: retire the least recently used one.
		var lru *entry
		for _, c := range r.current {
			if lru == nil || c.used.Before(lru.used) {
				lru = c
			}
		}
		if lru != nil {
			r.retireLocked(lru, now)
		}
	}
	r.current[slot(scope, tag)] = e
	r.byID[e.idStr] = e
	return e, nil
}

func (r *Ring) retireLocked(e *entry, now time.Time) {
	e.retired = now
	r.retired = append(r.retired, e)
	if sl := slot(e.scope, e.tag); r.current[sl] == e {
		delete(r.current, sl)
	}
}

// RotateAll retires every current key (each scope gets a fresh key with its
// next message). Retired keys stay available to Lookup for the grace period;
// use RemoveAll to drop them at once. This is the reaction to a revocation:
// the revoked peer may hold current keys but will be refused new ones.
func (r *Ring) RotateAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	for _, e := range r.current {
		r.retireLocked(e, now)
	}
	r.cleanupLocked(now)
}

// RotateScope retires the current keys of one scope (of every tag) and
// reports whether there was one.
func (r *Ring) RotateScope(scope string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	found := false
	for _, e := range r.current {
		if e.scope == scope {
			r.retireLocked(e, now)
			found = true
		}
	}
	return found
}

// RotateURI retires the current key of the scope of uri.
func (r *Ring) RotateURI(uri string) bool { return r.RotateScope(r.scope(uri)) }

// RemoveAll removes and zeroes every key, current and retired, without a
// grace period.
func (r *Ring) RemoveAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, e := range r.byID {
		clear(e.key[:])
		delete(r.byID, id)
	}
	clear(r.current)
	clear(r.retired)
	r.retired = r.retired[:0]
}

// Cleanup retires current keys idle for Config.MaxIdle or older than the
// policy period, removes and zeroes retired keys whose grace period is over
// and returns how many it removed. Rotations also clean up, so calling it is
// needed only to free keys promptly when no messages are sent.
func (r *Ring) Cleanup() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	r.lastSweep = now
	r.sweepLocked(now)
	return r.cleanupLocked(now)
}

func (r *Ring) cleanupLocked(now time.Time) int {
	if now.Sub(r.lastSweep) >= sweepEvery || now.Before(r.lastSweep) {
		r.lastSweep = now
		r.sweepLocked(now)
	}
	n := 0
	for n < len(r.retired) && (now.Sub(r.retired[n].retired) >= r.grace || len(r.retired)-n > r.maxSlots) {
		e := r.retired[n]
		delete(r.byID, e.idStr)
		clear(e.key[:])
		r.retired[n] = nil
		n++
	}
	if n > 0 {
		r.retired = append(r.retired[:0], r.retired[n:]...)
	}
	return n
}

// sweepLocked retires current keys idle for maxIdle or older than the
// policy period (their slot gets a fresh key on its next use).
// A key that became stale longer than the grace period ago is removed at
// once (its grace period, counted from then, is over).
func (r *Ring) sweepLocked(now time.Time) {
	for sl, e := range r.current {
		if !r.staleLocked(e, now) {
			continue
		}
		if now.Sub(r.staleSince(e)) >= r.grace {
			delete(r.current, sl)
			delete(r.byID, e.idStr)
			clear(e.key[:])
			continue
		}
		r.retireLocked(e, now)
	}
}

// staleSince is when e became (or becomes) stale.
func (r *Ring) staleSince(e *entry) time.Time {
	since := e.used.Add(r.maxIdle)
	if r.policy.Every > 0 {
		if t := e.created.Add(r.policy.Every); t.Before(since) {
			since = t
		}
	}
	return since
}

func (r *Ring) staleLocked(e *entry, now time.Time) bool {
	return now.Sub(e.used) >= r.maxIdle || r.policy.Every > 0 && now.Sub(e.created) >= r.policy.Every
}

// Lookup returns the key named id (in its wire form) if it is current or
// within its grace period. The key RPC uses it after authorizing the
// requester for Info.Scope. Call Info.Wipe when done.
func (r *Ring) Lookup(id string) (Info, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.byID[id]
	if e == nil {
		return Info{}, false
	}
	now := r.now()
	if !e.retired.IsZero() && now.Sub(e.retired) >= r.grace {
		return Info{}, false
	}
	if e.retired.IsZero() && r.staleLocked(e, now) && now.Sub(r.staleSince(e)) >= r.grace {
		return Info{}, false // removed by the next sweep
	}
	if e.retired.IsZero() && r.staleLocked(e, now) {
		// Past its period or idle: retire it now (it stays available
		// for the grace period, like any replaced key).
		r.retireLocked(e, now)
	}
	info := Info{ID: e.id, Scope: e.scope, Tag: e.tag, Key: e.key, Created: e.created, Retired: e.retired}
	switch {
	case !e.retired.IsZero():
		info.Expires = e.retired.Add(r.grace)
	case r.policy.Every > 0:
		info.Expires = e.created.Add(r.policy.Every + r.grace)
	}
	return info, true
}

// Len returns the number of keys available to Lookup (current and retired,
// including retired keys not yet cleaned up).
func (r *Ring) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.byID)
}
