package cert

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Expect is what a chain is verified against.
type Expect struct {
	// ChainID is the chain the certificates must be for (CCR-1).
	ChainID uint64
	// VerifyingContract is the registry the certificates must name (CCR-1).
	VerifyingContract common.Address
	// Realm, when not the zero address, is the realm every authority
	// certificate must name (CCR-2). The zero address accepts any realm as
	// long as all certificates agree; the trust decision then checks it.
	Realm common.Address
	// Block is the current block number on ChainID; every validFrom must
	// be ≤ Block (CCR-1).
	Block uint64
}

// Verify checks a chain [delegate, intermediates…, root] of 1…MaxChainLength
// certificates against exp and returns the verified chain. With n
// certificates, A_1…A_k (k = n-1) the authority certificates after the
// delegate D, and A_k the root, the rules are:
//
//	CCR-1  every certificate: chainId and verifyingContract as expected, validFrom ≤ exp.Block
//	CCR-2  all authority certificates name the same realm (= exp.Realm if set)
//	CCR-3  D is a delegate certificate, A_1…A_k authority certificates
//	CCR-4  A_k is self-signed: issuer == subject
//	CCR-5  A_i.issuer == A_(i+1).subject for i < k
//	CCR-6  A_(i+1).validFrom ≤ A_i.validFrom
//	CCR-7  A_i.capabilities ⊆ A_(i+1).capabilities; bits 8–63 zero; A_k
//	       carries ROOT_CA; A_2…A_(k-1) (CAs that issued an authority
//	       certificate) carry INTERMEDIATE_CA
//	CCR-8  A_1.subject == D.delegate
//	CCR-9  A_1.validFrom ≤ D.validFrom
//	CCR-10 A_k's signature recovers to its issuer
//	CCR-11 A_i's signature recovers to its issuer, i < k
//	CCR-12 D's signature recovers to D.delegate (self-signed)
//
// A lone delegate certificate (n = 1, the rest of the chain on-chain) is
// checked against CCR-1, CCR-3 and CCR-12 only; the trust decision must then
// establish its issuer and realm. The cheap rules are checked first and the
// signatures last. Errors wrap a *RuleError and match ErrChain.
func Verify(chain []Certificate, exp Expect) (*VerifiedChain, error) {
	return verifyKnown(chain, nil, exp)
}

// verifyKnown is Verify with digests a parser already computed from the
// same certificates: known is nil or has len(chain) entries, a zero entry
// meaning not known.
func verifyKnown(chain []Certificate, known []common.Hash, exp Expect) (*VerifiedChain, error) {
	digests, err := digestsOf(chain, known)
	if err != nil {
		return nil, err
	}
	return verify(chain, digests, exp)
}

// digestsOf checks the chain's length and kinds and computes every digest
// not in known (see verifyKnown).
func digestsOf(chain []Certificate, known []common.Hash) ([]common.Hash, error) {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return nil, ruleErr("FORMAT", -1, ErrMalformed, "%d certificates, want 1 to %d", len(chain), MaxChainLength)
	}
	digests := make([]common.Hash, len(chain))
	for i := range chain {
		// CCR-3 first: the kind decides everything else.
		switch k := chain[i].Kind(); {
		case k == KindInvalid:
			return nil, ruleErr("FORMAT", i, ErrMalformed, "certificate carries neither or both messages")
		case i == 0 && k != KindDelegate:
			return nil, ruleErr("CCR-3", 0, ErrStructure, "first certificate is %s, want %s", k, DelegateCertificateType)
		case i > 0 && k != KindAuthority:
			return nil, ruleErr("CCR-3", i, ErrStructure, "certificate is %s, want %s", k, AuthorityCertificateType)
		}
		if len(known) == len(chain) && known[i] != (common.Hash{}) {
			digests[i] = known[i]
			continue
		}
		d, err := chain[i].Digest()
		if err != nil {
			return nil, ruleErr("FORMAT", i, ErrMalformed, "%v", err)
		}
		digests[i] = d
	}
	return digests, nil
}

// verify applies CCR-1…CCR-12 to a chain whose kinds digestsOf checked.
func verify(chain []Certificate, digests []common.Hash, exp Expect) (*VerifiedChain, error) {
	d := chain[0].Delegate
	auths := make([]AuthorityCertificate, 0, len(chain)-1)
	for i := 1; i < len(chain); i++ {
		auths = append(auths, *chain[i].Authority)
	}
	if err := checkExpect(d, auths, exp); err != nil {
		return nil, err
	}
	if err := checkLinks(d, auths); err != nil {
		return nil, err
	}
	// Signatures last, delegate first: CCR-12, CCR-11, CCR-10.
	for i := range chain {
		want, _ := chain[i].ExpectedSigner()
		rule := "CCR-11"
		switch {
		case i == 0:
			rule = "CCR-12"
		case i == len(chain)-1:
			rule = "CCR-10"
		}
		got, err := RecoverSigner(digests[i], chain[i].Signature[:])
		if err != nil {
			return nil, ruleErr(rule, i, ErrSignature, "%v", err)
		}
		if got != want {
			return nil, ruleErr(rule, i, ErrSignature, "signature recovers to %s, want %s", got.Hex(), want.Hex())
		}
	}
	return newVerifiedChain(*d, auths, digests), nil
}

