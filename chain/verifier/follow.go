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
)

// follower is the state of the event follower goroutine (touched by it only).
type follower struct {
	lastBlock   uint64
	lastHash    common.Hash
	initialized bool
	// missingTop counts consecutive liveness checks that found the endpoint's head below the
	// processed chain and its top block missing (see liveness).
	missingTop int
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
		_ = err // the next Decide reports unavailability; the follower just retries
		select {
		case <-ctx.Done():
			return
		case <-time.After(v.cfg.PollInterval):
		}
	}
}

func (v *Verifier) setSynced(s bool) {
	if v.synced.Swap(s) != s {
		v.gen.Add(1)
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
		v.stats.reorgs.Add(1)
		v.processed.Store(n) // the old chain's blocks above n may not exist any more
		v.resync(Revocation{Block: n}, "head does not extend the processed chain")
	}
	v.f.lastBlock, v.f.lastHash = n, hash
	v.noteHead(n)
	v.touch()
	return nil
}

// liveness reads the endpoint's head and records the contact. A different block at the height
// of the last head is a reorganisation: every verdict is dropped and a Resync reported (counted
// in Stats.Reorgs). A head below the last processed head or the processed block (top) is
// nothing while block top is still there (a node behind a load balancer that lags). When the
// endpoint lacks block top too, the chain may have moved onto a shorter one (a reverted
// development chain emits no head) — or the node that answered both queries lags: the two
// cannot be told apart here, so the check fails closed for both without trusting the lower
// head. Every verdict is dropped (none from discarded blocks survives), the processed block P
// stays (reads at P fail closed with ErrStale on a node without it, and lowering P would let a
// lagging node serve state from before revocations already acted on), and the second such
// check in a row reports a Resync, since something trusted only on discarded blocks may have
// fetched keys. A real shorter chain is followed once a new head arrives (handleHead and
// catchUp lower P then). A higher head is left to the head subscription.
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
		// Block top still there (unchanged, if it is the last head's): the node that answered
		// is behind another one, nothing moved.
		old, err := client.HeaderByNumber(ctx, new(big.Int).SetUint64(top))
		switch {
		case errors.Is(err, ethereum.NotFound):
		case err != nil:
			return fmt.Errorf("liveness check: read header %d: %w", top, err)
		case top != v.f.lastBlock || old.Hash() == v.f.lastHash:
			v.f.missingTop = 0
			v.noteHead(n)
			v.touch()
			return nil
		default: // block top replaced: a reorganisation at the last head
			v.f.missingTop = 0
			v.stats.reorgs.Add(1)
			v.resync(Revocation{Block: n}, "last head replaced")
			v.touch()
			return nil
		}
		v.invalidate(scope{})
		if v.f.missingTop++; v.f.missingTop == 2 {
			v.stats.reorgs.Add(1)
			v.resync(Revocation{Block: n}, "endpoint head below the processed chain, its top block missing")
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
		v.stats.reorgs.Add(1)
		v.processed.Store(n) // the old chain's blocks above n may not exist any more
		v.resync(Revocation{Block: n}, "chain is shorter than the processed chain")
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
		logs, err := v.registryLogs(cctx, from, n, head.Hash())
		if err != nil {
			return fmt.Errorf("backfill logs %d..%d: %w", from, n, err)
		}
		for i := range logs {
			v.handleLog(&logs[i])
		}
	}
	v.f.lastBlock, v.f.lastHash = n, head.Hash()
	v.noteHead(n)
	v.touch()
	return nil
}

// errLogsBehind: the endpoint answered a log query from a node that does not have the range's
// last block (a lagging node behind a load balancer may answer eth_getLogs with what it has,
// without an error).
var errLogsBehind = errors.New("the node that answered the log query does not have the range's last block")

// registryLogs reads the registry's logs in blocks [from, to] in one JSON-RPC batch that first
// reads block to's header: a node that has block to (with hash want) when it answers the header
// has it when it answers the logs that follow, so the logs cover the whole range. Otherwise it
// fails (errLogsBehind) and the caller reads the range again later rather than pass over logs
// it was not given.
func (v *Verifier) registryLogs(ctx context.Context, from, to uint64, want common.Hash) ([]types.Log, error) {
	var hdr *types.Header
	var logs []types.Log
	filter := map[string]any{
		"fromBlock": hexutil.EncodeUint64(from), "toBlock": hexutil.EncodeUint64(to),
		"address": []common.Address{v.cfg.Registry},
	}
	batch := []rpc.BatchElem{
		{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(to), false}, Result: &hdr},
		{Method: "eth_getLogs", Args: []any{filter}, Result: &logs},
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return nil, err
	}
	for _, e := range batch {
		if e.Error != nil {
			return nil, fmt.Errorf("%s: %w", e.Method, e.Error)
		}
	}
	if hdr == nil || hdr.Hash() != want {
		return nil, errLogsBehind
	}
	return logs, nil
}
