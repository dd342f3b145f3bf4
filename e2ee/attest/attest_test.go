package attest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

func TestEvidenceVerifies(t *testing.T) {
	tpm := openSim(t, "approved")
	s := testSubject()
	p := enrolled(t, tpm, s)
	ev, err := tpm.Evidence(s)
	require.NoError(t, err)
	v := NewVerifier(Config{Policy: p})
	vd, err := v.Verify(context.Background(), Request{Realm: testRealm, Subject: s, Evidence: ev})
	require.NoError(t, err)
	m, _, err := tpm.Measurement()
	require.NoError(t, err)
	assert.Equal(t, m, vd.Measurement)
	assert.Equal(t, tpm.AKDigest(), vd.AKDigest)
	assert.WithinDuration(t, time.Now().Add(DefaultMaxAge), vd.ExpiresAt, time.Minute)

	// The carried event log names what was measured.
	dec, err := DecodeEvidence(ev)
	require.NoError(t, err)
	require.Len(t, dec.Log, 1)
	assert.Equal(t, "boot loader", dec.Log[0].Description)
}

// mutate decodes ev, applies f and re-encodes without validation.
func mutate(t *testing.T, ev []byte, f func(e *Evidence)) []byte {
	t.Helper()
	e, err := DecodeEvidence(ev)
	require.NoError(t, err)
	f(e)
	b, err := evEnc.Marshal(e)
	require.NoError(t, err)
	return b
}