// checkExpect applies CCR-1 and CCR-2.
func checkExpect(d *DelegateCertificate, auths []AuthorityCertificate, exp Expect) error {
	check := func(i int, chainID uint64, contract common.Address, validFrom uint64) error {
		if chainID != exp.ChainID {
			return ruleErr("CCR-1", i, ErrWrongChain, "chainId %d, want %d", chainID, exp.ChainID)
		}
		if contract != exp.VerifyingContract {
			return ruleErr("CCR-1", i, ErrWrongChain, "verifyingContract %s, want %s", contract.Hex(), exp.VerifyingContract.Hex())
		}
		if validFrom > exp.Block {
			return ruleErr("CCR-1", i, ErrNotYetValid, "validFrom %d is after block %d", validFrom, exp.Block)
		}
		return nil
	}
	if err := check(0, d.ChainID, d.VerifyingContract, d.ValidFrom); err != nil {
		return err
	}
	for j := range auths {
		a := &auths[j]
		if err := check(j+1, a.ChainID, a.VerifyingContract, a.ValidFrom); err != nil {
			return err
		}
	}
	for j := range auths {
		realm := auths[j].Realm
		if realm != auths[0].Realm {
			return ruleErr("CCR-2", j+1, ErrRealm, "realm %s differs from %s", realm.Hex(), auths[0].Realm.Hex())
		}
		if exp.Realm != (common.Address{}) && realm != exp.Realm {
			return ruleErr("CCR-2", j+1, ErrRealm, "realm %s, want %s", realm.Hex(), exp.Realm.Hex())
		}
	}
	return nil
}

// checkLinks applies CCR-4…CCR-9 (nothing to check for a lone delegate).
func checkLinks(d *DelegateCertificate, auths []AuthorityCertificate) error {
	k := len(auths)
	if k == 0 {
		return nil
	}
	idx := func(j int) int { return j + 1 } // chain index of auths[j]
	root := &auths[k-1]
	if root.Issuer != root.Subject {
		return ruleErr("CCR-4", idx(k-1), ErrRootNotSelfSigned, "issuer %s ≠ subject %s", root.Issuer.Hex(), root.Subject.Hex())
	}
	for j := 0; j < k-1; j++ {
		if auths[j].Issuer != auths[j+1].Subject {
			return ruleErr("CCR-5", idx(j), ErrIssuerSubject, "issuer %s is not the subject %s of the next certificate", auths[j].Issuer.Hex(), auths[j+1].Subject.Hex())
		}
	}
	for j := 0; j < k-1; j++ {
		if auths[j+1].ValidFrom > auths[j].ValidFrom {
			return ruleErr("CCR-6", idx(j), ErrValidFromOrder, "validFrom %d is before its issuer's %d", auths[j].ValidFrom, auths[j+1].ValidFrom)
		}
	}
	for j := range k {
		caps := auths[j].Capabilities
		switch {
		case !ValidCapabilities(caps):
			return ruleErr("CCR-7", idx(j), ErrCapabilities, "reserved capability bits set: %#x", caps&CapReserved)
		case j < k-1 && caps&^auths[j+1].Capabilities != 0:
			return ruleErr("CCR-7", idx(j), ErrCapabilities, "capabilities %#x not a subset of the issuer's %#x", caps, auths[j+1].Capabilities)
		case j == k-1 && caps&CapRootCA == 0:
			return ruleErr("CCR-7", idx(j), ErrCapabilities, "root certificate lacks ROOT_CA")
		case j > 0 && j < k-1 && caps&CapIntermediateCA == 0:
			return ruleErr("CCR-7", idx(j), ErrCapabilities, "certificate issued an authority certificate but lacks INTERMEDIATE_CA")
		}
	}
	if auths[0].Subject != d.Delegate {
		return ruleErr("CCR-8", 1, ErrIssuerSubject, "subject %s is not the delegate %s", auths[0].Subject.Hex(), d.Delegate.Hex())
	}
	if auths[0].ValidFrom > d.ValidFrom {
		return ruleErr("CCR-9", 0, ErrValidFromOrder, "delegate validFrom %d is before its issuer's %d", d.ValidFrom, auths[0].ValidFrom)
	}
	return nil
}

