package keydist_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// resumed completes one signed exchange in w and returns a second,
// resumed request with its verified response.
func resumed(t *testing.T, w *world) (*keydist.Pending, *keydist.KeyResponse) {
	t.Helper()
	roundTrip(t, w)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p.Request.Auth)
	vr, err := w.resp.VerifyRequest(context.Background(), p.Request)
	require.NoError(t, err)
	resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
	require.NoError(t, err)
	return p, resp
}

// complete verifies p at w's responder, answers it, and returns the key the
// requester opens from the answer.
func complete(t testing.TB, w *world, p *keydist.Pending) [32]byte {
	t.Helper()
	ctx := context.Background()
	vr, err := w.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
	require.NoError(t, err)
	key, err := w.req.Open(ctx, p, resp)
	require.NoError(t, err)
	return key
}

// sharedKey is nacl/box's precomputed key between session key ours and the
// Ed25519 key peer, computed with x/crypto (not keydist's own code).
func sharedKey(t *testing.T, ours *keys.SessionKey, peer [32]byte) *[32]byte {
	t.Helper()
	px, err := keys.Ed25519PublicToX25519(peer[:])
	require.NoError(t, err)
	priv := ours.X25519PrivateKey()
	var k [32]byte
	box.Precompute(&k, &px, &priv)
	return &k
}

// TestResume: the first exchange is signed; the next one between the same
// CS keys is MACed both ways, goes over the wire, asks the trust decider
// on both sides again, and a revocation still applies at once.
func TestResume(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthSignature, p.Request.Auth, "nothing known yet: signed")
	assert.Equal(t, w.key, roundTrip(t, w))
	calls := w.trust.calls.Load()

	// Resumed, through the wire forms.
	assert.Equal(t, w.key, roundTrip(t, w))
	assert.Equal(t, calls+2, w.trust.calls.Load(), "one decision per side, as for a signed exchange")
	p, resp := resumed(t, w)
	assert.Equal(t, [65]byte{}, p.Request.Signature)
	assert.Equal(t, w.f.sess[7].PublicKey32(), p.Request.ResponderCSPubKey)
	assert.Equal(t, keydist.AuthMAC, resp.Auth)
	assert.Equal(t, [65]byte{}, resp.Signature)
	kw, err := keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	assert.NotContains(t, kw, "signature")
	assert.Len(t, kw["mac"], keydist.MACSize)
	rkw, err := keydist.EncodeResponse(resp)
	require.NoError(t, err)
	assert.NotContains(t, rkw, "signature")
	key, err := w.req.Open(ctx, p, resp)
	require.NoError(t, err)
	assert.Equal(t, w.key, key)

	// The MACs are the documented construction over the EIP712 digests.
	shared := sharedKey(t, w.f.sess[6], w.f.sess[7].PublicKey32())
	d, err := p.Request.Digest()
	require.NoError(t, err)
	cs := w.f.sess[7].PublicKey32()
	assert.Equal(t, keydist.RequestMAC(shared, d, &cs), p.Request.MAC)
	rd, err := resp.Digest()
	require.NoError(t, err)
	assert.Equal(t, keydist.ResponseMAC(shared, rd), resp.MAC)
	assert.NotEqual(t, keydist.RequestMAC(shared, d, &cs), keydist.ResponseMAC(shared, d), "directions are separated")

	// A revocation applies to resumed requests and responses at once.
	w.trust.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true}
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	assert.ErrorIs(t, err, keydist.ErrUntrusted)
	w.trust.deny = map[e2ee.Role]bool{e2ee.RolePublisher: true}
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := w.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	resp, err = w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
	require.NoError(t, err)
	_, err = w.req.Open(ctx, p, resp)
	assert.ErrorIs(t, err, keydist.ErrUntrusted)
}

