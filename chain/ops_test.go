package chain_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TestOperations runs every registry operation of chain.Registry on the simulated chain and on
// a real anvil node, checking state, gas reports and named reverts.
func TestOperations(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS} {
		t.Run(string(k), func(t *testing.T) {
			e := chaintest.New(t, k, 0)
			ctx, reg := e.Ctx, e.Reg
			root, realm, operator, m1, m2, m3 := e.Account(), e.Account(), e.Account(), e.Account(), e.Account(), e.Account()
			d1, d2 := common.Address{0xd1}, common.Address{0xd2}

			rc, err := reg.RegisterRoot(ctx, root, chain.PolicyPermissioned)
			require.NoError(t, err)
			require.NotZero(t, rc.GasUsed, "receipt reports gas")
			_, err = reg.RegisterRoot(ctx, root, chain.PolicyPermissioned)
			chaintest.RequireRevert(t, err, "TrustrootRegistryRootExists")
			_, err = reg.SetRealmCA(ctx, realm, root)
			require.NoError(t, err)

			// Permissioned admission: request, then admit.
			_, err = reg.RequestAdmission(ctx, operator, realm.Address(), cert.CapIntermediateCA|cert.CapProvider)
			require.NoError(t, err)
			_, err = reg.AdmitOperator(ctx, root, realm.Address(), operator.Address(), cert.CapIntermediateCA|cert.CapProvider)
			require.NoError(t, err)

			_, err = reg.Authorize(ctx, root, realm.Address(), d1, time.Now().Add(-time.Minute), time.Time{})
			require.NoError(t, err)
			_, err = reg.Authorize(ctx, operator, realm.Address(), d2, time.Now().Add(-time.Minute), time.Now().Add(time.Hour))
			require.NoError(t, err)
			a, err := reg.AuthorizationStatus(ctx, root.Address(), realm.Address(), d1)
			require.NoError(t, err)
			require.Equal(t, chain.StatusValid, a.Status)
			require.Equal(t, root.Address(), a.Root)
			a, err = reg.AuthorizationStatus(ctx, operator.Address(), realm.Address(), d2)
			require.NoError(t, err)
			require.Equal(t, chain.StatusValid, a.Status)
			require.Equal(t, cert.CapIntermediateCA|cert.CapProvider, a.IssuerCapabilities)

			_, err = reg.Revoke(ctx, root, realm.Address(), d1)
			require.NoError(t, err)
			_, err = reg.Revoke(ctx, root, realm.Address(), d1)
			chaintest.RequireRevert(t, err, "DelegateRegistryAlreadyRevoked")
			_, err = reg.RevokeAllDelegates(ctx, operator, realm.Address())
			require.NoError(t, err)
			a, err = reg.AuthorizationStatus(ctx, operator.Address(), realm.Address(), d2)
			require.NoError(t, err)
			require.Equal(t, chain.StatusRevokedByIssuer, a.Status)
			require.Equal(t, "RevokedByIssuer", a.Status.String())

			digest := crypto.Keccak256Hash([]byte("a certificate"))
			_, err = reg.RevokeCertificate(ctx, operator, digest)
			require.NoError(t, err)
			_, err = reg.RevokeCertificate(ctx, operator, digest)
			chaintest.RequireRevert(t, err, "DelegateRegistryCertificateAlreadyRevoked")

			_, err = reg.RemoveOperator(ctx, root, realm.Address(), operator.Address())
			require.NoError(t, err)
			_, err = reg.SetPolicy(ctx, root, chain.PolicyOpen)
			require.NoError(t, err)
			_, err = reg.BumpEpoch(ctx, root)
			require.NoError(t, err)
			_, err = reg.Retire(ctx, root)
			require.NoError(t, err)
			_, err = reg.BumpEpoch(ctx, root)
			chaintest.RequireRevert(t, err, "TrustrootRegistryRootNotActive")

			// Shared 2-of-3 root: approvals collected until the action runs.
			shared, _, err := reg.RegisterSharedRoot(ctx, m1, common.Hash{7}, []common.Address{m1.Address(), m2.Address(), m3.Address()}, 2, chain.PolicyPrivate)
			require.NoError(t, err)
			realm2 := e.Account()
			_, err = reg.RequestRealmCA(ctx, realm2, shared)
			require.NoError(t, err)
			executed, _, err := reg.ApproveRootAction(ctx, m3, shared, reg.ABI.PackAcceptRealm(realm2.Address()))
			require.NoError(t, err)
			require.False(t, executed)
			_, err = reg.CollectApprovals(ctx, shared, reg.ABI.PackAcceptRealm(realm2.Address()), m1)
			require.NoError(t, err)
			data, err := reg.AuthorizeCall(realm2.Address(), d1, time.Time{}, time.Time{})
			require.NoError(t, err)
			_, err = reg.CollectApprovals(ctx, shared, data, m1)
			require.ErrorContains(t, err, "did not reach the threshold")
			_, err = reg.CollectApprovals(ctx, shared, data, m2)
			require.NoError(t, err)
			a, err = reg.AuthorizationStatus(ctx, shared, realm2.Address(), d1)
			require.NoError(t, err)
			require.Equal(t, chain.StatusValid, a.Status)

			// Relayed: an unfunded root registers, and is set up, through signatures only.
			signer := e.Signer()
			rcall, err := reg.SignRelayed(ctx, signer, reg.ABI.PackRegisterRoot(uint8(chain.PolicyOpen)), nil, time.Now().Add(time.Hour))
			require.NoError(t, err)
			onChain, err := reg.Call(ctx, reg.ABI.PackRelayedCallDigest(rcall.Actor, rcall.Data, rcall.Nonce.ToInt(), rcall.Deadline.ToInt()))
			require.NoError(t, err)
			want, err := chain.RelayedCallDigest(e.Backend.ChainID(), reg.Address(), rcall.Actor, rcall.Data, rcall.Nonce.ToInt(), rcall.Deadline.ToInt())
			require.NoError(t, err)
			require.Equal(t, want[:], onChain, "apitypes digest equals relayedCallDigest")
			rc, err = reg.SubmitRelayed(ctx, e.Payer, rcall)
			require.NoError(t, err)
			require.NotZero(t, rc.GasUsed)
			_, err = reg.SubmitRelayed(ctx, e.Payer, rcall)
			chaintest.RequireRevert(t, err, "InvalidAccountNonce")
			// Cancel a pre-signed call under nonce key 5 with a relayed useNonce.
			key5 := new(big.Int).Lsh(big.NewInt(5), 64)
			pending, err := reg.SignRelayed(ctx, signer, reg.ABI.PackSetPolicy(uint8(chain.PolicyPrivate)), key5, time.Now().Add(time.Hour))
			require.NoError(t, err)
			cancelCall, err := reg.SignRelayed(ctx, signer, reg.ABI.PackUseNonce(big.NewInt(5)), nil, time.Now().Add(time.Hour))
			require.NoError(t, err)
			_, err = reg.SubmitRelayed(ctx, e.Payer, cancelCall)
			require.NoError(t, err)
			_, err = reg.SubmitRelayed(ctx, e.Payer, pending)
			chaintest.RequireRevert(t, err, "InvalidAccountNonce")
			expired, err := reg.SignRelayed(ctx, signer, reg.ABI.PackSetPolicy(uint8(chain.PolicyPrivate)), nil, time.Now().Add(-time.Hour))
			require.NoError(t, err)
			_, err = reg.SubmitRelayed(ctx, e.Payer, expired)
			chaintest.RequireRevert(t, err, "RelayedActorExpiredSignature")
			_, err = reg.UseNonce(ctx, root, big.NewInt(3))
			require.NoError(t, err)
		})
	}
}

