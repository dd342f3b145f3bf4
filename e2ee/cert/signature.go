package cert

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// secp256k1 group order N and N/2, big-endian (immutable constants).
const (
	secp256k1N     = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xba\xae\xdc\xe6\xaf\x48\xa0\x3b\xbf\xd2\x5e\x8c\xd0\x36\x41\x41"
	secp256k1HalfN = "\x7f\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x5d\x57\x6e\x73\x57\xa4\x50\x1d\xdf\xe9\x2f\x46\x68\x1b\x20\xa0"
)

// Signer signs EIP712 digests with a secp256k1 key. Package keys implements
// it; a hardware or remote signer can too.
type Signer interface {
	// Address returns the Ethereum address of the signing key.
	Address() common.Address
	// SignDigest signs a 32-byte digest and returns 65 bytes r‖s‖v with
	// v ∈ {27, 28} and low s.
	SignDigest(digest common.Hash) ([]byte, error)
}

// checkSignatureValues enforces the signature encoding: 65 bytes, v ∈ {27,
// 28}, 0 < r < N and 0 < s ≤ N/2 (low s, no malleable twin).
func checkSignatureValues(sig []byte) error {
	if len(sig) != SignatureLength {
		return fmt.Errorf("signature is %d bytes, want %d", len(sig), SignatureLength)
	}
	if v := sig[64]; v != 27 && v != 28 {
		return fmt.Errorf("signature v is %d, want 27 or 28", v)
	}
	var zero [32]byte
	r, s := sig[0:32], sig[32:64]
	if bytes.Equal(r, zero[:]) || bytes.Compare(r, []byte(secp256k1N)) >= 0 {
		return errors.New("signature r out of range")
	}
	if bytes.Equal(s, zero[:]) {
		return errors.New("signature s is zero")
	}
	if bytes.Compare(s, []byte(secp256k1HalfN)) > 0 {
		return errors.New("signature s is high (malleable); low s required")
	}
	return nil
}

// RecoverSigner returns the address whose key produced sig (r‖s‖v, v ∈
// {27, 28}, low s) over digest.
func RecoverSigner(digest common.Hash, sig []byte) (common.Address, error) {
	if err := checkSignatureValues(sig); err != nil {
		return common.Address{}, fmt.Errorf("cert: recover signer: %w", err)
	}
	var rsv [SignatureLength]byte
	copy(rsv[:], sig)
	rsv[64] -= 27
	pub, err := crypto.Ecrecover(digest[:], rsv[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("cert: recover signer: %w", err)
	}
	h := getHasher()
	ph := h.Sum(pub[1:])
	putHasher(h)
	return common.Address(ph[12:]), nil
}

// Signer returns the address recovered from c's signature over c's digest.
// It does not say whether that is the right signer; see Certificate.Verify.
func (c *Certificate) Signer() (common.Address, error) {
	d, err := c.Digest()
	if err != nil {
		return common.Address{}, err
	}
	return RecoverSigner(d, c.Signature[:])
}

// Verify checks that c's signature recovers to its expected signer (the
// delegate for a delegate certificate, the issuer for an authority
// certificate). It checks no chain rule; see Verify for chains.
func (c *Certificate) Verify() error {
	want, err := c.ExpectedSigner()
	if err != nil {
		return fmt.Errorf("cert: verify: %w", err)
	}
	got, err := c.Signer()
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("cert: verify: %w: signature recovers to %s, want %s", ErrSignature, got.Hex(), want.Hex())
	}
	return nil
}

// sign signs digest with s, checks the result and returns the certificate.
func sign(s Signer, want common.Address, c Certificate) (Certificate, error) {
	if s.Address() != want {
		return Certificate{}, fmt.Errorf("cert: sign %s: signer %s is not %s", c.Kind(), s.Address().Hex(), want.Hex())
	}
	d, err := c.Digest()
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: sign %s: %w", c.Kind(), err)
	}
	sig, err := s.SignDigest(d)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: sign %s: %w", c.Kind(), err)
	}
	got, err := RecoverSigner(d, sig)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: sign %s: signer returned a bad signature: %w", c.Kind(), err)
	}
	if got != want {
		return Certificate{}, fmt.Errorf("cert: sign %s: signature recovers to %s, not %s", c.Kind(), got.Hex(), want.Hex())
	}
	copy(c.Signature[:], sig)
	return c, nil
}

// SignDelegate signs d with the delegate key s (a delegate certificate is
// self-signed, so s.Address() must equal d.Delegate).
func SignDelegate(s Signer, d DelegateCertificate) (Certificate, error) {
	return sign(s, d.Delegate, Certificate{Delegate: &d})
}

// SignAuthority signs a with the issuer key s (s.Address() must equal
// a.Issuer).
func SignAuthority(s Signer, a AuthorityCertificate) (Certificate, error) {
	return sign(s, a.Issuer, Certificate{Authority: &a})
}
