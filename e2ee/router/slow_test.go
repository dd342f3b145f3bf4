package router_test

import (
	"bytes"
	"net"
	"runtime"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestSlowConsumersBounded is issue 11's "8 non-reading subscribers of 4 MB
// events" scaled down: subscribers that stop reading cost the router at most
// its queue budget (the router used to queue 64 messages per client whatever
// their size), lose events (counted) and are disconnected once a write
// stalls past the write timeout; a subscriber that reads gets every event.
func TestSlowConsumersBounded(t *testing.T) {
	const (
		slow      = 8
		events    = 96
		eventSize = 512 << 10
		clientQ   = 2 << 20
		totalQ    = 24 << 20
	)
	r := startRouter(t, func(c *router.Config) {
		c.ClientQueueBytes = clientQ
		c.QueueBytes = totalQ
		c.WriteTimeout = 300 * time.Millisecond
	})
	topic := "slow.topic"
	for range slow {
		rt := handshakeRawTCP(t, r)
		// A small receive buffer, so that the kernel does not absorb what
		// the router must bound itself.
		require.NoError(t, rt.conn.(*net.TCPConn).SetReadBuffer(16<<10))
		rt.write(0, mustSerialize(t, rt.ser, &wamp.Subscribe{Request: 1, Options: wamp.Dict{}, Topic: wamp.URI(topic)}))
		_, ok := rt.read().(*wamp.Subscribed)
		require.True(t, ok)
		// rt never reads again.
	}
	reader := dialJoin(t, r, tWS, serialize.MSGPACK)
	reader.subscribe(topic)
	pub := dialJoin(t, r, tWS, serialize.CBOR)

	base := heapInuse()
	var peak uint64
	payload := bytes.Repeat([]byte{0xab}, eventSize)
	for i := range events {
		req := pub.nextReq()
		pub.send(&wamp.Publish{Request: req, Options: wamp.Dict{wamp.OptAcknowledge: true}, Topic: wamp.URI(topic), Arguments: wamp.List{payload, int64(i)}})
		require.Equal(t, req, expect[*wamp.Published](pub).Request)
		ev := expect[*wamp.Event](reader)
		require.Equal(t, payload, ev.Arguments[0], "event %d", i)
		if i%16 == 15 {
			peak = max(peak, heapInuse())
		}
	}
	grown := int64(peak) - int64(base)
	t.Logf("heap in use: base %d MiB, peak %+d MiB; queued now %d bytes; stats %+v",
		base>>20, grown>>20, r.Stats().QueuedBytes, r.Stats())
	// Unbounded, 8 × 96 events of 512 KiB would be 384 MiB.
	assert.Less(t, grown, int64(totalQ+24<<20), "router heap beyond its queue budget")
	st := r.Stats()
	assert.LessOrEqual(t, st.QueuedBytes, int64(totalQ))
	assert.NotZero(t, st.EventsDropped+st.WriteTimeouts, "slow consumers lost events or were cut off")

	// Every stalled subscriber is disconnected once a write stalls past
	// the write timeout, and its queue is released.
	require.Eventually(t, func() bool {
		st := r.Stats()
		return st.WriteTimeouts+st.SlowDisconnects == slow && st.QueuedBytes == 0
	}, waitTimeout, 10*time.Millisecond)
}
