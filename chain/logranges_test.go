package chain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// rpcError is a JSON-RPC error answer as the rpc package reports it.
type rpcError struct {
	code int
	msg  string
}

func (e rpcError) Error() string  { return e.msg }
func (e rpcError) ErrorCode() int { return e.code }

// TestProviderAnswers: what providers answer to a log query over too many blocks, and to too
// many requests, is told apart; other errors are neither.
func TestProviderAnswers(t *testing.T) {
	for _, tc := range []struct {
		name              string
		err               error
		tooLarge, limited bool
	}{
		{"geth", rpcError{-32000, "exceed maximum block range: 5000"}, true, false},
		{"infura", rpcError{-32005, "query returned more than 10000 results"}, true, false},
		{"alchemy", rpcError{-32600, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"}, true, false},
		{"quicknode", rpcError{-32614, "eth_getLogs is limited to a 10,000 range"}, true, false},
		{"ankr", rpcError{-32062, "block range is too large"}, true, false},
		{"http 429", rpc.HTTPError{StatusCode: 429, Status: "429 Too Many Requests"}, false, true},
		{"http 503", rpc.HTTPError{StatusCode: 503, Status: "503 Service Unavailable"}, false, true},
		{"-32005 limit exceeded", rpcError{-32005, "limit exceeded"}, false, true},
		{"rate limit wording", rpcError{-32000, "Your app has exceeded its compute units per second capacity: rate limit"}, false, true},
		{"wrapped 429", fmt.Errorf("backfill logs 1..9: %w", rpc.HTTPError{StatusCode: 429}), false, true},
		{"wrapped -32005", fmt.Errorf("eth_getLogs: %w", rpcError{-32005, "limit exceeded"}), false, true},
		{"header not found", rpcError{-32000, "header not found"}, false, false},
		{"http 500", rpc.HTTPError{StatusCode: 500, Status: "500 Internal Server Error"}, false, false},
		{"logs behind", errors.New("the node that answered the log query does not have the range's last block"), false, false},
		{"nil", nil, false, false},
		{"plain", errors.New("connection refused"), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.tooLarge, chain.IsRangeTooLarge(tc.err), "range too large")
			require.Equal(t, tc.limited, chain.IsRateLimited(tc.err), "rate limited")
		})
	}
}
