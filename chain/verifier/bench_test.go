package verifier_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

var benchKinds = []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS, chaintest.AnvilHTTP}

// benchEnv is a verifier with one authorized delegate and its 3-certificate chain.
func benchEnv(b testing.TB, k chaintest.Kind) (*tenv, e2ee.TrustRequest) {
	e := setup(b, k, 0)
	e.start()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, e.realm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(b, err)
	// Let the follower process the authorization first: its event drops a verdict cached before.
	e.waitProcessed()
	req := e2ee.TrustRequest{Realm: e.realm.Address(), URI: "com.example.topic", Role: e2ee.RoleSubscriber, Chain: e.chain(d, e.root, nil, e.realm.Address())}
	_, err = e.v.Decide(e.Ctx, req)
	require.NoError(b, err)
	return e, req
}

// BenchmarkDecideWarm: a decision answered from the verdict cache (target ≤ 2 µs).
func BenchmarkDecideWarm(b *testing.B) {
	for _, k := range benchKinds[:2] {
		b.Run(string(k), func(b *testing.B) {
			e, req := benchEnv(b, k)
			reads := e.v.Stats().Reads
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := e.v.Decide(e.Ctx, req); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			require.Equal(b, reads, e.v.Stats().Reads, "warm decisions read nothing")
		})
	}
}

// BenchmarkDecideCold: a decision that reads the registry: one JSON-RPC batch of
// (authorizationStatus + certificateRevokedAt × 3) at the processed block and at "latest",
// then eth_blockNumber.
func BenchmarkDecideCold(b *testing.B) {
	for _, k := range benchKinds {
		b.Run(string(k), func(b *testing.B) {
			e, req := benchEnv(b, k)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				e.v.Purge()
				if _, err := e.v.Decide(e.Ctx, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRevocationToDrop: time from a revocation transaction being mined (automine: when
// eth_sendRawTransaction returns) to the verifier dropping the verdict and notifying its owner,
// reported as mined→drop-µs. ns/op includes the authorization and revocation transactions.
func BenchmarkRevocationToDrop(b *testing.B) {
	for _, k := range benchKinds {
		b.Run(string(k), func(b *testing.B) {
			e, _ := benchEnv(b, k)
			realm := e.realm.Address()
			var total time.Duration
			b.ResetTimer()
			for range b.N {
				d := e.Signer()
				_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
				require.NoError(b, err)
				_, err = e.decide(e.lone(d), realm, common.Address{})
				require.NoError(b, err)
				drain(e.revs)
				tx, err := e.Reg.Submit(e.Ctx, e.root, e.Reg.ABI.PackRevoke(realm, d.Address()))
				require.NoError(b, err)
				mined := time.Now()
				_, at := e.waitRevocation(verifier.RevokedDelegate, 5*time.Second)
				total += at.Sub(mined)
				_, err = e.Reg.Wait(e.Ctx, tx.Hash())
				require.NoError(b, err)
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N), "mined→drop-µs")
		})
	}
}

var _ = chain.StatusValid
