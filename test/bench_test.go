package test

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
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
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
	"github.com/wamp-e2ee/e2ee-node/internal/onchain"
)

// benchRules: "bench.plain" in plaintext, everything else E2EE.
var benchRules = []session.Rule{{Pattern: "bench.plain", Match: e2ee.MatchPrefix}}

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

// BenchmarkThroughput: E2EE vs plaintext pub/sub throughput through the
// same guarded router, same serializer (websocket + msgpack), 1 KiB payload,
// publisher, router and subscriber in this process (loadgen.Throughput:
// alternating rounds, at most loadgen.DefaultWindow events in flight; the
// router's per-client queue holds twice that). ratio = E2EE events/s ÷
// plaintext events/s; lost and stalls should be 0.
func BenchmarkThroughput(b *testing.B) {
	_, pub, sub := benchPair(b, 2*loadgen.DefaultWindow)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	b.SetBytes(1024)
	b.ResetTimer()
	res, err := loadgen.Throughput(context.Background(), pub, sub, loadgen.ThroughputConfig{
		Topics: [2]string{"bench.plain.t", "bench.e2ee.t"}, Payload: data, Events: max(b.N, 6),
	})
	b.StopTimer()
	require.NoError(b, err)
	b.ReportMetric(res.Plaintext, "plain-ev/s")
	b.ReportMetric(res.E2EE, "e2ee-ev/s")
	b.ReportMetric(res.Ratio, "ratio")
	b.ReportMetric(us(res.CPUPerEvent[0]), "plain-cpu-µs/ev")
	b.ReportMetric(us(res.CPUPerEvent[1]), "e2ee-cpu-µs/ev")
	b.ReportMetric(us(res.CPUPerEvent[1]-res.CPUPerEvent[0]), "added-cpu-µs/ev")
	b.ReportMetric(float64(res.Lost[0]+res.Lost[1]), "lost")
	b.ReportMetric(float64(res.Stalls[0]+res.Stalls[1]), "stalls")
}

