package test

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	nexus "github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

const (
	realmURI = "com.e2ee.test"
	chainID  = 1
	block    = 100
)

// marker is a distinctive plaintext that must never cross the router.
var marker = []byte("PLAINTEXT-MARKER-7f3a9c")

var (
	registry = common.HexToAddress("0xf766Dc789CF04CD18aE75af2c5fAf2DA6650Ff57")
	realm    = common.HexToAddress("0xA6e693CC4A2b4F1400391a728D26369D9b82ef96")
)

var quiet = log.New(io.Discard, "", 0)

// pki is a standalone trust domain: one root CA that certifies delegates.
type pki struct {
	root     *keys.DelegateKey
	rootCert cert.Certificate
	trust    e2ee.TrustDecider
}

func newPKI(t testing.TB) *pki {
	t.Helper()
	root, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	rc, err := cert.SignAuthority(root, cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 1,
		Issuer: root.Address(), Subject: root.Address(), Realm: realm, Capabilities: 0xff})
	require.NoError(t, err)
	tr, err := trust.NewStandalone(trust.StandaloneConfig{RootCertificates: []cert.Certificate{rc}})
	require.NoError(t, err)
	return &pki{root: root, rootCert: rc, trust: tr}
}

// identity returns a fresh delegate certified by the root.
func (p *pki) identity(t testing.TB) keydist.Identity {
	t.Helper()
	del, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	d, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 2,
		Delegate: del.Address(), CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano())})
	require.NoError(t, err)
	a, err := cert.SignAuthority(p.root, cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 1,
		Issuer: p.root.Address(), Subject: del.Address(), Realm: realm, Capabilities: 0xfc})
	require.NoError(t, err)
	return keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{d, a, p.rootCert}}
}

func (p *pki) policy() keydist.Policy {
	return keydist.Policy{ChainID: chainID, Registry: registry, Realm: realm, Trust: p.trust, Block: func() uint64 { return block }}
}

// tap records what crosses the router (serialized with msgpack, which keeps
// byte strings verbatim). On the guarded router it is Config.Observe: it sees
// exactly the messages the router forwards. On the nexus stand-in
// (startNexusRouter) it is the realm's Authorizer and, with mutate set, an
// active malicious router.
type tap struct {
	mu      sync.Mutex
	records [][]byte
	mutate  func(sess *wamp.Session, msg wamp.Message) bool // false drops
}

func (t *tap) record(msg wamp.Message) {
	b, err := (&serialize.MessagePackSerializer{}).Serialize(msg)
	if err != nil {
		return
	}
	t.mu.Lock()
	t.records = append(t.records, b)
	t.mu.Unlock()
}

// observe is the guarded router's Observe hook.
func (t *tap) observe(_ uint64, msg wamp.Message) { t.record(msg) }

// Authorize is the nexus stand-in's Authorizer: it records, then mutates.
func (t *tap) Authorize(sess *wamp.Session, msg wamp.Message) (bool, error) {
	t.record(msg)
	t.mu.Lock()
	m := t.mutate
	t.mu.Unlock()
	if m != nil {
		return m(sess, msg), nil
	}
	return true, nil
}

func (t *tap) setMutate(f func(*wamp.Session, wamp.Message) bool) {
	t.mu.Lock()
	t.mutate = f
	t.mu.Unlock()
}

// leaks counts recorded messages containing needle.
func (t *tap) leaks(needle []byte) (n, total int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range t.records {
		if bytes.Contains(r, needle) {
			n++
		}
	}
	return n, len(t.records)
}

// testRouter is a router on 127.0.0.1: the guarded e2ee/router (honest
// router, the default) or plain nexus with a mutating Authorizer (the
// active malicious router, startNexusRouter).
type testRouter struct {
	addr    string // host:port
	network string // "ws" or "tcp" (rawsocket)
	tap     *tap
	guarded *router.Router
	stopFn  func()
}

// routerOpts configures startRouterWith.
type routerOpts struct {
	addr    string // host:port; "" is 127.0.0.1:0
	network string // "ws" (default) or "tcp"
	tap     *tap   // nil: a fresh one
	noTap   bool   // no Observe hook (benchmarks)
	// outQueue is the router's per-client outbound queue (0: the router's
	// default, 64); nexus drops events for a client whose queue is full.
	outQueue int
	// maxConns lifts the router's connection caps (total and per address)
	// for fan-out benchmarks; 0 keeps the defaults.
	maxConns int
}

// startRouter starts the guarded router with a websocket listener on addr,
// tp (or a fresh tap) observing what it forwards.
func startRouter(t testing.TB, addr string, tp *tap) *testRouter {
	t.Helper()
	return startRouterWith(t, routerOpts{addr: addr, tap: tp})
}

