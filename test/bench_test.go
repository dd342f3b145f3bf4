package test

import (
	"context"
	"crypto/rand"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// benchRules: "bench.plain" in plaintext, everything else E2EE.
var benchRules = []session.Rule{{Pattern: "bench.plain", Match: session.MatchPrefix}}

// benchPair is a publisher and a subscriber session on one guarded router
// (websocket + msgpack, no tap), all in this process.
func benchPair(b *testing.B, outQueue int) (*testRouter, *session.Session, *session.Session) {
	p := newPKI(b)
	tr := startRouterWith(b, routerOpts{noTap: true, outQueue: outQueue})
	b.Cleanup(tr.stop)
	pub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	sub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	return tr, pub, sub
}

// counter counts a subscription's events and wakes a waiter once the count
// reaches a target (one wake-up per window, not per event).
type counter struct {
	got    atomic.Int64
	target atomic.Int64
	wake   chan struct{}
}

func newCounter() *counter {
	c := &counter{wake: make(chan struct{}, 1)}
	c.target.Store(1 << 62)
	return c
}

func (c *counter) handler(*wamp.Event) {
	if c.got.Add(1) >= c.target.Load() {
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

// waitFor waits until n events were counted or no event arrived for idle;
// it reports whether n was reached.
func (c *counter) waitFor(n int64, idle time.Duration) bool {
	c.target.Store(n)
	defer c.target.Store(1 << 62)
	last := c.got.Load()
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		g := c.got.Load()
		if g >= n {
			return true
		}
		if g != last {
			last = g
			t.Reset(idle)
		}
		select {
		case <-c.wake:
		case <-t.C:
			if c.got.Load() == last {
				return false
			}
		}
	}
}

// windowed publishes n events to topic keeping at most window events in
// flight (sent, not yet counted). nexus drops events when a subscriber's
// queue is full instead of applying back-pressure; a window that stalls for
// idle writes its events off as dropped and moves on. It returns the events
// received and the time taken.
func windowed(b *testing.B, pub *session.Session, c *counter, topic string, data []byte, n, window int) (int64, time.Duration) {
	const idle = 20 * time.Millisecond
	base := c.got.Load()
	var lost int64
	args := wamp.List{data}
	start := time.Now()
	for sent := 0; sent < n; {
		for i := 0; i < window/2 && sent < n; i++ {
			if err := pub.Publish(topic, nil, args, nil); err != nil {
				b.Fatal(err)
			}
			sent++
		}
		// Wait until at most window/2 are in flight.
		if !c.waitFor(base+int64(sent)-lost-int64(window/2), idle) {
			lost = base + int64(sent) - c.got.Load() - int64(window/2)
		}
	}
	c.waitFor(base+int64(n)-lost, idle)
	el := time.Since(start)
	return c.got.Load() - base, el
}

// throughputWindow is BenchmarkThroughput's bound on events in flight; the
// router's per-client queue is twice as long, so nexus has no reason to drop.
// A window of the default queue's size (64) makes the benchmark latency-bound
// (the CPUs idle between windows) instead of measuring throughput.
const throughputWindow = 512

// BenchmarkThroughput: E2EE vs plaintext pub/sub throughput through the
// same guarded router, same serializer (websocket + msgpack), 1 KiB payload,
// publisher, router and subscriber in this process. Plaintext and E2EE run
// alternately in rounds of the same run; ratio = E2EE events/s ÷ plaintext
// events/s. Events nexus dropped are reported (drops), not waited for.
func BenchmarkThroughput(b *testing.B) {
	_, pub, sub := benchPair(b, 2*throughputWindow)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	topics := []string{"bench.plain.t", "bench.e2ee.t"}
	cs := []*counter{newCounter(), newCounter()}
	for i, topic := range topics {
		require.NoError(b, sub.Subscribe(topic, cs[i].handler, nil))
		require.NoError(b, pub.Publish(topic, nil, wamp.List{data}, nil)) // warm-up: key fetch
		require.True(b, cs[i].waitFor(1, 5*time.Second), "warm-up event")
	}
	const rounds, window = 6, throughputWindow
	per := b.N/rounds + 1
	var recv [2]int64
	var el [2]time.Duration
	b.SetBytes(1024)
	b.ResetTimer()
	for r := 0; r < rounds; r++ {
		for k := 0; k < 2; k++ {
			i := (k + r) % 2 // alternate which mode goes first
			n, d := windowed(b, pub, cs[i], topics[i], data, per, window)
			recv[i] += n
			el[i] += d
		}
	}
	b.StopTimer()
	plain := float64(recv[0]) / el[0].Seconds()
	enc := float64(recv[1]) / el[1].Seconds()
	b.ReportMetric(plain, "plain-ev/s")
	b.ReportMetric(enc, "e2ee-ev/s")
	b.ReportMetric(enc/plain, "ratio")
	b.ReportMetric(float64(rounds*per*2)-float64(recv[0]+recv[1]), "drops")
}

// percentile returns the p-th percentile (0 < p < 1) of sorted d in µs.
func percentile(d []time.Duration, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	return float64(d[int(float64(len(d)-1)*p)].Nanoseconds()) / 1e3
}

// BenchmarkLatency: one-way publish → handler latency with one event in
// flight, 1 KiB, plaintext and E2EE interleaved event by event through the
// same guarded router (websocket + msgpack). Also the two ways of a call:
// caller → callee handler (CALL → INVOCATION) and callee return → caller
// (YIELD → RESULT).
func BenchmarkLatency(b *testing.B) {
	_, pub, sub := benchPair(b, 0)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	epoch := time.Now()
	var sentAt atomic.Int64
	since := func() time.Duration { return time.Duration(int64(time.Since(epoch)) - sentAt.Load()) }
	mark := func() { sentAt.Store(int64(time.Since(epoch))) }

	topics := []string{"bench.plain.l", "bench.e2ee.l"}
	chs := []chan time.Duration{make(chan time.Duration, 1), make(chan time.Duration, 1)}
	procs := []string{"bench.plain.rpc", "bench.e2ee.rpc"}
	for i := range topics {
		ch := chs[i]
		require.NoError(b, sub.Subscribe(topics[i], func(*wamp.Event) { ch <- since() }, nil))
		require.NoError(b, sub.Register(procs[i], func(_ context.Context, inv *wamp.Invocation) client.InvokeResult {
			ch <- since()
			mark()
			return client.InvokeResult{Args: wamp.List{data}}
		}, nil))
		require.NoError(b, pub.Publish(topics[i], nil, wamp.List{data}, nil))
		<-ch
	}
	ctx := context.Background()
	var ev, inv, res [2][]time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i := range topics {
			mark()
			if err := pub.Publish(topics[i], nil, wamp.List{data}, nil); err != nil {
				b.Fatal(err)
			}
			ev[i] = append(ev[i], <-chs[i])
		}
		if n%4 == 0 { // calls: a quarter as many
			for i := range procs {
				mark()
				if _, err := pub.Call(ctx, procs[i], nil, wamp.List{data}, nil, nil); err != nil {
					b.Fatal(err)
				}
				res[i] = append(res[i], since())
				inv[i] = append(inv[i], <-chs[i])
			}
		}
	}
	b.StopTimer()
	for _, s := range [][2][]time.Duration{ev, inv, res} {
		for i := range s {
			sort.Slice(s[i], func(x, y int) bool { return s[i][x] < s[i][y] })
		}
	}
	b.ReportMetric(percentile(ev[0], 0.5), "plain-p50-µs")
	b.ReportMetric(percentile(ev[1], 0.5), "e2ee-p50-µs")
	b.ReportMetric(percentile(ev[1], 0.5)-percentile(ev[0], 0.5), "added-p50-µs")
	b.ReportMetric(percentile(ev[0], 0.99), "plain-p99-µs")
	b.ReportMetric(percentile(ev[1], 0.99), "e2ee-p99-µs")
	b.ReportMetric(percentile(inv[1], 0.5)-percentile(inv[0], 0.5), "call-added-p50-µs")
	b.ReportMetric(percentile(res[1], 0.5)-percentile(res[0], 0.5), "result-added-p50-µs")
}

// BenchmarkLateJoiner: on-chain trust (simulated chain, chain/verifier on
// every node); time from PUBLISH to the late joiner's first decrypted event,
// which includes its key request to the publisher. p50 is reported.
//
//   - cold-node: a delegate authorized moments ago joins with a new session
//     and a new verifier: no chain or verdict cached on either side.
//   - cold-verifier: the same joiner after the publisher rotated its keys,
//     both verifiers purged (chains cached, verdicts read from the chain).
//   - warm: the same joiner after a rotation, verdicts and chains cached.
func BenchmarkLateJoiner(b *testing.B) {
	oc := newOnChain(b)
	tr := startRouterWith(b, routerOpts{noTap: true})
	b.Cleanup(tr.stop)
	ser := serialize.MSGPACK
	pub := oc.node(b, tr, ser)
	first := func(b *testing.B, ev *events, topic string) time.Duration {
		start := time.Now()
		require.NoError(b, pub.sess.Publish(topic, nil, wamp.List{"x"}, nil))
		ev.next(b, 5*time.Second)
		return time.Since(start)
	}
	report := func(b *testing.B, d []time.Duration) {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		b.ReportMetric(percentile(d, 0.5), "p50-µs")
		b.ReportMetric(percentile(d, 0.9), "p90-µs")
	}
	b.Run("cold-node", func(b *testing.B) {
		var d []time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			n := oc.node(b, tr, ser)
			ev := newEvents()
			topic := fmt.Sprintf("bench.late.%d.%d", b.N, i)
			require.NoError(b, n.sess.Subscribe(topic, ev.handler, nil))
			b.StartTimer()
			d = append(d, first(b, ev, topic))
			b.StopTimer()
			n.close()
			b.StartTimer()
		}
		report(b, d)
	})
	n := oc.node(b, tr, ser)
	ev := newEvents()
	require.NoError(b, n.sess.Subscribe("bench.late.warm", ev.handler, nil))
	first(b, ev, "bench.late.warm")
	for _, purge := range []bool{true, false} {
		name := "warm"
		if purge {
			name = "cold-verifier"
		}
		b.Run(name, func(b *testing.B) {
			var d []time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				pub.sess.RotateAll()
				if purge {
					pub.verifier.Purge()
					n.verifier.Purge()
				}
				b.StartTimer()
				d = append(d, first(b, ev, "bench.late.warm"))
			}
			report(b, d)
		})
	}
}

