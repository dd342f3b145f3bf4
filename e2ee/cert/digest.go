package cert

import (
	"encoding/binary"
	"fmt"
	"sync"

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

// hasher is pooled Keccak-256 scratch: a reusable state and a buffer large
// enough for the longest fixed-layout preimage, so hashing allocates nothing
// (a slice passed to an interface method escapes, so stack buffers would).
type hasher struct {
	st  crypto.KeccakState
	buf [9 * 32]byte
	str [256]byte // staging for string input, copied in chunks
	out [32]byte  // output staging (a caller's array would escape)
}

var hasherPool = sync.Pool{New: func() any { return &hasher{st: crypto.NewKeccakState()} }}

func getHasher() *hasher  { return hasherPool.Get().(*hasher) }
func putHasher(h *hasher) { hasherPool.Put(h) }

// sum hashes data into out (32 bytes).
func (h *hasher) sum(out []byte, data []byte) {
	h.st.Reset()
	h.st.Write(data)
	h.st.Read(h.out[:])
	copy(out, h.out[:])
}

// sumString hashes s into out without converting s to a heap []byte.
func (h *hasher) sumString(out []byte, s string) {
	h.st.Reset()
	for len(s) > 0 {
		n := copy(h.str[:], s)
		h.st.Write(h.str[:n])
		s = s[n:]
	}
	h.st.Read(h.out[:])
	copy(out, h.out[:])
}

// StructHash returns the EIP712 hashStruct of d. It is the fixed-layout
// encoding of the WMP/1 type; the tests prove it equal to go-ethereum's
// apitypes for every vector and for fuzzed inputs.
func (d *DelegateCertificate) StructHash() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return d.structHash(h)
}

func (d *DelegateCertificate) structHash(h *hasher) common.Hash {
	buf := h.buf[:8*32]
	copy(buf[0:32], delegateTypeHash[:])
	putUint64(buf[32:64], d.ChainID)
	putAddress(buf[64:96], d.VerifyingContract)
	putUint64(buf[96:128], d.ValidFrom)
	putAddress(buf[128:160], d.Delegate)
	copy(buf[160:192], d.CSPubKey[:])
	putUint64(buf[192:224], d.BootedAt)
	h.sumString(buf[224:256], d.Meta)
	var out common.Hash
	h.sum(out[:], buf)
	return out
}

// StructHash returns the EIP712 hashStruct of a (see
// DelegateCertificate.StructHash).
func (a *AuthorityCertificate) StructHash() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return a.structHash(h)
}

func (a *AuthorityCertificate) structHash(h *hasher) common.Hash {
	buf := h.buf[:9*32]
	copy(buf[0:32], authorityTypeHash[:])
	putUint64(buf[32:64], a.ChainID)
	putAddress(buf[64:96], a.VerifyingContract)
	putUint64(buf[96:128], a.ValidFrom)
	putAddress(buf[128:160], a.Issuer)
	putAddress(buf[160:192], a.Subject)
	putAddress(buf[192:224], a.Realm)
	putUint64(buf[224:256], a.Capabilities)
	h.sumString(buf[256:288], a.Meta)
	var out common.Hash
	h.sum(out[:], buf)
	return out
}

// eip712Digest returns keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).
func (h *hasher) eip712Digest(structHash common.Hash) common.Hash {
	buf := h.buf[:2+32+32]
	buf[0], buf[1] = 0x19, 0x01
	copy(buf[2:34], domainSeparator[:])
	copy(buf[34:66], structHash[:])
	var out common.Hash
	h.sum(out[:], buf)
	return out
}

// Digest returns the EIP712 digest of d, the hash its signature covers.
func (d *DelegateCertificate) Digest() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return h.eip712Digest(d.structHash(h))
}

// Digest returns the EIP712 digest of a, the hash its signature covers.
func (a *AuthorityCertificate) Digest() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return h.eip712Digest(a.structHash(h))
}

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
