package keydist_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

func verified(t *testing.T, w *world, role e2ee.Role) (*keydist.Pending, *keydist.KeyResponse) {
	t.Helper()
	p, err := w.req.NewRequest(testKeyID, testURI, role)
	require.NoError(t, err)
	vr, err := w.resp.VerifyRequest(context.Background(), p.Request)
	require.NoError(t, err)
	resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
	require.NoError(t, err)
	return p, resp
}

// TestResponseRejections covers every requester-side rejection.
func TestResponseRejections(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse)
		want   error
	}{
		{"tampered box", func(t *testing.T, w *world, _ *keydist.Pending, r *keydist.KeyResponse) { r.Box[3] ^= 1 }, keydist.ErrWrongSigner},
		{"tampered box, re-signed by the responder", func(t *testing.T, w *world, _ *keydist.Pending, r *keydist.KeyResponse) {
			r.Box[3] ^= 1
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrBoxOpen},
		{"wrong request nonce", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.RequestNonce[0] ^= 1
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrNotOurRequest},
		{"other requester CS key", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.RequesterCSPubKey = w.f.sess[8].PublicKey32()
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrNotOurRequest},
		{"other key id", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.KeyID = "0123456789abcdef.ffffffffffffffffffffffffffffffff"
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrNotOurRequest},
		{"scope mismatch", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.Scope = keydist.Scope{URI: "com.example.other", Match: e2ee.MatchPrefix}
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrScope},
		{"expired", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			w.now = w.now.Add(time.Minute)
		}, keydist.ErrExpired},
		{"wrong responder role", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.Role = e2ee.RoleCallee
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrRole},
		{"responder CS key not its csPubKey", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.CSPubKey = w.f.sess[8].PublicKey32()
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrCSKeyMismatch},
		{"router-forged: own key, responder's chain", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			resignResponse(t, r, w.f.del[3])
		}, keydist.ErrWrongSigner},
		{"router-forged: own self-made chain", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.Chain = wireChain(t, w.f.chain3(t, 3, w.f.sess[9].PublicKey32(), chainOpts{rootIdx: 3}))
			r.CSPubKey = w.f.sess[9].PublicKey32()
			resignResponse(t, r, w.f.del[3])
		}, keydist.ErrUntrusted},
		{"responder chain breaks a rule", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.Chain = wireChain(t, w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{chainID: 7}))
			resignResponse(t, r, w.f.del[2])
		}, cert.ErrWrongChain},
		{"responder not trusted as publisher", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			w.trust.deny = map[e2ee.Role]bool{e2ee.RolePublisher: true}
		}, keydist.ErrUntrusted},
		{"wrong registry", func(t *testing.T, w *world, p *keydist.Pending, r *keydist.KeyResponse) {
			r.Registry = common.Address{1}
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrWrongDomain},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			p, resp := verified(t, w, e2ee.RoleSubscriber)
			r := *resp
			tc.mutate(t, w, p, &r)
			key, err := w.req.Open(context.Background(), p, &r)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, [32]byte{}, key)
		})
	}
}

