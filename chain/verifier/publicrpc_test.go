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

// TestPublicEndpointRangeCapAndRateLimits: polling a provider that caps eth_getLogs at 10
// blocks and rate-limits (HTTP 429 and JSON-RPC -32005). During an outage 41 blocks pass with
// a revocation in the middle; the cached yes expires (fail closed) instead of outliving what
// the verifier can confirm, and after the outage the follower backfills in ranges the provider
// accepts, through the rate limits, and sees the revocation. (Before bounded ranges, the one
// 41-block query was refused for ever and the revocation never reported.)
func TestPublicEndpointRangeCapAndRateLimits(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.cfg.MaxStaleTime = time.Second
	e.cfg.MaxStaleBlocks = 1000
	px := chaintest.NewProviderProxy(t, e.Sim.RPCClient())
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{URL: px.URL, ChainID: chain.SimulatedChainID})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	v, err := verifier.New(e.Ctx, b, e.cfg)
	require.NoError(t, err)
	t.Cleanup(v.Close)
	e.v = v
	e.waitSynced()

	realm := e.realm.Address()
	d := e.Signer()
	_, err = e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	require.Eventually(t, func() bool { _, err := e.decide(vc, realm, common.Address{}); return err == nil }, 5*time.Second, 10*time.Millisecond)
	drain(e.revs)

	px.RangeCap.Store(10)
	px.Down.Store(true)
	for range 20 {
		e.Sim.Commit()
	}
	_, err = e.Reg.Revoke(e.Ctx, e.root, realm, d.Address())
	require.NoError(t, err)
	for range 20 {
		e.Sim.Commit()
	}
	// Down: the cached yes is not kept beyond MaxStaleTime, and nothing can be re-read.
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return err != nil
	}, 5*time.Second, 10*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)

	px.HTTPEvery.Store(4)
	px.LogsEvery.Store(3)
	px.Down.Store(false)
	r, _ := e.waitRevocation(verifier.RevokedDelegate, 60*time.Second)
	require.Equal(t, d.Address(), r.Delegate)
	st := v.Stats()
	require.NotZero(t, st.LogRangeShrinks, "%+v", st)
	require.NotZero(t, st.RateLimited, "%+v", st)
	require.LessOrEqual(t, px.Widest.Load(), uint64(10))
	t.Logf("stats %+v; widest range answered %d blocks", st, px.Widest.Load())
	px.HTTPEvery.Store(0)
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return err != nil && !isUnavailable(err)
	}, 10*time.Second, 10*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "Revoked")
}

func isUnavailable(err error) bool { return errors.Is(err, e2ee.ErrTrustUnavailable) }