// TestResumeFallback: a responder that does not know the requester (it
// restarted, or evicted it) refuses a resumed request with unknown_peer;
// after Forget the requester signs again, and the exchange after that
// resumes with the new responder.
func TestResumeFallback(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	roundTrip(t, w)
	restarted, err := keydist.NewResponder(keydist.ResponderConfig{
		Policy:   w.f.policy(w.trust, &w.now),
		Identity: keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})},
	})
	require.NoError(t, err)
	w.resp = restarted
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p.Request.Auth)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	require.ErrorIs(t, err, keydist.ErrUnknownPeer)
	assert.Equal(t, keydist.ErrorURIUnknownPeer, keydist.ErrorURI(err))

	stale := p
	w.req.Forget(stale)
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthSignature, p.Request.Auth)
	assert.Equal(t, w.key, roundTrip(t, w))
	p, _ = resumed(t, w)
	assert.Equal(t, keydist.AuthMAC, p.Request.Auth)
	// Forget is per key RPC (locator): another originator's key id is
	// requested with a signature.
	other, err := w.req.NewRequest("fedcba9876543210.00112233445566778899aabbccddeeff", testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthSignature, other.Request.Auth)
	// Forgetting with a stale pending request (resumed with the entry that
	// the signed exchange since replaced) keeps the new entry; a signed
	// pending request forgets nothing.
	w.req.Forget(stale)
	w.req.Forget(other)
	w.req.Forget(nil)
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthMAC, p.Request.Auth)
	w.req.Forget(p)
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthSignature, p.Request.Auth)
}

// TestRetryIsSigned (issue 12 §4): a signed exchange that completes while
// a resumed request is being refused stores a new responder; NewRequest
// would resume with it (and be refused again by a responder that refuses
// every resumed request), Retry signs.
func TestRetryIsSigned(t *testing.T) {
	w := newWorld(t)
	p1, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	p2, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthSignature, p2.Request.Auth, "concurrent with p1: signed")
	complete(t, w, p1)
	p3, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p3.Request.Auth)
	complete(t, w, p2) // stores another responder entry while p3 is refused

	again, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthMAC, again.Request.Auth, "NewRequest resumes with p2's entry")
	retry, err := w.req.Retry(p3)
	require.NoError(t, err)
	assert.Equal(t, keydist.AuthSignature, retry.Request.Auth, "Retry signs")
	assert.Equal(t, [3]string{p3.Request.KeyID, p3.Request.URI, string(p3.Request.Role)},
		[3]string{retry.Request.KeyID, retry.Request.URI, string(retry.Request.Role)})
	assert.NotEqual(t, p3.Request.Nonce, retry.Request.Nonce)
	assert.Equal(t, w.key, complete(t, w, retry))
	_, err = w.req.Retry(nil)
	assert.ErrorIs(t, err, keydist.ErrMalformed)
}

// TestResumeFallbacksInARow: the fallback budget counts refusals in a
// row. A resumed exchange that succeeds resets it, forgetting the same
// pending request twice counts once, and only MaxResumeFallbacks refusals
// with no success in between make the requester keep signing.
func TestResumeFallbacksInARow(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	exchange := func() keydist.Auth { // one full exchange; returns how it was authenticated
		t.Helper()
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		require.Equal(t, w.key, complete(t, w, p))
		return p.Request.Auth
	}
	refused := func() { // the responder restarts and refuses the next resumed request
		t.Helper()
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		require.Equal(t, keydist.AuthMAC, p.Request.Auth)
		w.resp, err = keydist.NewResponder(keydist.ResponderConfig{
			Policy:   w.f.policy(w.trust, &w.now),
			Identity: keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})},
		})
		require.NoError(t, err)
		_, err = w.resp.VerifyRequest(ctx, p.Request)
		require.ErrorIs(t, err, keydist.ErrUnknownPeer)
		w.req.Forget(p)
		w.req.Forget(p) // the same refusal, reported twice: counted once
	}
	require.Equal(t, keydist.AuthSignature, exchange())
	for i := range 2 * keydist.MaxResumeFallbacks {
		refused()
		require.Equal(t, keydist.AuthSignature, exchange(), "signed after refusal %d", i)
		require.Equal(t, keydist.AuthMAC, exchange(), "resumed again after refusal %d: a success resets the count", i)
	}
	for i := range keydist.MaxResumeFallbacks {
		refused()
		require.Equal(t, keydist.AuthSignature, exchange(), "signed after refusal %d in a row", i)
	}
	for range 2 {
		require.Equal(t, keydist.AuthSignature, exchange(), "no resuming after MaxResumeFallbacks refusals in a row")
	}
}

