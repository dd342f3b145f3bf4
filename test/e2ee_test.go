package test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

func payload(i int) (wamp.List, wamp.Dict) {
	return wamp.List{string(marker), i, []byte(marker)}, wamp.Dict{"m": string(marker), "i": i}
}

func checkPayload(t *testing.T, args wamp.List, kwargs wamp.Dict, i int) {
	t.Helper()
	require.Len(t, args, 3)
	assert.Equal(t, string(marker), args[0])
	n, ok := wamp.AsInt64(args[1])
	assert.True(t, ok)
	assert.EqualValues(t, i, n)
	b, ok := args[2].([]byte)
	require.True(t, ok, "bytes arg %T", args[2])
	assert.Equal(t, marker, b)
	assert.Equal(t, string(marker), kwargs["m"])
}

// TestMatrix: three nodes per serializer; pub/sub (exact and pattern),
// RPC (exact and pattern, results, errors, progressive results), with the
// router tap proving no plaintext marker crosses the router.
// The websocket matrix runs every serializer; rawsocket (tcp://) runs
// msgpack.
func TestMatrix(t *testing.T) {
	type variant struct {
		name, network string
		ser           serialize.Serialization
	}
	var vs []variant
	for _, sc := range serializers {
		vs = append(vs, variant{"ws-" + sc.name, "ws", sc.ser})
	}
	vs = append(vs, variant{"rawsocket-msgpack", "tcp", serialize.MSGPACK})
	for _, sc := range vs {
		t.Run(sc.name, func(t *testing.T) {
			p := newPKI(t)
			tr := startRouterWith(t, routerOpts{network: sc.network})
			defer tr.stop()
			a := newSession(t, tr, p, sc.ser, nil)
			b := newSession(t, tr, p, sc.ser, nil)
			c := newSession(t, tr, p, sc.ser, nil)

			eb, ec := newEvents(), newEvents()
			require.NoError(t, b.Subscribe("com.m.topic", eb.handler, nil))
			require.NoError(t, c.Subscribe("com.m", ec.handler, wamp.Dict{wamp.OptMatch: wamp.MatchPrefix}))
			for i := range 5 {
				args, kw := payload(i)
				require.NoError(t, a.Publish("com.m.topic", nil, args, kw))
			}
			for i := range 5 {
				ev := eb.next(t, 5*time.Second)
				checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
				assert.NotContains(t, ev.Details, "ppt_scheme")
				ev = ec.next(t, 5*time.Second)
				checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
			}

			// RPC: b is callee of an exact and a wildcard procedure.
			require.NoError(t, b.Register("com.m.echo", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
				return client.InvokeResult{Args: inv.Arguments, Kwargs: inv.ArgumentsKw}
			}, nil))
			require.NoError(t, b.Register("com.m..fail", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
				return client.InvokeResult{Err: "com.m.error.failed", Args: wamp.List{string(marker)}}
			}, wamp.Dict{wamp.OptMatch: wamp.MatchWildcard}))
			require.NoError(t, c.Register("com.m.progress", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
				for i := range 3 {
					args, kw := payload(i)
					if err := c.Client().SendProgress(ctx, args, kw); err != nil {
						return client.InvokeResult{Err: "com.m.error.progress"}
					}
				}
				args, kw := payload(3)
				return client.InvokeResult{Args: args, Kwargs: kw}
			}, nil))

			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			args, kw := payload(7)
			res, err := a.Call(ctx, "com.m.echo", nil, args, kw, nil)
			require.NoError(t, err)
			checkPayload(t, res.Arguments, res.ArgumentsKw, 7)
			assert.NotContains(t, res.Details, "ppt_keyid")

			_, err = a.Call(ctx, "com.m.x.fail", nil, args, kw, nil)
			var rpcErr client.RPCError
			require.True(t, errors.As(err, &rpcErr), "%v", err)
			assert.Equal(t, wamp.URI("com.m.error.failed"), rpcErr.Err.Error)
			assert.Equal(t, wamp.List{string(marker)}, rpcErr.Err.Arguments)

			var prog []int
			res, err = a.Call(ctx, "com.m.progress", nil, nil, nil, func(r *wamp.Result) {
				n, _ := wamp.AsInt64(r.Arguments[1])
				prog = append(prog, int(n))
			})
			require.NoError(t, err)
			checkPayload(t, res.Arguments, res.ArgumentsKw, 3)
			assert.Equal(t, []int{0, 1, 2}, prog)

			for name, s := range map[string]*session.Session{"a": a, "b": b, "c": c} {
				st := s.Stats()
				assert.Zero(t, st.TotalRejected(), "%s rejected %v", name, st.Rejected)
				assert.Zero(t, st.Plain, "%s counted its key-RPC traffic as plaintext messages", name)
			}
			assert.NotZero(t, a.Stats().Encrypted)
			assert.NotZero(t, b.Stats().Decrypted)
			assert.NotZero(t, a.Stats().KeyRequestsServed)
			leaks, total := tr.tap.leaks(marker)
			assert.Zero(t, leaks, "plaintext marker crossed the router")
			assert.NotZero(t, total)
			assert.NotZero(t, tr.guarded.Stats().PPT, "the guard forwarded PPT messages")
			assert.Zero(t, tr.guarded.Stats().TotalRejected(), "the guard rejected honest traffic")
		})
	}
}

