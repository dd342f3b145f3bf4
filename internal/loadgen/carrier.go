package loadgen

import (
	"maps"
	"sync"

	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Carrier returns a peer for a client (nexus's client.NewClient) that carries
// its events on topic in E2EE's wire shape without any cryptography: each
// PUBLISH to topic leaves with a copy of opts (the ppt_* options) and payload
// as its only argument in place of its own, and the ppt_* details of incoming
// EVENTs are removed, as a session's receiving side does. Everything else
// passes unchanged. Measured against the same traffic without the options,
// it isolates what carrying a PPT message costs the router and the
// transports. Like a session, it adds two goroutines between the client and
// inner.
func Carrier(inner wamp.Peer, topic string, opts wamp.Dict, payload []byte) wamp.Peer {
	c := &carrier{inner: inner, topic: wamp.URI(topic), opts: opts, payload: payload,
		in: make(chan wamp.Message, 64), out: make(chan wamp.Message, 64), done: make(chan struct{})}
	go c.send()
	go c.recv()
	return c
}

type carrier struct {
	inner   wamp.Peer
	topic   wamp.URI
	opts    wamp.Dict
	payload []byte
	in, out chan wamp.Message
	done    chan struct{}
	once    sync.Once
}

func (c *carrier) Recv() <-chan wamp.Message { return c.in }
func (c *carrier) Send() chan<- wamp.Message { return c.out }
func (c *carrier) IsLocal() bool             { return c.inner.IsLocal() }

func (c *carrier) Close() {
	c.once.Do(func() {
		close(c.done)
		c.inner.Close()
	})
}

func (c *carrier) send() {
	for {
		select {
		case msg := <-c.out:
			if m, ok := msg.(*wamp.Publish); ok && m.Topic == c.topic {
				m.Options = maps.Clone(c.opts)
				m.Arguments, m.ArgumentsKw = wamp.List{c.payload}, nil
			}
			select {
			case c.inner.Send() <- msg:
			case <-c.done:
				return
			}
		case <-c.done:
			return
		}
	}
}

func (c *carrier) recv() {
	defer close(c.in)
	for {
		select {
		case msg, ok := <-c.inner.Recv():
			if !ok {
				return
			}
			if m, ok := msg.(*wamp.Event); ok && envelope.IsPPT(m.Details) {
				envelope.StripOptions(m.Details)
			}
			select {
			case c.in <- msg:
			case <-c.done:
				return
			}
		case <-c.done:
			return
		}
	}
}
