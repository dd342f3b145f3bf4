package router_test

import (
	"sync"
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// TestObserveSeesForwardedMessagesOnly checks the router-side tap: it sees every message the
// guard forwards to nexus, exactly as sent, and none that the guard rejected.
func TestObserveSeesForwardedMessagesOnly(t *testing.T) {
	var mu sync.Mutex
	var seen []wamp.Message
	r := startRouter(t, func(c *router.Config) {
		c.Observe = func(_ uint64, msg wamp.Message) {
			mu.Lock()
			seen = append(seen, msg)
			mu.Unlock()
		}
	})
	h := newHonestPair(t, r)
	h.roundTrip(t)

	// A rejected publish (non-string keyid) is not observed.
	req := h.pub.nextReq()
	h.pub.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true, router.OptKeyID, 7), Topic: "honest.topic", Arguments: wamp.List{[]byte{1}}})
	expect[*wamp.Error](h.pub)
	h.roundTrip(t)

	mu.Lock()
	defer mu.Unlock()
	var publishes []*wamp.Publish
	for _, m := range seen {
		if p, ok := m.(*wamp.Publish); ok {
			publishes = append(publishes, p)
		}
	}
	require.Len(t, publishes, 2, "both honest publishes and nothing else")
	for _, p := range publishes {
		require.Equal(t, "wamp", p.Options[router.OptScheme])
		require.Len(t, p.Arguments, 1)
	}
}
