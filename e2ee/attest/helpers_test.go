package attest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// memPolicy is an in-memory PolicySource: a test double of the on-chain
// registry's attestation policy.
type memPolicy struct {
	mu       sync.Mutex
	required bool
	maxAge   time.Duration
	aks      map[common.Address][32]byte
	states   map[[32]byte]MeasurementState
	down     bool
	version  atomic.Uint64
	reads    atomic.Int64
}

func newMemPolicy() *memPolicy {
	return &memPolicy{required: true, aks: map[common.Address][32]byte{}, states: map[[32]byte]MeasurementState{}}
}

func (p *memPolicy) Attestation(_ context.Context, q Query) (Facts, error) {
	p.reads.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down {
		return Facts{}, e2ee.ErrTrustUnavailable
	}
	return Facts{Required: p.required, MaxAge: p.maxAge, AKDigest: p.aks[q.Delegate], Measurement: p.states[q.Measurement], Version: p.version.Load()}, nil
}

func (p *memPolicy) Version() uint64 { return p.version.Load() }

func (p *memPolicy) set(f func(p *memPolicy)) {
	p.mu.Lock()
	f(p)
	p.mu.Unlock()
	p.version.Add(1)
}

// testSubject is a delegate booted a minute ago.
func testSubject() Subject {
	return Subject{
		ChainID:  1337,
		Delegate: common.HexToAddress("0x00000000000000000000000000000000000000d1"),
		CSPubKey: [32]byte{1, 2, 3},
		BootedAt: uint64(time.Now().Add(-time.Minute).UnixNano()),
	}
}

var testRealm = common.HexToAddress("0x00000000000000000000000000000000000000aa")

// openSim opens the in-process simulator with a measured "boot" played
// into PCR 4 and closes it when t ends.
func openSim(t testing.TB, boot string) *TPM {
	t.Helper()
	tpm, err := OpenTPM("simulator", nil)
	require.NoError(t, err)
	t.Cleanup(func() { tpm.Close() })
	require.NoError(t, tpm.Extend(4, []byte(boot), "boot loader"))
	return tpm
}

// enrolled returns a policy that enrolls tpm's AK for s.Delegate and allows
// tpm's current measurement.
func enrolled(t testing.TB, tpm *TPM, s Subject) *memPolicy {
	t.Helper()
	p := newMemPolicy()
	m, _, err := tpm.Measurement()
	require.NoError(t, err)
	p.aks[s.Delegate] = tpm.AKDigest()
	p.states[m] = MeasurementAllowed
	return p
}
