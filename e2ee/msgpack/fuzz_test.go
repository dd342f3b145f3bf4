package msgpack

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

// FuzzDeserialize is differential against nexus: we never panic; if we
// accept an input nexus accepts it with an equal message; if only nexus
// accepts it, we refused it for a documented strictness; and re-encoding
// what we decoded follows the encoding contract and is stable.
func FuzzDeserialize(f *testing.F) {
	for _, s := range samples() {
		b, err := ours.Serialize(s.msg)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, in := range [][]byte{
		{0x81, 0x01, 0xa1, 'r'},                      // top-level map
		{0x92, 0x01, 0xa1, 'r', 0xc0},                // trailing byte
		{0x93, 0x23, 0x01, 0xd5, 0x01, 0, 0},         // ext
		{0x93, 0x23, 0x01, 0xd6, 0xff, 0, 0, 0, 1},   // timestamp
		{0x93, 0x01, 0xa1, 'r', 0x81, 0xc0, 0x01},    // nil key
		{0x93, 0x01, 0xa1, 'r', 0x81, 0x91, 0x61, 1}, // array key
		{0x93, 0x01, 0xa1, 'r', 0x82, 0xa1, 'a', 0x01, 0xa1, 'a', 0x02},
		{0x93, 0x01, 0xc4, 0x01, 'r', 0x81, 0xc4, 0x01, 'a', 0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1},
		{0x95, 0x08, 0xca, 0x42, 0x40, 0, 0, 0xd0, 0xff, 0xc0, 0x41},
		{0x94, 0x10, 0xcb, 0xc1, 0xe0, 0, 0, 0, 0, 0, 0, 0x80, 0xd1, 0x26, 0x3a},
		{0x95, 0x10, 0x01, 0x80, 0xa1, 't', 0xc4, 0x02, 0x01, 0xff},
		{0xdd, 0xff, 0xff, 0xff, 0xff},
	} {
		f.Add(in)
	}
	g := gen{rand.New(rand.NewPCG(2, 2))}
	for range 64 {
		f.Add(g.message())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := checkDecode(t, data)
		if err != nil {
			return
		}
		b := checkEncode(t, got)
		again, err := ours.Deserialize(b)
		require.NoError(t, err)
		b2, err := ours.Serialize(again)
		require.NoError(t, err)
		again2, err := ours.Deserialize(b2)
		require.NoError(t, err)
		requireEqual(t, again, again2, "second round trip changed the message")
	})
}

// FuzzRoundTrip builds messages of every fast-path type from fuzzed values
// and checks the encoding contract against nexus.
func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(16), uint64(1), "com.example", []byte{1, 2, 3}, int64(-1), 1.5, uint8(3))
	f.Add(uint8(36), uint64(math.MaxUint64), "", []byte(nil), int64(math.MinInt64), math.NaN(), uint8(0xff))
	f.Add(uint8(8), uint64(200), "ppt_scheme", make([]byte, 300), int64(70000), math.Inf(1), uint8(0x0f))
	f.Fuzz(func(t *testing.T, typ uint8, id uint64, s string, b []byte, i int64, fl float64, shape uint8) {
		var args wamp.List
		if shape&1 != 0 {
			args = wamp.List{s, b, i, fl, id, int(i), int32(i), uint16(id), float32(fl), wamp.ID(id), wamp.URI(s),
				shape&16 != 0, nil, []string{s}, map[string]string{s: s}}
		}
		var kw wamp.Dict
		if shape&2 != 0 {
			kw = wamp.Dict{s: i, "b": b, "n": wamp.Dict{"l": wamp.List{fl, uint8(i)}, s: map[string]any{}}}
		}
		var dict wamp.Dict
		if shape&4 != 0 {
			dict = wamp.Dict{s: b}
		} else if shape&8 != 0 {
			dict = wamp.Dict{}
		}
		if shape&32 != 0 && args == nil {
			args = wamp.List{}
		}
		msg := wamp.NewMessage(wamp.MessageType(typ % 71))
		if msg == nil {
			msg = &wamp.Publish{}
		}
		fill(msg, wamp.ID(id), wamp.URI(s), dict, args, kw, wamp.MessageType(i))
		out := checkEncode(t, msg)
		got, err := ours.Deserialize(out)
		require.NoError(t, err)
		require.Equal(t, msg.MessageType(), got.MessageType())
	})
}

// fill sets every field of a fast-path message.
func fill(msg wamp.Message, id wamp.ID, uri wamp.URI, d wamp.Dict, args wamp.List, kw wamp.Dict, typ wamp.MessageType) {
	switch m := msg.(type) {
	case *wamp.Hello:
		*m = wamp.Hello{Realm: uri, Details: d}
	case *wamp.Welcome:
		*m = wamp.Welcome{ID: id, Details: d}
	case *wamp.Abort:
		*m = wamp.Abort{Details: d, Reason: uri}
	case *wamp.Challenge:
		*m = wamp.Challenge{AuthMethod: string(uri), Extra: d}
	case *wamp.Authenticate:
		*m = wamp.Authenticate{Signature: string(uri), Extra: d}
	case *wamp.Goodbye:
		*m = wamp.Goodbye{Details: d, Reason: uri}
	case *wamp.Error:
		*m = wamp.Error{Type: typ, Request: id, Details: d, Error: uri, Arguments: args, ArgumentsKw: kw}
	case *wamp.Publish:
		*m = wamp.Publish{Request: id, Options: d, Topic: uri, Arguments: args, ArgumentsKw: kw}
	case *wamp.Published:
		*m = wamp.Published{Request: id, Publication: id + 1}
	case *wamp.Subscribe:
		*m = wamp.Subscribe{Request: id, Options: d, Topic: uri}
	case *wamp.Subscribed:
		*m = wamp.Subscribed{Request: id, Subscription: id * 3}
	case *wamp.Unsubscribe:
		*m = wamp.Unsubscribe{Request: id, Subscription: id >> 1}
	case *wamp.Unsubscribed:
		*m = wamp.Unsubscribed{Request: id}
	case *wamp.Event:
		*m = wamp.Event{Subscription: id, Publication: ^id, Details: d, Arguments: args, ArgumentsKw: kw}
	case *wamp.Call:
		*m = wamp.Call{Request: id, Options: d, Procedure: uri, Arguments: args, ArgumentsKw: kw}
	case *wamp.Cancel:
		*m = wamp.Cancel{Request: id, Options: d}
	case *wamp.Result:
		*m = wamp.Result{Request: id, Details: d, Arguments: args, ArgumentsKw: kw}
	case *wamp.Register:
		*m = wamp.Register{Request: id, Options: d, Procedure: uri}
	case *wamp.Registered:
		*m = wamp.Registered{Request: id, Registration: id}
	case *wamp.Unregister:
		*m = wamp.Unregister{Request: id, Registration: id}
	case *wamp.Unregistered:
		*m = wamp.Unregistered{Request: id}
	case *wamp.Invocation:
		*m = wamp.Invocation{Request: id, Registration: id, Details: d, Arguments: args, ArgumentsKw: kw}
	case *wamp.Interrupt:
		*m = wamp.Interrupt{Request: id, Options: d}
	case *wamp.Yield:
		*m = wamp.Yield{Request: id, Options: d, Arguments: args, ArgumentsKw: kw}
	}
}
