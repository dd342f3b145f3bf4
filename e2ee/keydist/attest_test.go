package keydist_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// memAttestPolicy is an in-memory attest.PolicySource: a test double of the
// registry's attestation policy (the TPM is real: the simulator).
type memAttestPolicy struct {
	mu       sync.Mutex
	required bool
	maxAge   time.Duration
	aks      map[common.Address][32]byte
	states   map[[32]byte]attest.MeasurementState
	version  atomic.Uint64
}

func (p *memAttestPolicy) Attestation(_ context.Context, q attest.Query) (attest.Facts, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return attest.Facts{Required: p.required, MaxAge: p.maxAge, AKDigest: p.aks[q.Delegate], Measurement: p.states[q.Measurement], Version: p.version.Load()}, nil
}

func (p *memAttestPolicy) Version() uint64 { return p.version.Load() }

func (p *memAttestPolicy) set(f func(p *memAttestPolicy)) {
	p.mu.Lock()
	f(p)
	p.mu.Unlock()
	p.version.Add(1)
}

// attWorld is a world whose realm requires attestation: requester
// (delegate 1) and responder (delegate 2) run on one simulated platform
// (the in-process simulator, a real TPM 2.0 implementation), whose AK the
// policy enrolls for both and whose measurement it allows.
type attWorld struct {
	*world
	tpm    *attest.TPM
	policy *memAttestPolicy
	m      [32]byte
}

func newAttWorld(t *testing.T) *attWorld {
	t.Helper()
	f := loadFixture(t)
	tpm, err := attest.OpenTPM("simulator", nil)
	require.NoError(t, err)
	t.Cleanup(func() { tpm.Close() })
	require.NoError(t, tpm.Extend(4, []byte("approved boot loader"), "boot loader"))
	m, _, err := tpm.Measurement()
	require.NoError(t, err)
	pol := &memAttestPolicy{required: true, aks: map[common.Address][32]byte{
		f.del[1].Address(): tpm.AKDigest(), f.del[2].Address(): tpm.AKDigest(), f.del[3].Address(): tpm.AKDigest(),
	}, states: map[[32]byte]attest.MeasurementState{m: attest.MeasurementAllowed}}
	w := &world{f: f, now: time.Now(), trust: &trustRoot{root: f.del[0].Address()}}
	for i := range w.key {
		w.key[i] = byte(0xa0 + i)
	}
	w.scope = keydist.Scope{URI: "com.example.topic", Match: e2ee.MatchPrefix}
	aw := &attWorld{world: w, tpm: tpm, policy: pol, m: m}
	w.resp, err = keydist.NewResponder(keydist.ResponderConfig{Policy: aw.policyFor(t, 2, f.sess[7]), Identity: aw.identity(t, 2, f.sess[7])})
	require.NoError(t, err)
	w.req, err = keydist.NewRequester(keydist.RequesterConfig{Policy: aw.policyFor(t, 1, f.sess[6]), Identity: aw.identity(t, 1, f.sess[6])})
	require.NoError(t, err)
	return aw
}

func (aw *attWorld) identity(t *testing.T, del int, sess *keys.SessionKey) keydist.Identity {
	return keydist.Identity{Delegate: aw.f.del[del], Session: sess, Chain: aw.f.chain3(t, del, sess.PublicKey32(), chainOpts{})}
}

// subject is what delegate del's evidence binds (chain3's bootedAt).
func (aw *attWorld) subject(t *testing.T, del int, sess *keys.SessionKey) attest.Subject {
	c := aw.f.chain3(t, del, sess.PublicKey32(), chainOpts{})
	return attest.Subject{ChainID: testChainID, Delegate: aw.f.del[del].Address(), CSPubKey: sess.PublicKey32(), BootedAt: c[0].Delegate.BootedAt}
}

func (aw *attWorld) policyFor(t *testing.T, del int, sess *keys.SessionKey) keydist.Policy {
	p := aw.f.policy(aw.trust, &aw.now)
	p.Now = nil // evidence carries the wall clock
	p.Attestation = &keydist.Attestation{Policy: aw.policy, Evidence: attest.NewProver(aw.tpm, aw.subject(t, del, sess)).Evidence}
	return p
}

