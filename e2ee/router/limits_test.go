package router_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// expectRefused reads the ERROR answering request req of type typ and checks
// the guard's reason.
func expectRefused(t *testing.T, c *rawClient, typ wamp.MessageType, req wamp.ID, reason router.Reason) *wamp.Error {
	t.Helper()
	e := expect[*wamp.Error](c)
	require.Equal(t, typ, e.Type)
	require.Equal(t, req, e.Request)
	require.Equal(t, reason.String(), e.Details["reason"])
	return e
}

// TestURIAndOptionLimits is issue 11's "300 × 1 MB subscriptions" and
// "2,000 CALLs with 500 KB options" scaled down: URIs longer than MaxURI and
// options larger than MaxOptions are refused before nexus keeps them; the
// session stays up.
func TestURIAndOptionLimits(t *testing.T) {
	r := startRouter(t, nil)
	c := dialJoin(t, r, tWS, serialize.MSGPACK)
	long := wamp.URI("a." + strings.Repeat("x", router.DefaultMaxURI))
	atLimit := wamp.URI("a." + strings.Repeat("x", router.DefaultMaxURI-2))

	for range 30 {
		req := c.nextReq()
		c.send(&wamp.Subscribe{Request: req, Options: wamp.Dict{}, Topic: long})
		expectRefused(t, c, wamp.SUBSCRIBE, req, router.ReasonURILength)
	}
	req := c.nextReq()
	c.send(&wamp.Register{Request: req, Options: wamp.Dict{}, Procedure: long})
	expectRefused(t, c, wamp.REGISTER, req, router.ReasonURILength)
	req = c.nextReq()
	c.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: long})
	expectRefused(t, c, wamp.CALL, req, router.ReasonURILength)
	req = c.nextReq()
	c.send(&wamp.Publish{Request: req, Options: wamp.Dict{"acknowledge": true}, Topic: long})
	expectRefused(t, c, wamp.PUBLISH, req, router.ReasonURILength)
	c.subscribe(string(atLimit))

	big := wamp.Dict{"junk": strings.Repeat("o", router.DefaultMaxOptions)}
	nested := wamp.Dict{"l": []any{map[string]any{"k": []byte(strings.Repeat("b", router.DefaultMaxOptions))}}}
	for _, opts := range []wamp.Dict{big, nested} {
		for range 20 {
			req := c.nextReq()
			c.send(&wamp.Call{Request: req, Options: opts, Procedure: "any.proc"})
			expectRefused(t, c, wamp.CALL, req, router.ReasonOptionsSize)
		}
		req := c.nextReq()
		c.send(&wamp.Subscribe{Request: req, Options: opts, Topic: "t"})
		expectRefused(t, c, wamp.SUBSCRIBE, req, router.ReasonOptionsSize)
	}
	st := r.Stats()
	assert.Equal(t, uint64(33), st.Rejected[router.ReasonURILength])
	assert.Equal(t, uint64(42), st.Rejected[router.ReasonOptionsSize])

	// A HELLO with huge details is aborted; a long realm too.
	for _, h := range []*wamp.Hello{
		{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(false), "x": strings.Repeat("h", router.MaxHelloDetails)}},
		{Realm: long, Details: wamp.Dict{"roles": pptRoles(false)}},
	} {
		p := dialPeer(t, r, tRaw, serialize.CBOR)
		raw := &rawClient{t: t, peer: p}
		raw.send(h)
		abort := expect[*wamp.Abort](raw)
		assert.Equal(t, wamp.ErrProtocolViolation, abort.Reason)
	}
	c.subscribe("still.alive")
}

