package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/node"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// DevnetConfig configures [StartDevnet].
type DevnetConfig struct {
	// Host is the loopback address JSON-RPC listens on; empty means 127.0.0.1. Other addresses
	// are refused: the funded accounts of a development chain have well-known keys.
	Host string
	// Port serves JSON-RPC over http and websocket (one port, as anvil); 0 picks a port that
	// was free a moment before.
	Port int
	// ChainID of the chain; 0 means [SimulatedChainID].
	ChainID uint64
	// BlockTime, when positive, seals a block every BlockTime (empty or not). Zero means
	// automining: a block as soon as a transaction enters the pool.
	BlockTime time.Duration
	// Funded accounts hold 10^24 wei each at genesis.
	Funded []common.Address
	// NoDeployer starts the chain without the deterministic deployment proxy, as a private
	// chain with its own genesis.
	NoDeployer bool
	// AllowUnprotectedTxs accepts transactions without EIP-155 replay protection over RPC
	// (go-ethereum refuses them by default), e.g. the proxy's pre-signed deployment.
	AllowUnprotectedTxs bool
}

// Devnet is a go-ethereum simulated chain served over JSON-RPC (http and websocket) on
// loopback by go-ethereum's own node, with a miner: automining or a fixed block time.
type Devnet struct {
	chain   *SimulatedChain
	httpURL string
	wsURL   string
	chainID uint64

	stop context.CancelFunc
	done chan struct{}
	// minerErr is why the miner stopped early (nil while it runs or after Close).
	mu       sync.Mutex
	minerErr error
}

// devnetModules are the RPC namespaces served: the Ethereum API and the transaction pool
// (no admin, debug or personal).
var devnetModules = []string{"eth", "net", "web3", "txpool"}

// StartDevnet starts the chain, its RPC endpoints and its miner. Close it when done.
func StartDevnet(cfg DevnetConfig) (*Devnet, error) {
	host := cfg.Host
	if host == "" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("devnet: refusing to listen on %q: only loopback addresses (its accounts have public keys)", host)
	}
	port := cfg.Port
	if port == 0 {
		l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return nil, fmt.Errorf("devnet: pick a port: %w", err)
		}
		port = l.Addr().(*net.TCPAddr).Port
		_ = l.Close()
	}
	if port < 1 || port > 65535 {
		return nil, fmt.Errorf("devnet: port %d out of range", port)
	}
	chainID := cfg.ChainID
	if chainID == 0 {
		chainID = SimulatedChainID
	}
	sim, err := newSimulatedChain(simulatedOptions{
		funded: cfg.Funded, chainID: chainID, noDeployer: cfg.NoDeployer,
		node: func(n *node.Config) {
			n.IPCPath = ""
			n.HTTPHost, n.HTTPPort, n.HTTPModules = host, port, devnetModules
			n.HTTPVirtualHosts = []string{"localhost", host}
			n.WSHost, n.WSPort, n.WSModules = host, port, devnetModules
			n.AllowUnprotectedTxs = cfg.AllowUnprotectedTxs
		},
	})
	if err != nil {
		return nil, fmt.Errorf("devnet: %w (is port %d in use?)", err, port)
	}
	hp := net.JoinHostPort(host, strconv.Itoa(port))
	d := &Devnet{chain: sim, httpURL: "http://" + hp, wsURL: "ws://" + hp, chainID: chainID, done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	d.stop = cancel
	if cfg.BlockTime > 0 {
		go d.mineEvery(ctx, cfg.BlockTime)
		return d, nil
	}
	rc := sim.RPCClient()
	if rc == nil {
		cancel()
		_ = sim.Close()
		return nil, fmt.Errorf("devnet: %w", errNoRPC)
	}
	pending := make(chan common.Hash, 256)
	sub, err := rc.EthSubscribe(ctx, pending, "newPendingTransactions")
	if err != nil {
		cancel()
		_ = sim.Close()
		return nil, fmt.Errorf("devnet: subscribe to pending transactions: %w", err)
	}
	go d.autoMine(ctx, pending, sub.Err(), sub.Unsubscribe)
	return d, nil
}

