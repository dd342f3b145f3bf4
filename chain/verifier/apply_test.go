package verifier

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// keyLog records what the revocation policy asked of a node.
type keyLog struct {
	revoked []common.Address
	rotated int
}

func (k *keyLog) Revoke(d common.Address) { k.revoked = append(k.revoked, d) }
func (k *keyLog) RotateAll()              { k.rotated++ }

func TestApply(t *testing.T) {
	d := common.Address{0xde}
	for _, c := range []struct {
		r       Revocation
		revoked []common.Address
		rotated int
	}{
		{Revocation{Kind: RevokedDelegate, Delegate: d}, []common.Address{d}, 0},
		{Revocation{Kind: RevokedDelegate}, nil, 1},
		// A delegate whose new window has not begun: rotate, never refuse for good.
		{Revocation{Kind: SuspendedDelegate, Delegate: d}, nil, 1},
		{Revocation{Kind: RevokedAllDelegates, Issuer: d}, nil, 1},
		{Revocation{Kind: RevokedByEpoch}, nil, 1},
		{Revocation{Kind: RetiredRoot}, nil, 1},
		{Revocation{Kind: RemovedOperator, Issuer: d}, nil, 1},
		{Revocation{Kind: RevokedCertificate, Issuer: d}, nil, 1},
		{Revocation{Kind: MovedRealm}, nil, 1},
		{Revocation{Kind: Resync}, nil, 1},
		{Revocation{Kind: 200, Delegate: d}, nil, 1}, // a kind this policy does not know: fail closed
	} {
		t.Run(c.r.Kind.String(), func(t *testing.T) {
			var k keyLog
			Apply(&k, c.r)
			require.Equal(t, c.revoked, k.revoked)
			require.Equal(t, c.rotated, k.rotated)
		})
	}
}

// attLog is a keyLog that also takes attestation reports.
type attLog struct {
	keyLog
	measurements [][32]byte
	changed      []common.Address
}

func (k *attLog) RevokeMeasurement(m [32]byte)        { k.measurements = append(k.measurements, m) }
func (k *attLog) AttestationChanged(d common.Address) { k.changed = append(k.changed, d) }

// Attestation reports touch only the peers they concern when the holder
// knows them, and rotate everything when it does not.
func TestApplyAttestation(t *testing.T) {
	m, d := common.Hash{0x4d}, common.Address{0xde}
	var k attLog
	Apply(&k, Revocation{Kind: RevokedMeasurement, Digest: m})
	Apply(&k, Revocation{Kind: AttestationChanged, Delegate: d})
	Apply(&k, Revocation{Kind: AttestationChanged})
	require.Equal(t, [][32]byte{m}, k.measurements)
	require.Equal(t, []common.Address{d, {}}, k.changed)
	require.Zero(t, k.rotated)

	var plain keyLog
	Apply(&plain, Revocation{Kind: RevokedMeasurement, Digest: m})
	Apply(&plain, Revocation{Kind: AttestationChanged, Delegate: d})
	require.Equal(t, 2, plain.rotated)
}

// TestQueueOverflowResyncs: a report dropped because the queue was full
// still rotates every key (a Resync applied after the next report).
func TestQueueOverflowResyncs(t *testing.T) {
	q := NewQueue(2)
	a, b, lost := common.Address{1}, common.Address{2}, common.Address{3}
	for _, d := range []common.Address{a, b, lost} {
		q.Report(Revocation{Kind: RevokedDelegate, Delegate: d})
	}
	var k keyLog
	var applied []RevocationKind
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		q.Run(stop, &k, func(r Revocation) {
			applied = append(applied, r.Kind)
			if len(applied) == 3 {
				close(stop)
			}
		})
	}()
	<-done
	require.Equal(t, []common.Address{a, b}, k.revoked)
	require.Equal(t, 1, k.rotated)
	require.Equal(t, []RevocationKind{RevokedDelegate, Resync, RevokedDelegate}, applied)
}
