package test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

type allowAll struct{}

func (allowAll) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	return e2ee.TrustDecision{Delegate: req.Chain.DelegateAddress()}, nil
}

func pptOptions(d wamp.Dict) wamp.Dict {
	o := wamp.Dict{}
	for k, v := range d {
		if len(k) > 4 && k[:4] == "ppt_" {
			o[k] = v
		}
	}
	return o
}

func flip(args wamp.List) wamp.List {
	b := append([]byte(nil), args[0].([]byte)...)
	b[len(b)-1] ^= 1
	return wamp.List{b}
}

// TestMaliciousRouterAndPeer: an active router (the tap rewriting messages)
// and a malicious peer modify ciphertext, replay it, redirect it, swap key
// ids, squat key RPCs and forge key responses. Every attack is detected and
// counted by the honest nodes, and honest traffic keeps flowing.
func TestMaliciousRouterAndPeer(t *testing.T) {
	p := newPKI(t)
	tr := startNexusRouter(t, nil) // the router is the adversary
	defer tr.stop()
	ser := serialize.MSGPACK

	// Key-RPC squatting: the attacker registers a's (predictable) key RPC first.
	loc, err := envelope.NewLocator()
	require.NoError(t, err)
	squatter := dialRaw(t, tr, ser)
	squatter.register(t, loc.KeyRPCURI(session.DefaultKeyRPCPrefix))
	a := newSession(t, tr, p, ser, nil, func(c *session.Config) { c.Default.Locator = loc })
	assert.EqualValues(t, 1, a.Stats().KeyRPCRetries, "a moved to a new locator")
	assert.NotEqual(t, loc.KeyRPCURI(session.DefaultKeyRPCPrefix), a.KeyRPCURIs()[0])

	b := newSession(t, tr, p, ser, nil)
	topics := []string{"com.atk.a", "com.atk.b", "com.atk.flip", "com.atk.ok"}
	ev := map[string]*events{}
	for _, tp := range topics {
		ev[tp] = newEvents()
		require.NoError(t, b.Subscribe(tp, ev[tp].handler, nil))
	}
	spy := dialRaw(t, tr, ser)
	spySub := spy.subscribe(t, "com.atk.a")
	spy.subscribe(t, "com.atk.b")

	args, kw := payload(1)
	for _, tp := range []string{"com.atk.a", "com.atk.b"} {
		require.NoError(t, a.Publish(tp, nil, args, kw))
		ev[tp].next(t, 5*time.Second)
	}
	var capA, capB *wamp.Event
	for capA == nil || capB == nil {
		e := expect[*wamp.Event](t, spy)
		if e.Subscription == spySub {
			capA = e
		} else {
			capB = e
		}
	}
	rejected := func(reason string) uint64 { return b.Stats().Rejected[reason] }

	// 1. Modified ciphertext (the router flips a bit).
	tr.tap.setMutate(func(_ *wamp.Session, m wamp.Message) bool {
		if pub, ok := m.(*wamp.Publish); ok && pub.Topic == "com.atk.flip" {
			pub.Arguments = flip(pub.Arguments)
		}
		return true
	})
	require.NoError(t, a.Publish("com.atk.flip", nil, args, kw))
	eventually(t, func() bool { return rejected(envelope.ErrorURIBadMAC) == 1 }, "bad mac counted")
	tr.tap.setMutate(nil)

	// 2. Replay of a captured event to its topic.
	spy.send(&wamp.Publish{Request: spy.id(), Options: pptOptions(capA.Details), Topic: "com.atk.a", Arguments: capA.Arguments})
	eventually(t, func() bool { return rejected(envelope.ErrorURIReplay) == 1 }, "replay counted")

	// 3. Redirect to another topic (b holds both keys).
	spy.send(&wamp.Publish{Request: spy.id(), Options: pptOptions(capA.Details), Topic: "com.atk.b", Arguments: capA.Arguments})
	// The key's verified scope (com.atk.a) already refuses it, before the MAC.
	eventually(t, func() bool { return rejected(envelope.ErrorURIKeyScope) == 1 }, "redirect counted")

	// 4. Swapped ppt_keyid (another key b holds).
	o := pptOptions(capA.Details)
	o[envelope.OptKeyID] = capB.Details[envelope.OptKeyID]
	spy.send(&wamp.Publish{Request: spy.id(), Options: o, Topic: "com.atk.a", Arguments: capA.Arguments})
	// b holds that key only for com.atk.b: refused by its scope.
	eventually(t, func() bool { return rejected(envelope.ErrorURIKeyScope) == 2 }, "swapped key id counted")

	// 5. Plaintext injected on an encrypted topic.
	spy.send(&wamp.Publish{Request: spy.id(), Options: wamp.Dict{}, Topic: "com.atk.a", Arguments: wamp.List{string(marker)}})
	eventually(t, func() bool { return rejected(session.ReasonPlaintext) == 1 }, "plaintext counted")

	// 6. A rogue node (untrusted root, answers key requests with a validly
	// signed response under its own chain) publishes on a topic b reads.
	rogue := newPKI(t)
	r := newSession(t, tr, rogue, ser, nil, func(c *session.Config) { c.KeyPolicy.Trust = allowAll{} })
	require.NoError(t, r.Publish("com.atk.a", nil, args, kw))
	eventually(t, func() bool { return rejected(session.ReasonKeyFetch) == 1 }, "forged key response counted")
	assert.EqualValues(t, 1, r.Stats().KeyRequestsServed, "the rogue answered")
	assert.GreaterOrEqual(t, b.Stats().KeyFetchFailures, uint64(1))

	// 7. The router redirects a CALL to another procedure of the callee.
	for _, proc := range []string{"com.atk.p1", "com.atk.p2"} {
		require.NoError(t, b.Register(proc, func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
			return client.InvokeResult{Args: wamp.List{"ok"}}
		}, nil))
	}
	tr.tap.setMutate(func(_ *wamp.Session, m wamp.Message) bool {
		if c, ok := m.(*wamp.Call); ok && c.Procedure == "com.atk.p1" {
			c.Procedure = "com.atk.p2"
		}
		return true
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = a.Call(ctx, "com.atk.p1", nil, args, kw, nil)
	require.Error(t, err)
	assert.NotZero(t, a.Stats().KeyDenials["wamp.e2ee.error.key_request.unknown_key"], "a refused the key for the wrong procedure: %v", a.Stats().KeyDenials)
	tr.tap.setMutate(nil)

	// Honest traffic still flows, nothing else was delivered, no plaintext leaked.
	for range 3 {
		require.NoError(t, a.Publish("com.atk.ok", nil, args, kw))
		e := ev["com.atk.ok"].next(t, 5*time.Second)
		checkPayload(t, e.Arguments, e.ArgumentsKw, 1)
	}
	res, err := a.Call(ctx, "com.atk.p1", nil, args, kw, nil)
	require.NoError(t, err)
	assert.Equal(t, wamp.List{"ok"}, res.Arguments)
	for _, tp := range []string{"com.atk.a", "com.atk.b", "com.atk.flip"} {
		ev[tp].none(t, 10*time.Millisecond)
	}
	t.Logf("b rejected: %v; a denials: %v", b.Stats().Rejected, a.Stats().KeyDenials)
	leaks, _ := tr.tap.leaks(marker)
	assert.EqualValues(t, 1, leaks, "only the injected plaintext (by the attacker) contains the marker")
}

// TestAdversarialClient: malformed EVENT and INVOCATION messages (wrong types
// in every ppt_* option, missing or non-binary payloads, garbage) reach a
// node through a malicious link and through the router; it drops and counts
// them and keeps serving.
func TestAdversarialClient(t *testing.T) {
	for _, sc := range serializers {
		t.Run(sc.name, func(t *testing.T) {
			p := newPKI(t)
			tr := startRouter(t, "127.0.0.1:0", nil)
			defer tr.stop()
			var inj *injectPeer
			a := newSession(t, tr, p, sc.ser, nil)
			b := newSession(t, tr, p, sc.ser, nil, func(c *session.Config) {
				c.Dial = dialer(tr, sc.ser, func(pe wamp.Peer) wamp.Peer { inj = newInjectPeer(pe); return inj })
			})
			eb := newEvents()
			require.NoError(t, b.Subscribe("com.adv", eb.handler, nil))
			require.NoError(t, b.Register("com.adv.proc", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
				return client.InvokeResult{Args: inv.Arguments}
			}, nil))
			args, kw := payload(1)
			require.NoError(t, a.Publish("com.adv", nil, args, kw)) // b learns a's key
			eb.next(t, 5*time.Second)
			sub, _ := b.Client().SubscriptionID("com.adv")
			reg, _ := b.Client().RegistrationID("com.adv.proc")

			good := wamp.Dict{"ppt_scheme": "wamp", "ppt_serializer": "cbor", "ppt_cipher": "xsalsa20poly1305",
				"ppt_keyid": "0123456789abcdef.00112233445566778899aabbccddeeff"}
			with := func(k string, v any) wamp.Dict {
				d := wamp.Dict{}
				maps.Copy(d, good)
				if v == nil {
					delete(d, k)
				} else {
					d[k] = v
				}
				return d
			}
			type bad struct {
				details wamp.Dict
				args    wamp.List
				kwargs  wamp.Dict
			}
			blob := make([]byte, 64)
			var cases []bad
			for _, k := range []string{"ppt_scheme", "ppt_serializer", "ppt_cipher", "ppt_keyid"} {
				for _, v := range []any{7, 1.5, true, wamp.List{"x"}, wamp.Dict{"a": 1}, []byte("wamp"), "", "bogus"} {
					cases = append(cases, bad{with(k, v), wamp.List{blob}, nil})
				}
				cases = append(cases, bad{with(k, nil), wamp.List{blob}, nil})
			}
			for _, a := range []wamp.List{nil, {}, {"not base64 !"}, {7}, {nil}, {blob, blob}, {wamp.Dict{}}, {[]byte{1, 2}}, {"\x00AAAA"}} {
				cases = append(cases, bad{good, a, nil})
			}
			cases = append(cases, bad{good, wamp.List{blob}, wamp.Dict{"leak": string(marker)}})
			cases = append(cases, bad{wamp.Dict{"ppt_scheme": 1}, nil, nil}, bad{nil, nil, nil})

			for i, c := range cases {
				inj.inj <- &wamp.Event{Subscription: sub, Publication: wamp.ID(1000 + i), Details: c.details, Arguments: c.args, ArgumentsKw: c.kwargs}
				inj.inj <- &wamp.Invocation{Request: wamp.ID(5000 + i), Registration: reg, Details: c.details, Arguments: c.args, ArgumentsKw: c.kwargs}
				inj.inj <- &wamp.Event{Subscription: 999999, Details: c.details, Arguments: c.args}
			}
			// Through the guarded router, too: every case, including the
			// non-string ppt_* options that would panic nexus itself.
			raw := dialRaw(t, tr, sc.ser)
			sent := 0
			for _, c := range cases {
				if len(c.details) > 0 {
					raw.send(&wamp.Publish{Request: raw.id(), Options: c.details, Topic: "com.adv", Arguments: c.args, ArgumentsKw: c.kwargs})
					sent++
				}
			}
			eventually(t, func() bool { return tr.guarded.Stats().TotalRejected() > 0 }, "guard rejections")

			// Still serving.
			eventually(t, func() bool {
				_ = a.Publish("com.adv", nil, args, kw)
				select {
				case e := <-eb.ch:
					if len(e.Arguments) == 3 && e.Arguments[0] == string(marker) && e.ArgumentsKw["m"] == string(marker) {
						return true
					}
					t.Fatalf("malformed event delivered: %v %v", e.Arguments, e.ArgumentsKw)
				case <-time.After(20 * time.Millisecond):
				}
				return false
			}, "honest event after the flood")
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			res, err := a.Call(ctx, "com.adv.proc", nil, args, nil, nil)
			require.NoError(t, err)
			checkPayload(t, res.Arguments, kw, 1)
			st := b.Stats()
			t.Logf("%d cases (%d through the router); b rejected %v; guard rejected %d", len(cases), sent, st.Rejected, tr.guarded.Stats().TotalRejected())
			assert.GreaterOrEqual(t, st.TotalRejected(), uint64(2*len(cases)))
		})
	}
}
