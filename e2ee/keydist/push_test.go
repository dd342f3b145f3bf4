package keydist_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// pushKeyID is the key pushed after testKeyID: same key RPC (locator).
const pushKeyID = "0123456789abcdef.ffeeddccbbaa99887766554433221100"

// exchange completes one signed exchange in w for testURI and returns
// the requester as the responder keeps it for pushes.
func exchange(t testing.TB, w *world) *keydist.Reader {
	t.Helper()
	ctx := context.Background()
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := w.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	resp, err := w.resp.Respond(vr, &w.key, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	require.NoError(t, err)
	_, err = w.req.Open(ctx, p, resp)
	require.NoError(t, err)
	return vr.Reader()
}

func pushKey() (k [32]byte) {
	for i := range k {
		k[i] = byte(0x50 + i)
	}
	return k
}

// remac recomputes p's MAC as the genuine responder of w would: a push
// that a legitimate, authenticated originator made with these fields.
func remac(t testing.TB, w *world, p *keydist.KeyPush) {
	t.Helper()
	d, err := keydist.ChainDigests(wireChain(t, w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})))
	require.NoError(t, err)
	p.MAC = keydist.PushMAC(sharedKeyTB(t, w), p.Digest(d))
}

func sharedKeyTB(t testing.TB, w *world) *[32]byte {
	t.Helper()
	return sharedKey(t.(*testing.T), w.f.sess[7], w.f.sess[6].PublicKey32())
}

// TestPush: a push to a reader that fetched before opens to the pushed key
// through the wire form, asks the trust decider on both sides, and names
// the originator's chain.
func TestPush(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	rd := exchange(t, w)
	key := pushKey()
	calls := w.trust.calls.Load()
	p, err := w.resp.Push(ctx, rd, pushKeyID, &key, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, e2ee.RolePublisher, p.Role)
	kw, err := keydist.EncodePush(p)
	require.NoError(t, err)
	got, err := keydist.DecodePush(kw)
	require.NoError(t, err)
	k, vc, err := w.req.OpenPush(ctx, got)
	require.NoError(t, err)
	assert.Equal(t, key, k)
	assert.Equal(t, w.f.del[2].Address(), vc.DelegateAddress())
	assert.Equal(t, calls+2, w.trust.calls.Load(), "one decision per side")
	assert.Equal(t, testURI, w.trust.lastRequest().URI)
	assert.Equal(t, e2ee.RolePublisher, w.trust.lastRequest().Role)
	assert.Equal(t, "e2ee.key.push."+hex.EncodeToString(rd.CSPubKey[:]), keydist.PushTopic("", rd.CSPubKey))
}

