package envelope

import (
	"bytes"
	"encoding/base64"
	"testing"
	"time"

	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

func FuzzParseKeyID(f *testing.F) {
	f.Add("0123456789abcdef.00112233445566778899aabbccddeeff")
	f.Add("0123456789ABCDEF.00112233445566778899aabbccddeeff")
	f.Add("0x13578281196c1dD73d9AE5e313f3fB6b8954Bf55")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseKeyID(s)
		if err != nil {
			if ValidKeyID(s) {
				t.Fatal("ValidKeyID and ParseKeyID disagree")
			}
			return
		}
		if id.String() != s {
			t.Fatalf("round trip %q -> %q", s, id.String())
		}
	})
}

// FuzzOpen feeds arbitrary options, argument shapes and payloads to Open.
// With seal set, payload is treated as a plaintext and encrypted under the
// known key first, so that mutations reach the plaintext decoder and every
// later check.
func FuzzOpen(f *testing.F) {
	const kid = "0123456789abcdef.00112233445566778899aabbccddeeff"
	var key [KeySize]byte
	copy(key[:], bytes.Repeat([]byte{1}, KeySize))
	now := time.UnixMilli(1_790_000_000_000)
	s, err := NewSealer(SealOptions{Now: func() time.Time { return now }, CompressMin: 64})
	if err != nil {
		f.Fatal(err)
	}
	sk := SealKey{ID: kid, Key: key, Seq: 1}
	for i, args := range [][]any{{"x"}, {[]byte("0123456789012345678901234567890123456789012345678901234567890123456789")}, nil} {
		sk.Seq = uint64(i + 1)
		p, err := s.Seal(nil, &sk, &Message{URI: "com.example.t", Kind: e2ee.KindPublish, Args: args, Kwargs: map[string]any{"k": 1}})
		if err != nil {
			f.Fatal(err)
		}
		f.Add("wamp", "cbor", "xsalsa20poly1305", kid, p, uint8(0), false, "com.example.t", uint8(1))
		pt, _ := openRaw(p, &key)
		f.Add("wamp", "cbor", "xsalsa20poly1305", kid, pt, uint8(0), true, "com.example.t", uint8(1))
		f.Add("wamp", "cbor", "aes256gcm", kid, pt, uint8(16), true, "com.example.t", uint8(1))
	}
	f.Add("wamp.eth", "cbor", "xsalsa20poly1305", kid, []byte("AAAA"), uint8(1), false, "u", uint8(2))
	f.Add("x", "json", "aes256gcm", "k", []byte{}, uint8(5), false, "", uint8(0))

	o, err := NewOpener(OpenOptions{MaxAge: time.Hour, Now: func() time.Time { return now }, Limits: Limits{MaxPlaintext: 1 << 16}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, scheme, ser, cipher, keyID string, payload []byte, mode uint8, seal bool, uri string, kind uint8) {
		var allowed string
		if mode&16 != 0 {
			allowed = cipher // a receiver whose rule names the label
		}
		if seal && cipher == CipherAESGCM {
			var gc gcmCache
			a, err := gc.get(&key)
			if err != nil {
				t.Fatal(err)
			}
			nonce := make([]byte, GCMNonceSize)
			payload = a.Seal(nonce, nonce, payload, gcmAD)
		} else if seal {
			var nonce [NonceSize]byte
			payload = secretbox.Seal(nonce[:], payload, &nonce, &key)
		}
		opts := map[string]any{OptScheme: scheme, OptSerializer: ser, OptCipher: cipher, OptKeyID: keyID}
		var args []any
		var kw map[string]any
		switch mode % 8 {
		case 0:
			args = []any{payload}
		case 1:
			args = []any{"\x00" + base64.StdEncoding.EncodeToString(payload)}
		case 2:
			args = []any{string(payload)}
		case 3:
			args = []any{payload, payload}
		case 4:
			args = []any{int(len(payload))}
		case 5:
			args = []any{payload}
			kw = map[string]any{"k": payload}
		case 6:
			args = []any{payload}
			opts[OptKeyID] = len(keyID)
		case 7:
			args = []any{payload}
			delete(opts, OptSerializer)
		}
		lk := newTestLookup()
		lk.put(kid, key, nil)
		got, err := o.Open(opts, args, kw, Delivery{URI: uri, Kind: e2ee.MessageKind(kind), RequireSignature: mode&8 != 0, Cipher: allowed}, lk)
		if err != nil {
			if ErrorURI(err) == "" {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if got.KeyID != kid || got.Seq == 0 || got.TS == 0 {
			t.Fatalf("accepted with bad metadata: %+v", got)
		}
	})
}
