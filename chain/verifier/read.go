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

// errBehind: the endpoint could not answer at the follower's processed block and reports a
// head below it (a lagging node, e.g. behind a load balancer). Decide re-reads once, then fails
// closed with ErrStale.
var errBehind = errors.New("endpoint is behind the processed block")

// positive reports whether f, on its own, allows a positive verdict.
func (f *facts) positive() bool {
	return f.revoked < 0 && f.auth.Status == chain.StatusValid && f.confirmed == chain.StatusValid
}

// read establishes the facts about (k, certs) at an explicit block number, never "latest": a
// lagging or load-balanced endpoint may serve "latest" from before a revocation the follower
// has already processed, and that stale yes would be cached with no invalidation to come.
//
// The block is the follower's processed block P (v.processed, loaded after the caller sampled
// the trust-state version; see Verifier.processed for why that order makes the result cover
// every invalidation the caller's version reflects). One batch reads eth_blockNumber (H) and
// the facts at P. If the facts at P are not a positive verdict and H > P — typically an
// authorization the follower has not processed yet — a second batch reads them at H, and the
// verdict at P stands if that fails. Every verdict is thus attributed to a block ≥ P. Any other
// failure is an error (wrapping errBehind when the endpoint reports H < P): the caller fails
// closed.
func (v *Verifier) read(ctx context.Context, k key, certs []signedDigest) (facts, error) {
	ctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	p := v.processed.Load()
	f, head, err := v.readAt(ctx, k, certs, p, true)
	if err != nil {
		if head != 0 && head < p {
			return facts{}, fmt.Errorf("read at processed block %d: %w (endpoint head %d): %w", p, errBehind, head, err)
		}
		return facts{}, fmt.Errorf("read at processed block %d: %w", p, err)
	}
	v.noteHead(head)
	if !f.positive() && head > p {
		if g, _, err := v.readAt(ctx, k, certs, head, false); err == nil {
			f = g
		}
	}
	return f, nil
}

// readAt reads the facts at block n in one JSON-RPC batch: authorizationStatus (and, with
// confirmations c > 0, again at n−c, so that a new authorization counts only once confirmed
// while a revocation counts at once) and certificateRevokedAt for every certificate; with
// withHead also eth_blockNumber, whose result it returns even when another element failed
// (0 if unknown).
func (v *Verifier) readAt(ctx context.Context, k key, certs []signedDigest, n uint64, withHead bool) (facts, uint64, error) {
	v.stats.reads.Add(1)
	at := hexutil.EncodeBig(new(big.Int).SetUint64(n))
	authData := v.abi.PackAuthorizationStatus(k.issuer, k.realm, k.delegate)
	var head hexutil.Uint64
	outs := make([]hexutil.Bytes, 1+len(certs)+1)
	batch := make([]rpc.BatchElem, 0, 3+len(certs))
	batch = append(batch, rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: v.cfg.Registry, Data: authData}, at}, Result: &outs[0]})
	for i, c := range certs {
		batch = append(batch, rpc.BatchElem{
			Method: "eth_call",
			Args:   []any{callArgs{To: v.cfg.Registry, Data: v.abi.PackCertificateRevokedAt(c.signer, c.digest)}, at},
			Result: &outs[1+i],
		})
	}
	conf := v.backend.Confirmations()
	if conf > 0 {
		if n < conf {
			return facts{}, 0, fmt.Errorf("block %d has fewer than %d confirmations", n, conf)
		}
		batch = append(batch, rpc.BatchElem{
			Method: "eth_call",
			Args:   []any{callArgs{To: v.cfg.Registry, Data: authData}, hexutil.EncodeBig(new(big.Int).SetUint64(n - conf))},
			Result: &outs[len(outs)-1],
		})
	}
	headAt := -1
	if withHead {
		headAt = len(batch)
		batch = append(batch, rpc.BatchElem{Method: "eth_blockNumber", Result: &head})
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return facts{}, 0, fmt.Errorf("batch of %d calls at block %d: %w", len(batch), n, err)
	}
	if headAt >= 0 && batch[headAt].Error != nil {
		head = 0
	}
	for i := range batch {
		if batch[i].Error != nil {
			return facts{}, uint64(head), fmt.Errorf("batch element %d (%s) at block %d: %w", i, batch[i].Method, n, chain.DecodeRevert(batch[i].Error))
		}
	}
	f := facts{revoked: -1, block: n}
	auth, err := v.decodeStatus(outs[0])
	if err != nil {
		return facts{}, uint64(head), err
	}
	f.auth = auth
	f.confirmed = auth.Status
	for i := range certs {
		at, err := v.abi.UnpackCertificateRevokedAt(outs[1+i])
		if err != nil {
			return facts{}, uint64(head), fmt.Errorf("decode certificateRevokedAt at block %d: %w", n, err)
		}
		if at.Sign() != 0 && f.revoked < 0 {
			f.revoked = i
		}
	}
	if conf > 0 {
		c, err := v.decodeStatus(outs[len(outs)-1])
		if err != nil {
			return facts{}, uint64(head), err
		}
		f.confirmed = c.Status
	}
	return f, uint64(head), nil
}

func (v *Verifier) decodeStatus(out []byte) (chain.Authorization, error) {
	if len(out) == 0 {
		return chain.Authorization{}, errors.New("empty authorizationStatus result (no registry code at this block?)")
	}
	s, err := v.abi.UnpackAuthorizationStatus(out)
	if err != nil {
		return chain.Authorization{}, fmt.Errorf("decode authorizationStatus: %w", err)
	}
	return chain.AuthorizationFromOutput(s.Status, s.Root, s.IssuerCapabilities, s.ValidUntil), nil
}
