package keydist_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

func benchRequests(b *testing.B, w *world, n int) []*keydist.KeyRequest {
	b.Helper()
	out := make([]*keydist.KeyRequest, n)
	for i := range out {
		p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleSubscriber)
		require.NoError(b, err)
		out[i] = p.Request
	}
	return out
}

// BenchmarkVerifyRequestCold: a new requester (3-certificate chain): full
// chain verification, trust decision, X25519 conversion and box key.
func BenchmarkVerifyRequestCold(b *testing.B) {
	w := newWorld(b)
	reqs := benchRequests(b, w, 64)
	ctx := context.Background()
	id := keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(b, 2, w.f.sess[7].PublicKey32(), chainOpts{})}
	b.ResetTimer()
	done := reportCPU(b)
	defer done()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r, err := keydist.NewResponder(keydist.ResponderConfig{Policy: w.f.policy(w.trust, &w.now), Identity: id})
		require.NoError(b, err)
		b.StartTimer()
		if _, err := r.VerifyRequest(ctx, reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyRequestWarm: a known requester: one signature recovery.
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

// BenchmarkHandleRequestWarm: decode + verify + respond (box + signature)
// for a known requester: the originator's whole CPU cost per key request.
func BenchmarkHandleRequestWarm(b *testing.B) {
	w := newWorld(b)
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
}

// BenchmarkOpenResponse: requester-side verification and box opening, for
// a known responder (warm) and a new one (cold).
func BenchmarkOpenResponse(b *testing.B) {
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			w := newWorld(b)
			ctx := context.Background()
			p, err := w.req.NewRequest(testKeyID, testURI, keydist.RoleSubscriber)
			require.NoError(b, err)
			vr, err := w.resp.VerifyRequest(ctx, p.Request)
			require.NoError(b, err)
			resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Hour))
			require.NoError(b, err)
			id := keydist.Identity{Delegate: w.f.del[1], Session: w.f.sess[6], Chain: p.Request.Chain}
			q := w.req
			b.ResetTimer()
			done := reportCPU(b)
			defer done()
			for i := 0; i < b.N; i++ {
				if cold {
					b.StopTimer()
					q, err = keydist.NewRequester(keydist.RequesterConfig{Policy: w.f.policy(w.trust, &w.now), Identity: id})
					require.NoError(b, err)
					b.StartTimer()
				}
				if _, err := q.Open(ctx, p, resp); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeRequest: the strict wire decoder (parses the CBOR chain).
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
