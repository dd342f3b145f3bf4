package test

import (
	"context"
	"maps"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// TestKeyPush: after a rotation the publisher pushes the new key to the
// subscriber that fetched the old one, ahead of the first event under it;
// the subscriber decrypts that event without a key request. The router
// sees only the boxed key.
func TestKeyPush(t *testing.T) {
	for _, ser := range serializers {
		t.Run(ser.name, func(t *testing.T) {
			p := newPKI(t)
			tr := startRouter(t, "127.0.0.1:0", nil)
			defer tr.stop()
			a := newSession(t, tr, p, ser.ser, nil)
			b := newSession(t, tr, p, ser.ser, nil)
			eb := newEvents()
			require.NoError(t, b.Subscribe("com.push", eb.handler, nil))
			for i := range 4 {
				if i > 0 {
					a.RotateAll()
				}
				args, kw := payload(i)
				require.NoError(t, a.Publish("com.push", nil, args, kw))
				ev := eb.next(t, 5*time.Second)
				checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
			}
			assert.EqualValues(t, 1, b.Stats().KeyFetches, "only the first key fetched")
			assert.EqualValues(t, 3, b.Stats().KeyPushesAccepted)
			assert.EqualValues(t, 3, a.Stats().KeyPushesSent)
			assert.EqualValues(t, 1, a.Stats().KeyRequestsServed)
			assert.Zero(t, b.Stats().KeyPushesRejected)
			assert.Zero(t, b.Stats().TotalRejected(), "%v", b.Stats().Rejected)
			leaks, _ := tr.tap.leaks(marker)
			assert.Zero(t, leaks)
		})
	}
}

// TestKeyPushForgeries: anyone may publish to a reader's push topic. A
// replayed genuine push, one with its MAC, box, realm, role or expiry
// changed, one for another reader, one naming a key RPC the reader never
// fetched from, and garbage are all refused and counted by reason; the
// reader loses nothing (the next rotated key arrives, pushed or fetched).
func TestKeyPushForgeries(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	bID := p.identity(t)
	a := newSession(t, tr, p, ser, nil)
	var logged atomic.Int64 // b's log lines about refused pushes
	b := newSession(t, tr, p, ser, nil, func(c *session.Config) {
		c.Identity = bID
		c.Logf = func(format string, _ ...any) {
			if strings.Contains(format, "key push") {
				logged.Add(1)
			}
		}
	})
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.forge", eb.handler, nil))
	topic := keydist.PushTopic("", bID.Session.PublicKey32())
	// The attacker reads b's push topic too.
	spy := dialRaw(t, tr, ser)
	spy.send(&wamp.Subscribe{Request: spy.id(), Options: wamp.Dict{}, Topic: wamp.URI(topic)})
	expect[*wamp.Subscribed](t, spy)

	publish := func(i int) {
		t.Helper()
		args, kw := payload(i)
		require.NoError(t, a.Publish("com.forge", nil, args, kw))
		ev := eb.next(t, 5*time.Second)
		checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
	}
	publish(0)
	a.RotateAll()
	publish(1)
	genuine, err := keydist.DecodePush(expect[*wamp.Event](t, spy).ArgumentsKw)
	require.NoError(t, err)
	require.EqualValues(t, 1, b.Stats().KeyPushesAccepted)

	forge := func(mod func(p *keydist.KeyPush)) wamp.Dict {
		c := *genuine
		mod(&c)
		kw, err := keydist.EncodePush(&c)
		require.NoError(t, err)
		return kw
	}
	other := p.identity(t).Session.PublicKey32()
	forgeries := []wamp.Dict{
		forge(func(*keydist.KeyPush) {}),                                                 // replayed
		forge(func(p *keydist.KeyPush) { p.MAC[0] ^= 1 }),                                // forged MAC
		forge(func(p *keydist.KeyPush) { p.Box[3] ^= 1 }),                                // other box
		forge(func(p *keydist.KeyPush) { p.Realm[0] ^= 1 }),                              // wrong realm
		forge(func(p *keydist.KeyPush) { p.Role = "callee" }),                            // wrong role
		forge(func(p *keydist.KeyPush) { p.ExpiresAt++ }),                                // expiry changed
		forge(func(p *keydist.KeyPush) { p.IssuedAt -= 3_600_000 }),                      // stale
		forge(func(p *keydist.KeyPush) { p.ReaderCSPubKey = other }),                     // another reader's
		forge(func(p *keydist.KeyPush) { p.CSPubKey = other }),                           // unknown responder
		forge(func(p *keydist.KeyPush) { p.KeyID = "00000000000000ff." + p.KeyID[17:] }), // unknown key RPC
		{"v": uint64(1), "keyid": "garbage"},
	}
	for _, kw := range forgeries {
		spy.send(&wamp.Publish{Request: spy.id(), Options: wamp.Dict{}, Topic: wamp.URI(topic), ArgumentsKw: kw})
	}
	eventually(t, func() bool { return b.Stats().KeyPushesRejected == uint64(len(forgeries)) }, "every forgery refused")
	st := b.Stats()
	assert.EqualValues(t, 1, st.KeyPushesAccepted)
	want := map[string]uint64{
		"replay": 1, "bad_mac": 3, "wrong_domain": 1, "role": 1, "stale": 1, "not_ours": 1, "unknown_peer": 2, "malformed": 1,
	}
	assert.Equal(t, want, maps.Clone(st.KeyPushRejections))
	assert.Zero(t, logged.Load(), "a log line per forged push: anyone can flood the reader's log")

	// Nothing lost: the next keys arrive.
	a.RotateAll()
	publish(2)
	assert.EqualValues(t, 2, b.Stats().KeyPushesAccepted)
	assert.EqualValues(t, 1, b.Stats().KeyFetches)
}

// TestKeyPushRevokedReader: a reader revoked by the originator gets no
// push (and its fetch is refused); the others still get theirs.
func TestKeyPushRevokedReader(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	ser := serialize.CBOR
	cID := p.identity(t)
	a := newSession(t, tr, p, ser, nil)
	b := newSession(t, tr, p, ser, nil)
	c := newSession(t, tr, p, ser, nil, func(cfg *session.Config) { cfg.Identity = cID })
	eb, ec := newEvents(), newEvents()
	require.NoError(t, b.Subscribe("com.revpush", eb.handler, nil))
	require.NoError(t, c.Subscribe("com.revpush", ec.handler, nil))
	args, kw := payload(0)
	require.NoError(t, a.Publish("com.revpush", nil, args, kw))
	eb.next(t, 5*time.Second)
	ec.next(t, 5*time.Second)

	a.Revoke(cID.Delegate.Address()) // rotates what c fetched
	args, kw = payload(1)
	require.NoError(t, a.Publish("com.revpush", nil, args, kw))
	ev := eb.next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)
	assert.EqualValues(t, 1, b.Stats().KeyPushesAccepted)
	assert.EqualValues(t, 1, a.Stats().KeyPushesSent, "b only")
	eventually(t, func() bool { return c.Stats().KeyFetchFailures == 1 }, "c's fetch refused")
	assert.Zero(t, c.Stats().KeyPushesAccepted)
	assert.Empty(t, ec.ch)
}

