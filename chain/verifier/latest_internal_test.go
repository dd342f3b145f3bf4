package verifier

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fakeLatest is a latestBlock over a chain head the test moves, counting
// the asks.
func fakeLatest(every time.Duration, done <-chan struct{}) (*latestBlock, *atomic.Uint64, *atomic.Int64) {
	var chainHead atomic.Uint64
	var asks atomic.Int64
	l := &latestBlock{every: every, done: done, head: func() uint64 { return 0 }, ask: func(context.Context) (uint64, error) {
		asks.Add(1)
		return chainHead.Load(), nil
	}}
	return l, &chainHead, &asks
}

// Calls within the bound wait for the next ask rather than take the last
// answer, and concurrent calls share it: asks stay at most one per bound
// while every call sees the head as of its call.
func TestLatestBlockBoundedAndFresh(t *testing.T) {
	const every = 20 * time.Millisecond
	l, chainHead, asks := fakeLatest(every, nil)
	chainHead.Store(1)
	start := time.Now()
	var wg sync.WaitGroup
	var stale atomic.Int64
	for range 8 {
		wg.Go(func() {
			for range 10 {
				want := chainHead.Add(1) // a block mined just before the call
				if l.get() < want {
					stale.Add(1)
				}
			}
		})
	}
	wg.Wait()
	el := time.Since(start)
	require.Zero(t, stale.Load(), "calls answered from an ask made before them")
	require.LessOrEqual(t, asks.Load(), int64(el/every)+1, "asks in %v", el)
}

// A call waiting for the bound returns when the verifier closes.
func TestLatestBlockClosed(t *testing.T) {
	done := make(chan struct{})
	l, chainHead, _ := fakeLatest(time.Hour, done)
	chainHead.Store(3)
	require.Equal(t, uint64(3), l.get())
	got := make(chan uint64)
	go func() { got <- l.get() }()
	close(done)
	select {
	case n := <-got:
		require.Equal(t, uint64(3), n)
	case <-time.After(5 * time.Second):
		t.Fatal("get did not return after close")
	}
}