// TestResumeNotDisplacedByOtherChain: a trusted peer that certifies
// someone else's CS key in its own (self-signed) delegate certificate and
// sends a signed request with it does not displace that requester's
// resumption state (the responder keys it by CS key and chain). Its box
// goes to the victim's CS key, so it learns nothing either way.
func TestResumeNotDisplacedByOtherChain(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	roundTrip(t, w)
	victimCS := w.f.sess[6].PublicKey32()
	m, err := keydist.NewRequester(keydist.RequesterConfig{
		Policy: w.f.policy(w.trust, &w.now),
		// delegate 3 certifies the victim's CS key; NewRequester accepts
		// it only with the matching session key, which the attacker does
		// not need to sign requests: it signs with its delegate key.
		Identity: keydist.Identity{Delegate: w.f.del[3], Session: w.f.sess[6], Chain: w.f.chain3(t, 3, victimCS, chainOpts{})},
	})
	require.NoError(t, err)
	pm, err := m.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	_, err = w.resp.VerifyRequest(ctx, pm.Request)
	require.NoError(t, err, "a trusted delegate may name any CS key")
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p.Request.Auth)
	_, err = w.resp.VerifyRequest(ctx, p.Request)
	assert.NoError(t, err, "the victim still resumes")
}

// TestResumedRequestRejections: every originator-side rejection of a
// resumed request.
func TestResumedRequestRejections(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, w *world, r *keydist.KeyRequest)
		want   error
	}{
		{"tampered uri", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.URI = "com.example.topic.b" }, keydist.ErrBadMAC},
		{"tampered role", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Role = e2ee.RoleCallee }, keydist.ErrBadMAC},
		{"tampered key id", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.KeyID = "0123456789abcdef.ffffffffffffffffffffffffffffffff"
		}, keydist.ErrBadMAC},
		{"tampered nonce", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.Nonce[0] ^= 1 }, keydist.ErrBadMAC},
		{"tampered mac", func(t *testing.T, w *world, r *keydist.KeyRequest) { r.MAC[31] ^= 1 }, keydist.ErrBadMAC},
		{"for another responder CS key", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.ResponderCSPubKey = w.f.sess[8].PublicKey32()
		}, keydist.ErrUnknownPeer},
		{"CS key not the certificate's", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.CSPubKey = w.f.sess[8].PublicKey32()
		}, keydist.ErrCSKeyMismatch},
		{"unknown requester (other chain and CS key)", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = wireChain(t, w.f.chain3(t, 3, w.f.sess[8].PublicKey32(), chainOpts{}))
			r.CSPubKey = w.f.sess[8].PublicKey32()
		}, keydist.ErrUnknownPeer},
		{"known CS key, other chain", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			r.Chain = wireChain(t, w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{meta: "other"}))
		}, keydist.ErrUnknownPeer},
		{"forged by a third party with its own CS key", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			// It knows the responder's CS key and the requester's chain,
			// not the requester's CS private key.
			d, err := r.Digest()
			require.NoError(t, err)
			r.MAC = keydist.RequestMAC(sharedKey(t, w.f.sess[8], w.f.sess[7].PublicKey32()), d, &r.ResponderCSPubKey)
		}, keydist.ErrBadMAC},
		{"response MAC label used for a request", func(t *testing.T, w *world, r *keydist.KeyRequest) {
			d, err := r.Digest()
			require.NoError(t, err)
			r.MAC = keydist.ResponseMAC(sharedKey(t, w.f.sess[6], w.f.sess[7].PublicKey32()), d)
		}, keydist.ErrBadMAC},
		{"stale", func(t *testing.T, w *world, r *keydist.KeyRequest) { w.now = w.now.Add(2 * time.Minute) }, keydist.ErrStale},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			roundTrip(t, w)
			p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			r := *p.Request
			tc.mutate(t, w, &r)
			calls := w.trust.calls.Load()
			_, err = w.resp.VerifyRequest(context.Background(), &r)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, calls, w.trust.calls.Load(), "rejected before the trust decision")
		})
	}

	t.Run("replay", func(t *testing.T) {
		w := newWorld(t)
		roundTrip(t, w)
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		_, err = w.resp.VerifyRequest(context.Background(), p.Request)
		require.NoError(t, err)
		_, err = w.resp.VerifyRequest(context.Background(), p.Request)
		assert.ErrorIs(t, err, keydist.ErrReplay)
	})
}

