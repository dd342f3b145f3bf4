package session

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// Errors of key fetching, wrapped with context.
var (
	// ErrTooManyFetches: MaxFetches key fetches are already running.
	ErrTooManyFetches = errors.New("session: too many concurrent key fetches")
	// ErrRecentlyFailed: a fetch for this key id failed moments ago.
	ErrRecentlyFailed = errors.New("session: key fetch failed recently")
	// ErrNotConnected: the session has no connection to the router.
	ErrNotConnected = errors.New("session: not connected")
	// ErrClosed: the session was closed.
	ErrClosed = errors.New("session: closed")
	// ErrKeyRPCUnresponsive: a fetch from this key id's key RPC (its
	// locator) timed out moments ago; it is not asked again until its
	// backoff ends.
	ErrKeyRPCUnresponsive = errors.New("session: key RPC did not answer recently")
)

// ruleState is a rule with its key ring (nil when the rule does not
// encrypt). The ring is replaced when its key-RPC URI is taken.
type ruleState struct {
	rule Rule
	mu   sync.Mutex
	ring *keyring.Ring
}

func (r *ruleState) currentRing() *keyring.Ring {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ring
}

// maxBuckets bounds each denial limiter's table and the negative fetch
// cache.
const maxBuckets = 65536

// node is the state of a Session that outlives connections: rules and key
// rings, received keys, key-distribution endpoints, counters, revocations.
type node struct {
	cfg   Config
	stats counters
	rules []*ruleState
	def   *ruleState
	cache *keyring.Cache

	requester *keydist.Requester
	responder *keydist.Responder
	signer    ed25519.PrivateKey
	// certs is the verified-chain cache shared with requester and
	// responder: after Requester.Open verified a responder's chain, looking
	// it up again is a hash and a map lookup (not a second CBOR parse).
	certs *cert.Cache
	// keyPolicy is the key-distribution policy of requester and responder
	// (Certs set), for the chains the node verifies itself.
	keyPolicy keydist.Policy

	clMu sync.RWMutex
	cl   *client.Client

	fmu      sync.Mutex
	flights  map[string]*flight
	negative map[string]time.Time
	// breakers remembers the key RPCs (locators) whose fetch timed out:
	// until their backoff ends, fetches from them fail at once, so that
	// messages naming a key RPC that never answers (a bogus key id) cost
	// one timeout, not one per key id.
	breakers map[envelope.Locator]breaker
	// unknownFlights counts the flights to locators without a
	// knownResponder.
	unknownFlights int

	mu        sync.Mutex
	rings     map[envelope.Locator]*ruleState // every ring ever used → its rule
	oldRings  map[envelope.Locator]*keyring.Ring
	denied    map[common.Address]bool
	fetchedBy map[common.Address]map[string]string // requester delegate → key id → scope
	keysFrom  map[common.Address]map[string]bool   // originator delegate → key ids cached
	// responders remembers, per key-RPC locator, the responder verified by
	// the last key fetched from it (see prefetchVerdict).
	responders map[envelope.Locator]knownResponder
	// lastPrune is when fetchedBy and keysFrom were last pruned (prune).
	lastPrune time.Time
	// csDenials limits denials per requester CS key (not yet verified:
	// the request failed before its signature or MAC did), delegateDenials
	// per verified delegate address; apart, so that a flood of made-up CS
	// keys cannot evict the buckets of verified delegates.
	csDenials, delegateDenials *denialLimiter
	// readers: per key slot, the readers served a key of it, to push its
	// next key to (push.go); readerCount counts them over all slots.
	readers     map[pushSlot]map[[32]byte]*pushReader
	readerCount int
	pushSeq     atomic.Uint64
	// pushTopic is this node's push topic (keydist.PushTopic).
	pushTopic string
}

// denyTrust puts the local deny list in front of the configured decider.
type denyTrust struct {
	inner e2ee.TrustDecider
	n     *node
}

func (d denyTrust) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	if req.Chain != nil && d.n.isDenied(req.Chain.DelegateAddress()) {
		return e2ee.TrustDecision{}, fmt.Errorf("session: delegate revoked locally: %w", e2ee.ErrUntrusted)
	}
	return d.inner.Decide(ctx, req)
}

