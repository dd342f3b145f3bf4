package chain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultLogRange is the block span of one eth_getLogs query unless configured otherwise:
// public endpoints cap log queries at 1,000 to 10,000 blocks.
const DefaultLogRange = 1_000

// MaxRateLimitBackoff caps one wait after a rate-limited answer.
const MaxRateLimitBackoff = 30 * time.Second

// LogRanges reads logs over a block range in bounded queries and adapts to what the endpoint
// accepts (see ReadLogRanges). Set its fields before the first read; the counters may be read
// concurrently with a read. One read at a time.
type LogRanges struct {
	// Range is the block span of one query (0: DefaultLogRange). An answer that a range is too
	// large halves it, for the reads that follow too.
	Range uint64
	// MinBackoff is the first wait after a rate-limited answer (at least 10 ms); each further
	// one in a row doubles it, up to MaxRateLimitBackoff.
	MinBackoff time.Duration
	// MaxWait bounds the total wait for rate limits of one read (0: only the context does).
	MaxWait time.Duration
	// Queries counts range queries, Shrinks the halvings of Range, RateLimited the
	// rate-limited answers waited out.
	Queries, Shrinks, RateLimited atomic.Uint64
}

// ReadLogRanges reads blocks [from, to] with query in consecutive ranges of at most lr.Range
// blocks and hands each answer to got, in order, with the range's last block. On an answer that
// the range is too large (IsRangeTooLarge) it halves lr.Range and asks again; on a rate-limited
// answer (IsRateLimited) it waits, doubling the wait, and asks again, and fails once it has
// waited lr.MaxWait in all. Any other error ends it: the ranges handed to got so far stay
// handed, so a caller may resume after the last one.
func ReadLogRanges[T any](ctx context.Context, lr *LogRanges, from, to uint64, query func(ctx context.Context, from, to uint64) (T, error), got func(end uint64, answer T)) error {
	if lr.Range == 0 {
		lr.Range = DefaultLogRange
	}
	var waited, backoff time.Duration
	for a := from; a <= to; {
		b := to
		if to-a >= lr.Range {
			b = a + lr.Range - 1
		}
		lr.Queries.Add(1)
		res, err := query(ctx, a, b)
		switch {
		case err == nil:
			got(b, res)
			backoff = 0
			if b == to {
				return nil
			}
			a = b + 1
		case IsRangeTooLarge(err) && lr.Range > 1:
			lr.Range = max(1, min(lr.Range, b-a+1)/2)
			lr.Shrinks.Add(1)
		case IsRateLimited(err):
			lr.RateLimited.Add(1)
			backoff = min(max(2*backoff, lr.MinBackoff, 10*time.Millisecond), MaxRateLimitBackoff)
			if waited += backoff; lr.MaxWait > 0 && waited > lr.MaxWait {
				return fmt.Errorf("rate-limited for %v: %w", waited-backoff, err)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(backoff):
			}
		default:
			return err
		}
	}
	return nil
}

// IsRateLimited recognises an endpoint's "slow down": HTTP 429 or 503, JSON-RPC -32005 ("limit
// exceeded", EIP-1474) unless it is about the size of a log query, and providers' wordings.
func IsRateLimited(err error) bool {
	if err == nil {
		return false
	}
	var he rpc.HTTPError
	if errors.As(err, &he) && (he.StatusCode == 429 || he.StatusCode == 503) {
		return true
	}
	if IsRangeTooLarge(err) {
		return false
	}
	var re rpc.Error
	if errors.As(err, &re) && re.ErrorCode() == -32005 {
		return true
	}
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "rate limit") || strings.Contains(m, "too many requests") || strings.Contains(m, "exceeded the quota") || strings.Contains(m, "request limit")
}

// rangeTooLarge are fragments of providers' answers to an eth_getLogs query over too many
// blocks or with too many results (geth, Infura, Alchemy, QuickNode, Ankr and others).
var rangeTooLarge = []string{
	"block range", "range too large", "range is too large", "range limit", "exceed maximum block range",
	"more than", "too many results", "too many logs", "response size", "limited to", "query timeout",
}

// IsRangeTooLarge recognises an answer that a log query spans too many blocks or results.
func IsRangeTooLarge(err error) bool {
	if err == nil {
		return false
	}
	m := strings.ToLower(err.Error())
	for _, f := range rangeTooLarge {
		if strings.Contains(m, f) {
			return true
		}
	}
	return false
}
