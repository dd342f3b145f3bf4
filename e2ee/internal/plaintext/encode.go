package plaintext

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// CBOR major types.
const (
	majorUint  = 0
	majorNeg   = 1
	majorBytes = 2
	majorText  = 3
	majorArray = 4
	majorMap   = 5
	majorTag   = 6
	majorOther = 7
)

// appendHead appends a CBOR head in its shortest form.
func appendHead(b []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(b, m|byte(n))
	case n <= math.MaxUint8:
		return append(b, m|24, byte(n))
	case n <= math.MaxUint16:
		return append(b, m|25, byte(n>>8), byte(n))
	case n <= math.MaxUint32:
		return append(b, m|26, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
	return append(b, m|27, byte(n>>56), byte(n>>48), byte(n>>40), byte(n>>32),
		byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}

func appendText(b []byte, s string) []byte {
	b = appendHead(b, majorText, uint64(len(s)))
	return append(b, s...)
}

// AppendMap appends the plaintext map of m to dst. If withSig is true the map
// gets a last entry "sig" whose key and byte-string head (0x58 0x40) are
// appended last; the caller must then append exactly SigSize signature bytes.
// The signature covers everything this call appended (see docs/protocol.md).
//
// Keys are written in a fixed order (uri, kid, kind, seq, ts, cid, proc,
// prog, idx, args, kwargs, sig; cid, proc, prog/idx and sig only when present); map keys inside args and kwargs are sorted as in CBOR core
// deterministic encoding. Strings must be valid UTF-8.
func (c *Codec) AppendMap(dst []byte, m *Message, withSig bool) ([]byte, error) {
	if len(m.URI) > c.lim.MaxURI || !utf8.ValidString(m.URI) {
		return dst, errors.New("plaintext: uri too long or not UTF-8")
	}
	if len(m.KeyID) > c.lim.MaxKeyID || !utf8.ValidString(m.KeyID) {
		return dst, errors.New("plaintext: key id too long or not UTF-8")
	}
	if m.Seq == 0 {
		return dst, errors.New("plaintext: seq must be ≥ 1")
	}
	if m.CallID != nil && len(m.CallID) != CallIDSize {
		return dst, errors.New("plaintext: call id must be 16 bytes")
	}
	if len(m.Proc) > c.lim.MaxURI || !utf8.ValidString(m.Proc) {
		return dst, errors.New("plaintext: proc too long or not UTF-8")
	}
	n := uint64(7)
	if m.CallID != nil {
		n++
	}
	if m.Proc != "" {
		n++
	}
	if m.HasIdx {
		n += 2
	}
	if withSig {
		n++
	}
	dst = appendHead(dst, majorMap, n)
	dst = appendText(dst, KeyURI)
	dst = appendText(dst, m.URI)
	dst = appendText(dst, KeyKeyID)
	dst = appendText(dst, m.KeyID)
	dst = appendText(dst, KeyKind)
	dst = appendHead(dst, majorUint, uint64(m.Kind))
	dst = appendText(dst, KeySeq)
	dst = appendHead(dst, majorUint, m.Seq)
	dst = appendText(dst, KeyTS)
	dst = appendHead(dst, majorUint, m.TS)
	if m.CallID != nil {
		dst = appendText(dst, KeyCallID)
		dst = appendHead(dst, majorBytes, CallIDSize)
		dst = append(dst, m.CallID...)
	}
	if m.Proc != "" {
		dst = appendText(dst, KeyProc)
		dst = appendText(dst, m.Proc)
	}
	if m.HasIdx {
		dst = appendText(dst, KeyProg)
		if m.Prog {
			dst = append(dst, 0xf5)
		} else {
			dst = append(dst, 0xf4)
		}
		dst = appendText(dst, KeyIdx)
		dst = appendHead(dst, majorUint, m.Idx)
	}
	dst = appendText(dst, KeyArgs)
	var err error
	if dst, err = c.appendList(dst, m.Args, 1); err != nil {
		return dst, err
	}
	dst = appendText(dst, KeyKwargs)
	if dst, err = c.appendDict(dst, m.Kwargs, 1); err != nil {
		return dst, err
	}
	if withSig {
		dst = appendText(dst, KeySig)
		dst = appendHead(dst, majorBytes, SigSize)
	}
	return dst, nil
}

func (c *Codec) appendList(b []byte, l []any, depth int) ([]byte, error) {
	if depth > c.lim.MaxDepth {
		return b, errors.New("plaintext: value nested too deeply")
	}
	if len(l) > c.lim.MaxArray {
		return b, errors.New("plaintext: array too long")
	}
	b = appendHead(b, majorArray, uint64(len(l)))
	var err error
	for _, v := range l {
		if b, err = c.appendValue(b, v, depth); err != nil {
			return b, err
		}
	}
	return b, nil
}

func (c *Codec) appendDict(b []byte, d map[string]any, depth int) ([]byte, error) {
	if depth > c.lim.MaxDepth {
		return b, errors.New("plaintext: value nested too deeply")
	}
	if len(d) > c.lim.MaxMap {
		return b, errors.New("plaintext: map too large")
	}
	b = appendHead(b, majorMap, uint64(len(d)))
	if len(d) == 0 {
		return b, nil
	}
	keys := make([]string, 0, len(d))
	for k := range d {
		if !utf8.ValidString(k) {
			return b, errors.New("plaintext: map key not UTF-8")
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if len(x) != len(y) {
			return len(x) - len(y)
		}
		return strings.Compare(x, y)
	})
	var err error
	for _, k := range keys {
		b = appendText(b, k)
		if b, err = c.appendValue(b, d[k], depth); err != nil {
			return b, err
		}
	}
	return b, nil
}

// appendValue encodes the common WAMP value types by hand and hands anything
// else to fxamacker/cbor.
func (c *Codec) appendValue(b []byte, v any, depth int) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, 0xf6), nil
	case bool:
		if v {
			return append(b, 0xf5), nil
		}
		return append(b, 0xf4), nil
	case string:
		if !utf8.ValidString(v) {
			return b, errors.New("plaintext: string not UTF-8")
		}
		return appendText(b, v), nil
	case []byte:
		b = appendHead(b, majorBytes, uint64(len(v)))
		return append(b, v...), nil
	case int:
		return appendInt(b, int64(v)), nil
	case int8:
		return appendInt(b, int64(v)), nil
	case int16:
		return appendInt(b, int64(v)), nil
	case int32:
		return appendInt(b, int64(v)), nil
	case int64:
		return appendInt(b, v), nil
	case uint:
		return appendHead(b, majorUint, uint64(v)), nil
	case uint8:
		return appendHead(b, majorUint, uint64(v)), nil
	case uint16:
		return appendHead(b, majorUint, uint64(v)), nil
	case uint32:
		return appendHead(b, majorUint, uint64(v)), nil
	case uint64:
		return appendHead(b, majorUint, v), nil
	case float64:
		u := math.Float64bits(v)
		return append(b, 0xfb, byte(u>>56), byte(u>>48), byte(u>>40), byte(u>>32),
			byte(u>>24), byte(u>>16), byte(u>>8), byte(u)), nil
	case float32:
		u := math.Float32bits(v)
		return append(b, 0xfa, byte(u>>24), byte(u>>16), byte(u>>8), byte(u)), nil
	case []any:
		return c.appendList(b, v, depth+1)
	case map[string]any:
		return c.appendDict(b, v, depth+1)
	}
	enc, err := c.enc.Marshal(v)
	if err != nil {
		return b, fmt.Errorf("plaintext: cannot encode %T: %w", v, err)
	}
	return append(b, enc...), nil
}

func appendInt(b []byte, v int64) []byte {
	if v >= 0 {
		return appendHead(b, majorUint, uint64(v))
	}
	return appendHead(b, majorNeg, uint64(-(v + 1)))
}
