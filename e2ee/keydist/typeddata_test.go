package keydist

// go-ethereum's EIP712 typed data (signer/core/apitypes) of the key messages,
// for the tests: the reference the fixed-layout digests must always agree
// with. The protocol core does not import apitypes.

import (
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

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

func digestList(d []common.Hash) []any {
	out := make([]any, len(d))
	for i := range d {
		out[i] = d[i].Hex()
	}
	return out
}

// TypedData returns r as go-ethereum EIP712 typed data (for wallets and as
// the reference encoding; the verifiers never use it). It fails if the
// chain is not well-formed.
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
				{Name: "issuer", Type: "address"},
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
			"issuer":       r.Issuer.Hex(),
			"issuedAt":     strconv.FormatUint(r.IssuedAt, 10),
			"requestNonce": hexutil.Bytes(r.Nonce[:]),
		},
	}, nil
}

// TypedData returns r as go-ethereum EIP712 typed data (see
// KeyRequest.TypedData).
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
				{Name: "issuer", Type: "address"},
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
			"issuer":            r.Issuer.Hex(),
			"boxNonce":          hexutil.Bytes(r.BoxNonce[:]),
			"boxHash":           hexutil.Bytes(bh[:]),
			"expiresAt":         strconv.FormatUint(r.ExpiresAt, 10),
		},
	}, nil
}
