package loadgen

import (
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

type chanPeer struct{ rd, wr chan wamp.Message }

func (p chanPeer) Recv() <-chan wamp.Message { return p.rd }
func (p chanPeer) Send() chan<- wamp.Message { return p.wr }
func (p chanPeer) IsLocal() bool             { return false }
func (p chanPeer) Close()                    {}

// TestCarrier: publications to the carried topic leave in E2EE's shape,
// others unchanged; incoming EVENTs lose their ppt_* details only.
func TestCarrier(t *testing.T) {
	inner := chanPeer{rd: make(chan wamp.Message, 4), wr: make(chan wamp.Message, 4)}
	opts := wamp.Dict(envelope.PutOptions(nil, "0123456789abcdef.0123456789abcdef0123456789abcdef", "e2ee.key.0123456789abcdef"))
	payload := []byte("sealed-size payload")
	c := Carrier(inner, "t", opts, payload)

	c.Send() <- &wamp.Publish{Topic: "t", Arguments: wamp.List{"app"}, ArgumentsKw: wamp.Dict{"k": 1}}
	m := (<-inner.wr).(*wamp.Publish)
	assert.Equal(t, opts, m.Options)
	assert.Equal(t, wamp.List{payload}, m.Arguments)
	assert.Nil(t, m.ArgumentsKw)
	m.Options["x"] = 1
	assert.NotContains(t, opts, "x", "each publication gets its own copy of the options")

	c.Send() <- &wamp.Publish{Topic: "u", Arguments: wamp.List{"app"}}
	m = (<-inner.wr).(*wamp.Publish)
	assert.Nil(t, m.Options)
	assert.Equal(t, wamp.List{"app"}, m.Arguments)

	details := envelope.PutOptions(wamp.Dict{"topic": "t"}, "0123456789abcdef.0123456789abcdef0123456789abcdef", "")
	inner.rd <- &wamp.Event{Details: details, Arguments: wamp.List{payload}}
	ev := (<-c.Recv()).(*wamp.Event)
	assert.Equal(t, wamp.Dict{"topic": "t"}, ev.Details)

	close(inner.rd)
	_, ok := <-c.Recv()
	require.False(t, ok, "Recv closes with the inner peer's")
	c.Close()
}
