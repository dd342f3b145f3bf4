package session

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// The early chain of a key request (docs/protocol.md §3.9), both sides.

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
