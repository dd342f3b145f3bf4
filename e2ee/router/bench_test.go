package router_test

import (
	"context"
	"io"
	"log"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	nexus "github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// benchWindow bounds events in flight so that the router never drops events
// for a slow subscriber (its queue holds DefaultOutQueueSize).
var benchWindow = int64(envInt("ROUTER_BENCH_WINDOW", 32))

// benchPubSub publishes b.N plaintext 1 KiB events from one nexus client to
// another through the router at url (websocket + msgpack, same process) and
// reports events/s.
func benchPubSub(b *testing.B, url string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cfg := client.Config{Realm: testRealm, Serialization: serialize.MSGPACK, Logger: log.New(io.Discard, "", 0)}
	sub, err := client.ConnectNet(ctx, url, cfg)
	require.NoError(b, err)
	defer sub.Close()
	pub, err := client.ConnectNet(ctx, url, cfg)
	require.NoError(b, err)
	defer pub.Close()

	var received atomic.Int64
	wake := make(chan struct{}, 1)
	require.NoError(b, sub.Subscribe("bench.topic", func(*wamp.Event) {
		received.Add(1)
		select {
		case wake <- struct{}{}:
		default:
		}
	}, nil))
	payload := make([]byte, 1024)
	args := wamp.List{payload}

	b.SetBytes(int64(len(payload)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		for int64(i)-received.Load() >= benchWindow {
			<-wake
		}
		require.NoError(b, pub.Publish("bench.topic", nil, args, nil))
	}
	for received.Load() < int64(b.N) {
		select {
		case <-wake:
		case <-time.After(10 * time.Second):
			b.Fatalf("received %d of %d events", received.Load(), b.N)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}

// BenchmarkPubSubPlaintext is the baseline for E2EE: plaintext pub/sub
// through the guarded router, websocket + msgpack, 1 KiB payloads.
func BenchmarkPubSubPlaintext(b *testing.B) {
	r := startRouter(b, func(c *router.Config) {
		c.Listeners = []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}}
	})
	benchPubSub(b, r.Addrs()[0])
}

// BenchmarkPubSubPlaintextUnguarded is the same through plain nexus (its own
// websocket server), to measure the guard's cost.
func BenchmarkPubSubPlaintextUnguarded(b *testing.B) {
	nx, err := nexus.NewRouter(&nexus.Config{RealmConfigs: []*nexus.RealmConfig{{URI: testRealm, AnonymousAuth: true}}}, log.New(io.Discard, "", 0))
	require.NoError(b, err)
	defer nx.Close()
	closer, err := nexus.NewWebsocketServer(nx).ListenAndServe("127.0.0.1:0")
	require.NoError(b, err)
	defer closer.Close()
	benchPubSub(b, "ws://"+closer.(net.Listener).Addr().String()+"/")
}

// BenchmarkPolicyCheck measures the guard's validation of a valid PPT
// PUBLISH with a 1 KiB payload.
func BenchmarkPolicyCheck(b *testing.B) {
	p := router.DefaultPolicy()
	payload := make([]byte, 1024)
	opts := validOpts()
	msg := &wamp.Publish{Options: opts, Topic: "t"}
	b.ReportAllocs()
	for range b.N {
		msg.Arguments = wamp.List{payload}
		if rerr := p.Check(msg, false); rerr != nil {
			b.Fatal(rerr)
		}
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
