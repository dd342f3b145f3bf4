package envelope

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

const testURI = "com.example.sensor.temperature"

var testNow = time.UnixMilli(1_790_000_000_000)

// fixture is a sender and a receiver sharing one key.
type fixture struct {
	t      *testing.T
	sealer *Sealer
	opener *Opener
	lookup *testLookup
	key    SealKey
	signer ed25519.PrivateKey
}

func newFixture(t *testing.T, so SealOptions, oo OpenOptions) *fixture {
	t.Helper()
	signer := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	if so.Signer == nil {
		so.Signer = signer
	}
	if so.Now == nil {
		so.Now = func() time.Time { return testNow }
	}
	if oo.Now == nil {
		oo.Now = func() time.Time { return testNow }
	}
	s, err := NewSealer(so)
	require.NoError(t, err)
	o, err := NewOpener(oo)
	require.NoError(t, err)
	lk := newTestLookup()
	var key [KeySize]byte
	copy(key[:], bytes.Repeat([]byte{1}, KeySize))
	sk := lk.add(t, key)
	lk.keys[sk.ID].sender = signer.Public().(ed25519.PublicKey)
	return &fixture{t: t, sealer: s, opener: o, lookup: lk, key: sk, signer: signer}
}

// seal seals m with the next sequence number and returns options and args as
// a receiver gets them.
func (f *fixture) seal(m *Message) (map[string]any, []any) {
	f.t.Helper()
	f.key.Seq++
	p, err := f.sealer.Seal(nil, &f.key, m)
	require.NoError(f.t, err)
	return PutOptions(nil, f.key.ID, "e2ee.key.x"), []any{p}
}

// sealRaw encrypts an arbitrary plaintext under the fixture key.
func (f *fixture) sealRaw(pt []byte) []any {
	var nonce [NonceSize]byte
	nonce[0] = byte(len(pt))
	return []any{secretbox.Seal(append([]byte(nil), nonce[:]...), pt, &nonce, &f.key.Key)}
}

func (f *fixture) open(opts map[string]any, args []any, d Delivery) (Opened, error) {
	return f.opener.Open(opts, args, nil, d, f.lookup)
}

func TestRoundTrip(t *testing.T) {
	nested := map[string]any{"a": []any{uint64(1), "x"}, "b": map[string]any{"c": nil}}
	tests := []struct {
		name   string
		kind   e2ee.MessageKind
		args   []any
		kwargs map[string]any
	}{
		{"empty", e2ee.KindPublish, nil, nil},
		{"bytes", e2ee.KindCall, []any{[]byte{1, 2, 3}}, nil},
		{"empty bytes", e2ee.KindCall, []any{[]byte{}}, nil},
		{"scalars", e2ee.KindYield, []any{uint64(math.MaxUint64), int64(math.MinInt64), -1, 1.5, "héllo", true, false, nil}, nil},
		{"nested", e2ee.KindError, []any{[]any{[]any{"deep"}}, nested}, map[string]any{"k": uint64(1), "long key": nested}},
		{"kwargs only", e2ee.KindPublish, nil, map[string]any{"z": "last", "a": "first"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, SealOptions{}, OpenOptions{})
			opts, args := f.seal(&Message{URI: testURI, Kind: tt.kind, Args: tt.args, Kwargs: tt.kwargs})
			got, err := f.open(opts, args, Delivery{URI: testURI, Kind: tt.kind})
			require.NoError(t, err)
			assert.Equal(t, normalize(tt.args), got.Args)
			if len(tt.kwargs) == 0 {
				assert.Empty(t, got.Kwargs)
			} else {
				assert.Equal(t, normalize(tt.kwargs), got.Kwargs)
			}
			assert.Equal(t, f.key.ID, got.KeyID)
			assert.Equal(t, uint64(1), got.Seq)
			assert.Equal(t, uint64(testNow.UnixMilli()), got.TS)
			assert.False(t, got.Signed)
			assert.False(t, got.Compressed)
		})
	}
}

// normalize converts Go integers to what CBOR decoding yields.
func normalize(v any) any {
	switch v := v.(type) {
	case []any:
		if len(v) == 0 {
			return []any(nil)
		}
		out := make([]any, len(v))
		for i := range v {
			out[i] = normalize(v[i])
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = normalize(x)
		}
		return out
	case int:
		if v < 0 {
			return int64(v)
		}
		return uint64(v)
	}
	return v
}

