package plaintext

import (
	"bytes"
	"compress/flate"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newCodec(t testing.TB) *Codec {
	c, err := New(Limits{})
	require.NoError(t, err)
	return c
}

func sample() *Message {
	return &Message{
		URI: "com.example.t", KeyID: "0123456789abcdef.00112233445566778899aabbccddeeff", Kind: 1, Seq: 7, TS: 1_790_000_000_000,
		Args:   []any{[]byte{1, 2}, "s", uint64(math.MaxUint64), int64(math.MinInt64), 2.5, float32(1.5), true, nil, []any{"n"}, map[string]any{"k": "v"}},
		Kwargs: map[string]any{"b": uint8(1), "aa": []any{}, "a": map[string]any{}},
	}
}

func TestRoundTrip(t *testing.T) {
	c := newCodec(t)
	for _, withSig := range []bool{false, true} {
		b, err := c.AppendMap([]byte("prefix"), sample(), withSig)
		require.NoError(t, err)
		assert.Equal(t, "prefix", string(b[:6]))
		b = b[6:]
		if withSig {
			b = append(b, bytes.Repeat([]byte{9}, SigSize)...)
		}
		var d Decoded
		require.NoError(t, c.Decode(b, &d))
		assert.Equal(t, "com.example.t", string(d.URI))
		assert.Equal(t, sample().KeyID, string(d.KeyID))
		assert.Equal(t, uint8(1), d.Kind)
		assert.Equal(t, uint64(7), d.Seq)
		assert.Equal(t, uint64(1_790_000_000_000), d.TS)
		assert.Equal(t, []any{[]byte{1, 2}, "s", uint64(math.MaxUint64), int64(math.MinInt64), 2.5, 1.5, true, nil, []any{"n"}, map[string]any{"k": "v"}}, d.Args)
		assert.Equal(t, map[string]any{"b": uint64(1), "aa": []any{}, "a": map[string]any{}}, d.Kwargs)
		if withSig {
			assert.Equal(t, bytes.Repeat([]byte{9}, SigSize), d.Sig)
			assert.Equal(t, b[:len(b)-SigSize], d.Signed)
		} else {
			assert.Nil(t, d.Sig)
			assert.Nil(t, d.Signed)
		}
	}
}

// TestDeterministicEncoding: kwargs keys are sorted length-first, as CBOR
// core deterministic encoding (and fxamacker's SortCoreDeterministic) does.
func TestDeterministicEncoding(t *testing.T) {
	c := newCodec(t)
	kw := map[string]any{"bb": 1, "a": 2, "ccc": 3, "b": 4}
	b, err := c.appendDict(nil, kw, 1)
	require.NoError(t, err)
	want, err := cbor.EncOptions{Sort: cbor.SortCoreDeterministic}.EncMode()
	require.NoError(t, err)
	wb, err := want.Marshal(kw)
	require.NoError(t, err)
	assert.Equal(t, wb, b)
}

func TestEncodeErrors(t *testing.T) {
	c, err := New(Limits{MaxDepth: 4, MaxArray: 16, MaxMap: 16, MaxURI: 10})
	require.NoError(t, err)
	deep := []any{[]any{[]any{[]any{[]any{}}}}}
	tests := map[string]*Message{
		"uri too long": {URI: strings.Repeat("u", 11), Seq: 1},
		"uri not utf8": {URI: "\xff", Seq: 1},
		"seq zero":     {URI: "u"},
		"too deep":     {URI: "u", Seq: 1, Args: deep},
		"long array":   {URI: "u", Seq: 1, Args: make([]any, 17)},
		"big map":      {URI: "u", Seq: 1, Kwargs: bigMap(17)},
		"bad key":      {URI: "u", Seq: 1, Kwargs: map[string]any{"\xff": 1}},
		"bad string":   {URI: "u", Seq: 1, Args: []any{"\xfe"}},
		"func":         {URI: "u", Seq: 1, Args: []any{func() {}}},
	}
	for name, m := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := c.AppendMap(nil, m, false)
			require.Error(t, err)
		})
	}
	_, err = New(Limits{MaxURI: -1})
	require.Error(t, err)
	_, err = New(Limits{MaxDepth: 2})
	require.Error(t, err)
}

