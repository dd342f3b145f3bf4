package verifier_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
)

var (
	testAK          = crypto.Keccak256Hash([]byte("attestation key"))
	testMeasurement = crypto.Keccak256Hash([]byte("measurement"))
	testPolicy      = chain.AttestationPolicy{Required: true, MaxQuoteAge: time.Hour, PCRSelection: 0x97}
)

// attestation asks the verifier's attestation policy about (issuer, realm, delegate, m).
func (e *tenv) attestation(issuer, delegate common.Address, m common.Hash) (attest.Facts, error) {
	return e.v.AttestationPolicy().Attestation(e.Ctx, attest.Query{Realm: e.realm.Address(), Issuer: issuer, Delegate: delegate, Measurement: m})
}

// TestAttestationPolicy follows a realm's attestation policy through the registry on every kind
// of endpoint: facts read and cached, a measurement revocation reported (RevokedMeasurement) in the
// block it was mined and the cached Allowed dropped, an AK dropped by a plain re-authorization and a
// policy change reported (AttestationChanged), the version moving with each.
func TestAttestationPolicy(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS, chaintest.AnvilHTTP} {
		t.Run(string(k), func(t *testing.T) {
			e := setup(t, k, 0)
			e.start()
			realm, root := e.realm.Address(), e.root.Address()
			d := e.Signer().Address()
			src := e.v.AttestationPolicy()

			f, err := e.attestation(root, d, testMeasurement)
			require.NoError(t, err)
			require.Equal(t, attest.Facts{Version: f.Version}, f, "no policy, no AK, unknown measurement")

			_, err = e.Reg.SetAttestationPolicy(e.Ctx, e.root, realm, testPolicy)
			require.NoError(t, err)
			_, err = e.Reg.AllowMeasurement(e.Ctx, e.root, realm, testMeasurement)
			require.NoError(t, err)
			_, err = e.Reg.AuthorizeWithAttestationKey(e.Ctx, e.root, realm, d, time.Time{}, time.Time{}, testAK)
			require.NoError(t, err)
			r, _ := e.waitRevocation(verifier.AttestationChanged, 5*time.Second)
			require.Equal(t, realm, r.Realm)

			// Read before the follower processed the writes, or after: the answer is current.
			f, err = e.attestation(root, d, testMeasurement)
			require.NoError(t, err)
			require.True(t, f.Required)
			require.Equal(t, time.Hour, f.MaxAge)
			require.Equal(t, uint32(0x97), f.PCRSelection)
			require.Equal(t, [32]byte(testAK), f.AKDigest)
			require.Equal(t, attest.MeasurementAllowed, f.Measurement)
			require.Eventually(t, func() bool {
				hits := e.v.Stats().Hits
				g, err := e.attestation(root, d, testMeasurement)
				g.Version = f.Version
				return err == nil && g == f && e.v.Stats().Hits == hits+1
			}, 5*time.Second, 10*time.Millisecond, "facts are served from the cache once processed")
			f, err = e.attestation(root, d, testMeasurement)
			require.NoError(t, err)
			other, err := e.attestation(e.operator.Address(), d, testMeasurement)
			require.NoError(t, err)
			require.Zero(t, other.AKDigest, "the AK is the root's enrollment, not the operator's")
			drain(e.revs)

			// Revocation: reported in the block it was mined, cached Allowed dropped.
			version := src.Version()
			tx, err := e.Reg.Submit(e.Ctx, e.root, e.Reg.ABI.PackSetMeasurement(realm, testMeasurement, false))
			require.NoError(t, err)
			mined := time.Now()
			r, at := e.waitRevocation(verifier.RevokedMeasurement, 5*time.Second)
			rc, err := e.Reg.Wait(e.Ctx, tx.Hash())
			require.NoError(t, err)
			require.Equal(t, rc.BlockNumber.Uint64(), r.Block)
			require.Equal(t, realm, r.Realm)
			require.Equal(t, testMeasurement, r.Digest)
			require.NotEqual(t, version, src.Version(), "the version moved")
			t.Logf("%s: measurement revoked → verdict dropped in %s", k, at.Sub(mined))
			f, err = e.attestation(root, d, testMeasurement)
			require.NoError(t, err)
			require.Equal(t, attest.MeasurementRevoked, f.Measurement)

			// A plain re-authorization in a later block drops the AK: reported for the delegate.
			drain(e.revs)
			_, err = e.Reg.Authorize(e.Ctx, e.root, realm, d, time.Time{}, time.Time{})
			require.NoError(t, err)
			r, _ = e.waitRevocation(verifier.AttestationChanged, 5*time.Second)
			require.Equal(t, d, r.Delegate)
			require.Equal(t, root, r.Issuer)
			f, err = e.attestation(root, d, testMeasurement)
			require.NoError(t, err)
			require.Zero(t, f.AKDigest)

			// The policy is relaxed: reported for the realm.
			drain(e.revs)
			_, err = e.Reg.SetAttestationPolicy(e.Ctx, e.root, realm, chain.AttestationPolicy{})
			require.NoError(t, err)
			r, _ = e.waitRevocation(verifier.AttestationChanged, 5*time.Second)
			require.Equal(t, realm, r.Realm)
			require.Zero(t, r.Delegate)
			f, err = e.attestation(root, d, common.Hash{})
			require.NoError(t, err)
			require.False(t, f.Required)
		})
	}
}