// TestAttestationRoundTrip: in an attestation-required realm the signed
// exchange carries evidence both ways, over the wire form, and both sides
// verify it; the resumed exchange carries none and relies on it.
func TestAttestationRoundTrip(t *testing.T) {
	aw := newAttWorld(t)
	ctx := context.Background()
	p, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.NotEmpty(t, p.Request.Evidence)
	kw, err := keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	require.Contains(t, kw, "attestation")
	req, err := keydist.DecodeRequest(kw)
	require.NoError(t, err)
	vr, err := aw.resp.VerifyRequest(ctx, req)
	require.NoError(t, err)
	resp, err := aw.resp.Respond(vr, &aw.key, aw.scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	require.NotEmpty(t, resp.Evidence)
	rkw, err := keydist.EncodeResponse(resp)
	require.NoError(t, err)
	resp2, err := keydist.DecodeResponse(rkw)
	require.NoError(t, err)
	key, err := aw.req.Open(ctx, p, resp2)
	require.NoError(t, err)
	assert.Equal(t, aw.key, key)
	assert.Equal(t, []common.Address{aw.f.del[1].Address()}, aw.resp.AttestedWith(aw.m))
	assert.Equal(t, []common.Address{aw.f.del[2].Address()}, aw.req.AttestedWith(aw.m))

	// Resumed: no evidence on the wire, the remembered evidence is checked.
	p, err = aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p.Request.Auth)
	require.Nil(t, p.Request.Evidence)
	vr, err = aw.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	resp, err = aw.resp.Respond(vr, &aw.key, aw.scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	require.Nil(t, resp.Evidence)
	_, err = aw.req.Open(ctx, p, resp)
	require.NoError(t, err)
}

// Outside attestation-required realms nothing changes on the wire.
func TestAttestationNotRequired(t *testing.T) {
	aw := newAttWorld(t)
	aw.policy.set(func(p *memAttestPolicy) { p.required = false })
	p, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Nil(t, p.Request.Evidence)
	kw, err := keydist.EncodeRequest(p.Request)
	require.NoError(t, err)
	require.NotContains(t, kw, "attestation")
	vr, err := aw.resp.VerifyRequest(context.Background(), p.Request)
	require.NoError(t, err)
	resp, err := aw.resp.Respond(vr, &aw.key, aw.scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	require.Nil(t, resp.Evidence)
}

// TestAttestationRefusals: each adversarial request is refused with
// ErrAttestation, its error URI, and the named attest reason.
func TestAttestationRefusals(t *testing.T) {
	ctx := context.Background()
	aw := newAttWorld(t)
	good, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	evA := good.Request.Evidence

	// Another requester (delegate 3, session key 8) on an attested platform.
	other, err := keydist.NewRequester(keydist.RequesterConfig{Policy: aw.policyFor(t, 3, aw.f.sess[8]), Identity: aw.identity(t, 3, aw.f.sess[8])})
	require.NoError(t, err)

	tamper := func(ev []byte, f func(e *attest.Evidence)) []byte {
		e, err := attest.DecodeEvidence(ev)
		require.NoError(t, err)
		f(e)
		b, err := attest.EncodeEvidence(e)
		require.NoError(t, err)
		return b
	}
	cases := []struct {
		name   string
		req    func() *keydist.KeyRequest
		policy func(p *memAttestPolicy)
		want   error
		uri    string
	}{
		{name: "evidence replayed for another session key and delegate", req: func() *keydist.KeyRequest {
			p, err := other.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
			require.NoError(t, err)
			p.Request.Evidence = evA
			resignRequest(t, p.Request, aw.f.del[3])
			return p.Request
		}, want: attest.ErrBinding},
		{name: "AK not enrolled for the delegate", policy: func(p *memAttestPolicy) { p.aks[aw.f.del[1].Address()] = [32]byte{1} }, want: attest.ErrAKNotEnrolled},
		{name: "PCR digest not allowed", policy: func(p *memAttestPolicy) { delete(p.states, aw.m) }, want: attest.ErrMeasurementNotAllowed},
		{name: "measurement revoked", policy: func(p *memAttestPolicy) { p.states[aw.m] = attest.MeasurementRevoked }, want: attest.ErrMeasurementRevoked},
		{name: "quote older than the policy", policy: func(p *memAttestPolicy) { p.maxAge = time.Nanosecond }, want: attest.ErrQuoteTooOld},
		{name: "tampered event log", req: func() *keydist.KeyRequest {
			r := *good.Request
			r.Evidence = tamper(evA, func(e *attest.Evidence) { e.Log[0].Description = "approved" })
			return &r
		}, want: attest.ErrEventLog},
		{name: "truncated evidence", req: func() *keydist.KeyRequest {
			r := *good.Request
			r.Evidence = evA[:len(evA)/2]
			return &r
		}, want: attest.ErrMalformed},
		{name: "garbage evidence", req: func() *keydist.KeyRequest {
			r := *good.Request
			r.Evidence = []byte{0xa6, 0x00}
			return &r
		}, want: attest.ErrMalformed},
		{name: "no evidence", req: func() *keydist.KeyRequest {
			r := *good.Request
			r.Evidence = nil
			return &r
		}, want: attest.ErrEvidenceRequired, uri: keydist.ErrorURIAttestationRequired},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			aw.policy.set(func(p *memAttestPolicy) {
				p.maxAge = 0
				p.aks[aw.f.del[1].Address()] = aw.tpm.AKDigest()
				p.states[aw.m] = attest.MeasurementAllowed
			})
			if tc.policy != nil {
				aw.policy.set(tc.policy)
			}
			var req *keydist.KeyRequest
			if tc.req != nil {
				req = tc.req()
			} else {
				p, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
				require.NoError(t, err)
				req = p.Request
			}
			req.Nonce[0] = byte(i) // a fresh nonce per case, signed below
			if req.Auth == keydist.AuthSignature {
				signer := aw.f.del[1]
				if req.CSPubKey == aw.f.sess[8].PublicKey32() {
					signer = aw.f.del[3]
				}
				resignRequest(t, req, signer)
			}
			_, err := aw.resp.VerifyRequest(ctx, req)
			require.ErrorIs(t, err, tc.want)
			uri := tc.uri
			if uri == "" {
				uri = keydist.ErrorURIAttestation
				require.ErrorIs(t, err, keydist.ErrAttestation)
			}
			assert.Equal(t, uri, keydist.ErrorURI(err))
			assert.NotEmpty(t, attest.Reason(err))
		})
	}
}

