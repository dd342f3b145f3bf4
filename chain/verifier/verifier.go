package verifier

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/wamp-e2ee/e2ee-node/bindings"
	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// Verifier is the on-chain e2ee.TrustDecider. It is safe for concurrent use. Close it to stop
// its event follower.
type Verifier struct {
	cfg     Config
	rules   trust.RuleSet
	backend *chain.Backend
	rpc     *rpc.Client
	abi     *bindings.TrustRegistry
	chainID uint64

	mu      sync.RWMutex
	entries map[key]*entry
	// reading holds, per subject, a channel closed when the read in flight
	// for it ends: concurrent misses for one subject share one read.
	reading map[key]chan struct{}
	// wsReads keeps one registry read at a time on a websocket endpoint
	// (see readBatch); a token is held for the read.
	wsReads chan struct{}
	// gen is the trust-state version: bumped by every invalidation, reorg and sync change.
	gen atomic.Uint64
	// att caches attestation facts (see attest.go) under mu; attGen is their version, bumped by
	// every attestation invalidation (a full invalidation included) and sync change.
	att    map[attKey]*attEntry
	attGen atomic.Uint64

	head atomic.Uint64 // highest block number seen
	// processed is the follower's processed block: every registry log it has acted on is in a
	// block ≤ processed. Reads are made at a block ≥ processed (see read). The follower raises
	// it before the invalidation a log causes, and Decide samples gen before loading it, so a
	// read whose gen sample already reflects an invalidation is made at or after that log's
	// block, and a read whose sample predates it cannot be cached (store compares gen). It
	// only decreases when the follower finds the endpoint on another, shorter chain (see
	// belowProcessed), set to its head before every verdict is dropped.
	processed atomic.Uint64
	synced    atomic.Bool  // follower subscribed (or polling) and backfilled
	lastSeen  atomic.Int64 // unix nanos of the follower's last successful contact

	// issuers: the (realm, issuer) pairs of every delegate this verifier admitted, bounded by
	// maxIssuers (issuersFull: more were seen). A change to an operator's admission is reported
	// (RemovedOperator) only when the operator is among them — anyone can file an admission
	// request, and each would otherwise make every node rotate every key — or when the set
	// overflowed.
	issuersMu   sync.Mutex
	issuers     map[[2]common.Address]struct{}
	issuersFull bool

	stats   counters
	logs    chain.LogRanges // the follower's log queries (follower goroutine only, but for its counters)
	f       follower
	ids     eventIDs
	rootSeq map[common.Address]uint64 // follower goroutine only

	cancel context.CancelFunc
	done   chan struct{}
	closed atomic.Bool
}

type counters struct {
	hits, misses, reads, invalidated, events, gaps, reorgs, resyncs atomic.Uint64
}

// Stats are counters of a Verifier since New.
type Stats struct {
	// Hits and Misses count decisions answered from the cache and by a read.
	Hits, Misses uint64
	// Reads counts batched reads (eth_call round trips).
	Reads uint64
	// Invalidated counts verdicts dropped by events, gaps and reorgs.
	Invalidated uint64
	// Events counts registry logs processed.
	Events uint64
	// Gaps counts root sequence gaps, Reorgs chain reorganisations detected.
	Gaps, Reorgs uint64
	// Resyncs counts (re)subscriptions or polling restarts after the first.
	Resyncs uint64
	// Entries is the current number of cached verdicts.
	Entries int
	// Head is the highest block number seen; Synced whether the event stream is live.
	Head   uint64
	Synced bool
	// LogQueries counts eth_getLogs range queries, LogRangeShrinks the times an endpoint's
	// "range too large" halved the range, RateLimited the rate-limited answers waited out.
	LogQueries, LogRangeShrinks, RateLimited uint64
}

