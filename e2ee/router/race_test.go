package router_test

import (
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

// TestPatternSubscriptionsDoNotShareEventDetails publishes to a topic with an exact and a prefix
// subscriber. nexus v3.3.0 would write the prefix subscriber's "topic" detail into the details map
// shared with the exact subscriber while its transport serializes it (a fatal concurrent map
// access under load; `go test -race` reports it). Through the guard every subscriber gets its own
// copy: the exact subscriber never sees the pattern subscriber's "topic" detail.
func TestPatternSubscriptionsDoNotShareEventDetails(t *testing.T) {
	r := startRouter(t, nil)
	pub := dialJoin(t, r, tWS, serialize.MSGPACK)
	exact := dialJoin(t, r, tWS, serialize.MSGPACK)
	prefix := dialJoin(t, r, tRaw, serialize.MSGPACK)
	exact.subscribe("race.topic")
	req := prefix.nextReq()
	prefix.send(&wamp.Subscribe{Request: req, Topic: "race", Options: wamp.Dict{wamp.OptMatch: wamp.MatchPrefix}})
	expect[*wamp.Subscribed](prefix)
	// Paced by acknowledgements: nexus drops events for a subscriber whose queue is full.
	const n = 100
	for i := range n {
		pub.send(&wamp.Publish{Request: pub.nextReq(), Topic: "race.topic", Options: wamp.Dict{wamp.OptAcknowledge: true}, Arguments: wamp.List{i}})
		expect[*wamp.Published](pub)
		ev := expect[*wamp.Event](exact)
		_, hasTopic := ev.Details["topic"]
		require.False(t, hasTopic, "exact subscriber got the pattern subscriber's topic detail")
		pev := expect[*wamp.Event](prefix)
		require.Equal(t, "race.topic", pev.Details["topic"])
	}
}
