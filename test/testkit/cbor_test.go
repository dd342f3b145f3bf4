package testkit

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// tagged is a CBOR tag around a value.
type tagged struct {
	tag uint64
	v   any
}

// encodeCBOR encodes v deterministically: shortest heads, definite lengths,
// map keys sorted bytewise by their encoding (RFC 8949 §4.2.1), floats as
// float64.
func encodeCBOR(v any) []byte {
	var b bytes.Buffer
	writeCBOR(&b, v)
	return b.Bytes()
}

func cborHead(b *bytes.Buffer, major byte, n uint64) {
	switch {
	case n < 24:
		b.WriteByte(major<<5 | byte(n))
	case n <= math.MaxUint8:
		b.WriteByte(major<<5 | 24)
		b.WriteByte(byte(n))
	case n <= math.MaxUint16:
		b.WriteByte(major<<5 | 25)
		b.Write(binary.BigEndian.AppendUint16(nil, uint16(n)))
	case n <= math.MaxUint32:
		b.WriteByte(major<<5 | 26)
		b.Write(binary.BigEndian.AppendUint32(nil, uint32(n)))
	default:
		b.WriteByte(major<<5 | 27)
		b.Write(binary.BigEndian.AppendUint64(nil, n))
	}
}

func writeCBOR(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteByte(0xf6)
	case bool:
		if x {
			b.WriteByte(0xf5)
		} else {
			b.WriteByte(0xf4)
		}
	case uint64:
		cborHead(b, 0, x)
	case int:
		writeCBOR(b, int64(x))
	case int64:
		if x >= 0 {
			cborHead(b, 0, uint64(x))
		} else {
			cborHead(b, 1, uint64(-1-x))
		}
	case float64:
		b.WriteByte(0xfb)
		b.Write(binary.BigEndian.AppendUint64(nil, math.Float64bits(x)))
	case []byte:
		cborHead(b, 2, uint64(len(x)))
		b.Write(x)
	case string:
		cborHead(b, 3, uint64(len(x)))
		b.WriteString(x)
	case []any:
		cborHead(b, 4, uint64(len(x)))
		for _, e := range x {
			writeCBOR(b, e)
		}
	case map[string]any:
		keys := make([][]byte, 0, len(x))
		byKey := map[string]string{}
		for k := range x {
			ek := encodeCBOR(k)
			keys = append(keys, ek)
			byKey[string(ek)] = k
		}
		sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
		cborHead(b, 5, uint64(len(x)))
		for _, ek := range keys {
			b.Write(ek)
			writeCBOR(b, x[byKey[string(ek)]])
		}
	case tagged:
		cborHead(b, 6, x.tag)
		writeCBOR(b, x.v)
	default:
		panic(fmt.Sprintf("encodeCBOR: %T", v))
	}
}

// encodeJSON encodes v as a WAMP JSON message: byte strings as
// "\u0000" + base64 (the WAMP convention), map keys sorted.
func encodeJSON(v any) []byte {
	out, err := json.Marshal(jsonValue(v))
	if err != nil {
		panic(err)
	}
	return out
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return "\x00" + base64.StdEncoding.EncodeToString(x)
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = jsonValue(x[i])
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	}
	return v
}
