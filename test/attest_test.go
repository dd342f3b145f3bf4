package test

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
)

// attestPolicy is an in-memory attest.PolicySource: a test double of the
// registry's attestation policy (the TPM is real: the simulator).
type attestPolicy struct {
	mu      sync.Mutex
	aks     map[common.Address][32]byte
	states  map[[32]byte]attest.MeasurementState
	version atomic.Uint64
}

func (p *attestPolicy) Attestation(_ context.Context, q attest.Query) (attest.Facts, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return attest.Facts{Required: true, AKDigest: p.aks[q.Delegate], Measurement: p.states[q.Measurement], Version: p.version.Load()}, nil
}

func (p *attestPolicy) Version() uint64 { return p.version.Load() }

func (p *attestPolicy) set(f func()) {
	p.mu.Lock()
	f()
	p.mu.Unlock()
	p.version.Add(1)
}

// attestedNode returns the options of a node whose identity is enrolled
// with tpm's AK and whose evidence is quoted now (the platform's current
// measurement), and that measurement.
func attestedNode(t testing.TB, p *pki, pol *attestPolicy, tpm *attest.TPM) (nodeOpt, common.Address, [32]byte) {
	t.Helper()
	id := p.identity(t)
	d := id.Chain[0].Delegate
	prover := attest.NewProver(tpm, attest.Subject{ChainID: chainID, Delegate: d.Delegate, CSPubKey: d.CSPubKey, BootedAt: d.BootedAt})
	_, err := prover.Evidence(0) // quoted now, on this platform state
	require.NoError(t, err)
	m, _, err := tpm.Measurement()
	require.NoError(t, err)
	pol.set(func() { pol.aks[d.Delegate] = tpm.AKDigest() })
	return func(c *session.Config) {
		c.Identity = id
		c.KeyPolicy.Attestation = &keydist.Attestation{Policy: pol, Evidence: prover.Evidence}
	}, d.Delegate, m
}

// TestAttestationRequired: in a realm that requires attestation, alice's
// key reaches bob (approved boot) and not dave (a PCR extended with an
// unapproved value), until the realm allows dave's measurement; when bob's
// measurement is revoked while he holds keys, alice's keys rotate and bob
// is refused the next one.
func TestAttestationRequired(t *testing.T) {
	tpm, err := attest.OpenTPM("simulator", nil)
	require.NoError(t, err)
	defer tpm.Close()
	require.NoError(t, tpm.Extend(4, []byte("approved boot loader"), "boot loader"))

	p := newPKI(t)
	pol := &attestPolicy{aks: map[common.Address][32]byte{}, states: map[[32]byte]attest.MeasurementState{}}
	// One simulated platform, measured three times: each node quotes the
	// boot it was started on.
	aliceOpt, _, alices := attestedNode(t, p, pol, tpm)
	require.NoError(t, tpm.Extend(4, []byte("kernel 6.1.1"), "kernel"))
	bobOpt, _, bobs := attestedNode(t, p, pol, tpm)
	require.NoError(t, tpm.Extend(4, []byte("unapproved kernel"), "kernel"))
	daveOpt, _, daves := attestedNode(t, p, pol, tpm)
	require.NotEqual(t, bobs, daves)
	pol.set(func() {
		pol.states[alices] = attest.MeasurementAllowed
		pol.states[bobs] = attest.MeasurementAllowed
	})

	tr := startRouter(t, "127.0.0.1:0", nil)
	defer tr.stop()
	alice := newSession(t, tr, p, serialize.CBOR, nil, aliceOpt)
	bob := newSession(t, tr, p, serialize.CBOR, nil, bobOpt)
	dave := newSession(t, tr, p, serialize.CBOR, nil, daveOpt)
	eb, ed := newEvents(), newEvents()
	require.NoError(t, bob.Subscribe("com.att.t", eb.handler, nil))
	require.NoError(t, dave.Subscribe("com.att.t", ed.handler, nil))

	require.NoError(t, alice.Publish("com.att.t", nil, wamp.List{"one"}, nil))
	require.Equal(t, wamp.List{"one"}, eb.next(t, 5*time.Second).Arguments)
	eventually(t, func() bool { return dave.Stats().KeyFetchFailures >= 1 }, "dave's key fetch fails")
	require.Equal(t, uint64(1), alice.Stats().KeyDenials[keydist.ErrorURIAttestation], "dave refused for his measurement")
	require.Empty(t, ed.ch)

	// The realm allows dave's measurement: he receives the next key.
	pol.set(func() { pol.states[daves] = attest.MeasurementAllowed })
	alice.RotateAll()
	require.NoError(t, alice.Publish("com.att.t", nil, wamp.List{"two"}, nil))
	require.Equal(t, wamp.List{"two"}, ed.next(t, 5*time.Second).Arguments)
	require.Equal(t, wamp.List{"two"}, eb.next(t, 5*time.Second).Arguments)

	// bob's measurement is revoked while he holds alice's key: the key
	// rotates, bob's resumed request is refused, his signed retry too.
	pol.set(func() { pol.states[bobs] = attest.MeasurementRevoked })
	alice.RevokeMeasurement(bobs)
	denied := alice.Stats().KeyDenials[keydist.ErrorURIAttestation]
	require.NoError(t, alice.Publish("com.att.t", nil, wamp.List{"three"}, nil))
	require.Equal(t, wamp.List{"three"}, ed.next(t, 5*time.Second).Arguments)
	eventually(t, func() bool { return alice.Stats().KeyDenials[keydist.ErrorURIAttestation] > denied }, "bob refused")
	require.GreaterOrEqual(t, alice.Stats().KeyDenials[keydist.ErrorURIAttestationRequired], uint64(1), "bob's resumed request needed fresh evidence")
	require.Empty(t, eb.ch)
}

