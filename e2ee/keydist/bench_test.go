package keydist_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

func benchRequests(b *testing.B, w *world, n int) []*keydist.KeyRequest {
	b.Helper()
	out := make([]*keydist.KeyRequest, n)
	for i := range out {
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(b, err)
		out[i] = p.Request
	}
	return out
}

// BenchmarkRecoverSigner is the floor of a known requester's cost: one
// secp256k1 signature recovery, measured in the same run.
func BenchmarkRecoverSigner(b *testing.B) {
	w := newWorld(b)
	req := benchRequests(b, w, 1)[0]
	d, err := req.Digest()
	require.NoError(b, err)
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		if _, err := cert.RecoverSigner(d, req.Signature[:]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignDigest is the cost of the response signature (one
// secp256k1 signature by the originator's delegate key).
func BenchmarkSignDigest(b *testing.B) {
	f := loadFixture(b)
	var d [32]byte
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		d[0] = byte(i)
		if _, err := f.del[2].SignDigest(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyRequestCold: a new requester (3-certificate chain): chain
// parsing and verification, signature recovery, trust decision, X25519
// conversion and box key. Each iteration uses a responder that has never
// seen the requester (all made before the timer starts).
func BenchmarkVerifyRequestCold(b *testing.B) {
	w := newWorld(b)
	reqs := benchRequests(b, w, 64)
	ctx := context.Background()
	id := keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(b, 2, w.f.sess[7].PublicKey32(), chainOpts{})}
	rs := make([]*keydist.Responder, b.N)
	for i := range rs {
		var err error
		rs[i], err = keydist.NewResponder(keydist.ResponderConfig{Policy: w.f.policy(w.trust, &w.now), Identity: id, CacheSize: 4})
		require.NoError(b, err)
	}
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		if _, err := rs[i].VerifyRequest(ctx, reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyRequestWarm: a known requester: one signature recovery, a
// chain-cache hit, the trust decision and a cached box key.
func BenchmarkVerifyRequestWarm(b *testing.B) {
	w := newWorld(b)
	reqs := benchRequests(b, w, b.N+1)
	ctx := context.Background()
	_, err := w.resp.VerifyRequest(ctx, reqs[b.N])
	require.NoError(b, err)
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		if _, err := w.resp.VerifyRequest(ctx, reqs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandleRequestWarm: decode + verify + respond + encode for a
// known requester: the originator's whole CPU cost per key request. signed:
// one recovery and one signature; resumed (docs/protocol.md §3.8): two
// HMAC-SHA256 instead.
func BenchmarkHandleRequestWarm(b *testing.B) {
	for _, resume := range []bool{false, true} {
		name := "signed"
		if resume {
			name = "resumed"
		}
		b.Run(name, func(b *testing.B) {
			w := newWorld(b)
			if resume {
				roundTrip(b, w)
			}
			reqs := benchRequests(b, w, b.N+1)
			kws := make([]map[string]any, len(reqs))
			for i := range reqs {
				kw, err := keydist.EncodeRequest(reqs[i])
				require.NoError(b, err)
				kws[i] = kw
			}
			ctx := context.Background()
			_, err := w.resp.VerifyRequest(ctx, reqs[b.N])
			require.NoError(b, err)
			exp := w.now.Add(time.Hour)
			b.ResetTimer()
			done := reportCPU(b)
			defer done()
			for i := 0; i < b.N; i++ {
				req, err := keydist.DecodeRequest(kws[i])
				if err != nil {
					b.Fatal(err)
				}
				vr, err := w.resp.VerifyRequest(ctx, req)
				if err != nil {
					b.Fatal(err)
				}
				resp, err := w.resp.Respond(vr, &w.key, w.scope, exp)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := keydist.EncodeResponse(resp); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRequestResponseResumed: a whole resumed exchange, both sides'
// CPU: the requester builds its MACed request, the originator verifies and
// answers it, the requester opens the answer.
func BenchmarkRequestResponseResumed(b *testing.B) {
	w := newWorld(b)
	roundTrip(b, w)
	ctx := context.Background()
	exp := w.now.Add(time.Hour)
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		if err != nil {
			b.Fatal(err)
		}
		vr, err := w.resp.VerifyRequest(ctx, p.Request)
		if err != nil {
			b.Fatal(err)
		}
		resp, err := w.resp.Respond(vr, &w.key, w.scope, exp)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.req.Open(ctx, p, resp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenResponse: requester-side verification and box opening, for
// a known responder (warm) and a new one (cold; requesters made before the
// timer starts).
func BenchmarkOpenResponse(b *testing.B) {
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			w := newWorld(b)
			ctx := context.Background()
			p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(b, err)
			vr, err := w.resp.VerifyRequest(ctx, p.Request)
			require.NoError(b, err)
			resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Hour))
			require.NoError(b, err)
			qs := []*keydist.Requester{w.req}
			if cold {
				id := keydist.Identity{Delegate: w.f.del[1], Session: w.f.sess[6], Chain: w.f.chain3(b, 1, w.f.sess[6].PublicKey32(), chainOpts{})}
				qs = make([]*keydist.Requester, b.N)
				for i := range qs {
					qs[i], err = keydist.NewRequester(keydist.RequesterConfig{Policy: w.f.policy(w.trust, &w.now), Identity: id, CacheSize: 4})
					require.NoError(b, err)
				}
			}
			b.ResetTimer()
			done := reportCPU(b)
			defer done()
			for i := 0; i < b.N; i++ {
				if _, err := qs[i%len(qs)].Open(ctx, p, resp); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeRequest: the strict wire decoder (the chain stays bytes).
func BenchmarkDecodeRequest(b *testing.B) {
	w := newWorld(b)
	kw, err := keydist.EncodeRequest(benchRequests(b, w, 1)[0])
	require.NoError(b, err)
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		if _, err := keydist.DecodeRequest(kw); err != nil {
			b.Fatal(err)
		}
	}
}
