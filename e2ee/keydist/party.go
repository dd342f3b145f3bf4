package keydist

import (
	"crypto/ecdh"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// party is what a Requester and a Responder share: their own prepared chain and keys, the
// EIP712 domain, and the caches and pools both sides use. known holds the peers a signed
// exchange was completed with, for resuming (resume.go): the Responder keys it by the
// requester's CS key, the Requester by the responder's locator (envelope.Locator).
type party struct {
	own    ownChain
	domain common.Hash
	csPub  [32]byte
	boxes  *boxCache
	pool   *sync.Pool // of *scratch
	boxKey *ecdh.PrivateKey
	att    *attestState // nil without Policy.Attestation
}

// newParty checks and prepares policy and identity (see Policy.prepare and Identity.prepare).
func newParty(policy *Policy, id Identity, cacheSize int) (party, error) {
	if err := policy.prepare(cacheSize); err != nil {
		return party{}, err
	}
	own, err := id.prepare()
	if err != nil {
		return party{}, err
	}
	boxKey, err := boxPrivateKey(id.Session)
	if err != nil {
		return party{}, err
	}
	att, err := newAttestState(policy.Attestation, cacheSize)
	if err != nil {
		return party{}, err
	}
	return party{
		own:    own,
		domain: DomainSeparator(policy.ChainID, policy.Registry),
		csPub:  id.Session.PublicKey32(),
		boxes:  newBoxCache(cacheSize),
		pool:   newScratchPool(),
		boxKey: boxKey,
		att:    att,
	}, nil
}