// New checks that cfg.Registry holds the TrustRegistry of backend's chain (code present, ERC-5267
// domain naming this chain and address), then starts the event follower. It fails with
// ErrWrongRegistry when the address holds something else.
func New(ctx context.Context, backend *chain.Backend, cfg Config) (*Verifier, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if backend == nil || backend.RPC() == nil {
		return nil, errors.New("verifier: backend without a JSON-RPC client")
	}
	id := backend.ChainID()
	if !id.IsUint64() {
		return nil, fmt.Errorf("verifier: chain id %s does not fit 64 bits", id)
	}
	rules, err := newRules(cfg.Rules)
	if err != nil {
		return nil, err
	}
	cfg.Rules = nil // applied through rules only
	v := &Verifier{
		cfg: cfg, rules: rules, backend: backend, rpc: backend.RPC(), abi: bindings.NewTrustRegistry(), chainID: id.Uint64(),
		entries: make(map[key]*entry), att: make(map[attKey]*attEntry), reading: make(map[key]chan struct{}), issuers: make(map[[2]common.Address]struct{}), wsReads: make(chan struct{}, 1), done: make(chan struct{}),
	}
	v.rootSeq = make(map[common.Address]uint64)
	v.logs.Range, v.logs.MinBackoff, v.logs.MaxWait = cfg.MaxLogRange, cfg.PollInterval/4, cfg.MaxStaleTime
	v.loadEventIDs()
	if err := v.checkRegistry(ctx); err != nil {
		return nil, err
	}
	// The follower starts from this block, so verdicts read before it subscribes are covered
	// by its backfill.
	head, err := backend.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("verifier: read head: %w", err)
	}
	if head.Number == nil || !head.Number.IsUint64() {
		return nil, errors.New("verifier: head without a block number")
	}
	v.f = follower{lastBlock: head.Number.Uint64(), lastHash: head.Hash(), initialized: true}
	v.f.record(v.f.lastBlock, v.f.lastHash)
	if g, err := backend.Client().HeaderByNumber(ctx, new(big.Int)); err == nil {
		v.f.genesis = g.Hash()
	}
	v.noteHead(v.f.lastBlock)
	v.noteProcessed(v.f.lastBlock)
	fctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	go v.run(fctx)
	return v, nil
}

// checkRegistry verifies the registry address on the backend's chain.
func (v *Verifier) checkRegistry(ctx context.Context) error {
	code, err := v.backend.Client().CodeAt(ctx, v.cfg.Registry, nil)
	if err != nil {
		return fmt.Errorf("verifier: read code at %s: %w", v.cfg.Registry.Hex(), err)
	}
	if len(code) == 0 {
		return fmt.Errorf("verifier: %w: no code at %s on chain %d", ErrWrongRegistry, v.cfg.Registry.Hex(), v.chainID)
	}
	reg := chain.NewRegistry(v.backend.Client(), v.cfg.Registry)
	out, err := reg.Call(ctx, v.abi.PackEip712Domain())
	if err != nil {
		return fmt.Errorf("verifier: %w: eip712Domain() at %s: %v", ErrWrongRegistry, v.cfg.Registry.Hex(), err)
	}
	dom, err := v.abi.UnpackEip712Domain(out)
	if err != nil {
		return fmt.Errorf("verifier: %w: decode eip712Domain() at %s: %v", ErrWrongRegistry, v.cfg.Registry.Hex(), err)
	}
	if dom.Name != chain.RelayDomainName || dom.VerifyingContract != v.cfg.Registry || dom.ChainId == nil || !dom.ChainId.IsUint64() || dom.ChainId.Uint64() != v.chainID {
		return fmt.Errorf("verifier: %w: contract at %s reports domain %.40q for chain %v at %s", ErrWrongRegistry, v.cfg.Registry.Hex(), dom.Name, dom.ChainId, dom.VerifyingContract.Hex())
	}
	return nil
}

// Close stops the event follower and waits for it. Decide fails afterwards.
func (v *Verifier) Close() {
	if v.closed.Swap(true) {
		return
	}
	v.cancel()
	<-v.done
	v.synced.Store(false)
}

// Version returns the trust-state version: it changes whenever a cached positive verdict may
// have become negative (an invalidating registry event, a gap, a reorganisation, a loss or
// regain of the event stream). Callers that cache Decide's answers must drop them when it
// changes (e2ee/keydist's Trust.Version).
func (v *Verifier) Version() uint64 { return v.gen.Load() }

// Purge drops every cached verdict (the next decisions read the chain) and bumps Version.
func (v *Verifier) Purge() { v.invalidate(scope{}) }

// Head returns the highest block number the verifier has seen (from the event follower's heads
// and polls and from its reads; 0 before the first). It makes no request: use it where the
// current block is needed on a hot path, such as a key policy's Block.
func (v *Verifier) Head() uint64 { return v.head.Load() }

// Stats returns the verifier's counters.
func (v *Verifier) Stats() Stats {
	v.mu.RLock()
	n := len(v.entries)
	v.mu.RUnlock()
	return Stats{
		Hits: v.stats.hits.Load(), Misses: v.stats.misses.Load(), Reads: v.stats.reads.Load(),
		Invalidated: v.stats.invalidated.Load(), Events: v.stats.events.Load(), Gaps: v.stats.gaps.Load(),
		Reorgs: v.stats.reorgs.Load(), Resyncs: v.stats.resyncs.Load(), Entries: n,
		Head: v.head.Load(), Synced: v.synced.Load(),
		LogQueries: v.logs.Queries.Load(), LogRangeShrinks: v.logs.Shrinks.Load(), RateLimited: v.logs.RateLimited.Load(),
	}
}

