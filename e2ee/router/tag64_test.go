package router_test

import (
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/ugorji/go/codec"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// TestCheckTag64Payload: a CBOR session's payload written as an RFC 8746
// uint8 typed array (tag 64, what JavaScript CBOR encoders write for a
// Uint8Array) is the payload's bytes (docs/protocol.md §3.4); the guard
// forwards it as plain binary. Any other tag is not binary.
func TestCheckTag64Payload(t *testing.T) {
	payload := []byte("nonce-and-ciphertext")
	p := router.DefaultPolicy()
	msg := &wamp.Publish{Request: 1, Options: validOpts(), Topic: "t",
		Arguments: wamp.List{codec.RawExt{Tag: 64, Value: payload}}}
	require.Nil(t, p.Check(msg, false))
	assert.Equal(t, wamp.List{serialize.BinaryData(payload)}, msg.Arguments)

	for _, v := range []any{
		codec.RawExt{Tag: 65, Value: payload},           // uint16 big-endian typed array
		codec.RawExt{Tag: 64, Value: "text"},            // tag 64 around a text string
		codec.RawExt{Tag: 64, Data: payload},            // an undecoded extension
		codec.RawExt{Tag: 2, Value: []byte{1, 2, 3, 4}}, // bignum
	} {
		msg := &wamp.Publish{Request: 1, Options: validOpts(), Topic: "t", Arguments: wamp.List{v}}
		rerr := p.Check(msg, false)
		require.NotNil(t, rerr, "%#v", v)
		assert.Equal(t, router.ReasonPayloadType, rerr.Reason)
	}
}
