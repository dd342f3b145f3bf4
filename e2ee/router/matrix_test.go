package router_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// jsonPayloadForms are the ways a JSON client may put binary on the wire:
// the spec's "\u0000"+base64 (serialize.BinaryData) and nexus's default plain
// base64 ([]byte through the JSON serializer).
func argForms(jsonSession bool, payload []byte) map[string]any {
	if !jsonSession {
		return map[string]any{"bytes": payload}
	}
	return map[string]any{
		"nul+base64":   serialize.BinaryData(payload),
		"plain base64": payload,
		"string":       base64.StdEncoding.EncodeToString(payload),
	}
}

// TestSerializerMatrix routes valid PPT pub/sub and RPC (CALL→INVOCATION,
// YIELD→RESULT, ERROR→ERROR) between every pair of serializers, over both
// transports. Receivers on JSON get the payload as "\u0000"+base64.
func TestSerializerMatrix(t *testing.T) {
	r := startRouter(t, nil)
	kinds := []transportKind{tWS, tRaw}
	for i, from := range serializations {
		for j, to := range serializations {
			kFrom, kTo := kinds[(i+j)%2], kinds[(i+j+1)%2]
			t.Run(from.name+"->"+to.name, func(t *testing.T) {
				pub := dialJoin(t, r, kFrom, from.s)
				sub := dialJoin(t, r, kTo, to.s)
				topic := "matrix." + from.name + "." + to.name
				sub.subscribe(topic)
				proc := "matrix.proc." + from.name + "." + to.name
				sub.register(proc)

				for form, arg := range argForms(pub.json, []byte("ciphertext\x00\xff")) {
					payload := []byte("ciphertext\x00\xff")
					req := pub.nextReq()
					pub.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true), Topic: wamp.URI(topic), Arguments: wamp.List{arg}})
					require.Equal(t, req, expect[*wamp.Published](pub).Request, form)
					ev := expect[*wamp.Event](sub)
					assertPPTDetails(t, ev.Details)
					assertWireBinary(t, sub.json, ev.Arguments)
					assert.Equal(t, payload, payloadBytes(t, ev.Arguments), form)

					// CALL → INVOCATION → YIELD → RESULT.
					req = pub.nextReq()
					pub.send(&wamp.Call{Request: req, Options: pptOpts(), Procedure: wamp.URI(proc), Arguments: wamp.List{arg}})
					inv := expect[*wamp.Invocation](sub)
					assertPPTDetails(t, inv.Details)
					assertWireBinary(t, sub.json, inv.Arguments)
					assert.Equal(t, payload, payloadBytes(t, inv.Arguments), form)
					reply := []byte("result payload")
					sub.send(&wamp.Yield{Request: inv.Request, Options: pptOpts(), Arguments: wamp.List{reply}})
					res := expect[*wamp.Result](pub)
					require.Equal(t, req, res.Request)
					assertPPTDetails(t, res.Details)
					assertWireBinary(t, pub.json, res.Arguments)
					assert.Equal(t, reply, payloadBytes(t, res.Arguments))

					// CALL → INVOCATION → ERROR(ppt) → ERROR.
					req = pub.nextReq()
					pub.send(&wamp.Call{Request: req, Options: pptOpts(), Procedure: wamp.URI(proc), Arguments: wamp.List{arg}})
					inv = expect[*wamp.Invocation](sub)
					sub.send(&wamp.Error{Type: wamp.INVOCATION, Request: inv.Request, Details: pptOpts(), Error: "app.error.sealed", Arguments: wamp.List{reply}})
					e := expect[*wamp.Error](pub)
					require.Equal(t, req, e.Request)
					assert.Equal(t, wamp.URI("app.error.sealed"), e.Error)
					assertPPTDetails(t, e.Details)
					assert.Equal(t, reply, payloadBytes(t, e.Arguments))
				}
			})
		}
	}
}

func assertPPTDetails(t *testing.T, d wamp.Dict) {
	t.Helper()
	for k, v := range validOpts() {
		assert.Equal(t, v, d[k], k)
	}
}

// assertWireBinary checks the form the receiver got: a byte string on CBOR
// and msgpack, "\u0000"+base64 on JSON.
func assertWireBinary(t *testing.T, jsonSession bool, args wamp.List) {
	t.Helper()
	require.Len(t, args, 1)
	if jsonSession {
		s, ok := args[0].(string)
		require.True(t, ok, "JSON receiver got %T", args[0])
		require.True(t, len(s) > 0 && s[0] == 0, "JSON binary without \\u0000 prefix")
		return
	}
	_, ok := args[0].([]byte)
	require.True(t, ok, "binary receiver got %T", args[0])
}

