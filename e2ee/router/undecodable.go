package router

import (
	"bytes"
	"encoding/binary"
	"encoding/json"

	"github.com/gammazero/nexus/v3/wamp"
)

// maxDecodeError bounds the decoder's error text sent back to the client.
const maxDecodeError = 160

// undecodable stands for a frame the session's serializer could not decode.
// The netPeer hands it to the guard, which answers it (see
// guardPeer.answerUndecodable) and never forwards it to nexus. typ and
// request are what could be recovered from the frame's first two elements
// (0 if nothing).
type undecodable struct {
	typ     wamp.MessageType
	request wamp.ID
	err     string
}

// MessageType is the recovered type (0 if none).
func (u *undecodable) MessageType() wamp.MessageType { return u.typ }

func newUndecodable(b []byte, k serializerKind, err error) *undecodable {
	u := &undecodable{err: err.Error()}
	if len(u.err) > maxDecodeError {
		u.err = u.err[:maxDecodeError] + "…"
	}
	var ints [2]uint64
	var n int
	switch k {
	case serJSON:
		n = peekJSON(b, ints[:])
	case serMsgpack:
		n = peekMsgpack(b, ints[:])
	default:
		n = peekCBOR(b, ints[:])
	}
	if n >= 1 && ints[0] < 256 {
		u.typ = wamp.MessageType(ints[0])
	}
	if n == 2 && ints[1] <= 1<<53 {
		u.request = wamp.ID(ints[1])
	}
	return u
}

// peekJSON reads up to len(out) leading non-negative integers of a JSON
// array and returns how many it read.
func peekJSON(b []byte, out []uint64) int {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('[') {
		return 0
	}
	for i := range out {
		t, err := d.Token()
		if err != nil {
			return i
		}
		num, ok := t.(json.Number)
		if !ok {
			return i
		}
		v, err := num.Int64()
		if err != nil || v < 0 {
			return i
		}
		out[i] = uint64(v)
	}
	return len(out)
}

// peekMsgpack reads up to len(out) leading unsigned integers of a msgpack
// array.
func peekMsgpack(b []byte, out []uint64) int {
	switch {
	case len(b) > 0 && b[0]&0xf0 == 0x90:
		b = b[1:]
	case len(b) > 2 && b[0] == 0xdc:
		b = b[3:]
	case len(b) > 4 && b[0] == 0xdd:
		b = b[5:]
	default:
		return 0
	}
	for i := range out {
		if len(b) == 0 {
			return i
		}
		var w int
		switch c := b[0]; {
		case c < 0x80:
			out[i], b = uint64(c), b[1:]
			continue
		case c >= 0xcc && c <= 0xcf:
			w = 1 << (c - 0xcc)
		default:
			return i
		}
		if len(b) < 1+w {
			return i
		}
		out[i], b = beUint(b[1:1+w]), b[1+w:]
	}
	return len(out)
}

// peekCBOR reads up to len(out) leading unsigned integers of a CBOR array.
func peekCBOR(b []byte, out []uint64) int {
	if len(b) == 0 || b[0]>>5 != 4 {
		return 0
	}
	_, b, ok := cborHead(b)
	if !ok {
		return 0
	}
	for i := range out {
		if len(b) == 0 || b[0]>>5 != 0 {
			return i
		}
		var v uint64
		if v, b, ok = cborHead(b); !ok {
			return i
		}
		out[i] = v
	}
	return len(out)
}

// cborHead decodes a CBOR head's argument (indefinite lengths fail).
func cborHead(b []byte) (uint64, []byte, bool) {
	ai := b[0] & 0x1f
	switch {
	case ai < 24:
		return uint64(ai), b[1:], true
	case ai <= 27:
		w := 1 << (ai - 24)
		if len(b) < 1+w {
			return 0, nil, false
		}
		return beUint(b[1 : 1+w]), b[1+w:], true
	}
	return 0, nil, false
}

func beUint(b []byte) uint64 {
	var x [8]byte
	copy(x[8-len(b):], b)
	return binary.BigEndian.Uint64(x[:])
}
