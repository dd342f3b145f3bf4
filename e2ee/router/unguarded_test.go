package router_test

import (
	"context"
	"encoding/binary"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"

	nexus "github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const unguardedEnv = "ROUTER_TEST_UNGUARDED"

// TestUnguardedNexusPanics proves what the guard is for: each trigger, sent
// to a plain nexus v3.3.0 router in a child process, kills that process. The
// same inputs are rejected without harm in TestAdversarialClient,
// TestGarbageRawSocket and TestLocalClientGuarded.
func TestUnguardedNexusPanics(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	cases := map[string]string{
		// router/helpers.go:8 pptOptionsToDetails: val.(string)
		"N1": "router.pptOptionsToDetails",
		// realm.go: sending on the closed channel of an aborted local peer
		"N6": "send on closed channel",
		// rawsocket frame type 3: nexus hands the realm a nil message
		"N7": "nil pointer dereference",
	}
	for trigger, want := range cases {
		t.Run(trigger, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestUnguardedChild$", "-test.v")
			cmd.Env = append(os.Environ(), unguardedEnv+"="+trigger)
			out, err := cmd.CombinedOutput()
			require.Error(t, err, "child survived: %s", out)
			assert.Contains(t, string(out), "panic")
			assert.Contains(t, string(out), want)
		})
	}
}

// TestUnguardedChild runs in the child process of TestUnguardedNexusPanics.
func TestUnguardedChild(t *testing.T) {
	trigger := os.Getenv(unguardedEnv)
	if trigger == "" {
		t.Skip("child of TestUnguardedNexusPanics")
	}
	logger := log.New(io.Discard, "", 0)
	nx, err := nexus.NewRouter(&nexus.Config{RealmConfigs: []*nexus.RealmConfig{{URI: testRealm, AnonymousAuth: true}}}, logger)
	require.NoError(t, err)

	switch trigger {
	case "N1":
		ws := nexus.NewWebsocketServer(nx)
		closer, err := ws.ListenAndServe("127.0.0.1:0")
		require.NoError(t, err)
		addr := "ws://" + closer.(net.Listener).Addr().String() + "/"
		ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
		defer cancel()
		peer, err := transport.ConnectWebsocketPeer(ctx, addr, serialize.CBOR, nil, logger, nil)
		require.NoError(t, err)
		c := join(t, peer, true)
		c.send(&wamp.Publish{Request: 1, Options: pptOpts("ppt_serializer", 7), Topic: "t", Arguments: wamp.List{[]byte("x")}})
	case "N6":
		cli, rtr := transport.LinkedPeers()
		go func() { _ = nx.Attach(rtr) }()
		c := join(t, cli, false)
		c.send(&wamp.Publish{Request: 1, Options: pptOpts(), Topic: "t", Arguments: wamp.List{[]byte("x")}})
		c.send(&wamp.Goodbye{Reason: wamp.CloseNormal, Details: wamp.Dict{}})
	case "N7":
		rs := nexus.NewRawSocketServer(nx)
		closer, err := rs.ListenAndServe("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		conn, err := net.Dial("tcp", closer.(net.Listener).Addr().String())
		require.NoError(t, err)
		_, err = conn.Write([]byte{0x7f, 0xf3, 0, 0})
		require.NoError(t, err)
		var hs [4]byte
		_, err = io.ReadFull(conn, hs[:])
		require.NoError(t, err)
		var h [4]byte
		binary.BigEndian.PutUint32(h[:], 0)
		h[0] = 3 // reserved frame type, as the first message (HELLO expected)
		_, err = conn.Write(h[:])
		require.NoError(t, err)
	}
	time.Sleep(2 * time.Second)
	t.Log("router survived")
}