// TestPendingCallsBounded is issue 11's pending-call flood scaled down: a
// session cannot have more than MaxPendingCalls calls in flight; answered
// calls free their slot; calls refused for disclose_me are answered by the
// guard and never held by nexus.
func TestPendingCallsBounded(t *testing.T) {
	const maxPending = 5
	r := startRouter(t, func(c *router.Config) { c.Guard.MaxPendingCalls = maxPending })
	callee := dialJoin(t, r, tRaw, serialize.CBOR)
	callee.register("slow.proc")
	caller := dialJoin(t, r, tWS, serialize.JSON)

	var invs []*wamp.Invocation
	for range maxPending {
		caller.send(&wamp.Call{Request: caller.nextReq(), Options: wamp.Dict{}, Procedure: "slow.proc"})
		invs = append(invs, expect[*wamp.Invocation](callee))
	}
	for range 20 {
		req := caller.nextReq()
		caller.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: "slow.proc"})
		expectRefused(t, caller, wamp.CALL, req, router.ReasonPendingCalls)
	}
	callee.send(&wamp.Yield{Request: invs[0].Request, Options: wamp.Dict{}, Arguments: wamp.List{"done"}})
	expect[*wamp.Result](caller)
	req := caller.nextReq()
	caller.send(&wamp.Call{Request: req, Options: wamp.Dict{}, Procedure: "slow.proc"})
	expect[*wamp.Invocation](callee)

	// disclose_me on a realm that does not allow it: the guard answers, and
	// the refused calls take no slot.
	caller2 := dialJoin(t, r, tWS, serialize.MSGPACK)
	for range 3 * maxPending {
		req := caller2.nextReq()
		caller2.send(&wamp.Call{Request: req, Options: wamp.Dict{wamp.OptDiscloseMe: true}, Procedure: "slow.proc"})
		e := expectRefused(t, caller2, wamp.CALL, req, router.ReasonDiscloseMe)
		assert.Equal(t, wamp.ErrOptionDisallowedDiscloseMe, e.Error)
	}
	for range maxPending {
		caller2.send(&wamp.Call{Request: caller2.nextReq(), Options: wamp.Dict{}, Procedure: "slow.proc"})
		expect[*wamp.Invocation](callee)
	}
	assert.Equal(t, uint64(3*maxPending), r.Stats().Rejected[router.ReasonDiscloseMe])
}

// dialFrom opens a websocket WAMP connection from a given loopback address;
// it returns the HTTP status of a refused upgrade (0 on success).
func dialFrom(t *testing.T, r *router.Router, local string) (*websocket.Conn, int) {
	t.Helper()
	d := websocket.Dialer{
		Subprotocols:   []string{"wamp.2.json"},
		NetDialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}}).DialContext,
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	conn, resp, err := d.DialContext(ctx, addrOf(t, r, tWS), nil)
	if err != nil {
		require.NotNil(t, resp, "dial: %v", err)
		return nil, resp.StatusCode
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn, 0
}

// TestConnectionCaps is issue 11's 19,980 sessions scaled down: connections
// beyond MaxConnsPerAddr from one address or MaxConns in total are refused
// before their handshake (websocket 503, rawsocket error 4) and counted; a
// closed connection frees its slot.
func TestConnectionCaps(t *testing.T) {
	r := startRouter(t, func(c *router.Config) {
		c.MaxConns = 3
		c.MaxConnsPerAddr = 2
	})
	a1, code := dialFrom(t, r, "127.0.0.1")
	require.Zero(t, code)
	_, code = dialFrom(t, r, "127.0.0.1")
	require.Zero(t, code)
	_, code = dialFrom(t, r, "127.0.0.1")
	assert.Equal(t, http.StatusServiceUnavailable, code, "third from one address")
	_, code = dialFrom(t, r, "127.0.0.2")
	require.Zero(t, code)
	_, code = dialFrom(t, r, "127.0.0.3")
	assert.Equal(t, http.StatusServiceUnavailable, code, "fourth in total")

	// Rawsocket: the handshake reply "maximum connection count reached".
	u, err := url.Parse(addrOf(t, r, tRaw))
	require.NoError(t, err)
	c, err := net.Dial("tcp", u.Host)
	require.NoError(t, err)
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(waitTimeout))
	_, err = c.Write([]byte{0x7f, 0xf1, 0, 0})
	require.NoError(t, err)
	reply, err := io.ReadAll(c)
	require.NoError(t, err)
	assert.Equal(t, []byte{0x7f, 0x40, 0, 0}, reply)
	assert.Equal(t, uint64(3), r.Stats().ConnsRefused)

	// Closing a connection frees its slot.
	require.NoError(t, a1.Close())
	require.Eventually(t, func() bool {
		conn, code := dialFrom(t, r, "127.0.0.3")
		if conn != nil {
			_ = conn.Close()
		}
		return code == 0
	}, waitTimeout, 20*time.Millisecond)
}