// TestResumedResponseRejections: every requester-side rejection of the
// answer to a resumed request.
func TestResumedResponseRejections(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, w *world, r *keydist.KeyResponse)
		want   error
	}{
		{"tampered box", func(t *testing.T, w *world, r *keydist.KeyResponse) { r.Box[3] ^= 1 }, keydist.ErrBadMAC},
		{"tampered expiry", func(t *testing.T, w *world, r *keydist.KeyResponse) { r.ExpiresAt++ }, keydist.ErrBadMAC},
		{"tampered scope", func(t *testing.T, w *world, r *keydist.KeyResponse) { r.Scope.URI = "com.example" }, keydist.ErrBadMAC},
		{"tampered mac", func(t *testing.T, w *world, r *keydist.KeyResponse) { r.MAC[0] ^= 1 }, keydist.ErrBadMAC},
		{"signed instead (downgrade)", func(t *testing.T, w *world, r *keydist.KeyResponse) {
			r.Auth = keydist.AuthSignature
			resignResponse(t, r, w.f.del[2])
		}, keydist.ErrNotOurRequest},
		{"router-forged: own chain and CS key, MACed with its own box key", func(t *testing.T, w *world, r *keydist.KeyResponse) {
			r.Chain = wireChain(t, w.f.chain3(t, 3, w.f.sess[9].PublicKey32(), chainOpts{}))
			r.CSPubKey = w.f.sess[9].PublicKey32()
			d, err := r.Digest()
			require.NoError(t, err)
			r.MAC = keydist.ResponseMAC(sharedKey(t, w.f.sess[9], w.f.sess[6].PublicKey32()), d)
		}, keydist.ErrNotOurRequest},
		{"responder's CS key with another chain", func(t *testing.T, w *world, r *keydist.KeyResponse) {
			r.Chain = wireChain(t, w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{meta: "other"}))
		}, keydist.ErrNotOurRequest},
		{"request MAC label used for a response", func(t *testing.T, w *world, r *keydist.KeyResponse) {
			d, err := r.Digest()
			require.NoError(t, err)
			cs := w.f.sess[7].PublicKey32()
			r.MAC = keydist.RequestMAC(sharedKey(t, w.f.sess[7], w.f.sess[6].PublicKey32()), d, &cs)
		}, keydist.ErrBadMAC},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			p, resp := resumed(t, w)
			r := *resp
			tc.mutate(t, w, &r)
			calls := w.trust.calls.Load()
			key, err := w.req.Open(context.Background(), p, &r)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, [32]byte{}, key)
			assert.Equal(t, calls, w.trust.calls.Load(), "rejected before the trust decision")
		})
	}

	t.Run("MACed answer to a signed request", func(t *testing.T) {
		w := newWorld(t)
		p, resp := verified(t, w, e2ee.RoleSubscriber)
		r := *resp
		r.Auth = keydist.AuthMAC
		d, err := r.Digest()
		require.NoError(t, err)
		r.MAC = keydist.ResponseMAC(sharedKey(t, w.f.sess[7], w.f.sess[6].PublicKey32()), d)
		_, err = w.req.Open(context.Background(), p, &r)
		assert.ErrorIs(t, err, keydist.ErrNotOurRequest)
	})
}

