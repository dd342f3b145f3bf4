package verifier_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
)

// TestRevertWithoutNewHead: anvil's evm_revert moves the chain back onto a shorter one without
// emitting a head or removed logs. The follower's liveness check sees the lower head and
// treats it as a reorganisation, so an authorization that exists only on the discarded blocks
// does not stay trusted until the next block is mined.
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
	requireReason(t, err, "NotAuthorized")
}
