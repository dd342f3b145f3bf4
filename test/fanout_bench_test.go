package test

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
)

// fanCounter counts deliveries across subscribers and wakes a waiter when a
// target is reached.
type fanCounter struct {
	n      atomic.Int64
	target atomic.Int64
	done   chan struct{}
}

func (c *fanCounter) arm(target int64) {
	c.done = make(chan struct{})
	c.target.Store(target)
	if c.n.Load() >= target {
		close(c.done)
		c.target.Store(-1)
	}
}

func (c *fanCounter) handle(*wamp.Event) {
	if v := c.n.Add(1); v == c.target.Load() {
		if c.target.CompareAndSwap(v, -1) {
			close(c.done)
		}
	}
}

func (c *fanCounter) wait(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(d):
		t.Fatalf("only %d of %d deliveries within %v", c.n.Load(), c.target.Load(), d)
	}
}

// TestRotationReachesAllSubscribers: 1,000 E2EE subscribers (200 under
// -race) of one topic
// on a router with its default per-client queue; after each rotation every
// subscriber must decrypt the first event under the new key.
//
// pull: the publisher pushes nothing, so each subscriber fetches the new
// key from its key RPC on the same event. nexus's dealer used to drop the
// INVOCATIONs that did not fit the publisher's queue (64): those
// subscribers waited FetchTimeout, lost the event and tripped their
// breakers. push: the publisher pushes the new key to every subscriber
// that fetched the old one, before the event; none fetches.
func TestRotationReachesAllSubscribers(t *testing.T) {
	const n, rotations = fanSubscribers, 3
	p := newPKI(t)
	tr := startRouterWith(t, routerOpts{noTap: true, maxConns: 2*n + 10})
	t.Cleanup(tr.stop)
	var c fanCounter
	subs := make([]*session.Session, n)
	for i := range subs {
		subs[i] = newSession(t, tr, p, serialize.MSGPACK, benchRules)
		require.NoError(t, subs[i].Subscribe("fan.rotate", c.handle, nil))
	}
	delivered := int64(0)
	for _, tc := range []struct {
		name string
		opts []nodeOpt
	}{{"pull", []nodeOpt{noPush}}, {"push", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			pub := newSession(t, tr, p, serialize.MSGPACK, benchRules, tc.opts...)
			for round := range 1 + rotations { // the first key, then rotated ones
				if round > 0 {
					pub.RotateAll()
				}
				delivered += n
				c.arm(delivered)
				require.NoError(t, pub.Publish("fan.rotate", nil, wamp.List{[]byte("k")}, nil))
				// A subscriber whose key request is lost drops the event
				// after FetchTimeout: it never arrives, however long we wait.
				c.wait(t, 30*time.Second)
			}
			st := pub.Stats()
			if tc.name == "pull" {
				require.EqualValues(t, (1+rotations)*n, st.KeyRequestsServed)
				require.Zero(t, st.KeyPushesSent)
				return
			}
			require.EqualValues(t, n, st.KeyRequestsServed, "only the first key is fetched")
			require.EqualValues(t, rotations*n, st.KeyPushesSent)
			var accepted uint64
			for _, s := range subs {
				accepted += s.Stats().KeyPushesAccepted
				require.Zero(t, s.Stats().KeyPushesRejected)
			}
			require.EqualValues(t, rotations*n, accepted)
		})
	}
}

// BenchmarkFanOut: one publisher, N subscribers, all sessions in this process
// on one guarded router (websocket + msgpack). Reported:
//
//   - plain-B/sess, e2ee-B/sess: live memory (heap and stacks) per idle
//     subscriber session (router and client side together: both run in this
//     process), a plain nexus client vs an E2EE session (subscribed, no key
//     yet); mem-ratio = e2ee ÷ plain;
//   - e2ee-keyed-B/sess: the same after the first key was fetched;
//   - plain-deliv/s, e2ee-deliv/s, deliv-ratio: delivered events per second
//     (events × N ÷ time), 1 KiB payload, 20 events in flight;
//   - rotate-ms (median of the iterations): from RotateAll at the publisher
//     until every subscriber has decrypted an event under the new key (the
//     pull model: each subscriber fetches the new key on its first event).
//
// The memory figures are those of each sub-benchmark's first invocation: the
// runtime keeps the goroutines and stacks of closed sessions for reuse, so a
// later invocation in the same process finds them free and undercounts.
func BenchmarkFanOut(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		var mem *fanMem
		b.Run(fmt.Sprint(n), func(b *testing.B) { fanOut(b, n, &mem) })
	}
}