// tamper returns v changed in a way that keeps its wire type: a flipped
// bit in a byte string (in the middle, so that a certificate's CBOR may
// still parse), a changed character in a string (a hex digit stays one),
// +1 for an integer.
func tamper(t *testing.T, v any) any {
	t.Helper()
	switch x := v.(type) {
	case []byte:
		b := append([]byte(nil), x...)
		b[len(b)/2] ^= 1
		return b
	case string:
		b := []byte(x)
		i := len(b) - 1
		if b[i] == '0' {
			b[i] = '1'
		} else {
			b[i] = '0'
		}
		return string(b)
	case uint64:
		return x + 1
	}
	t.Fatalf("no tampering for %T", v)
	return nil
}

// TestEveryFieldBound: changing any single field of a request or response
// on the wire — signed or resumed — makes it fail: to decode, or to verify
// (the responder) or open (the requester). Nothing on the wire is outside
// what the signature or MAC binds.
func TestEveryFieldBound(t *testing.T) {
	for _, resume := range []bool{false, true} {
		mode := "signed"
		if resume {
			mode = "resumed"
		}
		build := func(t *testing.T) (*world, *keydist.Pending, *keydist.KeyResponse) {
			w := newWorld(t)
			if resume {
				p, resp := resumed(t, w)
				return w, p, resp
			}
			p, resp := verified(t, w, e2ee.RoleSubscriber)
			return w, p, resp
		}
		_, p0, resp0 := build(t)
		kw0, err := keydist.EncodeRequest(p0.Request)
		require.NoError(t, err)
		rkw0, err := keydist.EncodeResponse(resp0)
		require.NoError(t, err)
		t.Run(mode+"/control", func(t *testing.T) {
			w, p, resp := build(t)
			fresh, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			assert.Equal(t, resume, fresh.Request.Auth == keydist.AuthMAC)
			_, err = w.resp.VerifyRequest(context.Background(), fresh.Request)
			require.NoError(t, err, "an untampered fresh request verifies")
			_, err = w.req.Open(context.Background(), p, resp)
			require.NoError(t, err, "the untampered response opens")
		})
		for field := range kw0 {
			t.Run(mode+"/request/"+field, func(t *testing.T) {
				w, _, _ := build(t)
				// A fresh request of the same shape: the one build verified
				// is spent (replay).
				p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
				require.NoError(t, err)
				kw, err := keydist.EncodeRequest(p.Request)
				require.NoError(t, err)
				kw[field] = tamper(t, kw[field])
				req, err := keydist.DecodeRequest(kw)
				if err == nil {
					_, err = w.resp.VerifyRequest(context.Background(), req)
				}
				assert.Error(t, err)
			})
		}
		for field := range rkw0 {
			t.Run(mode+"/response/"+field, func(t *testing.T) {
				w, p, resp := build(t)
				rkw, err := keydist.EncodeResponse(resp)
				require.NoError(t, err)
				rkw[field] = tamper(t, rkw[field])
				r, err := keydist.DecodeResponse(rkw)
				if err == nil {
					_, err = w.req.Open(context.Background(), p, r)
				}
				assert.Error(t, err)
			})
		}
	}
}

