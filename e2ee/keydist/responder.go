package keydist

import (
	"context"
	"crypto/rand"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// Identity is a peer's own key-distribution identity: its delegate key,
// client-session key and certificate chain (whose delegate certificate
// names both).
type Identity struct {
	Delegate cert.Signer
	Session  *keys.SessionKey
	Chain    []cert.Certificate
}

// check validates id and returns its chain digests.
func (id *Identity) check() ([]common.Hash, error) {
	if id.Delegate == nil || id.Session == nil {
		return nil, failf("config", ErrMalformed, "identity needs a delegate and a session key")
	}
	digests, err := ChainDigests(id.Chain)
	if err != nil {
		return nil, err
	}
	d := id.Chain[0].Delegate
	if d == nil || d.Delegate != id.Delegate.Address() || d.CSPubKey != id.Session.PublicKey32() {
		return nil, failf("config", ErrCSKeyMismatch, "own delegate certificate does not name our delegate and session keys")
	}
	return digests, nil
}

// ResponderConfig configures a Responder.
type ResponderConfig struct {
	// Policy is what requests are checked against.
	Policy Policy
	// Identity is the originator's own keys and chain.
	Identity Identity
	// CacheSize bounds the per-requester cache (0: DefaultCacheSize).
	CacheSize int
	// ReplayCapacity bounds the request nonces remembered per window
	// (0: DefaultReplayCapacity).
	ReplayCapacity int
	// Rand is the source of box nonces (nil: crypto/rand).
	Rand io.Reader
}

// Responder is the originator side of key distribution: it verifies key
// requests and answers them. It is safe for concurrent use.
type Responder struct {
	cfg     ResponderConfig
	digests []common.Hash
	cache   *peerCache
	replay  *replaySet
}

// NewResponder returns a Responder, checking that the configuration is
// complete and that the identity's delegate certificate names its keys.
func NewResponder(cfg ResponderConfig) (*Responder, error) {
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
	return &Responder{
		cfg:     cfg,
		digests: digests,
		cache:   newPeerCache(cfg.CacheSize),
		replay:  newReplaySet(cfg.ReplayCapacity, 2*cfg.Policy.window().Milliseconds()),
	}, nil
}

// VerifiedRequest is a key request that passed VerifyRequest.
type VerifiedRequest struct {
	// Request is the verified request (do not modify).
	Request *KeyRequest
	// Chain is the requester's verified chain.
	Chain  *cert.VerifiedChain
	shared *[32]byte
}

// VerifyRequest checks req, failing closed, in this order: well-formed and
// bounded; chain id, registry and realm as configured; issued within the
// freshness window; the signature recovers to the delegate of the chain's
// delegate certificate; the CS key equals its csPubKey; the chain verifies
// (cert rules) and the trust decision admits the requester for (realm, URI,
// role) — both cached per requester; the CS key has a safe X25519 form;
// the request nonce is new. It does not check that the key id is one this
// originator serves or that the key covers req.URI: the caller does.
func (r *Responder) VerifyRequest(ctx context.Context, req *KeyRequest) (*VerifiedRequest, error) {
	p := &r.cfg.Policy
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if err := p.checkDomain(req.ChainID, req.Registry, req.Realm); err != nil {
		return nil, err
	}
	now := p.now().UnixMilli()
	w := p.window().Milliseconds()
	if req.IssuedAt > uint64(now+w) || int64(req.IssuedAt) < now-w { //nolint:gosec // IssuedAt bounded by the first check
		return nil, failf("freshness", ErrStale, "issued outside the freshness window")
	}
	digests, err := ChainDigests(req.Chain)
	if err != nil {
		return nil, err
	}
	vc, err := verifyPeer(ctx, p, r.cache, req.digest(digests), &req.Signature, req.Chain, digests, &req.CSPubKey,
		TrustContext{Realm: req.Realm, URI: req.URI, Role: req.Role})
	if err != nil {
		return nil, err
	}
	shared, err := sharedKey(r.cache, r.cfg.Identity.Session, req.CSPubKey)
	if err != nil {
		return nil, err
	}
	if err := r.replay.add(req.Nonce, now); err != nil {
		return nil, err
	}
	return &VerifiedRequest{Request: req, Chain: vc, shared: shared}, nil
}

// Respond boxes key to the requester of vr and signs the response. scope
// must cover the requested URI and expires must be in the future.
func (r *Responder) Respond(vr *VerifiedRequest, key *[KeySize]byte, scope Scope, expires time.Time) (*KeyResponse, error) {
	if vr == nil || vr.shared == nil || vr.Request == nil {
		return nil, failf("respond", ErrMalformed, "request not verified")
	}
	req := vr.Request
	if !scope.Covers(req.URI) {
		return nil, failf("respond", ErrScope, "scope does not cover the requested URI")
	}
	if !expires.After(r.cfg.Policy.now()) {
		return nil, failf("respond", ErrExpired, "expiry not in the future")
	}
	resp := &KeyResponse{
		ChainID:           req.ChainID,
		Registry:          req.Registry,
		Realm:             req.Realm,
		KeyID:             req.KeyID,
		Scope:             scope,
		Role:              req.Role.Counterpart(),
		RequesterCSPubKey: req.CSPubKey,
		RequestNonce:      req.Nonce,
		CSPubKey:          r.cfg.Identity.Session.PublicKey32(),
		Chain:             r.cfg.Identity.Chain,
		ExpiresAt:         uint64(expires.UnixMilli()), //nolint:gosec // after now
	}
	if _, err := io.ReadFull(r.cfg.Rand, resp.BoxNonce[:]); err != nil {
		return nil, fail("respond", ErrMalformed, err)
	}
	box.SealAfterPrecomputation(resp.Box[:0], key[:], &resp.BoxNonce, vr.shared)
	sig, err := r.cfg.Identity.Delegate.SignDigest(resp.digest(r.digests))
	if err != nil || len(sig) != SignatureLength {
		return nil, failf("respond", ErrBadSignature, "signing the response failed")
	}
	copy(resp.Signature[:], sig)
	return resp, nil
}
