package attest

import (
	"sync"
	"time"
)

// Prover produces a node's evidence for one subject (its delegate
// certificate and session key), quoting again when the last quote is older
// than half the age a realm accepts. It is safe for concurrent use.
type Prover struct {
	tpm     *TPM
	subject Subject

	mu       sync.Mutex
	evidence []byte
	quoted   time.Time
}

// NewProver returns a Prover quoting with tpm for s.
func NewProver(tpm *TPM, s Subject) *Prover { return &Prover{tpm: tpm, subject: s} }

// Evidence returns encoded evidence quoted less than maxAge/2 ago
// (maxAge ≤ 0: DefaultMaxAge), quoting anew when needed.
func (p *Prover) Evidence(maxAge time.Duration) ([]byte, error) {
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	now := p.tpm.now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.evidence != nil && now.Sub(p.quoted) < maxAge/2 {
		return p.evidence, nil
	}
	ev, err := p.tpm.Evidence(p.subject)
	if err != nil {
		return nil, err
	}
	p.evidence, p.quoted = ev, now
	return ev, nil
}