// noteHead raises the known head to n.
func (v *Verifier) noteHead(n uint64) {
	for {
		h := v.head.Load()
		if n <= h || v.head.CompareAndSwap(h, n) {
			return
		}
	}
}

// noteProcessed raises the processed block to n (follower goroutine and New only).
func (v *Verifier) noteProcessed(n uint64) {
	if n > v.processed.Load() {
		v.processed.Store(n)
	}
}

// Decide implements e2ee.TrustDecider (see the package documentation for the rules).
func (v *Verifier) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	dec, err, again := v.decide(ctx, req, false)
	if again {
		dec, err, _ = v.decide(ctx, req, false)
	}
	return dec, err
}

var _ e2ee.TrustPrefetcher = (*Verifier)(nil)

// Prefetch implements e2ee.TrustPrefetcher: unless a fresh verdict about
// req's subject is cached, it starts, in the background, the decision
// Decide would make about req and caches it, changing nothing else. A
// Decide about the same chain while the read is in flight joins it.
func (v *Verifier) Prefetch(ctx context.Context, req e2ee.TrustRequest) {
	if k, _, err := v.subject(req); err == nil {
		v.mu.RLock()
		e := v.entries[k]
		v.mu.RUnlock()
		if e != nil {
			if fresh, _ := v.fresh(e); fresh {
				return
			}
		}
	}
	go func() { _, _ = v.Decide(ctx, req) }()
}

// decide is Decide; joined is set on the second pass of a Decide that waited
// for another one's read of the same subject (it then reads itself if the
// verdict could not be cached, rather than waiting again). again reports a
// positive decision to make once more (see admitted).
func (v *Verifier) decide(ctx context.Context, req e2ee.TrustRequest, joined bool) (_ e2ee.TrustDecision, _ error, again bool) {
	if err := ctx.Err(); err != nil {
		return e2ee.TrustDecision{}, fmt.Errorf("on-chain trust: %w: %w", e2ee.ErrTrustUnavailable, err), false
	}
	if v.closed.Load() {
		return e2ee.TrustDecision{}, unavailable(ErrClosed, "decide after Close"), false
	}
	k, expectedRoot, err := v.subject(req)
	if err != nil {
		return e2ee.TrustDecision{}, err, false
	}
	need, reason := v.rules.Allow(req.URI, req.Role)
	if reason != "" {
		return e2ee.TrustDecision{}, untrusted(ReasonURINotAllowed, "%s", reason), false
	}
	now := req.At
	if now.IsZero() {
		now = time.Now()
	}
	// The version is sampled before the lookup: an invalidation after it either removed the
	// entry first or makes the decision carry an outdated version.
	gen := v.gen.Load()
	v.mu.RLock()
	e := v.entries[k]
	v.mu.RUnlock()
	if e != nil {
		if fresh, _ := v.fresh(e); fresh {
			v.stats.hits.Add(1)
			dec, err := v.verdict(e, req, expectedRoot, now, need, gen)
			return dec, err, err == nil && v.admitted(k, gen)
		}
	}
	if !joined {
		if wait, leader := v.lead(k); !leader {
			select {
			case <-wait:
			case <-ctx.Done():
				return e2ee.TrustDecision{}, fmt.Errorf("on-chain trust: %w: %w", e2ee.ErrTrustUnavailable, ctx.Err()), false
			}
			return v.decide(ctx, req, true)
		}
		defer v.finish(k)
	}
	v.stats.misses.Add(1)
	certs := signedDigests(req.Chain)
	ne := &entry{key: k, digests: make([]common.Hash, len(certs))}
	for i, c := range certs {
		ne.digests[i] = c.digest
	}
	var f facts
	for attempt := 0; ; attempt++ {
		gen = v.gen.Load()
		f, err = v.readRetry(ctx, k, certs)
		if err != nil {
			if errors.Is(err, errBehind) {
				return e2ee.TrustDecision{}, unavailable(ErrStale, "delegate %s: the endpoint stays behind the follower's processed block; refusing to decide on older state: %v", k.delegate.Hex(), err), false
			}
			if e != nil {
				_, why := v.fresh(e)
				return e2ee.TrustDecision{}, unavailable(ErrStale, "verdict for delegate %s from block %d is %s, and re-reading failed: %v", k.delegate.Hex(), e.block, why, err), false
			}
			return e2ee.TrustDecision{}, unavailable(ErrUnreachable, "no verdict for delegate %s and the registry cannot be read: %v", k.delegate.Hex(), err), false
		}
		ne.facts = f
		ne.root = f.auth.Root
		if ne.root == (common.Address{}) {
			ne.root = expectedRoot
		}
		// Verdicts that change with time alone (not yet valid, not yet confirmed) or that read
		// could not attribute to one block are not cached. If an event arrived while reading, re-read once so the verdict reflects it.
		if f.uncacheable || f.auth.Status == chain.StatusNotYetValid || f.confirmed != f.auth.Status || v.store(ne, gen) || attempt == 1 {
			break
		}
	}
	// Stamped with the version sampled before this read (the one store checked, if it
	// stored): the facts cover every invalidation it reflects.
	dec, err := v.verdict(ne, req, expectedRoot, now, need, gen)
	return dec, err, err == nil && v.admitted(k, gen)
}

