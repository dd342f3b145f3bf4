package chain_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// proxylessDevnet starts a devnet without the deployment proxy and dials it over http.
func proxylessDevnet(t *testing.T, allowUnprotected bool) (*ethclient.Client, *bind.TransactOpts) {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	d, err := chain.StartDevnet(chain.DevnetConfig{
		NoDeployer: true, AllowUnprotectedTxs: allowUnprotected,
		Funded: []common.Address{crypto.PubkeyToAddress(key.PublicKey)},
	})
	require.NoError(t, err)
	t.Cleanup(func() { _ = d.Close() })
	c, err := ethclient.Dial(d.HTTPURL())
	require.NoError(t, err)
	t.Cleanup(c.Close)
	code, err := c.CodeAt(context.Background(), chain.DeterministicDeployer, nil)
	require.NoError(t, err)
	require.Empty(t, code, "the devnet must start without the proxy")
	return c, bind.NewKeyedTransactor(key, big.NewInt(chain.SimulatedChainID))
}

// TestDeployInstallsProxy: a chain that accepts pre-EIP-155 transactions gets the proxy from its
// pre-signed transaction, and the registry lands at the canonical address.
func TestDeployInstallsProxy(t *testing.T) {
	c, opts := proxylessDevnet(t, true)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dep, err := chain.Deploy(ctx, c, opts, chain.DeployOptions{})
	require.NoError(t, err)
	require.Equal(t, chain.InstalledProxyCREATE2, dep.Method)
	require.Equal(t, chain.RegistryAddress(chain.DefaultRegistrySalt), dep.Address)
	require.Contains(t, dep.Why, "installed it at "+chain.DeterministicDeployer.Hex())
	again, err := chain.Deploy(ctx, c, opts, chain.DeployOptions{})
	require.NoError(t, err)
	require.Equal(t, chain.AlreadyDeployed, again.Method)
	require.Equal(t, dep.Address, again.Address)
}

// TestDeployFallsBackToCREATE: go-ethereum refuses the proxy's pre-signed transaction over RPC
// by default; the registry is deployed with plain CREATE, the signer is not funded, and the
// result says so and where.
func TestDeployFallsBackToCREATE(t *testing.T) {
	c, opts := proxylessDevnet(t, false)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := chain.Deploy(ctx, c, opts, chain.DeployOptions{NoCREATE: true})
	require.ErrorIs(t, err, chain.ErrNoDeployer)
	require.ErrorContains(t, err, "EIP-155")

	nonce, err := c.PendingNonceAt(ctx, opts.From)
	require.NoError(t, err)
	dep, err := chain.Deploy(ctx, c, opts, chain.DeployOptions{})
	require.NoError(t, err)
	require.Equal(t, chain.DeployedCREATE, dep.Method)
	require.Equal(t, crypto.CreateAddress(opts.From, nonce), dep.Address)
	require.NotEqual(t, chain.RegistryAddress(chain.DefaultRegistrySalt), dep.Address)
	require.Contains(t, dep.Why, "EIP-155")
	require.Contains(t, dep.Why, "--registry "+dep.Address.Hex())
	bal, err := c.BalanceAt(ctx, chain.DeployerSigner, nil)
	require.NoError(t, err)
	require.Zero(t, bal.Sign(), "nothing spent on a proxy the chain refuses")

	// The registry works at its CREATE address.
	reg := chain.NewRegistry(c, dep.Address)
	_, err = reg.RegisterRoot(ctx, chain.NewKeySigner(mustKey(t)), chain.PolicyPrivate)
	require.Error(t, err, "an unfunded root cannot pay (the call reached the registry)")
	again, err := chain.Deploy(ctx, c, opts, chain.DeployOptions{Existing: dep.Address})
	require.NoError(t, err)
	require.Equal(t, chain.AlreadyDeployed, again.Method)
	_, err = chain.Deploy(ctx, c, opts, chain.DeployOptions{Existing: common.Address{1}})
	require.ErrorContains(t, err, "no registry at")
}

// TestDeployWithProxy: where the proxy exists, CREATE2 at the canonical address.
func TestDeployWithProxy(t *testing.T) {
	key := mustKey(t)
	d, err := chain.StartDevnet(chain.DevnetConfig{Funded: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}})
	require.NoError(t, err)
	defer d.Close()
	c, err := ethclient.Dial(d.WSURL())
	require.NoError(t, err)
	defer c.Close()
	dep, err := chain.Deploy(context.Background(), c, bind.NewKeyedTransactor(key, big.NewInt(chain.SimulatedChainID)), chain.DeployOptions{})
	require.NoError(t, err)
	require.Equal(t, chain.DeployedCREATE2, dep.Method)
	require.Equal(t, chain.RegistryAddress(chain.DefaultRegistrySalt), dep.Address)
	require.Empty(t, dep.Why)
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}
