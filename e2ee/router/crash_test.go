package router_test

import (
	"io"
	"log"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// stillServes checks that the router answers a new session's meta call.
func stillServes(t *testing.T, r *router.Router) {
	t.Helper()
	c := dialJoin(t, r, tWS, serialize.CBOR)
	req := c.nextReq()
	c.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: wamp.MetaProcSessionCount})
	require.Equal(t, req, expect[*wamp.Result](c).Request)
}

// sessionCount asks the router, through c, how many sessions it has.
func sessionCount(t *testing.T, c *rawClient) int64 {
	t.Helper()
	req := c.nextReq()
	c.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: wamp.MetaProcSessionCount})
	res := expect[*wamp.Result](c)
	require.Equal(t, req, res.Request)
	require.Len(t, res.Arguments, 1)
	n, ok := wamp.AsInt64(res.Arguments[0])
	require.True(t, ok, "session count %v", res.Arguments[0])
	return n
}

// TestRoutingOptionsChecked: nexus stores any "invoke" policy and panics on
// the first CALL to a procedure two callees registered under an unknown one
// (N8); the guard refuses such a REGISTER (and an unknown "match" on
// REGISTER or SUBSCRIBE) with an ERROR, and the router keeps serving.
func TestRoutingOptionsChecked(t *testing.T) {
	r := startRouter(t, nil)
	cases := []struct {
		name string
		msg  func(req wamp.ID) wamp.Message
		typ  wamp.MessageType
	}{
		{"register invoke bogus", func(req wamp.ID) wamp.Message {
			return &wamp.Register{Request: req, Options: wamp.Dict{wamp.OptInvoke: "bogus"}, Procedure: "evil.proc"}
		}, wamp.REGISTER},
		{"register invoke not a string", func(req wamp.ID) wamp.Message {
			return &wamp.Register{Request: req, Options: wamp.Dict{wamp.OptInvoke: 7}, Procedure: "evil.proc"}
		}, wamp.REGISTER},
		{"register match bogus", func(req wamp.ID) wamp.Message {
			return &wamp.Register{Request: req, Options: wamp.Dict{wamp.OptMatch: "regex"}, Procedure: "evil.proc"}
		}, wamp.REGISTER},
		{"subscribe match bogus", func(req wamp.ID) wamp.Message {
			return &wamp.Subscribe{Request: req, Options: wamp.Dict{wamp.OptMatch: []byte("prefix")}, Topic: "evil.topic"}
		}, wamp.SUBSCRIBE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, kind := range []transportKind{tWS, tRaw} {
				cl := dialJoin(t, r, kind, serialize.MSGPACK)
				req := cl.nextReq()
				cl.send(c.msg(req))
				e := expect[*wamp.Error](cl)
				assert.Equal(t, c.typ, e.Type)
				assert.Equal(t, req, e.Request)
				assert.Equal(t, router.ReasonPolicyOption.String(), e.Details["reason"])
			}
		})
	}
	// Every WAMP policy still registers; two callees under roundrobin share
	// the procedure and a CALL reaches one of them.
	a, b := dialJoin(t, r, tWS, serialize.CBOR), dialJoin(t, r, tRaw, serialize.MSGPACK)
	for _, cl := range []*rawClient{a, b} {
		req := cl.nextReq()
		cl.send(&wamp.Register{Request: req, Options: wamp.Dict{wamp.OptInvoke: wamp.InvokeRoundRobin, wamp.OptMatch: wamp.MatchExact}, Procedure: "fair.proc"})
		require.Equal(t, req, expect[*wamp.Registered](cl).Request)
	}
	caller := dialJoin(t, r, tWS, serialize.JSON)
	caller.send(&wamp.Call{Request: caller.nextReq(), Options: wamp.Dict{}, Procedure: "fair.proc"})
	inv := expect[*wamp.Invocation](a)
	a.send(&wamp.Yield{Request: inv.Request, Options: wamp.Dict{}})
	expect[*wamp.Result](caller)
	assert.EqualValues(t, len(cases)*2, r.Stats().Rejected[router.ReasonPolicyOption])
	stillServes(t, r)
}

// TestTestamentsRefused: nexus publishes a testament later from its meta
// session, past the guard; with ppt_* publish options that ends the meta
// session and the next meta CALL panics the router (N9). The guard refuses
// CALLs to the testament procedures.
func TestTestamentsRefused(t *testing.T) {
	r := startRouter(t, nil)
	evil := dialJoin(t, r, tWS, serialize.CBOR)
	for _, proc := range []wamp.URI{wamp.MetaProcSessionAddTestament, wamp.MetaProcSessionFlushTestaments} {
		req := evil.nextReq()
		evil.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: proc,
			Arguments:   wamp.List{"any.topic", wamp.List{[]byte{1}}, wamp.Dict{}},
			ArgumentsKw: wamp.Dict{"publish_options": wamp.Dict{"ppt_scheme": "wamp", "ppt_serializer": "native", "ppt_cipher": 7, "ppt_keyid": "k"}}})
		e := expect[*wamp.Error](evil)
		assert.Equal(t, req, e.Request)
		assert.Equal(t, router.ReasonMetaProcedure.String(), e.Details["reason"])
	}
	obs := dialJoin(t, r, tWS, serialize.CBOR)
	withEvil := sessionCount(t, obs)
	evil.send(&wamp.Goodbye{Reason: wamp.CloseNormal, Details: wamp.Dict{}}) // a testament would fire now
	expect[*wamp.Goodbye](evil)
	// The router has removed evil's session (and fired its testaments) once
	// the session count drops.
	require.Eventually(t, func() bool { return sessionCount(t, obs) == withEvil-1 }, 5*time.Second, 5*time.Millisecond)
	stillServes(t, r)
	stillServes(t, r)
}

// TestInProcessSubscriberGetsBytes: a valid PPT event from a network
// publisher reaches an in-process nexus client (client.ConnectLocal) with
// its payload as []byte, which that client unpacks; network receivers
// still get BinaryData's wire forms. nexus's client asserts []byte and would panic, in the router's
// process, on the BinaryData the guard forwards to network peers.
func TestInProcessSubscriberGetsBytes(t *testing.T) {
	r := startRouter(t, nil)
	cl, err := client.ConnectLocal(r, client.Config{Realm: testRealm, Logger: log.New(io.Discard, "", 0)})
	require.NoError(t, err)
	defer cl.Close()
	got := make(chan *wamp.Event, 1)
	require.NoError(t, cl.Subscribe("honest.topic", func(ev *wamp.Event) { got <- ev }, nil))
	netSub := dialJoin(t, r, tWS, serialize.JSON)
	netSub.subscribe("honest.topic")
	pub := dialJoin(t, r, tWS, serialize.CBOR)
	pub.send(&wamp.Publish{Request: pub.nextReq(), Options: pptOpts(wamp.OptAcknowledge, true), Topic: "honest.topic", Arguments: wamp.List{[]byte{0xa0}}})
	expect[*wamp.Published](pub)
	select {
	case ev := <-got:
		// nexus's client unpacked the payload (CBOR {}: no arguments).
		assert.Empty(t, ev.Arguments)
		assert.Empty(t, ev.ArgumentsKw)
	case <-time.After(5 * time.Second):
		t.Fatal("the in-process subscriber got nothing")
	}
	ev := expect[*wamp.Event](netSub)
	require.Len(t, ev.Arguments, 1)
	assert.Equal(t, "\x00oA==", ev.Arguments[0], `JSON receivers get "\u0000"+base64`)
	stillServes(t, r)
}
