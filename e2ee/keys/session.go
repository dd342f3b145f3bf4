package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"

	"filippo.io/edwards25519"
	"golang.org/x/crypto/curve25519"
)

// Errors of the X25519 conversion and key agreement.
var (
	// ErrInvalidPublicKey: an Ed25519 public key is not a canonical point of
	// the prime-order subgroup, so it has no safe X25519 equivalent.
	ErrInvalidPublicKey = errors.New("invalid Ed25519 public key")
	// ErrLowOrder: an X25519 public key is of low order (or all zero), so a
	// shared secret with it would be a public constant.
	ErrLowOrder = errors.New("low-order X25519 public key")
)

// SessionKey is a client-session (WAMP-Cryptosign) Ed25519 key. The zero
// value is not usable.
type SessionKey struct {
	priv ed25519.PrivateKey
}

// GenerateSessionKey returns a fresh session key from crypto/rand.
func GenerateSessionKey() (*SessionKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("keys: generate session key: %w", err)
	}
	return &SessionKey{priv: priv}, nil
}

// SessionKeyFromSeed returns the session key of a 32-byte Ed25519 seed.
func SessionKeyFromSeed(seed []byte) (*SessionKey, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("keys: session key: seed is %d bytes, want %d", len(seed), ed25519.SeedSize)
	}
	return &SessionKey{priv: ed25519.NewKeyFromSeed(seed)}, nil
}

// Seed returns the 32-byte seed. Handle with care.
func (k *SessionKey) Seed() []byte { return k.priv.Seed() }

// Public returns the Ed25519 public key (the certificate's csPubKey).
func (k *SessionKey) Public() ed25519.PublicKey {
	return append(ed25519.PublicKey(nil), k.priv.Public().(ed25519.PublicKey)...)
}

// PublicKey32 returns the public key as an array.
func (k *SessionKey) PublicKey32() [32]byte { return [32]byte(k.Public()) }

// Sign signs msg with Ed25519.
func (k *SessionKey) Sign(msg []byte) []byte { return ed25519.Sign(k.priv, msg) }

// X25519PrivateKey returns the X25519 private key, as libsodium's
// crypto_sign_ed25519_sk_to_curve25519: SHA-512 of the seed, first 32
// bytes, clamped. Handle with care.
func (k *SessionKey) X25519PrivateKey() [32]byte {
	h := sha512.Sum512(k.priv.Seed())
	var out [32]byte
	copy(out[:], h[:32])
	clear(h[:])
	out[0] &= 248
	out[31] &= 127
	out[31] |= 64
	return out
}

// X25519PublicKey returns the X25519 public key (equal to
// Ed25519PublicToX25519 of Public, and to X25519(X25519PrivateKey, 9)).
func (k *SessionKey) X25519PublicKey() [32]byte {
	// Our own public key is [s]B, a valid prime-order point by construction.
	p, err := new(edwards25519.Point).SetBytes(k.Public())
	if err != nil {
		return [32]byte{}
	}
	return [32]byte(p.BytesMontgomery())
}

// SharedKey returns X25519(our X25519 private key, peer), rejecting a
// low-order or all-zero peer key with ErrLowOrder.
func (k *SessionKey) SharedKey(peer [32]byte) ([32]byte, error) {
	priv := k.X25519PrivateKey()
	defer clear(priv[:])
	out, err := curve25519.X25519(priv[:], peer[:])
	if err != nil {
		return [32]byte{}, fmt.Errorf("keys: shared key: %w", ErrLowOrder)
	}
	return [32]byte(out), nil
}

// String identifies the key by its public key only.
func (k SessionKey) String() string {
	if len(k.priv) != ed25519.PrivateKeySize {
		return "SessionKey(invalid)"
	}
	return "SessionKey(" + hex.EncodeToString(k.priv.Public().(ed25519.PublicKey)) + ")"
}

// Format prints String for every verb, so no verb reveals the seed.
func (k SessionKey) Format(f fmt.State, _ rune) { fmt.Fprint(f, k.String()) }

// GoString is String (for %#v).
func (k SessionKey) GoString() string { return k.String() }

// Ed25519PublicToX25519 converts an Ed25519 public key to X25519 as
// libsodium's crypto_sign_ed25519_pk_to_curve25519 does: u = (1+y)/(1−y).
// Like libsodium it rejects points of small order and points outside the
// prime-order subgroup; it also rejects non-canonical encodings.
func Ed25519PublicToX25519(pub []byte) ([32]byte, error) {
	if len(pub) != ed25519.PublicKeySize {
		return [32]byte{}, fmt.Errorf("keys: Ed25519 to X25519: %w: %d bytes", ErrInvalidPublicKey, len(pub))
	}
	p, err := new(edwards25519.Point).SetBytes(pub)
	if err != nil {
		return [32]byte{}, fmt.Errorf("keys: Ed25519 to X25519: %w: not a point", ErrInvalidPublicKey)
	}
	if string(p.Bytes()) != string(pub) {
		return [32]byte{}, fmt.Errorf("keys: Ed25519 to X25519: %w: non-canonical encoding", ErrInvalidPublicKey)
	}
	identity := edwards25519.NewIdentityPoint()
	if new(edwards25519.Point).MultByCofactor(p).Equal(identity) == 1 {
		return [32]byte{}, fmt.Errorf("keys: Ed25519 to X25519: %w: small order", ErrInvalidPublicKey)
	}
	// [L]P = [L−1]P + P must be the identity for P in the prime-order subgroup.
	minusOne := edwards25519.NewScalar().Subtract(edwards25519.NewScalar(), scalarOne())
	lp := new(edwards25519.Point).Add(new(edwards25519.Point).VarTimeDoubleScalarBaseMult(minusOne, p, edwards25519.NewScalar()), p)
	if lp.Equal(identity) != 1 {
		return [32]byte{}, fmt.Errorf("keys: Ed25519 to X25519: %w: not in the prime-order subgroup", ErrInvalidPublicKey)
	}
	return [32]byte(p.BytesMontgomery()), nil
}

// scalarOne returns the scalar 1.
func scalarOne() *edwards25519.Scalar {
	var b [32]byte
	b[0] = 1
	s, _ := edwards25519.NewScalar().SetCanonicalBytes(b[:])
	return s
}

// CheckX25519Public returns ErrLowOrder if pub is a low-order point or all
// zero (any point whose product with a clamped scalar is zero). Call it
// before boxing to a peer's key.
func CheckX25519Public(pub [32]byte) error {
	var scalar [32]byte
	for i := range scalar {
		scalar[i] = 0x5a // any scalar works: X25519 clamps it to a multiple of 8
	}
	if _, err := curve25519.X25519(scalar[:], pub[:]); err != nil {
		return fmt.Errorf("keys: X25519 public key: %w", ErrLowOrder)
	}
	return nil
}
