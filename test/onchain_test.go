package test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/onchain"
)

// onChain is the trust domain of the on-chain tests and benchmarks
// (internal/onchain): a simulated chain or an anvil node with the
// TrustRegistry deployed, a root that is the realm's Realm-CA and an operator
// CA admitted under it.
type onChain struct {
	dom      *onchain.Domain
	backend  *chain.Backend
	url      string // the anvil endpoint ("": the simulated chain)
	reg      *chain.Registry
	root     *chain.KeySigner
	realmKey *chain.KeySigner
	operator *chain.KeySigner
	realm    common.Address
	chainID  uint64
}

func newOnChain(t testing.TB) *onChain { return newOnChainOn(t, false) }

// newOnChainOn is newOnChain on the embedded simulated chain, or (anvil) on
// a fresh anvil node over websocket, the registry's actors being anvil's
// funded development accounts.
func newOnChainOn(t testing.TB, onAnvil bool) *onChain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url := ""
	if onAnvil {
		node, err := anvil.Start(ctx, anvil.Options{})
		require.NoError(t, err)
		t.Cleanup(node.Stop)
		url = node.WSURL
	}
	d, err := onchain.New(ctx, url)
	require.NoError(t, err)
	t.Cleanup(d.Close)
	return &onChain{dom: d, backend: d.Backend, url: d.URL, reg: d.Reg, root: d.Root, realmKey: d.RealmKey,
		operator: d.Operator, realm: d.Realm, chainID: d.ChainID}
}

func (oc *onChain) refreshBlock(t testing.TB) {
	require.NoError(t, oc.dom.RefreshBlock(context.Background()))
}

// chainNode is a delegate authorized by the operator, with its own on-chain
// verifier; revocations the verifier sees are fed to the node's session.
type chainNode struct {
	*onchain.Node
	id       keydist.Identity
	verifier *verifier.Verifier
	sess     *session.Session
	seen     atomic.Int64 // revocations applied to the session
}

// nodeConfig is the session configuration of a node on tr (Identity and
// KeyPolicy are set per node).
func nodeConfig(tr *testRouter, ser serialize.Serialization, opts ...nodeOpt) session.Config {
	cfg := session.Config{
		Realm: realmURI, Dial: dialer(tr, ser, nil), Serialization: ser,
		Default: session.Rule{Encrypt: true}, FetchTimeout: 3 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// node authorizes a delegate, starts its verifier and dials its session;
// the node's revocation policy runs as the CLI runs it.
func (oc *onChain) node(t testing.TB, tr *testRouter, ser serialize.Serialization, opts ...nodeOpt) *chainNode {
	t.Helper()
	n := &chainNode{}
	on, err := oc.dom.Node(context.Background(), nodeConfig(tr, ser, opts...), func(verifier.Revocation) { n.seen.Add(1) })
	require.NoError(t, err)
	n.Node, n.id, n.verifier, n.sess = on, on.ID, on.Verifier, on.Session
	t.Cleanup(n.close)
	return n
}

func (n *chainNode) close() { n.Node.Close() }

// TestOnChainTrust: three delegates authorized by an operator CA on a
// simulated chain, each node deciding trust with its own chain/verifier.
// Pub/sub and RPC work; then the operator revokes one delegate on-chain, every
// verifier reports it (OnRevocation → Session.Revoke), the revoked node gets
// nothing new and cannot inject, and the others continue.
func TestOnChainTrust(t *testing.T) {
	oc := newOnChain(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	a, b, c := oc.node(t, tr, ser), oc.node(t, tr, ser), oc.node(t, tr, ser)

	eb, ec, ea := newEvents(), newEvents(), newEvents()
	require.NoError(t, b.sess.Subscribe("com.chain.t", eb.handler, nil))
	require.NoError(t, c.sess.Subscribe("com.chain.t", ec.handler, nil))
	require.NoError(t, a.sess.Subscribe("com.chain.fromc", ea.handler, nil))
	require.NoError(t, b.sess.Register("com.chain.echo", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		return client.InvokeResult{Args: inv.Arguments, Kwargs: inv.ArgumentsKw}
	}, nil))
	for i := range 3 {
		args, kw := payload(i)
		require.NoError(t, a.sess.Publish("com.chain.t", nil, args, kw))
		e := eb.next(t, 5*time.Second)
		checkPayload(t, e.Arguments, e.ArgumentsKw, i)
		e = ec.next(t, 5*time.Second)
		checkPayload(t, e.Arguments, e.ArgumentsKw, i)
	}
	args, kw := payload(5)
	require.NoError(t, c.sess.Publish("com.chain.fromc", nil, args, kw))
	checkPayload(t, ea.next(t, 5*time.Second).Arguments, kw, 5)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := a.sess.Call(ctx, "com.chain.echo", nil, args, kw, nil)
	require.NoError(t, err)
	checkPayload(t, res.Arguments, res.ArgumentsKw, 5)
	res, err = c.sess.Call(ctx, "com.chain.echo", nil, args, kw, nil)
	require.NoError(t, err)
	checkPayload(t, res.Arguments, res.ArgumentsKw, 5)

	// The operator revokes c's delegate on-chain.
	_, err = oc.reg.Revoke(ctx, oc.operator, oc.realm, c.id.Delegate.Address())
	require.NoError(t, err)
	oc.refreshBlock(t)
	for name, n := range map[string]*chainNode{"a": a, "b": b, "c": c} {
		eventually(t, func() bool { return n.seen.Load() >= 1 }, name+"'s verifier reported the revocation")
	}

	// a's key for the topic was rotated (c had fetched it); b fetches the
	// new one, c is refused.
	for i := 10; i < 13; i++ {
		args, kw := payload(i)
		require.NoError(t, a.sess.Publish("com.chain.t", nil, args, kw))
		e := eb.next(t, 5*time.Second)
		checkPayload(t, e.Arguments, e.ArgumentsKw, i)
	}
	ec.none(t, 200*time.Millisecond)
	eventually(t, func() bool { return a.sess.Stats().KeyRequestsDenied >= 1 }, "a denied c's key request")
	eventually(t, func() bool { return c.sess.Stats().Dropped >= 1 }, "c dropped the event it cannot open")
	assert.NotZero(t, a.sess.Stats().KeyDenials["wamp.e2ee.error.key_request.untrusted"], "%v", a.sess.Stats().KeyDenials)

	// c can no longer inject: a dropped the key it had from c, and its
	// verifier refuses c's key response.
	fetches := a.sess.Stats().KeyFetchFailures
	require.NoError(t, c.sess.Publish("com.chain.fromc", nil, args, kw))
	ea.none(t, 200*time.Millisecond)
	eventually(t, func() bool { return a.sess.Stats().KeyFetchFailures > fetches }, "a refused c's key")

	// c cannot call b's procedure any more (b refuses c's key; a keeps calling).
	_, err = c.sess.Call(ctx, "com.chain.echo", nil, args, kw, nil)
	assert.Error(t, err, "the revoked caller's call must fail")
	res, err = a.sess.Call(ctx, "com.chain.echo", nil, args, kw, nil)
	require.NoError(t, err)
	checkPayload(t, res.Arguments, res.ArgumentsKw, 5)

	leaks, total := tr.tap.leaks(marker)
	assert.Zero(t, leaks, "plaintext crossed the router")
	assert.NotZero(t, total)
	t.Logf("verifier stats a=%+v", a.verifier.Stats())
}
