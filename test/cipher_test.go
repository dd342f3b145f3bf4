package test

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// TestCipherAES256GCM: a rule with ppt_cipher aes256gcm seals and opens
// through the router; a receiver whose rule wants xsalsa20poly1305 refuses
// it, and a router relabelling the cipher (a downgrade) is refused by the
// receiver whose rule wants aes256gcm. Every refusal is counted and the
// sessions keep working.
func TestCipherAES256GCM(t *testing.T) {
	p := newPKI(t)
	tr := startNexusRouter(t, nil) // the router is the adversary
	defer tr.stop()
	for _, s := range serializers {
		t.Run(s.name, func(t *testing.T) {
			gcm := []session.Rule{{Pattern: "com.gcm", Match: e2ee.MatchPrefix, Encrypt: true, Cipher: envelope.CipherAESGCM}}
			xs := []session.Rule{{Pattern: "com.gcm", Match: e2ee.MatchPrefix, Encrypt: true}}
			a := newSession(t, tr, p, s.ser, gcm)
			b := newSession(t, tr, p, s.ser, gcm)
			c := newSession(t, tr, p, s.ser, xs)
			eb, ec := newEvents(), newEvents()
			require.NoError(t, b.Subscribe("com.gcm.t", eb.handler, nil))
			require.NoError(t, c.Subscribe("com.gcm.t", ec.handler, nil))

			var mu sync.Mutex
			var labels [][]byte
			tr.tap.setMutate(func(_ *wamp.Session, m wamp.Message) bool {
				if pub, ok := m.(*wamp.Publish); ok && pub.Topic == "com.gcm.t" {
					mu.Lock()
					labels = append(labels, []byte(pub.Options[envelope.OptCipher].(string)))
					mu.Unlock()
				}
				return true
			})
			for i := range 3 {
				args, kw := payload(i)
				require.NoError(t, a.Publish("com.gcm.t", nil, args, kw))
				ev := eb.next(t, 5*time.Second)
				checkPayload(t, ev.Arguments, ev.ArgumentsKw, i)
			}
			tr.tap.setMutate(nil)
			mu.Lock()
			defer mu.Unlock()
			for _, l := range labels {
				assert.True(t, bytes.Equal(l, []byte(envelope.CipherAESGCM)), "ppt_cipher on the wire: %s", l)
			}
			assert.Len(t, labels, 3)
			// c's rule allows only xsalsa20poly1305: each event refused, before any key fetch.
			eventually(t, func() bool { return c.Stats().Rejected[envelope.ErrorURIMalformed] == 3 }, "cipher not allowed counted")
			assert.Zero(t, c.Stats().KeyFetches)
			assert.Empty(t, ec.ch)

			// The router relabels the cipher: b refuses it.
			tr.tap.setMutate(func(_ *wamp.Session, m wamp.Message) bool {
				if pub, ok := m.(*wamp.Publish); ok && pub.Topic == "com.gcm.t" {
					pub.Options[envelope.OptCipher] = envelope.CipherXSalsa
				}
				return true
			})
			args, kw := payload(7)
			require.NoError(t, a.Publish("com.gcm.t", nil, args, kw))
			eventually(t, func() bool { return b.Stats().Rejected[envelope.ErrorURIMalformed] == 1 }, "downgrade counted")
			// and c, whose rule accepts the new label, cannot open the payload.
			eventually(t, func() bool { return c.Stats().TotalRejected() == 4 }, "relabelled payload refused by c")
			tr.tap.setMutate(nil)

			// Honest traffic still flows.
			args, kw = payload(8)
			require.NoError(t, a.Publish("com.gcm.t", nil, args, kw))
			ev := eb.next(t, 5*time.Second)
			checkPayload(t, ev.Arguments, ev.ArgumentsKw, 8)
			assert.Empty(t, eb.ch)
		})
	}
}

// TestCipherRuleValidated: an unknown cipher in a rule is a configuration
// error naming the choices.
func TestCipherRuleValidated(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	_, err := session.Dial(t.Context(), session.Config{
		Realm: realmURI, Dial: dialer(tr, serializers[0].ser, nil), Serialization: serializers[0].ser,
		Identity: p.identity(t), KeyPolicy: p.policy(),
		Rules: []session.Rule{{Pattern: "com.x", Encrypt: true, Cipher: "aes128gcm"}},
	})
	require.ErrorContains(t, err, `unknown cipher "aes128gcm" (want xsalsa20poly1305 or aes256gcm)`)
}

// TestCipherAES256GCMGuardedRouter: the hardened router forwards aes256gcm
// messages (its guard accepts both of the spec's E2EE ciphers).
func TestCipherAES256GCMGuardedRouter(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	gcm := []session.Rule{{Pattern: "com.gcm", Match: e2ee.MatchPrefix, Encrypt: true, Cipher: envelope.CipherAESGCM}}
	a := newSession(t, tr, p, serializers[1].ser, gcm)
	b := newSession(t, tr, p, serializers[1].ser, gcm)
	eb := newEvents()
	require.NoError(t, b.Subscribe("com.gcm.t", eb.handler, nil))
	args, kw := payload(1)
	require.NoError(t, a.Publish("com.gcm.t", nil, args, kw))
	ev := eb.next(t, 5*time.Second)
	checkPayload(t, ev.Arguments, ev.ArgumentsKw, 1)
	assert.Zero(t, b.Stats().TotalRejected())
}
