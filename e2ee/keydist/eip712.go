package keydist

import (
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// EIP712 names and type strings of key distribution (docs/protocol.md §3).
const (
	DomainName    = "WAMP-E2EE KeyDistribution"
	DomainVersion = "1"
	// DomainTypeString is the full EIP712 domain: chain and registry are bound.
	DomainTypeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	// KeyRequestTypeString is the EIP712 type of a KeyRequest. certificates
	// are the EIP712 digests of the requester's chain, in chain order.
	KeyRequestTypeString = "KeyRequest(address realm,string keyId,string uri,string role,bytes32 csPubKey,bytes32[] certificates,uint64 issuedAt,bytes16 requestNonce)"
	// KeyResponseTypeString is the EIP712 type of a KeyResponse. boxHash is
	// keccak256 of the 48-byte box; certificates are the responder's
	// certificate digests.
	KeyResponseTypeString = "KeyResponse(address realm,string keyId,string uriScope,string match,string role,bytes32 requesterCsPubKey,bytes16 requestNonce,bytes32 csPubKey,bytes32[] certificates,bytes24 boxNonce,bytes32 boxHash,uint64 expiresAt)"
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
	requestTypeHashHex  = "c0b8838f2b8ab3ef53077d5b99d44e2959ebfbce2d2d5201c0f08e0444e00908"
	responseTypeHashHex = "1d106610d5862ac930a0692b6bbe8f3205abc8aaed0dcf46e4f5be91d98d7650"
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
	putUint64(buf[96:128], chainID)
	putAddress(buf[128:160], registry)
	return crypto.Keccak256Hash(buf[:])
}

func putUint64(w []byte, v uint64) {
	clear(w[:24])
	binary.BigEndian.PutUint64(w[24:32], v)
}

func putAddress(w []byte, a common.Address) {
	clear(w[:12])
	copy(w[12:32], a[:])
}

func keccakString(w []byte, s string) {
	h := crypto.Keccak256Hash([]byte(s))
	copy(w, h[:])
}

// digestsHash returns keccak256 of the concatenated certificate digests (the
// EIP712 encoding of a bytes32[]).
func digestsHash(d []common.Hash) common.Hash {
	buf := make([]byte, 0, 32*len(d))
	for i := range d {
		buf = append(buf, d[i][:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// ChainDigests returns the EIP712 digests of the certificates of chain.
func ChainDigests(chain []cert.Certificate) ([]common.Hash, error) {
	if err := checkChain(chain); err != nil {
		return nil, err
	}
	out := make([]common.Hash, len(chain))
	for i := range chain {
		d, err := chain[i].Digest()
		if err != nil {
			return nil, fail("decode", ErrMalformed, err)
		}
		out[i] = d
	}
	return out, nil
}

func eip712Digest(domain, structHash common.Hash) common.Hash {
	var buf [66]byte
	buf[0], buf[1] = 0x19, 0x01
	copy(buf[2:34], domain[:])
	copy(buf[34:66], structHash[:])
	return crypto.Keccak256Hash(buf[:])
}

// structHash is the fixed-layout EIP712 hashStruct of r, given its chain
// digests (TestFastPathEqualsAPITypes proves it equal to apitypes).
func (r *KeyRequest) structHash(digests []common.Hash) common.Hash {
	var buf [9 * 32]byte
	th := constHash(requestTypeHashHex)
	copy(buf[0:], th[:])
	putAddress(buf[32:64], r.Realm)
	keccakString(buf[64:96], r.KeyID)
	keccakString(buf[96:128], r.URI)
	keccakString(buf[128:160], string(r.Role))
	copy(buf[160:192], r.CSPubKey[:])
	dh := digestsHash(digests)
	copy(buf[192:224], dh[:])
	putUint64(buf[224:256], r.IssuedAt)
	copy(buf[256:272], r.Nonce[:]) // bytesN: left-aligned, zero-padded
	return crypto.Keccak256Hash(buf[:])
}

// Digest returns the EIP712 digest r.Signature covers. It fails if a
// certificate of r.Chain is not well-formed.
func (r *KeyRequest) Digest() (common.Hash, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return common.Hash{}, err
	}
	return r.digest(d), nil
}

func (r *KeyRequest) digest(digests []common.Hash) common.Hash {
	return eip712Digest(DomainSeparator(r.ChainID, r.Registry), r.structHash(digests))
}

// BoxHash returns keccak256 of the box, the value the signature binds.
func (r *KeyResponse) BoxHash() common.Hash { return crypto.Keccak256Hash(r.Box[:]) }

func (r *KeyResponse) structHash(digests []common.Hash) common.Hash {
	var buf [13 * 32]byte
	th := constHash(responseTypeHashHex)
	copy(buf[0:], th[:])
	putAddress(buf[32:64], r.Realm)
	keccakString(buf[64:96], r.KeyID)
	keccakString(buf[96:128], r.Scope.URI)
	keccakString(buf[128:160], string(r.Scope.Match))
	keccakString(buf[160:192], string(r.Role))
	copy(buf[192:224], r.RequesterCSPubKey[:])
	copy(buf[224:240], r.RequestNonce[:])
	copy(buf[256:288], r.CSPubKey[:])
	dh := digestsHash(digests)
	copy(buf[288:320], dh[:])
	copy(buf[320:344], r.BoxNonce[:])
	bh := r.BoxHash()
	copy(buf[352:384], bh[:])
	putUint64(buf[384:416], r.ExpiresAt)
	return crypto.Keccak256Hash(buf[:])
}

// Digest returns the EIP712 digest r.Signature covers.
func (r *KeyResponse) Digest() (common.Hash, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return common.Hash{}, err
	}
	return r.digest(d), nil
}

func (r *KeyResponse) digest(digests []common.Hash) common.Hash {
	return eip712Digest(DomainSeparator(r.ChainID, r.Registry), r.structHash(digests))
}

func domainTypes() []apitypes.Type {
	return []apitypes.Type{
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	}
}

func apiDomain(chainID uint64, registry common.Address) apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{
		Name:              DomainName,
		Version:           DomainVersion,
		ChainId:           (*math.HexOrDecimal256)(new(big.Int).SetUint64(chainID)),
		VerifyingContract: registry.Hex(),
	}
}

func digestList(d []common.Hash) []interface{} {
	out := make([]interface{}, len(d))
	for i := range d {
		out[i] = d[i].Hex()
	}
	return out
}

// TypedData returns r as go-ethereum EIP712 typed data (for wallets and as
// the reference encoding). It fails if a certificate is not well-formed.
func (r *KeyRequest) TypedData() (apitypes.TypedData, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return apitypes.TypedData{}, err
	}
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainTypes(),
			"KeyRequest": {
				{Name: "realm", Type: "address"},
				{Name: "keyId", Type: "string"},
				{Name: "uri", Type: "string"},
				{Name: "role", Type: "string"},
				{Name: "csPubKey", Type: "bytes32"},
				{Name: "certificates", Type: "bytes32[]"},
				{Name: "issuedAt", Type: "uint64"},
				{Name: "requestNonce", Type: "bytes16"},
			},
		},
		PrimaryType: "KeyRequest",
		Domain:      apiDomain(r.ChainID, r.Registry),
		Message: apitypes.TypedDataMessage{
			"realm":        r.Realm.Hex(),
			"keyId":        r.KeyID,
			"uri":          r.URI,
			"role":         string(r.Role),
			"csPubKey":     hexutil.Bytes(r.CSPubKey[:]),
			"certificates": digestList(d),
			"issuedAt":     strconv.FormatUint(r.IssuedAt, 10),
			"requestNonce": hexutil.Bytes(r.Nonce[:]),
		},
	}, nil
}