func TestRespondRefusesBadGrant(t *testing.T) {
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := w.resp.VerifyRequest(context.Background(), p.Request)
	require.NoError(t, err)
	_, err = w.resp.Respond(vr, &w.key, keydist.Scope{URI: "com.other", Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	assert.ErrorIs(t, err, keydist.ErrScope)
	_, err = w.resp.Respond(vr, &w.key, w.scope, w.now)
	assert.ErrorIs(t, err, keydist.ErrExpired)
}

func TestScopeCovers(t *testing.T) {
	for _, tc := range []struct {
		scope keydist.Scope
		uri   string
		want  bool
	}{
		{keydist.Scope{"a.b", e2ee.MatchExact}, "a.b", true},
		{keydist.Scope{"a.b", e2ee.MatchExact}, "a.b.c", false},
		{keydist.Scope{"a.b", e2ee.MatchPrefix}, "a.b.c", true},
		{keydist.Scope{"a.b", e2ee.MatchPrefix}, "a.b", true},
		{keydist.Scope{"a.b", e2ee.MatchPrefix}, "a.bc", false},
		{keydist.Scope{"a..c", e2ee.MatchWildcard}, "a.x.c", true},
		{keydist.Scope{"a..c", e2ee.MatchWildcard}, "a.x.d", false},
		{keydist.Scope{"a..c", e2ee.MatchWildcard}, "a.x.y.c", false},
		{keydist.Scope{"a..c", e2ee.MatchExact}, "a..c", false},
		{keydist.Scope{"a.b", "regex"}, "a.b", false},
		{keydist.Scope{"a.b", e2ee.MatchExact}, "a.b ", false},
		{keydist.Scope{"", e2ee.MatchPrefix}, "a", false},
	} {
		assert.Equal(t, tc.want, tc.scope.Covers(tc.uri), "%v %q", tc.scope, tc.uri)
	}
}

// TestFastPathEqualsAPITypes proves the fixed-layout digests equal
// go-ethereum apitypes on random inputs.
func TestFastPathEqualsAPITypes(t *testing.T) {
	f := loadFixture(t)
	full := f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})
	chains := [][]byte{wireChain(t, full), wireChain(t, full[:1])}
	rng := rand.New(rand.NewPCG(1, 2))
	fill := func(b []byte) {
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
	}
	uris := []string{"a", "com.example.x", "é.ü.ß", "a.b.c.d.e.f.g", ""}
	for i := range 300 {
		var r keydist.KeyRequest
		r.ChainID = rng.Uint64()
		fill(r.Registry[:])
		fill(r.Realm[:])
		r.KeyID = uris[rng.IntN(len(uris))] + "id"
		r.URI = uris[rng.IntN(len(uris))]
		r.Role = e2ee.Role(uris[rng.IntN(len(uris))])
		fill(r.CSPubKey[:])
		r.Chain = chains[i%2]
		if i%2 == 1 && i%3 == 0 {
			fill(r.Issuer[:])
		}
		r.IssuedAt = rng.Uint64()
		fill(r.Nonce[:])
		fast, err := r.Digest()
		require.NoError(t, err)
		ref := apitypesDigest(t, &r)
		require.Equal(t, ref, fast, "request %d", i)

		var s keydist.KeyResponse
		s.ChainID = rng.Uint64()
		fill(s.Registry[:])
		fill(s.Realm[:])
		s.KeyID = r.KeyID
		s.Scope = keydist.Scope{URI: uris[rng.IntN(len(uris))], Match: e2ee.Match(uris[rng.IntN(len(uris))])}
		s.Role = r.Role
		fill(s.RequesterCSPubKey[:])
		fill(s.RequestNonce[:])
		fill(s.CSPubKey[:])
		s.Chain = chains[(i+1)%2]
		if i%2 == 0 && i%3 == 0 {
			fill(s.Issuer[:])
		}
		fill(s.BoxNonce[:])
		fill(s.Box[:])
		s.ExpiresAt = rng.Uint64()
		fast, err = s.Digest()
		require.NoError(t, err)
		require.Equal(t, apitypesDigestResp(t, &s), fast, "response %d", i)
	}
}

// TestWireJSON sends request and response through JSON, with binary values
// as "\u0000"+base64 (WAMP JSON) and as plain base64 (nexus JSON).
func TestWireJSON(t *testing.T) {
	w := newWorld(t)
	p, resp := verified(t, w, e2ee.RoleCallee)
	for _, prefix := range []string{"\x00", ""} {
		kw, err := keydist.EncodeRequest(p.Request)
		require.NoError(t, err)
		got := viaJSON(t, kw, prefix)
		req, err := keydist.DecodeRequest(got)
		require.NoError(t, err)
		assert.Equal(t, p.Request, req)

		rkw, err := keydist.EncodeResponse(resp)
		require.NoError(t, err)
		r2, err := keydist.DecodeResponse(viaJSON(t, rkw, prefix))
		require.NoError(t, err)
		assert.Equal(t, resp, r2)
	}
}

func viaJSON(t *testing.T, kw map[string]any, prefix string) map[string]any {
	t.Helper()
	m := map[string]any{}
	for k, v := range kw {
		if b, ok := v.([]byte); ok {
			m[k] = prefix + base64.StdEncoding.EncodeToString(b)
		} else {
			m[k] = v
		}
	}
	data, err := json.Marshal(m)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(data, &out))
	return out
}

