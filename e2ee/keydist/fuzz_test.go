package keydist_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// decodeWire turns fuzz input into a kwargs map: first byte 'j' → JSON,
// anything else → CBOR (the rest of the input).
func decodeWire(data []byte) (map[string]any, bool) {
	if len(data) == 0 {
		return nil, false
	}
	var m map[string]any
	var err error
	if data[0] == 'j' {
		err = json.Unmarshal(data[1:], &m)
	} else {
		err = cbor.Unmarshal(data[1:], &m)
	}
	return m, err == nil
}

// encodeSeed returns the fuzz inputs of wire map m: CBOR, nexus JSON (plain
// base64) and WAMP JSON ("\u0000"+base64).
func encodeSeed(t testing.TB, m map[string]any) [][]byte {
	c, err := cbor.Marshal(m)
	require.NoError(t, err)
	j, err := json.Marshal(m) // []byte → plain base64, as nexus JSON
	require.NoError(t, err)
	wm := map[string]any{}
	for k, v := range m {
		if b, ok := v.([]byte); ok {
			v = "\x00" + base64.StdEncoding.EncodeToString(b)
		}
		wm[k] = v
	}
	wj, err := json.Marshal(wm)
	require.NoError(t, err)
	return [][]byte{append([]byte{'c'}, c...), append([]byte{'j'}, j...), append([]byte{'j'}, wj...)}
}

// seedEarlyChains returns wire encodings of early chains (§3.9): with a
// 3-certificate chain and a lone delegate certificate with issuer hint.
func seedEarlyChains(t testing.TB) [][]byte {
	w := newWorld(t)
	f := w.f
	loneR, err := keydist.NewResponder(keydist.ResponderConfig{Policy: f.policy(w.trust, &w.now), Identity: keydist.Identity{
		Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})[:1], Issuer: f.del[4].Address(),
	}})
	require.NoError(t, err)
	var out [][]byte
	for _, r := range []*keydist.Responder{w.resp, loneR} {
		p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		kw, err := keydist.EncodeEarlyChain(r.EarlyChain(p.Request))
		require.NoError(t, err)
		out = append(out, encodeSeed(t, kw)...)
	}
	return out
}

// seedWire returns wire encodings of a request and a response with a
// 3-certificate chain, of a lone-delegate request and response with the
// issuer hint, and of a resumed (MACed) request and response, each as CBOR, as nexus JSON (plain base64) and as WAMP JSON
// ("\u0000"+base64).
func seedWire(t testing.TB) (req, resp [][]byte) {
	w := newWorld(t)
	f := w.f
	w.trust.lone = f.del[4].Address()
	lone := keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})[:1], Issuer: f.del[4].Address()}
	loneQ, err := keydist.NewRequester(keydist.RequesterConfig{Policy: f.policy(w.trust, &w.now), Identity: lone})
	require.NoError(t, err)
	loneR, err := keydist.NewResponder(keydist.ResponderConfig{Policy: f.policy(w.trust, &w.now), Identity: keydist.Identity{
		Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})[:1], Issuer: f.del[4].Address(),
	}})
	require.NoError(t, err)
	enc := func(m map[string]any) [][]byte { return encodeSeed(t, m) }
	for _, side := range []struct {
		q *keydist.Requester
		r *keydist.Responder
	}{{w.req, w.resp}, {loneQ, loneR}, {w.req, w.resp}} {
		p, err := side.q.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		vr, err := side.r.VerifyRequest(context.Background(), p.Request)
		require.NoError(t, err)
		r, err := side.r.Respond(vr, &w.key, w.scope, w.now.Add(time.Hour))
		require.NoError(t, err)
		kw, err := keydist.EncodeRequest(p.Request)
		require.NoError(t, err)
		rkw, err := keydist.EncodeResponse(r)
		require.NoError(t, err)
		req = append(req, enc(kw)...)
		resp = append(resp, enc(rkw)...)
		// The same, carrying attestation evidence (only the bounds are the
		// decoder's to check).
		kw["attestation"], rkw["attestation"] = []byte{0xa6, 0x61, 0x76, 0x01}, []byte{0xa6}
		req = append(req, enc(kw)...)
		resp = append(resp, enc(rkw)...)
	}
	return req, resp
}

func FuzzDecodeRequest(f *testing.F) {
	req, _ := seedWire(f)
	for _, s := range req {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok := decodeWire(data)
		if !ok {
			return
		}
		r, err := keydist.DecodeRequest(m)
		if err != nil {
			return
		}
		kw, err := keydist.EncodeRequest(r)
		require.NoError(t, err)
		r2, err := keydist.DecodeRequest(kw)
		require.NoError(t, err)
		require.Equal(t, r, r2)
	})
}

func FuzzDecodeResponse(f *testing.F) {
	_, resp := seedWire(f)
	for _, s := range resp {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok := decodeWire(data)
		if !ok {
			return
		}
		r, err := keydist.DecodeResponse(m)
		if err != nil {
			return
		}
		kw, err := keydist.EncodeResponse(r)
		require.NoError(t, err)
		r2, err := keydist.DecodeResponse(kw)
		require.NoError(t, err)
		require.Equal(t, r, r2)
	})
}

func FuzzDecodeEarlyChain(f *testing.F) {
	for _, s := range seedEarlyChains(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok := decodeWire(data)
		if !ok {
			return
		}
		e, err := keydist.DecodeEarlyChain(m)
		if err != nil {
			return
		}
		kw, err := keydist.EncodeEarlyChain(e)
		require.NoError(t, err)
		e2, err := keydist.DecodeEarlyChain(kw)
		require.NoError(t, err)
		require.Equal(t, e, e2)
	})
}

// seedPushes returns wire encodings of a push (docs/protocol.md §3.10).
func seedPushes(t testing.TB) [][]byte {
	w := newWorld(t)
	rd := exchange(t, w)
	key := pushKey()
	p, err := w.resp.Push(context.Background(), rd, pushKeyID, &key, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	require.NoError(t, err)
	kw, err := keydist.EncodePush(p)
	require.NoError(t, err)
	return encodeSeed(t, kw)
}

func FuzzDecodePush(f *testing.F) {
	for _, s := range seedPushes(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok := decodeWire(data)
		if !ok {
			return
		}
		p, err := keydist.DecodePush(m)
		if err != nil {
			return
		}
		kw, err := keydist.EncodePush(p)
		require.NoError(t, err)
		p2, err := keydist.DecodePush(kw)
		require.NoError(t, err)
		require.Equal(t, p, p2)
	})
}

// TestWriteFuzzCorpus (re)writes the committed seed corpus with -update.
func TestWriteFuzzCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz")
	}
	req, resp := seedWire(t)
	write := func(target string, seeds [][]byte) {
		dir := filepath.Join("testdata", "fuzz", target)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for i, s := range seeds {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
			require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%d", i)), []byte(body), 0o644))
		}
	}
	write("FuzzDecodeRequest", req)
	write("FuzzDecodeResponse", resp)
	write("FuzzDecodeEarlyChain", seedEarlyChains(t))
	write("FuzzDecodePush", seedPushes(t))
}
