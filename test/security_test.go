package test

import (
	"bytes"
	"context"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
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
	// fwd ends when the forwarding goroutine has stopped sending on the
	// inner peer, which Close closes only then.
	fwd sync.WaitGroup
}

func newMitmPeer(inner wamp.Peer, in func(wamp.Message) wamp.Message) *mitmPeer {
	m := &mitmPeer{Peer: inner, rd: make(chan wamp.Message, 64), out: make(chan wamp.Message, 64),
		inj: make(chan wamp.Message, 16), stop: make(chan struct{})}
	m.fwd.Go(func() {
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
	})
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
func (m *mitmPeer) Close() {
	m.once.Do(func() {
		close(m.stop)
		m.fwd.Wait() // no send on the inner peer once it is closed
		m.Peer.Close()
	})
}
func (m *mitmPeer) inject(msg wamp.Message) { m.inj <- msg }
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
	maps.Copy(o, d)
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
	// The duplicate is injected once the handler runs, and the handler
	// returns once the callee has rejected the duplicate.
	started := make(chan struct{})
	var startOnce sync.Once
	opt, cur = withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if inv, ok := m.(*wamp.Invocation); ok && envelope.IsPPT(inv.Details) {
			reqMu.Lock()
			encReqs[inv.Request] = true
			reqMu.Unlock()
			dup := &wamp.Invocation{Request: inv.Request, Registration: inv.Registration,
				Details: dupDict(inv.Details), Arguments: wamp.List{}}
			mp := cur()
			go func() { <-started; mp.inject(dup) }()
		}
		return m
	})
	c := newSession(t, tr, p, ser, nil, opt)
	rejected := func() (n uint64) {
		for _, v := range c.Stats().Rejected {
			n += v
		}
		return n
	}
	rejectedBefore := rejected()
	require.NoError(t, c.Register("com.sec.secret", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		startOnce.Do(func() { close(started) })
		assert.Eventually(t, func() bool { return rejected() != rejectedBefore }, 5*time.Second, time.Millisecond,
			"the duplicate INVOCATION is rejected while the handler runs")
		return client.InvokeResult{Args: wamp.List{string(marker)}}
	}, nil))

	a := newSession(t, tr, p, ser, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := a.Call(ctx, "com.sec.secret", nil, wamp.List{"x"}, nil, nil)
	require.NoError(t, err)
	require.Equal(t, string(marker), res.Arguments[0])
	require.Greater(t, rejected(), rejectedBefore, "the duplicate INVOCATION was not rejected while the handler ran")

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

// keyThief is an authorized delegate that calls key RPCs directly, claiming
// whatever role it likes.
type keyThief struct {
	rq *keydist.Requester
	s  *session.Session
}

func newKeyThief(t *testing.T, tr *testRouter, p *pki, ser serialize.Serialization) *keyThief {
	pol := p.policy()
	pol.Trust = allowAll{}
	rq, err := keydist.NewRequester(keydist.RequesterConfig{Policy: pol, Identity: p.identity(t)})
	require.NoError(t, err)
	return &keyThief{rq: rq, s: newSession(t, tr, p, ser, nil)}
}

// steal requests keyID for uri in role and returns the key or the error.
func (k *keyThief) steal(t *testing.T, keyID, uri string, role e2ee.Role) ([keydist.KeySize]byte, error) {
	t.Helper()
	pend, err := k.rq.NewRequest(keyID, uri, role)
	require.NoError(t, err)
	kw, err := keydist.EncodeRequest(pend.Request)
	require.NoError(t, err)
	kid, err := envelope.ParseKeyID(keyID)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := k.s.Call(ctx, kid.KeyRPCURI(session.DefaultKeyRPCPrefix), nil, nil, kw, nil)
	if err != nil {
		return [keydist.KeySize]byte{}, err
	}
	resp, err := keydist.DecodeResponse(res.ArgumentsKw)
	require.NoError(t, err)
	return k.rq.Open(ctx, pend, resp)
}

func requireDenied(t *testing.T, err error, uri string) {
	t.Helper()
	require.Error(t, err)
	var rpc client.RPCError
	require.ErrorAs(t, err, &rpc)
	require.Equal(t, wamp.URI(uri), rpc.Err.Error)
}

// TestSecurityKeyRoleBinding: the key RPC serves a key only to the reader
// role of the kind it seals (publish → subscriber, call → callee, result →
// caller), and a result key only to the caller it was sealed for.
func TestSecurityKeyRoleBinding(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK

	// The callee records the key ids of the INVOCATIONs it receives, the
	// caller those of its RESULTs.
	var mu sync.Mutex
	var callKey, resultKey string
	cOpt, _ := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if inv, ok := m.(*wamp.Invocation); ok && envelope.IsPPT(inv.Details) {
			mu.Lock()
			callKey, _ = inv.Details[envelope.OptKeyID].(string)
			mu.Unlock()
		}
		return m
	})
	aOpt, _ := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if r, ok := m.(*wamp.Result); ok && envelope.IsPPT(r.Details) {
			mu.Lock()
			resultKey, _ = r.Details[envelope.OptKeyID].(string)
			mu.Unlock()
		}
		return m
	})
	c := newSession(t, tr, p, ser, nil, cOpt)
	require.NoError(t, c.Register("com.sec.balance", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: wamp.List{"balance"}}
	}, nil))
	a := newSession(t, tr, p, ser, nil, aOpt)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := a.Call(ctx, "com.sec.balance", nil, wamp.List{"alice"}, nil, nil)
	require.NoError(t, err)

	// A publish key: refused to callers and callees, served to subscribers.
	pub := newSession(t, tr, p, ser, nil)
	spy := dialRaw(t, tr, ser)
	spy.subscribe(t, "com.sec.chat")
	require.NoError(t, pub.Publish("com.sec.chat", nil, wamp.List{"hi"}, nil))
	ev := expect[*wamp.Event](t, spy)
	pubKey := ev.Details[envelope.OptKeyID].(string)

	thief := newKeyThief(t, tr, p, ser)
	_, err = thief.steal(t, pubKey, "com.sec.chat", e2ee.RoleCaller)
	requireDenied(t, err, keydist.ErrorURIRole)
	_, err = thief.steal(t, pubKey, "com.sec.chat", e2ee.RoleCallee)
	requireDenied(t, err, keydist.ErrorURIRole)
	_, err = thief.steal(t, pubKey, "com.sec.chat", e2ee.RoleSubscriber)
	require.NoError(t, err)

	mu.Lock()
	ck, rk := callKey, resultKey
	mu.Unlock()
	require.NotEmpty(t, ck)
	require.NotEmpty(t, rk)
	// A's CALL key: only callees may read call arguments.
	_, err = thief.steal(t, ck, "com.sec.balance", e2ee.RoleCaller)
	requireDenied(t, err, keydist.ErrorURIRole)
	// C's result key for A's call: another (authorized) caller is refused.
	_, err = thief.steal(t, rk, "com.sec.balance", e2ee.RoleCaller)
	requireDenied(t, err, keydist.ErrorURIRole)
	_, err = thief.steal(t, rk, "com.sec.balance", e2ee.RoleSubscriber)
	requireDenied(t, err, keydist.ErrorURIRole)
}

