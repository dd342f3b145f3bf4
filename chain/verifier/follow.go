package verifier

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// follower is the state of the event follower goroutine (touched by it only).
type follower struct {
	lastBlock   uint64
	lastHash    common.Hash
	initialized bool
	// missingTop counts consecutive checks that found the endpoint's head below the processed
	// chain and its top block missing (see belowProcessed).
	missingTop int
	// hashes are the hashes of the heads processed, by height, for the last recentHeads
	// heights, and genesis the chain's block 0 (zero if unknown) (see belowProcessed).
	hashes  map[uint64]common.Hash
	genesis common.Hash
	// backoff is the current wait after a rate-limited failure (see run).
	backoff time.Duration
}

// recentHeads is how many heights of processed heads the follower remembers.
const recentHeads = 1024

// record remembers the hash of processed head n.
func (f *follower) record(n uint64, hash common.Hash) {
	if f.hashes == nil {
		f.hashes = make(map[uint64]common.Hash)
	}
	f.hashes[n] = hash
	if len(f.hashes) > recentHeads {
		for h := range f.hashes {
			if h+recentHeads <= n || h > n {
				delete(f.hashes, h)
			}
		}
	}
}

// run follows registry events until ctx ends, reconnecting after every failure.
func (v *Verifier) run(ctx context.Context) {
	defer close(v.done)
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			v.stats.resyncs.Add(1)
		}
		var err error
		if v.backend.Transport().Subscribes() {
			err = v.subscribe(ctx)
		} else {
			err = v.poll(ctx)
		}
		v.setSynced(false)
		// The next Decide reports unavailability; the follower retries, backing off while the
		// endpoint rate-limits it.
		wait := v.cfg.PollInterval
		if chain.IsRateLimited(err) {
			v.f.backoff = min(max(2*v.f.backoff, v.cfg.PollInterval), chain.MaxRateLimitBackoff)
			wait = v.f.backoff
		} else {
			v.f.backoff = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

func (v *Verifier) setSynced(s bool) {
	if v.synced.Swap(s) != s {
		v.gen.Add(1)
		v.attGen.Add(1)
	}
	if s {
		v.touch()
	}
}

func (v *Verifier) touch() { v.lastSeen.Store(time.Now().UnixNano()) }

// subscribe follows logs and heads over eth_subscribe. It subscribes first and then backfills
// the blocks it may have missed, so no event falls between the two.
func (v *Verifier) subscribe(ctx context.Context) error {
	client := v.backend.Client()
	logs := make(chan types.Log, 1024)
	heads := make(chan *types.Header, 64)
	lsub, err := client.SubscribeFilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{v.cfg.Registry}}, logs)
	if err != nil {
		return fmt.Errorf("subscribe to registry logs: %w", err)
	}
	defer lsub.Unsubscribe()
	hsub, err := client.SubscribeNewHead(ctx, heads)
	if err != nil {
		return fmt.Errorf("subscribe to heads: %w", err)
	}
	defer hsub.Unsubscribe()
	if err := v.catchUp(ctx, true); err != nil {
		return err
	}
	v.setSynced(true)
	tick := time.NewTicker(v.cfg.PollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-lsub.Err():
			return fmt.Errorf("registry log subscription ended: %w", err)
		case err := <-hsub.Err():
			return fmt.Errorf("head subscription ended: %w", err)
		case l := <-logs:
			v.handleLog(&l)
		case h := <-heads:
			if err := v.handleHead(ctx, h); err != nil {
				return err
			}
		case <-tick.C:
			// Liveness: a silently dead endpoint must not keep verdicts fresh. The head it
			// reports also reveals a move onto a shorter chain that emitted no head (anvil's
			// evm_revert, a reorganisation whose new head has not arrived).
			cctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
			err := v.liveness(cctx)
			cancel()
			if err != nil {
				return err
			}
		}
	}
}

