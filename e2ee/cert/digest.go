package cert

import (
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Immutable EIP712 hashes of WMP/1, computed from the type strings above and
// checked against the public vectors by the tests.
var (
	domainTypeHash    = crypto.Keccak256Hash([]byte(DomainTypeString))
	delegateTypeHash  = crypto.Keccak256Hash([]byte(DelegateTypeString))
	authorityTypeHash = crypto.Keccak256Hash([]byte(AuthorityTypeString))
	// domainSeparator = keccak256(typeHash ‖ keccak256("WMP") ‖ keccak256("1")).
	domainSeparator = crypto.Keccak256Hash(
		domainTypeHash[:],
		crypto.Keccak256([]byte(DomainName)),
		crypto.Keccak256([]byte(DomainVersion)),
	)
)

// DomainSeparator returns the EIP712 domain separator of WMP/1.
func DomainSeparator() common.Hash { return domainSeparator }

// DelegateTypeHash returns keccak256(DelegateTypeString).
func DelegateTypeHash() common.Hash { return delegateTypeHash }

// AuthorityTypeHash returns keccak256(AuthorityTypeString).
func AuthorityTypeHash() common.Hash { return authorityTypeHash }

// putUint64 writes v as a 32-byte big-endian EIP712 word.
func putUint64(w []byte, v uint64) {
	clear(w[:24])
	binary.BigEndian.PutUint64(w[24:32], v)
}

// putAddress writes a as a 32-byte left-padded EIP712 word.
func putAddress(w []byte, a common.Address) {
	clear(w[:12])
	copy(w[12:32], a[:])
}

// keccakInto hashes data with st (reset first) into out.
func keccakInto(st crypto.KeccakState, out []byte, data ...[]byte) {
	st.Reset()
	for _, d := range data {
		st.Write(d)
	}
	st.Read(out)
}

// StructHash returns the EIP712 hashStruct of d. It is the fixed-layout
// encoding of the WMP/1 type; the tests prove it equal to go-ethereum's
// apitypes for every vector and for fuzzed inputs.
func (d *DelegateCertificate) StructHash() common.Hash {
	var buf [8 * 32]byte
	copy(buf[0:32], delegateTypeHash[:])
	putUint64(buf[32:64], d.ChainID)
	putAddress(buf[64:96], d.VerifyingContract)
	putUint64(buf[96:128], d.ValidFrom)
	putAddress(buf[128:160], d.Delegate)
	copy(buf[160:192], d.CSPubKey[:])
	putUint64(buf[192:224], d.BootedAt)
	st := crypto.NewKeccakState()
	keccakInto(st, buf[224:256], []byte(d.Meta))
	var h common.Hash
	keccakInto(st, h[:], buf[:])
	return h
}

// StructHash returns the EIP712 hashStruct of a (see
// DelegateCertificate.StructHash).
func (a *AuthorityCertificate) StructHash() common.Hash {
	var buf [9 * 32]byte
	copy(buf[0:32], authorityTypeHash[:])
	putUint64(buf[32:64], a.ChainID)
	putAddress(buf[64:96], a.VerifyingContract)
	putUint64(buf[96:128], a.ValidFrom)
	putAddress(buf[128:160], a.Issuer)
	putAddress(buf[160:192], a.Subject)
	putAddress(buf[192:224], a.Realm)
	putUint64(buf[224:256], a.Capabilities)
	st := crypto.NewKeccakState()
	keccakInto(st, buf[256:288], []byte(a.Meta))
	var h common.Hash
	keccakInto(st, h[:], buf[:])
	return h
}

// eip712Digest returns keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).
func eip712Digest(structHash common.Hash) common.Hash {
	var buf [2 + 32 + 32]byte
	buf[0], buf[1] = 0x19, 0x01
	copy(buf[2:34], domainSeparator[:])
	copy(buf[34:66], structHash[:])
	return crypto.Keccak256Hash(buf[:])
}

// Digest returns the EIP712 digest of d, the hash its signature covers.
func (d *DelegateCertificate) Digest() common.Hash { return eip712Digest(d.StructHash()) }

// Digest returns the EIP712 digest of a, the hash its signature covers.
func (a *AuthorityCertificate) Digest() common.Hash { return eip712Digest(a.StructHash()) }

// Digest returns the EIP712 digest of the message c carries. It fails if c
// carries neither or both messages or if a field is out of bounds.
func (c *Certificate) Digest() (common.Hash, error) {
	if err := c.validate(); err != nil {
		return common.Hash{}, fmt.Errorf("cert: digest: %w", err)
	}
	if c.Delegate != nil {
		return c.Delegate.Digest(), nil
	}
	return c.Authority.Digest(), nil
}
