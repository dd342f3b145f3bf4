package session

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// Serving keys: the key RPC of each encrypting rule (docs/protocol.md §3.5).

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
	rl := string(req.CSPubKey[:])
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
	da := claimed.DelegateAddress()
	dl := string(da[:])
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
	n.recordReaderLocked(ring.Locator(), &info, vr.Reader(), delegate)
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
