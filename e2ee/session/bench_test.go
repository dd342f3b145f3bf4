package session

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
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

// BenchmarkUntrustedKeyRequest measures what a key request from an identity
// the decider refuses costs (issue 11): "sign" is the attacker's cost to
// make one (a fresh nonce and signature), "refuse" the originator's cost to
// refuse it once the identity used up its denial burst (decode, chain
// cache lookup, bucket check: no signature recovery, no replay state),
// "verify" its cost with the limiter out of the way (the signature
// recovered and the decider asked every time: the price of each request
// of an identity's burst, or of a fresh identity per request).
func BenchmarkUntrustedKeyRequest(b *testing.B) {
	p, _ := testPeer(b)
	b.Cleanup(p.Close)
	m := p.outbound(&wamp.Publish{Request: 1, Topic: "com.t", Arguments: wamp.List{"x"}}).(*wamp.Publish)
	keyID := m.Options["ppt_keyid"].(string)
	ring := p.n.def.currentRing()
	// A self-signed identity whose chain verifies (the decider refuses it).
	del, err := keys.GenerateDelegateKey()
	require.NoError(b, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(b, err)
	d, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: 1, VerifyingContract: common.Address{1}, ValidFrom: 1,
		Delegate: del.Address(), CSPubKey: sk.PublicKey32()})
	require.NoError(b, err)
	id := keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{d}}
	rq, err := keydist.NewRequester(keydist.RequesterConfig{Policy: p.n.cfg.KeyPolicy, Identity: id, SignedOnly: true})
	require.NoError(b, err)
	sign := func() wamp.Dict {
		pend, err := rq.NewRequest(keyID, "com.t", e2ee.RoleSubscriber)
		require.NoError(b, err)
		kw, err := keydist.EncodeRequest(pend.Request)
		require.NoError(b, err)
		return kw
	}
	b.Run("sign", func(b *testing.B) {
		for b.Loop() {
			sign()
		}
	})
	pool := make([]wamp.Dict, 256)
	for i := range pool {
		pool[i] = sign()
	}
	serve := func(b *testing.B, want string) {
		i := 0
		for b.Loop() {
			_, err := p.n.serveKey(context.Background(), nil, ring, &wamp.Invocation{ArgumentsKw: pool[i%len(pool)]})
			if got := denialURI(err); got != want {
				b.Fatalf("refused with %s, want %s: %v", got, want, err)
			}
			i++
		}
	}
	b.Run("refuse", func(b *testing.B) {
		// No refill during the run: every request is refused at the bucket.
		p.n.delegateDenials = newDenialLimiter(1e-9, p.n.cfg.DenyBurst, maxBuckets)
		for range p.n.cfg.DenyBurst {
			_, _ = p.n.serveKey(context.Background(), nil, ring, &wamp.Invocation{ArgumentsKw: pool[0]})
		}
		serve(b, keydist.ErrorURIOverload)
	})
	b.Run("verify", func(b *testing.B) {
		p.n.delegateDenials = newDenialLimiter(1e12, 1<<30, maxBuckets)
		serve(b, keydist.ErrorURIUntrusted)
	})
}
