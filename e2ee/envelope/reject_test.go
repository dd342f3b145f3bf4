package envelope

import (
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

func sprint(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// ptMap builds a plaintext map with valid defaults, then applies set (a nil
// value deletes the key).
func (f *fixture) ptMap(set map[string]any) []byte {
	m := map[string]any{
		"uri": testURI, "kid": f.key.ID, "kind": uint64(e2ee.KindPublish),
		"seq": uint64(1), "ts": uint64(testNow.UnixMilli()), "args": []any{}, "kwargs": map[string]any{},
	}
	for k, v := range set {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := cbor.Marshal(m)
	require.NoError(f.t, err)
	return b
}

func deflated(t *testing.T, plain []byte, declared int, trailer []byte) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestSpeed)
	require.NoError(t, err)
	_, _ = w.Write(plain)
	require.NoError(t, w.Close())
	buf.Write(trailer)
	out, err := cbor.Marshal([]any{1, declared, buf.Bytes()})
	require.NoError(t, err)
	return out
}

func TestOpenRejects(t *testing.T) {
	pub := Delivery{URI: testURI, Kind: e2ee.KindPublish}
	good := func(f *fixture) (map[string]any, []any) {
		return f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish, Args: []any{"x"}})
	}
	withOpt := func(k string, v any) func(f *fixture) (map[string]any, []any) {
		return func(f *fixture) (map[string]any, []any) {
			o, a := good(f)
			if v == nil {
				delete(o, k)
			} else {
				o[k] = v
			}
			return o, a
		}
	}
	withArgs := func(args []any) func(f *fixture) (map[string]any, []any) {
		return func(f *fixture) (map[string]any, []any) {
			o, _ := good(f)
			return o, args
		}
	}
	withPlain := func(pt func(f *fixture) []byte) func(f *fixture) (map[string]any, []any) {
		return func(f *fixture) (map[string]any, []any) {
			o, _ := good(f)
			return o, f.sealRaw(pt(f))
		}
	}
	m := func(set map[string]any) func(f *fixture) []byte {
		return func(f *fixture) []byte { return f.ptMap(set) }
	}
	raw := func(b []byte) func(f *fixture) []byte { return func(*fixture) []byte { return b } }
	otherID := strings.Repeat("0", 16) + "." + strings.Repeat("1", 32)

	tests := []struct {
		name string
		msg  func(f *fixture) (map[string]any, []any)
		kw   map[string]any
		d    Delivery
		oo   OpenOptions
		want error
	}{
		// 1. Malformed options, arguments, framing.
		{"scheme missing", withOpt(OptScheme, nil), nil, pub, OpenOptions{}, ErrMalformed},
		{"scheme not string", withOpt(OptScheme, 7), nil, pub, OpenOptions{}, ErrMalformed},
		{"scheme unknown", withOpt(OptScheme, "x_custom"), nil, pub, OpenOptions{}, ErrMalformed},
		{"serializer missing", withOpt(OptSerializer, nil), nil, pub, OpenOptions{}, ErrMalformed},
		{"serializer json", withOpt(OptSerializer, "json"), nil, pub, OpenOptions{}, ErrMalformed},
		{"serializer not string", withOpt(OptSerializer, []byte("cbor")), nil, pub, OpenOptions{}, ErrMalformed},
		{"cipher aes", withOpt(OptCipher, "aes256gcm"), nil, pub, OpenOptions{}, ErrMalformed},
		{"cipher missing", withOpt(OptCipher, nil), nil, pub, OpenOptions{}, ErrMalformed},
		{"keyid missing", withOpt(OptKeyID, nil), nil, pub, OpenOptions{}, ErrMalformed},
		{"keyid not string", withOpt(OptKeyID, 12), nil, pub, OpenOptions{}, ErrMalformed},
		{"keyid uppercase", withOpt(OptKeyID, strings.Repeat("A", 16)+"."+strings.Repeat("b", 32)), nil, pub, OpenOptions{}, ErrMalformed},
		{"keyid 0x form", withOpt(OptKeyID, "0x13578281196c1dD73d9AE5e313f3fB6b8954Bf55"), nil, pub, OpenOptions{}, ErrMalformed},
		{"no args", withArgs(nil), nil, pub, OpenOptions{}, ErrMalformed},
		{"two args", withArgs([]any{[]byte{1}, []byte{2}}), nil, pub, OpenOptions{}, ErrMalformed},
		{"arg int", withArgs([]any{5}), nil, pub, OpenOptions{}, ErrMalformed},
		{"arg map", withArgs([]any{map[string]any{}}), nil, pub, OpenOptions{}, ErrMalformed},
		{"arg bad base64", withArgs([]any{"\x00!!!!"}), nil, pub, OpenOptions{}, ErrMalformed},
		{"payload short", withArgs([]any{make([]byte, Overhead)}), nil, pub, OpenOptions{}, ErrMalformed},
		{"payload long", withArgs([]any{make([]byte, 300)}), nil, pub, OpenOptions{Limits: Limits{MaxPlaintext: 200}}, ErrMalformed},
		{"payload long base64", withArgs([]any{strings.Repeat("A", 400)}), nil, pub, OpenOptions{Limits: Limits{MaxPlaintext: 200}}, ErrMalformed},
		{"kwargs present", good, map[string]any{"k": 1}, pub, OpenOptions{}, ErrMalformed},
		// 2. Unknown key.
		{"unknown key", withOpt(OptKeyID, otherID), nil, pub, OpenOptions{}, ErrUnknownKey},
		// 3. MAC.
		{"bit flip", func(f *fixture) (map[string]any, []any) {
			o, a := good(f)
			a[0].([]byte)[NonceSize+20] ^= 1
			return o, a
		}, nil, pub, OpenOptions{}, ErrBadMAC},
		{"nonce flip", func(f *fixture) (map[string]any, []any) {
			o, a := good(f)
			a[0].([]byte)[0] ^= 1
			return o, a
		}, nil, pub, OpenOptions{}, ErrBadMAC},
		{"truncated", func(f *fixture) (map[string]any, []any) {
			o, a := good(f)
			return o, []any{a[0].([]byte)[:len(a[0].([]byte))-1]}
		}, nil, pub, OpenOptions{}, ErrBadMAC},
		// 4. Plaintext.
		{"not cbor map", withPlain(raw([]byte("hello"))), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"array", withPlain(raw([]byte{0x80})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"indefinite map", withPlain(raw([]byte{0xbf, 0xff})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"unknown key", withPlain(m(map[string]any{"extra": 1})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"missing uri", withPlain(m(map[string]any{"uri": nil, "zzz": 1})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"missing kwargs", withPlain(m(map[string]any{"kwargs": nil})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"seq zero", withPlain(m(map[string]any{"seq": uint64(0)})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"seq negative", withPlain(m(map[string]any{"seq": -1})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"seq text", withPlain(m(map[string]any{"seq": "1"})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"kind undefined", withPlain(m(map[string]any{"kind": uint64(9)})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"uri bytes", withPlain(m(map[string]any{"uri": []byte(testURI)})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"args map", withPlain(m(map[string]any{"args": map[string]any{}})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"kwargs array", withPlain(m(map[string]any{"kwargs": []any{}})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"kwargs int key", withPlain(m(map[string]any{"kwargs": map[int]any{1: 2}})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"args tag", withPlain(m(map[string]any{"args": []any{cbor.Tag{Number: 1, Content: 0}}})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"args too deep", withPlain(m(map[string]any{"args": deep(40)})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"args too long", withPlain(m(map[string]any{"args": make([]any, 20)})), nil, pub, OpenOptions{Limits: Limits{MaxArray: 16}}, ErrMalformedPlaintext},
		{"sig short", withPlain(m(map[string]any{"sig": make([]byte, 63)})), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"trailing bytes", withPlain(func(f *fixture) []byte { return append(f.ptMap(nil), 0) }), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"duplicate key", withPlain(func(f *fixture) []byte {
			b := f.ptMap(map[string]any{"extra": 1}) // 8 entries; turn "extra": 1 into "seq": 1
			before, after, _ := bytes.Cut(b, []byte("\x65extra\x01"))
			return append(append(append([]byte{}, before...), "\x63seq\x01"...), after...)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed wrong size", withPlain(func(f *fixture) []byte {
			p := f.ptMap(nil)
			return deflated(t, p, len(p)-1, nil)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed short", withPlain(func(f *fixture) []byte {
			p := f.ptMap(nil)
			return deflated(t, p, len(p)+1, nil)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed bomb", withPlain(func(f *fixture) []byte {
			return deflated(t, make([]byte, 4<<20), 4<<20, nil)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed trailer", withPlain(func(f *fixture) []byte {
			p := f.ptMap(nil)
			return deflated(t, p, len(p), []byte{0})
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed nested", withPlain(func(f *fixture) []byte {
			inner := deflated(t, f.ptMap(nil), len(f.ptMap(nil)), nil)
			return deflated(t, inner, len(inner), nil)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		{"compressed unknown alg", withPlain(func(f *fixture) []byte {
			b := deflated(t, f.ptMap(nil), len(f.ptMap(nil)), nil)
			b[1] = 2
			return b
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
		// 5. Key id binding.
		{"kid mismatch", withPlain(m(map[string]any{"kid": otherID})), nil, pub, OpenOptions{}, ErrKeyIDMismatch},
		// 6. URI.
		{"wrong uri", good, nil, Delivery{URI: testURI + ".other", Kind: e2ee.KindPublish}, OpenOptions{}, ErrWrongURI},
		{"uri prefix", good, nil, Delivery{URI: "com.example", Kind: e2ee.KindPublish}, OpenOptions{}, ErrWrongURI},
		// 7. Kind.
		{"event as invocation", good, nil, Delivery{URI: testURI, Kind: e2ee.KindCall}, OpenOptions{}, ErrWrongKind},
		{"event as error", good, nil, Delivery{URI: testURI, Kind: e2ee.KindError}, OpenOptions{}, ErrWrongKind},
		// 8. Replay and freshness.
		{"stale", withPlain(m(map[string]any{"ts": uint64(testNow.Add(-time.Hour).UnixMilli())})), nil, pub, OpenOptions{MaxAge: time.Minute}, ErrReplay},
		{"future", withPlain(m(map[string]any{"ts": uint64(testNow.Add(time.Hour).UnixMilli())})), nil, pub, OpenOptions{MaxAge: time.Minute}, ErrReplay},
		{"ts huge", withPlain(m(map[string]any{"ts": ^uint64(0)})), nil, pub, OpenOptions{MaxAge: time.Minute}, ErrReplay},
		// 9. Sender signature.
		{"signature required, absent", good, nil, Delivery{URI: testURI, Kind: e2ee.KindPublish, RequireSignature: true}, OpenOptions{}, ErrBadSenderSignature},
		{"signature zeroed", func(f *fixture) (map[string]any, []any) {
			f.key.Seq++
			p, err := f.sealer.Seal(nil, &f.key, &Message{URI: testURI, Kind: e2ee.KindPublish, Sign: true})
			require.NoError(t, err)
			pt, _ := openRaw(p, &f.key.Key)
			clear(pt[len(pt)-64:])
			return PutOptions(nil, f.key.ID, ""), f.sealRaw(pt)
		}, nil, pub, OpenOptions{}, ErrBadSenderSignature},
		{"sig not last", withPlain(func(f *fixture) []byte {
			b := f.ptMap(nil)
			b[0]++ // 8 entries, "sig" first
			return append(append(b[:1:1], "\x63sig\x58\x40"+strings.Repeat("\x00", 64)...), b[1:]...)
		}), nil, pub, OpenOptions{}, ErrMalformedPlaintext},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, SealOptions{}, tt.oo)
			opts, args := tt.msg(f)
			_, err := f.opener.Open(opts, args, tt.kw, tt.d, f.lookup)
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, ErrorURI(tt.want), ErrorURI(err))
			assert.NotContains(t, err.Error(), string(f.key.Key[:]))
		})
	}
}

func deep(n int) []any {
	v := []any{}
	for range n {
		v = []any{v}
	}
	return v
}

func TestOpenSignatureRules(t *testing.T) {
	d := Delivery{URI: testURI, Kind: e2ee.KindPublish, RequireSignature: true}
	f := newFixture(t, SealOptions{}, OpenOptions{})
	msg := &Message{URI: testURI, Kind: e2ee.KindPublish, Sign: true}

	// Wrong sender key: rejected whether required or not, and the sequence
	// number is not consumed.
	right := f.lookup.keys[f.key.ID].sender
	f.lookup.keys[f.key.ID].sender = ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	opts, args := f.seal(msg)
	_, err := f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindPublish})
	require.ErrorIs(t, err, ErrBadSenderSignature)
	f.lookup.keys[f.key.ID].sender = right
	got, err := f.open(opts, args, d)
	require.NoError(t, err)
	assert.True(t, got.Signed)

	// Required, signature present, sender key unknown.
	f.lookup.keys[f.key.ID].sender = nil
	opts, args = f.seal(msg)
	_, err = f.open(opts, args, d)
	require.ErrorIs(t, err, ErrBadSenderSignature)

	// Malformed sender key from a broken lookup.
	f.lookup.keys[f.key.ID].sender = ed25519.PublicKey{1, 2, 3}
	_, err = f.open(opts, args, d)
	require.ErrorIs(t, err, ErrBadSenderSignature)

	// Tampered signed field (the kind is re-signed by nobody): a key holder
	// forging a message in the originator's name is caught.
	f.lookup.keys[f.key.ID].sender = right
	f.key.Seq++
	p, err := f.sealer.Seal(nil, &f.key, msg)
	require.NoError(t, err)
	var nonce [NonceSize]byte
	copy(nonce[:], p)
	pt, ok := openRaw(p, &f.key.Key)
	require.True(t, ok)
	i := bytes.Index(pt, []byte("\x62ts"))
	pt[i+4] ^= 1 // a byte of the timestamp
	_, err = f.open(PutOptions(nil, f.key.ID, ""), f.sealRaw(pt), d)
	require.ErrorIs(t, err, ErrBadSenderSignature)
}

func TestOpenReplay(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	d := Delivery{URI: testURI, Kind: e2ee.KindPublish}
	msg := &Message{URI: testURI, Kind: e2ee.KindPublish}
	opts1, args1 := f.seal(msg)
	_, err := f.open(opts1, args1, d)
	require.NoError(t, err)
	_, err = f.open(opts1, args1, d)
	require.ErrorIs(t, err, ErrReplay, "duplicate")

	// Out of order within the window is fine.
	f.key.Seq = 10
	opts10, args10 := f.seal(msg)
	f.key.Seq = 5
	opts6, args6 := f.seal(msg)
	_, err = f.open(opts10, args10, d)
	require.NoError(t, err)
	_, err = f.open(opts6, args6, d)
	require.NoError(t, err)

	// Older than the window.
	f.key.Seq = 3000
	optsNew, argsNew := f.seal(msg)
	_, err = f.open(optsNew, argsNew, d)
	require.NoError(t, err)
	f.key.Seq = 3000 - DefaultReplayWindow - 1
	optsOld, argsOld := f.seal(msg)
	_, err = f.open(optsOld, argsOld, d)
	require.ErrorIs(t, err, ErrReplay, "too old")

	// A failed check does not consume the sequence number.
	f.key.Seq = 4000
	opts, args := f.seal(msg)
	_, err = f.open(opts, args, Delivery{URI: "other", Kind: e2ee.KindPublish})
	require.ErrorIs(t, err, ErrWrongURI)
	_, err = f.open(opts, args, d)
	require.NoError(t, err)
}

func TestOpenNilLookupAndWindow(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish})
	d := Delivery{URI: testURI, Kind: e2ee.KindPublish}
	_, err := f.opener.Open(opts, args, nil, d, nil)
	require.ErrorIs(t, err, ErrUnknownKey)
	f.lookup.keys[f.key.ID].win = nil
	_, err = f.open(opts, args, d)
	require.ErrorIs(t, err, ErrUnknownKey)
}

func TestSchemeWAMPEthAccepted(t *testing.T) {
	f := newFixture(t, SealOptions{}, OpenOptions{})
	opts, args := f.seal(&Message{URI: testURI, Kind: e2ee.KindPublish})
	opts[OptScheme] = SchemeWAMPEth
	_, err := f.open(opts, args, Delivery{URI: testURI, Kind: e2ee.KindPublish})
	require.NoError(t, err)
}

// TestReplayWindowSeqJump: a fellow key holder cannot push the window to
// the end of the sequence space.
func TestReplayWindowSeqJump(t *testing.T) {
	w := NewReplayWindow(0)
	if err := w.Accept(5); err != nil {
		t.Fatal(err)
	}
	if err := w.Accept(^uint64(0)); !errors.Is(err, ErrReplay) {
		t.Fatalf("seq 2^64-1 after 5: %v, want ErrReplay", err)
	}
	if err := w.Accept(5 + MaxSeqJump + 1); !errors.Is(err, ErrReplay) {
		t.Fatalf("jump past MaxSeqJump: %v", err)
	}
	if err := w.Accept(5 + MaxSeqJump); err != nil {
		t.Fatalf("jump of exactly MaxSeqJump: %v", err)
	}
	if err := w.Accept(0); !errors.Is(err, ErrReplay) {
		t.Fatalf("seq 0: %v", err)
	}
}
