package keydist

import (
	"context"
	"crypto/ecdh"
	"crypto/subtle"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"
	//lint:ignore SA1019 HSalsa20 is NaCl box's key derivation (box.Precompute), called directly so the shared key is cached per peer and cleared after use.
	"golang.org/x/crypto/salsa20/salsa"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// checkDomain compares a message's domain and realm with the policy.
func (p *Policy) checkDomain(chainID uint64, registry, realm common.Address) error {
	if chainID != p.ChainID || registry != p.Registry {
		return failf("domain", ErrWrongDomain, "chain id or registry differs")
	}
	if realm != p.Realm {
		return failf("domain", ErrWrongDomain, "realm differs")
	}
	return nil
}

// verifyChain verifies a wire chain (VerifyChain) and returns it with the
// hash of its certificate digests, the value the message signature binds.
func (p *Policy) verifyChain(s *scratch, raw []byte) (*cert.VerifiedChain, common.Hash, error) {
	vc, err := p.chain(raw)
	if err != nil {
		return nil, common.Hash{}, err
	}
	return vc, s.digestsHash(vc.Digests()), nil
}

// chain verifies a wire chain through the policy's cert.Cache (a chain seen
// before costs one SHA-256 of its bytes and a lookup), looking once more
// with LatestBlock when only a validFrom is ahead of Block.
func (p *Policy) chain(raw []byte) (*cert.VerifiedChain, error) {
	exp := p.expect()
	vc, err := p.Certs.VerifyCBOR(raw, exp)
	if err != nil && errors.Is(err, cert.ErrNotYetValid) && p.LatestBlock != nil {
		if latest := p.LatestBlock(); latest > exp.Block {
			exp.Block = latest
			vc, err = p.Certs.VerifyCBOR(raw, exp)
		}
	}
	if err != nil {
		if errors.Is(err, cert.ErrMalformed) {
			return nil, fail("chain", ErrMalformed, err)
		}
		return nil, fail("chain", ErrChain, err)
	}
	return vc, nil
}

// VerifyChain verifies a wire chain exactly as the chains of requests and
// responses are verified: CCR-1…12 against this policy, through Certs
// (which must be set), with LatestBlock's second look. Errors match
// ErrMalformed or ErrChain.
func (p *Policy) VerifyChain(raw []byte) (*cert.VerifiedChain, error) {
	if p.Certs == nil {
		return nil, failf("config", ErrMalformed, "policy has no certificate cache")
	}
	return p.chain(raw)
}

// checkSigner checks that sig over digest recovers to the delegate of vc
// and that the message's CS key is the delegate certificate's csPubKey.
func checkSigner(vc *cert.VerifiedChain, digest common.Hash, sig *[SignatureLength]byte, cs *[32]byte) error {
	signer, err := cert.RecoverSigner(digest, sig[:])
	if err != nil {
		return fail("signature", ErrBadSignature, err)
	}
	if signer != vc.DelegateAddress() {
		return failf("signature", ErrWrongSigner, "signature is not by the delegate of the certificate chain")
	}
	return checkCSKey(vc, cs)
}

// checkCSKey checks that cs is the csPubKey of vc's delegate certificate.
func checkCSKey(vc *cert.VerifiedChain, cs *[32]byte) error {
	certCS := vc.CSPubKey()
	if subtle.ConstantTimeCompare(cs[:], certCS[:]) != 1 {
		return failf("cs-key", ErrCSKeyMismatch, "CS public key is not the delegate certificate's csPubKey")
	}
	return nil
}

// decide asks the trust decider, on every call (no verdict is cached
// here), whether the holder of vc may act in role on uri. Peer is the
// delegate address, authenticated by the message signature checked before.
// A definite no maps to ErrUntrusted, anything else to ErrTrustUnavailable.
func (p *Policy) decide(ctx context.Context, vc *cert.VerifiedChain, realm common.Address, uri string,
	role e2ee.Role, issuer common.Address, at time.Time,
) (e2ee.TrustDecision, error) {
	d, err := p.Trust.Decide(ctx, e2ee.TrustRequest{
		Realm:      realm,
		URI:        uri,
		Role:       role,
		Chain:      vc,
		IssuerHint: issuer,
		Peer:       vc.DelegateAddress().Hex(),
		At:         at,
	})
	switch {
	case err == nil:
		return d, nil
	case errors.Is(err, e2ee.ErrUntrusted) && !errors.Is(err, e2ee.ErrTrustUnavailable):
		return e2ee.TrustDecision{}, fail("trust", ErrUntrusted, err)
	default:
		return e2ee.TrustDecision{}, fail("trust", ErrTrustUnavailable, err)
	}
}

// boxPrivateKey returns our X25519 private key (libsodium's conversion of
// the Ed25519 session key) as a crypto/ecdh key, made once per Responder or
// Requester: crypto/ecdh computes the public key when a private key is
// made, which would double the cost of every new peer's box key.
func boxPrivateKey(sk *keys.SessionKey) (*ecdh.PrivateKey, error) {
	priv := sk.X25519PrivateKey()
	defer clear(priv[:])
	k, err := ecdh.X25519().NewPrivateKey(priv[:])
	if err != nil {
		return nil, fail("config", ErrMalformed, err)
	}
	return k, nil
}

// sharedKey returns the precomputed nacl/box key between our X25519
// private key and the peer's CS key (cached by CS key), rejecting unsafe
// peer keys. It equals box.Precompute (tested) with the low-order check
// folded into its one scalar multiplication: X25519 ECDH fails when the
// product is all zero, which for a clamped scalar (a multiple of 8 below
// 8·L) means exactly that the peer's point has low order — the condition
// keys.CheckX25519Public tests with a second multiplication.
func sharedKey(c *boxCache, priv *ecdh.PrivateKey, peerCS [32]byte) (*[32]byte, error) {
	if k, ok := c.get(peerCS); ok {
		return k, nil
	}
	px, err := keys.Ed25519PublicToX25519(peerCS[:])
	if err != nil {
		return nil, fail("box-key", ErrLowOrderKey, err)
	}
	pub, err := ecdh.X25519().NewPublicKey(px[:])
	if err != nil {
		return nil, fail("box-key", ErrLowOrderKey, keys.ErrInvalidPublicKey)
	}
	dh, err := priv.ECDH(pub)
	if err != nil {
		return nil, fail("box-key", ErrLowOrderKey, keys.ErrLowOrder)
	}
	var in [32]byte
	copy(in[:], dh)
	clear(dh)
	var zeros [16]byte
	k := new([32]byte)
	salsa.HSalsa20(k, &zeros, &in, &salsa.Sigma)
	clear(in[:])
	c.put(peerCS, k)
	return k, nil
}
