package keydist

import (
	"encoding/hex"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/eip712"
)

// EIP712 names and type strings of key distribution (docs/protocol.md §3).
const (
	DomainName    = "WAMP-E2EE KeyDistribution"
	DomainVersion = "1"
	// DomainTypeString is the full EIP712 domain: chain and registry are bound.
	DomainTypeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	// KeyRequestTypeString is the EIP712 type of a KeyRequest. certificates
	// are the EIP712 digests of the requester's chain, in chain order;
	// issuer is the optional issuer hint (the zero address: none).
	KeyRequestTypeString = "KeyRequest(address realm,string keyId,string uri,string role,bytes32 csPubKey,bytes32[] certificates,address issuer,uint64 issuedAt,bytes16 requestNonce)"
	// KeyResponseTypeString is the EIP712 type of a KeyResponse. boxHash is
	// keccak256 of the 48-byte box; certificates are the responder's
	// certificate digests; issuer is its optional issuer hint.
	KeyResponseTypeString = "KeyResponse(address realm,string keyId,string uriScope,string match,string role,bytes32 requesterCsPubKey,bytes16 requestNonce,bytes32 csPubKey,bytes32[] certificates,address issuer,bytes24 boxNonce,bytes32 boxHash,uint64 expiresAt)"
)

// DomainTypeHash returns keccak256(DomainTypeString).
func DomainTypeHash() common.Hash { return crypto.Keccak256Hash([]byte(DomainTypeString)) }

// KeyRequestTypeHash returns keccak256(KeyRequestTypeString).
func KeyRequestTypeHash() common.Hash { return crypto.Keccak256Hash([]byte(KeyRequestTypeString)) }

// KeyResponseTypeHash returns keccak256(KeyResponseTypeString).
func KeyResponseTypeHash() common.Hash { return crypto.Keccak256Hash([]byte(KeyResponseTypeString)) }

// Precomputed hashes (hex constants, checked by TestTypeHashes).
const (
	domainTypeHashHex   = "8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"
	requestTypeHashHex  = "0f8e8f046a7574a6be762a338c1fcb0a60dd89b63ef8b48b4a78fd3bfaa89e26"
	responseTypeHashHex = "e9e4d0ab88bb9a155014c2ad34fd420edb0fc5867db835c713de55de3921d196"
	domainNameHashHex   = "6697045751f49cfa7c7c66adef7ba2c49b6af2ec4d47eb8e9310408ba522dffb"
	domainVerHashHex    = "c89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6"
)

func constHash(s string) (h common.Hash) {
	_, _ = hex.Decode(h[:], []byte(s))
	return h
}

// DomainSeparator returns the EIP712 domain separator for chainID and the
// registry (verifyingContract).
func DomainSeparator(chainID uint64, registry common.Address) common.Hash {
	var buf [5 * 32]byte
	th, nh, vh := constHash(domainTypeHashHex), constHash(domainNameHashHex), constHash(domainVerHashHex)
	copy(buf[0:], th[:])
	copy(buf[32:], nh[:])
	copy(buf[64:], vh[:])
	eip712.PutUint64(buf[96:128], chainID)
	eip712.PutAddress(buf[128:160], registry)
	return crypto.Keccak256Hash(buf[:])
}

// scratch is the EIP712 scratch of one digest computation: the Keccak state
// and the buffers (see eip712.Hasher); verifiers keep scratches in a
// sync.Pool so that computing a digest allocates nothing.
type scratch struct {
	eip712.Hasher
	buf [14 * 32]byte
	dig [MaxChainLength * 32]byte
}

func newScratch() *scratch { return &scratch{Hasher: *eip712.NewHasher()} }

// newScratchPool returns a pool of scratches (one per Responder or
// Requester).
func newScratchPool() *sync.Pool {
	return &sync.Pool{New: func() any { return newScratch() }}
}

// digestsHash returns keccak256 of the concatenated certificate digests (the
// EIP712 encoding of a bytes32[]); at most MaxChainLength are used, more is
// rejected before.
func (s *scratch) digestsHash(d []common.Hash) common.Hash {
	n := 0
	for i := range d {
		n += copy(s.dig[n:], d[i][:])
	}
	return s.Sum(s.dig[:n])
}