// poll follows logs with eth_getLogs every PollInterval (HTTP endpoints).
func (v *Verifier) poll(ctx context.Context) error {
	if err := v.catchUp(ctx, false); err != nil {
		return err
	}
	v.setSynced(true)
	tick := time.NewTicker(v.cfg.PollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if err := v.catchUp(ctx, false); err != nil {
				return err
			}
			v.f.backoff = 0
		}
	}
}

// handleHead checks that h extends the chain the follower has processed; otherwise a
// reorganisation happened and every verdict is dropped.
func (v *Verifier) handleHead(ctx context.Context, h *types.Header) error {
	if h == nil || h.Number == nil || !h.Number.IsUint64() {
		return errors.New("head without a block number")
	}
	n, hash := h.Number.Uint64(), h.Hash()
	if top := max(v.f.lastBlock, v.processed.Load()); n < top {
		// Below the processed chain (after a reconnect, perhaps from another node).
		if err := v.belowProcessed(ctx, n, hash); err != nil {
			return err
		}
		v.touch()
		return nil
	}
	v.noteProcessed(n)
	switch {
	case n == v.f.lastBlock && hash == v.f.lastHash:
		// duplicate
	case n == v.f.lastBlock+1 && h.ParentHash == v.f.lastHash:
		// extends the chain
	case n > v.f.lastBlock+1:
		// skipped heads: check that the last processed block is still canonical
		if err := v.checkCanonical(ctx); err != nil {
			return err
		}
	default:
		// A reorganisation. P stays (see belowProcessed): on a chain now shorter than P,
		// reads fail closed until it has grown back to P.
		v.stats.reorgs.Add(1)
		v.resync(Revocation{Block: n}, "head does not extend the processed chain")
	}
	v.f.lastBlock, v.f.lastHash = n, hash
	v.f.record(n, hash)
	v.f.missingTop = 0
	v.noteHead(n)
	v.touch()
	return nil
}

// liveness reads the endpoint's head and records the contact. A different block at the height
// of the last head is a reorganisation: every verdict is dropped and a Resync reported (counted
// in Stats.Reorgs). A head below the processed chain is handled by belowProcessed. A higher
// head is left to the head subscription.
func (v *Verifier) liveness(ctx context.Context) error {
	client := v.backend.Client()
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("liveness check: read head: %w", err)
	}
	if head.Number == nil || !head.Number.IsUint64() {
		return errors.New("liveness check: head without a block number")
	}
	n, hash := head.Number.Uint64(), head.Hash()
	top := max(v.f.lastBlock, v.processed.Load())
	switch {
	case n < top:
		if err := v.belowProcessed(ctx, n, hash); err != nil {
			return fmt.Errorf("liveness check: %w", err)
		}
		v.touch()
		return nil
	case n == v.f.lastBlock && hash != v.f.lastHash:
		v.stats.reorgs.Add(1)
		v.resync(Revocation{Block: n}, "head replaced")
		v.f.lastHash = hash
	}
	v.f.missingTop = 0
	v.noteHead(n)
	v.touch()
	return nil
}