// TestSecurityKeyScopeOnReceive: a holder of one topic's key cannot write on
// another topic to a receiver that holds that key too.
func TestSecurityKeyScopeOnReceive(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	o := newSession(t, tr, p, ser, nil)

	b := newSession(t, tr, p, ser, nil)
	chat, pay := newEvents(), newEvents()
	require.NoError(t, b.Subscribe("com.sec.chat", chat.handler, nil))
	require.NoError(t, b.Subscribe("com.sec.pay", pay.handler, nil))
	spy := dialRaw(t, tr, ser)
	spy.subscribe(t, "com.sec.chat")
	require.NoError(t, o.Publish("com.sec.chat", nil, wamp.List{"hello"}, nil))
	chat.next(t, 5*time.Second) // b caches the chat key
	keyID := expect[*wamp.Event](t, spy).Details[envelope.OptKeyID].(string)

	// M is a legitimate subscriber of chat: it gets the key.
	thief := newKeyThief(t, tr, p, ser)
	key, err := thief.steal(t, keyID, "com.sec.chat", e2ee.RoleSubscriber)
	require.NoError(t, err)

	// M forges an event on com.sec.pay under the chat key.
	s, err := envelope.NewSealer(envelope.SealOptions{})
	require.NoError(t, err)
	for i, kind := range []e2ee.MessageKind{e2ee.KindPublish} {
		sk := envelope.SealKey{ID: keyID, Key: key, Seq: 1<<20 + uint64(i)}
		payload, err := s.Seal(nil, &sk, &envelope.Message{URI: "com.sec.pay", Kind: kind, Args: []any{"PAY 1000 to mallory"}})
		require.NoError(t, err)
		spy.send(&wamp.Publish{Request: spy.id(), Options: envelope.PutOptions(map[string]any{}, keyID, ""), Topic: "com.sec.pay", Arguments: wamp.List{payload}})
	}
	eventually(t, func() bool { return b.Stats().Rejected[envelope.ErrorURIKeyScope] == 1 }, "cross-URI key use counted")
	pay.none(t, 50*time.Millisecond)
}

