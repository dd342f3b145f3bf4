package session

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
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
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
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

type flight struct {
	done chan struct{}
	err  error
}

// unknownFetchShare bounds the concurrent key fetches from key RPCs that
// never answered this node (no knownResponder) to
// MaxFetches/unknownFetchShare, so that messages naming key RPCs that
// never answer, before their breakers open, cannot take every fetch slot
// from the originators this node knows.
const unknownFetchShare = 2

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
	}
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

// allow reports whether requester key may be served (its bucket in l is
// not empty).
func (n *node) allow(l *denialLimiter, key string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return l.allow(key, time.Now())
}

// charge takes a token from requester key's bucket in l.
func (n *node) charge(l *denialLimiter, key string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	l.charge(key, time.Now())
}

// keyHandler is the key RPC of one ring, registered on cl.
func (n *node) keyHandler(cl *client.Client, ring *keyring.Ring) client.InvocationHandler {
	return func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		res, err := n.serveKey(ctx, cl, ring, inv)
		if err != nil {
			uri := denialURI(err)
			n.stats.deny(uri)
			return client.InvokeResult{Err: wamp.URI(uri)}
		}
		n.stats.served.Add(1)
		return client.InvokeResult{Kwargs: res}
	}
}

// sendEarlyChain sends this node's chain to the caller of inv as a
// progressive result when the caller asked for progressive results
// (docs/protocol.md §3.9), so that it can start its trust decision about
// this node while this node decides about it. Failing to send it costs
// the requester only the overlap.
func (n *node) sendEarlyChain(ctx context.Context, cl *client.Client, inv *wamp.Invocation, req *keydist.KeyRequest) {
	if want, _ := inv.Details[wamp.OptReceiveProgress].(bool); !want || cl == nil {
		return
	}
	kw, err := keydist.EncodeEarlyChain(n.responder.EarlyChain(req))
	if err != nil {
		return
	}
	if err := cl.SendProgress(ctx, nil, n.wire(kw)); err == nil {
		n.stats.earlyChainsSent.Add(1)
	}
}

// errNotServed is the node's own denial: the key id is not one it serves, or
// the key's scope does not cover the requested URI (keydist has no sentinel
// for it; it maps to keydist.ErrorURIUnknownKey).
var errNotServed = errors.New("session: key not served for this URI")

// denialURI maps a key-request denial to its WAMP error URI.
func denialURI(err error) string {
	if errors.Is(err, errNotServed) {
		return keydist.ErrorURIUnknownKey
	}
	return keydist.ErrorURI(err)
}

