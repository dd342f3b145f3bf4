package keys_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// Seed corpora live in testdata/fuzz/FuzzXxx.

// FuzzEd25519PublicToX25519: no panic, and an accepted key never converts to
// a low-order X25519 key.
func FuzzEd25519PublicToX25519(f *testing.F) {
	for _, h := range append(lowOrderEd25519, "12ae0184b180e9a9c5e45be4a1afbce3c6491320063701cd9c4011a777d04089") {
		f.Add(mustHex(f, h))
	}
	f.Fuzz(func(t *testing.T, pub []byte) {
		x, err := keys.Ed25519PublicToX25519(pub)
		if err != nil {
			return
		}
		require.NoError(t, keys.CheckX25519Public(x))
	})
}

// FuzzSharedKey: no panic on any peer key; low order is reported, not used.
func FuzzSharedKey(f *testing.F) {
	for _, h := range lowOrderX25519 {
		f.Add(mustHex(f, h))
	}
	k, err := keys.SessionKeyFromSeed(make([]byte, 32))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, peer []byte) {
		if len(peer) != 32 {
			return
		}
		checkErr := keys.CheckX25519Public([32]byte(peer))
		_, err := k.SharedKey([32]byte(peer))
		require.Equal(t, checkErr == nil, err == nil)
	})
}

// FuzzSeedFromMnemonic: no panic on arbitrary phrases.
func FuzzSeedFromMnemonic(f *testing.F) {
	f.Add("avocado style uncover thrive same grace crunch want essay reduce current edge")
	f.Add("")
	f.Fuzz(func(t *testing.T, m string) {
		if len(m) > 1024 {
			return
		}
		seed, err := keys.SeedFromMnemonic(m, "")
		if err == nil {
			require.Len(t, seed, 64)
		}
	})
}

// FuzzDecryptKeystore: no panic on any keystore document, whatever its
// parameters (go-ethereum panics on some; checkCrypto must stop them).
func FuzzDecryptKeystore(f *testing.F) {
	sk, err := keys.SessionKeyFromSeed(make([]byte, 32))
	require.NoError(f, err)
	doc, err := keys.EncryptSessionKey(sk, "pw", 2, 1)
	require.NoError(f, err)
	f.Add(doc)
	dk, err := keys.DelegateKeyFromBytes(append(make([]byte, 31), 1))
	require.NoError(f, err)
	doc, err = keys.EncryptDelegateKey(dk, "pw", 2, 1)
	require.NoError(f, err)
	f.Add(doc)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = keys.DecryptSessionKey(data, "pw")
		_, _ = keys.DecryptDelegateKey(data, "pw")
	})
}
