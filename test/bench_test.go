package test

import (
	"crypto/rand"
	"fmt"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// benchRules: "bench.plain" in plaintext, everything else E2EE.
var benchRules = []session.Rule{{Pattern: "bench.plain", Match: session.MatchPrefix}}

// BenchmarkPubSub: E2EE vs plaintext throughput through the same router,
// websocket + msgpack, 1 KiB payload; ns/op is per delivered event.
func BenchmarkPubSub(b *testing.B) {
	p := newPKI(b)
	tr := startRouter(b, "127.0.0.1:0", nil)
	defer tr.stop()
	pub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	sub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	data := make([]byte, 1024)
	_, _ = rand.Read(data)
	for _, topic := range []string{"bench.plain.t", "bench.e2ee.t"} {
		var got atomic.Int64
		done := make(chan struct{}, 1)
		var want atomic.Int64
		require.NoError(b, sub.Subscribe(topic, func(*wamp.Event) {
			if got.Add(1) == want.Load() {
				done <- struct{}{}
			}
		}, nil))
		require.NoError(b, pub.Publish(topic, nil, wamp.List{data}, nil)) // warm up: key fetch
		eventually(b, func() bool { return got.Load() == 1 }, "warm-up event")
		b.Run(topic[6:11], func(b *testing.B) {
			got.Store(0)
			want.Store(int64(b.N))
			b.SetBytes(1024)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := pub.Publish(topic, nil, wamp.List{data}, nil); err != nil {
					b.Fatal(err)
				}
				if i%256 == 255 { // bound the in-flight window (nexus drops on full queues)
					for w := time.Now(); got.Load() < int64(i-128) && time.Since(w) < time.Second; {
						time.Sleep(10 * time.Microsecond)
					}
				}
			}
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				b.Logf("received %d of %d (nexus dropped events)", got.Load(), b.N)
			}
		})
	}
}

// BenchmarkLatency: one-way publish→handler latency, one event in flight.
func BenchmarkLatency(b *testing.B) {
	p := newPKI(b)
	tr := startRouter(b, "127.0.0.1:0", nil)
	defer tr.stop()
	pub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	sub := newSession(b, tr, p, serialize.MSGPACK, benchRules)
	data := make([]byte, 1024)
	for _, topic := range []string{"bench.plain.l", "bench.e2ee.l"} {
		ch := make(chan time.Duration, 1)
		require.NoError(b, sub.Subscribe(topic, func(ev *wamp.Event) {
			sent, _ := wamp.AsInt64(ev.Arguments[1])
			ch <- time.Duration(time.Now().UnixNano() - sent)
		}, nil))
		_ = pub.Publish(topic, nil, wamp.List{data, time.Now().UnixNano()}, nil)
		<-ch
		b.Run(topic[6:11], func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				_ = pub.Publish(topic, nil, wamp.List{data, time.Now().UnixNano()}, nil)
				lat = append(lat, <-ch)
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		})
	}
}

// BenchmarkLateJoiner: time from a new subscriber's SUBSCRIBED to its first
// decrypted event (key request to the publisher included). cold: a new
// session each time (no chain cached on either side for it); warm: the same
// session after the publisher rotated (chains cached, one key request).
func BenchmarkLateJoiner(b *testing.B) {
	p := newPKI(b)
	tr := startRouter(b, "127.0.0.1:0", nil)
	defer tr.stop()
	pub := newSession(b, tr, p, serialize.MSGPACK, nil)
	b.Run("cold", func(b *testing.B) {
		var total time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s := newSession(b, tr, p, serialize.MSGPACK, nil)
			ev := newEvents()
			topic := fmt.Sprintf("bench.late.%d", i)
			require.NoError(b, s.Subscribe(topic, ev.handler, nil))
			b.StartTimer()
			start := time.Now()
			require.NoError(b, pub.Publish(topic, nil, wamp.List{"x"}, nil))
			ev.next(b, 5*time.Second)
			total += time.Since(start)
			b.StopTimer()
			_ = s.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/first-event")
	})
	b.Run("warm", func(b *testing.B) {
		s := newSession(b, tr, p, serialize.MSGPACK, nil)
		ev := newEvents()
		require.NoError(b, s.Subscribe("bench.late.warm", ev.handler, nil))
		require.NoError(b, pub.Publish("bench.late.warm", nil, wamp.List{"x"}, nil))
		ev.next(b, 5*time.Second)
		b.ResetTimer()
		var total time.Duration
		for i := 0; i < b.N; i++ {
			pub.RotateAll()
			start := time.Now()
			require.NoError(b, pub.Publish("bench.late.warm", nil, wamp.List{"x"}, nil))
			ev.next(b, 5*time.Second)
			total += time.Since(start)
		}
		b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/first-event")
	})
}

// BenchmarkKeyRequests: key requests served per second from known
// requesters: per-message rotation on 16 topics, so every event costs one
// key request; two subscribers fetch concurrently.
func BenchmarkKeyRequests(b *testing.B) {
	p := newPKI(b)
	tr := startRouter(b, "127.0.0.1:0", nil)
	defer tr.stop()
	pm := keyring.PerMessage()
	rules := []session.Rule{{Pattern: "bench.keys", Match: session.MatchPrefix, Encrypt: true, Rotation: &pm}}
	pub := newSession(b, tr, p, serialize.MSGPACK, rules)
	var got atomic.Int64
	const topics = 16
	for s := 0; s < 2; s++ {
		sub := newSession(b, tr, p, serialize.MSGPACK, rules)
		for i := 0; i < topics; i++ {
			require.NoError(b, sub.Subscribe(fmt.Sprintf("bench.keys.%d", i), func(*wamp.Event) { got.Add(1) }, nil))
		}
	}
	for i := 0; i < topics; i++ { // warm the chain caches
		require.NoError(b, pub.Publish(fmt.Sprintf("bench.keys.%d", i), nil, wamp.List{"x"}, nil))
	}
	eventually(b, func() bool { return got.Load() == 2*topics }, "warm-up")
	served0 := pub.Stats().KeyRequestsServed
	got.Store(0)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		require.NoError(b, pub.Publish(fmt.Sprintf("bench.keys.%d", i%topics), nil, wamp.List{"x"}, nil))
	}
	deadline := time.Now().Add(60 * time.Second)
	for got.Load() < int64(2*b.N) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	el := time.Since(start)
	served := pub.Stats().KeyRequestsServed - served0
	b.ReportMetric(float64(served)/el.Seconds(), "keyreq/s")
	if got.Load() < int64(2*b.N) {
		b.Fatalf("received %d of %d", got.Load(), 2*b.N)
	}
}
