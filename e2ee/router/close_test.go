package router_test

import (
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// TestCloseWhileClientsAttach: Close while clients are still before or in
// their HELLO. nexus v3.3.0's AttachClient sends on a channel its Close
// closes, so a HELLO reaching a closing router panicked the process. Close
// now ends pending attaches first: the attach fails, Close returns, and a
// late HELLO goes nowhere.
func TestCloseWhileClientsAttach(t *testing.T) {
	for round := range 20 {
		r, err := router.New(router.Config{Realms: []router.RealmConfig{{Name: testRealm}}, Logger: quietLogger()})
		require.NoError(t, err)
		const n = 4
		attached := make(chan error, n)
		clients := make([]wamp.Peer, n)
		for i := range clients {
			c, s := transport.LinkedPeers()
			clients[i] = c
			go func() { attached <- r.Attach(s) }()
		}
		time.Sleep(time.Duration(round%4) * time.Millisecond)
		closed := make(chan struct{})
		go func() { r.Close(); close(closed) }()
		if round%2 == 0 {
			time.Sleep(time.Millisecond)
		}
		for _, c := range clients {
			select { // a HELLO during or after Close; nobody may be reading
			case c.Send() <- &wamp.Hello{Realm: testRealm, Details: wamp.Dict{"roles": pptRoles(false)}}:
			case <-time.After(50 * time.Millisecond):
			}
		}
		for _, c := range clients {
			c.Close() // in-process peers: otherwise Close waits out drainGrace
		}
		select {
		case <-closed:
		case <-time.After(10 * time.Second):
			t.Fatal("Close did not return")
		}
		for range clients {
			select {
			case err := <-attached:
				_ = err // refused (ErrClosed), failed (no HELLO) or attached and ended: all fine
			case <-time.After(10 * time.Second):
				t.Fatal("an attach did not return")
			}
		}
	}
}
