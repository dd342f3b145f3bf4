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

// encodeMsgpack encodes v as MessagePack: shortest forms, floats as
// float64, map keys in the order of encodeCBOR.
func encodeMsgpack(v any) []byte {
	var b bytes.Buffer
	writeMsgpack(&b, v)
	return b.Bytes()
}

func msgpackLen(b *bytes.Buffer, n int, fix, fixMax byte, c8, c16, c32 byte) {
	switch {
	case fix != 0 && n <= int(fixMax):
		b.WriteByte(fix | byte(n))
	case c8 != 0 && n <= math.MaxUint8:
		b.WriteByte(c8)
		b.WriteByte(byte(n))
	case n <= math.MaxUint16:
		b.WriteByte(c16)
		b.Write(binary.BigEndian.AppendUint16(nil, uint16(n)))
	default:
		b.WriteByte(c32)
		b.Write(binary.BigEndian.AppendUint32(nil, uint32(n)))
	}
}

func writeMsgpack(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteByte(0xc0)
	case bool:
		if x {
			b.WriteByte(0xc3)
		} else {
			b.WriteByte(0xc2)
		}
	case int:
		writeMsgpack(b, int64(x))
	case int64:
		if x >= 0 {
			writeMsgpack(b, uint64(x))
			return
		}
		if x >= -32 {
			b.WriteByte(byte(x))
			return
		}
		b.WriteByte(0xd3)
		b.Write(binary.BigEndian.AppendUint64(nil, uint64(x)))
	case uint64:
		switch {
		case x < 128:
			b.WriteByte(byte(x))
		case x <= math.MaxUint8:
			b.Write([]byte{0xcc, byte(x)})
		case x <= math.MaxUint16:
			b.WriteByte(0xcd)
			b.Write(binary.BigEndian.AppendUint16(nil, uint16(x)))
		case x <= math.MaxUint32:
			b.WriteByte(0xce)
			b.Write(binary.BigEndian.AppendUint32(nil, uint32(x)))
		default:
			b.WriteByte(0xcf)
			b.Write(binary.BigEndian.AppendUint64(nil, x))
		}
	case float64:
		b.WriteByte(0xcb)
		b.Write(binary.BigEndian.AppendUint64(nil, math.Float64bits(x)))
	case string:
		msgpackLen(b, len(x), 0xa0, 31, 0xd9, 0xda, 0xdb)
		b.WriteString(x)
	case []byte:
		msgpackLen(b, len(x), 0, 0, 0xc4, 0xc5, 0xc6)
		b.Write(x)
	case []any:
		msgpackLen(b, len(x), 0x90, 15, 0, 0xdc, 0xdd)
		for _, e := range x {
			writeMsgpack(b, e)
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
		msgpackLen(b, len(x), 0x80, 15, 0, 0xde, 0xdf)
		for _, ek := range keys {
			k := byKey[string(ek)]
			writeMsgpack(b, k)
			writeMsgpack(b, x[k])
		}
	default:
		panic(fmt.Sprintf("encodeMsgpack: %T", v))
	}
}