func (n *node) serveKey(ctx context.Context, cl *client.Client, ring *keyring.Ring, inv *wamp.Invocation) (wamp.Dict, error) {
	if len(inv.Arguments) != 0 {
		return nil, &keydist.Error{Step: "decode", Err: keydist.ErrMalformed}
	}
	req, err := keydist.DecodeRequest(inv.ArgumentsKw)
	if err != nil {
		return nil, err
	}
	// Refusals before the request is authenticated are limited by its CS
	// key. Anyone can send requests in the name of any CS key, so this only
	// guards the costly signed path: a resumed request costs an HMAC, and
	// a flood of forged requests naming a victim's CS key must not stop
	// the victim's resumed requests.
	rl := "cs:" + hex.EncodeToString(req.CSPubKey[:])
	signed := req.Auth == keydist.AuthSignature
	if signed && !n.allow(n.csDenials, rl) {
		return nil, &keydist.Error{Step: "rate", Err: keydist.ErrOverload}
	}
	// The delegate the request claims (its chain, verified through the
	// chain cache) is refused before the signature check when it was
	// refused too often: only its own authenticated requests are charged
	// to its bucket, so a flood from an identity the decider refuses costs
	// a decode and a cache lookup per request, and a request forged in
	// another delegate's name costs that delegate nothing.
	claimed, err := n.responder.ClaimedChain(req)
	if err != nil {
		if signed {
			n.charge(n.csDenials, rl)
		}
		return nil, err
	}
	dl := "d:" + claimed.DelegateAddress().Hex()
	if !n.allow(n.delegateDenials, dl) {
		return nil, &keydist.Error{Step: "rate", Err: keydist.ErrOverload}
	}
	ar, err := n.responder.Authenticate(req)
	if err != nil {
		// unknown_peer is the protocol's own fallback (the requester
		// signs next), not a denial to rate-limit: after a restart every
		// resumed requester gets one.
		if signed && !errors.Is(err, keydist.ErrUnknownPeer) {
			n.charge(n.csDenials, rl)
		}
		return nil, err
	}
	// From here the requester is authenticated (its delegate is the one
	// its chain claims): a delegate refused locally gets nothing, not even
	// the early chain.
	delegate := ar.Chain.DelegateAddress()
	if n.isDenied(delegate) {
		n.charge(n.delegateDenials, dl)
		return nil, &keydist.Error{Step: "trust", Err: keydist.ErrUntrusted}
	}
	if req.Auth == keydist.AuthSignature {
		n.sendEarlyChain(ctx, cl, inv, req)
	}
	vr, err := n.responder.Decide(ctx, ar)
	if err != nil {
		// attestation_required on a resumed request is the protocol's
		// fallback too (the requester signs next, with fresh evidence).
		if signed || !errors.Is(err, keydist.ErrAttestationRequired) {
			n.charge(n.delegateDenials, dl)
		}
		if errors.Is(err, keydist.ErrAttestation) || errors.Is(err, keydist.ErrAttestationRequired) {
			n.cfg.Logf("session: key request of %s refused: %s", delegate.Hex(), attest.Reason(err))
		}
		return nil, err
	}
	// A key not served (unknown id, or a scope that does not cover the
	// URI) is not charged to the admitted requester: anyone can make it
	// ask for one, with a made-up key id naming our key RPC or a message
	// redirected by the router.
	info, ok := ring.Lookup(req.KeyID)
	if !ok {
		return nil, fmt.Errorf("session: key request: %w", errNotServed)
	}
	defer info.Wipe()
	scope := keydist.Scope{URI: info.Scope, Match: e2ee.MatchExact}
	if !scope.Covers(req.URI) {
		return nil, fmt.Errorf("session: key request: %w", errNotServed)
	}
	// Each key seals one kind of message (its ring tag): serve it only to
	// the reader role of that kind, and a result key only to the caller it
	// was sealed for (docs/protocol.md §4.4).
	if !tagServes(info.Tag, req.Role, delegate) {
		n.charge(n.delegateDenials, dl)
		return nil, &keydist.Error{Step: "role", Err: keydist.ErrRole}
	}
	expires := info.Expires
	if max := time.Now().Add(keyring.DefaultCacheTTL); expires.IsZero() || expires.After(max) {
		expires = max
	}
	// Re-check the deny list and record the fetch atomically with respect
	// to revoke: either revoke sees this fetch (and rotates the key) or we
	// see the revocation (and refuse).
	n.mu.Lock()
	if n.denied[delegate] {
		n.mu.Unlock()
		n.charge(n.delegateDenials, dl)
		return nil, &keydist.Error{Step: "trust", Err: keydist.ErrUntrusted}
	}
	n.pruneLocked()
	m := n.fetchedBy[delegate]
	if m == nil {
		m = map[string]string{}
		n.fetchedBy[delegate] = m
	}
	m[req.KeyID] = info.Scope
	n.mu.Unlock()
	resp, err := n.responder.Respond(vr, &info.Key, scope, expires)
	if err != nil {
		return nil, err
	}
	kw, err := keydist.EncodeResponse(resp)
	if err != nil {
		return nil, err
	}
	if resp.Auth == keydist.AuthMAC {
		n.stats.resumedServed.Add(1)
	}
	return n.wire(kw), nil
}

// Ring tags: which kind of message a key seals (keyring.Ring.NextTagged).
const (
	tagPublish = "publish"
	tagCall    = "call"
	// tagResultPrefix + the caller's delegate address (lowercase hex, no
	// 0x): the key of results and errors of calls made by that delegate.
	tagResultPrefix = "result:"
)