func bigMap(n int) map[string]any {
	m := map[string]any{}
	for i := range n {
		m[fmt.Sprint(i)] = i
	}
	return m
}

func TestDecodeRejects(t *testing.T) {
	c := newCodec(t)
	valid, err := c.AppendMap(nil, &Message{URI: "u", KeyID: "k", Kind: 1, Seq: 1}, false)
	require.NoError(t, err)
	var d Decoded
	require.NoError(t, c.Decode(valid, &d))
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), valid...)) }
	tests := map[string][]byte{
		"empty":             nil,
		"reserved head":     {0xbc},
		"indefinite":        {0xbf},
		"truncated head":    {0xb9, 0x00},
		"array":             {0x87},
		"9 entries":         mod(func(b []byte) []byte { b[0] = 0xa9; return b }),
		"6 entries":         mod(func(b []byte) []byte { b[0] = 0xa6; return b }),
		"8 without sig":     mod(func(b []byte) []byte { b[0] = 0xa8; return append(b, 0x61, 'x', 0) }),
		"truncated":         valid[:len(valid)-1],
		"trailing":          append(append([]byte(nil), valid...), 0xf6),
		"key not text":      mod(func(b []byte) []byte { b[1] = 0x43; return b }),
		"key too long":      append([]byte{0xa7, 0x69}, "123456789"...),
		"uri not text":      mod(func(b []byte) []byte { b[5] = 0x41; return b }),
		"huge string":       {0xa7, 0x63, 'u', 'r', 'i', 0x7b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		"kwargs indefinite": mod(func(b []byte) []byte { b[len(b)-1] = 0xbf; return append(b, 0xff) }),
		"args indefinite": mod(func(b []byte) []byte {
			i := bytes.Index(b, []byte("args"))
			b[i+4] = 0x9f
			return append(b[:i+5], append([]byte{0xff}, b[i+5:]...)...)
		}),
		"invalid utf8 uri": mod(func(b []byte) []byte { b[5] = 0xff; return b }),
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, c.Decode(b, &d), ErrMalformed)
		})
	}
}

func TestArgsDecodeLimits(t *testing.T) {
	c, err := New(Limits{MaxArray: 16, MaxMap: 16, MaxDepth: 4})
	require.NoError(t, err)
	enc := func(v any) []byte {
		b, err := cbor.Marshal(v)
		require.NoError(t, err)
		return b
	}
	for name, b := range map[string][]byte{
		"array too long (fast path)": enc(make([]any, 17)),
		"nested array too long":      enc([]any{make([]any, 17)}),
		"map too large":              enc([]any{bigMap(17)}),
		"too deep":                   enc([]any{[]any{[]any{[]any{[]any{}}}}}),
		"dup map key":                {0x81, 0xa2, 0x61, 'a', 0x01, 0x61, 'a', 0x02},
		"int map key":                {0x81, 0xa1, 0x01, 0x01},
		"tag":                        {0x81, 0xc1, 0x00},
		"bad utf8":                   {0x81, 0x61, 0xff},
		"indefinite string":          {0x81, 0x7f, 0x61, 'a', 0xff},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := c.decodeArgs(b)
			require.ErrorIs(t, err, ErrMalformed)
		})
	}
}

func TestCompressRoundTrip(t *testing.T) {
	c := newCodec(t)
	m := sample()
	m.Args = []any{strings.Repeat("repetitive ", 100)}
	plain, err := c.AppendMap(nil, m, false)
	require.NoError(t, err)
	z, err := NewCompressor(flate.BestSpeed)
	require.NoError(t, err)
	out, ok := z.AppendCompressed([]byte{0xee}, plain, len(plain))
	require.True(t, ok)
	require.True(t, IsCompressed(out[1:]))
	var dz Decompressor
	for range 2 { // reuse of the inflater
		got, err := dz.Decompress([]byte{1}, out[1:], len(plain))
		require.NoError(t, err)
		assert.Equal(t, plain, got[1:])
	}
	_, err = dz.Decompress(nil, out[1:], len(plain)-1)
	require.ErrorIs(t, err, ErrMalformed, "declared size over the bound")

	// Not worth it: unchanged dst.
	out, ok = z.AppendCompressed([]byte{0xee}, plain, 10)
	assert.False(t, ok)
	assert.Equal(t, []byte{0xee}, out)
	_, err = NewCompressor(42)
	require.Error(t, err)
	_, err = dz.Decompress(nil, plain, 1<<20)
	require.ErrorIs(t, err, ErrMalformed)
}

