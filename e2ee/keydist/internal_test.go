package keydist

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// TestSharedKeyEqualsPrecompute: the single-multiplication shared key is
// nacl/box.Precompute's, and low-order or invalid peer keys are refused.
func TestSharedKeyEqualsPrecompute(t *testing.T) {
	c := newBoxCache(4)
	for range 8 {
		ours, err := keys.GenerateSessionKey()
		require.NoError(t, err)
		bk, err := boxPrivateKey(ours)
		require.NoError(t, err)
		peer, err := keys.GenerateSessionKey()
		require.NoError(t, err)
		px, err := keys.Ed25519PublicToX25519(peer.Public())
		require.NoError(t, err)
		priv := ours.X25519PrivateKey()
		var want [32]byte
		box.Precompute(&want, &px, &priv)
		got, err := sharedKey(c, bk, peer.PublicKey32())
		require.NoError(t, err)
		assert.Equal(t, want, *got)
		again, err := sharedKey(c, bk, peer.PublicKey32())
		require.NoError(t, err)
		assert.Same(t, got, again, "cached by CS key")
	}
	ours, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	bk, err := boxPrivateKey(ours)
	require.NoError(t, err)
	for name, pub := range map[string][32]byte{
		"identity":  {1},
		"all zero":  {},
		"not point": {2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
	} {
		_, err := sharedKey(c, bk, pub)
		assert.ErrorIs(t, err, ErrLowOrderKey, name)
	}
}

// TestScratchReuse: a pooled scratch reused across requests and responses
// of different shapes gives the same digests as a fresh one.
func TestScratchReuse(t *testing.T) {
	sc := newScratch()
	domain := DomainSeparator(1, common.Address{1})
	for i := range 50 {
		var chainHash common.Hash
		chainHash[i%32] = byte(i)
		req := KeyRequest{KeyID: strings.Repeat("k", i), URI: strings.Repeat("u", 10*i), Role: e2ee.RoleCaller, IssuedAt: uint64(i)}
		req.Nonce[i%NonceSize] = byte(i)
		resp := KeyResponse{KeyID: req.KeyID, Scope: Scope{URI: strings.Repeat("s", 13*i), Match: e2ee.MatchPrefix}, ExpiresAt: uint64(i)}
		resp.Box[i%BoxSize] = byte(i)
		resp.BoxNonce[i%BoxNonceSize] = byte(i)
		assert.Equal(t, req.digest(newScratch(), domain, chainHash), req.digest(sc, domain, chainHash))
		assert.Equal(t, resp.digest(newScratch(), domain, chainHash), resp.digest(sc, domain, chainHash))
	}
}