func resultTag(caller keyring.Origin) string {
	return tagResultPrefix + hex.EncodeToString(caller[:])
}

// tagServes reports whether a key of ring tag tag may be handed to a
// requester in role role whose delegate is delegate.
func tagServes(tag string, role e2ee.Role, delegate common.Address) bool {
	switch {
	case tag == tagPublish:
		return role == e2ee.RoleSubscriber
	case tag == tagCall:
		return role == e2ee.RoleCallee
	case strings.HasPrefix(tag, tagResultPrefix):
		return role == e2ee.RoleCaller && tag == resultTag(keyring.Origin(delegate))
	}
	return false
}

// roleKinds are the kinds a key answered by an originator in role may open.
func roleKinds(role e2ee.Role) envelope.KindSet {
	switch role {
	case e2ee.RolePublisher:
		return envelope.KindSetOf(e2ee.KindPublish)
	case e2ee.RoleCaller:
		return envelope.KindSetOf(e2ee.KindCall)
	case e2ee.RoleCallee:
		return envelope.KindSetOf(e2ee.KindYield, e2ee.KindError)
	}
	return 0
}

// fetchKey makes sure the key keyID is in the cache, fetching it (once for
// concurrent callers) from its originator's key RPC.
//
// Flights and the negative cache are keyed by (key id, URI, role): a router
// that redirects a message to another URI makes that fetch fail, but must
// not poison the key id for its genuine URI.
func (n *node) fetchKey(ctx context.Context, keyID, uri string, role e2ee.Role) error {
	fk := keyID + "|" + string(role) + "|" + uri
	kid, err := envelope.ParseKeyID(keyID)
	if err != nil {
		return err
	}
	n.mu.Lock()
	_, known := n.responders[kid.Locator]
	n.mu.Unlock()
	n.fmu.Lock()
	if f := n.flights[fk]; f != nil {
		n.fmu.Unlock()
		select {
		case <-f.done:
			return f.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if until, ok := n.negative[fk]; ok {
		if time.Now().Before(until) {
			n.fmu.Unlock()
			return ErrRecentlyFailed
		}
		delete(n.negative, fk)
	}
	now := time.Now()
	if b, ok := n.breakers[kid.Locator]; ok && now.Before(b.until) {
		n.fmu.Unlock()
		return ErrKeyRPCUnresponsive
	}
	if len(n.flights) >= n.cfg.MaxFetches ||
		(!known && n.unknownFlights >= max(1, n.cfg.MaxFetches/unknownFetchShare)) {
		n.fmu.Unlock()
		return ErrTooManyFetches
	}
	f := &flight{done: make(chan struct{})}
	n.flights[fk] = f
	if !known {
		n.unknownFlights++
	}
	n.fmu.Unlock()

	f.err = n.doFetch(ctx, keyID, uri, role)

	n.fmu.Lock()
	delete(n.flights, fk)
	if !known {
		n.unknownFlights--
	}
	switch {
	case f.err == nil:
		delete(n.breakers, kid.Locator)
	case errors.Is(f.err, context.DeadlineExceeded) && ctx.Err() == nil:
		n.tripLocked(kid.Locator, time.Now())
	}
	if f.err != nil {
		if len(n.negative) >= maxBuckets {
			n.negative = map[string]time.Time{}
		}
		n.negative[fk] = time.Now().Add(negativeTTL)
	}
	n.fmu.Unlock()
	close(f.done)
	return f.err
}

// Backoff of an unresponsive key RPC (node.breakers): the first timeout
// stops fetches from it for breakerBase, each further one (after the
// backoff, one fetch is tried again) for twice as long, up to breakerMax.
// A fetch that succeeds forgets it.
const (
	breakerBase = 2 * time.Second
	breakerMax  = 2 * time.Minute
	maxBreakers = 4096
)

// breaker is the state of an unresponsive key RPC.
type breaker struct {
	timeouts int
	until    time.Time
}

// tripLocked records a timed-out fetch from loc at now. n.fmu must be held.
// The table is bounded: when full, an entry whose backoff ended goes
// first, else an arbitrary one (which then costs one more timeout).
func (n *node) tripLocked(loc envelope.Locator, now time.Time) {
	b, ok := n.breakers[loc]
	if !ok && len(n.breakers) >= maxBreakers {
		var victim envelope.Locator
		for l, e := range n.breakers {
			victim = l
			if !now.Before(e.until) {
				break
			}
		}
		delete(n.breakers, victim)
	}
	b.timeouts++
	d := breakerMax
	if b.timeouts <= 16 && breakerBase<<(b.timeouts-1) < breakerMax {
		d = breakerBase << (b.timeouts - 1)
	}
	b.until = now.Add(d)
	n.breakers[loc] = b
}

func (n *node) doFetch(ctx context.Context, keyID, uri string, role e2ee.Role) error {
	n.stats.fetches.Add(1)
	err := n.fetchOnce(ctx, keyID, uri, role)
	if err != nil {
		n.stats.fetchFailures.Add(1)
		n.cfg.Logf("session: key fetch for %s (%s) failed: %v", uri, role, err)
	}
	return err
}

func (n *node) fetchOnce(ctx context.Context, keyID, uri string, role e2ee.Role) error {
	kid, err := envelope.ParseKeyID(keyID)
	if err != nil {
		return err
	}
	cl := n.client()
	if cl == nil {
		return ErrNotConnected
	}
	ctx, cancel := context.WithTimeout(ctx, n.cfg.FetchTimeout)
	defer cancel()
	n.prefetchVerdict(ctx, kid.Locator, uri, role)
	var (
		resp *keydist.KeyResponse
		key  [keydist.KeySize]byte
	)
	for attempt := 0; ; attempt++ {
		p, res, err := n.callKeyRPC(ctx, cl, kid, uri, role)
		if err != nil {
			return err
		}
		if len(res.Arguments) != 0 {
			return fmt.Errorf("session: key response: %w", keydist.ErrMalformed)
		}
		if resp, err = keydist.DecodeResponse(res.ArgumentsKw); err != nil {
			return fmt.Errorf("session: key response: %w", err)
		}
		key, err = n.requester.Open(ctx, p, resp)
		if err == nil {
			break
		}
		// The responder's remembered evidence no longer verifies (the
		// policy changed or the quote aged): ask once more, signed, so
		// that it sends fresh evidence.
		if attempt == 0 && p.Request.Auth == keydist.AuthMAC && errors.Is(err, keydist.ErrAttestationRequired) {
			n.requester.Forget(p)
			continue
		}
		return fmt.Errorf("session: key response: %w", err)
	}
	defer func() { key = [keydist.KeySize]byte{} }()
	// The responder's chain was verified inside Open (and is in the shared
	// chain cache: this is a lookup); its delegate is needed for revocation
	// bookkeeping.
	vc, err := n.keyPolicy.VerifyChain(resp.Chain)
	if err != nil {
		return fmt.Errorf("session: key response chain: %w", keydist.ErrMalformed)
	}
	originator := vc.DelegateAddress()
	if n.isDenied(originator) {
		return fmt.Errorf("session: key response: originator revoked: %w", keydist.ErrUntrusted)
	}
	n.rememberResponder(kid.Locator, knownResponder{chain: vc, issuer: resp.Issuer, realm: resp.Realm})
	sender := ed25519.PublicKey(append([]byte(nil), resp.CSPubKey[:]...))
	kinds := roleKinds(resp.Role)
	if kinds == 0 {
		return fmt.Errorf("session: key response: %w", keydist.ErrRole)
	}
	// Cache the key for exactly the URI the trust decision covered (Open asked the decider about
	// uri only), not the wider scope the responder signed: otherwise an originator authorized on
	// one URI could answer with a prefix or wildcard scope and inject on URIs it may not use.
	// keydist already checked that the signed scope covers uri; this node's responders issue
	// exact scopes, so nothing legitimate is lost.
	ks := envelope.KeyScope{URI: uri, Match: e2ee.MatchExact, Kinds: kinds}
	if err := n.cache.AddScoped(keyID, &key, sender, time.UnixMilli(int64(resp.ExpiresAt)), ks, keyring.Origin(originator)); err != nil {
		return fmt.Errorf("session: caching key: %w", err)
	}
	n.mu.Lock()
	if n.denied[originator] {
		// Revoked while the key was being fetched: revoke already purged
		// the cache, so drop this key too.
		n.mu.Unlock()
		n.cache.Remove(keyID)
		return fmt.Errorf("session: key response: originator revoked: %w", keydist.ErrUntrusted)
	}
	n.pruneLocked()
	m := n.keysFrom[originator]
	if m == nil {
		m = map[string]bool{}
		n.keysFrom[originator] = m
	}
	m[keyID] = true
	n.mu.Unlock()
	return nil
}

// callKeyRPC sends a key request for kid to its key RPC. A resumed
// (MACed) request that the originator cannot check — it answers
// unknown_peer after a restart or when it evicted us — is sent once more,
// signed. The router can forge that answer too; it then only costs the
// signatures a first exchange costs.
func (n *node) callKeyRPC(ctx context.Context, cl *client.Client, kid envelope.KeyID, uri string, role e2ee.Role) (*keydist.Pending, *wamp.Result, error) {
	keyID := kid.String()
	p, perr := n.requester.NewRequest(keyID, uri, role)
	for attempt := 0; ; attempt++ {
		if perr != nil {
			return nil, nil, fmt.Errorf("session: building key request: %w", perr)
		}
		kw, err := keydist.EncodeRequest(p.Request)
		if err != nil {
			return nil, nil, fmt.Errorf("session: encoding key request: %w", err)
		}
		if p.Request.Auth == keydist.AuthMAC {
			n.stats.resumedFetches.Add(1)
		}
		early := n.earlyChainFor(ctx, kid, p, uri, role)
		res, err := cl.Call(ctx, kid.KeyRPCURI(n.cfg.KeyRPCPrefix), nil, nil, n.wire(kw), early.handler())
		early.finish()
		if err == nil {
			return p, res, nil
		}
		var re client.RPCError
		if attempt == 0 && p.Request.Auth == keydist.AuthMAC && errors.As(err, &re) && re.Err != nil &&
			(re.Err.Error == keydist.ErrorURIUnknownPeer || re.Err.Error == keydist.ErrorURIAttestationRequired) {
			// The retry is signed, whatever a concurrent exchange with
			// this key RPC stored meanwhile (docs/protocol.md §3.8).
			p, perr = n.requester.Retry(p)
			n.stats.resumeFallbacks.Add(1)
			continue
		}
		return nil, nil, fmt.Errorf("session: calling key RPC: %w", err)
	}
}

// knownResponder is the responder (verified chain, issuer hint, realm) that
// answered the last key request to a locator.
type knownResponder struct {
	chain  *cert.VerifiedChain
	issuer common.Address
	realm  common.Address
}

// maxResponders bounds knownResponder entries (one per locator fetched from).
const maxResponders = 4096

func (n *node) rememberResponder(loc envelope.Locator, r knownResponder) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.responders[loc]; !ok && len(n.responders) >= maxResponders {
		clear(n.responders)
	}
	n.responders[loc] = r
}

// prefetchVerdict asks a decider that implements e2ee.TrustPrefetcher (the
// on-chain verifier; not TOFU, whose Decide pins) to prepare, while a key
// request to loc is in flight, the decision about the responder that
// answered loc's last request, as Requester.Open will ask it about the
// response (same chain, realm, URI, role and issuer hint). A verifier whose
// verdict expired or was invalidated then reads while the originator works
// instead of after the response: Open finds the verdict cached, or joins the
// read in flight. Nothing is decided here: Open still asks about the chain
// that actually answers.
func (n *node) prefetchVerdict(ctx context.Context, loc envelope.Locator, uri string, role e2ee.Role) {
	pf, ok := n.cfg.KeyPolicy.Trust.(e2ee.TrustPrefetcher)
	if !ok {
		return // e.g. TOFU: asking would pin before anything was presented
	}
	n.mu.Lock()
	r, ok := n.responders[loc]
	n.mu.Unlock()
	if !ok || n.isDenied(r.chain.DelegateAddress()) {
		return
	}
	req := e2ee.TrustRequest{Realm: r.realm, URI: uri, Role: keydist.CounterpartRole(role), Chain: r.chain,
		IssuerHint: r.issuer, Peer: r.chain.DelegateAddress().Hex()}
	go pf.Prefetch(ctx, req)
}

// earlyChain is the handling of the early chain (docs/protocol.md §3.9)
// of one key request: for a signed request to a key RPC whose responder
// this node does not know (prefetchVerdict had nothing to prepare), with a
// decider that can prefetch, it starts the decision about the chain the
// responder sends ahead of its answer, so that it runs while the responder
// decides about us. Nothing is decided here: Open still asks about the
// chain of the response, which joins or finds this read.
type earlyChain struct {
	n        *node
	ctx      context.Context
	pf       e2ee.TrustPrefetcher
	keyID    string
	uri      string
	role     e2ee.Role
	started  atomic.Bool
	answered atomic.Bool
	wg       sync.WaitGroup
}

// earlyChainFor returns the early-chain handling of request p, or nil when
// the call should not ask for one.
func (n *node) earlyChainFor(ctx context.Context, kid envelope.KeyID, p *keydist.Pending, uri string, role e2ee.Role) *earlyChain {
	pf, ok := n.cfg.KeyPolicy.Trust.(e2ee.TrustPrefetcher)
	if !ok || p.Request.Auth != keydist.AuthSignature {
		return nil
	}
	n.mu.Lock()
	_, known := n.responders[kid.Locator]
	n.mu.Unlock()
	if known {
		return nil
	}
	return &earlyChain{n: n, ctx: ctx, pf: pf, keyID: p.Request.KeyID, uri: uri, role: role}
}

// handler is the call's progress handler (nil: no progressive results
// asked for). It runs on the client's receive goroutine, so the chain is
// checked on another one; only the first progressive result counts.
func (e *earlyChain) handler() client.ProgressHandler {
	if e == nil {
		return nil
	}
	return func(res *wamp.Result) {
		if e.started.Swap(true) {
			return
		}
		e.wg.Go(func() {
			e.n.prefetchEarly(e, res)
		})
	}
}

// finish marks the call answered (a chain checked after that is not
// prefetched: Open is deciding already) and waits for the check in flight.
func (e *earlyChain) finish() {
	if e == nil {
		return
	}
	e.answered.Store(true)
	e.wg.Wait()
}

// prefetchEarly checks the early chain in res and prefetches the decision
// about it unless the call was answered meanwhile.
func (n *node) prefetchEarly(e *earlyChain, res *wamp.Result) {
	uri := e.uri
	ec, err := n.decodeEarlyChain(res, e.keyID)
	if err != nil {
		n.stats.earlyChainsRejected.Add(1)
		n.cfg.Logf("session: early chain for %s ignored: %v", uri, err)
		return
	}
	pol := &n.cfg.KeyPolicy
	vc, err := n.keyPolicy.VerifyChain(ec.Chain)
	if err != nil {
		n.stats.earlyChainsRejected.Add(1)
		n.cfg.Logf("session: early chain for %s ignored: %v", uri, err)
		return
	}
	if e.answered.Load() || n.isDenied(vc.DelegateAddress()) {
		return
	}
	n.stats.earlyChainsUsed.Add(1)
	// Not waited for (finish waits for this function only): the fetch must not
	// outlast the response for an advisory read. It ends with the fetch's context.
	go e.pf.Prefetch(e.ctx, e2ee.TrustRequest{Realm: pol.Realm, URI: uri, Role: keydist.CounterpartRole(e.role), Chain: vc,
		IssuerHint: ec.Issuer, Peer: vc.DelegateAddress().Hex()})
}

// decodeEarlyChain decodes the early chain in a progressive result to the
// key request for keyID.
func (n *node) decodeEarlyChain(res *wamp.Result, keyID string) (*keydist.EarlyChain, error) {
	if len(res.Arguments) != 0 {
		return nil, fmt.Errorf("early chain: %w", keydist.ErrMalformed)
	}
	ec, err := keydist.DecodeEarlyChain(res.ArgumentsKw)
	if err != nil {
		return nil, fmt.Errorf("early chain: %w", err)
	}
	if ec.KeyID != keyID {
		return nil, fmt.Errorf("early chain: for another key id: %w", keydist.ErrMalformed)
	}
	return ec, nil
}

// Bounds of the revocation bookkeeping.
const (
	// maxOldRings bounds the rings replaced after a squatted key-RPC URI.
	maxOldRings = 8
	// pruneEvery is the minimum interval between prunes of fetchedBy and
	// keysFrom.
	pruneEvery = time.Minute
)

// pruneLocked drops, at most once per pruneEvery, the fetchedBy entries
// whose key has left its ring and the keysFrom entries whose key has left
// the cache: revoke has nothing left to rotate or remove for them, so the
// maps stay as large as the live keys (which the ring and cache bound).
// n.mu must be held; the ring and cache locks are taken under it (neither
// calls back into the node).
func (n *node) pruneLocked() {
	now := time.Now()
	if now.Sub(n.lastPrune) < pruneEvery && !now.Before(n.lastPrune) {
		return
	}
	n.lastPrune = now
	for d, m := range n.fetchedBy {
		for id := range m {
			if !n.ringHasLocked(id) {
				delete(m, id)
			}
		}
		if len(m) == 0 {
			delete(n.fetchedBy, d)
		}
	}
	for o, m := range n.keysFrom {
		for id := range m {
			if _, ok := n.cache.Originator(id); !ok {
				delete(m, id)
			}
		}
		if len(m) == 0 {
			delete(n.keysFrom, o)
		}
	}
}

// ringHasLocked reports whether key id is still served by one of our rings.
func (n *node) ringHasLocked(id string) bool {
	kid, err := envelope.ParseKeyID(id)
	if err != nil {
		return false
	}
	rs := n.rings[kid.Locator]
	if rs == nil {
		return false
	}
	ring := rs.currentRing()
	if ring == nil || ring.Locator() != kid.Locator {
		return false
	}
	info, ok := ring.Lookup(id)
	info.Wipe()
	return ok
}

// revoke denies delegate new keys, rotates every key it fetched from us and
// drops the keys we fetched from it.
func (n *node) revoke(delegate common.Address) {
	n.mu.Lock()
	n.denied[delegate] = true
	n.mu.Unlock()
	n.forgetDelegate(delegate)
}

// forgetDelegate rotates the key scopes delegate fetched and drops the keys
// fetched from it.
func (n *node) forgetDelegate(delegate common.Address) {
	n.mu.Lock()
	fetched := n.fetchedBy[delegate]
	delete(n.fetchedBy, delegate)
	from := n.keysFrom[delegate]
	delete(n.keysFrom, delegate)
	n.mu.Unlock()
	for id, scope := range fetched {
		kid, err := envelope.ParseKeyID(id)
		if err != nil {
			continue
		}
		n.mu.Lock()
		rs := n.rings[kid.Locator]
		n.mu.Unlock()
		if rs == nil {
			continue
		}
		if ring := rs.currentRing(); ring.Locator() == kid.Locator {
			ring.RotateScope(scope)
		}
	}
	for id := range from {
		n.cache.Remove(id)
	}
	n.cache.RemoveOriginator(keyring.Origin(delegate))
}

// revokeMeasurement rotates every key fetched by a peer whose evidence had
// measurement m and drops the keys this node fetched from such peers; the
// peers themselves are refused from now on by the attestation verifier
// (the policy version moved), not by the local deny list.
func (n *node) revokeMeasurement(m [32]byte) {
	seen := map[common.Address]bool{}
	for _, d := range append(n.responder.AttestedWith(m), n.requester.AttestedWith(m)...) {
		if seen[d] {
			continue
		}
		seen[d] = true
		n.forgetDelegate(d)
	}
}

// rotateAll retires every current key of every ring.
func (n *node) rotateAll() {
	for _, rs := range append(append([]*ruleState{}, n.rules...), n.def) {
		if ring := rs.currentRing(); ring != nil {
			ring.RotateAll()
		}
	}
}
