package verifier

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// TestLogsBehindIsNeither: a lagging node's answer is read again as it is, neither with a
// smaller range nor after a rate-limit wait.
func TestLogsBehindIsNeither(t *testing.T) {
	require.False(t, chain.IsRangeTooLarge(errLogsBehind))
	require.False(t, chain.IsRateLimited(errLogsBehind))
}
