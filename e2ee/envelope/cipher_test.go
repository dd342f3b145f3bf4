package envelope

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// sealGCM seals m with the fixture key as aes256gcm.
func (f *fixture) sealGCM(m *Message) (map[string]any, []any) {
	f.t.Helper()
	f.key.Seq++
	k := f.key
	k.Cipher = CipherAESGCM
	p, err := f.sealer.Seal(nil, &k, m)
	require.NoError(f.t, err)
	return PutCipherOptions(nil, k.Cipher, k.ID, ""), []any{p}
}

func TestGCMRoundTrip(t *testing.T) {
	for _, compress := range []bool{false, true} {
		so := SealOptions{}
		if compress {
			so.CompressMin = 1
		}
		f := newFixture(t, so, OpenOptions{})
		d := Delivery{URI: testURI, Kind: e2ee.KindPublish, Cipher: CipherAESGCM}
		for i := range 3 { // the cached AEAD is reused across messages
			m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{"hello", uint64(i), bytes.Repeat([]byte{1}, 300)}, Sign: true}
			opts, args := f.sealGCM(m)
			assert.Equal(t, CipherAESGCM, opts[OptCipher])
			p := args[0].([]byte)
			o, err := f.open(opts, args, d)
			require.NoError(t, err)
			assert.Equal(t, uint64(i), o.Args[1])
			assert.True(t, o.Signed)
			assert.Equal(t, compress, o.Compressed)

			// The layout: nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16),
			// ad "aes256gcm", opened here with crypto/cipher alone.
			b, err := aes.NewCipher(f.key.Key[:])
			require.NoError(t, err)
			a, err := cipher.NewGCM(b)
			require.NoError(t, err)
			_, err = a.Open(nil, p[:GCMNonceSize], p[GCMNonceSize:], []byte("aes256gcm"))
			require.NoError(t, err)
			_, err = a.Open(nil, p[:GCMNonceSize], p[GCMNonceSize:], nil)
			require.Error(t, err, "the cipher name is authenticated")
		}
	}
}

// A receiver accepts only the cipher its rule allows, so a router cannot
// relabel a message; a relabelled payload under a receiver that allows the
// new label does not authenticate.
func TestGCMDowngradeRefused(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{"x"}}
	gcmD := Delivery{URI: testURI, Kind: e2ee.KindPublish, Cipher: CipherAESGCM}
	xsD := Delivery{URI: testURI, Kind: e2ee.KindPublish}

	opts, args := f.sealGCM(m)
	opts[OptCipher] = CipherXSalsa
	_, err := f.open(opts, args, gcmD)
	require.ErrorIs(t, err, ErrMalformed, "relabelled to xsalsa20poly1305 under an aes256gcm rule")
	assert.ErrorContains(t, err, "not allowed for this URI")
	_, err = f.open(opts, args, xsD)
	require.ErrorIs(t, err, ErrBadMAC, "a GCM payload does not open as a secretbox")

	opts, args = f.sealGCM(m)
	_, err = f.open(opts, args, xsD)
	require.ErrorIs(t, err, ErrMalformed, "aes256gcm not allowed by an xsalsa20poly1305 rule")

	opts, args = f.seal(m)
	_, err = f.open(opts, args, gcmD)
	require.ErrorIs(t, err, ErrMalformed, "xsalsa20poly1305 under an aes256gcm rule")
	opts[OptCipher] = CipherAESGCM
	_, err = f.open(opts, args, gcmD)
	require.ErrorIs(t, err, ErrBadMAC, "a secretbox payload relabelled aes256gcm")

	opts, args = f.seal(m)
	opts[OptCipher] = "aes128gcm"
	_, err = f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindPublish, Cipher: "aes128gcm"})
	require.ErrorIs(t, err, ErrMalformed, "unknown ciphers are refused even if a caller allows them")
}

func TestGCMBudget(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{"x"}}
	k := f.key
	k.Cipher = CipherAESGCM
	k.Seq = GCMMaxMessages + 1
	_, err := f.sealer.Seal(nil, &k, m)
	require.ErrorContains(t, err, "budget")
	k.Cipher = "aes128gcm"
	k.Seq = 1
	_, err = f.sealer.Seal(nil, &k, m)
	require.ErrorContains(t, err, "unsupported cipher")

	// A sender ignoring the budget is refused by the receiver.
	pt := f.ptMap(map[string]any{"seq": uint64(GCMMaxMessages + 1)})
	b, err := aes.NewCipher(f.key.Key[:])
	require.NoError(t, err)
	a, err := cipher.NewGCM(b)
	require.NoError(t, err)
	nonce := make([]byte, GCMNonceSize)
	p := a.Seal(append([]byte{}, nonce...), nonce, pt, []byte(CipherAESGCM))
	_, err = f.open(PutCipherOptions(nil, CipherAESGCM, f.key.ID, ""), []any{p}, Delivery{URI: testURI, Kind: e2ee.KindPublish, Cipher: CipherAESGCM})
	require.True(t, errors.Is(err, ErrReplay), "%v", err)
}

func TestGCMSealAllocs(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{"x"}}
	k := f.key
	k.Cipher = CipherAESGCM
	k.Seq = 1
	dst := make([]byte, 0, 256)
	_, err := f.sealer.Seal(dst, &k, m) // expands the key schedule once
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() {
		k.Seq++
		_, _ = f.sealer.Seal(dst, &k, m)
	})
	assert.Zero(t, allocs, "the AEAD of the current key is cached")
}
