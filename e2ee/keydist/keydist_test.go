package keydist_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

func roundTrip(t testing.TB, w *world) [32]byte {
	t.Helper()
	ctx := context.Background()
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
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
	assert.Equal(t, int64(2), w.trust.calls.Load(), "one decision per side")
	// The responder side was asked last: about the responder, as publisher,
	// for the requested URI, with Peer = its delegate address.
	last := w.trust.lastRequest()
	assert.Equal(t, testRealm, last.Realm)
	assert.Equal(t, testURI, last.URI)
	assert.Equal(t, e2ee.RolePublisher, last.Role)
	assert.Equal(t, w.f.del[2].Address().Hex(), last.Peer)
	assert.Equal(t, w.f.del[2].Address(), last.Chain.DelegateAddress())
	assert.Equal(t, common.Address{}, last.IssuerHint)
	assert.Equal(t, w.now, last.At)
	// Known peers: chains and box keys are cached, verdicts are not — the
	// decider is asked again on both sides (it owns its cache and its
	// invalidation; a revocation takes effect on the next request).
	assert.Equal(t, w.key, roundTrip(t, w))
	assert.Equal(t, int64(4), w.trust.calls.Load())
	w.trust.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true}
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	_, err = w.resp.VerifyRequest(context.Background(), p.Request)
	assert.ErrorIs(t, err, keydist.ErrUntrusted, "a revocation applies to a known requester at once")
}

// TestLoneDelegate: a lone delegate certificate with the issuer hint; the
// hint is signed, passed to the decider, and refused with a longer chain.
func TestLoneDelegate(t *testing.T) {
	f := loadFixture(t)
	now := testNow
	ca := f.del[4].Address()
	tr := &trustRoot{root: f.del[0].Address(), lone: ca}
	full := f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})
	q, err := keydist.NewRequester(keydist.RequesterConfig{
		Policy:   f.policy(tr, &now),
		Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: full[:1], Issuer: ca},
	})
	require.NoError(t, err)
	r, err := keydist.NewResponder(keydist.ResponderConfig{
		Policy:   f.policy(tr, &now),
		Identity: keydist.Identity{Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})},
	})
	require.NoError(t, err)
	p, err := q.NewRequest(testKeyID, testURI, e2ee.RoleCallee)
	require.NoError(t, err)
	assert.Equal(t, ca, p.Request.Issuer)
	kw, err := keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	assert.Equal(t, ca.Bytes(), kw["issuer"])
	req, err := keydist.DecodeRequest(kw)
	require.NoError(t, err)
	vr, err := r.VerifyRequest(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, ca, tr.lastRequest().IssuerHint)
	assert.Equal(t, ca, vr.Decision.Issuer)
	assert.Equal(t, f.del[1].Address().Hex(), tr.lastRequest().Peer)

	// The hint is signed: changing it breaks the signature.
	forged := *req
	forged.Issuer = f.del[3].Address()
	_, err = r.VerifyRequest(context.Background(), &forged)
	assert.ErrorIs(t, err, keydist.ErrWrongSigner)

	// A hint with a complete chain is malformed, in the struct and on the wire.
	full3 := *req
	full3.Chain = wireChain(t, full)
	_, err = r.VerifyRequest(context.Background(), &full3)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
	kw["certificates"] = full3.Chain
	_, err = keydist.DecodeRequest(kw)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
	_, err = keydist.NewRequester(keydist.RequesterConfig{
		Policy:   f.policy(tr, &now),
		Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: full, Issuer: ca},
	})
	assert.ErrorIs(t, err, keydist.ErrMalformed)
}