// TestAttestationRealmMove: a realm move voids the measurements allowed under the old Realm-CA;
// the cached Allowed is dropped with it.
func TestAttestationRealmMove(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.start()
	realm := e.realm.Address()
	_, err := e.Reg.AllowMeasurement(e.Ctx, e.root, realm, testMeasurement)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		f, err := e.attestation(e.root.Address(), common.Address{1}, testMeasurement)
		return err == nil && f.Measurement == attest.MeasurementAllowed && e.v.Stats().Hits > 0
	}, 5*time.Second, 10*time.Millisecond)
	root2 := e.Account()
	_, err = e.Reg.RegisterRoot(e.Ctx, root2, chain.PolicyPrivate)
	require.NoError(t, err)
	_, err = e.Reg.SetRealmCA(e.Ctx, e.realm, root2)
	require.NoError(t, err)
	e.waitRevocation(verifier.MovedRealm, 5*time.Second)
	f, err := e.attestation(e.root.Address(), common.Address{1}, testMeasurement)
	require.NoError(t, err)
	require.Equal(t, attest.MeasurementUnknown, f.Measurement)
}

// TestAttestationConfirmations: with confirmations an allowance and an AK count only once
// confirmed, a revocation and a requirement at once.
func TestAttestationConfirmations(t *testing.T) {
	const conf = 2
	e := setup(t, chaintest.Simulated, 0)
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{Simulated: e.Sim, Confirmations: conf})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	e.Backend = b
	e.start()
	realm, root := e.realm.Address(), e.root.Address()
	d := e.Signer().Address()
	_, err = e.Reg.SetAttestationPolicy(e.Ctx, e.root, realm, testPolicy)
	require.NoError(t, err)
	_, err = e.Reg.AllowMeasurement(e.Ctx, e.root, realm, testMeasurement)
	require.NoError(t, err)
	_, err = e.Reg.AuthorizeWithAttestationKey(e.Ctx, e.root, realm, d, time.Time{}, time.Time{}, testAK)
	require.NoError(t, err)
	f, err := e.attestation(root, d, testMeasurement)
	require.NoError(t, err)
	require.True(t, f.Required, "a requirement counts at once")
	require.Equal(t, attest.MeasurementUnknown, f.Measurement, "an allowance waits for confirmations")
	require.Zero(t, f.AKDigest, "an enrollment waits for confirmations")
	for range conf {
		e.Mine()
	}
	require.Eventually(t, func() bool {
		f, err = e.attestation(root, d, testMeasurement)
		return err == nil && f.Measurement == attest.MeasurementAllowed && f.AKDigest == [32]byte(testAK)
	}, 5*time.Second, 10*time.Millisecond)
	_, err = e.Reg.RevokeMeasurement(e.Ctx, e.root, realm, testMeasurement)
	require.NoError(t, err)
	e.waitRevocation(verifier.RevokedMeasurement, 5*time.Second)
	f, err = e.attestation(root, d, testMeasurement)
	require.NoError(t, err)
	require.Equal(t, attest.MeasurementRevoked, f.Measurement, "a revocation counts at once")
}

