package router_test

import (
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// TestCostPerSessionAndCall measures what an idle session and a pending
// call cost the router's heap (the numbers docs/threat-model.md quotes)
// and keeps them bounded.
func TestCostPerSessionAndCall(t *testing.T) {
	if testing.Short() {
		t.Skip("measures heap")
	}
	const sessions, calls = 200, 500
	r := startRouter(t, func(c *router.Config) {
		c.MaxConnsPerAddr = sessions + 10
		c.Guard.MaxPendingCalls = calls
	})
	base := heapInuse()
	clients := make([]*rawClient, 0, sessions)
	for range sessions {
		clients = append(clients, dialJoin(t, r, tRaw, serialize.CBOR))
	}
	perSession := (int64(heapInuse()) - int64(base)) / sessions

	callee := clients[0]
	callee.register("cost.proc")
	caller := clients[1]
	opts := wamp.Dict{"junk": string(make([]byte, 3<<10))}
	base = heapInuse()
	for range calls {
		caller.send(&wamp.Call{Request: caller.nextReq(), Options: opts, Procedure: "cost.proc"})
		expect[*wamp.Invocation](callee)
	}
	perCall := (int64(heapInuse()) - int64(base)) / calls
	t.Logf("router heap per idle session (both ends in this process): %d bytes; per pending call with 3 KiB of options: %d bytes", perSession, perCall)
	assert.Less(t, perSession, int64(64<<10))
	assert.Less(t, perCall, int64(16<<10))
}
