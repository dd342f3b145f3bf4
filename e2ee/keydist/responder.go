package keydist

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// Identity is a peer's own key-distribution identity: its delegate key,
// client-session key and certificate chain (whose delegate certificate
// names both).
type Identity struct {
	// Delegate signs our requests or responses; its address must be the
	// delegate of Chain's delegate certificate.
	Delegate cert.Signer
	// Session is our client-session key; its public key must be the
	// csPubKey of Chain's delegate certificate.
	Session *keys.SessionKey
	// Chain is our certificate chain [delegate, …, root], or only the
	// delegate certificate when the rest is on-chain.
	Chain []cert.Certificate
	// Issuer optionally names the CA that issued our delegate on-chain; it
	// is sent as the issuer hint and only allowed when Chain is a lone
	// delegate certificate.
	Issuer common.Address
}

// ownChain is an Identity's chain prepared once for sending.
type ownChain struct {
	wire      []byte      // cert.MarshalChainCBOR(Chain)
	chainHash common.Hash // keccak256 of the certificate digests
}

// prepare validates id and encodes its chain.
func (id *Identity) prepare() (ownChain, error) {
	if id.Delegate == nil || id.Session == nil {
		return ownChain{}, failf("config", ErrMalformed, "identity needs a delegate and a session key")
	}
	if len(id.Chain) == 0 || len(id.Chain) > MaxChainLength {
		return ownChain{}, failf("config", ErrMalformed, "own chain length out of range")
	}
	d := id.Chain[0].Delegate
	if d == nil || d.Delegate != id.Delegate.Address() || d.CSPubKey != id.Session.PublicKey32() {
		return ownChain{}, failf("config", ErrCSKeyMismatch, "own delegate certificate does not name our delegate and session keys")
	}
	wire, err := cert.MarshalChainCBOR(id.Chain)
	if err != nil {
		return ownChain{}, fail("config", ErrMalformed, err)
	}
	if err := checkChain(wire, id.Issuer); err != nil {
		return ownChain{}, err
	}
	digests, err := ChainDigests(wire)
	if err != nil {
		return ownChain{}, err
	}
	return ownChain{wire: wire, chainHash: newScratch().digestsHash(digests)}, nil
}

// ResponderConfig configures a Responder.
type ResponderConfig struct {
	// Policy is what requests are checked against.
	Policy Policy
	// Identity is the originator's own keys and chain.
	Identity Identity
	// CacheSize bounds the verified-chain cache (when Policy.Certs is nil)
	// and the box-key cache (0: DefaultCacheSize).
	CacheSize int
	// ReplayCapacity bounds the nonces of admitted requests remembered per
	// window (0: DefaultReplayCapacity). Requests the trust decision
	// refuses are not remembered.
	ReplayCapacity int
	// Rand is the source of box nonces (nil: crypto/rand).
	Rand io.Reader
	// SignedOnly refuses resumed (MACed) requests with ErrUnknownPeer, so
	// that every requester signs (docs/protocol.md §3.8), and remembers no
	// requester.
	SignedOnly bool
}

// Responder is the originator side of key distribution: it verifies key
// requests and answers them. It is safe for concurrent use.
type Responder struct {
	party
	cfg    ResponderConfig
	replay *replaySet
	// known: (requester CS key, hash of its chain's certificate digests)
	// of every signed request that passed all checks. Keyed by both, so
	// that a trusted peer that certifies someone else's CS key under its
	// own chain cannot displace that requester's entry.
	known *peerCache[knownPeer, struct{}]
}

