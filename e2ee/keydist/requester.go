package keydist

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/subtle"
	"io"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// RequesterConfig configures a Requester.
type RequesterConfig struct {
	// Policy is what responses (the responder's chain) are checked against.
	Policy Policy
	// Identity is the receiver's own keys and chain.
	Identity Identity
	// CacheSize bounds the verified-chain cache (when Policy.Certs is nil)
	// and the box-key cache (0: DefaultCacheSize).
	CacheSize int
	// Rand is the source of request nonces (nil: crypto/rand).
	Rand io.Reader
	// SignedOnly signs every request: the requester never resumes
	// (docs/protocol.md §3.8), so every request proves possession of the
	// delegate key, at the price of a signature and a recovery per side.
	SignedOnly bool
}

// Requester is the receiver side of key distribution: it builds signed key
// requests and verifies and opens the responses. It is safe for concurrent
// use.
type Requester struct {
	party
	cfg RequesterConfig
	// known: key RPC locator → its resumption state, read and changed in
	// one locked step each (peerCache.update).
	known *peerCache[envelope.Locator, locatorState]
	puts  atomic.Uint64 // numbers known responders (knownResponder.n)
	// pushes: the box nonces (first NonceSize bytes) of accepted pushes.
	pushes *replaySet
}

// locatorState is what a Requester keeps per key RPC: the responder whose
// signed response to a request to it passed all checks (if has), and the
// resumed requests refused since the last resumed exchange that succeeded
// (Forget counts, Open resets); from MaxResumeFallbacks on, requests to it
// stay signed (a SignedOnly responder refuses every resumed request).
type locatorState struct {
	responder knownResponder
	has       bool
	fallbacks int
	// chain and issuer are the responder's verified chain and issuer hint,
	// roles the bits (roleBit) of the roles it answered us in: what
	// OpenPush checks a push from it against.
	chain  *cert.VerifiedChain
	issuer common.Address
	roles  uint8
}

// MaxResumeFallbacks is how many resumed requests to one key RPC may be
// refused (unknown_peer) in a row — with no resumed exchange succeeding in
// between — before the Requester stops resuming with it: one is a
// responder that restarted or evicted us, two in a row after a signed
// exchange each a responder that requires signatures.
const MaxResumeFallbacks = 2

// knownResponder is the responder a signed exchange with a key RPC left,
// numbered so that Forget removes exactly the entry a request used.
type knownResponder struct {
	knownPeer
	n uint64
}

