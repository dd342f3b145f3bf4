package verifier_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
)

// TestConcurrentMissesShareOneRead: decisions about one chain that miss the
// cache at the same time (a session prefetching a responder's verdict while
// its key request is in flight, then checking the response) make one
// registry read, and all of them get the verdict.
func TestConcurrentMissesShareOneRead(t *testing.T) {
	e, req := benchEnv(t, chaintest.Simulated)
	for round := range 5 {
		e.v.Purge()
		reads := e.v.Stats().Reads
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				r := req
				r.URI = "com.example.other" // the subject is the chain, not the URI
				if i%2 == 0 {
					r = req
				}
				_, errs[i] = e.v.Decide(e.Ctx, r)
			})
		}
		close(start)
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
		require.Equal(t, reads+1, e.v.Stats().Reads, "round %d: %d concurrent misses, one read", round, n)
	}
}