// TestTapDetectsPlaintext proves the tap would see the marker: a plaintext
// rule sends it in the clear.
func TestTapDetectsPlaintext(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	plain := []session.Rule{{Pattern: "com.plain", Match: e2ee.MatchPrefix}}
	a := newSession(t, tr, p, serializers[0].ser, plain)
	b := newSession(t, tr, p, serializers[0].ser, plain)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.plain.t", eb.handler, nil))
	args, kw := payload(1)
	require.NoError(t, a.Publish("com.plain.t", nil, args, kw))
	checkPayload(t, eb.next(t, 5*time.Second).Arguments, kw, 1)
	leaks, _ := tr.tap.leaks(marker)
	assert.NotZero(t, leaks)
}

// TestLateJoiner: a subscriber joining after keys were issued fetches the
// current key on its first event.
func TestLateJoiner(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	a := newSession(t, tr, p, serializers[1].ser, nil)
	b := newSession(t, tr, p, serializers[1].ser, nil)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.late", eb.handler, nil))
	for i := range 3 {
		args, kw := payload(i)
		require.NoError(t, a.Publish("com.late", nil, args, kw))
		eb.next(t, 5*time.Second)
	}
	late := newSession(t, tr, p, serializers[1].ser, nil)
	el := newEvents()
	require.NoError(t, late.Subscribe("com.late", el.handler, nil))
	args, kw := payload(9)
	require.NoError(t, a.Publish("com.late", nil, args, kw))
	ev := el.next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 9)
	assert.EqualValues(t, 1, late.Stats().KeyFetches)
	assert.EqualValues(t, 1, b.Stats().KeyFetches, "the first subscriber fetched once")
}

