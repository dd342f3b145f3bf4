package plaintext

import (
	"compress/flate"
	"fmt"
	"testing"
)

func FuzzDecode(f *testing.F) {
	c, err := New(Limits{})
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range []*Message{sample(), {URI: "u", KeyID: "k", Kind: 1, Seq: 1}} {
		for _, sig := range []bool{false, true} {
			b, err := c.AppendMap(nil, m, sig)
			if err != nil {
				f.Fatal(err)
			}
			if sig {
				b = append(b, make([]byte, SigSize)...)
			}
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Decoded
		if err := c.Decode(b, &d); err != nil {
			return
		}
		if d.Seq == 0 || d.Kind == 0 || (d.Sig != nil) != (d.Signed != nil) || (d.Sig != nil && len(d.Sig) != SigSize) {
			t.Fatalf("invariant broken: %+v", d)
		}
		// What decodes must re-encode and decode to the same values.
		m := &Message{URI: string(d.URI), KeyID: string(d.KeyID), Kind: d.Kind, Seq: d.Seq, TS: d.TS, Args: d.Args, Kwargs: d.Kwargs}
		re, err := c.AppendMap(nil, m, false)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var d2 Decoded
		if err := c.Decode(re, &d2); err != nil {
			t.Fatalf("decode re-encoded: %v", err)
		}
		if fmt.Sprintf("%#v %#v", d.Args, d.Kwargs) != fmt.Sprintf("%#v %#v", d2.Args, d2.Kwargs) {
			t.Fatalf("round trip changed values")
		}
	})
}

// FuzzArgsFast checks that the hand-written args decoder yields exactly what
// the strict general decoder yields whenever it claims the input.
func FuzzArgsFast(f *testing.F) {
	c, err := New(Limits{})
	if err != nil {
		f.Fatal(err)
	}
	for _, args := range [][]any{{[]byte{1}}, {"a", uint64(1), int64(-5), 1.5, true, false, nil}, {[]byte{}}, {}} {
		b, err := c.appendList(nil, args, 1)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{0x81, 0x3b, 0x80, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, n, ok := c.decodeArgsFast(b)
		if !ok {
			return
		}
		var slow []any
		rest, err := c.dec.UnmarshalFirst(b, &slow)
		if err != nil {
			t.Fatalf("fast path accepted what the strict decoder rejects: %v", err)
		}
		if n != len(b)-len(rest) {
			t.Fatalf("fast path consumed %d bytes, strict %d", n, len(b)-len(rest))
		}
		if len(fast) == 0 && len(slow) == 0 {
			return
		}
		if fs, ss := fmt.Sprintf("%#v", fast), fmt.Sprintf("%#v", slow); fs != ss {
			t.Fatalf("fast %s != strict %s", fs, ss)
		}
	})
}

func FuzzDecompress(f *testing.F) {
	c, err := New(Limits{})
	if err != nil {
		f.Fatal(err)
	}
	z, err := NewCompressor(flate.BestSpeed)
	if err != nil {
		f.Fatal(err)
	}
	m := sample()
	m.Args = []any{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
	plain, err := c.AppendMap(nil, m, false)
	if err != nil {
		f.Fatal(err)
	}
	b, ok := z.AppendCompressed(nil, plain, len(plain))
	if !ok {
		f.Fatal("not compressed")
	}
	f.Add(b)
	f.Add([]byte{0x83, 0x01, 0x19, 0xff, 0xff, 0x43, 0x01, 0x02, 0x03})
	const max = 1 << 16
	var dz Decompressor
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := dz.Decompress(nil, b, max)
		if err != nil {
			return
		}
		if len(out) > max || len(out) == 0 {
			t.Fatalf("output of %d bytes", len(out))
		}
		var d Decoded
		_ = c.Decode(out, &d)
	})
}