// NewResponder returns a Responder, checking that the configuration is
// complete and that the identity's delegate certificate names its keys.
func NewResponder(cfg ResponderConfig) (*Responder, error) {
	p, err := newParty(&cfg.Policy, cfg.Identity, cfg.CacheSize)
	if err != nil {
		return nil, err
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	return &Responder{
		party:  p,
		cfg:    cfg,
		replay: newReplaySet(cfg.ReplayCapacity, 2*cfg.Policy.window().Milliseconds()),
		known:  newPeerCache[knownPeer, struct{}](cfg.CacheSize),
	}, nil
}

// AuthenticatedRequest is a key request that passed Authenticate: every
// check but the trust decision. Pass it to Decide.
type AuthenticatedRequest struct {
	// Request is the authenticated request (do not modify).
	Request *KeyRequest
	// Chain is the requester's verified chain.
	Chain     *cert.VerifiedChain
	chainHash common.Hash
	shared    *[32]byte // resumed requests only
	decided   bool
}

// VerifiedRequest is a key request that passed VerifyRequest (or
// Authenticate and Decide).
type VerifiedRequest struct {
	// Request is the verified request (do not modify).
	Request *KeyRequest
	// Chain is the requester's verified chain.
	Chain *cert.VerifiedChain
	// Decision is the trust decision that admitted the requester.
	Decision e2ee.TrustDecision
	shared   *[32]byte
	// evidence is ours, for the response (signed, attestation required).
	evidence  []byte
	chainHash common.Hash
}

// VerifyRequest checks req, failing closed, in this order: well-formed and
// bounded; chain id, registry and realm as configured; issued within the
// freshness window; the chain verifies (cert rules; cached by its wire
// bytes); the authentication (below); the request nonce was not recorded;
// the trust decision (asked every time, with Peer = the delegate address
// and the request's issuer hint) admits the requester for (realm, URI,
// role); the CS key has a safe X25519 form (box key cached by CS key); the
// nonce is recorded (ErrReplay if a concurrent copy recorded it first,
// ErrOverload if ReplayCapacity nonces were recorded this window). Only an
// admitted request spends replay state: a flood from identities the
// decider refuses cannot fill it. A definite trust refusal matches
// ErrUntrusted, a failure to decide ErrTrustUnavailable. It does not check that the key id is one this
// originator serves or that the key covers req.URI: the caller does.
//
// A signed request (AuthSignature) must recover to the delegate of the
// chain's delegate certificate and carry its csPubKey; once it passed
// every check, the requester is known for resuming. A resumed request
// (AuthMAC) must be for this responder's CS key and from a known requester
// with the same chain (else ErrUnknownPeer, and the requester falls back to
// signing), carry the csPubKey, and its MAC must verify (ErrBadMAC).
//
// VerifyRequest is Authenticate followed by Decide; a caller that wants to
// act between the two (to send its early chain, docs/protocol.md §3.9)
// calls them itself.
func (r *Responder) VerifyRequest(ctx context.Context, req *KeyRequest) (*VerifiedRequest, error) {
	ar, err := r.Authenticate(req)
	if err != nil {
		return nil, err
	}
	return r.Decide(ctx, ar)
}

// Authenticate makes every check of VerifyRequest before the trust
// decision, including that the nonce was not recorded, but records nothing:
// Decide records the nonce once the requester is admitted. It asks no
// decider; of the chain it only uses Policy.Block, for the certificates'
// validFrom. Its cost is bounded by the request's own size.
func (r *Responder) Authenticate(req *KeyRequest) (*AuthenticatedRequest, error) {
	p := &r.cfg.Policy
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if err := p.checkDomain(req.ChainID, req.Registry, req.Realm); err != nil {
		return nil, err
	}
	nowMs := p.now().UnixMilli()
	w := p.window().Milliseconds()
	if req.IssuedAt > uint64(nowMs+w) || int64(req.IssuedAt) < nowMs-w { //nolint:gosec // IssuedAt bounded by the first check
		return nil, failf("freshness", ErrStale, "issued outside the freshness window")
	}
	sc := r.pool.Get().(*scratch)
	vc, chainHash, err := p.verifyChain(sc, req.Chain)
	if err != nil {
		r.pool.Put(sc)
		return nil, err
	}
	digest := req.digest(sc, r.domain, chainHash)
	r.pool.Put(sc)
	var shared *[32]byte
	if req.Auth == AuthMAC {
		if shared, err = r.checkResumed(req, vc, chainHash, digest); err != nil {
			return nil, err
		}
	} else if err := checkSigner(vc, digest, &req.Signature, &req.CSPubKey); err != nil {
		return nil, err
	}
	if err := r.replay.check(req.Nonce, nowMs); err != nil {
		return nil, err
	}
	return &AuthenticatedRequest{Request: req, Chain: vc, chainHash: chainHash, shared: shared}, nil
}

// Decide asks the trust decision about an authenticated request (see
// VerifyRequest); if it admits the requester, Decide records the request
// nonce (ErrReplay: a copy of the request was admitted first; ErrOverload:
// the replay set is full) and, for a signed request, remembers the
// requester for resuming. It may be called once per AuthenticatedRequest.
func (r *Responder) Decide(ctx context.Context, ar *AuthenticatedRequest) (*VerifiedRequest, error) {
	if ar == nil || ar.Request == nil || ar.Chain == nil || ar.decided {
		return nil, failf("decide", ErrMalformed, "request not authenticated, or decided before")
	}
	ar.decided = true
	p := &r.cfg.Policy
	req := ar.Request
	now := p.now()
	dec, err := p.decide(ctx, ar.Chain, req.Realm, req.URI, req.Role, req.Issuer, now)
	if err != nil {
		return nil, err
	}
	var evidence []byte
	if r.att != nil {
		peer := knownPeer{cs: req.CSPubKey, chainHash: ar.chainHash}
		if err := r.att.check(ctx, req.ChainID, req.Realm, dec.Issuer, ar.Chain, peer, req.Evidence, now); err != nil {
			return nil, err
		}
		if req.Auth == AuthSignature {
			if evidence, err = r.att.own(ctx, req.Realm); err != nil {
				return nil, err
			}
		}
	}
	shared := ar.shared
	if shared == nil {
		if shared, err = sharedKey(r.boxes, r.boxKey, req.CSPubKey); err != nil {
			return nil, err
		}
	}
	if err := r.replay.add(req.Nonce, p.now().UnixMilli()); err != nil {
		return nil, err
	}
	if ar.shared == nil {
		if !r.cfg.SignedOnly {
			r.known.put(knownPeer{cs: req.CSPubKey, chainHash: ar.chainHash}, struct{}{})
		}
	}
	return &VerifiedRequest{Request: req, Chain: ar.Chain, Decision: dec, shared: shared, evidence: evidence, chainHash: ar.chainHash}, nil
}

// ClaimedChain verifies the chain req carries (through the chain cache: a
// chain seen before costs a hash of its bytes) without authenticating req:
// its delegate is who req claims to come from. A caller may use it to
// refuse, before the signature check, a claimed delegate that it refused
// moments ago: only the delegate's own authenticated requests can have
// earned that refusal, so a request forged in its name costs it nothing.
func (r *Responder) ClaimedChain(req *KeyRequest) (*cert.VerifiedChain, error) {
	if req == nil {
		return nil, failf("decode", ErrMalformed, "no request")
	}
	return r.cfg.Policy.chain(req.Chain)
}

// checkResumed authenticates a resumed request and returns the box key.
func (r *Responder) checkResumed(req *KeyRequest, vc *cert.VerifiedChain, chainHash, digest common.Hash) (*[32]byte, error) {
	if r.cfg.SignedOnly {
		return nil, failf("resume", ErrUnknownPeer, "this responder requires signed requests")
	}
	if req.ResponderCSPubKey != r.csPub {
		return nil, failf("resume", ErrUnknownPeer, "request authenticated for another responder CS key")
	}
	if err := checkCSKey(vc, &req.CSPubKey); err != nil {
		return nil, err
	}
	if _, ok := r.known.get(knownPeer{cs: req.CSPubKey, chainHash: chainHash}); !ok {
		return nil, failf("resume", ErrUnknownPeer, "no signed exchange with this requester and chain")
	}
	shared, err := sharedKey(r.boxes, r.boxKey, req.CSPubKey)
	if err != nil {
		return nil, err
	}
	want := RequestMAC(shared, digest, &r.csPub)
	if !hmac.Equal(want[:], req.MAC[:]) {
		return nil, failf("mac", ErrBadMAC, "request MAC does not verify")
	}
	return shared, nil
}

// Respond boxes key to the requester of vr and authenticates the response
// as the request was: signed with the originator's delegate key, or for a
// resumed request with the response MAC. scope must cover the requested
// URI and expires must be in the future.
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
		Role:              CounterpartRole(req.Role),
		RequesterCSPubKey: req.CSPubKey,
		RequestNonce:      req.Nonce,
		CSPubKey:          r.csPub,
		Chain:             r.own.wire,
		Issuer:            r.cfg.Identity.Issuer,
		ExpiresAt:         uint64(expires.UnixMilli()), //nolint:gosec // after now
	}
	if _, err := io.ReadFull(r.cfg.Rand, resp.BoxNonce[:]); err != nil {
		return nil, fail("respond", ErrMalformed, err)
	}
	box.SealAfterPrecomputation(resp.Box[:0], key[:], &resp.BoxNonce, vr.shared)
	sc := r.pool.Get().(*scratch)
	digest := resp.digest(sc, r.domain, r.own.chainHash)
	r.pool.Put(sc)
	if req.Auth == AuthMAC {
		resp.Auth = AuthMAC
		resp.MAC = ResponseMAC(vr.shared, digest)
		return resp, nil
	}
	sig, err := r.cfg.Identity.Delegate.SignDigest(digest)
	if err != nil || len(sig) != SignatureLength {
		return nil, failf("respond", ErrBadSignature, "signing the response failed")
	}
	copy(resp.Signature[:], sig)
	resp.Evidence = vr.evidence
	return resp, nil
}