// TypedData returns r as go-ethereum EIP712 typed data.
func (r *KeyResponse) TypedData() (apitypes.TypedData, error) {
	d, err := ChainDigests(r.Chain)
	if err != nil {
		return apitypes.TypedData{}, err
	}
	bh := r.BoxHash()
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainTypes(),
			"KeyResponse": {
				{Name: "realm", Type: "address"},
				{Name: "keyId", Type: "string"},
				{Name: "uriScope", Type: "string"},
				{Name: "match", Type: "string"},
				{Name: "role", Type: "string"},
				{Name: "requesterCsPubKey", Type: "bytes32"},
				{Name: "requestNonce", Type: "bytes16"},
				{Name: "csPubKey", Type: "bytes32"},
				{Name: "certificates", Type: "bytes32[]"},
				{Name: "boxNonce", Type: "bytes24"},
				{Name: "boxHash", Type: "bytes32"},
				{Name: "expiresAt", Type: "uint64"},
			},
		},
		PrimaryType: "KeyResponse",
		Domain:      apiDomain(r.ChainID, r.Registry),
		Message: apitypes.TypedDataMessage{
			"realm":             r.Realm.Hex(),
			"keyId":             r.KeyID,
			"uriScope":          r.Scope.URI,
			"match":             string(r.Scope.Match),
			"role":              string(r.Role),
			"requesterCsPubKey": hexutil.Bytes(r.RequesterCSPubKey[:]),
			"requestNonce":      hexutil.Bytes(r.RequestNonce[:]),
			"csPubKey":          hexutil.Bytes(r.CSPubKey[:]),
			"certificates":      digestList(d),
			"boxNonce":          hexutil.Bytes(r.BoxNonce[:]),
			"boxHash":           hexutil.Bytes(bh[:]),
			"expiresAt":         strconv.FormatUint(r.ExpiresAt, 10),
		},
	}, nil
}
