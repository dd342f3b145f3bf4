package keydist

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/nacl/box"
)

// RequesterConfig configures a Requester.
type RequesterConfig struct {
	// Policy is what responses (the responder's chain) are checked against.
	Policy Policy
	// Identity is the receiver's own keys and chain.
	Identity Identity
	// CacheSize bounds the per-responder cache (0: DefaultCacheSize).
	CacheSize int
	// Rand is the source of request nonces (nil: crypto/rand).
	Rand io.Reader
}

// Requester is the receiver side of key distribution: it builds signed key
// requests and verifies and opens the responses. It is safe for concurrent
// use.
type Requester struct {
	cfg     RequesterConfig
	digests []common.Hash
	cache   *peerCache
}

// NewRequester returns a Requester, checking that the configuration is
// complete and that the identity's delegate certificate names its keys.
func NewRequester(cfg RequesterConfig) (*Requester, error) {
	if err := cfg.Policy.check(); err != nil {
		return nil, err
	}
	digests, err := cfg.Identity.check()
	if err != nil {
		return nil, err
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	return &Requester{cfg: cfg, digests: digests, cache: newPeerCache(cfg.CacheSize)}, nil
}

// Pending is a request that was sent and awaits its response. Use it for
// one response only.
type Pending struct {
	// Request is the signed request to send (EncodeRequest).
	Request *KeyRequest
}

// NewRequest builds and signs a request for keyID, needed to open a message
// delivered under the concrete uri, in role (subscriber, callee or caller).
func (q *Requester) NewRequest(keyID, uri string, role Role) (*Pending, error) {
	p := &q.cfg.Policy
	req := &KeyRequest{
		ChainID:  p.ChainID,
		Registry: p.Registry,
		Realm:    p.Realm,
		KeyID:    keyID,
		URI:      uri,
		Role:     role,
		CSPubKey: q.cfg.Identity.Session.PublicKey32(),
		Chain:    q.cfg.Identity.Chain,
		IssuedAt: uint64(p.now().UnixMilli()), //nolint:gosec // after 1970
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(q.cfg.Rand, req.Nonce[:]); err != nil {
		return nil, fail("request", ErrMalformed, err)
	}
	sig, err := q.cfg.Identity.Delegate.SignDigest(req.digest(q.digests))
	if err != nil || len(sig) != SignatureLength {
		return nil, failf("request", ErrBadSignature, "signing the request failed")
	}
	copy(req.Signature[:], sig)
	return &Pending{Request: req}, nil
}

// Open verifies resp as the answer to p and returns the payload key. It
// checks, failing closed: well-formed; domain and realm; the responder's
// role is the counterpart of ours; resp answers p (key id, request nonce,
// our CS key); the URI scope covers p's URI; not expired; the signature
// recovers to the delegate of the responder's delegate certificate; the
// responder's CS key is its csPubKey; its chain verifies and the trust
// decision admits it in its role for p's URI. Only then does it open the box.
func (q *Requester) Open(ctx context.Context, p *Pending, resp *KeyResponse) (key [KeySize]byte, err error) {
	pol := &q.cfg.Policy
	req := p.Request
	if err := resp.Validate(); err != nil {
		return key, err
	}
	if err := pol.checkDomain(resp.ChainID, resp.Registry, resp.Realm); err != nil {
		return key, err
	}
	if resp.Role != req.Role.Counterpart() {
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
	if resp.ExpiresAt <= uint64(pol.now().UnixMilli()) { //nolint:gosec // after 1970
		return key, failf("expiry", ErrExpired, "key expired")
	}
	digests, err := ChainDigests(resp.Chain)
	if err != nil {
		return key, err
	}
	if _, err := verifyPeer(ctx, pol, q.cache, resp.digest(digests), &resp.Signature, resp.Chain, digests, &resp.CSPubKey,
		TrustContext{Realm: resp.Realm, URI: req.URI, Role: resp.Role}); err != nil {
		return key, err
	}
	shared, err := sharedKey(q.cache, q.cfg.Identity.Session, resp.CSPubKey)
	if err != nil {
		return key, err
	}
	if _, ok := box.OpenAfterPrecomputation(key[:0], resp.Box[:], &resp.BoxNonce, shared); !ok {
		return [KeySize]byte{}, failf("box", ErrBoxOpen, "box does not authenticate")
	}
	return key, nil
}
