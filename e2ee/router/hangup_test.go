package router_test

import (
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"
)

// TestHangUpAfterHelloCannotPanic: clients that send HELLO (some followed by
// garbage the guard refuses) and hang up at once, concurrently, over
// websocket and rawsocket. nexus v3.3.0 sends WELCOME from its attach
// goroutine while the session goroutine may already close the peer; when
// that closed the transport's send channel, the WELCOME send could panic the
// router (and `go test -race` reports the unordered send and close). The
// router must keep serving.
func TestHangUpAfterHelloCannotPanic(t *testing.T) {
	r := startRouter(t, nil)
	ser := &serialize.MessagePackSerializer{}
	hello, err := ser.Serialize(&wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(true)}})
	require.NoError(t, err)
	garbage, err := ser.Serialize(&wamp.Publish{Request: 1, Topic: "t", Options: wamp.Dict{"ppt_scheme": 7}, Arguments: wamp.List{"x"}})
	require.NoError(t, err)
	wsURL := addrOf(t, r, tWS)
	raw, err := url.Parse(addrOf(t, r, tRaw))
	require.NoError(t, err)

	hangUpWS := func(i int) error {
		d := websocket.Dialer{Subprotocols: []string{"wamp.2.msgpack"}}
		c, resp, err := d.Dial(wsURL, nil)
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
		_ = c.WriteMessage(websocket.BinaryMessage, hello)
		for j := 0; j < i%4*20; j++ {
			_ = c.WriteMessage(websocket.BinaryMessage, garbage)
		}
		return c.NetConn().Close() // no close frame: a hang-up
	}
	hangUpRaw := func(i int) error {
		c, err := net.Dial("tcp", raw.Host)
		if err != nil {
			return err
		}
		_, _ = c.Write([]byte{0x7f, 0xf2, 0, 0}) // msgpack, 16 MiB limit
		var hs [4]byte
		if _, err := c.Read(hs[:]); err != nil {
			return err
		}
		frame := func(b []byte) []byte {
			return append([]byte{0, byte(len(b) >> 16), byte(len(b) >> 8), byte(len(b))}, b...)
		}
		_, _ = c.Write(frame(hello))
		for j := 0; j < i%4*20; j++ {
			_, _ = c.Write(frame(garbage))
		}
		return c.Close()
	}
	const workers, cycles = 8, 60
	var wg sync.WaitGroup
	errs := make(chan error, workers*cycles*2)
	for range workers {
		wg.Go(func() {
			for i := range cycles {
				if err := hangUpWS(i); err != nil {
					errs <- err
				}
				if err := hangUpRaw(i); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	// Still serving.
	pub := dialJoin(t, r, tWS, serialize.MSGPACK)
	sub := dialJoin(t, r, tRaw, serialize.MSGPACK)
	sub.subscribe("hangup.after")
	pub.send(&wamp.Publish{Request: pub.nextReq(), Topic: "hangup.after", Options: wamp.Dict{}, Arguments: wamp.List{"ok"}})
	ev := expect[*wamp.Event](sub)
	require.Equal(t, wamp.List{"ok"}, ev.Arguments)
}
