package keys

import (
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DelegateKey is a secp256k1 private key with its Ethereum address. It
// implements cert.Signer. The zero value is not usable.
type DelegateKey struct {
	priv *ecdsa.PrivateKey
	addr common.Address
}

// GenerateDelegateKey returns a fresh delegate key from crypto/rand.
func GenerateDelegateKey() (*DelegateKey, error) {
	priv, err := ecdsa.GenerateKey(crypto.S256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("keys: generate delegate key: %w", err)
	}
	return NewDelegateKey(priv)
}

// NewDelegateKey wraps an existing secp256k1 private key.
func NewDelegateKey(priv *ecdsa.PrivateKey) (*DelegateKey, error) {
	//lint:ignore SA1019 secp256k1 is not a crypto/ecdh curve: go-ethereum keys carry their scalar only in D.
	if priv == nil || priv.D == nil || priv.Curve != crypto.S256() {
		return nil, errors.New("keys: delegate key: not a secp256k1 private key")
	}
	return &DelegateKey{priv: priv, addr: crypto.PubkeyToAddress(priv.PublicKey)}, nil
}

// DelegateKeyFromBytes parses a 32-byte big-endian secp256k1 private key.
func DelegateKeyFromBytes(b []byte) (*DelegateKey, error) {
	priv, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, errors.New("keys: delegate key: invalid secp256k1 private key")
	}
	return NewDelegateKey(priv)
}

// Address returns the Ethereum address of the key.
func (k *DelegateKey) Address() common.Address { return k.addr }

// PrivateKey returns the underlying key, for go-ethereum APIs. Handle with
// care: it is the secret.
func (k *DelegateKey) PrivateKey() *ecdsa.PrivateKey { return k.priv }

// Bytes returns the 32-byte private scalar. Handle with care.
func (k *DelegateKey) Bytes() []byte { return crypto.FromECDSA(k.priv) }

// SignDigest signs a 32-byte digest (e.g. an EIP712 digest) and returns 65
// bytes r‖s‖v with v ∈ {27, 28} and low s (RFC 6979 deterministic).
func (k *DelegateKey) SignDigest(digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], k.priv)
	if err != nil {
		return nil, fmt.Errorf("keys: sign digest: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// String identifies the key by its address only.
func (k DelegateKey) String() string { return "DelegateKey(" + k.addr.Hex() + ")" }

// Format prints String for every verb, so %v, %+v, %#v and %x never reveal
// the private key.
func (k DelegateKey) Format(f fmt.State, _ rune) { fmt.Fprint(f, k.String()) }

// GoString is String (for %#v).
func (k DelegateKey) GoString() string { return k.String() }