// belowProcessed handles an endpoint head n (hash) below the processed chain (the last
// processed head or the processed block P, whichever is higher: top).
//
//   - A different block at height n than the head processed there (or, for a height not
//     remembered, a different block 0): the endpoint serves another chain (a reorganisation onto a shorter chain, a reset development chain). P
//     drops to n — that chain has nothing above it — every verdict is dropped and a Resync
//     reported.
//   - Otherwise, while block top is still there (unchanged, if it is the last head's), the
//     node that answered lags behind another one behind a load balancer: nothing moved. A
//     replaced last head is a reorganisation above n: every verdict is dropped and a Resync
//     reported.
//   - When the endpoint lacks block top, the chain may have been cut back to an earlier block
//     of the same chain (a reverted development chain emits no head) — or the node that
//     answered lags. The two cannot be told apart, so it fails closed for both without
//     trusting the lower head: every verdict is dropped (none from discarded blocks survives)
//     and the second such observation in a row reports a Resync, since something trusted only
//     on discarded blocks may have fetched keys. P stays: lowered, a lagging node could serve
//     state from before revocations already acted on. Reads at P fail closed (ErrStale) on a
//     node without it; after a real cut they do until the chain has grown back to P.
func (v *Verifier) belowProcessed(ctx context.Context, n uint64, hash common.Hash) error {
	other, err := v.otherChain(ctx, n, hash)
	if err != nil {
		return err
	}
	if other {
		v.f.missingTop = 0
		v.stats.reorgs.Add(1)
		v.processed.Store(n)
		v.resync(Revocation{Block: n}, "the endpoint serves another chain, shorter than the processed one")
		v.f.lastBlock, v.f.lastHash = n, hash
		v.f.record(n, hash)
		v.noteHead(n)
		return nil
	}
	top := max(v.f.lastBlock, v.processed.Load())
	old, err := v.backend.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(top))
	switch {
	case errors.Is(err, ethereum.NotFound):
		v.invalidate(scope{})
		if v.f.missingTop++; v.f.missingTop == 2 {
			v.stats.reorgs.Add(1)
			v.resync(Revocation{Block: n}, "endpoint head below the processed chain, its top block missing")
		}
	case err != nil:
		return fmt.Errorf("read header %d: %w", top, err)
	case top == v.f.lastBlock && old.Hash() != v.f.lastHash:
		v.f.missingTop = 0
		v.stats.reorgs.Add(1)
		v.resync(Revocation{Block: n}, "last head replaced")
		v.f.lastHash = old.Hash()
	default:
		v.f.missingTop = 0
		v.noteHead(n)
	}
	return nil
}

// otherChain reports whether head n (hash) of the endpoint is on another chain than the one
// processed: a different hash than the head processed at height n, or, for a height not
// remembered, a different block 0.
func (v *Verifier) otherChain(ctx context.Context, n uint64, hash common.Hash) (bool, error) {
	if seen, ok := v.f.hashes[n]; ok {
		return seen != hash, nil
	}
	if v.f.genesis == (common.Hash{}) {
		return false, nil
	}
	g, err := v.backend.Client().HeaderByNumber(ctx, new(big.Int))
	if err != nil {
		return false, fmt.Errorf("read block 0: %w", err)
	}
	return g.Hash() != v.f.genesis, nil
}

// checkCanonical compares the hash of the last processed block with the chain's.
func (v *Verifier) checkCanonical(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	hdr, err := v.backend.Client().HeaderByNumber(cctx, new(big.Int).SetUint64(v.f.lastBlock))
	if err != nil {
		return fmt.Errorf("read header %d: %w", v.f.lastBlock, err)
	}
	if hdr.Hash() != v.f.lastHash {
		v.stats.reorgs.Add(1)
		v.resync(Revocation{Block: v.f.lastBlock}, "processed block left the canonical chain")
	}
	return nil
}

// catchUp processes the registry logs between the last processed block and the head:
// inclusive of the last block after a resubscription (its logs may not all have been
// delivered), exclusive when polling. A reorganisation at the last block, or a range longer
// than MaxBackfill, drops every verdict instead.
func (v *Verifier) catchUp(ctx context.Context, inclusive bool) error {
	cctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	client := v.backend.Client()
	head, err := client.HeaderByNumber(cctx, nil)
	if err != nil {
		return fmt.Errorf("read head: %w", err)
	}
	if head.Number == nil || !head.Number.IsUint64() {
		return errors.New("head without a block number")
	}
	n := head.Number.Uint64()
	if !v.f.initialized {
		v.f.initialized = true
		v.f.lastBlock, v.f.lastHash = n, head.Hash()
		v.noteHead(n)
		v.touch()
		return nil
	}
	switch {
	case n < v.f.lastBlock:
		if err := v.belowProcessed(cctx, n, head.Hash()); err != nil {
			return err
		}
		v.touch()
		return nil
	case n == v.f.lastBlock && head.Hash() != v.f.lastHash:
		v.stats.reorgs.Add(1)
		v.resync(Revocation{Block: n}, "head replaced")
	case n > v.f.lastBlock:
		if err := v.checkCanonical(cctx); err != nil {
			return err
		}
		from := v.f.lastBlock + 1
		if inclusive {
			from = v.f.lastBlock
		}
		// Raised before the logs up to n are acted on (see Verifier.processed).
		v.noteProcessed(n)
		if n-from > v.cfg.MaxBackfill {
			v.resync(Revocation{Block: n}, "outage longer than the backfill window")
			break
		}
		// The logs come in bounded ranges, each acted on as it arrives; the follower advances
		// past a range only once it has it, so a failure resumes after the last range read.
		// Cached verdicts are not confirmed (touch) before the whole range is read: while it
		// falls behind, they expire after MaxStaleTime and decisions read the chain again.
		err := v.registryLogs(ctx, from, n, head.Hash(), func(end uint64, endHash common.Hash, logs []types.Log) {
			for i := range logs {
				v.handleLog(&logs[i])
			}
			v.f.lastBlock, v.f.lastHash = end, endHash
			v.f.record(end, endHash)
		})
		if err != nil {
			return fmt.Errorf("backfill logs %d..%d: %w", from, n, err)
		}
	}
	v.f.lastBlock, v.f.lastHash = n, head.Hash()
	v.f.record(n, head.Hash())
	v.f.missingTop = 0
	v.noteHead(n)
	v.touch()
	return nil
}

