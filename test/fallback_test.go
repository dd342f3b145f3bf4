package test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// channelGate holds the trust decisions about URIs it has a channel for
// until that channel is closed (or the decision's context ends).
type channelGate struct {
	inner e2ee.TrustDecider
	gates map[string]chan struct{}
}

func (g *channelGate) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	if c, ok := g.gates[req.URI]; ok {
		select {
		case <-c:
		case <-ctx.Done():
			return e2ee.TrustDecision{}, ctx.Err()
		}
	}
	return g.inner.Decide(ctx, req)
}

// TestRetryAfterUnknownPeerIsSigned (issue 12 §4): an originator that
// answers unknown_peer to every resumed request (SignedKeyExchanges). The
// subscriber fetches keys 1 and 2 signed and concurrently; key 1's exchange
// completes, so its request for key 3 is resumed and refused; key 2's
// signed exchange completes while that refusal is on its way. The retry
// must be signed whatever key 2's exchange stored meanwhile — before the
// fix it resumed again with the responder key 2 stored, was refused again,
// and the event was lost.
func TestRetryAfterUnknownPeerIsSigned(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.CBOR
	a := newSession(t, tr, p, ser, nil, func(c *session.Config) { c.SignedKeyExchanges = true })

	// b's decisions about the originator on t1 wait until a answered both
	// signed requests (so that both were sent before either exchange
	// completed); on t2 until key 3's unknown_peer reached b's transport.
	served2, release2 := make(chan struct{}), make(chan struct{})
	gate := &channelGate{inner: p.trust, gates: map[string]chan struct{}{"com.fb.t1": served2, "com.fb.t2": release2}}
	e := map[string]*events{"com.fb.t1": newEvents(), "com.fb.t2": newEvents(), "com.fb.t3": newEvents()}
	var refusals atomic.Int32
	held := make(chan struct{})
	mitm, _ := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
		if er, ok := m.(*wamp.Error); ok && er.Type == wamp.CALL && er.Error == keydist.ErrorURIUnknownPeer {
			if refusals.Add(1) == 1 {
				// Key 2's exchange completes (its event is delivered)
				// before b sees the refusal of key 3.
				close(release2)
				select {
				case <-held:
				case <-time.After(5 * time.Second):
				}
			}
		}
		return m
	})
	b := newSession(t, tr, p, ser, nil, mitm, func(c *session.Config) { c.KeyPolicy.Trust = gate })
	for topic, ev := range e {
		require.NoError(t, b.Subscribe(topic, ev.handler, nil))
	}
	publish := func(topic string, i int) {
		t.Helper()
		args, kw := payload(i)
		require.NoError(t, a.Publish(topic, nil, args, kw))
	}
	publish("com.fb.t1", 1)
	publish("com.fb.t2", 2)
	eventually(t, func() bool { return a.Stats().KeyRequestsServed == 2 }, "both signed requests answered")
	close(served2)
	ev := e["com.fb.t1"].next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)

	go func() {
		// Key 2's event arrives once its exchange stored its responder.
		ev := e["com.fb.t2"].next(t, 5*time.Second)
		checkPayload(t, ev.Arguments, ev.ArgumentsKw, 2)
		close(held)
	}()
	publish("com.fb.t3", 3)
	ev = e["com.fb.t3"].next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 3)

	st := b.Stats()
	assert.EqualValues(t, 1, refusals.Load(), "one refusal, then a signed retry")
	assert.EqualValues(t, 1, st.ResumedKeyFetches, "only key 3's first request resumed")
	assert.EqualValues(t, 1, st.ResumeFallbacks)
	assert.Zero(t, st.KeyFetchFailures)
	assert.EqualValues(t, 1, a.Stats().KeyDenials[keydist.ErrorURIUnknownPeer])
}
