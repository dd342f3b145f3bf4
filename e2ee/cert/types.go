package cert

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Limits on untrusted input. Every parser in this package enforces them
// before doing work proportional to the input.
const (
	// MaxChainLength is the maximum number of certificates in a chain.
	MaxChainLength = 8
	// MaxMetaLength is the maximum length of the meta string in bytes.
	MaxMetaLength = 1024
	// MaxCertificateSize is the maximum encoded size of one certificate
	// (JSON tuple or CBOR file) in bytes.
	MaxCertificateSize = 16 << 10
	// MaxChainSize is the maximum encoded size of a whole chain in bytes.
	MaxChainSize = MaxChainLength * MaxCertificateSize
	// SignatureLength is the length of a certificate signature r‖s‖v.
	SignatureLength = 65
)

// EIP712 names of the WMP/1 certificates.
const (
	DomainName               = "WMP"
	DomainVersion            = "1"
	DelegateCertificateType  = "EIP712DelegateCertificate"
	AuthorityCertificateType = "EIP712AuthorityCertificate"

	// DomainTypeString is the EIP712 type of the WMP/1 domain.
	DomainTypeString = "EIP712Domain(string name,string version)"
	// DelegateTypeString is the EIP712 type of a delegate certificate.
	DelegateTypeString = "EIP712DelegateCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address delegate,bytes32 csPubKey,uint64 bootedAt,string meta)"
	// AuthorityTypeString is the EIP712 type of an authority certificate.
	AuthorityTypeString = "EIP712AuthorityCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address issuer,address subject,address realm,uint64 capabilities,string meta)"
)

// Kind tells the two certificate types apart.
type Kind uint8

const (
	// KindInvalid is the zero Kind: a Certificate with neither or both
	// messages set.
	KindInvalid Kind = iota
	// KindDelegate is an EIP712DelegateCertificate.
	KindDelegate
	// KindAuthority is an EIP712AuthorityCertificate.
	KindAuthority
)

// String returns the EIP712 primary type name of k.
func (k Kind) String() string {
	switch k {
	case KindDelegate:
		return DelegateCertificateType
	case KindAuthority:
		return AuthorityCertificateType
	default:
		return "invalid"
	}
}

// DelegateCertificate is the message of an EIP712DelegateCertificate. The
// delegate signs it with its own key (the certificate is self-signed).
//
// chainId and validFrom are uint256 in EIP712; this package holds them as
// uint64 and rejects larger values when parsing (EIP-2294 bounds chain ids
// far below 2^64, and a block number ≥ 2^64 is never reached).
type DelegateCertificate struct {
	ChainID           uint64
	VerifyingContract common.Address
	// ValidFrom is the first block number at which the certificate is valid.
	ValidFrom uint64
	// Delegate is the Ethereum address of the delegate key.
	Delegate common.Address
	// CSPubKey is the delegate's WAMP-Cryptosign (Ed25519) public key.
	CSPubKey [32]byte
	// BootedAt is the boot time of the delegate, UTC, Posix nanoseconds.
	BootedAt uint64
	// Meta is free text (e.g. an IPFS hash), at most MaxMetaLength bytes.
	Meta string
}

// AuthorityCertificate is the message of an EIP712AuthorityCertificate: the
// issuer grants capabilities in a realm to the subject. A root CA
// certificate is self-signed (Issuer == Subject).
type AuthorityCertificate struct {
	ChainID           uint64
	VerifyingContract common.Address
	// ValidFrom is the first block number at which the certificate is valid.
	ValidFrom uint64
	Issuer    common.Address
	Subject   common.Address
	Realm     common.Address
	// Capabilities is a set of Cap* bits; bits 8–63 must be zero.
	Capabilities uint64
	// Meta is free text, at most MaxMetaLength bytes.
	Meta string
}

// Certificate is one signed WMP/1 certificate. Exactly one of Delegate and
// Authority is set; Signature is r‖s‖v over the EIP712 digest of that
// message.
type Certificate struct {
	Delegate  *DelegateCertificate
	Authority *AuthorityCertificate
	Signature [SignatureLength]byte
}

// errKind is returned when a Certificate has neither or both messages set.
var errKind = errors.New("certificate must have exactly one of a delegate or an authority message")

// Kind returns which message c carries, or KindInvalid.
func (c *Certificate) Kind() Kind {
	switch {
	case c.Delegate != nil && c.Authority == nil:
		return KindDelegate
	case c.Authority != nil && c.Delegate == nil:
		return KindAuthority
	default:
		return KindInvalid
	}
}

// ExpectedSigner returns the address whose key must have signed c: the
// delegate for a delegate certificate, the issuer for an authority
// certificate.
func (c *Certificate) ExpectedSigner() (common.Address, error) {
	switch c.Kind() {
	case KindDelegate:
		return c.Delegate.Delegate, nil
	case KindAuthority:
		return c.Authority.Issuer, nil
	default:
		return common.Address{}, errKind
	}
}

// validate checks the field bounds that the encoding does not: the meta
// length and, for authority certificates, nothing else (reserved capability
// bits are a chain rule, CCR-7, so single certificates with them still parse).
func (c *Certificate) validate() error {
	var meta string
	switch c.Kind() {
	case KindDelegate:
		meta = c.Delegate.Meta
	case KindAuthority:
		meta = c.Authority.Meta
	default:
		return errKind
	}
	if len(meta) > MaxMetaLength {
		return fmt.Errorf("meta is %d bytes, more than %d", len(meta), MaxMetaLength)
	}
	return nil
}

// meta returns the meta string of the message c carries ("" if none).
func (c *Certificate) meta() string {
	switch {
	case c.Delegate != nil:
		return c.Delegate.Meta
	case c.Authority != nil:
		return c.Authority.Meta
	}
	return ""
}