// TestPushRejections: every push a router, another peer or time can make
// of a genuine one is refused with its reason, and the pull still works.
func TestPushRejections(t *testing.T) {
	scope := keydist.Scope{URI: testURI, Match: e2ee.MatchExact}
	for _, tc := range []struct {
		name string
		mod  func(t *testing.T, w *world, p *keydist.KeyPush)
		want error
	}{
		{"forged MAC", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.MAC[0] ^= 1 }, keydist.ErrBadMAC},
		{"box swapped", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.Box[0] ^= 1 }, keydist.ErrBadMAC},
		{"reflected response MAC", func(t *testing.T, w *world, p *keydist.KeyPush) {
			d, err := keydist.ChainDigests(wireChain(t, w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})))
			require.NoError(t, err)
			p.MAC = keydist.ResponseMAC(sharedKeyTB(t, w), p.Digest(d))
		}, keydist.ErrBadMAC},
		{"role changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.Role = e2ee.RoleCaller }, keydist.ErrRole},
		{"expiry changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.ExpiresAt++ }, keydist.ErrBadMAC},
		{"issue time changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.IssuedAt++ }, keydist.ErrBadMAC},
		{"key id changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.KeyID = testKeyID }, keydist.ErrBadMAC},
		{"box nonce changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.BoxNonce[0] ^= 1 }, keydist.ErrBadMAC},
		{"wrong role, genuinely MACed", func(t *testing.T, w *world, p *keydist.KeyPush) { p.Role = e2ee.RoleCaller; remac(t, w, p) }, keydist.ErrRole},
		{"scope changed", func(_ *testing.T, _ *world, p *keydist.KeyPush) { p.Scope.URI = "com.example.other" }, keydist.ErrBadMAC},
		{"wrong realm, genuinely MACed", func(t *testing.T, w *world, p *keydist.KeyPush) {
			p.Realm = common.HexToAddress("0x1111111111111111111111111111111111111111")
			remac(t, w, p)
		}, keydist.ErrWrongDomain},
		{"not for us", func(_ *testing.T, w *world, p *keydist.KeyPush) { p.ReaderCSPubKey = w.f.sess[8].PublicKey32() }, keydist.ErrNotOurRequest},
		{"unknown responder CS key", func(_ *testing.T, w *world, p *keydist.KeyPush) { p.CSPubKey = w.f.sess[8].PublicKey32() }, keydist.ErrUnknownPeer},
		{"unknown key RPC", func(_ *testing.T, _ *world, p *keydist.KeyPush) {
			p.KeyID = "fedcba9876543210.00112233445566778899aabbccddeeff"
		}, keydist.ErrUnknownPeer},
		{"expired", func(_ *testing.T, w *world, _ *keydist.KeyPush) { w.now = w.now.Add(2 * time.Hour) }, keydist.ErrStale},
		{"expired within the window", func(t *testing.T, w *world, p *keydist.KeyPush) {
			p.ExpiresAt = uint64(w.now.UnixMilli()) //nolint:gosec // test
			remac(t, w, p)
		}, keydist.ErrExpired},
		{"stale", func(t *testing.T, w *world, p *keydist.KeyPush) {
			p.IssuedAt -= uint64(2 * time.Hour / time.Millisecond)
			remac(t, w, p)
		}, keydist.ErrStale},
		{"responder untrusted now", func(_ *testing.T, w *world, _ *keydist.KeyPush) {
			w.trust.deny = map[e2ee.Role]bool{e2ee.RolePublisher: true}
		}, keydist.ErrUntrusted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			rd := exchange(t, w)
			key := pushKey()
			p, err := w.resp.Push(ctx, rd, pushKeyID, &key, scope, w.now.Add(time.Hour))
			require.NoError(t, err)
			tc.mod(t, w, p)
			_, _, err = w.req.OpenPush(ctx, p)
			require.ErrorIs(t, err, tc.want)
			// Nothing lost: the pull still works.
			w.trust.deny = nil
			w.now = testNow
			assert.Equal(t, w.key, roundTrip(t, w))
		})
	}
}

// TestPushReplay: a push is accepted once.
func TestPushReplay(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	rd := exchange(t, w)
	key := pushKey()
	p, err := w.resp.Push(ctx, rd, pushKeyID, &key, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	require.NoError(t, err)
	_, _, err = w.req.OpenPush(ctx, p)
	require.NoError(t, err)
	_, _, err = w.req.OpenPush(ctx, p)
	require.ErrorIs(t, err, keydist.ErrReplay)
}

// TestPushNeedsExchange: no push without a completed exchange on either
// side — a requester that never fetched from the key RPC, a responder
// that signs only, a reader the trust decider refuses now, a scope other
// than the reader's URI.
func TestPushNeedsExchange(t *testing.T) {
	ctx := context.Background()
	scope := keydist.Scope{URI: testURI, Match: e2ee.MatchExact}
	key := pushKey()

	w := newWorld(t)
	rd := exchange(t, w)
	p, err := w.resp.Push(ctx, rd, pushKeyID, &key, scope, w.now.Add(time.Hour))
	require.NoError(t, err)
	fresh := newWorld(t) // same identities, no exchange
	_, _, err = fresh.req.OpenPush(ctx, p)
	require.ErrorIs(t, err, keydist.ErrUnknownPeer)

	_, err = fresh.resp.Push(ctx, rd, pushKeyID, &key, scope, w.now.Add(time.Hour))
	require.ErrorIs(t, err, keydist.ErrUnknownPeer, "the responder must know the reader")

	_, err = w.resp.Push(ctx, rd, pushKeyID, &key, keydist.Scope{URI: "com.example.other", Match: e2ee.MatchExact}, w.now.Add(time.Hour))
	require.ErrorIs(t, err, keydist.ErrScope)

	w.trust.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true}
	_, err = w.resp.Push(ctx, rd, pushKeyID, &key, scope, w.now.Add(time.Hour))
	require.ErrorIs(t, err, keydist.ErrUntrusted)
}

const pushVectorsPath = "../testdata/vectors/keypush.json"

// hexWire renders a push wire map for the vectors: binary values as hex.
func hexWire(kw map[string]any) map[string]any {
	out := make(map[string]any, len(kw))
	for k, v := range kw {
		if b, ok := v.([]byte); ok {
			out[k] = hex.EncodeToString(b)
		} else {
			out[k] = v
		}
	}
	return out
}

// unhexWire is the inverse of hexWire for a vector read back from JSON.
func unhexWire(t *testing.T, m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch x := v.(type) {
		case string:
			switch k {
			case "keyid", "scope", "match", "peer_type":
				out[k] = x
			default:
				b, err := hex.DecodeString(x)
				require.NoError(t, err, k)
				out[k] = b
			}
		case float64:
			out[k] = uint64(x)
		default:
			out[k] = v
		}
	}
	return out
}

// TestPushVectors regenerates e2ee/testdata/vectors/keypush.json (a
// genuine push after the exchange of keydist.json, and pushes that must
// fail with the named reason), compares it with the committed file, and
// opens every committed case with a requester that made that exchange.
func TestPushVectors(t *testing.T) {
	f := loadFixture(t)
	now := testNow
	tr := &trustRoot{root: f.del[0].Address()}
	respChain := f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})
	newPair := func() (*keydist.Requester, *keydist.Responder, *keydist.Reader) {
		q, err := keydist.NewRequester(keydist.RequesterConfig{
			Policy: f.policy(tr, &now), Rand: &fillSeq{b: []byte{0x16}},
			Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})},
		})
		require.NoError(t, err)
		r, err := keydist.NewResponder(keydist.ResponderConfig{
			Policy: f.policy(tr, &now), Rand: &fillSeq{b: []byte{0x24, 0x26}},
			Identity: keydist.Identity{Delegate: f.del[2], Session: f.sess[7], Chain: respChain},
		})
		require.NoError(t, err)
		var old [32]byte
		p, err := q.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
		require.NoError(t, err)
		vr, err := r.VerifyRequest(context.Background(), p.Request)
		require.NoError(t, err)
		resp, err := r.Respond(vr, &old, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, now.Add(time.Hour))
		require.NoError(t, err)
		_, err = q.Open(context.Background(), p, resp)
		require.NoError(t, err)
		return q, r, vr.Reader()
	}
	_, r, rd := newPair()
	key := pushKey()
	p, err := r.Push(context.Background(), rd, pushKeyID, &key, keydist.Scope{URI: testURI, Match: e2ee.MatchExact}, now.Add(time.Hour))
	require.NoError(t, err)
	digests, err := keydist.ChainDigests(wireChain(t, respChain))
	require.NoError(t, err)
	shared := sharedKey(t, f.sess[6], f.sess[7].PublicKey32())
	wire := func(p *keydist.KeyPush) map[string]any {
		kw, err := keydist.EncodePush(p)
		require.NoError(t, err)
		return hexWire(kw)
	}
	mod := func(fn func(c *keydist.KeyPush), remac bool) map[string]any {
		c := *p
		fn(&c)
		if remac {
			c.MAC = keydist.PushMAC(shared, c.Digest(digests))
		}
		return wire(&c)
	}
	h := func(b []byte) string { return hex.EncodeToString(b) }
	cases := []map[string]any{
		{"name": "good_push", "expect": "ok", "wire": wire(p)},
		{"name": "fail_mac", "expect": "bad_mac", "wire": mod(func(c *keydist.KeyPush) { c.MAC[31] ^= 0x80 }, false)},
		{"name": "fail_reflected_response_mac", "expect": "bad_mac", "wire": mod(func(c *keydist.KeyPush) {
			c.MAC = keydist.ResponseMAC(shared, c.Digest(digests))
		}, false)},
		{"name": "fail_expiry_changed", "expect": "bad_mac", "wire": mod(func(c *keydist.KeyPush) { c.ExpiresAt++ }, false)},
		{"name": "fail_role_not_fetched", "expect": "role", "wire": mod(func(c *keydist.KeyPush) { c.Role = e2ee.RoleCaller }, true)},
		{"name": "fail_wrong_realm", "expect": "wrong_domain", "wire": mod(func(c *keydist.KeyPush) {
			c.Realm = common.HexToAddress("0x1111111111111111111111111111111111111111")
		}, true)},
		{"name": "fail_expired", "expect": "expired", "wire": mod(func(c *keydist.KeyPush) { c.ExpiresAt = uint64(now.UnixMilli()) }, true)}, //nolint:gosec // test
		{"name": "fail_stale", "expect": "stale", "wire": mod(func(c *keydist.KeyPush) { c.IssuedAt -= 3_600_000 }, true)},
		{"name": "fail_unknown_responder", "expect": "unknown_peer", "wire": mod(func(c *keydist.KeyPush) { c.CSPubKey = f.sess[8].PublicKey32() }, true)},
		{"name": "fail_not_for_us", "expect": "not_our_request", "wire": mod(func(c *keydist.KeyPush) { c.ReaderCSPubKey = f.sess[8].PublicKey32() }, false)},
		{"name": "fail_wildcard_scope", "expect": "scope", "wire": func() map[string]any {
			m := wire(p)
			m["match"] = string(e2ee.MatchPrefix)
			return m
		}()},
	}
	doc := map[string]any{
		"_about": "Key push (docs/protocol.md §3.10) after the signed exchange of keydist.json (requester = delegate key 1 + " +
			"session key 6, responder = delegate key 2 + session key 7, both at issuedAt = 1760000000000 ms); the requester was " +
			"answered as a subscriber, so it holds the responder for the publisher role. Box nonce 24×0x26. The wire is the " +
			"EVENT ArgumentsKw on topic pushTopic, binary values hex. expect names the rejection (keydist error) or ok. " +
			"Regenerate with go test ./e2ee/keydist -run TestPushVectors -update.",
		"typeString": keydist.KeyPushTypeString, "typeHash": h(keydist.KeyPushTypeHash().Bytes()),
		"macLabel": keydist.PushMACLabel, "macKey": h(hmacSHA256(shared[:], []byte(keydist.PushMACLabel))),
		"sharedKey": h(shared[:]), "payloadKey": h(key[:]), "boxHash": h(p.BoxHash().Bytes()),
		"digest":    h(p.Digest(digests).Bytes()),
		"pushTopic": keydist.PushTopic("", f.sess[6].PublicKey32()),
		"cases":     cases,
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	out = append(out, '\n')
	if *update {
		require.NoError(t, os.WriteFile(pushVectorsPath, out, 0o644))
	}
	want, err := os.ReadFile(pushVectorsPath)
	require.NoError(t, err, "run with -update to create the vectors")
	assert.JSONEq(t, string(want), string(out))

	// Every committed case, decoded from the file, against a fresh pair.
	var committed struct {
		Cases []struct {
			Name, Expect string
			Wire         map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(want, &committed))
	require.Len(t, committed.Cases, len(cases))
	errs := map[string]error{"bad_mac": keydist.ErrBadMAC, "role": keydist.ErrRole, "wrong_domain": keydist.ErrWrongDomain,
		"expired": keydist.ErrExpired, "stale": keydist.ErrStale, "unknown_peer": keydist.ErrUnknownPeer,
		"not_our_request": keydist.ErrNotOurRequest, "scope": keydist.ErrScope}
	for _, c := range committed.Cases {
		t.Run(c.Name, func(t *testing.T) {
			q, _, _ := newPair()
			var k [32]byte
			dp, err := keydist.DecodePush(unhexWire(t, c.Wire))
			if err == nil {
				k, _, err = q.OpenPush(context.Background(), dp)
			}
			if c.Expect == "ok" {
				require.NoError(t, err)
				assert.Equal(t, key, k)
				return
			}
			require.ErrorIs(t, err, errs[c.Expect])
		})
	}
}

// TestPushAttestation: in an attestation-required realm a push needs the
// remembered evidence on both sides, as a resumed exchange does: once the
// platform's measurement is revoked the originator pushes nothing, and a
// push made before is refused by the reader.
func TestPushAttestation(t *testing.T) {
	aw := newAttWorld(t)
	ctx := context.Background()
	rd := exchange(t, aw.world)
	key := pushKey()
	scope := keydist.Scope{URI: testURI, Match: e2ee.MatchExact}
	p, err := aw.resp.Push(ctx, rd, pushKeyID, &key, scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	k, _, err := aw.req.OpenPush(ctx, p)
	require.NoError(t, err)
	require.Equal(t, key, k)

	p, err = aw.resp.Push(ctx, rd, pushKeyID, &key, scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	aw.policy.set(func(p *memAttestPolicy) { p.states[aw.m] = attest.MeasurementRevoked })
	_, err = aw.resp.Push(ctx, rd, pushKeyID, &key, scope, time.Now().Add(time.Hour))
	require.ErrorIs(t, err, keydist.ErrAttestationRequired)
	_, _, err = aw.req.OpenPush(ctx, p)
	require.ErrorIs(t, err, keydist.ErrAttestationRequired)
}
