package session_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// Two nodes of one trust domain (a root that certified both delegates)
// exchange an encrypted event through a router that sees only ciphertext:
// bob's session fetches alice's payload key over her key RPC, both sides
// verify the other's certificate chain, and bob's handler gets the
// plaintext.
func Example() {
	const chainID = 1
	realm, registry := common.Address{0xaa}, common.Address{0xbb}
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}

	// The trust domain: a root certificate, and per node a delegate key, a
	// client-session key and the chain [delegate, root → delegate, root].
	root, err := keys.GenerateDelegateKey()
	must(err)
	rootCert, err := cert.SignAuthority(root, cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 1,
		Issuer: root.Address(), Subject: root.Address(), Realm: realm, Capabilities: 0xff})
	must(err)
	decider, err := trust.NewStandalone(trust.StandaloneConfig{RootCertificates: []cert.Certificate{rootCert}})
	must(err)
	identity := func() keydist.Identity {
		del, err := keys.GenerateDelegateKey()
		must(err)
		sk, err := keys.GenerateSessionKey()
		must(err)
		d, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 2,
			Delegate: del.Address(), CSPubKey: sk.PublicKey32()})
		must(err)
		a, err := cert.SignAuthority(root, cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 1,
			Issuer: root.Address(), Subject: del.Address(), Realm: realm, Capabilities: 0xfc})
		must(err)
		return keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{d, a, rootCert}}
	}

	// A router on loopback.
	r, err := router.New(router.Config{
		Realms:    []router.RealmConfig{{Name: "com.example"}},
		Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/"}},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	must(err)
	defer r.Close()

	dial := func() *session.Session {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s, err := session.Dial(ctx, session.Config{
			Realm:         "com.example",
			Dial:          session.DialWebsocket(r.Addrs()[0], serialize.MSGPACK, nil, nil),
			Serialization: serialize.MSGPACK,
			Identity:      identity(),
			KeyPolicy: keydist.Policy{ChainID: chainID, Registry: registry, Realm: realm, Trust: decider,
				Block: func() uint64 { return 10 }},
			Default: session.Rule{Encrypt: true},
		})
		must(err)
		return s
	}
	alice, bob := dial(), dial()
	defer alice.Close()
	defer bob.Close()

	got := make(chan *wamp.Event, 1)
	must(bob.Subscribe("com.example.telemetry", func(ev *wamp.Event) { got <- ev }, nil))
	must(alice.Publish("com.example.telemetry", nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": 7}))

	select {
	case ev := <-got:
		fmt.Println(ev.Arguments[0], ev.ArgumentsKw["reading"])
	case <-time.After(10 * time.Second):
		fmt.Println("no event")
	}
	// Output: sensor-7 7
}
