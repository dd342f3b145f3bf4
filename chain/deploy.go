package chain

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/bindings"
)

// DeterministicDeployer is the address of the widely deployed CREATE2 deployment proxy
// (Arachnid's deterministic-deployment-proxy, also forge's default CREATE2 deployer and
// pre-deployed by anvil). Calling it with `salt ‖ initcode` deploys initcode with CREATE2.
var DeterministicDeployer = common.HexToAddress("0x4e59b44847b379578588920ca78fbf26c0b4956c")

// deterministicDeployerRuntime is the proxy's runtime bytecode, used in simulated genesis.
const deterministicDeployerRuntime = "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3"

// DefaultRegistrySalt is the CREATE2 salt of the canonical registry deployment: keccak256("e2ee-node/TrustRegistry/v1").
var DefaultRegistrySalt = crypto.Keccak256Hash([]byte("e2ee-node/TrustRegistry/v1"))

// ErrNoDeployer means the chain has no code at [DeterministicDeployer].
var ErrNoDeployer = errors.New("chain has no deterministic deployment proxy at " + DeterministicDeployer.Hex())

// RegistryInitCode returns the TrustRegistry creation bytecode (the constructor takes no arguments).
func RegistryInitCode() []byte {
	return common.FromHex(bindings.TrustRegistryMetaData.Bin)
}

// RegistryAddress returns where [DeployRegistry] puts the registry for salt: the same address on
// every chain for the same bytecode and salt.
func RegistryAddress(salt common.Hash) common.Address {
	return crypto.CreateAddress2(DeterministicDeployer, salt, crypto.Keccak256(RegistryInitCode()))
}

// DeployBackend is what deployment needs of a chain connection.
type DeployBackend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Deployment reports a registry deployment.
type Deployment struct {
	// Address of the registry.
	Address common.Address
	// Receipt of the deployment transaction, nil when the registry was already deployed.
	Receipt *types.Receipt
}

// DeployRegistry deploys the TrustRegistry through the deterministic deployment proxy with salt,
// signing with opts, and waits for the receipt up to timeout. It is idempotent: if the registry
// already has code at [RegistryAddress](salt) it returns that without a transaction. It fails with
// [ErrNoDeployer] when the chain lacks the proxy.
func DeployRegistry(ctx context.Context, backend DeployBackend, opts *bind.TransactOpts, salt common.Hash, timeout time.Duration) (*Deployment, error) {
	addr := RegistryAddress(salt)
	code, err := backend.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy registry: read code at %s: %w", addr.Hex(), err)
	}
	if len(code) > 0 {
		return &Deployment{Address: addr}, nil
	}
	proxyCode, err := backend.CodeAt(ctx, DeterministicDeployer, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy registry: read deployer code: %w", err)
	}
	if len(proxyCode) == 0 {
		return nil, ErrNoDeployer
	}
	data := append(salt.Bytes(), RegistryInitCode()...)
	proxy := bind.NewBoundContract(DeterministicDeployer, abi.ABI{}, backend, backend, backend)
	tx, err := proxy.RawTransact(opts, data)
	if err != nil {
		return nil, fmt.Errorf("deploy registry: send CREATE2 transaction: %w", err)
	}
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	receipt, err := WaitReceipt(waitCtx, backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("deploy registry: wait for transaction %s: %w", tx.Hash().Hex(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("deploy registry: transaction %s failed (gas used %d)", tx.Hash().Hex(), receipt.GasUsed)
	}
	code, err = backend.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy registry: read code at %s: %w", addr.Hex(), err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("deploy registry: no code at %s after transaction %s", addr.Hex(), tx.Hash().Hex())
	}
	return &Deployment{Address: addr, Receipt: receipt}, nil
}
