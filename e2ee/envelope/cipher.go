package envelope

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"fmt"
)

// AES-256-GCM (ppt_cipher "aes256gcm", docs/protocol.md §1.2). The payload is
//
//	nonce(12) ‖ AES-256-GCM(key, nonce, plaintext, ad = "aes256gcm") ‖ tag(16)
//
// byte for byte what libsodium's crypto_aead_aes256gcm_encrypt writes after
// its public nonce (npub ‖ c ‖ mac, ad = the ASCII cipher name), so the
// ppt_cipher option is authenticated by the tag.
const (
	// GCMNonceSize is the size of the random nonce that starts an
	// aes256gcm payload.
	GCMNonceSize = 12
	// GCMOverhead is the number of bytes an aes256gcm payload adds to its
	// plaintext (nonce and tag).
	GCMOverhead = GCMNonceSize + 16
	// GCMMaxMessages is the most messages one aes256gcm key may seal: with
	// random 96-bit nonces the probability of any nonce repeating under a key
	// stays below n²/2⁹⁷ = 2⁻⁴⁹, far inside NIST SP 800-38D's 2³² bound.
	// keyring.Ring rotates a key before it is reached; Open refuses
	// sequence numbers beyond it.
	GCMMaxMessages = 1 << 24
)

// cipherOverhead returns the payload overhead of a ppt_cipher value.
func cipherOverhead(c string) int {
	if c == CipherAESGCM {
		return GCMOverhead
	}
	return Overhead
}

// ValidCipher reports whether c is a ppt_cipher this package implements.
// The empty string is not valid here; configuration treats it as
// CipherXSalsa (CipherOrDefault).
func ValidCipher(c string) bool { return c == CipherXSalsa || c == CipherAESGCM }

// CipherOrDefault returns c, or CipherXSalsa if c is empty.
func CipherOrDefault(c string) string {
	if c == "" {
		return CipherXSalsa
	}
	return c
}

// gcmCache keeps the AES-256-GCM instance of the last key used, so that a
// stream of messages under one key expands the key schedule once.
type gcmCache struct {
	key  [KeySize]byte
	aead cipher.AEAD
}

// get returns the AEAD for key.
func (c *gcmCache) get(key *[KeySize]byte) (cipher.AEAD, error) {
	if c.aead != nil && subtle.ConstantTimeCompare(c.key[:], key[:]) == 1 {
		return c.aead, nil
	}
	c.wipe()
	b, err := aes.NewCipher(key[:])
	if err != nil {
		return nil, fmt.Errorf("envelope: aes: %w", err)
	}
	a, err := cipher.NewGCM(b)
	if err != nil {
		return nil, fmt.Errorf("envelope: gcm: %w", err)
	}
	c.key, c.aead = *key, a
	return a, nil
}

// wipe forgets the cached key.
func (c *gcmCache) wipe() { clear(c.key[:]); c.aead = nil }

// gcmAD is the additional data of every aes256gcm payload.
var gcmAD = []byte(CipherAESGCM)
