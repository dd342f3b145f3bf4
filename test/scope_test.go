package test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// publicOnly lets delegate m publish on app.public and nothing else, and records what it was
// asked about m.
type publicOnly struct {
	inner e2ee.TrustDecider
	m     string
	mu    *sync.Mutex
	asked *[]string
}

func (o publicOnly) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	if req.Chain != nil && req.Chain.DelegateAddress().Hex() == o.m {
		o.mu.Lock()
		*o.asked = append(*o.asked, string(req.Role)+" "+req.URI)
		o.mu.Unlock()
		if req.Role != e2ee.RolePublisher || req.URI != "app.public" {
			return e2ee.TrustDecision{}, fmt.Errorf("not allowed: %w", e2ee.ErrUntrusted)
		}
	}
	return o.inner.Decide(ctx, req)
}

// TestSecurityBroadScopeResponseDoesNotWidenTrust: an authorized publisher of app.public answers
// key requests with a broader signed scope ("app", prefix) and then publishes on app.admin under
// the same key. The subscriber's trust decision only covered app.public, so the key must open
// nothing else (the receiver caches the key for the requested URI only).
func TestSecurityBroadScopeResponseDoesNotWidenTrust(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	mID := p.identity(t)
	var mu sync.Mutex
	var asked []string
	v := newSession(t, tr, p, ser, nil, func(cfg *session.Config) {
		cfg.KeyPolicy.Trust = publicOnly{inner: p.trust, m: mID.Delegate.Address().Hex(), mu: &mu, asked: &asked}
	})
	admin, public := newEvents(), newEvents()
	require.NoError(t, v.Subscribe("app.admin", admin.handler, nil))
	require.NoError(t, v.Subscribe("app.public", public.handler, nil))

	// M: a raw client with its own key RPC that answers with the scope "app" (prefix).
	m := dialRaw(t, tr, ser)
	ring, err := keyring.New(keyring.Config{Policy: keyring.PerTopic(func(string) string { return "app" })})
	require.NoError(t, err)
	resp, err := keydist.NewResponder(keydist.ResponderConfig{Policy: p.policy(), Identity: mID})
	require.NoError(t, err)
	m.register(t, ring.KeyRPCURI())
	sealer, err := envelope.NewSealer(envelope.SealOptions{})
	require.NoError(t, err)
	var sk envelope.SealKey
	publish := func(uri string) {
		require.NoError(t, ring.NextTagged(uri, "x", &sk))
		pl, err := sealer.Seal(nil, &sk, &envelope.Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{"from M on " + uri}})
		require.NoError(t, err)
		m.send(&wamp.Publish{Request: m.id(), Topic: wamp.URI(uri), Options: envelope.PutOptions(wamp.Dict{}, sk.ID, sk.KeyRPC), Arguments: wamp.List{pl}})
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() { // M's key RPC
		for {
			var msg wamp.Message
			select {
			case msg = <-m.msgs:
			case <-stop:
				return
			}
			inv, ok := msg.(*wamp.Invocation)
			if !ok {
				continue
			}
			req, err := keydist.DecodeRequest(inv.ArgumentsKw)
			if err != nil {
				continue
			}
			vr, err := resp.VerifyRequest(context.Background(), req)
			if err != nil {
				continue
			}
			info, _ := ring.Lookup(req.KeyID)
			r, err := resp.Respond(vr, &info.Key, keydist.Scope{URI: "app", Match: e2ee.MatchPrefix}, time.Now().Add(time.Hour))
			if err != nil {
				continue
			}
			kw, err := keydist.EncodeResponse(r)
			if err != nil {
				continue
			}
			m.send(&wamp.Yield{Request: inv.Request, Options: wamp.Dict{}, ArgumentsKw: kw})
		}
	}()
	publish("app.public")
	ev := public.next(t, 5*time.Second)
	require.Equal(t, "from M on app.public", ev.Arguments[0])
	publish("app.admin")
	admin.none(t, 1500*time.Millisecond)
	require.NotZero(t, v.Stats().TotalRejected(), "the app.admin message must be rejected and counted")
}
