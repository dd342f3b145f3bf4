package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/gorilla/websocket"
)

// Transport says how a [Backend] reaches its chain, which decides how registry events are
// followed: by log subscription (simulated, websocket, IPC) or by polling (HTTP).
type Transport uint8

const (
	// TransportSimulated is the embedded go-ethereum simulated chain (the default).
	TransportSimulated Transport = iota + 1
	// TransportHTTP is JSON-RPC over http(s): no subscriptions, events are polled.
	TransportHTTP
	// TransportWebsocket is JSON-RPC over ws(s): log and head subscriptions.
	TransportWebsocket
	// TransportIPC is JSON-RPC over a Unix socket: log and head subscriptions.
	TransportIPC
)

// String names the transport.
func (t Transport) String() string {
	switch t {
	case TransportSimulated:
		return "simulated"
	case TransportHTTP:
		return "http"
	case TransportWebsocket:
		return "websocket"
	case TransportIPC:
		return "ipc"
	}
	return fmt.Sprintf("transport(%d)", uint8(t))
}

// Subscribes reports whether the transport supports eth_subscribe.
func (t Transport) Subscribes() bool { return t != TransportHTTP }

// ErrChainIDMismatch means the chain an endpoint serves is not the configured one.
var ErrChainIDMismatch = errors.New("chain id mismatch")

// Client is what the chain package needs of a chain connection: contract calls and
// transactions, receipts, heads, and logs (filter and subscription). Both *ethclient.Client and
// the simulated chain's client implement it.
type Client interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.ChainIDReader
	ethereum.BlockNumberReader
	ethereum.ChainReader
}

// BackendConfig selects and checks a chain connection.
type BackendConfig struct {
	// URL is a JSON-RPC endpoint: http(s)://, ws(s)://, or an IPC socket path. Empty means
	// the simulated chain in Simulated (or a fresh one with no funded accounts).
	URL string
	// Simulated is the embedded chain to use when URL is empty. The Backend does not close a
	// chain it was given.
	Simulated *SimulatedChain
	// ChainID, when not zero, must equal the chain id the endpoint reports (eth_chainId);
	// otherwise Connect fails with ErrChainIDMismatch.
	ChainID uint64
	// Confirmations is how many blocks must be built on top of a block before a write in it
	// counts as done (Registry waits for them) and before state read from it counts for a
	// positive trust decision (package chain/verifier). 0 means the block itself suffices.
	Confirmations uint64
}

// Backend is a checked connection to one chain: a [Client], the raw RPC client (for batched
// reads), the chain id read from the chain, the transport, and the confirmation depth.
type Backend struct {
	client        Client
	rpc           *rpc.Client
	chainID       *big.Int
	transport     Transport
	confirmations uint64
	ownedSim      *SimulatedChain
}

// Connect dials cfg.URL (or uses the simulated chain), reads the chain id and checks it against
// cfg.ChainID. Close the Backend when done.
func Connect(ctx context.Context, cfg BackendConfig) (*Backend, error) {
	b := &Backend{confirmations: cfg.Confirmations}
	if cfg.URL == "" {
		sim := cfg.Simulated
		if sim == nil {
			sim = NewSimulatedChain()
			b.ownedSim = sim
		}
		b.client = sim.Client()
		b.rpc = sim.RPCClient()
		b.transport = TransportSimulated
	} else {
		switch {
		case strings.HasPrefix(cfg.URL, "http://"), strings.HasPrefix(cfg.URL, "https://"):
			b.transport = TransportHTTP
		case strings.HasPrefix(cfg.URL, "ws://"), strings.HasPrefix(cfg.URL, "wss://"):
			b.transport = TransportWebsocket
		case strings.Contains(cfg.URL, "://"):
			return nil, fmt.Errorf("connect: unsupported endpoint scheme in %.100q (want http, https, ws, wss or an IPC path)", cfg.URL)
		default:
			b.transport = TransportIPC
		}
		var opts []rpc.ClientOption
		if b.transport == TransportWebsocket {
			opts = append(opts, rpc.WithWebsocketDialer(websocketDialer()))
		}
		c, err := rpc.DialOptions(ctx, cfg.URL, opts...)
		if err != nil {
			return nil, fmt.Errorf("connect: dial %s endpoint: %w", b.transport, err)
		}
		b.rpc = c
		b.client = ethclient.NewClient(c)
	}
	id, err := b.client.ChainID(ctx)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("connect: read chain id over %s: %w", b.transport, err)
	}
	if cfg.ChainID != 0 && (!id.IsUint64() || id.Uint64() != cfg.ChainID) {
		b.Close()
		return nil, fmt.Errorf("connect: %w: endpoint serves chain %s, configured %d", ErrChainIDMismatch, id, cfg.ChainID)
	}
	b.chainID = id
	return b, nil
}

// Client returns the chain client.
func (b *Backend) Client() Client { return b.client }

// RPC returns the raw JSON-RPC client (for batched calls).
func (b *Backend) RPC() *rpc.Client { return b.rpc }

// ChainID returns the chain id read at Connect (a copy).
func (b *Backend) ChainID() *big.Int { return new(big.Int).Set(b.chainID) }

// Transport returns how the backend reaches its chain.
func (b *Backend) Transport() Transport { return b.transport }

// Confirmations returns the configured confirmation depth.
func (b *Backend) Confirmations() uint64 { return b.confirmations }

// Registry returns the registry at address over this backend, waiting for the backend's
// confirmations after each write.
func (b *Backend) Registry(address common.Address) *Registry {
	r := NewRegistry(b.client, address)
	r.confirmations = b.confirmations
	r.chainID = b.ChainID()
	return r
}

// Close releases the connection (and a simulated chain Connect created itself). A simulated
// chain passed in BackendConfig.Simulated stays open.
func (b *Backend) Close() {
	if b.ownedSim != nil {
		_ = b.ownedSim.Close()
		b.ownedSim = nil
		return
	}
	if b.transport != TransportSimulated && b.rpc != nil {
		b.rpc.Close()
	}
}

// websocketDialer is go-ethereum's default websocket dialer (its buffer sizes
// and proxy) with every TCP connection a quickAck one.
func websocketDialer() websocket.Dialer {
	return websocket.Dialer{
		ReadBufferSize:  1024,
		WriteBufferSize: 1024,
		WriteBufferPool: new(sync.Pool),
		Proxy:           http.ProxyFromEnvironment,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return quickAck(c), nil
		},
	}
}
