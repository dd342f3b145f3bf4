package chain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
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
	// Method says how the registry got to Address.
	Method DeployMethod
	// Why explains a Method other than DeployedCREATE2 or AlreadyDeployed in one sentence.
	Why string
}

// DeployMethod says how [Deploy] put the registry on the chain.
type DeployMethod string

const (
	// AlreadyDeployed: the registry was at its CREATE2 address (or at the given address).
	AlreadyDeployed DeployMethod = "existing"
	// DeployedCREATE2 through the deterministic deployment proxy the chain has.
	DeployedCREATE2 DeployMethod = "create2"
	// InstalledProxyCREATE2: the chain lacked the proxy; its pre-signed transaction installed it
	// (the deployer funded the one-time signer), then CREATE2. The address is the canonical one.
	InstalledProxyCREATE2 DeployMethod = "create2-installed-proxy"
	// DeployedCREATE: the chain lacks the proxy and refused its pre-signed transaction, so the
	// registry was deployed with plain CREATE: its address depends on the deployer and its nonce,
	// and every node and command must be given it (--registry).
	DeployedCREATE DeployMethod = "create"
)

// The deterministic deployment proxy's keyless installation (github.com/Arachnid/
// deterministic-deployment-proxy): a pre-EIP-155 transaction with signature r = s = 0x22…22, so
// nobody holds the key of its signer and it can only ever create the proxy, at nonce 0.
var (
	deployerInstallTx = common.FromHex("0xf8a58085174876e800830186a08080b853604580600e600039806000f350fe7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf31ba02222222222222222222222222222222222222222222222222222222222222222a02222222222222222222222222222222222222222222222222222222222222222")
	// DeployerSigner is the one-time signer of the proxy's pre-signed installation transaction.
	DeployerSigner = common.HexToAddress("0x3fab184622dc19b6109349b94811493bf2a45362")
	// deployerInstallCost is gas limit × gas price of the pre-signed transaction (0.01 ether).
	deployerInstallCost = new(big.Int).Mul(big.NewInt(100_000), big.NewInt(100_000_000_000))
)

// ErrUnprotectedRefused means the endpoint refuses transactions without EIP-155 replay
// protection (go-ethereum's default over RPC), such as the proxy's pre-signed installation.
var ErrUnprotectedRefused = errors.New("endpoint refuses transactions without EIP-155 replay protection")

// isUnprotectedRefusal recognises the refusal of a pre-EIP-155 transaction: go-ethereum's
// "only replay-protected (EIP-155) transactions allowed over RPC", and the like of other clients.
func isUnprotectedRefusal(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "eip-155") || strings.Contains(m, "eip155") || strings.Contains(m, "replay-protected") || strings.Contains(m, "replay protected")
}

// DeployOptions configure [Deploy].
type DeployOptions struct {
	// Salt of the CREATE2 deployment; zero means [DefaultRegistrySalt].
	Salt common.Hash
	// Timeout bounds the wait for each receipt; zero means 2 minutes.
	Timeout time.Duration
	// Existing, when not zero, is where an earlier deployment (by plain CREATE) put the
	// registry: if it holds the registry's code Deploy reports it and sends nothing.
	Existing common.Address
	// NoCREATE refuses the plain-CREATE fallback: Deploy then fails with ErrNoDeployer where
	// the proxy is missing and cannot be installed.
	NoCREATE bool
}

