package router

import (
	"sync"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
)

// localPeer adapts an in-process peer (Attach, AttachClient) to what the
// guard forwards. Network receivers need PPT payloads as
// serialize.BinaryData (so that JSON receivers get the spec's
// "\u0000"+base64 form), but messages to an in-process peer are never
// serialized, and nexus's client asserts that a PPT payload is []byte: a
// BinaryData would panic it — in the router's process. So every message
// to the in-process peer passes through one goroutine that hands it a copy
// whose BinaryData payload is []byte (the message itself is shared with
// other receivers and stays unchanged).
type localPeer struct {
	wamp.Peer
	out  chan wamp.Message
	done chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

func newLocalPeer(inner wamp.Peer) *localPeer {
	p := &localPeer{Peer: inner, out: make(chan wamp.Message, max(cap(inner.Send()), 1)), done: make(chan struct{})}
	p.wg.Add(1)
	go p.forward()
	return p
}

// Send returns the channel nexus writes to; forward passes its messages on.
func (p *localPeer) Send() chan<- wamp.Message { return p.out }

// Close stops forwarding (messages still queued are dropped, as closing a
// peer drops its queue) and then closes the in-process peer.
func (p *localPeer) Close() {
	p.once.Do(func() {
		close(p.done)
		p.wg.Wait()
		p.Peer.Close()
	})
}

func (p *localPeer) forward() {
	defer p.wg.Done()
	for {
		select {
		case msg := <-p.out:
			select {
			case p.Peer.Send() <- withBytePayload(msg):
			case <-p.done:
				return
			}
		case <-p.done:
			return
		}
	}
}

// withBytePayload returns msg, or a shallow copy of it whose one
// serialize.BinaryData argument is []byte.
func withBytePayload(msg wamp.Message) wamp.Message {
	switch m := msg.(type) {
	case *wamp.Event:
		if b, ok := binaryArg(m.Arguments); ok {
			c := *m
			c.Arguments = wamp.List{b}
			return &c
		}
	case *wamp.Invocation:
		if b, ok := binaryArg(m.Arguments); ok {
			c := *m
			c.Arguments = wamp.List{b}
			return &c
		}
	case *wamp.Result:
		if b, ok := binaryArg(m.Arguments); ok {
			c := *m
			c.Arguments = wamp.List{b}
			return &c
		}
	case *wamp.Error:
		if b, ok := binaryArg(m.Arguments); ok {
			c := *m
			c.Arguments = wamp.List{b}
			return &c
		}
	}
	return msg
}

func binaryArg(args wamp.List) ([]byte, bool) {
	if len(args) != 1 {
		return nil, false
	}
	b, ok := args[0].(serialize.BinaryData)
	return []byte(b), ok
}