// BenchmarkKeyRequests: key requests served per second by one originator to
// known requesters, issued directly against its key RPC. 8 requesters (chains
// already cached at the originator) each keep 4 requests in flight for 64
// keys of the originator; requests are signed before the timer starts (a
// requester's signing is not the originator's cost) and responses are
// checked to be RESULTs, not opened.
func BenchmarkKeyRequests(b *testing.B) {
	p := newPKI(b)
	var keyMu sync.Mutex
	keyIDs := map[string]string{} // topic → key id, from the router tap
	tr := startRouterWith(b, routerOpts{noTap: true})
	b.Cleanup(tr.stop)
	// A second router-side view: a raw subscriber records the key ids.
	spy := dialRaw(b, tr, serialize.MSGPACK)
	spy.send(&wamp.Subscribe{Request: spy.id(), Options: wamp.Dict{wamp.OptMatch: wamp.MatchPrefix}, Topic: "bench.keys"})
	expect[*wamp.Subscribed](b, spy)
	pt := keyring.PerTopic(nil)
	rules := []session.Rule{{Pattern: "bench.keys", Match: session.MatchPrefix, Encrypt: true, Rotation: &pt}}
	pub := newSession(b, tr, p, serialize.MSGPACK, rules)
	const keys = 64
	for i := 0; i < keys; i++ {
		require.NoError(b, pub.Publish(fmt.Sprintf("bench.keys.%d", i), nil, wamp.List{"x"}, nil))
	}
	for len(keyIDs) < keys {
		e := expect[*wamp.Event](b, spy)
		id, _ := e.Details[envelope.OptKeyID].(string)
		topic, _ := e.Details["topic"].(string)
		keyMu.Lock()
		keyIDs[topic] = id
		keyMu.Unlock()
	}
	type target struct{ uri, keyID string }
	var targets []target
	for topic, id := range keyIDs {
		targets = append(targets, target{topic, id})
	}
	kid, err := envelope.ParseKeyID(targets[0].keyID)
	require.NoError(b, err)
	rpc := kid.KeyRPCURI(session.DefaultKeyRPCPrefix)

	const requesters, inflight = 8, 4
	type reqr struct {
		r  *keydist.Requester
		cl *client.Client
	}
	var rs []reqr
	for i := 0; i < requesters; i++ {
		r, err := keydist.NewRequester(keydist.RequesterConfig{Policy: p.policy(), Identity: p.identity(b)})
		require.NoError(b, err)
		peer, err := tr.connect(context.Background(), serialize.MSGPACK)
		require.NoError(b, err)
		cl, err := client.NewClient(peer, client.Config{Realm: realmURI, Logger: quiet})
		require.NoError(b, err)
		b.Cleanup(func() { _ = cl.Close() })
		rs = append(rs, reqr{r, cl})
	}
	sign := func(r *keydist.Requester, k int) wamp.Dict {
		t := targets[k%len(targets)]
		pend, err := r.NewRequest(t.keyID, t.uri, e2ee.RoleSubscriber)
		require.NoError(b, err)
		kw, err := keydist.EncodeRequest(pend.Request)
		require.NoError(b, err)
		return kw
	}
	call := func(cl *client.Client, kw wamp.Dict) error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		res, err := cl.Call(ctx, rpc, nil, nil, kw, nil)
		if err == nil && len(res.ArgumentsKw) == 0 {
			err = fmt.Errorf("empty key response")
		}
		return err
	}
	for _, r := range rs { // warm: the originator caches each requester's chain
		require.NoError(b, call(r.cl, sign(r.r, 0)))
	}
	// Pre-sign b.N requests, spread over the requesters.
	reqs := make([][]wamp.Dict, requesters)
	for k := 0; k < b.N; k++ {
		reqs[k%requesters] = append(reqs[k%requesters], sign(rs[k%requesters].r, k))
	}
	served0 := pub.Stats().KeyRequestsServed
	var failed atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range rs {
		for j := 0; j < inflight; j++ {
			wg.Add(1)
			go func(cl *client.Client, mine []wamp.Dict) {
				defer wg.Done()
				for k := j; k < len(mine); k += inflight {
					if err := call(cl, mine[k]); err != nil {
						failed.Add(1)
					}
				}
			}(rs[i].cl, reqs[i])
		}
	}
	wg.Wait()
	el := time.Since(start)
	b.StopTimer()
	served := pub.Stats().KeyRequestsServed - served0
	b.ReportMetric(float64(served)/el.Seconds(), "keyreq/s")
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d of %d key requests failed; denials %v", f, b.N, pub.Stats().KeyDenials)
	}
}
