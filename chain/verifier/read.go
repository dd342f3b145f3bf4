package verifier

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// callArgs is the eth_call transaction object.
type callArgs struct {
	To   common.Address `json:"to"`
	Data hexutil.Bytes  `json:"data"`
}

// signedDigest is a certificate digest and the account whose revocation of it counts.
type signedDigest struct {
	signer common.Address
	digest common.Hash
}

// read establishes the facts about (k, certs) in one JSON-RPC batch: eth_blockNumber,
// authorizationStatus at latest (and at head−confirmations), and certificateRevokedAt for every
// certificate. Any failure is an error: the caller fails closed.
func (v *Verifier) read(ctx context.Context, k key, certs []signedDigest) (facts, error) {
	ctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	v.stats.reads.Add(1)
	authData := v.abi.PackAuthorizationStatus(k.issuer, k.realm, k.delegate)
	var head hexutil.Uint64
	outs := make([]hexutil.Bytes, 1+len(certs)+1)
	batch := make([]rpc.BatchElem, 0, 3+len(certs))
	batch = append(batch,
		rpc.BatchElem{Method: "eth_blockNumber", Result: &head},
		rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: v.cfg.Registry, Data: authData}, "latest"}, Result: &outs[0]},
	)
	for i, c := range certs {
		batch = append(batch, rpc.BatchElem{
			Method: "eth_call",
			Args:   []any{callArgs{To: v.cfg.Registry, Data: v.abi.PackCertificateRevokedAt(c.signer, c.digest)}, "latest"},
			Result: &outs[1+i],
		})
	}
	conf := v.backend.Confirmations()
	confirmedAt := uint64(0)
	if conf > 0 {
		// Pin the confirmed read to a block the follower has seen; head−c of an older head is
		// only more conservative.
		h := v.head.Load()
		if h < conf {
			return facts{}, fmt.Errorf("read: head %d has fewer than %d confirmations", h, conf)
		}
		confirmedAt = h - conf
		batch = append(batch, rpc.BatchElem{
			Method: "eth_call",
			Args:   []any{callArgs{To: v.cfg.Registry, Data: authData}, hexutil.EncodeBig(new(big.Int).SetUint64(confirmedAt))},
			Result: &outs[len(outs)-1],
		})
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return facts{}, fmt.Errorf("read: batch of %d calls: %w", len(batch), err)
	}
	for i := range batch {
		if batch[i].Error != nil {
			return facts{}, fmt.Errorf("read: batch element %d (%s): %w", i, batch[i].Method, chain.DecodeRevert(batch[i].Error))
		}
	}
	f := facts{revoked: -1, block: uint64(head)}
	auth, err := v.decodeStatus(outs[0])
	if err != nil {
		return facts{}, err
	}
	f.auth = auth
	f.confirmed = auth.Status
	for i := range certs {
		at, err := v.abi.UnpackCertificateRevokedAt(outs[1+i])
		if err != nil {
			return facts{}, fmt.Errorf("read: decode certificateRevokedAt: %w", err)
		}
		if at.Sign() != 0 && f.revoked < 0 {
			f.revoked = i
		}
	}
	if conf > 0 {
		c, err := v.decodeStatus(outs[len(outs)-1])
		if err != nil {
			return facts{}, err
		}
		f.confirmed = c.Status
	}
	v.noteHead(f.block)
	return f, nil
}

func (v *Verifier) decodeStatus(out []byte) (chain.Authorization, error) {
	if len(out) == 0 {
		return chain.Authorization{}, errors.New("read: empty authorizationStatus result (no registry code at this block?)")
	}
	s, err := v.abi.UnpackAuthorizationStatus(out)
	if err != nil {
		return chain.Authorization{}, fmt.Errorf("read: decode authorizationStatus: %w", err)
	}
	return chain.AuthorizationFromOutput(s.Status, s.Root, s.IssuerCapabilities, s.ValidUntil), nil
}