// writeSelfSignedCert writes a P-256 certificate for 127.0.0.1 and returns
// the file names and a pool trusting it.
func writeSelfSignedCert(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "e2ee-node test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	keyDER, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600))
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestWSS(t *testing.T) {
	certFile, keyFile, pool := writeSelfSignedCert(t)
	r := startRouter(t, func(c *router.Config) {
		c.Listeners = []router.ListenerConfig{{URL: "wss://127.0.0.1:0/wamp", CertFile: certFile, KeyFile: keyFile}}
	})
	addr := r.Addrs()[0]
	require.Regexp(t, `^wss://127\.0\.0\.1:\d+/wamp$`, addr)
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	logger := log.New(io.Discard, "", 0)
	dial := func() *rawClient {
		p, err := transport.ConnectWebsocketPeer(ctx, addr, serialize.MSGPACK, &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, logger, nil)
		require.NoError(t, err)
		t.Cleanup(p.Close)
		return join(t, p, true)
	}
	pub, sub := dial(), dial()
	sub.subscribe("tls.topic")
	pub.send(&wamp.Publish{Request: 1, Options: pptOpts(), Topic: "tls.topic", Arguments: wamp.List{[]byte("over tls")}})
	ev := expect[*wamp.Event](sub)
	assert.Equal(t, []byte("over tls"), payloadBytes(t, ev.Arguments))

	// Plain websocket to a TLS listener fails; the router keeps serving.
	_, err := transport.ConnectWebsocketPeer(ctx, "ws"+addr[3:], serialize.CBOR, nil, logger, nil)
	require.Error(t, err)
	pub.send(&wamp.Publish{Request: 2, Options: pptOpts(), Topic: "tls.topic", Arguments: wamp.List{[]byte("again")}})
	assert.Equal(t, []byte("again"), payloadBytes(t, expect[*wamp.Event](sub).Arguments))
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]router.Config{
		"no realm":        {},
		"empty realm":     {Realms: []router.RealmConfig{{}}},
		"duplicate realm": {Realms: []router.RealmConfig{{Name: "a"}, {Name: "a"}}},
		"bad scheme":      {Realms: []router.RealmConfig{{Name: "a"}}, Listeners: []router.ListenerConfig{{URL: "http://127.0.0.1:0"}}},
		"no host":         {Realms: []router.RealmConfig{{Name: "a"}}, Listeners: []router.ListenerConfig{{URL: "ws:///x"}}},
		"tcp with path":   {Realms: []router.RealmConfig{{Name: "a"}}, Listeners: []router.ListenerConfig{{URL: "tcp://127.0.0.1:0/x"}}},
		"wss without key": {Realms: []router.RealmConfig{{Name: "a"}}, Listeners: []router.ListenerConfig{{URL: "wss://127.0.0.1:0/"}}},
		"wss bad files":   {Realms: []router.RealmConfig{{Name: "a"}}, Listeners: []router.ListenerConfig{{URL: "wss://127.0.0.1:0/", CertFile: "/nonexistent", KeyFile: "/nonexistent"}}},
	} {
		cfg.Logger = quietLogger()
		_, err := router.New(cfg)
		assert.Error(t, err, name)
	}
	// A port in use: the first listener is released again.
	r := startRouter(t, nil)
	busy := addrOf(t, r, tRaw)
	_, err := router.New(router.Config{
		Realms:    []router.RealmConfig{{Name: "a"}},
		Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/"}, {URL: busy}},
		Logger:    quietLogger(),
	})
	require.Error(t, err)
}

// Close ends every session on every transport, stops the listeners and
// returns; clients see their connections close.
func TestClose(t *testing.T) {
	r := startRouter(t, nil)
	var peers []wamp.Peer
	for _, kind := range []transportKind{tWS, tRaw} {
		for _, s := range serializations {
			p := dialPeer(t, r, kind, s.s)
			join(t, p, true)
			peers = append(peers, p)
		}
	}
	cli, rtr := transport.LinkedPeers()
	go func() { _ = r.Attach(rtr) }()
	join(t, cli, true)
	// A connection that never completes its handshake.
	pending, err := net.Dial("tcp", addrOf(t, r, tRaw)[len("tcp://"):])
	require.NoError(t, err)
	defer pending.Close()

	done := make(chan struct{})
	go func() { r.Close(); close(done) }()
	for _, p := range append(peers, cli) {
		drainUntilClosed(t, p)
	}
	cli.Close() // the in-process client side closes its end too
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	r.Close() // idempotent
	_, err = net.Dial("tcp", addrOf(t, r, tRaw)[len("tcp://"):])
	assert.Error(t, err, "listener still open")
	_, rtr2 := transport.LinkedPeers()
	assert.ErrorIs(t, r.Attach(rtr2), router.ErrClosed)
}

func drainUntilClosed(t *testing.T, p wamp.Peer) {
	t.Helper()
	timeout := time.After(waitTimeout)
	for {
		select {
		case _, ok := <-p.Recv():
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("peer not closed by router Close")
		}
	}
}

// nexusClientCompat: a stock nexus client (announcing PPT) still works for
// plaintext through the guarded router, in-process and over the network.
func TestPlainNexusClients(t *testing.T) {
	r := startRouter(t, nil)
	sub := dialJoin(t, r, tWS, serialize.JSON)
	sub.subscribe("plain.topic")
	for _, s := range serializations {
		pub := dialJoin(t, r, tRaw, s.s)
		pub.send(&wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "plain.topic", Arguments: wamp.List{"a", 1}, ArgumentsKw: wamp.Dict{"k": "v"}})
		ev := expect[*wamp.Event](sub)
		assert.Equal(t, "a", ev.Arguments[0])
		assert.Equal(t, "v", ev.ArgumentsKw["k"])
	}
}