func newNode(cfg Config) (*node, error) {
	n := &node{
		cfg:             cfg,
		cache:           keyring.NewCache(cfg.Cache),
		flights:         map[string]*flight{},
		negative:        map[string]time.Time{},
		breakers:        map[envelope.Locator]breaker{},
		rings:           map[envelope.Locator]*ruleState{},
		oldRings:        map[envelope.Locator]*keyring.Ring{},
		denied:          map[common.Address]bool{},
		fetchedBy:       map[common.Address]map[string]string{},
		keysFrom:        map[common.Address]map[string]bool{},
		csDenials:       newDenialLimiter(cfg.DenyRate, cfg.DenyBurst, maxBuckets),
		delegateDenials: newDenialLimiter(cfg.DenyRate, cfg.DenyBurst, maxBuckets),

		responders: map[envelope.Locator]knownResponder{},
		readers:    map[pushSlot]map[[32]byte]*pushReader{},
	}
	n.pushTopic = keydist.PushTopic(cfg.KeyRPCPrefix, cfg.Identity.Session.PublicKey32())
	n.signer = ed25519.NewKeyFromSeed(cfg.Identity.Session.Seed())
	pol := cfg.KeyPolicy
	pol.Trust = denyTrust{inner: cfg.KeyPolicy.Trust, n: n}
	if pol.Certs == nil {
		pol.Certs = cert.NewCache(keydist.DefaultCacheSize)
	}
	n.certs = pol.Certs
	n.keyPolicy = pol
	var err error
	if n.requester, err = keydist.NewRequester(keydist.RequesterConfig{Policy: pol, Identity: cfg.Identity, SignedOnly: cfg.SignedKeyExchanges}); err != nil {
		return nil, fmt.Errorf("session: key requester: %w", err)
	}
	if n.responder, err = keydist.NewResponder(keydist.ResponderConfig{Policy: pol, Identity: cfg.Identity,
		SignedOnly: cfg.SignedKeyExchanges, ReplayCapacity: cfg.ReplayCapacity}); err != nil {
		return nil, fmt.Errorf("session: key responder: %w", err)
	}
	mk := func(r Rule) (*ruleState, error) {
		rs := &ruleState{rule: r}
		if r.Encrypt {
			ring, err := n.newRing(r, false)
			if err != nil {
				return nil, err
			}
			rs.ring = ring
			n.rings[ring.Locator()] = rs
		}
		return rs, nil
	}
	for _, r := range cfg.Rules {
		rs, err := mk(r)
		if err != nil {
			return nil, err
		}
		n.rules = append(n.rules, rs)
	}
	if n.def, err = mk(cfg.Default); err != nil {
		return nil, err
	}
	return n, nil
}

func (n *node) newRing(r Rule, fresh bool) (*keyring.Ring, error) {
	pol := keyring.DefaultPolicy()
	if r.Rotation != nil {
		pol = *r.Rotation
	}
	kc := keyring.Config{Policy: pol, KeyRPCPrefix: n.cfg.KeyRPCPrefix, Cipher: r.Cipher}
	if !fresh {
		kc.Locator = r.Locator
	}
	ring, err := keyring.New(kc)
	if err != nil {
		return nil, fmt.Errorf("session: key ring: %w", err)
	}
	return ring, nil
}

// rule returns the state of the rule deciding uri.
func (n *node) rule(uri string) *ruleState {
	for _, rs := range n.rules {
		if rs.rule.Matches(uri) {
			return rs
		}
	}
	return n.def
}

func (n *node) client() *client.Client {
	n.clMu.RLock()
	defer n.clMu.RUnlock()
	return n.cl
}

func (n *node) setClient(c *client.Client) {
	n.clMu.Lock()
	n.cl = c
	n.clMu.Unlock()
}

func (n *node) isDenied(a common.Address) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.denied[a]
}

// wire converts binary values of a keydist map for the session serializer.
func (n *node) wire(m map[string]any) wamp.Dict {
	if n.cfg.Serialization == serialize.JSON {
		for k, v := range m {
			if b, ok := v.([]byte); ok {
				m[k] = serialize.BinaryData(b)
			}
		}
	}
	return m
}

// registerKeyRPCs registers the key RPC of every encrypting rule on cl,
// moving a rule to a new locator when its URI is taken.
func (n *node) registerKeyRPCs(cl *client.Client) error {
	all := append(append([]*ruleState{}, n.rules...), n.def)
	for _, rs := range all {
		if !rs.rule.Encrypt {
			continue
		}
		var err error
		for range DefaultKeyRPCAttempts {
			ring := rs.currentRing()
			uri := ring.KeyRPCURI()
			err = cl.Register(uri, n.keyHandler(cl, ring),
				wamp.Dict{wamp.OptMatch: wamp.MatchExact, wamp.OptInvoke: wamp.InvokeSingle})
			if err == nil {
				break
			}
			if !strings.Contains(err.Error(), string(wamp.ErrProcedureAlreadyExists)) {
				return fmt.Errorf("session: registering key RPC: %w", err)
			}
			n.stats.rpcRetries.Add(1)
			n.cfg.Logf("session: key RPC %s is taken; moving to a new locator", uri)
			nr, rerr := n.newRing(rs.rule, true)
			if rerr != nil {
				return rerr
			}
			n.mu.Lock()
			if len(n.oldRings) >= maxOldRings {
				for l, old := range n.oldRings {
					delete(n.oldRings, l)
					old.RemoveAll()
					break
				}
			}
			n.oldRings[ring.Locator()] = ring
			n.rings[nr.Locator()] = rs
			n.mu.Unlock()
			rs.mu.Lock()
			rs.ring = nr
			rs.mu.Unlock()
		}
		if err != nil {
			return fmt.Errorf("session: key RPC URIs taken %d times: %w", DefaultKeyRPCAttempts, err)
		}
	}
	return nil
}
