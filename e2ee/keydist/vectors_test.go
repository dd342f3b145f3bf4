package keydist_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

var update = flag.Bool("update", false, "rewrite generated vectors and the fuzz seed corpus")

const keydistVectorsPath = "../testdata/vectors/keydist.json"

// TestVectors regenerates the deterministic example of
// e2ee/testdata/vectors/keydist.json and compares it with the committed file.
func TestVectors(t *testing.T) {
	f := loadFixture(t)
	now := testNow
	tr := &trustRoot{root: f.del[0].Address()}
	reqChain := f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})
	respChain := f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})
	q, err := keydist.NewRequester(keydist.RequesterConfig{
		Policy: f.policy(tr, &now), Rand: &fillSeq{b: []byte{0x16, 0x18}},
		Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: reqChain},
	})
	require.NoError(t, err)
	r, err := keydist.NewResponder(keydist.ResponderConfig{
		Policy: f.policy(tr, &now), Rand: &fillSeq{b: []byte{0x24, 0x25}},
		Identity: keydist.Identity{Delegate: f.del[2], Session: f.sess[7], Chain: respChain},
	})
	require.NoError(t, err)
	var key [32]byte
	for i := range key {
		key[i] = byte(0xa0 + i)
	}
	scope := keydist.Scope{URI: "com.example.topic", Match: e2ee.MatchPrefix}
	p, err := q.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := r.VerifyRequest(context.Background(), p.Request)
	require.NoError(t, err)
	resp, err := r.Respond(vr, &key, scope, now.Add(time.Hour))
	require.NoError(t, err)
	got, err := q.Open(context.Background(), p, resp)
	require.NoError(t, err)
	require.Equal(t, key, got)

	reqDigest, err := p.Request.Digest()
	require.NoError(t, err)
	respDigest, err := resp.Digest()
	require.NoError(t, err)

	// The next exchange between the same CS keys resumes (MACs).
	rp, err := q.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, rp.Request.Auth)
	rvr, err := r.VerifyRequest(context.Background(), rp.Request)
	require.NoError(t, err)
	rresp, err := r.Respond(rvr, &key, scope, now.Add(time.Hour))
	require.NoError(t, err)
	rkey, err := q.Open(context.Background(), rp, rresp)
	require.NoError(t, err)
	require.Equal(t, key, rkey)
	rreqDigest, err := rp.Request.Digest()
	require.NoError(t, err)
	rrespDigest, err := rresp.Digest()
	require.NoError(t, err)
	shared := sharedKey(t, f.sess[6], f.sess[7].PublicKey32())
	// The chain goes in the spec's JSON pair form (deterministic; the wire
	// carries it as CBOR) with its certificate digests, which the
	// signatures bind.
	chainJSON := func(c []cert.Certificate) map[string]any {
		b, err := cert.MarshalChainJSON(c, cert.FormPair)
		require.NoError(t, err)
		d, err := keydist.ChainDigests(wireChain(t, c))
		require.NoError(t, err)
		ds := make([]string, len(d))
		for i := range d {
			ds[i] = hex.EncodeToString(d[i][:])
		}
		return map[string]any{"json": json.RawMessage(b), "digests": ds}
	}
	h := func(b []byte) string { return hex.EncodeToString(b) }

	// A lone delegate certificate with the issuer hint (the rest on-chain):
	// the requester's delegate certificate, issuer = delegate key 4.
	loneQ, err := keydist.NewRequester(keydist.RequesterConfig{
		Policy: f.policy(tr, &now), Rand: fillReader(0x17),
		Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: reqChain[:1], Issuer: f.del[4].Address()},
	})
	require.NoError(t, err)
	lone, err := loneQ.NewRequest(testKeyID, testURI, e2ee.RoleCallee)
	require.NoError(t, err)
	loneDigest, err := lone.Request.Digest()
	require.NoError(t, err)
	doc := map[string]any{
		"_about": "Deterministic KeyRequest/KeyResponse example (docs/protocol.md §3). Keys from the seedphrase of " +
			"testdata/vectors/eip712-certificates.json: root CA = delegate key 0, requester = delegate key 1 + " +
			"session key 6, responder = delegate key 2 + session key 7. Request nonce = 16×0x16 (lone-delegate " +
			"request: 16×0x17, issuer hint = delegate key 4), box nonce = 24×0x24. key_request_resumed / key_response_resumed: the next exchange between the same CS keys, MAC-authenticated (docs/protocol.md §3.8; request nonce 16×0x18, box nonce 24×0x25; the other fields as in key_request / key_response); sharedKey is the nacl/box precomputed key of session keys 6 and 7. On the wire the chain is a CBOR " +
			"array of Autobahn certificate files (cert.MarshalChainCBOR); the signatures bind only the digests. All binary values hex without 0x. Regenerate with go test ./e2ee/keydist -run TestVectors -update.",
		"domain": map[string]any{
			"typeString": keydist.DomainTypeString, "name": keydist.DomainName, "version": keydist.DomainVersion,
			"chainId": testChainID, "verifyingContract": testRegistry.Hex(),
			"separator": h(keydist.DomainSeparator(testChainID, testRegistry).Bytes()),
		},
		"key_request": map[string]any{
			"typeString": keydist.KeyRequestTypeString, "typeHash": h(keydist.KeyRequestTypeHash().Bytes()),
			"realm": testRealm.Hex(), "keyId": p.Request.KeyID, "uri": p.Request.URI, "role": string(p.Request.Role),
			"csPubKey": h(p.Request.CSPubKey[:]), "certificates": chainJSON(reqChain),
			"issuer":   p.Request.Issuer.Hex(),
			"issuedAt": p.Request.IssuedAt, "requestNonce": h(p.Request.Nonce[:]),
			"digest": h(reqDigest.Bytes()), "signature": h(p.Request.Signature[:]),
			"signer": f.del[1].Address().Hex(),
		},
		"key_request_lone_delegate": map[string]any{
			"realm": testRealm.Hex(), "keyId": lone.Request.KeyID, "uri": lone.Request.URI, "role": string(lone.Request.Role),
			"csPubKey": h(lone.Request.CSPubKey[:]), "certificates": chainJSON(reqChain[:1]),
			"issuer":   lone.Request.Issuer.Hex(),
			"issuedAt": lone.Request.IssuedAt, "requestNonce": h(lone.Request.Nonce[:]),
			"digest": h(loneDigest.Bytes()), "signature": h(lone.Request.Signature[:]),
			"signer": f.del[1].Address().Hex(),
		},
		"key_response": map[string]any{
			"typeString": keydist.KeyResponseTypeString, "typeHash": h(keydist.KeyResponseTypeHash().Bytes()),
			"payloadKey": h(key[:]), "uriScope": scope.URI, "match": string(scope.Match), "role": string(resp.Role),
			"requesterCsPubKey": h(resp.RequesterCSPubKey[:]), "requestNonce": h(resp.RequestNonce[:]),
			"csPubKey": h(resp.CSPubKey[:]), "certificates": chainJSON(respChain), "issuer": resp.Issuer.Hex(),
			"boxNonce": h(resp.BoxNonce[:]), "box": h(resp.Box[:]), "boxHash": h(resp.BoxHash().Bytes()),
			"expiresAt": resp.ExpiresAt, "digest": h(respDigest.Bytes()), "signature": h(resp.Signature[:]),
			"signer": f.del[2].Address().Hex(),
		},
	}
	doc["key_request_resumed"] = map[string]any{
		"sharedKey": h(shared[:]), "requestMacLabel": keydist.RequestMACLabel,
		"requestMacKey": h(hmacSHA256(shared[:], []byte(keydist.RequestMACLabel))),
		"keyId":         rp.Request.KeyID, "uri": rp.Request.URI, "role": string(rp.Request.Role),
		"csPubKey": h(rp.Request.CSPubKey[:]), "issuedAt": rp.Request.IssuedAt, "requestNonce": h(rp.Request.Nonce[:]),
		"digest": h(rreqDigest.Bytes()), "responderCsPubKey": h(rp.Request.ResponderCSPubKey[:]), "mac": h(rp.Request.MAC[:]),
	}
	doc["key_response_resumed"] = map[string]any{
		"responseMacLabel": keydist.ResponseMACLabel,
		"responseMacKey":   h(hmacSHA256(shared[:], []byte(keydist.ResponseMACLabel))),
		"requestNonce":     h(rresp.RequestNonce[:]), "boxNonce": h(rresp.BoxNonce[:]), "box": h(rresp.Box[:]),
		"boxHash": h(rresp.BoxHash().Bytes()), "expiresAt": rresp.ExpiresAt,
		"digest": h(rrespDigest.Bytes()), "mac": h(rresp.MAC[:]),
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	out = append(out, '\n')
	if *update {
		require.NoError(t, os.WriteFile(keydistVectorsPath, out, 0o644))
	}
	want, err := os.ReadFile(keydistVectorsPath)
	require.NoError(t, err, "run with -update to create the vectors")
	assert.JSONEq(t, string(want), string(out))
}

func hmacSHA256(key, msg []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}
