package cert

import (
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/eip712"
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

// hasher is pooled EIP712 scratch: the Keccak state and a buffer large
// enough for the longest fixed-layout preimage, so hashing allocates nothing.
type hasher struct {
	eip712.Hasher
	buf [9 * 32]byte
}

var hasherPool = sync.Pool{New: func() any { return &hasher{Hasher: *eip712.NewHasher()} }}

func getHasher() *hasher  { return hasherPool.Get().(*hasher) }
func putHasher(h *hasher) { hasherPool.Put(h) }

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
	eip712.PutUint64(buf[32:64], d.ChainID)
	eip712.PutAddress(buf[64:96], d.VerifyingContract)
	eip712.PutUint64(buf[96:128], d.ValidFrom)
	eip712.PutAddress(buf[128:160], d.Delegate)
	copy(buf[160:192], d.CSPubKey[:])
	eip712.PutUint64(buf[192:224], d.BootedAt)
	h.PutString(buf[224:256], d.Meta)
	return h.Sum(buf)
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
	eip712.PutUint64(buf[32:64], a.ChainID)
	eip712.PutAddress(buf[64:96], a.VerifyingContract)
	eip712.PutUint64(buf[96:128], a.ValidFrom)
	eip712.PutAddress(buf[128:160], a.Issuer)
	eip712.PutAddress(buf[160:192], a.Subject)
	eip712.PutAddress(buf[192:224], a.Realm)
	eip712.PutUint64(buf[224:256], a.Capabilities)
	h.PutString(buf[256:288], a.Meta)
	return h.Sum(buf)
}

// Digest returns the EIP712 digest of d, the hash its signature covers.
func (d *DelegateCertificate) Digest() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return h.Digest(domainSeparator, d.structHash(h))
}

// Digest returns the EIP712 digest of a, the hash its signature covers.
func (a *AuthorityCertificate) Digest() common.Hash {
	h := getHasher()
	defer putHasher(h)
	return h.Digest(domainSeparator, a.structHash(h))
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
