package router_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log"
	"testing"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// allowKey is a CryptosignVerifier that admits one key and records requests.
type allowKey struct {
	key  ed25519.PublicKey
	reqs []router.CryptosignRequest
}

func (a *allowKey) VerifyCryptosign(_ context.Context, req router.CryptosignRequest) (router.CryptosignIdentity, error) {
	a.reqs = append(a.reqs, req)
	if !bytes.Equal(req.PubKey, a.key) {
		return router.CryptosignIdentity{}, errors.New("untrusted key")
	}
	return router.CryptosignIdentity{AuthID: "delegate-1", AuthRole: "delegate", AuthExtra: wamp.Dict{"ok": true}}, nil
}

func cryptosignClient(ctx context.Context, url string, pub ed25519.PublicKey, priv ed25519.PrivateKey, appendChallenge bool) (*client.Client, error) {
	return client.ConnectNet(ctx, url, client.Config{
		Realm:         testRealm,
		Serialization: serialize.CBOR,
		Logger:        log.New(io.Discard, "", 0),
		HelloDetails: wamp.Dict{
			"authid":    "alice",
			"authextra": wamp.Dict{"pubkey": hex.EncodeToString(pub), "certificates": wamp.List{"cert-1"}},
		},
		AuthHandlers: map[string]client.AuthFunc{
			"cryptosign": func(c *wamp.Challenge) (string, wamp.Dict) {
				chHex, _ := c.Extra["challenge"].(string)
				ch, _ := hex.DecodeString(chHex)
				sig := ed25519.Sign(priv, ch)
				if appendChallenge {
					sig = append(sig, ch...)
				}
				return hex.EncodeToString(sig), wamp.Dict{}
			},
		},
	})
}

func TestCryptosignAuthenticator(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	v := &allowKey{key: pub}
	r := startRouter(t, func(c *router.Config) {
		c.Realms = []router.RealmConfig{{
			Name:             testRealm,
			DisableAnonymous: true,
			Authenticators:   []router.Authenticator{router.NewCryptosignAuthenticator(testRealm, v, 0)},
		}}
	})
	url := addrOf(t, r, tWS)
	ctx := context.Background()

	for _, withChallenge := range []bool{false, true} {
		c, err := cryptosignClient(ctx, url, pub, priv, withChallenge)
		require.NoError(t, err)
		details := c.RealmDetails()
		assert.Equal(t, "delegate-1", details["authid"])
		assert.Equal(t, "delegate", details["authrole"])
		assert.Equal(t, "cryptosign", details["authmethod"])
		require.NoError(t, c.Close())
	}
	require.Len(t, v.reqs, 2)
	assert.Equal(t, "alice", v.reqs[0].AuthID)
	assert.Equal(t, testRealm, v.reqs[0].Realm)
	assert.Equal(t, wamp.List{"cert-1"}, v.reqs[0].AuthExtra["certificates"])

	// A key the verifier refuses.
	otherPub, otherPriv, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	_, err = cryptosignClient(ctx, url, otherPub, otherPriv, false)
	require.Error(t, err)

	// A signature by another key than the announced one never reaches the
	// verifier.
	n := len(v.reqs)
	_, err = cryptosignClient(ctx, url, pub, otherPriv, false)
	require.Error(t, err)
	assert.Len(t, v.reqs, n)

	// Anonymous is off for this realm.
	_, err = client.ConnectNet(ctx, url, client.Config{Realm: testRealm, Logger: log.New(io.Discard, "", 0)})
	require.Error(t, err)
}