// fanMem is the live heap (heap objects and goroutine stacks) before and after
// the plain sessions, the idle E2EE sessions and the first key (h), and before
// and after the same idle sessions of a router in another process (c): their
// client side alone.
type fanMem struct{ h0, h1, h2, h3, c0, c1, c2 uint64 }

// routerProcessEnv selects TestRouterProcess; its value is the router's
// connection cap.
const routerProcessEnv = "E2EE_TEST_ROUTER_PROCESS"

// TestRouterProcess is BenchmarkFanOut's router in a process of its own: the
// benchmark runs this test binary again with routerProcessEnv set. It prints
// the router's host:port on a line of its own and serves until its stdin
// closes. Without routerProcessEnv it has nothing to do.
func TestRouterProcess(t *testing.T) {
	v := os.Getenv(routerProcessEnv)
	if v == "" {
		t.Skip("BenchmarkFanOut's router process")
	}
	maxConns, err := strconv.Atoi(v)
	require.NoError(t, err)
	tr := startRouterWith(t, routerOpts{noTap: true, maxConns: maxConns})
	defer tr.stop()
	fmt.Printf("router %s\n", tr.addr)
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// startRouterProcess starts TestRouterProcess; the router stops at cleanup.
func startRouterProcess(b *testing.B, maxConns int) *testRouter {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRouterProcess$")
	cmd.Env = append(os.Environ(), routerProcessEnv+"="+strconv.Itoa(maxConns))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(b, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(b, err)
	require.NoError(b, cmd.Start())
	stop := func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if addr, ok := strings.CutPrefix(sc.Text(), "router "); ok {
			go func() { _, _ = io.Copy(io.Discard, stdout) }()
			tr := &testRouter{addr: addr, network: "ws", stopFn: stop}
			b.Cleanup(tr.stop)
			return tr
		}
	}
	stop()
	b.Fatalf("router process: no address (%v)", sc.Err())
	return nil
}

// idleSessions subscribes n plain nexus clients and then n E2EE sessions to
// topics through tr (loadgen.SessionMemory) and returns its readings.
func idleSessions(b *testing.B, tr *testRouter, p *pki, n int, plain, enc client.EventHandler) (h0, h1, h2 uint64) {
	ctx := context.Background()
	h, err := loadgen.SessionMemory(n, func(kind int, warm bool) error {
		suffix := ".fan"
		if warm {
			suffix = ".warm"
		}
		if kind == 0 {
			c, err := client.ConnectNet(ctx, tr.url(), client.Config{Realm: realmURI, Serialization: serialize.MSGPACK})
			if err != nil {
				return err
			}
			b.Cleanup(func() { _ = c.Close() })
			return c.Subscribe("bench.plain"+suffix, plain, nil)
		}
		return newSession(b, tr, p, serialize.MSGPACK, benchRules).Subscribe("bench.e2ee"+suffix, enc, nil)
	})
	require.NoError(b, err)
	return h[0], h[1], h[2]
}

func fanOut(b *testing.B, n int, first **fanMem) {
	p := newPKI(b)
	tr := startRouterWith(b, routerOpts{noTap: true, maxConns: 2*n + 10})
	b.Cleanup(tr.stop)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)

	// Idle subscribers: nexus clients, then E2EE sessions.
	var plain, enc fanCounter
	h0, h1, h2 := idleSessions(b, tr, p, n, plain.handle, enc.handle)
	// Two publishers: one pulls (its readers fetch every new key), one
	// pushes new keys to the readers of the old ones.
	pub := newSession(b, tr, p, serialize.MSGPACK, benchRules, noPush)
	pusher := newSession(b, tr, p, serialize.MSGPACK, benchRules)

	// Throughput: events × n deliveries, at most window events in flight.
	const window = 20
	events := max(60, 20_000/n)
	run := func(c *fanCounter, topic string) float64 {
		base := c.n.Load()
		start := time.Now()
		for i := 0; i < events; i += window {
			k := min(window, events-i)
			c.arm(base + int64(i+k)*int64(n))
			for range k {
				require.NoError(b, pub.Publish(topic, nil, wamp.List{data}, nil))
			}
			c.wait(b, time.Minute)
		}
		return float64(events*n) / time.Since(start).Seconds()
	}
	// The first E2EE event of each publisher makes every subscriber fetch
	// its key.
	for _, s := range []*session.Session{pub, pusher} {
		enc.arm(enc.n.Load() + int64(n))
		require.NoError(b, s.Publish("bench.e2ee.fan", nil, wamp.List{data}, nil))
		enc.wait(b, time.Minute)
	}
	h3 := loadgen.LiveHeap()
	if *first == nil {
		// The same idle sessions of a router in another process: what they
		// hold on the client side. After the measurements above, so that
		// they find no closed sessions' goroutines to reuse.
		far := startRouterProcess(b, 2*n+10)
		var ignore fanCounter
		c0, c1, c2 := idleSessions(b, far, p, n, ignore.handle, ignore.handle)
		*first = &fanMem{h0, h1, h2, h3, c0, c1, c2}
	}
	m := *first
	plainRate := run(&plain, "bench.plain.fan")
	encRate := run(&enc, "bench.e2ee.fan")

	// Rotation → every subscriber decrypted an event under the new key.
	rotate := func(s *session.Session) time.Duration {
		enc.arm(enc.n.Load() + int64(n))
		start := time.Now()
		s.RotateAll()
		require.NoError(b, s.Publish("bench.e2ee.fan", nil, wamp.List{data}, nil))
		enc.wait(b, time.Minute)
		return time.Since(start)
	}
	b.ResetTimer()
	var pull, push []time.Duration
	for range b.N {
		pull = append(pull, rotate(pub))
		push = append(push, rotate(pusher))
	}
	b.StopTimer()
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2].Microseconds()) / 1e3
	}
	per := func(from, to uint64) float64 { return loadgen.PerSession(from, to, n) }
	b.ReportMetric(per(m.h0, m.h1), "plain-B/sess")
	b.ReportMetric(per(m.h1, m.h2), "e2ee-B/sess")
	b.ReportMetric(per(m.h1, m.h2)/per(m.h0, m.h1), "mem-ratio")
	b.ReportMetric(per(m.h1, m.h3), "e2ee-keyed-B/sess")
	b.ReportMetric(per(m.c0, m.c1), "plain-client-B/sess")
	b.ReportMetric(per(m.c1, m.c2), "e2ee-client-B/sess")
	b.ReportMetric(per(m.h0, m.h1)-per(m.c0, m.c1), "plain-router-B/sess")
	b.ReportMetric(per(m.h1, m.h2)-per(m.c1, m.c2), "e2ee-router-B/sess")
	b.ReportMetric(plainRate, "plain-deliv/s")
	b.ReportMetric(encRate, "e2ee-deliv/s")
	b.ReportMetric(encRate/plainRate, "deliv-ratio")
	b.ReportMetric(median(pull), "rotate-pull-ms")
	b.ReportMetric(median(push), "rotate-push-ms")
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(float64(pub.Stats().KeyRequestsServed), "keyreq-served-pull")
	b.ReportMetric(float64(pusher.Stats().KeyRequestsServed), "keyreq-served-push")
	b.ReportMetric(float64(pusher.Stats().KeyPushesSent), "keys-pushed")
}
