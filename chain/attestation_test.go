package chain_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
)

// TestAttestationOperations runs the attestation operations of chain.Registry on the simulated
// chain and on anvil: the policy round-trips through attestationStatus, measurements are allowed
// and revoked with named reverts, an AK is enrolled with an authorization (also relayed) and
// dropped by a plain re-authorization.
func TestAttestationOperations(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS} {
		t.Run(string(k), func(t *testing.T) {
			e := chaintest.New(t, k, 0)
			ctx, reg := e.Ctx, e.Reg
			root, realm, stranger, relayer := e.Account(), e.Account(), e.Account(), e.Account()
			issuer := e.Signer()
			_, err := reg.RegisterRoot(ctx, root, chain.PolicyPrivate)
			require.NoError(t, err)
			_, err = reg.SetRealmCA(ctx, realm, root)
			require.NoError(t, err)
			r := realm.Address()
			d := common.Address{0xde}
			m := crypto.Keccak256Hash([]byte("measurement"))
			ak := crypto.Keccak256Hash([]byte("ak"))

			st, err := reg.AttestationStatus(ctx, root.Address(), r, d, m)
			require.NoError(t, err)
			require.Equal(t, chain.AttestationStatus{}, st, "nothing set")

			p := chain.AttestationPolicy{Required: true, MaxQuoteAge: 90 * time.Minute, PCRSelection: 0x40ff}
			rc, err := reg.SetAttestationPolicy(ctx, root, r, p)
			require.NoError(t, err)
			_, err = reg.SetAttestationPolicy(ctx, stranger, r, p)
			chaintest.RequireRevert(t, err, "RealmRegistryNotRealmCA")
			_, err = reg.AllowMeasurement(ctx, root, r, m)
			require.NoError(t, err)
			_, err = reg.AllowMeasurement(ctx, root, r, m)
			chaintest.RequireRevert(t, err, "TrustRegistryNoChange")
			_, err = reg.AuthorizeWithAttestationKey(ctx, root, r, d, time.Now().Add(-time.Minute), time.Time{}, ak)
			require.NoError(t, err)
			st, err = reg.AttestationStatus(ctx, root.Address(), r, d, m)
			require.NoError(t, err)
			p.UpdatedBlock = rc.BlockNumber.Uint64()
			require.Equal(t, chain.AttestationStatus{Policy: p, AKDigest: ak, Measurement: chain.MeasurementAllowed}, st)
			require.Equal(t, "Allowed", st.Measurement.String())

			_, err = reg.RevokeMeasurement(ctx, root, r, m)
			require.NoError(t, err)
			_, err = reg.RevokeMeasurement(ctx, root, r, m)
			chaintest.RequireRevert(t, err, "AttestationRegistryMeasurementNotAllowed")
			st, err = reg.AttestationStatus(ctx, root.Address(), r, d, m)
			require.NoError(t, err)
			require.Equal(t, chain.MeasurementRevoked, st.Measurement)

			_, err = reg.Authorize(ctx, root, r, d, time.Now().Add(-time.Minute), time.Time{})
			require.NoError(t, err)
			st, err = reg.AttestationStatus(ctx, root.Address(), r, d, m)
			require.NoError(t, err)
			require.Zero(t, st.AKDigest, "a plain re-authorization drops the AK")

			// Relayed: the issuer signs, a relayer pays.
			_, err = reg.AdmitOperator(ctx, root, r, issuer.Address(), 1<<1)
			require.NoError(t, err)
			data, err := reg.AuthorizeWithAttestationKeyCall(r, d, time.Time{}, time.Time{}, ak)
			require.NoError(t, err)
			call, err := reg.SignRelayed(ctx, issuer, data, nil, time.Now().Add(time.Hour))
			require.NoError(t, err)
			_, err = reg.SubmitRelayed(ctx, relayer, call)
			require.NoError(t, err)
			st, err = reg.AttestationStatus(ctx, issuer.Address(), r, d, common.Hash{})
			require.NoError(t, err)
			require.Equal(t, common.Hash(ak), st.AKDigest)
			a, err := reg.AuthorizationStatus(ctx, issuer.Address(), r, d)
			require.NoError(t, err)
			require.Equal(t, chain.StatusValid, a.Status)
		})
	}
}

func TestAttestationPolicyValidate(t *testing.T) {
	for _, c := range []struct {
		p   chain.AttestationPolicy
		bad string
	}{
		{chain.AttestationPolicy{}, ""},
		{chain.AttestationPolicy{Required: true, MaxQuoteAge: time.Hour, PCRSelection: 1 << 23}, ""},
		{chain.AttestationPolicy{Required: true, PCRSelection: 1}, "needs a max quote age"},
		{chain.AttestationPolicy{Required: true, MaxQuoteAge: time.Hour}, "needs a max quote age and a PCR selection"},
		{chain.AttestationPolicy{PCRSelection: 1 << 24}, "PCRs above 23"},
		{chain.AttestationPolicy{Required: true, MaxQuoteAge: 1500 * time.Millisecond, PCRSelection: 1}, "whole seconds"},
		{chain.AttestationPolicy{Required: true, MaxQuoteAge: 1 << 32 * time.Second, PCRSelection: 1}, "below 2^32"},
		{chain.AttestationPolicy{MaxQuoteAge: -time.Second}, "whole seconds"},
	} {
		err := c.p.Validate()
		if c.bad == "" {
			require.NoError(t, err, "%+v", c.p)
		} else {
			require.ErrorContains(t, err, c.bad, "%+v", c.p)
		}
	}
}
