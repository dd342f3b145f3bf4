package keydist

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"io"

	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
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
}

// Requester is the receiver side of key distribution: it builds signed key
// requests and verifies and opens the responses. It is safe for concurrent
// use.
type Requester struct {
	party
	cfg RequesterConfig
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
		party: p,
		cfg:   cfg,
	}, nil
}

// Pending is a request that was sent and awaits its response. Use it for
// one response only.
type Pending struct {
	// Request is the signed request to send (EncodeRequest).
	Request *KeyRequest
}

// NewRequest builds and signs a request for keyID, needed to open a message
// delivered under the concrete uri, in role (subscriber, callee or caller),
// with a fresh random nonce.
func (q *Requester) NewRequest(keyID, uri string, role e2ee.Role) (*Pending, error) {
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
	if _, err := io.ReadFull(q.cfg.Rand, req.Nonce[:]); err != nil {
		return nil, fail("request", ErrMalformed, err)
	}
	sc := q.pool.Get().(*scratch)
	digest := req.digest(sc, q.domain, q.own.chainHash)
	q.pool.Put(sc)
	sig, err := q.cfg.Identity.Delegate.SignDigest(digest)
	if err != nil || len(sig) != SignatureLength {
		return nil, failf("request", ErrBadSignature, "signing the request failed")
	}
	copy(req.Signature[:], sig)
	return &Pending{Request: req}, nil
}

// Open verifies resp as the answer to p and returns the payload key. It
// checks, failing closed: well-formed; domain and realm; the responder's
// role is the counterpart of ours; resp answers p (key id, request nonce,
// our CS key); the URI scope covers p's URI; not expired; the responder's
// chain verifies (cached by its wire bytes); the signature recovers to the
// delegate of the responder's delegate certificate; the responder's CS key
// is its csPubKey; the trust decision (asked every time, Peer = the
// responder's delegate address) admits it in its role for p's URI. Only
// then does it open the box.
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
	if err := checkSigner(vc, digest, &resp.Signature, &resp.CSPubKey); err != nil {
		return key, err
	}
	if _, err := pol.decide(ctx, vc, resp.Realm, req.URI, resp.Role, resp.Issuer, now); err != nil {
		return key, err
	}
	shared, err := sharedKey(q.boxes, q.boxKey, resp.CSPubKey)
	if err != nil {
		return key, err
	}
	if _, ok := box.OpenAfterPrecomputation(key[:0], resp.Box[:], &resp.BoxNonce, shared); !ok {
		return [KeySize]byte{}, failf("box", ErrBoxOpen, "box does not authenticate")
	}
	return key, nil
}
