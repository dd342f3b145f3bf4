package router_test

import (
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

func serializerFor(s serialize.Serialization) serialize.Serializer {
	switch s {
	case serialize.JSON:
		return &serialize.JSONSerializer{}
	case serialize.MSGPACK:
		return &serialize.MessagePackSerializer{}
	default:
		return &serialize.CBORSerializer{}
	}
}

var subprotocols = map[serialize.Serialization]string{ //nolint:gochecknoglobals // test table
	serialize.CBOR: "wamp.2.cbor", serialize.MSGPACK: "wamp.2.msgpack", serialize.JSON: "wamp.2.json",
}

// wsRaw is a gorilla websocket client that writes arbitrary frames.
type wsRaw struct {
	t    *testing.T
	conn *websocket.Conn
	ser  serialize.Serializer
	ft   int
}

func dialWSRaw(t *testing.T, r *router.Router, s serialize.Serialization) *wsRaw {
	t.Helper()
	d := websocket.Dialer{Subprotocols: []string{subprotocols[s]}}
	conn, _, err := d.Dial(addrOf(t, r, tWS), nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	ft := websocket.BinaryMessage
	if s == serialize.JSON {
		ft = websocket.TextMessage
	}
	w := &wsRaw{t: t, conn: conn, ser: serializerFor(s), ft: ft}
	w.write(&wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(true)}})
	_, ok := w.read().(*wamp.Welcome)
	require.True(t, ok)
	return w
}

func (w *wsRaw) write(msg wamp.Message) {
	b, err := w.ser.Serialize(msg)
	require.NoError(w.t, err)
	require.NoError(w.t, w.conn.WriteMessage(w.ft, b))
}

// read returns the next message, or nil if the connection closed.
func (w *wsRaw) read() wamp.Message {
	_ = w.conn.SetReadDeadline(time.Now().Add(waitTimeout))
	_, b, err := w.conn.ReadMessage()
	if err != nil {
		return nil
	}
	msg, err := w.ser.Deserialize(b)
	require.NoError(w.t, err)
	return msg
}

// alive reports whether the session still answers an acknowledged publish.
func (w *wsRaw) alive(req wamp.ID) bool {
	if err := w.conn.WriteMessage(w.ft, mustSerialize(w.t, w.ser, &wamp.Publish{Request: req, Options: wamp.Dict{wamp.OptAcknowledge: true}, Topic: "plain"})); err != nil {
		return false
	}
	msg := w.read()
	p, ok := msg.(*wamp.Published)
	return ok && p.Request == req
}

func mustSerialize(t testing.TB, s serialize.Serializer, msg wamp.Message) []byte {
	b, err := s.Serialize(msg)
	require.NoError(t, err)
	return b
}

