package chain

import (
	"context"
	"fmt"
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
}

// NewRegistry connects to the registry at address over backend.
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
	waitCtx, cancel := context.WithTimeout(ctx, r.receiptTimeout)
	defer cancel()
	receipt, err := bind.WaitMined(waitCtx, r.backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("registry transaction %s: wait for receipt: %w", tx.Hash().Hex(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("registry transaction %s failed in block %d (gas used %d)", tx.Hash().Hex(), receipt.BlockNumber, receipt.GasUsed)
	}
	return receipt, nil
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