// TestResumedKeyFetch: the first key fetch from an originator is signed,
// the next ones are resumed (MACed). A resumed request the router tampered
// with is refused (bad_mac) and counted, and the next fetch works again. An
// originator that cannot check a resumed request (here: the router altered
// the responder key it names) answers unknown_peer, which is not charged to
// the requester's denial budget, and the fetch is sent again signed; after
// keydist.MaxResumeFallbacks of them the requester keeps signing. A node
// with SignedKeyExchanges never resumes.
func TestResumedKeyFetch(t *testing.T) {
	p := newPKI(t)
	tr := startNexusRouter(t, nil) // the router is the adversary
	defer tr.stop()
	// a tolerates only two denials per requester (refilled slowly).
	// a pushes no keys: every rotated key is fetched, resumed.
	a := newSession(t, tr, p, serializers[0].ser, nil, func(c *session.Config) { c.DenyBurst, c.DenyRate = 2, 0.01; noPush(c) })
	b := newSession(t, tr, p, serializers[0].ser, nil)
	c := newSession(t, tr, p, serializers[0].ser, nil, func(c *session.Config) { c.SignedKeyExchanges = true })
	eb, ec := newEvents(), newEvents()
	require.NoError(t, b.Subscribe("com.resume", eb.handler, nil))
	require.NoError(t, c.Subscribe("com.resume", ec.handler, nil))
	publish := func(i int) {
		t.Helper()
		a.RotateAll()
		args, kw := payload(i)
		require.NoError(t, a.Publish("com.resume", nil, args, kw))
	}
	receive := func(i int) {
		t.Helper()
		for _, e := range []*events{eb, ec} {
			ev := e.next(t, 5*time.Second)
			checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
		}
	}
	publish(0)
	receive(0)
	assert.EqualValues(t, 0, b.Stats().ResumedKeyFetches, "first fetch signed")
	publish(1)
	receive(1)
	assert.EqualValues(t, 2, b.Stats().KeyFetches)
	assert.EqualValues(t, 1, b.Stats().ResumedKeyFetches)
	assert.EqualValues(t, 1, a.Stats().ResumedKeyRequestsServed)

	// The router tampers with one field of b's next resumed request, once.
	var tampered, altered atomic.Bool
	mutate := func(field string, flag *atomic.Bool, once bool) func(*wamp.Session, wamp.Message) bool {
		return func(_ *wamp.Session, m wamp.Message) bool {
			if c, ok := m.(*wamp.Call); ok {
				if v, ok := c.ArgumentsKw[field].([]byte); ok && !(once && flag.Load()) {
					flag.Store(true)
					v = append([]byte(nil), v...)
					v[0] ^= 1
					c.ArgumentsKw[field] = v
				}
			}
			return true
		}
	}
	tr.tap.setMutate(mutate("mac", &tampered, true))
	publish(2)
	ec.next(t, 5*time.Second)
	eventually(t, func() bool { return a.Stats().KeyDenials[keydist.ErrorURIBadMAC] == 1 }, "bad mac denied")
	eventually(t, func() bool { return b.Stats().Rejected[session.ReasonKeyFetch] == 1 }, "event dropped, counted")
	tr.tap.setMutate(nil)
	publish(3)
	receive(3)
	assert.EqualValues(t, 3, b.Stats().ResumedKeyFetches, "fetches 1, 2 (tampered) and 3 resumed")

	// The router alters the responder key every resumed request names: the
	// first unknown_peer falls back to a signed request, and so does the
	// second; from then on b signs. Two unknown_peer and one bad_mac would
	// exceed a's denial budget of two if unknown_peer were charged.
	tr.tap.setMutate(mutate("responder_pubkey", &altered, false))
	for i := 4; i < 8; i++ {
		publish(i)
		receive(i)
	}
	assert.True(t, altered.Load())
	assert.EqualValues(t, keydist.MaxResumeFallbacks, b.Stats().ResumeFallbacks)
	assert.EqualValues(t, keydist.MaxResumeFallbacks, a.Stats().KeyDenials[keydist.ErrorURIUnknownPeer])
	assert.Zero(t, a.Stats().KeyDenials[keydist.ErrorURIOverload])
	assert.EqualValues(t, 3+keydist.MaxResumeFallbacks, b.Stats().ResumedKeyFetches, "4 and 5 resumed first, 6 and 7 signed")
	tr.tap.setMutate(nil)

	assert.EqualValues(t, 0, c.Stats().ResumedKeyFetches, "c signs every request")
	assert.EqualValues(t, 8, c.Stats().KeyFetches)
	leaks, _ := tr.tap.leaks(marker)
	assert.Zero(t, leaks)
}

