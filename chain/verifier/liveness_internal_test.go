package verifier

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// laggingNode answers like a node that is at block lag and has no block above it
// (eth_getBlockByNumber returns null): a load-balanced backend that is behind, or a chain
// reverted to block lag.
func laggingNode(t *testing.T, lag uint64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var m struct {
			ID     json.RawMessage   `json:"id"`
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
		}
		require.NoError(t, json.Unmarshal(body, &m))
		var result any
		switch m.Method {
		case "eth_chainId":
			result = hexutil.Uint64(chain.SimulatedChainID)
		case "eth_getBlockByNumber":
			var tag string
			_ = json.Unmarshal(m.Params[0], &tag)
			n := lag
			if tag != "latest" {
				n = uint64(hexutil.MustDecodeUint64(tag))
			}
			if n > lag {
				result = nil // not there yet: this node lags
			} else {
				result = &types.Header{Number: new(big.Int).SetUint64(n), Difficulty: big.NewInt(0), Extra: []byte{}}
			}
		}
		out, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
		_, _ = w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestLivenessMissingTopFailsClosed: the follower processed up to block 110; the liveness
// check is answered by a node at block 100 that lacks block 110 — a node that lags behind a
// load balancer, or a chain that moved onto a shorter one; the check cannot tell which. It must
// not lower P below logs already acted on (a lagging node could then serve state from before a
// processed revocation), must drop every verdict, and reports a Resync only when the second
// check in a row finds the same.
func TestLivenessMissingTopFailsClosed(t *testing.T) {
	var revs []Revocation
	v := bareVerifier(&revs)
	srv := laggingNode(t, 100)
	b, err := chain.Connect(context.Background(), chain.BackendConfig{URL: srv.URL, ChainID: chain.SimulatedChainID})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	v.backend = b
	v.f.lastBlock, v.f.lastHash = 110, common.Hash{0x11}
	v.processed.Store(110)
	k := key{delegate: common.Address{1}}
	v.entries[k] = &entry{key: k}

	require.NoError(t, v.liveness(context.Background()))
	require.EqualValues(t, 110, v.processed.Load(), "P stays")
	require.Empty(t, v.entries, "every verdict dropped")
	require.Zero(t, v.stats.reorgs.Load())
	require.Empty(t, revs, "one observation reports nothing")

	require.NoError(t, v.liveness(context.Background()))
	require.EqualValues(t, 110, v.processed.Load(), "P stays")
	require.Len(t, revs, 1)
	require.Equal(t, Resync, revs[0].Kind, "the second in a row reports a Resync")
	require.NoError(t, v.liveness(context.Background()))
	require.Len(t, revs, 1, "once per episode")
}
