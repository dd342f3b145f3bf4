package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// EIP712 domain of the registry's relayed calls (ERC-5267 eip712Domain()).
const (
	RelayDomainName    = "WAMP-E2EE TrustRegistry"
	RelayDomainVersion = "1"
)

// RelayedCall is a registry call signed by its actor, to be submitted by anyone ("sign here,
// submit anywhere"). It marshals to JSON for transport.
type RelayedCall struct {
	// Actor is the account the call acts for (its signer).
	Actor common.Address `json:"actor"`
	// Data is the ABI-encoded registry call.
	Data hexutil.Bytes `json:"data"`
	// Nonce is the actor's keyed nonce (key in the upper 192 bits, sequence in the lower 64).
	Nonce *hexutil.Big `json:"nonce"`
	// Deadline is the Unix time after which the signature is void.
	Deadline *hexutil.Big `json:"deadline"`
	// Signature is the actor's signature of the EIP712 RelayedCall digest (any length for
	// ERC-1271 actors).
	Signature hexutil.Bytes `json:"signature"`
}

// RelayedCallTypedData returns the EIP712 typed data an actor signs to relay data through the
// registry at verifyingContract on chainID.
func RelayedCallTypedData(chainID *big.Int, verifyingContract, actor common.Address, data []byte, nonce, deadline *big.Int) apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"RelayedCall":  {{Name: "actor", Type: "address"}, {Name: "data", Type: "bytes"}, {Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"}},
		},
		PrimaryType: "RelayedCall",
		Domain: apitypes.TypedDataDomain{
			Name: RelayDomainName, Version: RelayDomainVersion,
			ChainId: (*math.HexOrDecimal256)(new(big.Int).Set(chainID)), VerifyingContract: verifyingContract.Hex(),
		},
		Message: apitypes.TypedDataMessage{"actor": actor.Hex(), "data": hexutil.Encode(data), "nonce": nonce.String(), "deadline": deadline.String()},
	}
}

// RelayedCallDigest returns the EIP712 digest of RelayedCallTypedData, computed by go-ethereum
// apitypes (independently of the contract's relayedCallDigest view; tests cross-check them).
func RelayedCallDigest(chainID *big.Int, verifyingContract, actor common.Address, data []byte, nonce, deadline *big.Int) (common.Hash, error) {
	d, _, err := apitypes.TypedDataAndHash(RelayedCallTypedData(chainID, verifyingContract, actor, data, nonce, deadline))
	if err != nil {
		return common.Hash{}, fmt.Errorf("relayed call digest: %w", err)
	}
	return common.BytesToHash(d), nil
}

// NextNonce returns actor's next keyed nonce for key (the full uint256 to sign over).
func (r *Registry) NextNonce(ctx context.Context, actor common.Address, key *big.Int) (*big.Int, error) {
	if key == nil {
		key = new(big.Int)
	}
	out, err := r.Call(ctx, r.ABI.PackNonces0(actor, key))
	if err != nil {
		return nil, fmt.Errorf("next nonce: %w", err)
	}
	n, err := r.ABI.UnpackNonces0(out)
	if err != nil {
		return nil, fmt.Errorf("next nonce: decode: %w", err)
	}
	return n, nil
}

// SignRelayed signs data (a registry call packed with r.ABI) as s for relaying, with nonce (nil:
// the next nonce of key 0, read from the chain) and deadline. Nothing is sent.
func (r *Registry) SignRelayed(ctx context.Context, s DigestSigner, data []byte, nonce *big.Int, deadline time.Time) (*RelayedCall, error) {
	if s == nil {
		return nil, errors.New("sign relayed call: no signer")
	}
	id, err := r.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("sign relayed call: %w", err)
	}
	if nonce == nil {
		if nonce, err = r.NextNonce(ctx, s.Address(), nil); err != nil {
			return nil, fmt.Errorf("sign relayed call: %w", err)
		}
	}
	if deadline.Unix() <= 0 {
		return nil, errors.New("sign relayed call: deadline must be after 1970")
	}
	dl := big.NewInt(deadline.Unix())
	digest, err := RelayedCallDigest(id, r.address, s.Address(), data, nonce, dl)
	if err != nil {
		return nil, fmt.Errorf("sign relayed call: %w", err)
	}
	sig, err := s.SignDigest(digest)
	if err != nil {
		return nil, fmt.Errorf("sign relayed call: %w", err)
	}
	return &RelayedCall{Actor: s.Address(), Data: append([]byte(nil), data...), Nonce: (*hexutil.Big)(new(big.Int).Set(nonce)), Deadline: (*hexutil.Big)(dl), Signature: sig}, nil
}

// SubmitRelayed sends rc through execute, paid by payer, and waits for the receipt.
func (r *Registry) SubmitRelayed(ctx context.Context, payer TxSigner, rc *RelayedCall) (*types.Receipt, error) {
	if rc == nil || rc.Nonce == nil || rc.Deadline == nil {
		return nil, errors.New("submit relayed call: incomplete relayed call")
	}
	return r.op(ctx, "submit relayed call", payer, r.ABI.PackExecute(rc.Actor, rc.Data, rc.Nonce.ToInt(), rc.Deadline.ToInt(), rc.Signature))
}