// TestAuthenticationBindsEachField: each field an attacker could change to
// another value that passes every other check (a valid role, a covering
// scope, a time inside the window, another delegate's valid chain for the
// same CS key, another issuer hint, …) is caught by the signature
// (ErrWrongSigner: the digest recovers to another address) or the MAC
// (ErrBadMAC) — not by a later check by luck. Unlike TestEveryFieldBound
// this names the error. It runs with 3-certificate chains and with lone
// delegate certificates plus issuer hint (the only form with an issuer).
func TestAuthenticationBindsEachField(t *testing.T) {
	ctx := context.Background()
	otherIssuer := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	// Errors other than the mode's authentication error, by case name:
	// in resumed mode, and with a 3-certificate chain (where an issuer hint
	// is malformed: it must be zero).
	type except struct{ resumed, chain3 error }
	requestCases := []struct {
		name   string
		change func(w *world, r *keydist.KeyRequest, lone bool)
		except except
	}{
		{"key_id", func(_ *world, r *keydist.KeyRequest, _ bool) {
			r.KeyID = "0123456789abcdef.ffeeddccbbaa99887766554433221100"
		}, except{}},
		{"uri", func(_ *world, r *keydist.KeyRequest, _ bool) { r.URI = "com.example.topic.b" }, except{}},
		{"role", func(_ *world, r *keydist.KeyRequest, _ bool) { r.Role = e2ee.RoleCallee }, except{}},
		{"issuer", func(_ *world, r *keydist.KeyRequest, _ bool) { r.Issuer = otherIssuer }, except{chain3: keydist.ErrMalformed}},
		{"issued_at", func(_ *world, r *keydist.KeyRequest, _ bool) { r.IssuedAt-- }, except{}},
		{"nonce", func(_ *world, r *keydist.KeyRequest, _ bool) { r.Nonce[0] ^= 1 }, except{}},
		{"chain (another delegate's, same CS key)", func(w *world, r *keydist.KeyRequest, lone bool) {
			r.Chain = anotherDelegatesChain(t, w, r.CSPubKey, lone)
		}, except{resumed: keydist.ErrUnknownPeer}},
	}
	responseCases := []struct {
		name   string
		change func(w *world, r *keydist.KeyResponse, lone bool)
		except except
	}{
		{"scope match (prefix → exact)", func(_ *world, r *keydist.KeyResponse, _ bool) {
			r.Scope = keydist.Scope{URI: testURI, Match: e2ee.MatchExact}
		}, except{}},
		{"scope uri (a covering prefix)", func(_ *world, r *keydist.KeyResponse, _ bool) {
			r.Scope = keydist.Scope{URI: "com.example", Match: e2ee.MatchPrefix}
		}, except{}},
		{"expires_at", func(_ *world, r *keydist.KeyResponse, _ bool) { r.ExpiresAt += 1000 }, except{}},
		{"issuer", func(_ *world, r *keydist.KeyResponse, _ bool) { r.Issuer = otherIssuer }, except{chain3: keydist.ErrMalformed}},
		{"box_nonce", func(_ *world, r *keydist.KeyResponse, _ bool) { r.BoxNonce[0] ^= 1 }, except{}},
		{"box", func(_ *world, r *keydist.KeyResponse, _ bool) { r.Box[0] ^= 1 }, except{}},
		{"chain (another delegate's, same CS key)", func(w *world, r *keydist.KeyResponse, lone bool) {
			r.Chain = anotherDelegatesChain(t, w, r.CSPubKey, lone)
		}, except{resumed: keydist.ErrNotOurRequest}},
	}
	for _, lone := range []bool{false, true} {
		for _, resume := range []bool{false, true} {
			mode, authErr := "signed", keydist.ErrWrongSigner
			if resume {
				mode, authErr = "resumed", keydist.ErrBadMAC
			}
			if lone {
				mode = "lone/" + mode
			}
			want := func(x except) error {
				switch {
				case !lone && x.chain3 != nil:
					return x.chain3
				case resume && x.resumed != nil:
					return x.resumed
				}
				return authErr
			}
			// fresh returns a world and a request in mode, not yet verified.
			fresh := func(t *testing.T) (*world, *keydist.Pending) {
				w := newWorld(t)
				if lone {
					useLoneCertificates(t, w)
				}
				if resume {
					roundTrip(t, w)
				}
				p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
				require.NoError(t, err)
				require.Equal(t, resume, p.Request.Auth == keydist.AuthMAC)
				return w, p
			}
			for _, c := range requestCases {
				t.Run(mode+"/request/"+c.name, func(t *testing.T) {
					w, p := fresh(t)
					c.change(w, p.Request, lone)
					_, err := w.resp.VerifyRequest(ctx, p.Request)
					require.ErrorIs(t, err, want(c.except))
				})
			}
			for _, c := range responseCases {
				t.Run(mode+"/response/"+c.name, func(t *testing.T) {
					w, p := fresh(t)
					vr, err := w.resp.VerifyRequest(ctx, p.Request)
					require.NoError(t, err)
					resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
					require.NoError(t, err)
					c.change(w, resp, lone)
					_, err = w.req.Open(ctx, p, resp)
					require.ErrorIs(t, err, want(c.except))
				})
			}
			t.Run(mode+"/control", func(t *testing.T) { // the same steps, unchanged, succeed
				w, p := fresh(t)
				require.Equal(t, w.key, complete(t, w, p))
			})
		}
	}
}

