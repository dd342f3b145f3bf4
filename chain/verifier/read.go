package verifier

import (
	"context"
	"errors"
	"fmt"

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

// valid reports whether f, ignoring confirmations, allows a positive verdict.
func (f *facts) valid() bool { return f.revoked < 0 && f.auth.Status == chain.StatusValid }

// sameVerdict reports whether f and g, ignoring confirmations, lead to the same verdict with
// the same reason: the same authorization status and the same first revoked certificate.
func (f *facts) sameVerdict(g *facts) bool {
	return f.auth.Status == g.auth.Status && f.revoked == g.revoked
}

// read establishes the facts about (k, certs) attributed to an explicit block number ≥ the
// follower's processed block P, never to "latest": a lagging or load-balanced endpoint may
// serve "latest" from before a revocation the follower has already processed, and that stale
// yes would be cached with no invalidation to come. P is loaded after the caller sampled the
// trust-state version; see Verifier.processed for why that order makes the result cover every
// invalidation the caller's version reflects.
//
// One batch reads the facts at P, authorizationStatus and certificateRevokedAt again at
// "latest" as a change detector only, and then eth_blockNumber (H). When P and "latest" agree
// on the verdict and its reason (sameVerdict), the facts at P are the answer. When they differ
// and H > P — a revocation, authorization or other registry change the follower has not
// processed yet — a second batch reads the facts at H, which are the answer; if that fails, or
// if H ≤ P (a load-balanced endpoint may answer "latest" from an up-to-date node and
// eth_blockNumber from a lagging one, so the head cannot place "latest"), the negative of the
// two (the one at "latest" when both are negative) is returned marked uncacheable. Any other failure is an error (wrapping errBehind when
// the endpoint reports H < P): the caller fails closed.
func (v *Verifier) read(ctx context.Context, k key, certs []signedDigest) (facts, error) {
	ctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	p := v.processed.Load()
	fs, head, err := v.readBatch(ctx, k, certs, p, true)
	if err != nil {
		if head != 0 && head < p {
			return facts{}, fmt.Errorf("read at processed block %d: %w (endpoint head %d): %w", p, errBehind, head, err)
		}
		return facts{}, fmt.Errorf("read at processed block %d: %w", p, err)
	}
	v.noteHead(head)
	atP, atLatest := fs[0], fs[1]
	if atP.sameVerdict(&atLatest) {
		return atP, nil
	}
	// They disagree. With H ≤ P the head cannot say which is newer ("latest" and
	// eth_blockNumber may come from different nodes): no block to read at.
	if head <= p {
		return negative(atP, atLatest), nil
	}
	gs, _, err := v.readBatch(ctx, k, certs, head, false)
	if err != nil {
		return negative(atP, atLatest), nil
	}
	return gs[0], nil
}

// negative returns the negative of the facts at the processed block and at "latest" (the
// latter when both are negative: it is likely newer), marked uncacheable: it is not attributed
// to one block.
func negative(atP, atLatest facts) facts {
	neg := atLatest
	if neg.valid() {
		neg = atP
	}
	neg.uncacheable = true
	return neg
}

// readBatch reads the facts at block n in one JSON-RPC batch: authorizationStatus (and, with
// confirmations c > 0, again at n−c, so that a new authorization counts only once confirmed
// while a revocation counts at once) and certificateRevokedAt for every certificate. With
// detect it also reads authorizationStatus and certificateRevokedAt at "latest" (the second
// result, without confirmations) and, last, eth_blockNumber, whose result it returns even
// when another element failed (0 if unknown).
func (v *Verifier) readBatch(ctx context.Context, k key, certs []signedDigest, n uint64, detect bool) ([]facts, uint64, error) {
	v.stats.reads.Add(1)
	authData := v.abi.PackAuthorizationStatus(k.issuer, k.realm, k.delegate)
	conf := v.backend.Confirmations()
	if conf > 0 && n < conf {
		return nil, 0, fmt.Errorf("block %d has fewer than %d confirmations", n, conf)
	}
	type group struct {
		tag       string
		confirmed bool
		auth      int // batch index of authorizationStatus; the revocations follow, then the confirmed status
	}
	groups := []group{{tag: hexutil.EncodeUint64(n), confirmed: conf > 0}}
	if detect {
		groups = append(groups, group{tag: "latest"})
	}
	var head hexutil.Uint64
	outs := make([]hexutil.Bytes, len(groups)*(len(certs)+2))
	batch := make([]rpc.BatchElem, 0, len(outs)+1)
	call := func(data []byte, tag string) {
		batch = append(batch, rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: v.cfg.Registry, Data: data}, tag}, Result: &outs[len(batch)]})
	}
	for i := range groups {
		g := &groups[i]
		g.auth = len(batch)
		call(authData, g.tag)
		for _, c := range certs {
			call(v.abi.PackCertificateRevokedAt(c.signer, c.digest), g.tag)
		}
		if g.confirmed {
			call(authData, hexutil.EncodeUint64(n-conf))
		}
	}
	headAt := -1
	if detect {
		headAt = len(batch)
		batch = append(batch, rpc.BatchElem{Method: "eth_blockNumber", Result: &head})
	}
	if v.backend.Transport() == chain.TransportWebsocket {
		// One batch at a time on a websocket connection: with two in flight
		// anvil holds the second response until our delayed ACK, ~40 ms
		// (consistent with Nagle's algorithm on its side)
		// (measured: 12 of 60 concurrent cold decisions stalled ~43 ms,
		// none with this lock when nothing else used the connection; the
		// follower's own traffic can still collide). Sequential batches cost one
		// round trip (~0.5 ms) each instead.
		select {
		case v.wsReads <- struct{}{}:
			defer func() { <-v.wsReads }()
		case <-ctx.Done():
			return nil, 0, ctx.Err()
		}
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return nil, 0, fmt.Errorf("batch of %d calls at block %d: %w", len(batch), n, err)
	}
	if headAt >= 0 && batch[headAt].Error != nil {
		head = 0
	}
	for i := range batch {
		if batch[i].Error != nil {
			return nil, uint64(head), fmt.Errorf("batch element %d (%s at %v) for block %d: %w", i, batch[i].Method, tagOf(batch[i]), n, chain.DecodeRevert(batch[i].Error))
		}
	}
	fs := make([]facts, len(groups))
	for gi, g := range groups {
		f := facts{revoked: -1, block: n}
		auth, err := v.decodeStatus(outs[g.auth])
		if err != nil {
			return nil, uint64(head), fmt.Errorf("block %s: %w", g.tag, err)
		}
		f.auth = auth
		f.confirmed = auth.Status
		for i := range certs {
			at, err := v.abi.UnpackCertificateRevokedAt(outs[g.auth+1+i])
			if err != nil {
				return nil, uint64(head), fmt.Errorf("decode certificateRevokedAt at block %s: %w", g.tag, err)
			}
			if at.Sign() != 0 && f.revoked < 0 {
				f.revoked = i
			}
		}
		if g.confirmed {
			c, err := v.decodeStatus(outs[g.auth+1+len(certs)])
			if err != nil {
				return nil, uint64(head), fmt.Errorf("block %d: %w", n-conf, err)
			}
			f.confirmed = c.Status
		}
		fs[gi] = f
	}
	return fs, uint64(head), nil
}

// tagOf returns the block argument of an eth_call batch element ("" for other methods).
func tagOf(e rpc.BatchElem) any {
	if len(e.Args) == 2 {
		return e.Args[1]
	}
	return ""
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