// TestSignedOnlyOriginator: an originator with SignedKeyExchanges answers
// resumed requests unknown_peer and remembers no requester. An ordinary
// subscriber falls back to a signed request each time, receives every
// event, and after keydist.MaxResumeFallbacks refusals keeps signing to that
// originator — while still resuming with an ordinary one.
func TestSignedOnlyOriginator(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	strict := newSession(t, tr, p, serializers[0].ser, nil, func(c *session.Config) { c.SignedKeyExchanges = true })
	ordinary := newSession(t, tr, p, serializers[0].ser, nil, noPush) // its new keys are fetched, resumed
	b := newSession(t, tr, p, serializers[0].ser, nil)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.strict", eb.handler, nil))
	require.NoError(t, b.Subscribe("com.ordinary", eb.handler, nil))
	const n = keydist.MaxResumeFallbacks + 3
	for i := range n {
		for _, o := range []*session.Session{strict, ordinary} {
			o.RotateAll()
			args, kw := payload(i)
			topic := "com.strict"
			if o == ordinary {
				topic = "com.ordinary"
			}
			require.NoError(t, o.Publish(topic, nil, args, kw))
			ev := eb.next(t, 5*time.Second)
			checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
		}
	}
	assert.EqualValues(t, 2*n, b.Stats().KeyFetches, "every event's key fetched")
	assert.Zero(t, b.Stats().Rejected[session.ReasonKeyFetch])
	assert.EqualValues(t, keydist.MaxResumeFallbacks, b.Stats().ResumeFallbacks)
	assert.EqualValues(t, keydist.MaxResumeFallbacks, strict.Stats().KeyDenials[keydist.ErrorURIUnknownPeer])
	assert.Zero(t, strict.Stats().ResumedKeyRequestsServed)
	assert.EqualValues(t, n-1, ordinary.Stats().ResumedKeyRequestsServed, "all but the first resumed")
	assert.EqualValues(t, keydist.MaxResumeFallbacks+n-1, b.Stats().ResumedKeyFetches,
		"resumed: the refused attempts to strict, and all but the first to ordinary")
}

// TestRotationPolicies: per message, per topic, every N, every T.
func TestRotationPolicies(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	rules := rotationRules()
	a := newSession(t, tr, p, serializers[0].ser, rules)
	b := newSession(t, tr, p, serializers[0].ser, rules)
	const n = 9
	// Keys reach b fetched or, once it fetched one of a topic, pushed.
	keys := func() uint64 { st := b.Stats(); return st.KeyFetches + st.KeyPushesAccepted }
	want := map[string][2]uint64{ // min, max keys received for n messages
		"com.rot.msg": {n, n}, "com.rot.topic": {1, 1}, "com.rot.n3": {3, 3}, "com.rot.t": {2, n},
	}
	for topic, bounds := range want {
		eb := newEvents()
		require.NoError(t, b.Subscribe(topic, eb.handler, nil))
		before := keys()
		for i := range n {
			args, kw := payload(i)
			require.NoError(t, a.Publish(topic, nil, args, kw))
			if topic == "com.rot.t" {
				time.Sleep(15 * time.Millisecond)
			}
		}
		for i := range n {
			ev := eb.next(t, 5*time.Second)
			checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
		}
		got := keys() - before
		assert.GreaterOrEqual(t, got, bounds[0], topic)
		assert.LessOrEqual(t, got, bounds[1], topic)
	}
	assert.Zero(t, b.Stats().TotalRejected(), "%v", b.Stats().Rejected)
	leaks, _ := tr.tap.leaks(marker)
	assert.Zero(t, leaks)
}

// TestRouterRestart: the router goes away and comes back on the same
// address; sessions reconnect, re-register key RPCs and subscriptions.
func TestRouterRestart(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	addr := tr.addr
	recon := func(c *session.Config) { c.Reconnect = true; c.ReconnectDelay = 50 * time.Millisecond }
	a := newSession(t, tr, p, serializers[1].ser, nil, recon, noPush) // b fetches a's new keys
	b := newSession(t, tr, p, serializers[1].ser, nil, recon)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.restart", eb.handler, nil))
	require.NoError(t, b.Register("com.restart.echo", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: inv.Arguments}
	}, nil))
	args, kw := payload(1)
	require.NoError(t, a.Publish("com.restart", nil, args, kw))
	eb.next(t, 5*time.Second)

	tr.stop()
	tr2 := startRouter(t, addr, nil)
	defer tr2.stop()
	eventually(t, func() bool { return a.Stats().Reconnects >= 1 && b.Stats().Reconnects >= 1 }, "reconnect")
	a.RotateAll() // new keys: b must fetch them through the re-registered key RPC
	b.RotateAll()
	fetches := b.Stats().KeyFetches
	eventually(t, func() bool {
		_ = a.Publish("com.restart", nil, args, kw)
		select {
		case ev := <-eb.ch:
			checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)
			return true
		case <-time.After(50 * time.Millisecond):
			return false
		}
	}, "event after restart")
	assert.Greater(t, b.Stats().KeyFetches, fetches)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := a.Call(ctx, "com.restart.echo", nil, args, nil, nil)
	require.NoError(t, err)
	checkPayload(t, res.Arguments, kw, 1)
	leaks, _ := tr2.tap.leaks(marker)
	assert.Zero(t, leaks)
}