func startRouterWith(t testing.TB, o routerOpts) *testRouter {
	t.Helper()
	if o.addr == "" {
		o.addr = "127.0.0.1:0"
	}
	if o.network == "" {
		o.network = "ws"
	}
	if o.tap == nil {
		o.tap = &tap{}
	}
	url := "ws://" + o.addr + "/"
	if o.network == "tcp" {
		url = "tcp://" + o.addr
	}
	cfg := router.Config{
		Realms:       []router.RealmConfig{{Name: realmURI}},
		Listeners:    []router.ListenerConfig{{URL: url}},
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		OutQueueSize: o.outQueue,
		MaxConns:     o.maxConns, MaxConnsPerAddr: o.maxConns,
	}
	if !o.noTap {
		cfg.Observe = o.tap.observe
	}
	var r *router.Router
	var err error
	for range 50 { // the old listener of a restarted router may linger briefly
		if r, err = router.New(cfg); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, err)
	u := r.Addrs()[0]
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(u, "ws://"), "tcp://"), "/")
	return &testRouter{addr: host, network: o.network, tap: o.tap, guarded: r, stopFn: r.Close}
}

// startNexusRouter starts nexus's router without the guard, the tap as its
// Authorizer: the stand-in for an ACTIVE malicious router (tap.setMutate).
func startNexusRouter(t testing.TB, tp *tap) *testRouter {
	t.Helper()
	if tp == nil {
		tp = &tap{}
	}
	r, err := nexus.NewRouter(&nexus.Config{RealmConfigs: []*nexus.RealmConfig{{
		URI: wamp.URI(realmURI), AnonymousAuth: true, AllowDisclose: false, Authorizer: tp,
	}}}, quiet)
	require.NoError(t, err)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: nexus.NewWebsocketServer(r)}
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(l) }()
	return &testRouter{addr: l.Addr().String(), network: "ws", tap: tp, stopFn: func() {
		_ = srv.Close()
		<-done
		r.Close()
	}}
}

func (tr *testRouter) stop() { tr.stopFn() }

func (tr *testRouter) url() string { return "ws://" + tr.addr + "/" }

// connect opens a transport peer to the router.
func (tr *testRouter) connect(ctx context.Context, ser serialize.Serialization) (wamp.Peer, error) {
	if tr.network == "tcp" {
		return transport.ConnectRawSocketPeer(ctx, "tcp", tr.addr, ser, nil, quiet, 0)
	}
	return session.DialWebsocket(tr.url(), ser, nil, quiet)(ctx)
}

// dialer returns a session.Config.Dial for the router; wrap, if set, wraps
// the transport peer (a malicious transport).
func dialer(tr *testRouter, ser serialize.Serialization, wrap func(wamp.Peer) wamp.Peer) func(ctx context.Context) (wamp.Peer, error) {
	return func(ctx context.Context) (wamp.Peer, error) {
		p, err := tr.connect(ctx, ser)
		if err != nil || wrap == nil {
			return p, err
		}
		return wrap(p), nil
	}
}

type nodeOpt func(*session.Config)

// noPush turns key push off: rotated keys are fetched (docs/protocol.md
// §3.10), for the tests and benchmarks of the fetch path.
func noPush(c *session.Config) { c.NoKeyPush = true }

func newSession(t testing.TB, tr *testRouter, p *pki, ser serialize.Serialization, rules []session.Rule, opts ...nodeOpt) *session.Session {
	t.Helper()
	cfg := session.Config{
		Realm: realmURI, Dial: dialer(tr, ser, nil), Serialization: ser,
		Identity: p.identity(t), KeyPolicy: p.policy(),
		Rules: rules, Default: session.Rule{Encrypt: true},
		FetchTimeout: 3 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := session.Dial(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// events collects events of a subscription.
type events struct {
	ch chan *wamp.Event
}

func newEvents() *events { return &events{ch: make(chan *wamp.Event, 1024)} }

func (e *events) handler(ev *wamp.Event) {
	select {
	case e.ch <- ev:
	default:
	}
}

func (e *events) next(t testing.TB, d time.Duration) *wamp.Event {
	t.Helper()
	select {
	case ev := <-e.ch:
		return ev
	case <-time.After(d):
		t.Fatalf("no event within %v", d)
		return nil
	}
}

func (e *events) none(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case ev := <-e.ch:
		t.Fatalf("unexpected event %v", ev.Arguments)
	case <-time.After(d):
	}
}

var serializers = []struct {
	name string
	ser  serialize.Serialization
}{{"cbor", serialize.CBOR}, {"msgpack", serialize.MSGPACK}, {"json", serialize.JSON}}

// eventually polls cond.
func eventually(t testing.TB, cond func() bool, msg string) {
	t.Helper()
	require.Eventually(t, cond, 5*time.Second, 10*time.Millisecond, msg)
}
