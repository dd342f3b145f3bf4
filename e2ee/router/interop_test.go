package router_test

import (
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
	"github.com/ugorji/go/codec"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// TestUndefinedOptionsAreAbsent: JavaScript clients send options whose value
// is undefined — wampy sends SUBSCRIBE {match: undefined, get_retained:
// undefined}, which MessagePack encoders write as extension type 0 (d4 00 00)
// and CBOR as undefined (nil once decoded). A stock nexus treats them as
// absent; so must the guard: the subscription is made with exact matching
// (msgpack used to hang, CBOR to be refused with "match not one of …").
func TestUndefinedOptionsAreAbsent(t *testing.T) {
	r := startRouter(t, nil)
	undef := map[string]any{"nil": nil}
	undefMsgpack := map[string]any{"nil": nil, "ext0": codec.RawExt{Tag: 0, Data: []byte{0}}}
	for _, kind := range []transportKind{tWS, tRaw} {
		for _, ser := range serializations {
			values := undef
			if ser.s == serialize.MSGPACK {
				values = undefMsgpack
			}
			for vn, v := range values {
				t.Run(string(kind)+"/"+ser.name+"/"+vn, func(t *testing.T) {
					before := r.Stats().TotalRejected()
					c := dialJoin(t, r, kind, ser.s)
					topic := wamp.URI("undef." + string(kind) + "." + ser.name + "." + vn)
					req := c.nextReq()
					c.send(&wamp.Subscribe{Request: req, Options: wamp.Dict{"match": v, "get_retained": v}, Topic: topic})
					sub := expect[*wamp.Subscribed](c)
					require.Equal(t, req, sub.Request)

					proc := topic + ".proc"
					req = c.nextReq()
					c.send(&wamp.Register{Request: req, Options: wamp.Dict{"match": v, "invoke": v}, Procedure: proc})
					require.Equal(t, req, expect[*wamp.Registered](c).Request)

					// Exact matching: an event on the topic arrives.
					req = c.nextReq()
					c.send(&wamp.Publish{Request: req, Options: wamp.Dict{"acknowledge": true, "exclude_me": false, router.OptScheme: v}, Topic: topic, Arguments: wamp.List{"héllo"}})
					// PUBLISHED and EVENT may come in either order.
					var ev *wamp.Event
					for range 2 {
						switch m := c.recv().(type) {
						case *wamp.Published:
							require.Equal(t, req, m.Request)
						case *wamp.Event:
							ev = m
						default:
							t.Fatalf("unexpected %#v", m)
						}
					}
					require.NotNil(t, ev)
					require.Equal(t, sub.Subscription, ev.Subscription)
					require.Equal(t, wamp.List{"héllo"}, ev.Arguments)

					req = c.nextReq()
					c.send(&wamp.Call{Request: req, Options: wamp.Dict{"disclose_me": v, "receive_progress": v, "timeout": v}, Procedure: proc, Arguments: wamp.List{int64(1)}})
					inv := expect[*wamp.Invocation](c)
					c.send(&wamp.Yield{Request: inv.Request, Options: wamp.Dict{"progress": v}, Arguments: wamp.List{int64(2)}})
					res := expect[*wamp.Result](c)
					require.Equal(t, req, res.Request)
					require.Equal(t, wamp.List{int64(2)}, normInts(res.Arguments))
					require.Equal(t, before, r.Stats().TotalRejected())
				})
			}
		}
	}
}

// normInts turns the integer types the serializers produce into int64.
func normInts(l wamp.List) wamp.List {
	out := make(wamp.List, len(l))
	for i, v := range l {
		switch x := v.(type) {
		case uint64:
			out[i] = int64(x)
		case int:
			out[i] = int64(x)
		default:
			out[i] = v
		}
	}
	return out
}

// TestOtherPPTSchemes: the spec's other PPT schemes (mqtt, custom x_*) pass
// the guard with the same structural checks as E2EE payloads and reach the
// subscriber with their ppt_* options and the binary payload.
func TestOtherPPTSchemes(t *testing.T) {
	r := startRouter(t, nil)
	for _, ser := range serializations {
		t.Run(ser.name, func(t *testing.T) {
			pub := dialJoin(t, r, tWS, ser.s)
			sub := dialJoin(t, r, tRaw, ser.s)
			topic := "ppt.schemes." + ser.name
			sub.subscribe(topic)
			for _, scheme := range []string{"mqtt", "x_custom"} {
				payload := []byte("\x00\x01 opaque " + scheme)
				req := pub.nextReq()
				pub.send(&wamp.Publish{Request: req, Topic: wamp.URI(topic), Arguments: wamp.List{payload},
					Options: wamp.Dict{"acknowledge": true, router.OptScheme: scheme, router.OptSerializer: "json"}})
				expect[*wamp.Published](pub)
				ev := expect[*wamp.Event](sub)
				require.Equal(t, scheme, ev.Details[router.OptScheme])
				require.Equal(t, "json", ev.Details[router.OptSerializer])
				require.Equal(t, payload, payloadBytes(t, ev.Arguments))
			}
			// The structural checks still apply.
			req := pub.nextReq()
			pub.send(&wamp.Publish{Request: req, Topic: wamp.URI(topic), Arguments: wamp.List{"plain", "two"},
				Options: wamp.Dict{"acknowledge": true, router.OptScheme: "x_custom", router.OptSerializer: "json"}})
			e := expect[*wamp.Error](pub)
			require.Equal(t, router.ReasonArguments.String(), e.Details["reason"])
		})
	}
}

// TestUndecodableAnswered: a websocket frame the router cannot decode gets an
// answer on every serializer — ERROR for a request whose type and id can be
// read, else ABORT — and is counted; it used to be dropped with a debug log
// line, leaving the client waiting.
func TestUndecodableAnswered(t *testing.T) {
	r := startRouter(t, nil)
	cases := []struct {
		sub     string
		ser     serialize.Serializer
		msgType int
		request []byte // a CALL with id 9 whose options do not decode
		garbage []byte
	}{
		{"wamp.2.json", &serialize.JSONSerializer{}, websocket.TextMessage, []byte(`[48, 9, {"a": tru`), []byte(`{]`)},
		{"wamp.2.msgpack", &serialize.MessagePackSerializer{}, websocket.BinaryMessage, []byte{0x94, 0x30, 0x09, 0x81, 0xc1}, []byte{0xc1}},
		{"wamp.2.cbor", &serialize.CBORSerializer{}, websocket.BinaryMessage, []byte{0x84, 0x18, 0x30, 0x09, 0xa1, 0xff}, []byte{0xff, 0x00}},
	}
	for _, c := range cases {
		t.Run(c.sub, func(t *testing.T) {
			dial := func() *websocket.Conn {
				d := websocket.Dialer{Subprotocols: []string{c.sub}}
				conn, _, err := d.Dial(addrOf(t, r, tWS), nil)
				require.NoError(t, err)
				t.Cleanup(func() { _ = conn.Close() })
				require.NoError(t, conn.SetReadDeadline(time.Now().Add(waitTimeout)))
				return conn
			}
			send := func(conn *websocket.Conn, b []byte) {
				require.NoError(t, conn.WriteMessage(c.msgType, b))
			}
			read := func(conn *websocket.Conn) wamp.Message {
				_, b, err := conn.ReadMessage()
				require.NoError(t, err)
				m, err := c.ser.Deserialize(b)
				require.NoError(t, err)
				return m
			}
			hello, err := c.ser.Serialize(&wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(false)}})
			require.NoError(t, err)

			before := r.Stats().Rejected[router.ReasonUndecodable]
			conn := dial()
			send(conn, hello)
			require.IsType(t, &wamp.Welcome{}, read(conn))
			send(conn, c.request)
			e, ok := read(conn).(*wamp.Error)
			require.True(t, ok)
			require.Equal(t, wamp.CALL, e.Type)
			require.Equal(t, wamp.ID(9), e.Request)
			require.Equal(t, "undecodable", e.Details["reason"])

			send(conn, c.garbage)
			abort, ok := read(conn).(*wamp.Abort)
			require.True(t, ok)
			require.Equal(t, wamp.ErrProtocolViolation, abort.Reason)

			// Before HELLO: ABORT too.
			conn = dial()
			send(conn, c.request)
			_, ok = read(conn).(*wamp.Abort)
			require.True(t, ok)
			require.Equal(t, before+3, r.Stats().Rejected[router.ReasonUndecodable])
		})
	}
}