// autoMine seals a block whenever the pool announces transactions: go-ethereum's own
// notification (eth_subscribe "newPendingTransactions"), the trigger geth --dev mines on.
func (d *Devnet) autoMine(ctx context.Context, pending <-chan common.Hash, subErr <-chan error, unsubscribe func()) {
	defer close(d.done)
	defer unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-subErr:
			if err != nil && ctx.Err() == nil {
				d.fail(fmt.Errorf("pending-transaction subscription ended: %w", err))
			}
			return
		case <-pending:
		}
		// One block for everything announced so far.
		for drained := false; !drained; {
			select {
			case <-pending:
			default:
				drained = true
			}
		}
		if err := d.chain.commitPending(ctx); err != nil && ctx.Err() == nil {
			d.fail(err)
			return
		}
	}
}

// mineEvery seals a block every period, empty or not (geth --dev --dev.period).
func (d *Devnet) mineEvery(ctx context.Context, period time.Duration) {
	defer close(d.done)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			d.chain.Commit()
		}
	}
}

func (d *Devnet) fail(err error) {
	d.mu.Lock()
	d.minerErr = err
	d.mu.Unlock()
}

// Err reports why the miner stopped, or nil while it runs.
func (d *Devnet) Err() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.minerErr
}

// Done is closed when the miner stopped (after Close, or on the error Err reports).
func (d *Devnet) Done() <-chan struct{} { return d.done }

// HTTPURL is the JSON-RPC endpoint over http.
func (d *Devnet) HTTPURL() string { return d.httpURL }

// WSURL is the JSON-RPC endpoint over websocket (the same port).
func (d *Devnet) WSURL() string { return d.wsURL }

// ChainID is the chain's id.
func (d *Devnet) ChainID() uint64 { return d.chainID }

// Chain is the simulated chain behind the endpoints, for in-process use: transactions sent
// through its Client are mined before SendTransaction returns.
func (d *Devnet) Chain() *SimulatedChain { return d.chain }

// Close stops the miner, the endpoints and the chain.
func (d *Devnet) Close() error {
	d.stop()
	<-d.done
	return d.chain.Close()
}

// commitPending seals a block if the pool holds executable transactions.
func (s *SimulatedChain) commitPending(ctx context.Context) error {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	rc := s.RPCClient()
	if rc == nil {
		return errNoRPC
	}
	var status map[string]hexutil.Uint64
	if err := rc.CallContext(ctx, &status, "txpool_status"); err != nil {
		return fmt.Errorf("read the transaction pool: %w", err)
	}
	if status["pending"] == 0 {
		return nil
	}
	s.backend.Commit()
	return nil
}

// DevAccountBalance is what each funded account of a [Devnet] or [SimulatedChain] holds at
// genesis, in wei.
func DevAccountBalance() *big.Int { return new(big.Int).Set(devBalance) }

// errNoRPC is returned when the simulated client's raw RPC client cannot be reached.
var errNoRPC = errors.New("simulated chain: no in-process RPC client")

// DevMnemonic is the public test mnemonic of the development accounts (anvil's and Hardhat's):
// [DevAccounts] derives the same keys and addresses those tools fund. Never use it on a real
// network.
const DevMnemonic = "test test test test test test test test test test test junk"

// DevAccounts returns the first n development keys, m/44'/60'/0'/0/i of [DevMnemonic].
func DevAccounts(n int) ([]*ecdsa.PrivateKey, error) {
	seed, err := keys.SeedFromMnemonic(DevMnemonic, "")
	if err != nil {
		return nil, fmt.Errorf("dev accounts: %w", err)
	}
	defer clear(seed)
	out := make([]*ecdsa.PrivateKey, n)
	for i := range out {
		k, err := keys.DeriveDelegateKey(seed, uint32(i))
		if err != nil {
			return nil, fmt.Errorf("dev accounts: %w", err)
		}
		out[i] = k.PrivateKey()
	}
	return out, nil
}