func TestDecodeRejects(t *testing.T) {
	w := newWorld(t)
	p, resp := verified(t, w, e2ee.RoleCallee)
	for _, tc := range []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"missing field", func(m map[string]any) { delete(m, "nonce") }},
		{"unknown field", func(m map[string]any) { m["extra"] = 1 }},
		{"wrong version", func(m map[string]any) { m["v"] = 2 }},
		{"negative int", func(m map[string]any) { m["chain_id"] = -1 }},
		{"fractional float", func(m map[string]any) { m["chain_id"] = 1.5 }},
		{"string int", func(m map[string]any) { m["chain_id"] = "1" }},
		{"short pubkey", func(m map[string]any) { m["pubkey"] = make([]byte, 31) }},
		{"long signature", func(m map[string]any) { m["signature"] = make([]byte, 66) }},
		{"bad base64", func(m map[string]any) { m["nonce"] = "\x00!!!" }},
		{"binary is int", func(m map[string]any) { m["realm"] = 5 }},
		{"garbage chain", func(m map[string]any) { m["certificates"] = []byte{0x80} }},
		{"chain not an array", func(m map[string]any) { m["certificates"] = []byte{0xa1, 0x01, 0x02} }},
		{"chain too long", func(m map[string]any) { m["certificates"] = []byte{0x89} }},
		{"chain indefinite length", func(m map[string]any) { m["certificates"] = []byte{0x9f, 0xff} }},
		{"zero issuer", func(m map[string]any) { m["issuer"] = make([]byte, 20) }},
		{"short issuer", func(m map[string]any) { m["issuer"] = make([]byte, 19) }},
		{"issuer with a complete chain", func(m map[string]any) { m["issuer"] = testRealm.Bytes() }},
		{"keyid not string", func(m map[string]any) { m["keyid"] = []byte("x") }},
		{"nil value", func(m map[string]any) { m["uri"] = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kw, err := keydist.EncodeRequest(p.Request)
			require.NoError(t, err)
			tc.mutate(kw)
			_, err = keydist.DecodeRequest(kw)
			assert.ErrorIs(t, err, keydist.ErrMalformed)
			rkw, err := keydist.EncodeResponse(resp)
			require.NoError(t, err)
			tc.mutate(rkw)
			_, err = keydist.DecodeResponse(rkw)
			assert.ErrorIs(t, err, keydist.ErrMalformed)
		})
	}
	_, err := keydist.DecodeRequest(nil)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
}

// TestDecodeRejectsResumed: the wire forms of resumed messages carry a MAC
// instead of a signature, never both, and a request names the responder
// CS key.
func TestDecodeRejectsResumed(t *testing.T) {
	w := newWorld(t)
	signedP, signedResp := verified(t, newWorld(t), e2ee.RoleSubscriber)
	p, resp := resumed(t, w)
	for _, tc := range []struct {
		name     string
		request  func(m map[string]any)
		response func(m map[string]any)
	}{
		{"mac and signature", func(m map[string]any) { m["signature"] = make([]byte, 65) }, func(m map[string]any) { m["signature"] = make([]byte, 65) }},
		{"short mac", func(m map[string]any) { m["mac"] = make([]byte, 31) }, func(m map[string]any) { m["mac"] = make([]byte, 31) }},
		{"mac not binary", func(m map[string]any) { m["mac"] = 7 }, func(m map[string]any) { m["mac"] = 7 }},
		{"no responder key", func(m map[string]any) { delete(m, "responder_pubkey") }, func(m map[string]any) { m["extra"] = 1 }},
		{"zero responder key", func(m map[string]any) { m["responder_pubkey"] = make([]byte, 32) }, func(m map[string]any) { m["responder_pubkey"] = make([]byte, 32) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kw, err := keydist.EncodeRequest(p.Request)
			require.NoError(t, err)
			tc.request(kw)
			_, err = keydist.DecodeRequest(kw)
			assert.ErrorIs(t, err, keydist.ErrMalformed)
			rkw, err := keydist.EncodeResponse(resp)
			require.NoError(t, err)
			tc.response(rkw)
			_, err = keydist.DecodeResponse(rkw)
			assert.ErrorIs(t, err, keydist.ErrMalformed)
		})
	}
	// A signed message with a responder key (request) or with no
	// authentication at all.
	kw, err := keydist.EncodeRequest(signedP.Request)
	require.NoError(t, err)
	kw["responder_pubkey"] = w.f.sess[7].Public()
	_, err = keydist.DecodeRequest(kw)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
	delete(kw, "responder_pubkey")
	delete(kw, "signature")
	_, err = keydist.DecodeRequest(kw)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
	rkw, err := keydist.EncodeResponse(signedResp)
	require.NoError(t, err)
	delete(rkw, "signature")
	_, err = keydist.DecodeResponse(rkw)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
	// Round trip of the resumed forms.
	kw, err = keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	got, err := keydist.DecodeRequest(viaJSON(t, kw, "\x00"))
	require.NoError(t, err)
	assert.Equal(t, p.Request, got)
	rkw, err = keydist.EncodeResponse(resp)
	require.NoError(t, err)
	gotResp, err := keydist.DecodeResponse(rkw)
	require.NoError(t, err)
	assert.Equal(t, resp, gotResp)
}
