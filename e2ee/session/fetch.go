package session

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// Fetching keys: flights, the negative cache, breakers of key RPCs that do
// not answer, and the key request itself (docs/protocol.md §3.6, §4.5).

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
	return n.storeKey(keyID, uri, kinds, &key, sender, time.UnixMilli(int64(resp.ExpiresAt)), originator) //nolint:gosec // bounded by the decoder
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
	pf.Prefetch(ctx, req)
}
