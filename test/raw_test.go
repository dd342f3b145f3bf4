package test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

// rawPeer is a WAMP peer we control byte for byte (no nexus client code): a
// malicious or malformed client.
type rawPeer struct {
	p    wamp.Peer
	next wamp.ID
	msgs chan wamp.Message
	done chan struct{}
}

func dialRaw(t testing.TB, tr *testRouter, ser serialize.Serialization) *rawPeer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	p, err := tr.connect(ctx, ser)
	require.NoError(t, err)
	feat := wamp.Dict{"features": wamp.Dict{wamp.FeaturePayloadPassthruMode: true}}
	p.Send() <- &wamp.Hello{Realm: realmURI, Details: wamp.Dict{"roles": wamp.Dict{
		"publisher": feat, "subscriber": feat, "caller": feat, "callee": feat}}}
	m, err := wamp.RecvTimeout(p, 5*time.Second)
	require.NoError(t, err)
	_, ok := m.(*wamp.Welcome)
	require.True(t, ok, "welcome: %v", m)
	r := &rawPeer{p: p, next: 1, msgs: make(chan wamp.Message, 1024), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for m := range p.Recv() {
			select {
			case r.msgs <- m:
			default:
			}
		}
	}()
	t.Cleanup(func() { p.Close(); <-r.done })
	return r
}

func (r *rawPeer) id() wamp.ID { r.next++; return r.next }

func (r *rawPeer) send(m wamp.Message) { r.p.Send() <- m }

// expect returns the next message of type T.
func expect[T wamp.Message](t testing.TB, r *rawPeer) T {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case m := <-r.msgs:
			if v, ok := m.(T); ok {
				return v
			}
		case <-deadline:
			var zero T
			t.Fatalf("no %T", zero)
			return zero
		}
	}
}

func (r *rawPeer) subscribe(t testing.TB, topic string) wamp.ID {
	r.send(&wamp.Subscribe{Request: r.id(), Options: wamp.Dict{}, Topic: wamp.URI(topic)})
	return expect[*wamp.Subscribed](t, r).Subscription
}

func (r *rawPeer) register(t testing.TB, proc string) {
	r.send(&wamp.Register{Request: r.id(), Options: wamp.Dict{}, Procedure: wamp.URI(proc)})
	expect[*wamp.Registered](t, r)
}

// injectPeer wraps a transport peer so a test can push fabricated messages
// into the node's inbound stream: a malicious router or link.
type injectPeer struct {
	wamp.Peer
	rd   chan wamp.Message
	inj  chan wamp.Message
	stop chan struct{}
	once sync.Once
	done chan struct{}
}

func newInjectPeer(inner wamp.Peer) *injectPeer {
	p := &injectPeer{Peer: inner, rd: make(chan wamp.Message), inj: make(chan wamp.Message, 256),
		stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		defer close(p.rd)
		in := inner.Recv()
		for {
			var m wamp.Message
			var ok bool
			select {
			case m, ok = <-in:
				if !ok {
					return
				}
			case m = <-p.inj:
			case <-p.stop:
				return
			}
			select {
			case p.rd <- m:
			case <-p.stop:
				return
			}
		}
	}()
	return p
}

func (p *injectPeer) Recv() <-chan wamp.Message { return p.rd }

func (p *injectPeer) Close() {
	p.once.Do(func() { close(p.stop); p.Peer.Close(); <-p.done })
}