// TestSecurityAnswerBoundToCall: an encrypted RESULT or ERROR answers only
// the CALL it was sealed for (call id "cid", procedure "proc"); the router
// cannot replay it into another call of the same or another caller.
func TestSecurityAnswerBoundToCall(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	c := newSession(t, tr, p, ser, nil)
	require.NoError(t, c.Register("com.sec.balance", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: wamp.List{"balance-of-" + inv.Arguments[0].(string)}}
	}, nil))
	require.NoError(t, c.Register("com.sec.deny", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		if inv.Arguments[0] == "first" {
			return client.InvokeResult{Err: "com.sec.error.denied", Args: wamp.List{"first says no"}}
		}
		return client.InvokeResult{Args: wamp.List{"ok"}}
	}, nil))

	// The router withholds the sealed answer of one call (stage 1: capture
	// and drop) and delivers it as the answer of the next (stage 2).
	var mu sync.Mutex
	var captured wamp.Message
	stage := 0
	hook := func(m wamp.Message) wamp.Message {
		mu.Lock()
		defer mu.Unlock()
		switch x := m.(type) {
		case *wamp.Result:
			if !envelope.IsPPT(x.Details) {
				return m
			}
			switch stage {
			case 1:
				captured = &wamp.Result{Details: dupDict(x.Details), Arguments: append(wamp.List{}, x.Arguments...)}
				stage = 2
				return nil
			case 2:
				stage = 0
				switch c := captured.(type) {
				case *wamp.Result:
					return &wamp.Result{Request: x.Request, Details: dupDict(c.Details), Arguments: c.Arguments}
				case *wamp.Error:
					return &wamp.Error{Type: wamp.CALL, Request: x.Request, Details: dupDict(c.Details), Error: c.Error, Arguments: c.Arguments}
				}
			}
			captured = &wamp.Result{Details: dupDict(x.Details), Arguments: append(wamp.List{}, x.Arguments...)}
		case *wamp.Error:
			if envelope.IsPPT(x.Details) && stage == 1 {
				captured = &wamp.Error{Details: dupDict(x.Details), Error: x.Error, Arguments: append(wamp.List{}, x.Arguments...)}
				stage = 2
				return nil
			}
		}
		return m
	}
	setStage := func(n int) { mu.Lock(); stage = n; mu.Unlock() }
	aOpt, _ := withMitm(tr, ser, hook)
	a := newSession(t, tr, p, ser, nil, aOpt, func(cfg *session.Config) { cfg.ResponseTimeout = time.Second })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	withheld := func(proc, arg string) {
		t.Helper()
		setStage(1)
		c1, cancel1 := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel1()
		_, err := a.Call(c1, proc, nil, wamp.List{arg}, nil, nil)
		require.Error(t, err, "the answer was withheld")
	}

	t.Run("result into another call of the same caller", func(t *testing.T) {
		// Warm up: a holds c's result key.
		_, err := a.Call(ctx, "com.sec.balance", nil, wamp.List{"warm"}, nil, nil)
		require.NoError(t, err)
		withheld("com.sec.balance", "alice")
		before := a.Stats().Rejected[envelope.ErrorURIWrongCall]
		res, err := a.Call(ctx, "com.sec.balance", nil, wamp.List{"bob"}, nil, nil)
		require.Error(t, err, "a accepted the answer of another call: %v", res)
		requireDenied(t, err, envelope.ErrorURIWrongCall)
		require.Equal(t, before+1, a.Stats().Rejected[envelope.ErrorURIWrongCall])
	})

	t.Run("error into another call of the same procedure", func(t *testing.T) {
		withheld("com.sec.deny", "first")
		res, err := a.Call(ctx, "com.sec.deny", nil, wamp.List{"second"}, nil, nil)
		require.Error(t, err, "a accepted the answer of another call: %v", res)
		requireDenied(t, err, envelope.ErrorURIWrongCall)
	})

	t.Run("result into another caller's call", func(t *testing.T) {
		_, err := a.Call(ctx, "com.sec.balance", nil, wamp.List{"alice"}, nil, nil)
		require.NoError(t, err)
		mu.Lock()
		stolen := captured.(*wamp.Result)
		mu.Unlock()
		bOpt, _ := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
			if r, ok := m.(*wamp.Result); ok && envelope.IsPPT(r.Details) {
				return &wamp.Result{Request: r.Request, Details: dupDict(stolen.Details), Arguments: stolen.Arguments}
			}
			return m
		})
		b := newSession(t, tr, p, ser, nil, bOpt)
		res, err := b.Call(ctx, "com.sec.balance", nil, wamp.List{"bob"}, nil, nil)
		require.Error(t, err, "b accepted a's result: %v", res)
	})
}