func TestEvidenceRefusals(t *testing.T) {
	tpm := openSim(t, "approved")
	s := testSubject()
	good, err := tpm.Evidence(s)
	require.NoError(t, err)
	m, _, err := tpm.Measurement()
	require.NoError(t, err)

	// Evidence quoted 25 h ago (the TPM signs whatever quote time the node
	// binds; the verifier bounds it by bootedAt and the realm's maximum age).
	old := s
	old.BootedAt = uint64(time.Now().Add(-48 * time.Hour).UnixNano())
	tpm.now = func() time.Time { return time.Now().Add(-25 * time.Hour) }
	stale, err := tpm.Evidence(old)
	require.NoError(t, err)
	tpm.now = func() time.Time { return time.Now().Add(10 * time.Minute) }
	future, err := tpm.Evidence(s)
	require.NoError(t, err)
	tpm.now = time.Now

	other := func(f func(*Subject)) Subject { c := s; f(&c); return c }

	cases := []struct {
		name    string
		subject Subject
		ev      []byte
		policy  func(p *memPolicy)
		want    error
	}{
		{name: "another session key", subject: other(func(c *Subject) { c.CSPubKey[0] ^= 1 }), ev: good, want: ErrBinding},
		{name: "another delegate", subject: other(func(c *Subject) { c.Delegate[19] ^= 1 }), ev: good, policy: func(p *memPolicy) {
			p.aks[other(func(c *Subject) { c.Delegate[19] ^= 1 }).Delegate] = tpm.AKDigest()
		}, want: ErrBinding},
		{name: "another chain", subject: other(func(c *Subject) { c.ChainID++ }), ev: good, want: ErrBinding},
		{name: "another boot", subject: other(func(c *Subject) { c.BootedAt-- }), ev: good, want: ErrBinding},
		{name: "quote before bootedAt", subject: other(func(c *Subject) { c.BootedAt = uint64(time.Now().Add(time.Minute).UnixNano()) }), ev: good, want: ErrQuoteBeforeBoot},
		{name: "AK not enrolled", subject: s, ev: good, policy: func(p *memPolicy) { p.aks[s.Delegate] = [32]byte{9} }, want: ErrAKNotEnrolled},
		{name: "no AK enrolled", subject: s, ev: good, policy: func(p *memPolicy) { delete(p.aks, s.Delegate) }, want: ErrAKNotEnrolled},
		{name: "measurement not allowed", subject: s, ev: good, policy: func(p *memPolicy) { delete(p.states, m) }, want: ErrMeasurementNotAllowed},
		{name: "measurement revoked", subject: s, ev: good, policy: func(p *memPolicy) { p.states[m] = MeasurementRevoked }, want: ErrMeasurementRevoked},
		{name: "older than the policy", subject: old, ev: stale, want: ErrQuoteTooOld},
		{name: "older than a shorter policy", subject: s, ev: good, policy: func(p *memPolicy) { p.maxAge = time.Millisecond }, want: ErrQuoteTooOld},
		{name: "quote in the future", subject: s, ev: future, want: ErrQuoteInFuture},
		{name: "event log: digest changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Log[0].Digest = make([]byte, 32) }), want: ErrEventLog},
		{name: "event log: description changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Log[0].Description = "approved boot loader" }), want: ErrEventLog},
		{name: "event log: other PCR", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Log[0].PCR = 5 }), want: ErrEventLog},
		{name: "event log: unquoted PCR", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Log[0].PCR = 9 }), want: ErrEventLog},
		{name: "PCR value changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.PCRs[0] = make([]byte, 32); e.PCRs[0][0] = 1 }), want: ErrPCRDigest},
		{name: "PCR dropped", subject: s, ev: mutate(t, good, func(e *Evidence) { e.PCRs = e.PCRs[1:] }), want: ErrPCRDigest},
		{name: "signature changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Signature[len(e.Signature)-1] ^= 1 }), want: ErrSignature},
		{name: "quote changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.Quote[len(e.Quote)-1] ^= 1 }), want: ErrSignature},
		{name: "quote time changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.QuotedAt-- }), want: ErrBinding},
		{name: "AK changed", subject: s, ev: mutate(t, good, func(e *Evidence) { e.AK[len(e.AK)-1] ^= 1 }), want: ErrSignature},
		{name: "no evidence", subject: s, ev: nil, want: ErrEvidenceRequired},
		{name: "truncated", subject: s, ev: good[:len(good)-1], want: ErrMalformed},
		{name: "trailing byte", subject: s, ev: append(append([]byte(nil), good...), 0), want: ErrMalformed},
		{name: "garbage", subject: s, ev: []byte("garbage evidence"), want: ErrMalformed},
		{name: "oversized", subject: s, ev: make([]byte, MaxEvidenceSize+1), want: ErrMalformed},
		{name: "policy unavailable", subject: s, ev: good, policy: func(p *memPolicy) { p.down = true }, want: ErrPolicyUnavailable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := enrolled(t, tpm, s)
			if tc.policy != nil {
				p.set(tc.policy)
			}
			_, err := NewVerifier(Config{Policy: p}).Verify(context.Background(), Request{Realm: testRealm, Subject: tc.subject, Evidence: tc.ev})
			require.ErrorIs(t, err, tc.want)
			if tc.want == ErrPolicyUnavailable {
				assert.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
				assert.NotErrorIs(t, err, e2ee.ErrUntrusted)
			} else {
				assert.ErrorIs(t, err, e2ee.ErrUntrusted)
			}
			assert.NotEmpty(t, Reason(err))
		})
	}
}

func TestVerdictCache(t *testing.T) {
	tpm := openSim(t, "approved")
	s := testSubject()
	p := enrolled(t, tpm, s)
	ev, err := tpm.Evidence(s)
	require.NoError(t, err)
	v := NewVerifier(Config{Policy: p})
	req := Request{Realm: testRealm, Subject: s, Evidence: ev}
	_, err = v.Verify(context.Background(), req)
	require.NoError(t, err)
	reads := p.reads.Load()
	_, err = v.Verify(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, reads, p.reads.Load(), "a cached verdict reads no policy")

	// The same evidence for another subject is not a hit.
	other := req
	other.Subject.CSPubKey[0] ^= 1
	_, err = v.Verify(context.Background(), other)
	require.ErrorIs(t, err, ErrBinding)

	// Revoking the measurement moves the version: the cached verdict is not used.
	m, _, err := tpm.Measurement()
	require.NoError(t, err)
	p.set(func(p *memPolicy) { p.states[m] = MeasurementRevoked })
	_, err = v.Verify(context.Background(), req)
	require.ErrorIs(t, err, ErrMeasurementRevoked)

	// A verdict expires with the quote's age.
	p.set(func(p *memPolicy) { p.states[m] = MeasurementAllowed })
	_, err = v.Verify(context.Background(), req)
	require.NoError(t, err)
	req.At = time.Now().Add(DefaultMaxAge)
	_, err = v.Verify(context.Background(), req)
	require.ErrorIs(t, err, ErrQuoteTooOld)
}

// A quote from an earlier TPM boot than one already seen from the same AK is
// refused: the reset count only grows.
func TestQuoteFromEarlierBoot(t *testing.T) {
	tpm := openSim(t, "approved")
	s := testSubject()
	before, err := tpm.Evidence(s)
	require.NoError(t, err)
	require.NoError(t, tpm.Reboot())
	require.NoError(t, tpm.Extend(4, []byte("approved"), "boot loader"))
	after, err := tpm.Evidence(s)
	require.NoError(t, err)
	p := enrolled(t, tpm, s)
	v := NewVerifier(Config{Policy: p})
	_, err = v.Verify(context.Background(), Request{Realm: testRealm, Subject: s, Evidence: after})
	require.NoError(t, err)
	_, err = v.Verify(context.Background(), Request{Realm: testRealm, Subject: s, Evidence: before})
	require.ErrorIs(t, err, ErrQuoteBeforeBoot)
}

// A platform that booted something else has another measurement.
func TestMeasurementDiffers(t *testing.T) {
	tpm := openSim(t, "approved")
	s := testSubject()
	p := enrolled(t, tpm, s)
	require.NoError(t, tpm.Extend(4, []byte("unapproved kernel"), "kernel"))
	ev, err := tpm.Evidence(s)
	require.NoError(t, err)
	_, err = NewVerifier(Config{Policy: p}).Verify(context.Background(), Request{Realm: testRealm, Subject: s, Evidence: ev})
	require.ErrorIs(t, err, ErrMeasurementNotAllowed)
}

func TestOpenTPMErrors(t *testing.T) {
	for _, spec := range []string{"device:/nonexistent/tpm", "swtpm:", "swtpm:127.0.0.1:1", "tpm", "simulator:x"} {
		_, err := OpenTPM(spec, nil)
		assert.Error(t, err, spec)
	}
	_, err := OpenTPM("simulator", []int{24})
	assert.Error(t, err)
	assert.False(t, errors.Is(err, nil))
}

func TestMeasurementBindsSelection(t *testing.T) {
	d := make([]byte, 32)
	assert.NotEqual(t, Measurement([]int{0, 1}, d), Measurement([]int{0, 2}, d))
	assert.Equal(t, Measurement([]int{0, 1}, d), Measurement([]int{0, 1}, d))
	_ = common.Address{}
}

func TestSelectionBitmap(t *testing.T) {
	assert.Equal(t, uint32(0x40ff), SelectionBitmap(DefaultPCRs))
	assert.Equal(t, DefaultPCRs, SelectionPCRs(0x40ff))
}