// BenchmarkThroughputSingleMode: one mode per sub-benchmark (both topics
// plaintext, or both E2EE), for CPU and allocation profiles of one mode:
//
//	go test ./test -run '^$' -bench 'ThroughputSingleMode/e2ee' -benchtime 120000x -cpuprofile e2ee.prof
func BenchmarkThroughputSingleMode(b *testing.B) {
	for _, mode := range []string{"plaintext", "e2ee"} {
		b.Run(mode, func(b *testing.B) {
			_, pub, sub := benchPair(b, 2*loadgen.DefaultWindow)
			data := make([]byte, 1024)
			_, _ = rand.Read(data)
			prefix := "bench.plain." // benchRules: plaintext
			if mode == "e2ee" {
				prefix = "bench.e2ee."
			}
			b.SetBytes(1024)
			b.ResetTimer()
			res, err := loadgen.Throughput(context.Background(), pub, sub, loadgen.ThroughputConfig{
				Topics: [2]string{prefix + "a", prefix + "b"}, Payload: data, Events: max(b.N, 6),
			})
			b.StopTimer()
			require.NoError(b, err)
			b.ReportMetric((res.Plaintext+res.E2EE)/2, "ev/s")
			b.ReportMetric(float64(res.Lost[0]+res.Lost[1]), "lost")
		})
	}
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

// BenchmarkLatency: one-way publish → handler latency with one event in
// flight, 1 KiB, plaintext and E2EE interleaved event by event through the
// same guarded router (websocket + msgpack). Also the two ways of a call
// (every 4th iteration): caller → callee handler (CALL → INVOCATION) and
// callee return → caller (YIELD → RESULT). loadgen.Latency measures.
func BenchmarkLatency(b *testing.B) {
	_, pub, sub := benchPair(b, 0)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	b.ResetTimer()
	res, err := loadgen.Latency(context.Background(), pub, sub, loadgen.LatencyConfig{
		Topics: [2]string{"bench.plain.l", "bench.e2ee.l"}, Procedures: [2]string{"bench.plain.rpc", "bench.e2ee.rpc"},
		Payload: data, Events: b.N,
	})
	b.StopTimer()
	require.NoError(b, err)
	b.ReportMetric(us(loadgen.Percentile(res.Events[0], 0.5)), "plain-p50-µs")
	b.ReportMetric(us(loadgen.Percentile(res.Events[1], 0.5)), "e2ee-p50-µs")
	b.ReportMetric(us(loadgen.Added(res.Events, 0.5)), "added-p50-µs")
	b.ReportMetric(us(loadgen.Percentile(res.Events[0], 0.99)), "plain-p99-µs")
	b.ReportMetric(us(loadgen.Percentile(res.Events[1], 0.99)), "e2ee-p99-µs")
	b.ReportMetric(us(loadgen.Added(res.Invocations, 0.5)), "call-added-p50-µs")
	b.ReportMetric(us(loadgen.Added(res.Results, 0.5)), "result-added-p50-µs")
}

// BenchmarkLateJoiner: on-chain trust (simulated chain, chain/verifier on
// every node); time from PUBLISH to the late joiner's first decrypted event,
// which includes its key request to the publisher. p50 and p90 are reported.
// onchain.LateJoiner measures (e2ee-node bench runs the same):
//
//   - cold-node: a new delegate joins with a new session and a new
//     verifier: no chain or verdict cached on either side. Its
//     authorization is on-chain and the originator's event follower has
//     processed it.
//   - just-authorized: the same, moments after the authorization was mined,
//     possibly before the originator's follower processed it: the
//     originator's read at its processed block and at "latest" then
//     disagree, and it reads again at the head (chain/verifier read).
//   - cold-verifier: the same joiner after the publisher rotated its keys,
//     both verifiers purged (chains cached, verdicts read from the chain).
//   - warm: the same joiner after a rotation, verdicts and chains cached;
//     its key request resumes (docs/protocol.md §3.8). The publisher does
//     not push keys: these are the late joiner's fetches.
//   - push-warm, push-cold-verifier: warm and cold-verifier with a
//     publisher that pushes the new key to the joiner (§3.10).
//   - transport-floor: the baseline, measured in the same run: the same
//     three message hops in plaintext between two such nodes — an EVENT to
//     the joiner, whose handler CALLs a procedure of the publisher and waits
//     for the RESULT — with the same pause before each iteration. No
//     key-distribution protocol can take the warm case below it.
func BenchmarkLateJoiner(b *testing.B) { lateJoiner(b, false) }

// BenchmarkLateJoinerAnvil is BenchmarkLateJoiner against an anvil node (a
// separate process over websocket, as a real deployment's endpoint is)
// instead of the embedded simulated chain.
func BenchmarkLateJoinerAnvil(b *testing.B) { lateJoiner(b, true) }

func lateJoiner(b *testing.B, onAnvil bool) {
	oc := newOnChainOn(b, onAnvil)
	tr := startRouterWith(b, routerOpts{noTap: true})
	b.Cleanup(tr.stop)
	ctx := context.Background()
	lj, err := onchain.NewLateJoiner(ctx, oc.dom, nodeConfig(tr, serialize.MSGPACK))
	require.NoError(b, err)
	b.Cleanup(lj.Close)
	run := func(name string, measure func(n int) ([]time.Duration, error)) {
		b.Run(name, func(b *testing.B) {
			d, err := measure(b.N)
			require.NoError(b, err)
			slices.Sort(d)
			b.ReportMetric(us(loadgen.Percentile(d, 0.5)), "p50-µs")
			b.ReportMetric(us(loadgen.Percentile(d, 0.9)), "p90-µs")
		})
	}
	run("cold-node", func(n int) ([]time.Duration, error) { return lj.ColdNode(ctx, n, true) })
	run("just-authorized", func(n int) ([]time.Duration, error) { return lj.ColdNode(ctx, n, false) })
	run("transport-floor", func(n int) ([]time.Duration, error) { return lj.TransportFloor(ctx, n) })
	run("cold-verifier", func(n int) ([]time.Duration, error) { return lj.Warm(ctx, n, true) })
	run("warm", func(n int) ([]time.Duration, error) { return lj.Warm(ctx, n, false) })
	run("push-cold-verifier", func(n int) ([]time.Duration, error) { return lj.WarmPush(ctx, n, true) })
	run("push-warm", func(n int) ([]time.Duration, error) { return lj.WarmPush(ctx, n, false) })
}

// BenchmarkKeyRequests: key requests served per second by one originator to
// known requesters, issued directly against its key RPC. 8 requesters (chains
// already cached at the originator) each keep 4 requests in flight for 64
// keys of the originator; requests are built before the timer starts (a
// requester's signing is not the originator's cost) and responses are
// checked to be RESULTs, not opened. signed: every request signed (the
// requesters never opened a response, so they know no responder); resumed:
// each requester completed one signed exchange first, so its requests are
// MACed (docs/protocol.md §3.8).
func BenchmarkKeyRequests(b *testing.B) {
	b.Run("signed", func(b *testing.B) { keyRequests(b, false) })
	b.Run("resumed", func(b *testing.B) { keyRequests(b, true) })
}

func keyRequests(b *testing.B, resume bool) {
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
	rules := []session.Rule{{Pattern: "bench.keys", Match: e2ee.MatchPrefix, Encrypt: true, Rotation: &pt}}
	pub := newSession(b, tr, p, serialize.MSGPACK, rules)
	const keys = 64
	for i := range keys {
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
	for range requesters {
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
		if !resume {
			require.NoError(b, call(r.cl, sign(r.r, 0)))
			continue
		}
		t := targets[0]
		pend, err := r.r.NewRequest(t.keyID, t.uri, e2ee.RoleSubscriber)
		require.NoError(b, err)
		kw, err := keydist.EncodeRequest(pend.Request)
		require.NoError(b, err)
		res, err := r.cl.Call(context.Background(), rpc, nil, nil, kw, nil)
		require.NoError(b, err)
		resp, err := keydist.DecodeResponse(res.ArgumentsKw)
		require.NoError(b, err)
		_, err = r.r.Open(context.Background(), pend, resp)
		require.NoError(b, err)
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
		for j := range inflight {
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
	if resume && pub.Stats().ResumedKeyRequestsServed < served {
		b.Fatalf("%d of %d served requests were resumed", pub.Stats().ResumedKeyRequestsServed, served)
	}
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d of %d key requests failed; denials %v", f, b.N, pub.Stats().KeyDenials)
	}
}

// BenchmarkVsStockNexus (issue 16 item 6): E2EE through the guarded router
// (e2ee/router, e2ee/msgpack) against plaintext through a stock nexus v3.3.0
// router and nexus's own msgpack serializer and client — what a user would
// otherwise run — alternating in one run (loadgen.Throughput), 1 KiB, both
// routers with a per-client queue of 2 × the window. ratio = E2EE ÷ stock
// plaintext.
func BenchmarkVsStockNexus(b *testing.B) {
	_, pubE, subE := benchPair(b, 2*loadgen.DefaultWindow)
	url, stop, err := loadgen.StockRouter(realmURI, 2*loadgen.DefaultWindow)
	require.NoError(b, err)
	b.Cleanup(stop)
	ctx := context.Background()
	conn := func() *client.Client {
		c, err := client.ConnectNet(ctx, url, client.Config{Realm: realmURI, Serialization: serialize.MSGPACK})
		require.NoError(b, err)
		b.Cleanup(func() { _ = c.Close() })
		return c
	}
	pub := loadgen.Split{Topic: "bench.plain.t", First: conn(), Second: pubE}
	sub := loadgen.Split{Topic: "bench.plain.t", First: conn(), Second: subE}
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	b.SetBytes(1024)
	b.ResetTimer()
	res, err := loadgen.Throughput(ctx, pub, sub, loadgen.ThroughputConfig{
		Topics: [2]string{"bench.plain.t", "bench.e2ee.t"}, Payload: data, Events: max(b.N, 6),
	})
	b.StopTimer()
	require.NoError(b, err)
	b.ReportMetric(res.Plaintext, "stock-plain-ev/s")
	b.ReportMetric(res.E2EE, "e2ee-ev/s")
	b.ReportMetric(res.Ratio, "ratio")
	b.ReportMetric(float64(res.Lost[0]+res.Lost[1]), "lost")
}

// BenchmarkPPTCarriage: what carrying a PPT message costs the router and the
// transports without any cryptography — nexus clients through
// loadgen.Carrier (this project's msgpack serializer) and the guarded
// router, 1 KiB plaintext events ("plaintext") or events in E2EE's wire
// shape ("ppt": the ppt_* options and a random payload of the sealed size),
// one mode per sub-benchmark for profiles; cpu-µs/ev is the process CPU per
// delivered event.
func BenchmarkPPTCarriage(b *testing.B) {
	for _, mode := range []string{"plaintext", "ppt"} {
		b.Run(mode, func(b *testing.B) {
			tr := startRouterWith(b, routerOpts{noTap: true, outQueue: 2 * loadgen.DefaultWindow})
			b.Cleanup(tr.stop)
			payload := make([]byte, 1024+164) // a sealed 1 KiB event
			_, _ = rand.Read(payload)
			opts := envelope.PutOptions(nil, "0123456789abcdef.0123456789abcdef0123456789abcdef", "e2ee.key.0123456789abcdef")
			carried := "bench.none"
			if mode == "ppt" {
				carried = "bench.a"
			}
			conn := func() *client.Client {
				p, err := session.DialWebsocket(tr.url(), serialize.MSGPACK, nil, quiet)(context.Background())
				require.NoError(b, err)
				c, err := client.NewClient(loadgen.Carrier(p, carried, opts, payload), client.Config{Realm: realmURI, Serialization: serialize.MSGPACK, Logger: quiet})
				require.NoError(b, err)
				b.Cleanup(func() { _ = c.Close() })
				return c
			}
			pub, sub := conn(), conn()
			data := make([]byte, 1024)
			_, _ = rand.Read(data)
			b.ResetTimer()
			res, err := loadgen.Throughput(context.Background(), pub, sub, loadgen.ThroughputConfig{
				Topics: [2]string{"bench.a", "bench.a2"}, Payload: data, Events: max(b.N, 6),
			})
			b.StopTimer()
			require.NoError(b, err)
			b.ReportMetric(res.Plaintext, "ev/s")
			b.ReportMetric(us(res.CPUPerEvent[0]), "cpu-µs/ev")
			b.ReportMetric(float64(res.Lost[0]+res.Lost[1]), "lost")
		})
	}
}