// readRetry is read, repeated once when the endpoint was behind the processed block (a
// load-balanced endpoint may route the second batch to a node that is not).
func (v *Verifier) readRetry(ctx context.Context, k key, certs []signedDigest) (facts, error) {
	f, err := v.read(ctx, k, certs)
	if err != nil && errors.Is(err, errBehind) && ctx.Err() == nil {
		f, err = v.read(ctx, k, certs)
	}
	return f, err
}

// fresh reports whether a cached verdict may be used, and if not, why.
func (v *Verifier) fresh(e *entry) (bool, string) { return v.freshAt(e.block) }

// subject checks the request and the chain against this verifier's chain and configuration and
// returns the cache key and the realm's expected trustroot.
func (v *Verifier) subject(req e2ee.TrustRequest) (key, common.Address, error) {
	c := req.Chain
	if c == nil {
		return key{}, common.Address{}, untrusted(ReasonBadRequest, "no verified certificate chain")
	}
	if !req.Role.Valid() {
		return key{}, common.Address{}, untrusted(ReasonBadRequest, "unknown role %.20q", req.Role)
	}
	if c.ChainID() != v.chainID || c.VerifyingContract() != v.cfg.Registry {
		return key{}, common.Address{}, untrusted(ReasonWrongChain, "certificates name chain %d registry %s, this verifier reads chain %d registry %s",
			c.ChainID(), c.VerifyingContract().Hex(), v.chainID, v.cfg.Registry.Hex())
	}
	expected, ok := v.cfg.Trustroots[req.Realm]
	if !ok {
		return key{}, common.Address{}, untrusted(ReasonRealmNotConfigured, "realm %s has no configured trustroot", req.Realm.Hex())
	}
	k := key{realm: req.Realm, delegate: c.DelegateAddress()}
	if c.Len() > 1 {
		realm, _ := c.Realm()
		if realm != req.Realm {
			return key{}, common.Address{}, untrusted(ReasonRealmMismatch, "chain is for realm %s, request for %s", realm.Hex(), req.Realm.Hex())
		}
		root, _ := c.Trustroot()
		if root != expected {
			return key{}, common.Address{}, untrusted(ReasonRootMismatch, "chain ends in %s, realm %s expects %s", root.Hex(), req.Realm.Hex(), expected.Hex())
		}
		k.issuer, _ = c.Issuer()
	} else if req.IssuerHint != (common.Address{}) {
		k.issuer = req.IssuerHint // verified by authorizationStatus(issuer, …)
	} else {
		k.issuer = expected
	}
	k.digests = digestsKey(c.Digests())
	return k, expected, nil
}

// signedDigests lists every certificate's digest with the account whose revocation counts: the
// delegate for the delegate certificate, the issuer for an authority certificate.
func signedDigests(c *cert.VerifiedChain) []signedDigest {
	ds := c.Digests()
	out := make([]signedDigest, len(ds))
	out[0] = signedDigest{signer: c.DelegateAddress(), digest: ds[0]}
	for i, a := range c.Authorities() {
		if 1+i < len(out) {
			out[1+i] = signedDigest{signer: a.Issuer, digest: ds[1+i]}
		}
	}
	return out
}

