package cert

// go-ethereum's EIP712 typed data (signer/core/apitypes) for the tests: the
// reference the fixed-layout Digest must always agree with. The protocol core
// does not import apitypes.

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// domainTypes are the EIP712 fields of the WMP/1 domain.
func domainTypes() []apitypes.Type {
	return []apitypes.Type{{Name: "name", Type: "string"}, {Name: "version", Type: "string"}}
}

// delegateTypes are the EIP712 fields of EIP712DelegateCertificate, in order.
func delegateTypes() []apitypes.Type {
	return []apitypes.Type{
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
		{Name: "validFrom", Type: "uint256"},
		{Name: "delegate", Type: "address"},
		{Name: "csPubKey", Type: "bytes32"},
		{Name: "bootedAt", Type: "uint64"},
		{Name: "meta", Type: "string"},
	}
}

// authorityTypes are the EIP712 fields of EIP712AuthorityCertificate, in order.
func authorityTypes() []apitypes.Type {
	return []apitypes.Type{
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
		{Name: "validFrom", Type: "uint256"},
		{Name: "issuer", Type: "address"},
		{Name: "subject", Type: "address"},
		{Name: "realm", Type: "address"},
		{Name: "capabilities", Type: "uint64"},
		{Name: "meta", Type: "string"},
	}
}

// typeFieldsOf returns the EIP712 fields of the primary type of k.
func typeFieldsOf(k Kind) []apitypes.Type {
	if k == KindDelegate {
		return delegateTypes()
	}
	return authorityTypes()
}

// TypedData returns d as go-ethereum EIP712 typed data, for wallets and
// other EIP712 tooling.
func (d *DelegateCertificate) TypedData() apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain":          domainTypes(),
			DelegateCertificateType: delegateTypes(),
		},
		PrimaryType: DelegateCertificateType,
		Domain:      apitypes.TypedDataDomain{Name: DomainName, Version: DomainVersion},
		Message: apitypes.TypedDataMessage{
			"chainId":           new(big.Int).SetUint64(d.ChainID),
			"verifyingContract": d.VerifyingContract.Hex(),
			"validFrom":         new(big.Int).SetUint64(d.ValidFrom),
			"delegate":          d.Delegate.Hex(),
			"csPubKey":          d.CSPubKey[:],
			"bootedAt":          new(big.Int).SetUint64(d.BootedAt),
			"meta":              d.Meta,
		},
	}
}

// TypedData returns a as go-ethereum EIP712 typed data.
func (a *AuthorityCertificate) TypedData() apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain":           domainTypes(),
			AuthorityCertificateType: authorityTypes(),
		},
		PrimaryType: AuthorityCertificateType,
		Domain:      apitypes.TypedDataDomain{Name: DomainName, Version: DomainVersion},
		Message: apitypes.TypedDataMessage{
			"chainId":           new(big.Int).SetUint64(a.ChainID),
			"verifyingContract": a.VerifyingContract.Hex(),
			"validFrom":         new(big.Int).SetUint64(a.ValidFrom),
			"issuer":            a.Issuer.Hex(),
			"subject":           a.Subject.Hex(),
			"realm":             a.Realm.Hex(),
			"capabilities":      new(big.Int).SetUint64(a.Capabilities),
			"meta":              a.Meta,
		},
	}
}

// TypedData returns the go-ethereum EIP712 typed data of the message c carries.
func (c *Certificate) TypedData() (apitypes.TypedData, error) {
	switch c.Kind() {
	case KindDelegate:
		return c.Delegate.TypedData(), nil
	case KindAuthority:
		return c.Authority.TypedData(), nil
	default:
		return apitypes.TypedData{}, fmt.Errorf("cert: typed data: %w", errKind)
	}
}

// DigestAPITypes returns the EIP712 digest of c computed by go-ethereum's
// apitypes.TypedDataAndHash. It is the reference for Certificate.Digest
// (which is about ten times faster) and must always return the same value.
func (c *Certificate) DigestAPITypes() (common.Hash, error) {
	td, err := c.TypedData()
	if err != nil {
		return common.Hash{}, err
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return common.Hash{}, fmt.Errorf("cert: apitypes digest: %w", err)
	}
	return common.BytesToHash(h), nil
}
