package session

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// TestBreaker: a key RPC whose fetch timed out is not asked again until
// its backoff ends (doubling from breakerBase to breakerMax); other key
// RPCs are not affected; the table stays bounded, dropping ended backoffs
// first.
func TestBreaker(t *testing.T) {
	p, _ := testPeer(t)
	defer p.Close()
	n := p.n
	bad, good := envelope.KeyID{Locator: envelope.Locator{1}}, envelope.KeyID{Locator: envelope.Locator{2}}
	now := time.Now()
	n.fmu.Lock()
	n.tripLocked(bad.Locator, now)
	n.fmu.Unlock()
	err := n.fetchKey(context.Background(), bad.String(), "com.t", e2ee.RoleSubscriber)
	require.ErrorIs(t, err, ErrKeyRPCUnresponsive)
	err = n.fetchKey(context.Background(), good.String(), "com.t", e2ee.RoleSubscriber)
	require.ErrorIs(t, err, ErrNotConnected, "another key RPC is asked")

	n.fmu.Lock()
	defer n.fmu.Unlock()
	assert.Equal(t, now.Add(breakerBase), n.breakers[bad.Locator].until)
	n.tripLocked(bad.Locator, now)
	assert.Equal(t, now.Add(2*breakerBase), n.breakers[bad.Locator].until, "doubled")
	for range 20 {
		n.tripLocked(bad.Locator, now)
	}
	assert.Equal(t, now.Add(breakerMax), n.breakers[bad.Locator].until, "capped")

	ended := envelope.Locator{3}
	n.tripLocked(ended, now.Add(-time.Hour))
	for i := len(n.breakers); i < maxBreakers; i++ {
		n.tripLocked(envelope.Locator{4, byte(i), byte(i >> 8)}, now)
	}
	require.Len(t, n.breakers, maxBreakers)
	n.tripLocked(envelope.Locator{5}, now)
	assert.Len(t, n.breakers, maxBreakers, "bounded")
	assert.NotContains(t, n.breakers, ended, "an ended backoff goes first")
	assert.Contains(t, n.breakers, bad.Locator)
}

// TestFetchSlots: key RPCs that never answered this node share half of
// the fetch slots, so that bogus key ids cannot take the slots of the
// originators it knows.
func TestFetchSlots(t *testing.T) {
	p, _ := testPeer(t)
	defer p.Close()
	n := p.n
	known, unknown := envelope.KeyID{Locator: envelope.Locator{1}}, envelope.KeyID{Locator: envelope.Locator{2}}
	n.responders[known.Locator] = knownResponder{}
	fetch := func(id envelope.KeyID) error {
		return n.fetchKey(context.Background(), id.String(), "com.t", e2ee.RoleSubscriber)
	}
	n.unknownFlights = n.cfg.MaxFetches / unknownFetchShare
	require.ErrorIs(t, fetch(unknown), ErrTooManyFetches)
	require.ErrorIs(t, fetch(known), ErrNotConnected, "a known key RPC gets a slot")
	n.unknownFlights = 0
	require.ErrorIs(t, fetch(unknown), ErrNotConnected)
	assert.Zero(t, n.unknownFlights, "slot returned")
}
