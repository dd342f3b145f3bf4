package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"reflect"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"
)

// SimulatedChainID is the chain id of a [SimulatedChain] (go-ethereum's simulated backend), and
// of a [Devnet] unless configured otherwise.
const SimulatedChainID = 1337

// SimulatedChain is an embedded go-ethereum chain that mines each transaction into its own block
// as soon as it is sent (like anvil's automine), so that code waiting for receipts works unchanged.
// It has the deterministic deployment proxy at [DeterministicDeployer] from genesis.
type SimulatedChain struct {
	backend *simulated.Backend
	client  *autoMiningClient
}

// NewSimulatedChain starts a simulated chain where each of funded holds 10^24 wei.
// Close it when done.
func NewSimulatedChain(funded ...common.Address) *SimulatedChain {
	sim, err := newSimulatedChain(simulatedOptions{funded: funded})
	if err != nil {
		panic(err) // as simulated.NewBackend: only a broken go-ethereum build gets here
	}
	return sim
}

// simulatedOptions configure newSimulatedChain.
type simulatedOptions struct {
	funded     []common.Address
	chainID    uint64 // 0: SimulatedChainID
	noDeployer bool   // genesis without the deterministic deployment proxy
	// node sets the RPC endpoints of the node (nil: in-process only).
	node func(*node.Config)
}

// devBalance is what each funded account holds at genesis: 10^24 wei (a million ether).
var devBalance = new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil)

func newSimulatedChain(o simulatedOptions) (s *SimulatedChain, err error) {
	alloc := types.GenesisAlloc{
		DeterministicDeployer: {Code: common.FromHex(deterministicDeployerRuntime), Balance: new(big.Int)},
	}
	for _, a := range o.funded {
		alloc[a] = types.Account{Balance: new(big.Int).Set(devBalance)}
	}
	opts := []func(*node.Config, *ethconfig.Config){osakaRules}
	if o.chainID != 0 {
		id := new(big.Int).SetUint64(o.chainID)
		opts = append(opts, func(_ *node.Config, eth *ethconfig.Config) {
			cfg := *eth.Genesis.Config
			cfg.ChainID = id
			eth.Genesis.Config = &cfg
			eth.NetworkId = o.chainID
		})
	}
	if o.noDeployer {
		// go-ethereum puts the proxy into every dev genesis (EIP-7997); take it out again.
		opts = append(opts, func(_ *node.Config, eth *ethconfig.Config) {
			delete(eth.Genesis.Alloc, DeterministicDeployer)
		})
	}
	if o.node != nil {
		opts = append(opts, func(n *node.Config, _ *ethconfig.Config) { o.node(n) })
	}
	// simulated.NewBackend panics when the node cannot start (e.g. its RPC port is taken).
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("start simulated chain: %v", r)
		}
	}()
	b := simulated.NewBackend(alloc, opts...)
	return &SimulatedChain{backend: b, client: &autoMiningClient{Client: b.Client(), commit: b.Commit}}, nil
}

// Client returns the chain's client; every transaction sent through it is mined before
// SendTransaction returns.
func (s *SimulatedChain) Client() simulated.Client { return s.client }

// Backend returns the underlying simulated backend, for time travel, forks and rollbacks in tests.
func (s *SimulatedChain) Backend() *simulated.Backend { return s.backend }

// Commit mines a block (possibly empty) and returns its hash.
func (s *SimulatedChain) Commit() common.Hash {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	return s.backend.Commit()
}

// RPCClient returns the in-process JSON-RPC client of the chain, for batched calls
// (rpc.Client.BatchCallContext). Transactions sent through it are not mined automatically.
func (s *SimulatedChain) RPCClient() *rpc.Client {
	// The simulated client is an unexported struct whose exported field Client (an
	// *ethclient.Client over the node's in-process RPC) shadows ethclient's Client method.
	v := reflect.ValueOf(s.backend.Client())
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Client"); f.IsValid() && f.CanInterface() {
			if ec, ok := f.Interface().(*ethclient.Client); ok && ec != nil {
				return ec.Client()
			}
		}
	}
	return nil
}

// Close stops the chain.
func (s *SimulatedChain) Close() error { return s.backend.Close() }

// osakaRules pins the simulated chain to the forks live on Ethereum mainnet (through Osaka):
// go-ethereum's dev default also enables the unreleased next fork, whose storage repricing would
// make gas figures incomparable with mainnet and anvil.
func osakaRules(_ *node.Config, eth *ethconfig.Config) {
	cfg := *eth.Genesis.Config
	cfg.BogotaTime = nil
	eth.Genesis.Config = &cfg
}

// autoMiningClient commits a block right after each accepted transaction.
type autoMiningClient struct {
	simulated.Client
	commit func() common.Hash
	mu     sync.Mutex
}

// SendTransaction submits tx and mines it into a new block.
func (c *autoMiningClient) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	c.commit()
	return nil
}

// NewDevKey returns a fresh random secp256k1 key for tests and the demo.
func NewDevKey() (*ecdsa.PrivateKey, error) {
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("generate key: %w", err)
	}
	return k, nil
}