// VerifiedChain is a chain that passed Verify. It is immutable and safe to
// share; accessors return copies.
type VerifiedChain struct {
	delegate     DelegateCertificate
	authorities  []AuthorityCertificate
	digests      []common.Hash
	maxValidFrom uint64
}

// newVerifiedChain copies its inputs into a VerifiedChain.
func newVerifiedChain(d DelegateCertificate, auths []AuthorityCertificate, digests []common.Hash) *VerifiedChain {
	v := &VerifiedChain{delegate: d, authorities: auths, digests: append([]common.Hash(nil), digests...), maxValidFrom: d.ValidFrom}
	for _, a := range auths {
		v.maxValidFrom = max(v.maxValidFrom, a.ValidFrom)
	}
	return v
}

// Len returns the number of certificates in the chain.
func (v *VerifiedChain) Len() int { return 1 + len(v.authorities) }

// Delegate returns the delegate certificate's message.
func (v *VerifiedChain) Delegate() DelegateCertificate { return v.delegate }

// DelegateAddress returns the delegate's Ethereum address.
func (v *VerifiedChain) DelegateAddress() common.Address { return v.delegate.Delegate }

// CSPubKey returns the delegate's WAMP-Cryptosign Ed25519 public key.
func (v *VerifiedChain) CSPubKey() [32]byte { return v.delegate.CSPubKey }

// ChainID returns the chain id all certificates name.
func (v *VerifiedChain) ChainID() uint64 { return v.delegate.ChainID }

// VerifyingContract returns the contract all certificates name.
func (v *VerifiedChain) VerifyingContract() common.Address { return v.delegate.VerifyingContract }

// Authorities returns a copy of the authority certificates [A_1 … root].
func (v *VerifiedChain) Authorities() []AuthorityCertificate {
	return append([]AuthorityCertificate(nil), v.authorities...)
}

// Digests returns a copy of the EIP712 digests of all certificates, in
// chain order.
func (v *VerifiedChain) Digests() []common.Hash { return append([]common.Hash(nil), v.digests...) }

// Complete reports whether the chain ends in a self-signed root (false for
// a lone delegate certificate).
func (v *VerifiedChain) Complete() bool { return len(v.authorities) > 0 }

// Trustroot returns the root CA's address (issuer == subject of the last
// certificate); ok is false for a lone delegate certificate.
func (v *VerifiedChain) Trustroot() (addr common.Address, ok bool) {
	if len(v.authorities) == 0 {
		return common.Address{}, false
	}
	return v.authorities[len(v.authorities)-1].Issuer, true
}

// Issuer returns the address that certified the delegate (A_1's issuer);
// ok is false for a lone delegate certificate.
func (v *VerifiedChain) Issuer() (addr common.Address, ok bool) {
	if len(v.authorities) == 0 {
		return common.Address{}, false
	}
	return v.authorities[0].Issuer, true
}

// Realm returns the realm the authority certificates name; ok is false for a
// lone delegate certificate.
func (v *VerifiedChain) Realm() (addr common.Address, ok bool) {
	if len(v.authorities) == 0 {
		return common.Address{}, false
	}
	return v.authorities[0].Realm, true
}

// Capabilities returns the delegate's effective capabilities (those of A_1,
// a subset of every CA above it); ok is false for a lone delegate
// certificate.
func (v *VerifiedChain) Capabilities() (caps uint64, ok bool) {
	if len(v.authorities) == 0 {
		return 0, false
	}
	return v.authorities[0].Capabilities, true
}

// CheckCSPubKey returns an error wrapping ErrCSPubKey unless pub is the
// delegate certificate's csPubKey. Call it with the Ed25519 key the peer
// actually used (HELLO authextra.pubkey, the key in a key request).
func (v *VerifiedChain) CheckCSPubKey(pub []byte) error {
	if len(pub) != 32 || [32]byte(pub) != v.delegate.CSPubKey {
		return ruleErr("CSKEY", 0, ErrCSPubKey, "session key differs from the certificate's csPubKey")
	}
	return nil
}

// matches reports whether the already verified chain v also passes CCR-1 and
// CCR-2 under exp (the only rules that depend on exp).
func (v *VerifiedChain) matches(exp Expect) bool {
	if v.delegate.ChainID != exp.ChainID || v.delegate.VerifyingContract != exp.VerifyingContract || v.maxValidFrom > exp.Block {
		return false
	}
	if realm, ok := v.Realm(); ok && exp.Realm != (common.Address{}) && realm != exp.Realm {
		return false
	}
	return true
}

// String describes the chain without key material.
func (v *VerifiedChain) String() string {
	root, _ := v.Trustroot()
	return fmt.Sprintf("VerifiedChain(len=%d delegate=%s trustroot=%s)", v.Len(), v.delegate.Delegate.Hex(), root.Hex())
}
