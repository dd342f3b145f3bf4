package keydist_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

func roundTrip(t *testing.T, w *world) [32]byte {
	t.Helper()
	ctx := context.Background()
	p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleSubscriber)
	require.NoError(t, err)
	kw, err := keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	req, err := keydist.DecodeRequest(kw)
	require.NoError(t, err)
	vr, err := w.resp.VerifyRequest(ctx, req)
	require.NoError(t, err)
	resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Hour))
	require.NoError(t, err)
	rkw, err := keydist.EncodeResponse(resp)
	require.NoError(t, err)
	resp2, err := keydist.DecodeResponse(rkw)
	require.NoError(t, err)
	key, err := w.req.Open(ctx, p, resp2)
	require.NoError(t, err)
	return key
}

func TestRoundTrip(t *testing.T) {
	w := newWorld(t)
	assert.Equal(t, w.key, roundTrip(t, w))
	calls := w.trust.calls.Load()
	assert.Equal(t, w.key, roundTrip(t, w))
	assert.Equal(t, calls, w.trust.calls.Load(), "known peers: verdicts cached on both sides")
	w.trust.version.Add(1)
	assert.Equal(t, w.key, roundTrip(t, w))
	assert.Equal(t, calls+2, w.trust.calls.Load(), "a new trust version re-decides on both sides")
}

func TestTypeHashes(t *testing.T) {
	assert.Equal(t, "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f", keydist.DomainTypeHash().Hex())
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleCallee)
	require.NoError(t, err)
	td, err := p.Request.TypedData()
	require.NoError(t, err)
	th := td.TypeHash("KeyRequest")
	assert.Equal(t, keydist.KeyRequestTypeHash().Bytes(), []byte(th))
	assert.Equal(t, keydist.KeyRequestTypeString, string(td.EncodeType("KeyRequest")))
	var resp keydist.KeyResponse
	resp.Chain = p.Request.Chain
	rtd, err := resp.TypedData()
	require.NoError(t, err)
	assert.Equal(t, keydist.KeyResponseTypeString, string(rtd.EncodeType("KeyResponse")))
	assert.Equal(t, keydist.KeyResponseTypeHash().Bytes(), []byte(rtd.TypeHash("KeyResponse")))
	ds, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	require.NoError(t, err)
	assert.Equal(t, keydist.DomainSeparator(testChainID, testRegistry).Bytes(), []byte(ds))
}

// TestRequestRejections covers every originator-side rejection.
func TestRequestRejections(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		mutate func(t *testing.T, w *world, r *keydist.KeyRequest)
		want   error
		uri    string
	}{
		{"wrong signer", func(t *testing.T, w *world, r *keydist.KeyRequest) { resignRequest(t, r, w.f.del[3]) }, keydist.ErrWrongSigner, ""},
		{"tampered after signing", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.URI = "com.example.topic.b" }, keydist.ErrWrongSigner, ""},
		{"bad signature v", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Signature[64] = 5 }, keydist.ErrBadSignature, ""},
		{"wrong CS key", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.CSPubKey = w.f.sess[8].PublicKey32()
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrCSKeyMismatch, ""},
		{"stale", func(t *testing.T, w *world, r *keydist.KeyRequest) { w.now = w.now.Add(61 * time.Second) }, keydist.ErrStale, ""},
		{"from the future", func(t *testing.T, w *world, r *keydist.KeyRequest) { w.now = w.now.Add(-61 * time.Second) }, keydist.ErrStale, ""},
		{"wrong realm", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Realm = testRegistry
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrWrongDomain, ""},
		{"wrong chain id", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.ChainID = 5
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrWrongDomain, ""},
		{"role may not request", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Role = keydist.RolePublisher }, keydist.ErrRole, ""},
		{"chain rule failure (realm of certificates)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{realm: testRegistry})
			resignRequest(t, r, w.f.del[1])
		}, cert.ErrRealm, ""},
		{"chain rule failure (forged root signature)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = append([]cert.Certificate(nil), r.Chain...)
			r.Chain[2].Signature[10] ^= 1
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrChain, ""},
		{"untrusted root", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{rootIdx: 3})
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrUntrusted, ""},
		{"untrusted role", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			w.trust.deny = map[keydist.Role]bool{keydist.RoleSubscriber: true}
		}, keydist.ErrUntrusted, ""},
		{"malformed key id", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.KeyID = "x" }, keydist.ErrMalformed, ""},
		{"empty chain", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Chain = nil }, keydist.ErrMalformed, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleSubscriber)
			require.NoError(t, err)
			r := *p.Request
			tc.mutate(t, w, &r)
			_, err = w.resp.VerifyRequest(ctx, &r)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var ke *keydist.Error
			assert.True(t, errors.As(err, &ke))
			assert.NotEqual(t, keydist.ErrorURIInternal, keydist.ErrorURI(err))
		})
	}
}

func TestReplay(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleCaller)
	require.NoError(t, err)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	assert.ErrorIs(t, err, keydist.ErrReplay)
	assert.Equal(t, keydist.ErrorURIReplay, keydist.ErrorURI(err))
	// Still a replay later in the window, stale after it.
	w.now = w.now.Add(59 * time.Second)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	assert.ErrorIs(t, err, keydist.ErrReplay)
	w.now = w.now.Add(2 * time.Second)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	assert.ErrorIs(t, err, keydist.ErrStale)
}

func TestReplayOverload(t *testing.T) {
	f := loadFixture(t)
	now := testNow
	tr := &trustRoot{root: f.del[0].Address()}
	resp, err := keydist.NewResponder(keydist.ResponderConfig{
		Policy:         f.policy(tr, &now),
		Identity:       keydist.Identity{Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})},
		ReplayCapacity: 2,
	})
	require.NoError(t, err)
	w := newWorld(t)
	for i := range 3 {
		p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleCaller)
		require.NoError(t, err)
		_, err = resp.VerifyRequest(context.Background(), p.Request)
		if i < 2 {
			require.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, keydist.ErrOverload)
		}
	}
}

// lowOrderPoint is the Ed25519 encoding of a point of order 4 (0, -1)… here
// the identity (0, 1), whose X25519 form is rejected.
var lowOrderPoint = [32]byte{1}

func TestLowOrderRequesterKey(t *testing.T) {
	w := newWorld(t)
	f := w.f
	// A requester whose delegate certificate certifies a low-order CS key.
	chain := f.chain3(t, 1, lowOrderPoint, chainOpts{})
	p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleSubscriber)
	require.NoError(t, err)
	r := *p.Request
	r.Chain, r.CSPubKey = chain, lowOrderPoint
	resignRequest(t, &r, f.del[1])
	_, err = w.resp.VerifyRequest(context.Background(), &r)
	assert.ErrorIs(t, err, keydist.ErrLowOrderKey)
	assert.ErrorIs(t, err, keys.ErrInvalidPublicKey)
}
