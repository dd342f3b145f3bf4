package keydist

import (
	"context"
	"crypto/subtle"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// chainKey identifies a chain by its certificate digests and signatures.
func chainKey(chain []cert.Certificate, digests []common.Hash) common.Hash {
	buf := make([]byte, 0, len(chain)*(32+SignatureLength))
	for i := range chain {
		buf = append(buf, digests[i][:]...)
		buf = append(buf, chain[i].Signature[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

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

// verifyPeer checks a peer's signed message exactly the same way on both
// sides: signature → delegate of the delegate certificate, CS key ==
// csPubKey, chain rules, trust decision (cached per chain and trust
// version).
func verifyPeer(ctx context.Context, p *Policy, c *peerCache, digest common.Hash, sig *[SignatureLength]byte,
	chain []cert.Certificate, digests []common.Hash, cs *[32]byte, tc TrustContext,
) (*cert.VerifiedChain, error) {
	d := chain[0].Delegate
	if d == nil {
		return nil, failf("chain", ErrChain, "first certificate is not a delegate certificate")
	}
	signer, err := cert.RecoverSigner(digest, sig[:])
	if err != nil {
		return nil, fail("signature", ErrBadSignature, err)
	}
	if signer != d.Delegate {
		return nil, failf("signature", ErrWrongSigner, "signer "+signer.Hex()+" is not delegate "+d.Delegate.Hex())
	}
	if subtle.ConstantTimeCompare(cs[:], d.CSPubKey[:]) != 1 {
		return nil, failf("cs-key", ErrCSKeyMismatch, "CS public key is not the delegate certificate's csPubKey")
	}
	key := chainKey(chain, digests)
	vk := verdictKey{realm: tc.Realm, uri: tc.URI, role: tc.Role}
	ver := p.Trust.Version()
	vc, ok := c.verdict(key, vk, ver)
	if ok {
		return vc, nil
	}
	if vc == nil {
		if vc, err = p.verifyChain(chain); err != nil {
			return nil, err
		}
	}
	if err := p.Trust.Decide(ctx, vc, tc); err != nil {
		return nil, fail("trust", ErrUntrusted, err)
	}
	c.store(key, vc, vk, ver)
	return vc, nil
}

// sharedKey returns the precomputed nacl/box key between our X25519
// private key and the peer's CS key, rejecting unsafe peer keys.
func sharedKey(c *peerCache, sk *keys.SessionKey, peerCS [32]byte) (*[32]byte, error) {
	if k, ok := c.box(peerCS); ok {
		return k, nil
	}
	px, err := keys.Ed25519PublicToX25519(peerCS[:])
	if err != nil {
		return nil, fail("box-key", ErrLowOrderKey, err)
	}
	if err := keys.CheckX25519Public(px); err != nil {
		return nil, fail("box-key", ErrLowOrderKey, err)
	}
	priv := sk.X25519PrivateKey()
	k := new([32]byte)
	box.Precompute(k, &px, &priv)
	clear(priv[:])
	c.storeBox(peerCS, k)
	return k, nil
}