// TestAttestationFailsClosed: without a live event stream and a readable endpoint there is no
// answer, only an error wrapping e2ee.ErrTrustUnavailable.
func TestAttestationFailsClosed(t *testing.T) {
	e := setup(t, chaintest.AnvilWS, 0)
	e.start()
	_, err := e.attestation(e.root.Address(), common.Address{1}, testMeasurement)
	require.NoError(t, err)
	e.v.Close()
	_, err = e.attestation(e.root.Address(), common.Address{1}, testMeasurement)
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.ErrorIs(t, err, verifier.ErrClosed)
}

// BenchmarkMeasurementRevocation: a measurement revocation mined → the cached Allowed dropped and
// RevokedMeasurement reported, with a delegate revocation (RevokedDelegate) measured the same way
// in the same run as the baseline. blocks/op is the chain's head when the report arrived minus the
// revocation's block (0: within the block that revoked it); ns/op the wall time from the write
// returning to the report.
func BenchmarkMeasurementRevocation(b *testing.B) {
	for _, what := range []string{"measurement", "delegate"} {
		for _, k := range benchKinds {
			b.Run(what+"/"+string(k), func(b *testing.B) {
				e := setup(b, k, 0)
				e.start()
				realm, root := e.realm.Address(), e.root.Address()
				var blocks, worst uint64
				var total time.Duration
				for i := range b.N {
					var revoke []byte
					kind := verifier.RevokedMeasurement
					if what == "measurement" {
						m := crypto.Keccak256Hash([]byte("bench measurement"), []byte{byte(i), byte(i >> 8), byte(i >> 16)})
						_, err := e.Reg.AllowMeasurement(e.Ctx, e.root, realm, m)
						require.NoError(b, err)
						require.Eventually(b, func() bool {
							f, err := e.attestation(root, common.Address{1}, m)
							return err == nil && f.Measurement == attest.MeasurementAllowed && e.v.Processed() >= e.head()
						}, 5*time.Second, time.Millisecond)
						revoke = e.Reg.ABI.PackSetMeasurement(realm, m, false)
					} else {
						d := e.Signer()
						_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
						require.NoError(b, err)
						vc := e.lone(d)
						require.Eventually(b, func() bool {
							_, err := e.decide(vc, realm, common.Address{})
							return err == nil && e.v.Processed() >= e.head()
						}, 5*time.Second, time.Millisecond)
						revoke, kind = e.Reg.ABI.PackRevoke(realm, d.Address()), verifier.RevokedDelegate
					}
					drain(e.revs)
					tx, err := e.Reg.Submit(e.Ctx, e.root, revoke)
					require.NoError(b, err)
					start := time.Now()
					r, at := e.waitRevocation(kind, 10*time.Second)
					total += at.Sub(start)
					head := e.head()
					rc, err := e.Reg.Wait(e.Ctx, tx.Hash())
					require.NoError(b, err)
					require.Equal(b, rc.BlockNumber.Uint64(), r.Block)
					n := head - rc.BlockNumber.Uint64()
					blocks += n
					worst = max(worst, n)
				}
				b.ReportMetric(float64(blocks)/float64(b.N), "blocks/op")
				b.ReportMetric(float64(worst), "blocks-max")
				b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "ns/op")
			})
		}
	}
}
