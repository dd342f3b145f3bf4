package keydist

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// TestPushDigestEqualsAPITypes: the fixed-layout push digest equals
// go-ethereum's EIP712 encoding of KeyPushTypeString, and the precomputed
// type hash is keccak256 of the type string.
func TestPushDigestEqualsAPITypes(t *testing.T) {
	require.Equal(t, KeyPushTypeHash(), constHash(pushTypeHashHex))
	rng := rand.New(rand.NewPCG(3, 4))
	fill := func(b []byte) {
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
	}
	uris := []string{"a", "com.example.x", "é.ü.ß", "a.b.c.d.e.f.g"}
	for i := range 100 {
		var p KeyPush
		p.ChainID = rng.Uint64()
		fill(p.Registry[:])
		fill(p.Realm[:])
		p.KeyID = uris[rng.IntN(len(uris))] + "id"
		p.Scope = Scope{URI: uris[rng.IntN(len(uris))], Match: e2ee.MatchExact}
		p.Role = e2ee.Role(uris[rng.IntN(len(uris))])
		fill(p.ReaderCSPubKey[:])
		fill(p.CSPubKey[:])
		fill(p.BoxNonce[:])
		fill(p.Box[:])
		p.ExpiresAt, p.IssuedAt = rng.Uint64(), rng.Uint64()
		digests := make([]common.Hash, 1+i%3)
		for j := range digests {
			fill(digests[j][:])
		}
		td := apitypes.TypedData{
			Types: apitypes.Types{
				"EIP712Domain": domainTypes(),
				"KeyPush": {
					{Name: "realm", Type: "address"}, {Name: "keyId", Type: "string"},
					{Name: "uriScope", Type: "string"}, {Name: "match", Type: "string"},
					{Name: "role", Type: "string"}, {Name: "readerCsPubKey", Type: "bytes32"},
					{Name: "csPubKey", Type: "bytes32"}, {Name: "certificates", Type: "bytes32[]"},
					{Name: "boxNonce", Type: "bytes24"}, {Name: "boxHash", Type: "bytes32"},
					{Name: "expiresAt", Type: "uint64"}, {Name: "issuedAt", Type: "uint64"},
				},
			},
			PrimaryType: "KeyPush",
			Domain:      apiDomain(p.ChainID, p.Registry),
			Message: apitypes.TypedDataMessage{
				"realm": p.Realm.Hex(), "keyId": p.KeyID, "uriScope": p.Scope.URI, "match": string(p.Scope.Match),
				"role": string(p.Role), "readerCsPubKey": hexutil.Bytes(p.ReaderCSPubKey[:]),
				"csPubKey": hexutil.Bytes(p.CSPubKey[:]), "certificates": digestList(digests),
				"boxNonce": hexutil.Bytes(p.BoxNonce[:]), "boxHash": hexutil.Bytes(p.BoxHash().Bytes()),
				"expiresAt": strconv.FormatUint(p.ExpiresAt, 10), "issuedAt": strconv.FormatUint(p.IssuedAt, 10),
			},
		}
		require.Equal(t, common.HexToHash(KeyPushTypeHash().Hex()), common.BytesToHash(td.TypeHash("KeyPush")))
		h, _, err := apitypes.TypedDataAndHash(td)
		require.NoError(t, err)
		require.Equal(t, common.BytesToHash(h), p.Digest(digests), "push %d", i)
	}
}