// TestGarbageWebsocketFrames writes invalid serializations, truncated
// messages and oversized frames on websocket sessions of each serializer.
// Either the session survives (nexus skips what it cannot decode) or the
// connection is closed; the router keeps serving the honest pair.
func TestGarbageWebsocketFrames(t *testing.T) {
	r := startRouter(t, func(c *router.Config) { c.MaxMessageSize = 64 << 10 })
	honest := newHonestPair(t, r)
	for _, ser := range serializations {
		t.Run(ser.name, func(t *testing.T) {
			valid := mustSerialize(t, serializerFor(ser.s), &wamp.Publish{Request: 99, Options: pptOpts(wamp.OptAcknowledge, true), Topic: "x", Arguments: wamp.List{[]byte("payload")}})
			nested := strings.Repeat("[", 60000)
			frames := map[string][]byte{
				"empty":               {},
				"random":              {0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x13, 0x37},
				"truncated message":   valid[:len(valid)/2],
				"truncated by 1":      valid[:len(valid)-1],
				"invalid json":        []byte(`[16, 1, {"ppt_scheme": "wamp", `),
				"json not a list":     []byte(`{"a": 1}`),
				"json bad type":       []byte(`[-1, 1, {}, "t"]`),
				"json float type":     []byte(`[16.5, 1, {}, "t"]`),
				"json unknown type":   []byte(`[255, 1, {}, "t"]`),
				"json wrong fields":   []byte(`[16, "x", [], {}]`),
				"json nested":         []byte(nested),
				"cbor garbage":        {0x9f, 0x10, 0xff, 0xff, 0xbf, 0x5f, 0x41},
				"cbor huge array":     {0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
				"cbor huge bytes":     {0x82, 0x10, 0x5b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
				"cbor nested":         bytes.Repeat([]byte{0x81}, 60000),
				"cbor tag loop":       bytes.Repeat([]byte{0xd8, 0x1e}, 30000),
				"msgpack huge array":  {0xdd, 0xff, 0xff, 0xff, 0xff},
				"msgpack huge map":    {0xdf, 0xff, 0xff, 0xff, 0xff},
				"msgpack ext":         {0x92, 0x10, 0xd4, 0x05, 0x00},
				"msgpack nested":      bytes.Repeat([]byte{0x91}, 60000),
				"msgpack bad str len": {0x93, 0x10, 0x01, 0xdb, 0xff, 0xff, 0xff, 0xff},
			}
			w := dialWSRaw(t, r, ser.s)
			req := wamp.ID(1000)
			for name, f := range frames {
				for _, ft := range []int{websocket.BinaryMessage, websocket.TextMessage} {
					if err := w.conn.WriteMessage(ft, f); err == nil && w.alive(req) {
						req++
						continue
					}
					t.Logf("%s: connection closed", name)
					w = dialWSRaw(t, r, ser.s)
				}
				honest.roundTrip(t)
			}
			// A frame over MaxMessageSize closes the connection.
			big := make([]byte, 65<<10)
			require.NoError(t, w.conn.WriteMessage(w.ft, big))
			assert.Nil(t, w.read(), "oversized frame must close the connection")
			honest.roundTrip(t)
		})
	}
}

// rawTCP speaks the rawsocket framing by hand.
type rawTCP struct {
	t    *testing.T
	conn net.Conn
	ser  serialize.Serializer
}

func dialRawTCP(t *testing.T, r *router.Router) net.Conn {
	t.Helper()
	u, err := url.Parse(addrOf(t, r, tRaw))
	require.NoError(t, err)
	c, err := net.Dial("tcp", u.Host)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	_ = c.SetDeadline(time.Now().Add(waitTimeout))
	return c
}

// handshakeRawTCP performs the CBOR rawsocket handshake and joins.
func handshakeRawTCP(t *testing.T, r *router.Router) *rawTCP {
	c := dialRawTCP(t, r)
	_, err := c.Write([]byte{0x7f, 0xf3, 0, 0})
	require.NoError(t, err)
	var hs [4]byte
	_, err = io.ReadFull(c, hs[:])
	require.NoError(t, err)
	require.Equal(t, byte(0x7f), hs[0])
	rt := &rawTCP{t: t, conn: c, ser: &serialize.CBORSerializer{}}
	rt.write(0, mustSerialize(t, rt.ser, &wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(true)}}))
	_, ok := rt.read().(*wamp.Welcome)
	require.True(t, ok)
	return rt
}

func (rt *rawTCP) write(typ byte, b []byte) {
	var h [4]byte
	binary.BigEndian.PutUint32(h[:], uint32(len(b)))
	h[0] = typ
	_, _ = rt.conn.Write(append(h[:], b...))
}

func (rt *rawTCP) read() wamp.Message {
	for {
		var h [4]byte
		if _, err := io.ReadFull(rt.conn, h[:]); err != nil {
			return nil
		}
		n := int(h[1])<<16 | int(h[2])<<8 | int(h[3])
		b := make([]byte, n)
		if _, err := io.ReadFull(rt.conn, b); err != nil {
			return nil
		}
		if h[0]&7 != 0 {
			continue // ping/pong
		}
		msg, err := rt.ser.Deserialize(b)
		require.NoError(rt.t, err)
		return msg
	}
}

func (rt *rawTCP) alive(req wamp.ID) bool {
	rt.write(0, mustSerialize(rt.t, rt.ser, &wamp.Publish{Request: req, Options: wamp.Dict{wamp.OptAcknowledge: true}, Topic: "plain"}))
	p, ok := rt.read().(*wamp.Published)
	return ok && p.Request == req
}