// Deploy puts the TrustRegistry on the chain, signing with opts, in the first way the chain
// allows: where it already is (idempotent), through the deterministic deployment proxy
// (CREATE2, the same address on every chain), after installing the proxy with its pre-signed
// transaction where the chain accepts it, else with plain CREATE. The result says which.
func Deploy(ctx context.Context, backend DeployBackend, opts *bind.TransactOpts, o DeployOptions) (*Deployment, error) {
	if o.Salt == (common.Hash{}) {
		o.Salt = DefaultRegistrySalt
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Existing != (common.Address{}) {
		ok, err := isRegistry(ctx, backend, o.Existing)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("deploy registry: no registry at %s (the code there is not this version's TrustRegistry)", o.Existing.Hex())
		}
		return &Deployment{Address: o.Existing, Method: AlreadyDeployed}, nil
	}
	dep, err := DeployRegistry(ctx, backend, opts, o.Salt, o.Timeout)
	if !errors.Is(err, ErrNoDeployer) {
		return dep, err
	}
	why, err := InstallDeployer(ctx, backend, opts, o.Timeout)
	if err == nil {
		dep, err := DeployRegistry(ctx, backend, opts, o.Salt, o.Timeout)
		if err != nil {
			return nil, err
		}
		dep.Method, dep.Why = InstalledProxyCREATE2, why
		return dep, nil
	}
	if !errors.Is(err, ErrUnprotectedRefused) && !errors.Is(err, errCannotInstall) {
		return nil, err
	}
	if o.NoCREATE {
		return nil, fmt.Errorf("deploy registry: %w, and %v", ErrNoDeployer, err)
	}
	return deployCREATE(ctx, backend, opts, o.Timeout, fmt.Sprintf("the chain has no deterministic deployment proxy and %v", err))
}

// errCannotInstall means the proxy's installation transaction can no longer work on this chain.
var errCannotInstall = errors.New("the proxy cannot be installed")

// InstallDeployer installs the deterministic deployment proxy at [DeterministicDeployer] by
// broadcasting its pre-signed transaction, after funding the one-time signer from opts when it
// lacks the 0.01 ether the transaction costs. It fails with an error wrapping
// [ErrUnprotectedRefused] before spending anything when the endpoint refuses pre-EIP-155
// transactions. It returns a sentence for the operator saying what it did.
func InstallDeployer(ctx context.Context, backend DeployBackend, opts *bind.TransactOpts, timeout time.Duration) (string, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(deployerInstallTx); err != nil {
		return "", fmt.Errorf("install proxy: decode the pre-signed transaction: %w", err)
	}
	nonce, err := backend.PendingNonceAt(ctx, DeployerSigner)
	if err != nil {
		return "", fmt.Errorf("install proxy: read the signer's nonce: %w", err)
	}
	if nonce > 0 {
		return "", fmt.Errorf("%w: its one-time signer %s has already sent a transaction on this chain", errCannotInstall, DeployerSigner.Hex())
	}
	// Send first, unfunded: a node that enforces EIP-155 answers before it looks at balances, so
	// refusal costs nothing; otherwise the answer is "insufficient funds" and we fund the signer.
	err = backend.SendTransaction(ctx, tx)
	funded := ""
	if err != nil {
		if isUnprotectedRefusal(err) {
			return "", fmt.Errorf("%w (it refused the proxy's pre-signed transaction: %v)", ErrUnprotectedRefused, err)
		}
		if !strings.Contains(strings.ToLower(err.Error()), "insufficient funds") {
			return "", fmt.Errorf("%w: the chain rejected its pre-signed transaction: %v", errCannotInstall, err)
		}
		need := deployerInstallCost
		{
			fund, err := sendValue(ctx, backend, opts, DeployerSigner, need)
			if err != nil {
				return "", fmt.Errorf("install proxy: fund its signer %s: %w", DeployerSigner.Hex(), err)
			}
			if _, err := waitSuccess(ctx, backend, fund.Hash(), timeout, "fund the proxy's signer"); err != nil {
				return "", err
			}
			funded = fmt.Sprintf(" after sending its one-time signer %s %s wei", DeployerSigner.Hex(), need)
		}
		if err := backend.SendTransaction(ctx, tx); err != nil {
			if isUnprotectedRefusal(err) {
				return "", fmt.Errorf("%w (it refused the proxy's pre-signed transaction: %v)", ErrUnprotectedRefused, err)
			}
			return "", fmt.Errorf("%w: the chain rejected its pre-signed transaction: %v", errCannotInstall, err)
		}
	}
	if _, err := waitSuccess(ctx, backend, tx.Hash(), timeout, "install the proxy"); err != nil {
		return "", err
	}
	code, err := backend.CodeAt(ctx, DeterministicDeployer, nil)
	if err != nil {
		return "", fmt.Errorf("install proxy: read its code: %w", err)
	}
	if !bytes.Equal(code, common.FromHex(deterministicDeployerRuntime)) {
		return "", fmt.Errorf("install proxy: unexpected code at %s after its installation", DeterministicDeployer.Hex())
	}
	return "the chain had no deterministic deployment proxy; installed it at " + DeterministicDeployer.Hex() +
		" with its pre-signed transaction" + funded, nil
}

