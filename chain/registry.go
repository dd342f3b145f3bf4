package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/wamp-e2ee/e2ee-node/bindings"
)

// DefaultReceiptTimeout bounds how long [Registry.Transact] waits for a receipt.
const DefaultReceiptTimeout = 2 * time.Minute

// Registry is a connection to a deployed TrustRegistry: packed calls from the generated
// bindings go in, receipts and decoded results (or named custom errors) come out.
type Registry struct {
	// ABI is the generated binding used to pack calls and unpack results.
	ABI            *bindings.TrustRegistry
	address        common.Address
	backend        DeployBackend
	bound          *bind.BoundContract
	receiptTimeout time.Duration
	confirmations  uint64
	chainMu        sync.Mutex
	chainID        *big.Int
}

// NewRegistry connects to the registry at address over backend, counting a write as done when
// its receipt is in (no further confirmations; see [Backend.Registry] and [Registry.SetConfirmations]).
func NewRegistry(backend DeployBackend, address common.Address) *Registry {
	b := bindings.NewTrustRegistry()
	return &Registry{
		ABI:            b,
		address:        address,
		backend:        backend,
		bound:          b.Instance(backend, address),
		receiptTimeout: DefaultReceiptTimeout,
	}
}

// Address returns the registry's address.
func (r *Registry) Address() common.Address { return r.address }

// SetReceiptTimeout bounds how long each write waits for its receipt and confirmations
// (default [DefaultReceiptTimeout]). Call it before sharing r between goroutines.
func (r *Registry) SetReceiptTimeout(d time.Duration) { r.receiptTimeout = d }

// SetConfirmations makes each write wait until n further blocks are built on the block that
// included it (and checks that the receipt is still there). Call it before sharing r.
func (r *Registry) SetConfirmations(n uint64) { r.confirmations = n }

// ChainID returns the id of the chain the registry is on, read once from the backend.
func (r *Registry) ChainID(ctx context.Context) (*big.Int, error) {
	r.chainMu.Lock()
	defer r.chainMu.Unlock()
	if r.chainID != nil {
		return new(big.Int).Set(r.chainID), nil
	}
	reader, ok := r.backend.(ethereum.ChainIDReader)
	if !ok {
		return nil, errors.New("registry: backend cannot report its chain id")
	}
	id, err := reader.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("registry: read chain id: %w", err)
	}
	r.chainID = id
	return new(big.Int).Set(id), nil
}

// Transact sends calldata (packed with r.ABI) signed by opts and waits for its receipt. A call
// the registry rejects returns a *RevertError naming the custom error (revert reasons surface
// at gas estimation); a mined but failed transaction returns an error with its hash.
func (r *Registry) Transact(ctx context.Context, opts *bind.TransactOpts, calldata []byte) (*types.Receipt, error) {
	o := *opts
	o.Context = ctx
	tx, err := r.bound.RawTransact(&o, calldata)
	if err != nil {
		return nil, fmt.Errorf("registry transaction: %w", DecodeRevert(err))
	}
	return r.wait(ctx, tx.Hash())
}

// Submit signs calldata as s and sends it without waiting; see [Registry.Wait]. A call the
// registry rejects at gas estimation returns a *RevertError.
func (r *Registry) Submit(ctx context.Context, s TxSigner, calldata []byte) (*types.Transaction, error) {
	id, err := r.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	opts, err := transactOpts(s, id)
	if err != nil {
		return nil, fmt.Errorf("registry transaction: %w", err)
	}
	opts.Context = ctx
	tx, err := r.bound.RawTransact(opts, calldata)
	if err != nil {
		return nil, fmt.Errorf("registry transaction: %w", DecodeRevert(err))
	}
	return tx, nil
}

// Wait waits for the receipt of a submitted transaction and the configured confirmations.
func (r *Registry) Wait(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	return r.wait(ctx, hash)
}

// receiptPollInterval is how often WaitReceipt asks for a receipt (bind.WaitMined waits 1 s).
const receiptPollInterval = 25 * time.Millisecond

// WaitReceipt polls for the receipt of hash until it exists or ctx ends.
func WaitReceipt(ctx context.Context, b bind.DeployBackend, hash common.Hash) (*types.Receipt, error) {
	t := time.NewTicker(receiptPollInterval)
	defer t.Stop()
	for {
		receipt, err := b.TransactionReceipt(ctx, hash)
		if err == nil && receipt != nil {
			return receipt, nil
		}
		// NotFound and transient errors are retried until ctx ends.
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// wait waits for the receipt of hash and then for r.confirmations blocks on top of it, up to
// r.receiptTimeout.
func (r *Registry) wait(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	waitCtx, cancel := context.WithTimeout(ctx, r.receiptTimeout)
	defer cancel()
	receipt, err := WaitReceipt(waitCtx, r.backend, hash)
	if err != nil {
		return nil, fmt.Errorf("registry transaction %s: wait for receipt: %w", hash.Hex(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("registry transaction %s failed in block %d (gas used %d)", hash.Hex(), receipt.BlockNumber, receipt.GasUsed)
	}
	if r.confirmations == 0 {
		return receipt, nil
	}
	heads, ok := r.backend.(ethereum.BlockNumberReader)
	if !ok {
		return receipt, fmt.Errorf("registry transaction %s: backend cannot report block numbers to count confirmations", hash.Hex())
	}
	want := receipt.BlockNumber.Uint64() + r.confirmations
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		head, err := heads.BlockNumber(waitCtx)
		if err == nil && head >= want {
			break
		}
		select {
		case <-waitCtx.Done():
			return receipt, fmt.Errorf("registry transaction %s: wait for %d confirmations (block %d): %w", hash.Hex(), r.confirmations, want, waitCtx.Err())
		case <-tick.C:
		}
	}
	again, err := r.backend.TransactionReceipt(waitCtx, hash)
	if err != nil || again.BlockHash != receipt.BlockHash {
		return receipt, fmt.Errorf("registry transaction %s: block %s left the canonical chain before %d confirmations (%v)", hash.Hex(), receipt.BlockHash.Hex(), r.confirmations, err)
	}
	return again, nil
}

// Call runs calldata as a read-only call at the latest block and returns the raw result;
// rejections are returned as *RevertError where known.
func (r *Registry) Call(ctx context.Context, calldata []byte) ([]byte, error) {
	out, err := r.backend.CallContract(ctx, ethereum.CallMsg{To: &r.address, Data: calldata}, nil)
	if err != nil {
		return nil, fmt.Errorf("registry call: %w", DecodeRevert(err))
	}
	return out, nil
}

// EstimateExecutionGas returns the execution gas of calldata sent from `from`: eth_estimateGas
// minus the 21,000 intrinsic gas and the calldata cost, i.e. what a contract calling the same
// function pays (with cold storage).
func (r *Registry) EstimateExecutionGas(ctx context.Context, from common.Address, calldata []byte) (uint64, error) {
	gas, err := r.backend.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &r.address, Data: calldata})
	if err != nil {
		return 0, fmt.Errorf("estimate gas: %w", DecodeRevert(err))
	}
	intrinsic := uint64(21000) + calldataGas(calldata)
	if gas < intrinsic {
		return 0, fmt.Errorf("estimate gas: %d below intrinsic %d", gas, intrinsic)
	}
	return gas - intrinsic, nil
}

// calldataGas is the EIP-2028 calldata cost: 4 gas per zero byte, 16 per non-zero byte.
func calldataGas(data []byte) uint64 {
	var g uint64
	for _, b := range data {
		if b == 0 {
			g += 4
		} else {
			g += 16
		}
	}
	return g
}
