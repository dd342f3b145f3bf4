package session

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/fxamacker/cbor/v2"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

type noTrust struct{}

func (noTrust) Decide(context.Context, e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	return e2ee.TrustDecision{}, e2ee.ErrUntrusted
}

// pipePeer is an in-memory transport peer.
type pipePeer struct {
	rd, wr chan wamp.Message
}

func (p *pipePeer) Recv() <-chan wamp.Message { return p.rd }
func (p *pipePeer) Send() chan<- wamp.Message { return p.wr }
func (p *pipePeer) IsLocal() bool             { return false }
func (p *pipePeer) Close()                    {}

func testIdentity(t testing.TB) keydist.Identity {
	del, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	d, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: 1, Delegate: del.Address(), CSPubKey: sk.PublicKey32()})
	require.NoError(t, err)
	return keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{d}}
}

func testPeer(t testing.TB) (*cryptoPeer, *pipePeer) {
	cfg, err := (&Config{
		Realm: "r", Dial: func(context.Context) (wamp.Peer, error) { return nil, nil },
		Identity: testIdentity(t), KeyPolicy: keydist.Policy{ChainID: 1, Registry: common.Address{1}, Trust: noTrust{}, Block: func() uint64 { return 1 }},
		Rules:   []Rule{{Pattern: "plain", Match: e2ee.MatchPrefix}},
		Default: Rule{Encrypt: true, Sign: false}, FetchTimeout: 50 * time.Millisecond,
	}).withDefaults()
	require.NoError(t, err)
	n, err := newNode(cfg)
	require.NoError(t, err)
	inner := &pipePeer{rd: make(chan wamp.Message), wr: make(chan wamp.Message, 1024)}
	p, err := newCryptoPeer(n, inner)
	require.NoError(t, err)
	// Known subscriptions and registrations, exact and pattern-based.
	p.subs[1] = subInfo{uri: "com.t"}
	p.subs[2] = subInfo{uri: "com", match: wamp.MatchPrefix}
	p.subs[3] = subInfo{uri: "plain.t"}
	p.subs[4] = subInfo{uri: n.pushTopic} // key pushes
	p.regs[1] = subInfo{uri: "com.p"}
	p.regs[2] = subInfo{uri: "com..p", match: wamp.MatchWildcard}
	p.calls[7] = callInfo{uri: "com.p", enc: true}
	return p, inner
}

// FuzzInbound feeds arbitrary details/options maps and arguments, decoded
// from CBOR, to the inbound path as EVENT, INVOCATION, RESULT and ERROR. It
// must never panic, and nothing with ppt_* options may reach nexus.
func FuzzInbound(f *testing.F) {
	seeds := []any{
		[]any{map[string]any{"ppt_scheme": "wamp", "ppt_serializer": "cbor", "ppt_cipher": "xsalsa20poly1305",
			"ppt_keyid": "0123456789abcdef.00112233445566778899aabbccddeeff"}, []any{make([]byte, 64)}, nil},
		[]any{map[string]any{"ppt_scheme": 7}, []any{}, map[string]any{"a": 1}},
		[]any{map[string]any{"ppt_scheme": "wamp", "topic": "com.x"}, []any{"\x00AAAA"}, nil},
		[]any{map[string]any{"topic": 5, "procedure": []any{}}, nil, nil},
		[]any{map[string]any{"ppt_keyid": map[string]any{"x": 1}, "progress": "yes"}, []any{nil, 1.5}, nil},
	}
	// A key push, well-formed, on the push topic (subscription 4).
	push, err := keydist.EncodePush(&keydist.KeyPush{ChainID: 1, Registry: common.Address{1}, KeyID: "0123456789abcdef.00112233445566778899aabbccddeeff",
		Scope: keydist.Scope{URI: "com.t", Match: e2ee.MatchExact}, Role: e2ee.RolePublisher, ExpiresAt: 1 << 41, IssuedAt: 1 << 40})
	require.NoError(f, err)
	pb, err := cbor.Marshal([]any{map[string]any{}, []any{}, push})
	require.NoError(f, err)
	f.Add(byte(0), uint8(4), pb)
	for _, s := range seeds {
		b, err := cbor.Marshal(s)
		require.NoError(f, err)
		for k := range byte(4) {
			f.Add(k, uint8(1), b)
		}
	}
	p, inner := testPeer(f)
	defer p.Close()
	var leaked atomic.Value // name of a ppt_* option that reached nexus
	go func() {
		for m := range p.in {
			d, _, _ := fields(m)
			for k := range d {
				if len(k) >= 4 && k[:4] == "ppt_" {
					leaked.Store(k)
				}
			}
		}
	}()
	f.Fuzz(func(t *testing.T, kind byte, id uint8, data []byte) {
		var v []any
		if cbor.Unmarshal(data, &v) != nil || len(v) != 3 {
			return
		}
		details, _ := v[0].(map[string]any)
		args, _ := v[1].([]any)
		kwargs, _ := v[2].(map[string]any)
		var msg wamp.Message
		switch kind % 5 {
		case 0:
			msg = &wamp.Event{Subscription: wamp.ID(id % 5), Details: details, Arguments: args, ArgumentsKw: kwargs}
		case 1:
			msg = &wamp.Invocation{Request: wamp.ID(id), Registration: wamp.ID(id % 4), Details: details, Arguments: args, ArgumentsKw: kwargs}
		case 2:
			p.mu.Lock()
			p.calls[7] = callInfo{uri: "com.p", enc: id%2 == 0}
			p.mu.Unlock()
			msg = &wamp.Result{Request: 7, Details: details, Arguments: args, ArgumentsKw: kwargs}
		case 3:
			msg = &wamp.Error{Type: wamp.CALL, Request: 7, Error: "com.err", Details: details, Arguments: args, ArgumentsKw: kwargs}
		default:
			msg = &wamp.Error{Type: wamp.MessageType(id), Request: 9, Details: details, Arguments: args}
		}
		// Through the transport, so the peer's inbound goroutine (the only
		// owner of its queues and opener) handles it.
		inner.rd <- msg
		if k := leaked.Load(); k != nil {
			t.Fatalf("ppt option %v reached nexus", k)
		}
	})
}
