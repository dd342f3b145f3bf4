package router_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

const (
	testRealm   = "realm1"
	waitTimeout = 5 * time.Second
)

// quietLogger discards router logs unless -v is given with ROUTER_TEST_LOG.
func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// startRouter starts a router with a websocket and a rawsocket listener on
// loopback; mod may adjust the config first.
func startRouter(t testing.TB, mod func(*router.Config)) *router.Router {
	t.Helper()
	cfg := router.Config{
		Realms: []router.RealmConfig{{Name: testRealm}},
		Listeners: []router.ListenerConfig{
			{URL: "ws://127.0.0.1:0/ws"},
			{URL: "tcp://127.0.0.1:0"},
		},
		Logger: quietLogger(),
	}
	if mod != nil {
		mod(&cfg)
	}
	r, err := router.New(cfg)
	require.NoError(t, err)
	t.Cleanup(r.Close)
	return r
}

// transportKind names the two network transports.
type transportKind string

const (
	tWS  transportKind = "ws"
	tRaw transportKind = "tcp"
)

func addrOf(t testing.TB, r *router.Router, kind transportKind) string {
	t.Helper()
	for _, a := range r.Addrs() {
		if strings.HasPrefix(a, string(kind)+"://") {
			return a
		}
	}
	t.Fatalf("router has no %s listener: %v", kind, r.Addrs())
	return ""
}

var serializations = []struct { //nolint:gochecknoglobals // test table
	name string
	s    serialize.Serialization
}{
	{"cbor", serialize.CBOR},
	{"msgpack", serialize.MSGPACK},
	{"json", serialize.JSON},
}

// dialPeer connects a nexus transport peer (no client logic) to r.
func dialPeer(t testing.TB, r *router.Router, kind transportKind, s serialize.Serialization) wamp.Peer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	logger := log.New(io.Discard, "", 0)
	var p wamp.Peer
	var err error
	switch kind {
	case tWS:
		p, err = transport.ConnectWebsocketPeer(ctx, addrOf(t, r, tWS), s, nil, logger, nil)
	case tRaw:
		u, perr := url.Parse(addrOf(t, r, tRaw))
		require.NoError(t, perr)
		p, err = transport.ConnectRawSocketPeer(ctx, "tcp", u.Host, s, nil, logger, 0)
	}
	require.NoError(t, err)
	t.Cleanup(p.Close)
	return p
}

// rawClient speaks WAMP message by message over a transport peer.
type rawClient struct {
	t    testing.TB
	peer wamp.Peer
	json bool
	req  wamp.ID
}

func pptRoles(ppt bool) wamp.Dict {
	roles := wamp.Dict{}
	for _, role := range []string{"publisher", "subscriber", "caller", "callee"} {
		features := wamp.Dict{}
		if ppt {
			features[wamp.FeaturePayloadPassthruMode] = true
		}
		roles[role] = wamp.Dict{"features": features}
	}
	return roles
}

// join sends HELLO (announcing payload passthru mode for all roles if ppt)
// and waits for WELCOME.
func join(t testing.TB, peer wamp.Peer, ppt bool) *rawClient {
	t.Helper()
	c := &rawClient{t: t, peer: peer}
	c.send(&wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(ppt)}})
	expect[*wamp.Welcome](c)
	return c
}

func dialJoin(t testing.TB, r *router.Router, kind transportKind, s serialize.Serialization) *rawClient {
	t.Helper()
	c := join(t, dialPeer(t, r, kind, s), true)
	c.json = s == serialize.JSON
	return c
}

func (c *rawClient) send(msg wamp.Message) {
	c.t.Helper()
	select {
	case c.peer.Send() <- msg:
	case <-time.After(waitTimeout):
		c.t.Fatalf("send %s: blocked", msg.MessageType())
	}
}

func (c *rawClient) nextReq() wamp.ID {
	c.req++
	return c.req
}

// recv returns the next message, nil if the connection closed, and fails
// the test after waitTimeout.
func (c *rawClient) recv() wamp.Message {
	c.t.Helper()
	select {
	case msg, ok := <-c.peer.Recv():
		if !ok {
			return nil
		}
		return msg
	case <-time.After(waitTimeout):
		c.t.Fatal("timeout waiting for a message")
		return nil
	}
}

func expect[T wamp.Message](c *rawClient) T {
	c.t.Helper()
	msg := c.recv()
	m, ok := msg.(T)
	if !ok {
		var zero T
		c.t.Fatalf("expected %T, got %#v", zero, msg)
	}
	return m
}

func (c *rawClient) subscribe(topic string) wamp.ID {
	c.t.Helper()
	req := c.nextReq()
	c.send(&wamp.Subscribe{Request: req, Options: wamp.Dict{}, Topic: wamp.URI(topic)})
	m := expect[*wamp.Subscribed](c)
	require.Equal(c.t, req, m.Request)
	return m.Subscription
}

func (c *rawClient) register(proc string) wamp.ID {
	c.t.Helper()
	req := c.nextReq()
	c.send(&wamp.Register{Request: req, Options: wamp.Dict{}, Procedure: wamp.URI(proc)})
	m := expect[*wamp.Registered](c)
	require.Equal(c.t, req, m.Request)
	return m.Registration
}

// pptOpts returns valid e2ee-node PPT options plus extra key/values.
func pptOpts(extra ...any) wamp.Dict {
	return with(validOpts(), extra...)
}

// payloadBytes extracts the binary payload of a received message, accepting
// the JSON forms ("\u0000"+base64 and plain base64).
func payloadBytes(t testing.TB, args wamp.List) []byte {
	t.Helper()
	require.Len(t, args, 1)
	switch v := args[0].(type) {
	case []byte:
		return v
	case string:
		s := strings.TrimPrefix(v, "\x00")
		b, err := base64.StdEncoding.DecodeString(s)
		require.NoError(t, err)
		return b
	}
	t.Fatalf("payload of type %T", args[0])
	return nil
}

// honestPair is a raw publisher and a raw subscriber (not nexus clients: their
// built-in PPT handling panics on hostile input, N2–N4).
type honestPair struct {
	pub, sub *rawClient
	topic    string
	n        int
}

func newHonestPair(t testing.TB, r *router.Router) *honestPair {
	t.Helper()
	h := &honestPair{
		pub:   dialJoin(t, r, tWS, serialize.CBOR),
		sub:   dialJoin(t, r, tRaw, serialize.CBOR),
		topic: "honest.topic",
	}
	h.sub.subscribe(h.topic)
	return h
}

// roundTrip publishes one valid PPT event and checks that the subscriber
// receives it intact.
func (h *honestPair) roundTrip(t testing.TB) {
	t.Helper()
	h.n++
	payload := bytes.Repeat([]byte{byte(h.n)}, 64)
	req := h.pub.nextReq()
	h.pub.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true), Topic: wamp.URI(h.topic), Arguments: wamp.List{payload}})
	require.Equal(t, req, expect[*wamp.Published](h.pub).Request)
	ev := expect[*wamp.Event](h.sub)
	require.Equal(t, "wamp", ev.Details[router.OptScheme])
	require.Equal(t, "cbor", ev.Details[router.OptSerializer])
	require.Equal(t, "xsalsa20poly1305", ev.Details[router.OptCipher])
	require.Equal(t, testKeyID, ev.Details[router.OptKeyID])
	require.Equal(t, payload, payloadBytes(t, ev.Arguments))
	require.Empty(t, ev.ArgumentsKw)
}
