package envelope

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"testing"
	"unsafe"

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

// TestOpenExclusive: with Delivery.Exclusive an aes256gcm payload is
// decrypted over itself (the opened byte strings alias it); without it, or
// for xsalsa20poly1305 (x/crypto refuses overlap), or for a base64 payload
// (decoded into the Opener's reused scratch), the payload is not touched and
// the opened values own their bytes.
func TestOpenExclusive(t *testing.T) {
	data := bytes.Repeat([]byte("payload!"), 64)
	m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{data}}
	for _, tt := range []struct {
		name      string
		gcm       bool
		exclusive bool
		base64    bool
		inPlace   bool
	}{
		{"gcm exclusive", true, true, false, true},
		{"gcm shared", true, false, false, false},
		{"gcm exclusive base64", true, true, true, false},
		{"xsalsa exclusive", false, true, false, false},
		{"xsalsa shared", false, false, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, SealOptions{}, OpenOptions{})
			d := Delivery{URI: testURI, Kind: e2ee.KindPublish, Exclusive: tt.exclusive}
			var opts map[string]any
			var args []any
			if tt.gcm {
				opts, args = f.sealGCM(m)
				d.Cipher = CipherAESGCM
			} else {
				opts, args = f.seal(m)
			}
			payload := args[0].([]byte)
			orig := bytes.Clone(payload)
			if tt.base64 {
				args = []any{base64.StdEncoding.EncodeToString(payload)}
			}
			got, err := f.open(opts, args, d)
			require.NoError(t, err)
			opened := got.Args[0].([]byte)
			require.Equal(t, data, opened)
			lo, hi := &payload[0], &payload[len(payload)-1]
			aliases := uintptr(unsafe.Pointer(&opened[0])) >= uintptr(unsafe.Pointer(lo)) &&
				uintptr(unsafe.Pointer(&opened[0])) <= uintptr(unsafe.Pointer(hi))
			assert.Equal(t, tt.inPlace, aliases)
			if !tt.inPlace {
				assert.Equal(t, orig, payload, "the payload is untouched")
			}
			if tt.base64 { // the scratch is reused: the opened bytes must not live in it
				_, args2 := f.sealGCM(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{bytes.Repeat([]byte("other..."), 64)}})
				_, err := f.open(opts2(f), []any{base64.StdEncoding.EncodeToString(args2[0].([]byte))}, d)
				require.NoError(t, err)
				assert.Equal(t, data, opened)
			}
		})
	}
}

// opts2 returns the aes256gcm options of f's key.
func opts2(f *fixture) map[string]any {
	return PutCipherOptions(nil, CipherAESGCM, f.key.ID, "e2ee.key.x")
}
