package envelope

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/ugorji/go/codec"
)

// TestUntagBytes: only a tag-64 byte string, as nexus's CBOR serializer
// decodes it, is unwrapped; everything else is returned as it was.
func TestUntagBytes(t *testing.T) {
	b := []byte{1, 2, 3}
	assert.Equal(t, b, UntagBytes(codec.RawExt{Tag: TagUint8Array, Value: b}))
	assert.Equal(t, b, UntagBytes(&codec.RawExt{Tag: TagUint8Array, Value: b}))
	for _, v := range []any{
		codec.RawExt{Tag: 65, Value: b},
		codec.RawExt{Tag: TagUint8Array, Value: "abc"},
		codec.RawExt{Tag: TagUint8Array, Data: b},
		(*codec.RawExt)(nil),
		"abc", b, nil, uint64(7),
	} {
		assert.Equal(t, v, UntagBytes(v), "%#v", v)
	}
}