// sendValue sends value wei from opts.From to an account (bind's transactors insist on code).
func sendValue(ctx context.Context, backend DeployBackend, opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	nonce, err := backend.PendingNonceAt(ctx, opts.From)
	if err != nil {
		return nil, err
	}
	price, err := backend.SuggestGasPrice(ctx)
	if err != nil {
		return nil, err
	}
	// A legacy transaction: the transactor's EIP-155 signer adds the chain id.
	tx, err := opts.Signer(opts.From, types.NewTx(&types.LegacyTx{Nonce: nonce, GasPrice: price, Gas: 21000, To: &to, Value: value}))
	if err != nil {
		return nil, err
	}
	return tx, backend.SendTransaction(ctx, tx)
}

// deployCREATE deploys the registry with plain CREATE from opts.From.
func deployCREATE(ctx context.Context, backend DeployBackend, opts *bind.TransactOpts, timeout time.Duration, why string) (*Deployment, error) {
	o := *opts
	o.Context = ctx
	addr, tx, err := bind.DeployContract(&o, RegistryInitCode(), backend, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy registry with CREATE: %w", DecodeRevert(err))
	}
	receipt, err := waitSuccess(ctx, backend, tx.Hash(), timeout, "deploy registry with CREATE")
	if err != nil {
		return nil, err
	}
	ok, err := isRegistry(ctx, backend, addr)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("deploy registry with CREATE: no registry code at %s after transaction %s", addr.Hex(), tx.Hash().Hex())
	}
	return &Deployment{Address: addr, Receipt: receipt, Method: DeployedCREATE,
		Why: why + "; deployed with plain CREATE from " + opts.From.Hex() + " at nonce " + fmt.Sprint(tx.Nonce()) +
			": not the canonical address " + RegistryAddress(DefaultRegistrySalt).Hex() + ", so give every node and command --registry " + addr.Hex()}, nil
}

// isRegistry reports whether addr holds this version's TrustRegistry runtime code.
func isRegistry(ctx context.Context, backend DeployBackend, addr common.Address) (bool, error) {
	code, err := backend.CodeAt(ctx, addr, nil)
	if err != nil {
		return false, fmt.Errorf("read code at %s: %w", addr.Hex(), err)
	}
	if len(code) == 0 {
		return false, nil
	}
	r := NewRegistry(backend, addr)
	out, err := r.Call(ctx, r.ABI.PackGetRealm(common.Address{}))
	if err != nil {
		return false, nil
	}
	_, err = r.ABI.UnpackGetRealm(out)
	return err == nil, nil
}

func waitSuccess(ctx context.Context, backend DeployBackend, hash common.Hash, timeout time.Duration, what string) (*types.Receipt, error) {
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	receipt, err := WaitReceipt(waitCtx, backend, hash)
	if err != nil {
		return nil, fmt.Errorf("%s: wait for transaction %s: %w", what, hash.Hex(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("%s: transaction %s failed (gas used %d)", what, hash.Hex(), receipt.GasUsed)
	}
	return receipt, nil
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
		return &Deployment{Address: addr, Method: AlreadyDeployed}, nil
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
	return &Deployment{Address: addr, Receipt: receipt, Method: DeployedCREATE2}, nil
}