// TestKeyPushDropped: a push that never arrives (the router refuses it
// here, as nexus drops events for a full queue) costs the reader a fetch,
// nothing more.
func TestKeyPushDropped(t *testing.T) {
	p := newPKI(t)
	tp := &tap{}
	tr := startNexusRouter(t, tp)
	defer tr.stop()
	ser := serialize.JSON
	a := newSession(t, tr, p, ser, nil)
	b := newSession(t, tr, p, ser, nil)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.drop", eb.handler, nil))
	args, kw := payload(0)
	require.NoError(t, a.Publish("com.drop", nil, args, kw))
	eb.next(t, 5*time.Second)

	tp.setMutate(func(_ *wamp.Session, msg wamp.Message) bool {
		pub, ok := msg.(*wamp.Publish)
		return !ok || len(pub.Topic) < 14 || pub.Topic[:14] != "e2ee.key.push."
	})
	a.RotateAll()
	args, kw = payload(1)
	require.NoError(t, a.Publish("com.drop", nil, args, kw))
	ev := eb.next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)
	assert.Zero(t, b.Stats().KeyPushesAccepted)
	assert.EqualValues(t, 2, b.Stats().KeyFetches, "fetched instead")
	assert.EqualValues(t, 1, a.Stats().KeyPushesSent)
}

// TestKeyPushOnlyPublications: call and result keys are not pushed (a CALL
// or YIELD passes through the router's dealer and could overtake a push
// sent through its broker): after each rotation they are fetched.
func TestKeyPushOnlyPublications(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	a := newSession(t, tr, p, ser, nil)
	b := newSession(t, tr, p, ser, nil)
	require.NoError(t, b.Register("com.pushcall.echo", func(_ context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: inv.Arguments}
	}, nil))
	const rounds = 3
	for i := range rounds {
		if i > 0 {
			a.RotateAll()
			b.RotateAll()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		args, kw := payload(i)
		res, err := a.Call(ctx, "com.pushcall.echo", nil, args, nil, nil)
		cancel()
		require.NoError(t, err)
		checkPayload(t, res.Arguments, kw, i)
	}
	for _, s := range []*session.Session{a, b} {
		st := s.Stats()
		assert.EqualValues(t, rounds, st.KeyFetches)
		assert.Zero(t, st.KeyPushesSent)
		assert.Zero(t, st.KeyPushesAccepted)
	}
}
