package session_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

func TestDialWebsocketJoinsWithEachSerializer(t *testing.T) {
	r, err := router.New(router.Config{
		Realms:    []router.RealmConfig{{Name: "com.dial"}},
		Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	require.NoError(t, err)
	t.Cleanup(r.Close)
	for _, ser := range []serialize.Serialization{serialize.MSGPACK, serialize.CBOR, serialize.JSON} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		p, err := session.DialWebsocket(r.Addrs()[0], ser, nil, nil)(ctx)
		cancel()
		require.NoError(t, err, "serialization %d", ser)
		p.Send() <- &wamp.Hello{Realm: "com.dial", Details: wamp.Dict{"roles": wamp.Dict{"subscriber": wamp.Dict{}}}}
		msg, err := wamp.RecvTimeout(p, 5*time.Second)
		require.NoError(t, err)
		require.IsType(t, &wamp.Welcome{}, msg, "serialization %d", ser)
		p.Close()
	}
}

func TestDialWebsocketErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := session.DialWebsocket("ws://127.0.0.1:1/", serialize.AUTO, nil, nil)(ctx)
	require.ErrorContains(t, err, "unsupported serialization")

	// A websocket server that does not agree to the WAMP subprotocol.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		up := websocket.Upgrader{}
		c, err := up.Upgrade(w, req, nil)
		if err == nil {
			_ = c.Close()
		}
	}))
	defer srv.Close()
	_, err = session.DialWebsocket("ws"+strings.TrimPrefix(srv.URL, "http"), serialize.MSGPACK, nil, nil)(ctx)
	require.ErrorContains(t, err, "subprotocol")

	_, err = session.DialWebsocket("ws://127.0.0.1:1/", serialize.MSGPACK, nil, nil)(ctx)
	require.ErrorContains(t, err, "session: dial ws://127.0.0.1:1/")
}

func TestDialWebsocketReportsHTTPStatus(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := session.DialWebsocket("ws"+strings.TrimPrefix(srv.URL, "http"), serialize.MSGPACK, nil, nil)(ctx)
	require.ErrorContains(t, err, "HTTP 404")
}

// TestDialWebsocketBoundsMessages: a router frame above DialReadLimit ends
// the connection instead of being buffered.
func TestDialWebsocketBoundsMessages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		up := websocket.Upgrader{Subprotocols: []string{"wamp.2.msgpack"}}
		c, err := up.Upgrade(w, req, nil)
		if err != nil {
			return
		}
		defer c.Close()
		_ = c.WriteMessage(websocket.BinaryMessage, make([]byte, session.DialReadLimit+1))
		time.Sleep(5 * time.Second) // keeps the connection open past the test's wait
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	p, err := session.DialWebsocket("ws"+strings.TrimPrefix(srv.URL, "http"), serialize.MSGPACK, nil, nil)(ctx)
	require.NoError(t, err)
	select {
	case _, ok := <-p.Recv():
		require.False(t, ok, "the oversized frame is not delivered; the peer closes")
	case <-time.After(3 * time.Second):
		t.Fatal("the peer neither delivered nor closed")
	}
	p.Close()
}