// TestRevocation: after the revocation hook, the revoked delegate gets no new
// key; the others keep receiving.
func TestRevocation(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	ser := serializers[0].ser
	a := newSession(t, tr, p, ser, nil)
	idC := p.identity(t)
	b := newSession(t, tr, p, ser, nil)
	c := newSession(t, tr, p, ser, nil, func(cfg *session.Config) { cfg.Identity = idC })
	eb, ec := newEvents(), newEvents()
	require.NoError(t, b.Subscribe("com.rev", eb.handler, nil))
	require.NoError(t, c.Subscribe("com.rev", ec.handler, nil))
	args, kw := payload(1)
	require.NoError(t, a.Publish("com.rev", nil, args, kw))
	eb.next(t, 5*time.Second)
	ec.next(t, 5*time.Second)

	a.Revoke(idC.Delegate.Address())
	for range 3 {
		require.NoError(t, a.Publish("com.rev", nil, args, kw))
		ev := eb.next(t, 5*time.Second)
		checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)
	}
	ec.none(t, 300*time.Millisecond)
	st := a.Stats()
	assert.NotZero(t, st.KeyDenials["wamp.e2ee.error.key_request.untrusted"], "%v", st.KeyDenials)
	eventually(t, func() bool { return c.Stats().Dropped >= 1 }, "revoked node dropped the event")
	fmt.Println("revoked node rejections:", c.Stats().Rejected)
}

// decisionLog is a TrustDecider and TrustPrefetcher that records, per
// delegate, the decisions and prefetches it is asked for before asking inner.
type decisionLog struct {
	inner e2ee.TrustDecider
	mu    sync.Mutex
	asked map[common.Address][]string // "decide" / "prefetch"
}

func (d *decisionLog) record(req e2ee.TrustRequest, what string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.asked == nil {
		d.asked = map[common.Address][]string{}
	}
	a := req.Chain.DelegateAddress()
	d.asked[a] = append(d.asked[a], what+" "+string(req.Role))
}

func (d *decisionLog) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	d.record(req, "decide")
	return d.inner.Decide(ctx, req)
}

func (d *decisionLog) Prefetch(_ context.Context, req e2ee.TrustRequest) { d.record(req, "prefetch") }

func (d *decisionLog) about(delegate common.Address) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.asked[delegate]...)
}

// TestEarlyChainOverlapsDecisions: on first contact the originator sends
// its chain ahead of its decision (docs/protocol.md §3.9), and the
// subscriber starts deciding about the originator while the originator
// decides about it. The originator's decider here does not answer until the
// subscriber's prefetch has started: without the early chain the fetch
// would wait for it in vain and fail.
func TestEarlyChainOverlapsDecisions(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	pubID, subID := p.identity(t), p.identity(t)
	subLog := &decisionLog{inner: p.trust}
	originator := pubID.Delegate.Address()
	prefetched := func() bool { return slices.Contains(subLog.about(originator), "prefetch publisher") }
	waiting := &gatedDecider{inner: p.trust, gate: func(req e2ee.TrustRequest) bool {
		return req.Chain.DelegateAddress() != subID.Delegate.Address() || prefetched()
	}}
	pub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) {
		c.Identity = pubID
		c.KeyPolicy.Trust = waiting
		noPush(c) // the rotated key is fetched
	})
	sub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) { c.Identity = subID; c.KeyPolicy.Trust = subLog })
	ev := newEvents()
	require.NoError(t, sub.Subscribe("com.early", ev.handler, nil))
	require.NoError(t, pub.Publish("com.early", nil, wamp.List{1}, nil))
	e := ev.next(t, 5*time.Second)
	require.Len(t, e.Arguments, 1)
	assert.Equal(t, []string{"prefetch publisher", "decide publisher"}, subLog.about(originator))
	assert.EqualValues(t, 1, pub.Stats().EarlyChainsSent)
	assert.EqualValues(t, 1, sub.Stats().EarlyChainsUsed)
	assert.Zero(t, sub.Stats().EarlyChainsRejected)

	// Known now: the next fetch resumes and asks for no early chain.
	pub.RotateAll()
	require.NoError(t, pub.Publish("com.early", nil, wamp.List{2}, nil))
	ev.next(t, 5*time.Second)
	assert.EqualValues(t, 1, sub.Stats().ResumedKeyFetches)
	assert.EqualValues(t, 1, pub.Stats().EarlyChainsSent)
}

