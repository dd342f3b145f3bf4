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

// TestPushSkippedReaderForgotten: a reader that a rotation skips (here:
// the responder no longer knows its CS key) does not count as served the
// new key, so it is forgotten a cache lifetime after it was last served,
// instead of being tried again at every rotation for ever.
func TestPushSkippedReaderForgotten(t *testing.T) {
	cfg, err := (&Config{
		Realm: "r", Dial: func(context.Context) (wamp.Peer, error) { return nil, nil },
		Identity:  testIdentity(t),
		KeyPolicy: keydist.Policy{ChainID: 1, Trust: trustAll{}, Block: func() uint64 { return 1 }},
		Default:   Rule{Encrypt: true}, FetchTimeout: 5 * time.Second,
	}).withDefaults()
	require.NoError(t, err)
	n, err := newNode(cfg)
	require.NoError(t, err)
	ring, err := keyring.New(keyring.Config{Policy: keyring.DefaultPolicy()})
	require.NoError(t, err)
	n.rings[ring.Locator()] = &ruleState{ring: ring}
	const uri = "com.skipped"

	var k envelope.SealKey
	require.NoError(t, ring.NextTagged(uri, tagPublish, &k))
	rid := testIdentity(t)
	rq, err := keydist.NewRequester(keydist.RequesterConfig{Policy: n.keyPolicy, Identity: rid})
	require.NoError(t, err)
	pend, err := rq.NewRequest(k.ID, uri, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := n.responder.VerifyRequest(context.Background(), pend.Request)
	require.NoError(t, err)
	rd := vr.Reader()
	rd.CSPubKey[0] ^= 1 // a CS key the responder does not know
	info, ok := ring.Lookup(k.ID)
	require.True(t, ok)
	served := time.Now().Add(-50 * time.Minute)
	n.mu.Lock()
	n.recordReaderLocked(ring.Locator(), &info, rd, rid.Delegate.Address())
	n.readers[pushSlot{loc: ring.Locator(), scope: info.Scope, tag: info.Tag}][rd.CSPubKey].seen = served
	n.mu.Unlock()
	info.Wipe()

	ring.RotateURI(uri)
	require.NoError(t, ring.NextTagged(uri, tagPublish, &k))
	assert.Empty(t, n.pushes(ring, k.ID))
	assert.EqualValues(t, 1, n.stats.pushesSkipped.Load())
	n.mu.Lock()
	n.pruneReadersLocked(served.Add(keyring.DefaultCacheTTL + time.Minute))
	left := n.readerCount
	n.mu.Unlock()
	assert.Zero(t, left, "a reader skipped at every rotation is never forgotten")
}