// errLogsBehind: the endpoint answered a log query from a node that does not have the range's
// last block (a lagging node behind a load balancer may answer eth_getLogs with what it has,
// without an error).
var errLogsBehind = errors.New("the node that answered the log query does not have the range's last block")

// registryLogs reads the registry's logs in blocks [from, to] of the chain whose block to has
// hash want, in ranges of at most v.logs.Range blocks (halved, for the rest of the follower's
// life, on every answer that a range is too large; rate limits waited out for at most
// MaxStaleTime in all: see chain.ReadLogRanges), and hands each range to got in order with its
// last block and that block's hash.
func (v *Verifier) registryLogs(ctx context.Context, from, to uint64, want common.Hash, got func(end uint64, endHash common.Hash, logs []types.Log)) error {
	type answer struct {
		logs    []types.Log
		endHash common.Hash
	}
	return chain.ReadLogRanges(ctx, &v.logs, from, to, func(ctx context.Context, a, b uint64) (answer, error) {
		logs, endHash, err := v.logRange(ctx, a, b, to, want)
		return answer{logs, endHash}, err
	}, func(end uint64, r answer) { got(end, r.endHash, r.logs) })
}

// logRange reads the registry's logs in blocks [from, end] in one JSON-RPC batch that first
// reads block to's header (to ≥ end, the head being caught up with) and block end's: a node
// that has block to (with hash want) when it answers the header has it when it answers the
// logs that follow, so they cover the whole range. Otherwise it fails (errLogsBehind) and the
// caller reads the range again later rather than pass over logs it was not given.
func (v *Verifier) logRange(ctx context.Context, from, end, to uint64, want common.Hash) ([]types.Log, common.Hash, error) {
	ctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	var hdr, endHdr *types.Header
	var logs []types.Log
	filter := map[string]any{
		"fromBlock": hexutil.EncodeUint64(from), "toBlock": hexutil.EncodeUint64(end),
		"address": []common.Address{v.cfg.Registry},
	}
	batch := []rpc.BatchElem{
		{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(to), false}, Result: &hdr},
		{Method: "eth_getLogs", Args: []any{filter}, Result: &logs},
	}
	if end != to {
		batch = append(batch, rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(end), false}, Result: &endHdr})
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return nil, common.Hash{}, err
	}
	for _, e := range batch {
		if e.Error != nil {
			return nil, common.Hash{}, fmt.Errorf("%s: %w", e.Method, e.Error)
		}
	}
	if hdr == nil || hdr.Hash() != want {
		return nil, common.Hash{}, errLogsBehind
	}
	if end == to {
		return logs, want, nil
	}
	if endHdr == nil || endHdr.Number == nil || endHdr.Number.Uint64() != end {
		return nil, common.Hash{}, errLogsBehind
	}
	return logs, endHdr.Hash(), nil
}