// TestEarlyChainForged: the router alters the early chain (another key id,
// a chain that does not parse): the subscriber ignores it and counts it,
// prefetches nothing, and the key response decides as always.
func TestEarlyChainForged(t *testing.T) {
	p := newPKI(t)
	tr := startNexusRouter(t, nil) // the router is the adversary
	defer tr.stop()
	cases := []struct {
		name  string
		forge func(kw wamp.Dict)
	}{
		{"another key id", func(kw wamp.Dict) { kw["keyid"] = "0123456789abcdef.ffeeddccbbaa99887766554433221100" }},
		{"garbage chain", func(kw wamp.Dict) { kw["certificates"] = []byte{0x81, 0x01} }},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var forged atomic.Int32
			tr.tap.setMutate(func(_ *wamp.Session, m wamp.Message) bool {
				if y, ok := m.(*wamp.Yield); ok {
					if prog, _ := y.Options[wamp.OptProgress].(bool); prog && y.ArgumentsKw != nil {
						c.forge(y.ArgumentsKw)
						forged.Add(1)
					}
				}
				return true
			})
			defer tr.tap.setMutate(nil)
			pubID := p.identity(t)
			pub := newSession(t, tr, p, serializers[0].ser, nil, func(c *session.Config) { c.Identity = pubID })
			log := &decisionLog{inner: p.trust}
			sub := newSession(t, tr, p, serializers[0].ser, nil, func(c *session.Config) { c.KeyPolicy.Trust = log })
			ev := newEvents()
			topic := fmt.Sprintf("com.forged.%d", i)
			require.NoError(t, sub.Subscribe(topic, ev.handler, nil))
			args, kw := payload(i)
			require.NoError(t, pub.Publish(topic, nil, args, kw))
			e := ev.next(t, 5*time.Second)
			checkPayload(t, e.Arguments, e.ArgumentsKw, i)
			assert.EqualValues(t, 1, forged.Load())
			assert.EqualValues(t, 1, sub.Stats().EarlyChainsRejected)
			assert.Zero(t, sub.Stats().EarlyChainsUsed)
			assert.Equal(t, []string{"decide publisher"}, log.about(pubID.Delegate.Address()))
		})
	}
}

// TestEarlyChainPrefetchDoesNotHoldFetch: the responder refuses after sending
// its early chain; the requester's fetch ends then, not when its advisory
// prefetch (here a slow "registry read") returns.
func TestEarlyChainPrefetchDoesNotHoldFetch(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	// The responder refuses once the requester has started its prefetch
	// from the early chain.
	var subp atomic.Pointer[session.Session]
	refusing := &gatedDecider{inner: refuseAll{}, gate: func(e2ee.TrustRequest) bool {
		s := subp.Load()
		return s != nil && s.Stats().EarlyChainsUsed >= 1
	}}
	pub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) { c.KeyPolicy.Trust = refusing })
	slow := &slowPrefetch{inner: p.trust, delay: 2500 * time.Millisecond}
	sub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) { c.KeyPolicy.Trust = slow })
	subp.Store(sub)
	ev := newEvents()
	require.NoError(t, sub.Subscribe("com.slowprefetch", ev.handler, nil))
	start := time.Now()
	require.NoError(t, pub.Publish("com.slowprefetch", nil, wamp.List{1}, nil))
	eventually(t, func() bool { return sub.Stats().KeyFetchFailures >= 1 }, "fetch refused")
	took := time.Since(start)
	assert.EqualValues(t, 1, pub.Stats().EarlyChainsSent)
	assert.EqualValues(t, 1, sub.Stats().EarlyChainsUsed)
	assert.Less(t, took, 1500*time.Millisecond, "a refused fetch waited %s for an advisory prefetch", took)
}