func TestOpenArgsDoNotAliasBuffers(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{[]byte("first"), "s"}})
	first, err := f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindPublish})
	require.NoError(t, err)
	opts, args = f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{[]byte("other"), "t"}})
	_, err = f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindPublish})
	require.NoError(t, err)
	assert.Equal(t, []any{[]byte("first"), "s"}, first.Args)
}

func TestPayloadEncodings(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	d := Delivery{URI: testURI, Kind: e2ee.KindPublish}
	enc := map[string]func([]byte) any{
		"bytes":               func(p []byte) any { return p },
		"nul+base64":          func(p []byte) any { return "\x00" + base64.StdEncoding.EncodeToString(p) },
		"base64":              func(p []byte) any { return base64.StdEncoding.EncodeToString(p) },
		"base64 unpadded":     func(p []byte) any { return base64.RawStdEncoding.EncodeToString(p) },
		"nul+base64 unpadded": func(p []byte) any { return "\x00" + base64.RawStdEncoding.EncodeToString(p) },
	}
	for name, fn := range enc {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{0, 1, 2} { // vary length mod 3 for padding
				opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{strings.Repeat("x", n)}})
				got, err := f.open(opts, []any{fn(args[0].([]byte))}, d)
				require.NoError(t, err)
				assert.Equal(t, []any{strings.Repeat("x", n)}, got.Args)
			}
		})
	}
}

func TestCompression(t *testing.T) {
	f := newFixture(t, SealOptions{CompressMin: DefaultCompressMin}, OpenOptions{})
	d := Delivery{URI: testURI, Kind: e2ee.KindPublish}

	text := strings.Repeat("compressible text ", 100)
	opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{text}})
	assert.Less(t, len(args[0].([]byte)), len(text)/2, "compressed payload")
	got, err := f.open(opts, args, d)
	require.NoError(t, err)
	assert.True(t, got.Compressed)
	assert.Equal(t, []any{text}, got.Args)

	// Small and incompressible plaintexts stay plain.
	random := make([]byte, 1024)
	for i := range random {
		random[i] = byte(i*7919>>3) ^ byte(i*31)
	}
	for _, a := range []any{"short", random} {
		opts, args = f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{a}})
		got, err = f.open(opts, args, d)
		require.NoError(t, err)
		assert.False(t, got.Compressed)
	}
}

func TestSignature(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	d := Delivery{URI: testURI, Kind: e2ee.KindCall, RequireSignature: true}
	opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindCall, Args: []any{"x"}, Sign: true})
	got, err := f.open(opts, args, d)
	require.NoError(t, err)
	assert.True(t, got.Signed)

	// Signed and compressed.
	fc := newFixture(t, SealOptions{CompressMin: 1}, OpenOptions{})
	opts, args = fc.seal(&Message{URI: testURI, Kind: e2ee.KindCall, Args: []any{strings.Repeat("a", 500)}, Sign: true})
	got, err = fc.open(opts, args, d)
	require.NoError(t, err)
	assert.True(t, got.Signed)
	assert.True(t, got.Compressed)

	// Present but sender unknown and not required: accepted, not Signed.
	f.lookup.keys[f.key.ID].sender = nil
	opts, args = f.seal(&Message{URI: testURI, Kind: e2ee.KindCall, Sign: true})
	got, err = f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindCall})
	require.NoError(t, err)
	assert.False(t, got.Signed)
}

