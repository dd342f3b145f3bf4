package test

import (
	"context"
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// bogusKeys is an anonymous client's attack on a receiver's ordering
// (issue 11, item 2): it registers a key RPC that never answers and sends
// sealed-looking messages whose ppt_keyid names it, each with a fresh key
// tag (and every fourth with the previous one).
type bogusKeys struct {
	raw *rawPeer
	loc envelope.Locator
}

func newBogusKeys(t *testing.T, tr *testRouter, ser serialize.Serialization) *bogusKeys {
	t.Helper()
	raw := dialRaw(t, tr, ser)
	loc, err := envelope.NewLocator()
	require.NoError(t, err)
	raw.register(t, loc.KeyRPCURI(session.DefaultKeyRPCPrefix)) // never answered
	return &bogusKeys{raw: raw, loc: loc}
}

// run sends one message made by msg(options) every millisecond until stop
// is closed.
func (bk *bogusKeys) run(stop <-chan struct{}, msg func(id wamp.ID, opts wamp.Dict, args wamp.List) wamp.Message) {
	blob := make([]byte, 96)
	id := envelope.KeyID{Locator: bk.loc}
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		if i%4 != 0 {
			_, _ = rand.Read(id.Tag[:])
		}
		_, _ = rand.Read(blob)
		opts := wamp.Dict{"ppt_scheme": "wamp", "ppt_serializer": "cbor", "ppt_cipher": "xsalsa20poly1305",
			"ppt_keyid": id.String()}
		bk.raw.send(msg(bk.raw.id(), opts, wamp.List{append([]byte(nil), blob...)}))
	}
}

// holPhases alternates unattacked and attacked phases of round (one
// legitimate message and its delivery; every tenth under a fresh key) and
// requires every legitimate message delivered, with a p99 latency under
// attack at most 50 ms above the unattacked p99 of the same run. The
// attack of the first attacked phase lasts until the receiver gave up on
// the first bogus key (timedOut), so that the breaker is open for the
// second.
func holPhases(t *testing.T, round func(i int) (time.Duration, bool), attack func(stop <-chan struct{}), timedOut func() bool) {
	t.Helper()
	const perPhase = 60
	var base, attacked []time.Duration
	lost, i := 0, 0
	for phase := range 4 {
		var stop chan struct{}
		var wg sync.WaitGroup
		if phase%2 == 1 {
			stop = make(chan struct{})
			wg.Add(1)
			go func() { defer wg.Done(); attack(stop) }()
		}
		for n := 0; n < perPhase || (phase == 1 && !timedOut()); n++ {
			i++
			d, ok := round(i)
			switch {
			case !ok:
				lost++
			case phase%2 == 0:
				base = append(base, d)
			default:
				attacked = append(attacked, d)
			}
		}
		if stop != nil {
			close(stop)
			wg.Wait()
		}
	}
	t.Logf("%d legitimate messages, %d lost; p99 unattacked %v, attacked %v (%d samples)",
		i, lost, p99(base), p99(attacked), len(attacked))
	require.Zero(t, lost, "every legitimate message delivered")
	assert.LessOrEqual(t, p99(attacked), p99(base)+latencySlack*50*time.Millisecond, "p99 added latency ≤ 50 ms (× %d under -race)", latencySlack)
}

// TestBogusKeyIDsDoNotBlockOthers (issue 11, item 2): an anonymous client
// registers a key RPC that never answers and sends events (and calls) whose
// ppt_keyid names it, on the topic (and procedure) of a legitimate
// publisher (caller). The subscriber (callee) orders messages per key RPC
// (the key id's locator), so the bogus ones hold back nothing else, and
// overflow only their own buffer; the first bogus fetch times out and opens
// the key RPC's breaker, so later bogus key ids fail at once.
// Before, each bogus event held the whole subscription for the fetch
// timeout and legitimate events overflowed the buffer.
func TestBogusKeyIDsDoNotBlockOthers(t *testing.T) {
	ser := serialize.CBOR
	fast := func(c *session.Config) { c.FetchTimeout = time.Second }
	t.Run("events", func(t *testing.T) {
		p := newPKI(t)
		tr := startRouter(t, "", nil)
		defer tr.stop()
		a := newSession(t, tr, p, ser, nil)
		b := newSession(t, tr, p, ser, nil, fast)
		eb := newEvents()
		require.NoError(t, b.Subscribe("com.hol", eb.handler, nil))
		bk := newBogusKeys(t, tr, ser)
		round := func(i int) (time.Duration, bool) {
			if i%10 == 0 {
				a.RotateAll()
			}
			args, kw := payload(i)
			start := time.Now()
			require.NoError(t, a.Publish("com.hol", nil, args, kw))
			select {
			case ev := <-eb.ch:
				checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
				return time.Since(start), true
			case <-time.After(5 * time.Second):
				return 0, false
			}
		}
		_, ok := round(0) // b learns a's key
		require.True(t, ok)
		holPhases(t, round, func(stop <-chan struct{}) {
			bk.run(stop, func(id wamp.ID, opts wamp.Dict, args wamp.List) wamp.Message {
				return &wamp.Publish{Request: id, Options: opts, Topic: "com.hol", Arguments: args}
			})
		}, func() bool { return b.Stats().Rejected[session.ReasonBufferTimeout] > 0 })
		st := b.Stats()
		t.Logf("b: rejected %v, key fetches %d (%d failed)", st.Rejected, st.KeyFetches, st.KeyFetchFailures)
		assert.NotZero(t, st.Rejected[session.ReasonBufferTimeout]+st.Rejected[session.ReasonBufferOverflow], "bogus messages dropped")
	})
	t.Run("calls", func(t *testing.T) {
		p := newPKI(t)
		tr := startRouter(t, "", nil)
		defer tr.stop()
		a := newSession(t, tr, p, ser, nil)
		c := newSession(t, tr, p, ser, nil, fast)
		require.NoError(t, c.Register("com.hol.proc", func(_ context.Context, inv *wamp.Invocation) client.InvokeResult {
			return client.InvokeResult{Args: inv.Arguments, Kwargs: inv.ArgumentsKw}
		}, nil))
		bk := newBogusKeys(t, tr, ser)
		round := func(i int) (time.Duration, bool) {
			if i%10 == 0 {
				a.RotateAll()
			}
			args, kw := payload(i)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			start := time.Now()
			res, err := a.Call(ctx, "com.hol.proc", nil, args, kw, nil)
			if err != nil {
				return 0, false
			}
			checkPayload(t, res.Arguments, res.ArgumentsKw, i)
			return time.Since(start), true
		}
		_, ok := round(0)
		require.True(t, ok)
		holPhases(t, round, func(stop <-chan struct{}) {
			bk.run(stop, func(id wamp.ID, opts wamp.Dict, args wamp.List) wamp.Message {
				return &wamp.Call{Request: id, Options: opts, Procedure: "com.hol.proc", Arguments: args}
			})
		}, func() bool { return c.Stats().Rejected[session.ReasonBufferTimeout] > 0 })
		st := c.Stats()
		t.Logf("c: rejected %v, key fetches %d (%d failed)", st.Rejected, st.KeyFetches, st.KeyFetchFailures)
		assert.NotZero(t, st.Rejected[session.ReasonBufferTimeout]+st.Rejected[session.ReasonBufferOverflow], "bogus messages dropped")
	})
}