// TestSecurityPlaintextErrorOnEncryptedCall: the router answers an encrypted
// call with a forged plaintext ERROR: an application error URI is refused,
// and a wamp.* error reaches the application without its arguments.
func TestSecurityPlaintextErrorOnEncryptedCall(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	c := newSession(t, tr, p, ser, nil)
	require.NoError(t, c.Register("com.sec.pay", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: wamp.List{"ok"}}
	}, nil))
	var mu sync.Mutex
	forged := wamp.URI("com.sec.error.declined")
	bOpt, _ := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if r, ok := m.(*wamp.Result); ok {
			mu.Lock()
			defer mu.Unlock()
			return &wamp.Error{Type: wamp.CALL, Request: r.Request, Details: wamp.Dict{"x": "y"}, Error: forged,
				Arguments: wamp.List{"card blocked, call +1-555-ATTACKER"}, ArgumentsKw: wamp.Dict{"k": "v"}}
		}
		return m
	})
	b := newSession(t, tr, p, ser, nil, bOpt)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	_, err := b.Call(ctx, "com.sec.pay", nil, wamp.List{"x"}, nil, nil)
	requireDenied(t, err, session.ReasonPlaintext)
	require.EqualValues(t, 1, b.Stats().Rejected[session.ReasonPlaintext])

	mu.Lock()
	forged = "wamp.error.canceled"
	mu.Unlock()
	_, err = b.Call(ctx, "com.sec.pay", nil, wamp.List{"x"}, nil, nil)
	var rpc client.RPCError
	require.ErrorAs(t, err, &rpc)
	require.Equal(t, wamp.URI("wamp.error.canceled"), rpc.Err.Error)
	require.Empty(t, rpc.Err.Arguments)
	require.Empty(t, rpc.Err.ArgumentsKw)
	require.EqualValues(t, 1, b.Stats().Rejected[session.ReasonPlaintextArgs])
}
