package router

import (
	"errors"
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
)

func TestNewUndecodableRecovers(t *testing.T) {
	errBad := errors.New("bad")
	cases := []struct {
		name string
		k    serializerKind
		in   []byte
		typ  wamp.MessageType
		req  wamp.ID
	}{
		{"json", serJSON, []byte(`[32, 7, {"match": tru`), wamp.SUBSCRIBE, 7},
		{"json big id", serJSON, []byte(`[48, 9007199254740992, {`), wamp.CALL, 1 << 53},
		{"json id too big", serJSON, []byte(`[48, 9007199254740993, {`), wamp.CALL, 0},
		{"json negative", serJSON, []byte(`[-1, 2`), 0, 0},
		{"json not array", serJSON, []byte(`{"a"`), 0, 0},
		{"msgpack fixarray", serMsgpack, []byte{0x94, 0x30, 0x09, 0xc1}, wamp.CALL, 9},
		{"msgpack uint16 id", serMsgpack, []byte{0xdc, 0x00, 0x04, 0x20, 0xcd, 0x01, 0x00}, wamp.SUBSCRIBE, 256},
		{"msgpack truncated", serMsgpack, []byte{0x94, 0x30, 0xcf, 0x01}, wamp.CALL, 0},
		{"cbor", serCBOR, []byte{0x84, 0x18, 0x30, 0x19, 0x01, 0x00, 0xff}, wamp.CALL, 256},
		{"cbor indefinite", serCBOR, []byte{0x9f, 0x18, 0x30}, 0, 0},
		{"empty", serCBOR, nil, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := newUndecodable(c.in, c.k, errBad)
			assert.Equal(t, c.typ, u.typ)
			assert.Equal(t, c.req, u.request)
		})
	}
}

// FuzzUndecodable: recovering the type and request id of a frame that did
// not decode never panics, whatever the bytes and serializer.
func FuzzUndecodable(f *testing.F) {
	f.Add([]byte(`[48, 9, {"a": tru`), uint8(0))
	f.Add([]byte{0x94, 0x30, 0x09, 0x81, 0xc1}, uint8(1))
	f.Add([]byte{0x84, 0x18, 0x30, 0x09, 0xa1, 0xff}, uint8(2))
	f.Add([]byte{0xdd, 0xff, 0xff, 0xff, 0xff, 0xcf}, uint8(1))
	f.Add([]byte{0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1b}, uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, k uint8) {
		u := newUndecodable(b, serializerKind(k%3), errors.New("x"))
		if u.request > 1<<53 {
			t.Fatalf("request id %d beyond 2^53", u.request)
		}
	})
}
