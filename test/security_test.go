package test

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// Regression tests for attacks found in review (proof-of-concept tests
// ported from the reviewer's module). The router is the adversary: each
// test wraps a victim's transport peer and rewrites, captures or injects
// messages the way a malicious router would.

// mitmPeer is a victim's transport as seen through a malicious router: in
// rewrites (nil drops) or injects incoming messages; every outgoing message
// is recorded before it is forwarded.
type mitmPeer struct {
	wamp.Peer
	rd  chan wamp.Message
	out chan wamp.Message
	inj chan wamp.Message

	mu   sync.Mutex
	sent []wamp.Message
	stop chan struct{}
	once sync.Once
}

func newMitmPeer(inner wamp.Peer, in func(wamp.Message) wamp.Message) *mitmPeer {
	m := &mitmPeer{Peer: inner, rd: make(chan wamp.Message, 64), out: make(chan wamp.Message, 64),
		inj: make(chan wamp.Message, 16), stop: make(chan struct{})}
	go func() {
		for {
			select {
			case msg := <-m.out:
				m.mu.Lock()
				m.sent = append(m.sent, msg)
				m.mu.Unlock()
				select {
				case inner.Send() <- msg:
				case <-m.stop:
					return
				}
			case <-m.stop:
				return
			}
		}
	}()
	go func() {
		defer close(m.rd)
		recv := inner.Recv()
		for {
			var msg wamp.Message
			select {
			case x, ok := <-recv:
				if !ok {
					return
				}
				if in != nil {
					x = in(x)
				}
				if x == nil {
					continue
				}
				msg = x
			case msg = <-m.inj:
			case <-m.stop:
				return
			}
			select {
			case m.rd <- msg:
			case <-m.stop:
				return
			}
		}
	}()
	return m
}

func (m *mitmPeer) Recv() <-chan wamp.Message { return m.rd }
func (m *mitmPeer) Send() chan<- wamp.Message { return m.out }
func (m *mitmPeer) Close()                    { m.once.Do(func() { close(m.stop); m.Peer.Close() }) }
func (m *mitmPeer) inject(msg wamp.Message)   { m.inj <- msg }
func (m *mitmPeer) sentMessages() []wamp.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]wamp.Message(nil), m.sent...)
}

// withMitm makes a session dial through a mitmPeer and returns a function
// giving the current one.
func withMitm(tr *testRouter, ser serialize.Serialization, in func(wamp.Message) wamp.Message) (nodeOpt, func() *mitmPeer) {
	var mu sync.Mutex
	var cur *mitmPeer
	opt := func(cfg *session.Config) {
		cfg.Dial = dialer(tr, ser, func(p wamp.Peer) wamp.Peer {
			m := newMitmPeer(p, in)
			mu.Lock()
			cur = m
			mu.Unlock()
			return m
		})
	}
	return opt, func() *mitmPeer { mu.Lock(); defer mu.Unlock(); return cur }
}

func dupDict(d wamp.Dict) wamp.Dict {
	o := wamp.Dict{}
	for k, v := range d {
		o[k] = v
	}
	return o
}

// containsPlain reports whether the arguments of msg carry needle as a
// plaintext string or byte string.
func containsPlain(args wamp.List, needle []byte) bool {
	for _, a := range args {
		switch v := a.(type) {
		case string:
			if bytes.Contains([]byte(v), needle) {
				return true
			}
		case []byte:
			if bytes.Contains(v, needle) {
				return true
			}
		}
	}
	return false
}

// TestSecurityDuplicateInvocationNoPlaintextYield: while the handler of an
// encrypted INVOCATION runs, the router sends a second INVOCATION with the
// same request id that fails to open. The callee must drop it without
// forgetting the first one, and the first one's result must leave sealed.
func TestSecurityDuplicateInvocationNoPlaintextYield(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK

	var cur func() *mitmPeer
	var opt nodeOpt
	var reqMu sync.Mutex
	encReqs := map[wamp.ID]bool{}
	opt, cur = withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if inv, ok := m.(*wamp.Invocation); ok && envelope.IsPPT(inv.Details) {
			reqMu.Lock()
			encReqs[inv.Request] = true
			reqMu.Unlock()
			dup := &wamp.Invocation{Request: inv.Request, Registration: inv.Registration,
				Details: dupDict(inv.Details), Arguments: wamp.List{}}
			mp := cur()
			go func() { time.Sleep(50 * time.Millisecond); mp.inject(dup) }()
		}
		return m
	})
	c := newSession(t, tr, p, ser, nil, opt)
	require.NoError(t, c.Register("com.sec.secret", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		time.Sleep(200 * time.Millisecond)
		return client.InvokeResult{Args: wamp.List{string(marker)}}
	}, nil))

	a := newSession(t, tr, p, ser, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := a.Call(ctx, "com.sec.secret", nil, wamp.List{"x"}, nil, nil)
	require.NoError(t, err)
	require.Equal(t, string(marker), res.Arguments[0])

	for _, m := range cur().sentMessages() {
		switch y := m.(type) {
		case *wamp.Yield:
			require.False(t, containsPlain(y.Arguments, marker), "callee sent the encrypted call's result in plaintext")
			reqMu.Lock()
			enc := encReqs[y.Request]
			reqMu.Unlock()
			require.True(t, !enc || envelope.IsPPT(y.Options), "YIELD of an encrypted invocation sent unsealed")
		case *wamp.Error:
			require.False(t, containsPlain(y.Arguments, marker))
		}
	}
	n, _ := tr.tap.leaks(marker)
	require.Zero(t, n, "the result crossed the router in plaintext")
	require.EqualValues(t, 1, c.Stats().Rejected[session.ReasonDuplicateRequest])
}