func TestSealErrors(t *testing.T) {
	s, err := NewSealer(SealOptions{Limits: Limits{MaxPlaintext: 200}})
	require.NoError(t, err)
	k := SealKey{ID: strings.Repeat("a", 16) + "." + strings.Repeat("b", 32), Seq: 1}
	tests := []struct {
		name string
		key  SealKey
		msg  Message
	}{
		{"bad kind", k, Message{URI: testURI, Kind: 0}},
		{"bad key id", SealKey{ID: "x", Seq: 1}, Message{URI: testURI, Kind: e2ee.KindCall}},
		{"seq 0", SealKey{ID: k.ID}, Message{URI: testURI, Kind: e2ee.KindCall}},
		{"no signer", k, Message{URI: testURI, Kind: e2ee.KindCall, Sign: true}},
		{"too large", k, Message{URI: testURI, Kind: e2ee.KindCall, Args: []any{make([]byte, 300)}}},
		{"invalid utf8", k, Message{URI: testURI, Kind: e2ee.KindCall, Args: []any{"\xff"}}},
		{"unencodable", k, Message{URI: testURI, Kind: e2ee.KindCall, Args: []any{make(chan int)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := s.Seal([]byte("prefix"), &tt.key, &tt.msg)
			require.Error(t, err)
			assert.Equal(t, []byte("prefix"), out)
		})
	}
}

func TestSealAppendsAndIsFresh(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	f.key.Seq = 1
	m := &Message{URI: testURI, Kind: e2ee.KindPublish}
	a, err := f.sealer.Seal([]byte("hdr"), &f.key, m)
	require.NoError(t, err)
	b, err := f.sealer.Seal(nil, &f.key, m)
	require.NoError(t, err)
	assert.Equal(t, []byte("hdr"), a[:3])
	assert.NotEqual(t, a[3:3+NonceSize], b[:NonceSize], "fresh nonce per message")

	// Across several refills of the Sealer's batch of random bytes.
	seen := map[string]bool{}
	for range 5 * nonceBatch {
		f.key.Seq++
		p, err := f.sealer.Seal(nil, &f.key, m)
		require.NoError(t, err)
		n := string(p[:NonceSize])
		require.False(t, seen[n], "nonce repeated")
		require.NotEqual(t, make([]byte, NonceSize), p[:NonceSize])
		seen[n] = true
	}
}

func TestSealAllocs(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	m := &Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{make([]byte, 1024)}}
	buf := make([]byte, 0, 4096)
	allocs := testing.AllocsPerRun(100, func() {
		f.key.Seq++
		var err error
		if buf, err = f.sealer.Seal(buf[:0], &f.key, m); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
	// Open: the plaintext buffer, the args slice and the interface boxing of
	// the byte-string argument.
	opts0 := PutOptions(nil, f.key.ID, "")
	args := []any{buf}
	f.key.Seq = 1 << 40
	allocs = testing.AllocsPerRun(100, func() {
		f.key.Seq++
		var err error
		if buf, err = f.sealer.Seal(buf[:0], &f.key, m); err != nil {
			t.Fatal(err)
		}
		args[0] = buf
		if _, err := f.open(opts0, args, Delivery{URI: testURI, Kind: e2ee.KindPublish}); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs, 4.0, "seal+open")

	// Storing the key id string in the options map boxes it: one small
	// allocation, nothing else.
	opts := map[string]any{}
	allocs = testing.AllocsPerRun(100, func() { PutOptions(opts, f.key.ID, "") })
	assert.LessOrEqual(t, allocs, 1.0)
}

func TestSealKeyStringHidesKey(t *testing.T) {
	k := SealKey{ID: "id", Seq: 3}
	copy(k.Key[:], "SECRETSECRETSECRETSECRETSECRET!!")
	for _, s := range []string{k.String(), sprint("%v", k), sprint("%+v", k), sprint("%#v", k), sprint("%s", &k), sprint("%x", k)} {
		assert.NotContains(t, s, "SECRET")
		assert.NotContains(t, s, "534543524554")
	}
	k.Wipe()
	assert.Equal(t, [KeySize]byte{}, k.Key)
}

func TestErrorURI(t *testing.T) {
	for _, e := range []error{ErrMalformed, ErrUnknownKey, ErrBadMAC, ErrMalformedPlaintext, ErrKeyIDMismatch, ErrWrongURI, ErrWrongKind, ErrReplay, ErrBadSenderSignature} {
		uri := ErrorURI(errors.Join(errors.New("ctx"), e))
		assert.True(t, strings.HasPrefix(uri, "wamp.e2ee.error."), e)
	}
	assert.Empty(t, ErrorURI(errors.New("other")))
}

func TestOptionsHelpers(t *testing.T) {
	opts := PutOptions(map[string]any{"acknowledge": true}, "kid", "rpc")
	assert.Equal(t, map[string]any{"acknowledge": true, OptScheme: "wamp", OptSerializer: "cbor", OptCipher: "xsalsa20poly1305", OptKeyID: "kid", OptRequestKeyRPC: "rpc"}, opts)
	assert.True(t, IsPPT(opts))
	StripOptions(opts)
	assert.Equal(t, map[string]any{"acknowledge": true}, opts)
	assert.False(t, IsPPT(opts))
	assert.NotContains(t, PutOptions(nil, "kid", ""), OptRequestKeyRPC)
}
