package verifier_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// TestRevertWithoutNewHead: anvil's evm_revert moves the chain back onto a shorter one without
// emitting a head or removed logs. The follower's liveness check finds the endpoint's head
// below the processed chain and its top block missing: it drops every verdict (an
// authorization that exists only on the discarded blocks does not stay trusted) and, seen
// twice, reports a Resync; decisions fail closed until the chain grows again, and then follow
// the new chain.
func TestRevertWithoutNewHead(t *testing.T) {
	e := setup(t, chaintest.AnvilWS, 0) // anvil is per test: the revert disturbs no other test
	e.start()
	realm := e.realm.Address()
	d := e.Signer()
	var snap string
	require.NoError(t, e.Backend.RPC().Call(&snap, "evm_snapshot"))
	_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, realm, common.Address{})
	require.NoError(t, err)
	reorgs := e.v.Stats().Reorgs
	drain(e.revs)

	var ok bool
	require.NoError(t, e.Backend.RPC().Call(&ok, "evm_revert", snap))
	require.True(t, ok)
	a, err := e.Reg.AuthorizationStatus(e.Ctx, e.root.Address(), realm, d.Address())
	require.NoError(t, err)
	require.Equal(t, chain.StatusNotAuthorized, a.Status)

	// Within a few liveness periods (PollInterval 50 ms).
	e.waitRevocation(verifier.Resync, 5*time.Second)
	require.Greater(t, e.v.Stats().Reorgs, reorgs)
	_, err = e.decide(vc, realm, common.Address{})
	require.Error(t, err, "no yes from the discarded blocks")
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable, "the processed block is gone: fail closed")

	// The chain grows again: the follower moves onto it and decides from it.
	require.NoError(t, e.Backend.RPC().Call(nil, "evm_mine"))
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return errors.Is(err, e2ee.ErrUntrusted)
	}, 5*time.Second, 20*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "NotAuthorized")
}
