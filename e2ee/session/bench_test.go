package session

import (
	"crypto/rand"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

// benchPeers returns a sender and a receiver peer; the receiver holds the
// sender's current key for "com.t" (its subscription 1).
func benchPeers(b *testing.B) (snd, rcv *cryptoPeer, sndInner, rcvInner *pipePeer, data []byte) {
	snd, sndInner = testPeer(b)
	rcv, rcvInner = testPeer(b)
	b.Cleanup(snd.Close)
	b.Cleanup(rcv.Close)
	data = make([]byte, 1024)
	_, _ = rand.Read(data)
	// One message to learn the key id, then hand the key to the receiver.
	m := snd.outbound(&wamp.Publish{Request: 1, Topic: "com.t", Arguments: wamp.List{data}}).(*wamp.Publish)
	id := m.Options["ppt_keyid"].(string)
	info, ok := snd.n.def.currentRing().Lookup(id)
	require.True(b, ok)
	require.NoError(b, rcv.n.cache.Add(id, &info.Key, nil, time.Time{}))
	info.Wipe()
	return
}

// BenchmarkSeal: the outbound path of an encrypted 1 KiB PUBLISH (rule
// lookup, key, seal, options), called directly.
func BenchmarkSeal(b *testing.B) {
	snd, _, _, _, data := benchPeers(b)
	b.ReportAllocs()
	b.SetBytes(1024)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if snd.outbound(&wamp.Publish{Request: wamp.ID(i), Topic: "com.t", Arguments: wamp.List{data}}) == nil {
			b.Fatal("seal failed")
		}
	}
}

// BenchmarkOpen: the inbound path of an encrypted 1 KiB EVENT (delivery
// lookup, checks, open, strip), called directly; messages are sealed before
// the timer starts (each sequence number opens once).
func BenchmarkOpen(b *testing.B) {
	snd, rcv, _, _, data := benchPeers(b)
	evs := make([]*wamp.Event, b.N)
	known := map[string]bool{}
	for i := range evs {
		m := snd.outbound(&wamp.Publish{Request: wamp.ID(i), Topic: "com.t", Arguments: wamp.List{data}}).(*wamp.Publish)
		evs[i] = &wamp.Event{Subscription: 1, Publication: wamp.ID(i), Details: m.Options, Arguments: m.Arguments}
		// The ring rotates every DefaultEveryN messages: the receiver gets
		// every key up front, so no fetch starts and the inbound goroutine
		// stays idle while this one calls inbound directly.
		if id := m.Options["ppt_keyid"].(string); !known[id] {
			known[id] = true
			info, ok := snd.n.def.currentRing().Lookup(id)
			require.True(b, ok)
			_ = rcv.n.cache.Add(id, &info.Key, nil, time.Time{})
			info.Wipe()
		}
	}
	done := make(chan int)
	go func() {
		n := 0
		for range rcv.in {
			if n++; n == b.N {
				done <- n
			}
		}
	}()
	b.ReportAllocs()
	b.SetBytes(1024)
	b.ResetTimer()
	for _, ev := range evs {
		rcv.inbound(ev)
	}
	<-done
	b.StopTimer()
	if st := rcv.n.stats.snapshot(); st.TotalRejected() != 0 {
		b.Fatalf("rejected %v", st.Rejected)
	}
}

// BenchmarkPlainPassthrough: the same two paths for a plaintext rule, the
// session's fixed cost per message.
func BenchmarkPlainPassthrough(b *testing.B) {
	snd, rcv, _, _, data := benchPeers(b)
	go func() {
		for range rcv.in {
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := snd.outbound(&wamp.Publish{Request: wamp.ID(i), Topic: "plain.t", Arguments: wamp.List{data}}).(*wamp.Publish)
		rcv.inbound(&wamp.Event{Subscription: 3, Publication: wamp.ID(i), Details: wamp.Dict{}, Arguments: m.Arguments})
	}
}