// slowPrefetch decides like inner at once; its Prefetch takes delay (or
// until ctx ends), like a slow registry read.
type slowPrefetch struct {
	inner e2ee.TrustDecider
	delay time.Duration
}

func (s *slowPrefetch) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	return s.inner.Decide(ctx, req)
}

func (s *slowPrefetch) Prefetch(ctx context.Context, _ e2ee.TrustRequest) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
	}
}

// refuseAll refuses everyone.
type refuseAll struct{}

func (refuseAll) Decide(context.Context, e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	return e2ee.TrustDecision{}, fmt.Errorf("refused: %w", e2ee.ErrUntrusted)
}

// gatedDecider decides like inner once gate(req) holds, polling it for up
// to 5 s (then it answers unavailable).
type gatedDecider struct {
	inner e2ee.TrustDecider
	gate  func(e2ee.TrustRequest) bool
}

func (g *gatedDecider) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	deadline := time.Now().Add(5 * time.Second)
	for !g.gate(req) {
		if time.Now().After(deadline) {
			return e2ee.TrustDecision{}, fmt.Errorf("gate never opened: %w", e2ee.ErrTrustUnavailable)
		}
		time.Sleep(time.Millisecond)
	}
	return g.inner.Decide(ctx, req)
}

// TestKnownResponderVerdictPrefetched: a subscriber fetching a key from an
// originator it fetched from before asks its decider to prefetch the
// decision about that originator while the request is in flight (so that an
// expired on-chain verdict is re-read in parallel with the originator's
// work), then decides on the response; a first contact is only decided on.
// Deciders without Prefetch (TOFU, whose Decide pins) are never asked early.
func TestKnownResponderVerdictPrefetched(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	pubID := p.identity(t)
	pub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) { c.Identity = pubID; noPush(c) })
	log := &decisionLog{inner: p.trust}
	sub := newSession(t, tr, p, serialize.MSGPACK, nil, func(c *session.Config) { c.KeyPolicy.Trust = log })
	ev := newEvents()
	require.NoError(t, sub.Subscribe("com.prefetch", ev.handler, nil))
	originator := pubID.Delegate.Address()

	require.NoError(t, pub.Publish("com.prefetch", nil, wamp.List{1}, nil))
	ev.next(t, 5*time.Second)
	if sub.Stats().EarlyChainsUsed == 1 { // its prefetch runs unwaited for: let it land
		eventually(t, func() bool { return slices.Contains(log.about(originator), "prefetch publisher") }, "early prefetch")
	}
	first := log.about(originator)
	// First contact: decided on the response, perhaps prefetched from the
	// early chain before (TestEarlyChainOverlapsDecisions; here the
	// originator decides so fast that the response may come first).
	require.Contains(t, first, "decide publisher", "first contact")
	require.Subset(t, []string{"prefetch publisher", "decide publisher"}, first)
	require.LessOrEqual(t, len(first), 2)

	pub.RotateAll()
	require.NoError(t, pub.Publish("com.prefetch", nil, wamp.List{2}, nil))
	ev.next(t, 5*time.Second)
	require.EqualValues(t, 2, sub.Stats().KeyFetches)
	require.Equal(t, []string{"prefetch publisher", "decide publisher"}, log.about(originator)[len(first):],
		"known responder: prefetched when the request was sent, decided on the response")

	_, isPrefetcher := any(p.trust).(e2ee.TrustPrefetcher)
	require.False(t, isPrefetcher, "the standalone decider has nothing to prefetch")
	tofu, err := trust.OpenTOFU(trust.TOFUConfig{Path: filepath.Join(t.TempDir(), "pins.json")})
	require.NoError(t, err)
	_, isPrefetcher = any(tofu).(e2ee.TrustPrefetcher)
	require.False(t, isPrefetcher, "TOFU pins on Decide: it must not be asked before a response")
}