// A measurement revoked while keys are cached: the resumed exchange (which
// carries no evidence) is refused as attestation_required, and the signed
// retry with fresh evidence names the revocation. The revoked peers are
// known (AttestedWith) so that the node can rotate the keys they fetched.
func TestAttestationRevokedWhileCached(t *testing.T) {
	ctx := context.Background()
	aw := newAttWorld(t)
	roundTrip(t, aw.world)
	require.Equal(t, []common.Address{aw.f.del[1].Address()}, aw.resp.AttestedWith(aw.m))
	aw.policy.set(func(p *memAttestPolicy) { p.states[aw.m] = attest.MeasurementRevoked })

	p, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthMAC, p.Request.Auth)
	_, err = aw.resp.VerifyRequest(ctx, p.Request)
	require.ErrorIs(t, err, keydist.ErrAttestationRequired)
	require.ErrorIs(t, err, attest.ErrMeasurementRevoked)
	assert.Equal(t, keydist.ErrorURIAttestationRequired, keydist.ErrorURI(err))

	aw.req.Forget(p)
	p, err = aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	require.Equal(t, keydist.AuthSignature, p.Request.Auth)
	_, err = aw.resp.VerifyRequest(ctx, p.Request)
	require.ErrorIs(t, err, keydist.ErrAttestation)
	require.ErrorIs(t, err, attest.ErrMeasurementRevoked)
}

// The requester checks the responder the same way: a responder whose AK is
// not enrolled is refused, its key not opened.
func TestAttestationRequesterChecksResponder(t *testing.T) {
	ctx := context.Background()
	aw := newAttWorld(t)
	p, err := aw.req.NewRequest(testKeyID, testURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	vr, err := aw.resp.VerifyRequest(ctx, p.Request)
	require.NoError(t, err)
	resp, err := aw.resp.Respond(vr, &aw.key, aw.scope, time.Now().Add(time.Hour))
	require.NoError(t, err)
	aw.policy.set(func(p *memAttestPolicy) { p.aks[aw.f.del[2].Address()] = [32]byte{2} })
	_, err = aw.req.Open(ctx, p, resp)
	require.ErrorIs(t, err, keydist.ErrAttestation)
	require.ErrorIs(t, err, attest.ErrAKNotEnrolled)

	// A response without evidence is refused as well.
	aw.policy.set(func(p *memAttestPolicy) { p.aks[aw.f.del[2].Address()] = aw.tpm.AKDigest() })
	resp.Evidence = nil
	_, err = aw.req.Open(ctx, p, resp)
	require.ErrorIs(t, err, attest.ErrEvidenceRequired)
}
