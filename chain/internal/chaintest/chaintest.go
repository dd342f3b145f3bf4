// Package chaintest starts the chains the chain packages are tested on — the embedded
// simulated chain and a real anvil node — with the registry deployed and funded accounts.
// Everything it starts is stopped by t.Cleanup.
package chaintest

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
)

// Kind selects a chain for a test.
type Kind string

// The chains tests run on. AnvilHTTP and AnvilWS are the same node reached over its two
// transports.
const (
	Simulated Kind = "simulated"
	AnvilWS   Kind = "anvil-ws"
	AnvilHTTP Kind = "anvil-http"
)

// Env is a chain with the registry deployed and a funded payer.
type Env struct {
	T       testing.TB
	Ctx     context.Context
	Kind    Kind
	Backend *chain.Backend
	Reg     *chain.Registry
	// Sim is the simulated chain (nil on anvil); Node the anvil node (nil on the simulated chain).
	Sim  *chain.SimulatedChain
	Node *anvil.Node
	// Payer funds accounts and pays for relayed calls.
	Payer *chain.KeySigner
}

// New starts a chain of kind k, connects a Backend with confirmations and deploys the registry.
func New(t testing.TB, k Kind, confirmations uint64) *Env {
	t.Helper()
	ctx := context.Background()
	e := &Env{T: t, Ctx: ctx, Kind: k}
	cfg := chain.BackendConfig{Confirmations: confirmations}
	switch k {
	case Simulated:
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		e.Payer = chain.NewKeySigner(key)
		e.Sim = chain.NewSimulatedChain(e.Payer.Address())
		t.Cleanup(func() { _ = e.Sim.Close() })
		cfg.Simulated = e.Sim
		cfg.ChainID = chain.SimulatedChainID
	case AnvilWS, AnvilHTTP:
		e.Node = StartAnvil(t, anvil.Options{})
		key, err := crypto.HexToECDSA(anvil.DevKeys[0])
		require.NoError(t, err)
		e.Payer = chain.NewKeySigner(key)
		cfg.URL = e.Node.WSURL
		if k == AnvilHTTP {
			cfg.URL = e.Node.HTTPURL
		}
		cfg.ChainID = anvil.ChainID
	default:
		t.Fatalf("unknown chain kind %q", k)
	}
	b, err := chain.Connect(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(b.Close)
	e.Backend = b
	e.Deploy()
	return e
}

// StartAnvil starts an anvil node that t.Cleanup stops.
func StartAnvil(t testing.TB, opts anvil.Options) *anvil.Node {
	t.Helper()
	if opts.Home == "" {
		opts.Home = t.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	n, err := anvil.Start(ctx, opts)
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	return n
}

// Deploy deploys the registry (idempotent) and sets e.Reg.
func (e *Env) Deploy() {
	e.T.Helper()
	opts := e.Opts(e.Payer)
	dep, err := chain.DeployRegistry(e.Ctx, e.Backend.Client(), opts, chain.DefaultRegistrySalt, time.Minute)
	require.NoError(e.T, err)
	e.Reg = e.Backend.Registry(dep.Address)
	e.Reg.SetReceiptTimeout(30 * time.Second)
}

// Opts returns bind/v2 transact options signing with s.
func (e *Env) Opts(s chain.TxSigner) *bind.TransactOpts {
	id := e.Backend.ChainID()
	return &bind.TransactOpts{From: s.Address(), Context: e.Ctx, Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
		return s.SignTx(tx, id)
	}}
}

// Account returns a fresh key funded with 1 ether by the payer.
func (e *Env) Account() *chain.KeySigner {
	e.T.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(e.T, err)
	s := chain.NewKeySigner(key)
	ctx, cancel := context.WithTimeout(e.Ctx, 30*time.Second)
	defer cancel()
	require.NoError(e.T, Fund(ctx, e, s.Address()))
	return s
}

// Signer returns an unfunded fresh key (for relayed calls and delegates).
func (e *Env) Signer() *chain.KeySigner {
	e.T.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(e.T, err)
	return chain.NewKeySigner(key)
}

// Mine makes a new block: Commit on the simulated chain, evm_mine on anvil.
func (e *Env) Mine() {
	e.T.Helper()
	if e.Sim != nil {
		e.Sim.Commit()
		return
	}
	require.NoError(e.T, e.Backend.RPC().CallContext(e.Ctx, nil, "evm_mine"))
}

// RequireRevert asserts that err carries the registry's custom error name.
func RequireRevert(t testing.TB, err error, name string) {
	t.Helper()
	require.Error(t, err)
	var rev *chain.RevertError
	require.ErrorAs(t, err, &rev, "error %v carries no decoded revert", err)
	require.Equal(t, name, rev.Name, "revert: %v", err)
}

// Fund sends 1 ether from the payer to addr and waits for it.
func Fund(ctx context.Context, e *Env, addr common.Address) error {
	c := e.Backend.Client()
	nonce, err := c.PendingNonceAt(ctx, e.Payer.Address())
	if err != nil {
		return err
	}
	tip, err := c.SuggestGasTipCap(ctx)
	if err != nil {
		return err
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	tx, err := e.Payer.SignTx(types.NewTx(&types.DynamicFeeTx{
		ChainID: e.Backend.ChainID(), Nonce: nonce, GasTipCap: tip, Gas: 21000, To: &addr,
		GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		Value:     new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil),
	}), e.Backend.ChainID())
	if err != nil {
		return err
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		return err
	}
	_, err = chain.WaitReceipt(ctx, c, tx.Hash())
	return err
}