// TestConnect checks chain id discovery and the mismatch error, and transport detection.
func TestConnect(t *testing.T) {
	ctx := context.Background()
	sim := chain.NewSimulatedChain()
	t.Cleanup(func() { _ = sim.Close() })
	b, err := chain.Connect(ctx, chain.BackendConfig{Simulated: sim})
	require.NoError(t, err)
	require.Equal(t, int64(chain.SimulatedChainID), b.ChainID().Int64())
	require.Equal(t, chain.TransportSimulated, b.Transport())
	b.Close()
	_, err = chain.Connect(ctx, chain.BackendConfig{Simulated: sim, ChainID: 1})
	require.ErrorIs(t, err, chain.ErrChainIDMismatch)
	require.ErrorContains(t, err, "serves chain 1337, configured 1")
	_, err = chain.Connect(ctx, chain.BackendConfig{URL: "ftp://example"})
	require.ErrorContains(t, err, "unsupported endpoint scheme")

	n := chaintest.StartAnvil(t, anvilOptions())
	for url, tr := range map[string]chain.Transport{n.HTTPURL: chain.TransportHTTP, n.WSURL: chain.TransportWebsocket} {
		b, err := chain.Connect(ctx, chain.BackendConfig{URL: url, ChainID: 31337})
		require.NoError(t, err)
		require.Equal(t, tr, b.Transport())
		require.True(t, tr.Subscribes() == (tr != chain.TransportHTTP))
		b.Close()
		_, err = chain.Connect(ctx, chain.BackendConfig{URL: url, ChainID: chain.SimulatedChainID})
		require.ErrorIs(t, err, chain.ErrChainIDMismatch)
	}
}

// TestConfirmations checks that a write waits for further blocks when confirmations are set.
func TestConfirmations(t *testing.T) {
	e := chaintest.New(t, chaintest.Simulated, 2)
	root := e.Account()
	done := make(chan error, 1)
	go func() { _, err := e.Reg.RegisterRoot(e.Ctx, root, chain.PolicyOpen); done <- err }()
	select {
	case err := <-done:
		t.Fatalf("write returned before confirmations: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	e.Mine()
	e.Mine()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("write did not return after 2 confirmations")
	}
}

// TestKeystoreSigner loads a go-ethereum keystore file.
func TestKeystoreSigner(t *testing.T) {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	ks := keystore.NewKeyStore(t.TempDir(), keystore.LightScryptN, keystore.LightScryptP)
	acct, err := ks.ImportECDSA(k, "pw")
	require.NoError(t, err)
	s, err := chain.LoadKeystoreSigner(acct.URL.Path, "pw")
	require.NoError(t, err)
	require.Equal(t, acct.Address, s.Address())
	require.NotContains(t, s.String(), common.Bytes2Hex(crypto.FromECDSA(k)))
	_, err = chain.LoadKeystoreSigner(acct.URL.Path, "wrong")
	require.Error(t, err)
	_, err = chain.LoadKeystoreSigner(filepath.Join(t.TempDir(), "missing"), "pw")
	require.ErrorIs(t, err, os.ErrNotExist)
}