// ChainDigests parses a wire chain (a CBOR array of certificate files, see
// KeyRequest.Chain) and returns the EIP712 digests of its certificates, the
// values the signature of a request or response binds. It checks encoding
// only, not the chain rules.
func ChainDigests(chain []byte) ([]common.Hash, error) {
	if err := checkChain(chain, common.Address{}); err != nil {
		return nil, err
	}
	certs, err := cert.ParseChainCBOR(chain)
	if err != nil {
		return nil, fail("chain", ErrMalformed, err)
	}
	out := make([]common.Hash, len(certs))
	for i := range certs {
		d, err := certs[i].Digest()
		if err != nil {
			return nil, fail("chain", ErrMalformed, err)
		}
		out[i] = d
	}
	return out, nil
}

// structHash is the fixed-layout EIP712 hashStruct of r, given the hash of
// its chain digests (TestFastPathEqualsAPITypes proves it equal to apitypes).
func (r *KeyRequest) structHash(s *scratch, chainHash common.Hash) common.Hash {
	buf := s.buf[:10*32]
	th := constHash(requestTypeHashHex)
	copy(buf[0:], th[:])
	eip712.PutAddress(buf[32:64], r.Realm)
	s.PutString(buf[64:96], r.KeyID)
	s.PutString(buf[96:128], r.URI)
	s.PutString(buf[128:160], string(r.Role))
	copy(buf[160:192], r.CSPubKey[:])
	copy(buf[192:224], chainHash[:])
	eip712.PutAddress(buf[224:256], r.Issuer)
	eip712.PutUint64(buf[256:288], r.IssuedAt)
	copy(buf[288:304], r.Nonce[:]) // bytesN: left-aligned, zero-padded
	clear(buf[304:320])
	return s.Sum(buf)
}

// Digest returns the EIP712 digest r.Signature covers. It parses r.Chain
// for the certificate digests (the verifiers take them from the verified,
// cached chain instead) and fails if the chain is not well-formed.
func (r *KeyRequest) Digest() (common.Hash, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return common.Hash{}, err
	}
	s := newScratch()
	return r.digest(s, DomainSeparator(r.ChainID, r.Registry), s.digestsHash(d)), nil
}

func (r *KeyRequest) digest(s *scratch, domain, chainHash common.Hash) common.Hash {
	return s.Digest(domain, r.structHash(s, chainHash))
}

// BoxHash returns keccak256 of the box, the value the signature binds.
func (r *KeyResponse) BoxHash() common.Hash { return crypto.Keccak256Hash(r.Box[:]) }

func (r *KeyResponse) structHash(s *scratch, chainHash common.Hash) common.Hash {
	buf := s.buf[:14*32]
	clear(buf)
	th := constHash(responseTypeHashHex)
	copy(buf[0:], th[:])
	eip712.PutAddress(buf[32:64], r.Realm)
	s.PutString(buf[64:96], r.KeyID)
	s.PutString(buf[96:128], r.Scope.URI)
	s.PutString(buf[128:160], string(r.Scope.Match))
	s.PutString(buf[160:192], string(r.Role))
	copy(buf[192:224], r.RequesterCSPubKey[:])
	copy(buf[224:240], r.RequestNonce[:])
	copy(buf[256:288], r.CSPubKey[:])
	copy(buf[288:320], chainHash[:])
	eip712.PutAddress(buf[320:352], r.Issuer)
	copy(buf[352:376], r.BoxNonce[:])
	bh := s.Sum(r.Box[:])
	copy(buf[384:416], bh[:])
	eip712.PutUint64(buf[416:448], r.ExpiresAt)
	return s.Sum(buf)
}

// Digest returns the EIP712 digest r.Signature covers (see
// KeyRequest.Digest).
func (r *KeyResponse) Digest() (common.Hash, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return common.Hash{}, err
	}
	s := newScratch()
	return r.digest(s, DomainSeparator(r.ChainID, r.Registry), s.digestsHash(d)), nil
}

func (r *KeyResponse) digest(s *scratch, domain, chainHash common.Hash) common.Hash {
	return s.Digest(domain, r.structHash(s, chainHash))
}
