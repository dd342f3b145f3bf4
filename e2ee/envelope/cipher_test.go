package envelope

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/secretbox"

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

// TestOpenExclusiveAllocs: opening an exclusive 1 KiB payload allocates
// only the opened arguments (the list and the byte string's box), under
// either cipher; without Exclusive, one buffer more.
func TestOpenExclusiveAllocs(t *testing.T) {
	data := bytes.Repeat([]byte("payload!"), 128)
	for _, gcm := range []bool{false, true} {
		f := newFixture(t, SealOptions{}, OpenOptions{})
		m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{data}}
		d := Delivery{URI: testURI, Kind: e2ee.KindPublish}
		const n = 50
		opts := make([]map[string]any, 2*n+4)
		args := make([][]any, 2*n+4)
		for i := range args {
			if gcm {
				opts[i], args[i] = f.sealGCM(m)
				d.Cipher = CipherAESGCM
			} else {
				opts[i], args[i] = f.seal(m)
			}
		}
		i := 0
		for _, exclusive := range []bool{true, false} {
			d.Exclusive = exclusive
			allocs := testing.AllocsPerRun(n, func() {
				if _, err := f.open(opts[i], args[i], d); err != nil {
					t.Fatal(err)
				}
				i++
			})
			want := 2.0 // the Args list and the []byte in it
			if !exclusive {
				want++ // the plaintext buffer
			}
			assert.LessOrEqual(t, allocs, want, "gcm %v exclusive %v", gcm, exclusive)
		}
	}
}

// TestOpenExclusive: with Delivery.Exclusive a payload is decrypted over
// itself (the opened byte strings alias it); without it, or for a base64
// payload (decoded into the Opener's reused scratch), the payload is not
// touched and the opened values own their bytes.
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
		{"xsalsa exclusive", false, true, false, true},
		{"xsalsa exclusive base64", false, true, true, false},
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
				m2 := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{bytes.Repeat([]byte("other..."), 64)}}
				var opts2 map[string]any
				var args2 []any
				if tt.gcm {
					opts2, args2 = f.sealGCM(m2)
				} else {
					opts2, args2 = f.seal(m2)
				}
				_, err := f.open(opts2, []any{base64.StdEncoding.EncodeToString(args2[0].([]byte))}, d)
				require.NoError(t, err)
				assert.Equal(t, data, opened)
			}
		})
	}
}

// TestOpenInPlaceMatchesSecretbox: openInPlace accepts exactly what
// secretbox.Open accepts and yields the same message, for every length
// around the 32-byte first block and Salsa20's 64-byte blocks, and refuses
// every single-bit change of a box, key or nonce.
func TestOpenInPlaceMatchesSecretbox(t *testing.T) {
	var key [KeySize]byte
	var nonce [NonceSize]byte
	for n := 0; n <= 300; n++ {
		_, _ = rand.Read(key[:])
		_, _ = rand.Read(nonce[:])
		msg := make([]byte, n)
		_, _ = rand.Read(msg)
		box := secretbox.Seal(nil, msg, &nonce, &key)
		got, ok := openInPlace(bytes.Clone(box), &nonce, &key)
		require.True(t, ok, "length %d", n)
		require.Equal(t, msg, append([]byte{}, got...), "length %d", n)
		if n > 70 && n%17 != 0 {
			continue // flip every bit of a few lengths only
		}
		for i := range 8 * len(box) {
			bad := bytes.Clone(box)
			bad[i/8] ^= 1 << (i % 8)
			_, ok := openInPlace(bad, &nonce, &key)
			require.False(t, ok, "length %d, bit %d", n, i)
		}
		k2, n2 := key, nonce
		k2[n%KeySize] ^= 1
		n2[n%NonceSize] ^= 0x80
		_, ok = openInPlace(bytes.Clone(box), &nonce, &k2)
		require.False(t, ok)
		_, ok = openInPlace(bytes.Clone(box), &n2, &key)
		require.False(t, ok)
	}
	_, ok := openInPlace(make([]byte, secretbox.Overhead-1), &nonce, &key)
	require.False(t, ok)
}

// FuzzOpenInPlace: openInPlace and secretbox.Open agree on a box sealed
// from the fuzzed message, key and nonce, intact (flip 0) or with one byte
// changed (flip selects the byte and the bits).
func FuzzOpenInPlace(f *testing.F) {
	zero := make([]byte, KeySize)
	f.Add([]byte("hello"), zero, zero[:NonceSize-8], uint32(0))
	f.Add(bytes.Repeat([]byte{7}, 100), zero, zero[:NonceSize-8], uint32(0x0100+40))
	f.Add([]byte{}, zero, zero[:NonceSize-8], uint32(0x8000+3))
	f.Fuzz(func(t *testing.T, msg, k, n []byte, flip uint32) {
		var key [KeySize]byte
		var nonce [NonceSize]byte
		copy(key[:], k)
		copy(nonce[:], n)
		box := secretbox.Seal(nil, msg, &nonce, &key)
		if flip != 0 {
			box[int(flip&0xffff)%len(box)] ^= byte(flip>>16) | 1
		}
		want, wantOK := secretbox.Open(nil, box, &nonce, &key)
		got, ok := openInPlace(bytes.Clone(box), &nonce, &key)
		if ok != wantOK || (ok && !bytes.Equal(got, want)) || (flip == 0 && !ok) {
			t.Fatalf("openInPlace = %x, %v; secretbox.Open = %x, %v", got, ok, want, wantOK)
		}
	})
}

// BenchmarkOpenInPlace: opening a 1 KiB box into a new buffer (what
// secretbox.Open requires) against in place.
func BenchmarkOpenInPlace(b *testing.B) {
	var key [KeySize]byte
	var nonce [NonceSize]byte
	box := secretbox.Seal(nil, make([]byte, 1024), &nonce, &key)
	work := make([]byte, len(box))
	b.Run("secretbox", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, ok := secretbox.Open(make([]byte, 0, len(box)-secretbox.Overhead), box, &nonce, &key); !ok {
				b.Fatal("open")
			}
		}
	})
	b.Run("inplace", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			copy(work, box)
			if _, ok := openInPlace(work, &nonce, &key); !ok {
				b.Fatal("open")
			}
		}
	})
}