// verdict turns facts into a decision for req; ruleCaps are the capability bits the URI rule
// matching req requires. A positive decision carries gen, the trust-state version sampled
// before the facts were looked up or read (never a later one: a yes stamped with a version
// taken after an invalidation would survive the caller's version check).
func (v *Verifier) verdict(e *entry, req e2ee.TrustRequest, expectedRoot common.Address, now time.Time, ruleCaps, gen uint64) (e2ee.TrustDecision, error) {
	if e.revoked >= 0 {
		return e2ee.TrustDecision{}, untrusted(ReasonCertificateRevoked, "certificate %d (digest %s) of the chain is revoked on-chain", e.revoked, e.digests[e.revoked].Hex())
	}
	a := e.auth
	if a.Status != chain.StatusValid {
		return e2ee.TrustDecision{}, &UntrustedError{Reason: a.Status.String(), Status: a.Status,
			Detail: fmt.Sprintf("authorizationStatus(issuer %s, realm %s, delegate %s) at block %d", e.issuer.Hex(), e.realm.Hex(), e.delegate.Hex(), e.block)}
	}
	if e.confirmed != chain.StatusValid {
		return e2ee.TrustDecision{}, &UntrustedError{Reason: ReasonNotConfirmed, Status: e.confirmed,
			Detail: fmt.Sprintf("authorization not valid %d blocks back (%s)", v.backend.Confirmations(), e.confirmed)}
	}
	if a.Root != expectedRoot {
		return e2ee.TrustDecision{}, untrusted(ReasonRootMismatch, "realm %s has root %s on-chain, this node expects %s", e.realm.Hex(), a.Root.Hex(), expectedRoot.Hex())
	}
	if a.ValidUntil != 0 && uint64(max(now.Unix(), 0)) >= a.ValidUntil {
		return e2ee.TrustDecision{}, &UntrustedError{Reason: chain.StatusExpired.String(), Status: chain.StatusExpired, Detail: "authorization window ended"}
	}
	caps := a.IssuerCapabilities
	if cc, ok := req.Chain.Capabilities(); ok {
		caps &= cc
	}
	if need := v.cfg.RoleCapabilities[req.Role]; caps&need != need {
		return e2ee.TrustDecision{}, untrusted(ReasonCapabilities, "role %s needs capabilities %#x, delegate holds %#x", req.Role, need, caps)
	}
	if caps&ruleCaps != ruleCaps {
		return e2ee.TrustDecision{}, untrusted(ReasonURINotAllowed, "the rule for URI %.200q requires capabilities %#x, delegate holds %#x", req.URI, ruleCaps, caps)
	}
	return e2ee.TrustDecision{Trustroot: a.Root, Issuer: e.issuer, Delegate: e.delegate, Capabilities: caps, Version: gen}, nil
}

// lead registers a read of subject k; it reports false, with a channel
// closed when that read ends, if one is already in flight.
func (v *Verifier) lead(k key) (<-chan struct{}, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if ch, ok := v.reading[k]; ok {
		return ch, false
	}
	v.reading[k] = make(chan struct{})
	return nil, true
}

// finish ends the read of subject k registered by lead.
func (v *Verifier) finish(k key) {
	v.mu.Lock()
	ch := v.reading[k]
	delete(v.reading, k)
	v.mu.Unlock()
	close(ch)
}

// newRules validates the URI rules with package trust's rule set (the
// semantics documented on trust.Rule, shared with the standalone and TOFU
// deciders).
func newRules(rules []trust.Rule) (trust.RuleSet, error) {
	rs, err := trust.NewRuleSet(rules)
	if err != nil {
		return trust.RuleSet{}, fmt.Errorf("verifier: URI rules: %w", err)
	}
	return rs, nil
}

// maxIssuers bounds Verifier.issuers.
const maxIssuers = 4096

// noteIssuer records that a delegate of issuer was admitted in realm, and reports whether
// that is news (not recorded before, and the record not overflowed).
func (v *Verifier) noteIssuer(realm, issuer common.Address) bool {
	v.issuersMu.Lock()
	defer v.issuersMu.Unlock()
	k := [2]common.Address{realm, issuer}
	if _, ok := v.issuers[k]; ok || v.issuersFull {
		return false
	}
	if len(v.issuers) >= maxIssuers {
		v.issuersFull = true
		return false
	}
	v.issuers[k] = struct{}{}
	return true
}

// admitted records the issuer of a positive decision about subject k (on every path: read
// or cache hit) and reports whether the decision must be made once more: the issuer was not
// recorded yet and the trust state changed since gen was sampled — an admission change of
// the issuer handled in between was not reported (see Verifier.issuers), and the decision may
// predate it. Made again, it reflects the change, and later ones are reported.
func (v *Verifier) admitted(k key, gen uint64) bool {
	return v.noteIssuer(k.realm, k.issuer) && v.gen.Load() != gen
}

// admittedFrom reports whether a delegate of issuer may have been admitted in realm by this
// verifier (it was, or the record overflowed).
func (v *Verifier) admittedFrom(realm, issuer common.Address) bool {
	v.issuersMu.Lock()
	defer v.issuersMu.Unlock()
	_, ok := v.issuers[[2]common.Address{realm, issuer}]
	return ok || v.issuersFull
}
