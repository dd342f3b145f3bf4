package test

import (
	"context"
	"crypto/ecdsa"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// onChain is a simulated chain with the TrustRegistry deployed, a root that
// is the realm's Realm-CA and an operator CA admitted under it: the trust
// domain of the on-chain tests and benchmarks.
type onChain struct {
	backend  *chain.Backend
	url      string // the anvil endpoint ("": the simulated chain)
	reg      *chain.Registry
	root     *chain.KeySigner
	realmKey *chain.KeySigner
	operator *chain.KeySigner
	realm    common.Address
	chainID  uint64
	block    atomic.Uint64 // latest block, refreshed after every write
}

func newSigner(t testing.TB) (*chain.KeySigner, *ecdsa.PrivateKey) {
	t.Helper()
	k, err := chain.NewDevKey()
	require.NoError(t, err)
	return chain.NewKeySigner(k), k
}

func newOnChain(t testing.TB) *onChain { return newOnChainOn(t, false) }

// newOnChainOn is newOnChain on the embedded simulated chain, or (anvil) on
// a fresh anvil node over websocket, the registry's actors being anvil's
// funded development accounts.
func newOnChainOn(t testing.TB, onAnvil bool) *onChain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	oc := &onChain{}
	var rootKey *ecdsa.PrivateKey
	var err error
	if onAnvil {
		node, err := anvil.Start(ctx, anvil.Options{})
		require.NoError(t, err)
		t.Cleanup(node.Stop)
		keys := make([]*ecdsa.PrivateKey, 3)
		for i := range keys {
			keys[i], err = crypto.HexToECDSA(anvil.DevKeys[i])
			require.NoError(t, err)
		}
		rootKey = keys[0]
		oc.root, oc.realmKey, oc.operator = chain.NewKeySigner(keys[0]), chain.NewKeySigner(keys[1]), chain.NewKeySigner(keys[2])
		oc.url = node.WSURL
		oc.backend, err = chain.Connect(ctx, chain.BackendConfig{URL: node.WSURL})
		require.NoError(t, err)
		t.Cleanup(oc.backend.Close)
	} else {
		oc.root, rootKey = newSigner(t)
		oc.realmKey, _ = newSigner(t)
		oc.operator, _ = newSigner(t)
		sim := chain.NewSimulatedChain(oc.root.Address(), oc.realmKey.Address(), oc.operator.Address())
		oc.backend, err = chain.Connect(ctx, chain.BackendConfig{Simulated: sim})
		require.NoError(t, err)
		t.Cleanup(func() { oc.backend.Close(); _ = sim.Close() })
	}
	oc.realm = oc.realmKey.Address()
	oc.chainID = oc.backend.ChainID().Uint64()
	dep, err := chain.DeployRegistry(ctx, oc.backend.Client(), bind.NewKeyedTransactor(rootKey, oc.backend.ChainID()), chain.DefaultRegistrySalt, time.Minute)
	require.NoError(t, err)
	oc.reg = oc.backend.Registry(dep.Address)
	_, err = oc.reg.RegisterRoot(ctx, oc.root, chain.PolicyPrivate)
	require.NoError(t, err)
	_, err = oc.reg.SetRealmCA(ctx, oc.realmKey, oc.root)
	require.NoError(t, err)
	_, err = oc.reg.AdmitOperator(ctx, oc.root, oc.realm, oc.operator.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer)
	require.NoError(t, err)
	oc.refreshBlock(t)
	return oc
}

func (oc *onChain) refreshBlock(t testing.TB) {
	n, err := oc.backend.Client().BlockNumber(context.Background())
	require.NoError(t, err)
	oc.block.Store(n)
}

// The session is what the revocation policy acts on.
var _ verifier.KeyHolder = (*session.Session)(nil)

// chainNode is a delegate authorized by the operator, with its own on-chain
// verifier; revocations the verifier sees are fed to the node's session.
type chainNode struct {
	id       keydist.Identity
	verifier *verifier.Verifier
	revs     *verifier.Queue
	seen     atomic.Int64 // revocations applied to the session

	mu   sync.Mutex
	sess *session.Session
	stop chan struct{}
	wg   sync.WaitGroup
}

// delegate authorizes a fresh delegate on-chain and returns its identity (a
// lone delegate certificate with the operator as issuer hint).
func (oc *onChain) delegate(t testing.TB) keydist.Identity {
	t.Helper()
	del, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = oc.reg.Authorize(ctx, oc.operator, oc.realm, del.Address(), time.Now().Add(-time.Minute), time.Time{})
	require.NoError(t, err)
	oc.refreshBlock(t)
	dc, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: oc.chainID, VerifyingContract: oc.reg.Address(),
		ValidFrom: oc.block.Load(), Delegate: del.Address(), CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano())})
	require.NoError(t, err)
	return keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{dc}, Issuer: oc.operator.Address()}
}

// newVerifier starts an on-chain verifier whose revocations go to revs.
func (oc *onChain) newVerifier(t testing.TB, revs *verifier.Queue) *verifier.Verifier {
	t.Helper()
	backend := oc.backend
	if oc.url != "" { // each node its own connection to the endpoint, as separate processes would have
		var err error
		backend, err = chain.Connect(context.Background(), chain.BackendConfig{URL: oc.url})
		require.NoError(t, err)
		t.Cleanup(backend.Close)
	}
	v, err := verifier.New(context.Background(), backend, verifier.Config{
		Registry:     oc.reg.Address(),
		Trustroots:   map[common.Address]common.Address{oc.realm: oc.root.Address()},
		OnRevocation: revs.Report,
	})
	require.NoError(t, err)
	t.Cleanup(v.Close)
	return v
}

func (oc *onChain) policy(v *verifier.Verifier) keydist.Policy {
	block, latest := v.Blocks()
	return keydist.Policy{ChainID: oc.chainID, Registry: oc.reg.Address(), Realm: oc.realm, Trust: v, Block: block, LatestBlock: latest}
}

// node authorizes a delegate, starts its verifier and dials its session.
func (oc *onChain) node(t testing.TB, tr *testRouter, ser serialize.Serialization, opts ...nodeOpt) *chainNode {
	t.Helper()
	n := &chainNode{id: oc.delegate(t), revs: verifier.NewQueue(64), stop: make(chan struct{})}
	n.verifier = oc.newVerifier(t, n.revs)
	cfg := session.Config{
		Realm: realmURI, Dial: dialer(tr, ser, nil), Serialization: ser,
		Identity: n.id, KeyPolicy: oc.policy(n.verifier),
		Default: session.Rule{Encrypt: true}, FetchTimeout: 3 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := session.Dial(ctx, cfg)
	require.NoError(t, err)
	n.sess = s
	// The node's revocation policy, as the CLI runs it.
	stop := n.stop
	n.wg.Go(func() { n.revs.Run(stop, s, func(verifier.Revocation) { n.seen.Add(1) }) })
	t.Cleanup(n.close)
	return n
}

func (n *chainNode) close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.stop == nil {
		return
	}
	close(n.stop)
	n.wg.Wait()
	n.stop = nil
	_ = n.sess.Close()
	n.verifier.Close() // idempotent; its follower goroutine ends here
}

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
