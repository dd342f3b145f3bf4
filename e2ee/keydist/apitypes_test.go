package keydist_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

func apitypesDigest(t *testing.T, r *keydist.KeyRequest) common.Hash {
	t.Helper()
	td, err := r.TypedData()
	require.NoError(t, err)
	h, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(t, err)
	return common.BytesToHash(h)
}

func apitypesDigestResp(t *testing.T, r *keydist.KeyResponse) common.Hash {
	t.Helper()
	td, err := r.TypedData()
	require.NoError(t, err)
	h, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(t, err)
	return common.BytesToHash(h)
}