func BenchmarkDecode1KiB(b *testing.B) {
	c := newCodec(b)
	m := sample()
	m.Args = []any{make([]byte, 1024)}
	m.Kwargs = nil
	p, err := c.AppendMap(nil, m, false)
	require.NoError(b, err)
	var d Decoded
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Decode(p, &d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode1KiB(b *testing.B) {
	c := newCodec(b)
	m := sample()
	m.Args = []any{make([]byte, 1024)}
	m.Kwargs = nil
	buf := make([]byte, 0, 2048)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = c.AppendMap(buf[:0], m, false); err != nil {
			b.Fatal(err)
		}
	}
}

func TestProgIdx(t *testing.T) {
	c, err := New(Limits{})
	if err != nil {
		t.Fatal(err)
	}
	m := Message{URI: "a.b", KeyID: "k", Kind: 3, Seq: 1, TS: 2, HasIdx: true, Prog: true, Idx: 300}
	b, err := c.AppendMap(nil, &m, false)
	if err != nil {
		t.Fatal(err)
	}
	var d Decoded
	if err := c.Decode(b, &d); err != nil {
		t.Fatal(err)
	}
	if !d.HasIdx || !d.Prog || d.Idx != 300 {
		t.Fatalf("decoded %v %v %v", d.HasIdx, d.Prog, d.Idx)
	}
	m.HasIdx = false
	plain, _ := c.AppendMap(nil, &m, false)
	if err := c.Decode(plain, &d); err != nil || d.HasIdx {
		t.Fatalf("without idx: %v %v", err, d.HasIdx)
	}
	// Hand-built maps: prog without idx, idx without prog, wrong types.
	head := func(n byte) []byte {
		b := []byte{0xa0 | n}
		b = appendText(b, KeyURI)
		b = appendText(b, "a.b")
		b = appendText(b, KeyKeyID)
		b = appendText(b, "k")
		b = appendText(b, KeyKind)
		b = append(b, 3)
		b = appendText(b, KeySeq)
		b = append(b, 1)
		b = appendText(b, KeyTS)
		b = append(b, 2)
		return b
	}
	tail := func(b []byte) []byte {
		b = appendText(b, KeyArgs)
		b = append(b, 0x80)
		b = appendText(b, KeyKwargs)
		return append(b, 0xa0)
	}
	for name, extra := range map[string][]byte{
		"prog only":      append(appendText(nil, KeyProg), 0xf5),
		"idx only":       append(appendText(nil, KeyIdx), 0x01),
		"prog not bool":  append(append(appendText(nil, KeyProg), 0x01), append(appendText(nil, KeyIdx), 0x01)...),
		"idx not uint":   append(append(appendText(nil, KeyProg), 0xf4), append(appendText(nil, KeyIdx), 0x20)...),
		"idx is text":    append(append(appendText(nil, KeyProg), 0xf4), appendText(appendText(nil, KeyIdx), "1")...),
		"prog duplicate": append(append(appendText(nil, KeyProg), 0xf4), append(appendText(nil, KeyProg), 0xf4)...),
	} {
		n := byte(8)
		if len(extra) > 6 {
			n = 9
		}
		b := tail(append(head(n), extra...))
		if err := c.Decode(b, &d); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// A well-formed hand-built map is accepted (the harness is sound).
	ok := tail(append(head(9), append(append(appendText(nil, KeyProg), 0xf4), append(appendText(nil, KeyIdx), 0x02)...)...))
	if err := c.Decode(ok, &d); err != nil || !d.HasIdx || d.Prog || d.Idx != 2 {
		t.Fatalf("valid: %v", err)
	}
}