// useLoneCertificates gives both parties of w lone delegate certificates
// with issuer hint del[4], which w's trust decider accepts.
func useLoneCertificates(t *testing.T, w *world) {
	t.Helper()
	f, ca := w.f, w.f.del[4].Address()
	w.trust.lone = ca
	var err error
	w.req, err = keydist.NewRequester(keydist.RequesterConfig{Policy: f.policy(w.trust, &w.now), Identity: keydist.Identity{
		Delegate: f.del[1], Session: f.sess[6], Chain: f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})[:1], Issuer: ca,
	}})
	require.NoError(t, err)
	w.resp, err = keydist.NewResponder(keydist.ResponderConfig{Policy: f.policy(w.trust, &w.now), Identity: keydist.Identity{
		Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})[:1], Issuer: ca,
	}})
	require.NoError(t, err)
}

// anotherDelegatesChain is delegate 3's valid chain certifying cs (lone or
// with its authorities, like the world's).
func anotherDelegatesChain(t *testing.T, w *world, cs [32]byte, lone bool) []byte {
	t.Helper()
	c := w.f.chain3(t, 3, cs, chainOpts{})
	if lone {
		c = c[:1]
	}
	return wireChain(t, c)
}

// TestSignedOnly: a SignedOnly requester never resumes; a SignedOnly
// responder refuses resumed requests with unknown_peer, and a requester
// that met MaxResumeFallbacks of them stops resuming with that key RPC.
func TestSignedOnly(t *testing.T) {
	ctx := context.Background()
	t.Run("requester", func(t *testing.T) {
		w := newWorld(t)
		q, err := keydist.NewRequester(keydist.RequesterConfig{
			Policy: w.f.policy(w.trust, &w.now), SignedOnly: true,
			Identity: keydist.Identity{Delegate: w.f.del[1], Session: w.f.sess[6], Chain: w.f.chain3(t, 1, w.f.sess[6].PublicKey32(), chainOpts{})},
		})
		require.NoError(t, err)
		w.req = q
		for range 3 {
			p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			assert.Equal(t, keydist.AuthSignature, p.Request.Auth)
			assert.Equal(t, w.key, roundTrip(t, w))
		}
	})
	t.Run("responder", func(t *testing.T) {
		w := newWorld(t)
		r, err := keydist.NewResponder(keydist.ResponderConfig{
			Policy: w.f.policy(w.trust, &w.now), SignedOnly: true,
			Identity: keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})},
		})
		require.NoError(t, err)
		w.resp = r
		for i := range keydist.MaxResumeFallbacks {
			assert.Equal(t, w.key, roundTrip(t, w), "signed exchange %d", i)
			p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			require.Equal(t, keydist.AuthMAC, p.Request.Auth, "resumes after signed exchange %d", i)
			_, err = w.resp.VerifyRequest(ctx, p.Request)
			require.ErrorIs(t, err, keydist.ErrUnknownPeer)
			w.req.Forget(p)
		}
		assert.Equal(t, w.key, roundTrip(t, w))
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		assert.Equal(t, keydist.AuthSignature, p.Request.Auth, "no more resuming with this key RPC")
	})
}
