package session

import (
	"context"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

type trustAll struct{}

func (trustAll) Decide(_ context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	return e2ee.TrustDecision{Delegate: req.Chain.DelegateAddress()}, nil
}

// TestRevokePushedReader: a reader that holds the current key only because
// it was pushed to it (the key it fetched has long left the ring and the
// revocation bookkeeping) is revoked: revoke rotates the key it holds,
// exactly as for a key it fetched (docs/protocol.md §4.6).
func TestRevokePushedReader(t *testing.T) {
	cfg, err := (&Config{
		Realm: "r", Dial: func(context.Context) (wamp.Peer, error) { return nil, nil },
		Identity:  testIdentity(t),
		KeyPolicy: keydist.Policy{ChainID: 1, Trust: trustAll{}, Block: func() uint64 { return 1 }},
		Default:   Rule{Encrypt: true}, FetchTimeout: 5 * time.Second,
	}).withDefaults()
	require.NoError(t, err)
	n, err := newNode(cfg)
	require.NoError(t, err)
	// A ring whose retired keys go at once (the session's keep theirs for
	// keyring.DefaultGrace).
	ring, err := keyring.New(keyring.Config{Policy: keyring.DefaultPolicy(), Grace: -1})
	require.NoError(t, err)
	n.rings[ring.Locator()] = &ruleState{ring: ring}
	const uri = "com.pushed"

	// The reader fetches the first key with a signed exchange.
	var k envelope.SealKey
	require.NoError(t, ring.NextTagged(uri, tagPublish, &k))
	first := k.ID
	rid := testIdentity(t)
	rq, err := keydist.NewRequester(keydist.RequesterConfig{Policy: n.keyPolicy, Identity: rid})
	require.NoError(t, err)
	pend, err := rq.NewRequest(first, uri, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := n.responder.VerifyRequest(context.Background(), pend.Request)
	require.NoError(t, err)
	info, ok := ring.Lookup(first)
	require.True(t, ok)
	reader := rid.Delegate.Address()
	n.mu.Lock()
	n.fetchedBy[reader] = map[string]string{first: info.Scope}
	n.recordReaderLocked(ring.Locator(), &info, vr.Reader(), reader)
	n.mu.Unlock()
	info.Wipe()

	// Rotation: the next key is pushed to it; the first leaves the ring
	// and the bookkeeping.
	ring.RotateURI(uri)
	ring.Cleanup()
	require.NoError(t, ring.NextTagged(uri, tagPublish, &k))
	pushed := k.ID
	require.Len(t, n.pushes(ring, pushed), 1)
	n.mu.Lock()
	n.lastPrune = time.Time{}
	n.pruneLocked()
	n.mu.Unlock()

	n.revoke(reader)
	require.NoError(t, ring.NextTagged(uri, tagPublish, &k))
	assert.NotEqual(t, pushed, k.ID, "the revoked reader's pushed key is still current")
	k.Wipe()
	assert.Empty(t, n.pushes(ring, k.ID), "nothing pushed to the revoked reader")
}
