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

// SimulatedChainID is the chain id of every [SimulatedChain] (go-ethereum's simulated backend).
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
	alloc := types.GenesisAlloc{
		DeterministicDeployer: {Code: common.FromHex(deterministicDeployerRuntime), Balance: new(big.Int)},
	}
	balance := new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil)
	for _, a := range funded {
		alloc[a] = types.Account{Balance: balance}
	}
	b := simulated.NewBackend(alloc, osakaRules)
	return &SimulatedChain{backend: b, client: &autoMiningClient{Client: b.Client(), commit: b.Commit}}
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
