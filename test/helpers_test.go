package test

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
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

// tap records every message a client sends into the router (serialized with
// msgpack, which keeps byte strings verbatim) and can tamper with it: it is
// the router's own hook and, with mutate set, an active malicious router.
type tap struct {
	mu      sync.Mutex
	records [][]byte
	mutate  func(sess *wamp.Session, msg wamp.Message) bool // false drops
}

func (t *tap) Authorize(sess *wamp.Session, msg wamp.Message) (bool, error) {
	b, err := (&serialize.MessagePackSerializer{}).Serialize(msg)
	t.mu.Lock()
	if err == nil {
		t.records = append(t.records, b)
	}
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

// testRouter is a nexus router with a websocket listener on 127.0.0.1.
// TODO: switch to e2ee/router (the guarded embedded router) once it lands.
type testRouter struct {
	addr string
	tap  *tap
	r    router.Router
	srv  *http.Server
	done chan struct{}
}

func startRouter(t testing.TB, addr string, tp *tap) *testRouter {
	t.Helper()
	if tp == nil {
		tp = &tap{}
	}
	r, err := router.NewRouter(&router.Config{RealmConfigs: []*router.RealmConfig{{
		URI: wamp.URI(realmURI), AnonymousAuth: true, AllowDisclose: false, Authorizer: tp,
	}}}, quiet)
	require.NoError(t, err)
	var l net.Listener
	for i := 0; i < 50; i++ { // the old listener of a restarted router may linger briefly
		if l, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, err)
	ws := router.NewWebsocketServer(r)
	tr := &testRouter{addr: l.Addr().String(), tap: tp, r: r, srv: &http.Server{Handler: ws}, done: make(chan struct{})}
	go func() { defer close(tr.done); _ = tr.srv.Serve(l) }()
	return tr
}

func (tr *testRouter) stop() {
	_ = tr.srv.Close()
	<-tr.done
	tr.r.Close()
}

func (tr *testRouter) url() string { return "ws://" + tr.addr + "/" }

// dialer returns a session.Config.Dial for the router; wrap, if set, wraps
// the transport peer (a malicious transport).
func dialer(tr *testRouter, ser serialize.Serialization, wrap func(wamp.Peer) wamp.Peer) func(ctx context.Context) (wamp.Peer, error) {
	return func(ctx context.Context) (wamp.Peer, error) {
		p, err := transport.ConnectWebsocketPeer(ctx, tr.url(), ser, nil, quiet, nil)
		if err != nil || wrap == nil {
			return p, err
		}
		return wrap(p), nil
	}
}

type nodeOpt func(*session.Config)

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