// TestGarbageRawSocket covers rawsocket framing attacks: reserved frame types
// (nexus hands the router a nil message and panics, N7, without the guard),
// bad handshakes, stalled handshakes, oversized and truncated frames.
func TestGarbageRawSocket(t *testing.T) {
	r := startRouter(t, func(c *router.Config) {
		c.MaxMessageSize = 64 << 10
		c.HandshakeTimeout = 300 * time.Millisecond
	})
	honest := newHonestPair(t, r)

	t.Run("reserved frame types", func(t *testing.T) {
		rt := handshakeRawTCP(t, r)
		for typ := byte(3); typ <= 7; typ++ {
			rt.write(typ, nil) // nexus reads no body for these types
			require.True(t, rt.alive(wamp.ID(typ)), "type %d", typ)
			honest.roundTrip(t)
		}
		assert.Equal(t, uint64(5), r.Stats().Rejected[router.ReasonInvalidFrame])
	})
	t.Run("ping", func(t *testing.T) {
		rt := handshakeRawTCP(t, r)
		rt.write(1, []byte("ping"))
		require.True(t, rt.alive(1))
	})
	t.Run("garbage payloads", func(t *testing.T) {
		// Nothing to recover: ABORT with the reason, the session ends.
		for _, f := range [][]byte{{}, {0xff}, {0x9f, 0x10}, bytes.Repeat([]byte{0x81}, 60000)} {
			rt := handshakeRawTCP(t, r)
			before := r.Stats().Rejected[router.ReasonUndecodable]
			rt.write(0, f)
			abort, ok := rt.read().(*wamp.Abort)
			require.True(t, ok, "frame % x", f[:min(len(f), 4)])
			assert.Equal(t, wamp.ErrProtocolViolation, abort.Reason)
			assert.Equal(t, "undecodable", abort.Details["reason"])
			assert.Contains(t, abort.Details["message"], "cannot be decoded")
			assert.Nil(t, rt.read(), "connection closed after ABORT")
			assert.Equal(t, before+1, r.Stats().Rejected[router.ReasonUndecodable])
			honest.roundTrip(t)
		}
		// A request whose type and id can be read gets an ERROR; the
		// session stays up.
		rt := handshakeRawTCP(t, r)
		rt.write(0, []byte{0x84, 0x18, 0x20, 0x07, 0xa1, 0x61}) // [SUBSCRIBE, 7, {"a": <missing>
		e, ok := rt.read().(*wamp.Error)
		require.True(t, ok)
		assert.Equal(t, wamp.SUBSCRIBE, e.Type)
		assert.Equal(t, wamp.ID(7), e.Request)
		assert.Equal(t, wamp.ErrInvalidArgument, e.Error)
		assert.Equal(t, "undecodable", e.Details["reason"])
		require.True(t, rt.alive(8))
		honest.roundTrip(t)
	})
	t.Run("oversized frame", func(t *testing.T) {
		rt := handshakeRawTCP(t, r)
		var h [4]byte
		binary.BigEndian.PutUint32(h[:], 0xffffff)
		_, _ = rt.conn.Write(h[:])
		assert.Nil(t, rt.read())
		honest.roundTrip(t)
	})
	t.Run("truncated frame", func(t *testing.T) {
		rt := handshakeRawTCP(t, r)
		var h [4]byte
		binary.BigEndian.PutUint32(h[:], 100)
		_, _ = rt.conn.Write(append(h[:], 1, 2, 3))
		_ = rt.conn.Close()
		honest.roundTrip(t)
	})
	t.Run("bad handshakes", func(t *testing.T) {
		for _, hs := range [][]byte{{0x00, 0xf3, 0, 0}, {0x7f, 0xf0, 0, 0}, {0x7f, 0xf9, 0, 0}, {0x7f, 0xf3, 1, 0}, {0x7f}} {
			c := dialRawTCP(t, r)
			_, _ = c.Write(hs)
			_, err := io.ReadAll(c) // router answers or closes; must not hang
			assert.NoError(t, err)
		}
		honest.roundTrip(t)
	})
	t.Run("stalled handshake", func(t *testing.T) {
		c := dialRawTCP(t, r)
		start := time.Now()
		_, err := io.ReadAll(c)
		assert.NoError(t, err)
		assert.Less(t, time.Since(start), 3*time.Second)
	})
	t.Run("no HELLO", func(t *testing.T) {
		c := dialRawTCP(t, r)
		_, _ = c.Write([]byte{0x7f, 0xf3, 0, 0})
		var hs [4]byte
		_, err := io.ReadFull(c, hs[:])
		require.NoError(t, err)
		rt := &rawTCP{t: t, conn: c, ser: &serialize.CBORSerializer{}}
		rt.write(0, mustSerialize(t, rt.ser, &wamp.Publish{Request: 1, Topic: "t"}))
		_, isAbort := rt.read().(*wamp.Abort)
		assert.True(t, isAbort)
		honest.roundTrip(t)
	})
}

// TestLocalClientGuarded: in-process sessions go through the guard too. A
// local session that did not announce PPT and publishes PPT options makes
// nexus abort it and then panic with "send on closed channel" (N6); through
// the guard it gets an ERROR and stays up.
func TestLocalClientGuarded(t *testing.T) {
	r := startRouter(t, nil)
	honest := newHonestPair(t, r)
	cli, rtr := transport.LinkedPeers()
	go func() { _ = r.Attach(rtr) }()
	c := join(t, cli, false)
	t.Cleanup(cli.Close)
	for i := range 3 {
		req := c.nextReq()
		c.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true), Topic: wamp.URI(honest.topic), Arguments: wamp.List{[]byte("x")}})
		e := expect[*wamp.Error](c)
		assert.Equal(t, "feature_not_announced", e.Details["reason"], "attempt %d", i)
		honest.roundTrip(t)
	}
	// A local PPT-announcing session with a malformed message.
	cli2, rtr2 := transport.LinkedPeers()
	go func() { _ = r.Attach(rtr2) }()
	c2 := join(t, cli2, true)
	t.Cleanup(cli2.Close)
	req := c2.nextReq()
	c2.send(&wamp.Call{Request: req, Options: pptOpts(router.OptKeyID, 42), Procedure: "p", Arguments: wamp.List{[]byte("x")}})
	e := expect[*wamp.Error](c2)
	assert.Equal(t, "ppt_option_type", e.Details["reason"])
	honest.roundTrip(t)
}
