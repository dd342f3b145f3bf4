package chain_test

import (
	"context"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
)

func startAnvil(t *testing.T, opts anvil.Options) (*anvil.Node, *ethclient.Client) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := anvil.Start(ctx, opts)
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	c, err := ethclient.DialContext(ctx, n.WSURL)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return n, c
}

// TestRegistryOnAnvil deploys the registry with CREATE2 on a real anvil node (the same address as
// on the simulated chain) and runs an authorize → check → revoke round trip over websocket.
func TestRegistryOnAnvil(t *testing.T) {
	_, c := startAnvil(t, anvil.Options{})
	ctx := context.Background()
	id, err := c.ChainID(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(anvil.ChainID), id.Int64())

	keys := make([]*bind.TransactOpts, 3)
	addrs := make([]common.Address, 3)
	for i := range keys {
		k, err := crypto.HexToECDSA(anvil.DevKeys[i])
		require.NoError(t, err)
		keys[i] = bind.NewKeyedTransactor(k, id)
		addrs[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	dep, err := chain.DeployRegistry(ctx, c, keys[0], chain.DefaultRegistrySalt, time.Minute)
	require.NoError(t, err)
	require.NotNil(t, dep.Receipt)
	require.Equal(t, chain.RegistryAddress(chain.DefaultRegistrySalt), dep.Address, "same CREATE2 address on every chain")

	reg := chain.NewRegistry(c, dep.Address)
	a := reg.ABI
	root, realm := addrs[1], addrs[2]
	send := func(i int, data []byte) {
		t.Helper()
		_, err := reg.Transact(ctx, keys[i], data)
		require.NoError(t, err)
	}
	send(1, a.PackRegisterRoot(2))
	send(2, a.PackRequestRealmCA(root))
	send(1, a.PackAcceptRealm(realm))
	delegate := common.Address{0xde}
	send(1, a.PackAuthorize(realm, delegate, big.NewInt(0), big.NewInt(0)))
	out, err := reg.Call(ctx, a.PackIsAuthorized(root, realm, delegate))
	require.NoError(t, err)
	ok, err := a.UnpackIsAuthorized(out)
	require.NoError(t, err)
	require.True(t, ok)
	send(1, a.PackRevoke(realm, delegate))
	out, err = reg.Call(ctx, a.PackIsAuthorized(root, realm, delegate))
	require.NoError(t, err)
	ok, err = a.UnpackIsAuthorized(out)
	require.NoError(t, err)
	require.False(t, ok)

	_, err = reg.Transact(ctx, keys[1], a.PackRevoke(realm, delegate))
	requireRevert(t, err, "DelegateRegistryAlreadyRevoked")
}

// TestDeployRegistryWithoutProxy checks the clear error on a chain without the CREATE2 proxy.
func TestDeployRegistryWithoutProxy(t *testing.T) {
	_, c := startAnvil(t, anvil.Options{NoCreate2Deployer: true})
	k, err := crypto.HexToECDSA(anvil.DevKeys[0])
	require.NoError(t, err)
	_, err = chain.DeployRegistry(context.Background(), c, bind.NewKeyedTransactor(k, big.NewInt(anvil.ChainID)), chain.DefaultRegistrySalt, time.Minute)
	require.ErrorIs(t, err, chain.ErrNoDeployer)
}

// TestForgeScriptDeploysToGoAddress runs contracts/script/DeployRegistry.s.sol with forge against
// anvil and checks that it lands where chain.RegistryAddress says: one address, two tools.
func TestForgeScriptDeploysToGoAddress(t *testing.T) {
	n, c := startAnvil(t, anvil.Options{})
	forge, err := filepath.Abs(filepath.Join("..", "node_modules", "@foundry-rs", "forge-linux-amd64", "bin", "forge"))
	require.NoError(t, err)
	cmd := exec.Command(forge, "script", "contracts/script/DeployRegistry.s.sol",
		"--rpc-url", n.HTTPURL, "--broadcast", "--private-key", "0x"+anvil.DevKeys[0])
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "forge script: %s", out)
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Join("..", "broadcast", "DeployRegistry.s.sol", "31337")) })
	code, err := c.CodeAt(context.Background(), chain.RegistryAddress(chain.DefaultRegistrySalt), nil)
	require.NoError(t, err)
	require.NotEmpty(t, code, "forge script must deploy at chain.RegistryAddress")
}