// BenchmarkLateJoinerAttestation: a warm late joiner (its key request
// resumes; verdicts and chains cached) with and without an attestation-
// required realm, in the same run: the time from a publish after a
// rotation until the subscriber opened the event (key fetch included).
// Attested, each side also checks the other's remembered evidence against
// the policy (a verdict-cache hit) on every exchange.
func BenchmarkLateJoinerAttestation(b *testing.B) {
	tpm, err := attest.OpenTPM("simulator", nil)
	require.NoError(b, err)
	defer tpm.Close()
	tr := startRouterWith(b, routerOpts{noTap: true})
	b.Cleanup(tr.stop)
	for _, attested := range []bool{false, true} {
		name := "without"
		if attested {
			name = "with"
		}
		b.Run(name, func(b *testing.B) {
			p := newPKI(b)
			var pubOpt, subOpt nodeOpt = func(*session.Config) {}, func(*session.Config) {}
			if attested {
				pol := &attestPolicy{aks: map[common.Address][32]byte{}, states: map[[32]byte]attest.MeasurementState{}}
				var m [32]byte
				pubOpt, _, m = attestedNode(b, p, pol, tpm)
				subOpt, _, _ = attestedNode(b, p, pol, tpm)
				pol.set(func() { pol.states[m] = attest.MeasurementAllowed })
			}
			// Every rotated key is fetched (no push): the fetch is measured.
			pub := newSession(b, tr, p, serialize.MSGPACK, nil, pubOpt, noPush)
			sub := newSession(b, tr, p, serialize.MSGPACK, nil, subOpt)
			ev := newEvents()
			require.NoError(b, sub.Subscribe("bench.att", ev.handler, nil))
			require.NoError(b, pub.Publish("bench.att", nil, wamp.List{"x"}, nil))
			ev.next(b, 5*time.Second)
			d := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				pub.RotateAll()
				b.StartTimer()
				start := time.Now()
				require.NoError(b, pub.Publish("bench.att", nil, wamp.List{"x"}, nil))
				ev.next(b, 5*time.Second)
				d = append(d, time.Since(start))
			}
			slices.Sort(d)
			b.ReportMetric(us(loadgen.Percentile(d, 0.5)), "p50-µs")
			b.ReportMetric(us(loadgen.Percentile(d, 0.9)), "p90-µs")
			if st := sub.Stats(); st.ResumedKeyFetches != st.KeyFetches-1 {
				b.Fatalf("%d of %d key fetches after the first were resumed", st.ResumedKeyFetches, st.KeyFetches-1)
			}
		})
	}
}