// TestTrustErrorsDistinct: a definite no and "cannot decide" are reported
// as different errors and error URIs, on both sides.
func TestTrustErrorsDistinct(t *testing.T) {
	for _, tc := range []struct {
		name        string
		set         func(tr *trustRoot)
		want, other error
		decider     error
		uri         string
	}{
		{"untrusted", func(tr *trustRoot) { tr.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true, e2ee.RolePublisher: true} },
			keydist.ErrUntrusted, keydist.ErrTrustUnavailable, e2ee.ErrUntrusted, keydist.ErrorURIUntrusted},
		{"unavailable", func(tr *trustRoot) { tr.unavailable = true },
			keydist.ErrTrustUnavailable, keydist.ErrUntrusted, e2ee.ErrTrustUnavailable, keydist.ErrorURITrustUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			p, resp := verified(t, w, e2ee.RoleSubscriber)
			tc.set(w.trust)
			q, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			_, err = w.resp.VerifyRequest(context.Background(), q.Request)
			assert.ErrorIs(t, err, tc.want)
			assert.ErrorIs(t, err, tc.decider, "the decider's error is kept as the cause")
			assert.NotErrorIs(t, err, tc.other)
			assert.Equal(t, tc.uri, keydist.ErrorURI(err))
			_, err = w.req.Open(context.Background(), p, resp)
			assert.ErrorIs(t, err, tc.want)
			assert.NotErrorIs(t, err, tc.other)
		})
	}
}

func TestTypeHashes(t *testing.T) {
	assert.Equal(t, "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f", keydist.DomainTypeHash().Hex())
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleCallee)
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
		{"role may not request", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Role = e2ee.RolePublisher }, keydist.ErrRole, ""},
		{"chain rule failure (realm of certificates)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = wireChain(t, w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{realm: testRegistry}))
			resignRequest(t, r, w.f.del[1])
		}, cert.ErrRealm, ""},
		{"chain rule failure (forged root signature)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			c := w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{})
			c[2].Signature[10] ^= 1
			r.Chain = wireChain(t, c)
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrChain, ""},
		{"chain not parseable (valid array header)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = []byte{0x81, 0x01}
		}, keydist.ErrMalformed, ""},
		{"untrusted root", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = wireChain(t, w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{rootIdx: 3}))
			resignRequest(t, r, w.f.del[1])
		}, keydist.ErrUntrusted, ""},
		{"trust unavailable", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			w.trust.unavailable = true
		}, keydist.ErrTrustUnavailable, ""},
		{"untrusted role", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			w.trust.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true}
		}, keydist.ErrUntrusted, ""},
		{"malformed key id", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.KeyID = "x" }, keydist.ErrMalformed, ""},
		{"empty chain", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Chain = nil }, keydist.ErrMalformed, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
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
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleCaller)
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
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleCaller)
		require.NoError(t, err)
		_, err = resp.VerifyRequest(context.Background(), p.Request)
		if i < 2 {
			require.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, keydist.ErrOverload)
		}
	}
}

// TestReplayUntrustedSpendsNothing: requests the decider refuses record no
// nonce, so that a flood of them cannot fill the replay set and cut off
// the requesters it admits (issue 11); their nonces stay unrecorded.
func TestReplayUntrustedSpendsNothing(t *testing.T) {
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
	tr.deny = map[e2ee.Role]bool{e2ee.RoleCaller: true}
	var refused []*keydist.KeyRequest
	for range 10 {
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleCaller)
		require.NoError(t, err)
		_, err = resp.VerifyRequest(context.Background(), p.Request)
		require.ErrorIs(t, err, keydist.ErrUntrusted)
		refused = append(refused, p.Request)
	}
	tr.deny = nil
	for i := range 2 {
		_, err := resp.VerifyRequest(context.Background(), refused[i])
		require.NoError(t, err, "a refused request's nonce was not recorded")
	}
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleCaller)
	require.NoError(t, err)
	_, err = resp.VerifyRequest(context.Background(), p.Request)
	assert.ErrorIs(t, err, keydist.ErrOverload, "admitted requests fill it")
}

// lowOrderPoint is the Ed25519 encoding of a point of order 4 (0, -1)… here
// the identity (0, 1), whose X25519 form is rejected.
var lowOrderPoint = [32]byte{1}

func TestLowOrderRequesterKey(t *testing.T) {
	w := newWorld(t)
	f := w.f
	// A requester whose delegate certificate certifies a low-order CS key.
	chain := f.chain3(t, 1, lowOrderPoint, chainOpts{})
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	r := *p.Request
	r.Chain, r.CSPubKey = wireChain(t, chain), lowOrderPoint
	resignRequest(t, &r, f.del[1])
	_, err = w.resp.VerifyRequest(context.Background(), &r)
	assert.ErrorIs(t, err, keydist.ErrLowOrderKey)
	assert.ErrorIs(t, err, keys.ErrInvalidPublicKey)
}
