package keydist_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// TestAuthenticateThenDecide: Authenticate makes every check but the trust
// decision (it asks no decider) and records nothing; Decide asks it once
// per authenticated request and spends the nonce of an admitted one;
// together they are VerifyRequest.
func TestAuthenticateThenDecide(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	ar, err := w.resp.Authenticate(p.Request)
	require.NoError(t, err)
	assert.Zero(t, w.trust.calls.Load(), "no decision while authenticating")
	assert.Equal(t, w.f.del[1].Address(), ar.Chain.DelegateAddress())
	copyAR, err := w.resp.Authenticate(p.Request)
	require.NoError(t, err, "Authenticate spends no nonce")

	vr, err := w.resp.Decide(ctx, ar)
	require.NoError(t, err)
	assert.EqualValues(t, 1, w.trust.calls.Load())
	_, err = w.resp.Authenticate(p.Request)
	require.ErrorIs(t, err, keydist.ErrReplay, "the nonce is spent by the admitting Decide")
	_, err = w.resp.Decide(ctx, copyAR)
	require.ErrorIs(t, err, keydist.ErrReplay, "a copy authenticated before is refused by its Decide")
	_, err = w.resp.Decide(ctx, ar)
	require.ErrorIs(t, err, keydist.ErrMalformed, "decided once")
	_, err = w.resp.Decide(ctx, nil)
	require.ErrorIs(t, err, keydist.ErrMalformed)

	resp, err := w.resp.Respond(vr, &w.key, w.scope, w.now.Add(time.Minute))
	require.NoError(t, err)
	key, err := w.req.Open(ctx, p, resp)
	require.NoError(t, err)
	assert.Equal(t, w.key, key)

	// A refusal comes from Decide, after a successful Authenticate.
	w.trust.deny = map[e2ee.Role]bool{e2ee.RoleSubscriber: true}
	p, err = w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	ar, err = w.resp.Authenticate(p.Request)
	require.NoError(t, err)
	_, err = w.resp.Decide(ctx, ar)
	require.ErrorIs(t, err, keydist.ErrUntrusted)
}

func TestEarlyChainWire(t *testing.T) {
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	ec := w.resp.EarlyChain(p.Request)
	require.Equal(t, testKeyID, ec.KeyID)
	kw, err := keydist.EncodeEarlyChain(ec)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"v", "keyid", "certificates"}, mapKeys(kw))
	got, err := keydist.DecodeEarlyChain(kw)
	require.NoError(t, err)
	assert.Equal(t, ec, got)

	lone := wireChain(t, w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})[:1])
	issuer := w.f.del[4].Address()
	cases := []struct {
		name   string
		change func(kw map[string]any)
		ok     bool
	}{
		{"lone with issuer", func(kw map[string]any) { kw["certificates"], kw["issuer"] = lone, issuer.Bytes() }, true},
		{"issuer with a 3-certificate chain", func(kw map[string]any) { kw["issuer"] = issuer.Bytes() }, false},
		{"zero issuer", func(kw map[string]any) { kw["certificates"], kw["issuer"] = lone, common.Address{}.Bytes() }, false},
		{"issuer too short", func(kw map[string]any) { kw["certificates"], kw["issuer"] = lone, issuer.Bytes()[:19] }, false},
		{"no keyid", func(kw map[string]any) { delete(kw, "keyid") }, false},
		{"bad keyid", func(kw map[string]any) { kw["keyid"] = "not a key id" }, false},
		{"keyid not a string", func(kw map[string]any) { kw["keyid"] = []byte(testKeyID) }, false},
		{"no certificates", func(kw map[string]any) { delete(kw, "certificates") }, false},
		{"certificates not an array", func(kw map[string]any) { kw["certificates"] = []byte{0xa0} }, false},
		{"certificates a string", func(kw map[string]any) { kw["certificates"] = 7 }, false},
		{"wrong version", func(kw map[string]any) { kw["v"] = uint64(2) }, false},
		{"no version", func(kw map[string]any) { delete(kw, "v") }, false},
		{"unknown key", func(kw map[string]any) { kw["uri"] = testURI }, false},
		{"a key response", func(kw map[string]any) { kw["mac"] = make([]byte, 32) }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kw, err := keydist.EncodeEarlyChain(ec)
			require.NoError(t, err)
			c.change(kw)
			got, err := keydist.DecodeEarlyChain(kw)
			if c.ok {
				require.NoError(t, err)
				assert.Equal(t, issuer, got.Issuer)
				return
			}
			require.ErrorIs(t, err, keydist.ErrMalformed)
			assert.Nil(t, got)
		})
	}
	_, err = keydist.DecodeEarlyChain(nil)
	require.ErrorIs(t, err, keydist.ErrMalformed)
	_, err = keydist.EncodeEarlyChain(&keydist.EarlyChain{KeyID: testKeyID})
	require.ErrorIs(t, err, keydist.ErrMalformed, "no chain")
}

func mapKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLatestBlockSecondLook: a policy whose Block trails the chain (a followed head) refuses a
// certificate issued for a newer block (CCR-1) — unless LatestBlock, asked only then, shows
// the chain has reached it.
func TestLatestBlockSecondLook(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	p, err := w.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		latest func() uint64
		ok     bool
		asked  int
	}{
		{"no second look", nil, false, 0},
		{"the chain has not reached it either", func() uint64 { return 99 }, false, 1},
		{"the chain has reached it", func() uint64 { return 100 }, true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			pol := w.f.policy(w.trust, &w.now)
			pol.Block = func() uint64 { return 99 } // the delegate certificates are valid from block 100
			asked := 0
			if c.latest != nil {
				pol.LatestBlock = func() uint64 { asked++; return c.latest() }
			}
			r, err := keydist.NewResponder(keydist.ResponderConfig{Policy: pol,
				Identity: keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})}})
			require.NoError(t, err)
			asked = 0
			req := *p.Request
			_, err = r.VerifyRequest(ctx, &req)
			if c.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, keydist.ErrChain)
			}
			assert.Equal(t, c.asked, asked)
		})
	}
	// A valid chain never asks.
	pol := w.f.policy(w.trust, &w.now)
	pol.LatestBlock = func() uint64 { t.Fatal("asked for a chain that verified"); return 0 }
	r, err := keydist.NewResponder(keydist.ResponderConfig{Policy: pol,
		Identity: keydist.Identity{Delegate: w.f.del[2], Session: w.f.sess[7], Chain: w.f.chain3(t, 2, w.f.sess[7].PublicKey32(), chainOpts{})}})
	require.NoError(t, err)
	_, err = r.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
}