// NewRequester returns a Requester, checking that the configuration is
// complete and that the identity's delegate certificate names its keys.
func NewRequester(cfg RequesterConfig) (*Requester, error) {
	p, err := newParty(&cfg.Policy, cfg.Identity, cfg.CacheSize)
	if err != nil {
		return nil, err
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	return &Requester{
		party:  p,
		cfg:    cfg,
		known:  newPeerCache[envelope.Locator, locatorState](cfg.CacheSize),
		pushes: newReplaySet(0, 2*cfg.Policy.window().Milliseconds()),
	}, nil
}

// Pending is a request that was sent and awaits its response. Use it for
// one response only.
type Pending struct {
	// Request is the authenticated request to send (EncodeRequest).
	Request *KeyRequest
	// resumed is the known responder a resumed request was MACed for.
	resumed *knownResponder
}

// NewRequest builds and authenticates a request for keyID, needed to open
// a message delivered under the concrete uri, in role (subscriber, callee
// or caller), with a fresh random nonce.
//
// If a signed response from keyID's key RPC (its locator) was accepted
// before, the request resumes: it is MACed for that responder's CS key
// (AuthMAC) instead of signed. A responder that does not know us any more
// answers ErrorURIUnknownPeer; ask again with Retry, which signs.
func (q *Requester) NewRequest(keyID, uri string, role e2ee.Role) (*Pending, error) {
	return q.newRequest(keyID, uri, role, true)
}

// Retry is the answer to a resumed request p that the responder refused
// with ErrorURIUnknownPeer: it forgets the responder p was MACed for
// (Forget) and returns a new request for p's key id, URI and role that is
// signed — whatever a concurrent signed exchange with the same key RPC
// stored meanwhile (a request resumed with that responder could be refused
// again: docs/protocol.md §3.8). For a signed p it returns a fresh signed
// request.
func (q *Requester) Retry(p *Pending) (*Pending, error) {
	if p == nil || p.Request == nil {
		return nil, failf("request", ErrMalformed, "no request to retry")
	}
	q.Forget(p)
	return q.newRequest(p.Request.KeyID, p.Request.URI, p.Request.Role, false)
}

func (q *Requester) newRequest(keyID, uri string, role e2ee.Role, resume bool) (*Pending, error) {
	p := &q.cfg.Policy
	req := &KeyRequest{
		ChainID:  p.ChainID,
		Registry: p.Registry,
		Realm:    p.Realm,
		KeyID:    keyID,
		URI:      uri,
		Role:     role,
		CSPubKey: q.csPub,
		Chain:    q.own.wire,
		Issuer:   q.cfg.Identity.Issuer,
		IssuedAt: uint64(p.now().UnixMilli()), //nolint:gosec // after 1970
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	kid, err := envelope.ParseKeyID(keyID)
	if err != nil {
		return nil, fail("request", ErrMalformed, err)
	}
	if _, err := io.ReadFull(q.cfg.Rand, req.Nonce[:]); err != nil {
		return nil, fail("request", ErrMalformed, err)
	}
	pend := &Pending{Request: req}
	if kp, ok := q.resumable(kid.Locator); ok && resume {
		shared, err := sharedKey(q.boxes, q.boxKey, kp.cs)
		if err == nil {
			req.Auth, req.ResponderCSPubKey = AuthMAC, kp.cs
			pend.resumed = &kp
			sc := q.pool.Get().(*scratch)
			digest := req.digest(sc, q.domain, q.own.chainHash)
			q.pool.Put(sc)
			req.MAC = RequestMAC(shared, digest, &kp.cs)
			return pend, nil
		}
		q.known.update(kid.Locator, func(st locatorState) locatorState { st.has = false; return st })
	}
	sc := q.pool.Get().(*scratch)
	digest := req.digest(sc, q.domain, q.own.chainHash)
	q.pool.Put(sc)
	sig, err := q.cfg.Identity.Delegate.SignDigest(digest)
	if err != nil || len(sig) != SignatureLength {
		return nil, failf("request", ErrBadSignature, "signing the request failed")
	}
	copy(req.Signature[:], sig)
	if req.Evidence, err = q.att.own(context.Background(), req.Realm); err != nil {
		return nil, err
	}
	return pend, nil
}

// resumable returns the responder a request to the key RPC at loc may be
// resumed with: none for a SignedOnly requester or once loc refused
// MaxResumeFallbacks resumed requests in a row.
func (q *Requester) resumable(loc envelope.Locator) (knownResponder, bool) {
	if q.cfg.SignedOnly {
		return knownResponder{}, false
	}
	st, _ := q.known.get(loc)
	if !st.has || st.fallbacks >= MaxResumeFallbacks {
		return knownResponder{}, false
	}
	return st.responder, true
}

// Forget drops the responder that p was resumed with (MACed for), so that
// the next request to p's key RPC is signed. Call it when a resumed request
// was answered with ErrorURIUnknownPeer (Retry calls it). It counts the
// refusal and drops the responder only if it is still the one p was MACed
// for (a responder a concurrent signed exchange stored since is kept, and
// a second call for the same p counts nothing); it does nothing for a
// signed p. Once MaxResumeFallbacks resumed requests to one key RPC were
// refused in a row, requests to it are signed until one resumed exchange
// with it succeeds — which, as none is attempted any more, is for the
// Requester's lifetime (or until the locator's entry is evicted).
func (q *Requester) Forget(p *Pending) {
	if p == nil || p.resumed == nil || p.Request == nil {
		return
	}
	kid, err := envelope.ParseKeyID(p.Request.KeyID)
	if err != nil {
		return
	}
	q.known.update(kid.Locator, func(st locatorState) locatorState {
		if st.has && st.responder == *p.resumed {
			st.has = false
			st.fallbacks++
		}
		return st
	})
}

// Open verifies resp as the answer to p and returns the payload key. It
// checks, failing closed: well-formed; domain and realm; the responder's
// role is the counterpart of ours; resp answers p (key id, request nonce,
// our CS key, and the authentication mode of p); the URI scope covers p's
// URI; not expired; the responder's chain verifies (cached by its wire
// bytes); the authentication (below); the trust decision (asked every
// time, Peer = the responder's delegate address) admits it in its role for
// p's URI. Only then does it open the box.
//
// The answer to a signed request must be signed, recover to the delegate
// of the responder's delegate certificate and carry its csPubKey; once the
// box opened, the responder is known for resuming requests to p's key RPC.
// The answer to a resumed request must come from the CS key and chain the
// request was MACed for, and its MAC must verify (ErrBadMAC).
func (q *Requester) Open(ctx context.Context, p *Pending, resp *KeyResponse) (key [KeySize]byte, err error) {
	pol := &q.cfg.Policy
	req := p.Request
	if err := resp.Validate(); err != nil {
		return key, err
	}
	if err := pol.checkDomain(resp.ChainID, resp.Registry, resp.Realm); err != nil {
		return key, err
	}
	if resp.Role != CounterpartRole(req.Role) {
		return key, failf("role", ErrRole, "responder role does not answer our role")
	}
	if resp.KeyID != req.KeyID ||
		subtle.ConstantTimeCompare(resp.RequestNonce[:], req.Nonce[:]) != 1 ||
		subtle.ConstantTimeCompare(resp.RequesterCSPubKey[:], req.CSPubKey[:]) != 1 {
		return key, failf("match", ErrNotOurRequest, "key id, request nonce or CS key differ")
	}
	if resp.Auth != req.Auth || (req.Auth == AuthMAC && resp.CSPubKey != req.ResponderCSPubKey) {
		return key, failf("match", ErrNotOurRequest, "authentication mode or responder CS key differ from the request's")
	}
	if !resp.Scope.Covers(req.URI) {
		return key, failf("scope", ErrScope, "scope does not cover the requested URI")
	}
	now := pol.now()
	if resp.ExpiresAt <= uint64(now.UnixMilli()) { //nolint:gosec // after 1970
		return key, failf("expiry", ErrExpired, "key expired")
	}
	sc := q.pool.Get().(*scratch)
	vc, chainHash, err := pol.verifyChain(sc, resp.Chain)
	if err != nil {
		q.pool.Put(sc)
		return key, err
	}
	digest := resp.digest(sc, q.domain, chainHash)
	q.pool.Put(sc)
	if req.Auth == AuthMAC {
		err = q.checkResumedResponse(vc, chainHash, digest, p.resumed, resp)
	} else {
		err = checkSigner(vc, digest, &resp.Signature, &resp.CSPubKey)
	}
	if err != nil {
		return key, err
	}
	dec, err := pol.decide(ctx, vc, resp.Realm, req.URI, resp.Role, resp.Issuer, now)
	if err != nil {
		return key, err
	}
	if q.att != nil {
		peer := knownPeer{cs: resp.CSPubKey, chainHash: chainHash}
		if err := q.att.check(ctx, resp.ChainID, resp.Realm, dec.Issuer, vc, peer, resp.Evidence, now); err != nil {
			return key, err
		}
	}
	shared, err := sharedKey(q.boxes, q.boxKey, resp.CSPubKey)
	if err != nil {
		return key, err
	}
	if _, ok := box.OpenAfterPrecomputation(key[:0], resp.Box[:], &resp.BoxNonce, shared); !ok {
		return [KeySize]byte{}, failf("box", ErrBoxOpen, "box does not authenticate")
	}
	if kid, err := envelope.ParseKeyID(req.KeyID); err == nil && !q.cfg.SignedOnly {
		switch req.Auth {
		case AuthSignature:
			kr := knownResponder{knownPeer{cs: resp.CSPubKey, chainHash: chainHash}, q.puts.Add(1)}
			q.known.update(kid.Locator, func(st locatorState) locatorState {
				if st.fallbacks < MaxResumeFallbacks {
					if !st.has || st.responder.knownPeer != kr.knownPeer {
						st.roles = 0
					}
					st.responder, st.has = kr, true
					st.chain, st.issuer = vc, resp.Issuer
					st.roles |= roleBit(resp.Role)
				}
				return st
			})
		case AuthMAC:
			// A resumed exchange succeeded: the count is of refusals in a row.
			q.known.update(kid.Locator, func(st locatorState) locatorState {
				st.fallbacks = 0
				if st.has && st.responder == *p.resumed {
					st.roles |= roleBit(resp.Role)
				}
				return st
			})
		}
	}
	return key, nil
}

// checkResumedResponse checks that the answer to a resumed request comes
// with the chain and CS key the request was MACed for and that its MAC
// verifies (before the trust decision, which may read the chain: a forged
// response costs a MAC, not a registry read).
func (q *Requester) checkResumedResponse(vc *cert.VerifiedChain, chainHash, digest common.Hash, kp *knownResponder, resp *KeyResponse) error {
	if kp == nil || kp.chainHash != chainHash {
		return failf("resume", ErrNotOurRequest, "responder chain differs from the one the request was MACed for")
	}
	if err := checkCSKey(vc, &resp.CSPubKey); err != nil {
		return err
	}
	shared, err := sharedKey(q.boxes, q.boxKey, resp.CSPubKey)
	if err != nil {
		return err
	}
	want := ResponseMAC(shared, digest)
	if !hmac.Equal(want[:], resp.MAC[:]) {
		return failf("mac", ErrBadMAC, "response MAC does not verify")
	}
	return nil
}
