package keydist

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// Attestation makes key distribution enforce remote attestation
// (docs/protocol.md §5) in the realms whose policy requires it: a key is
// served only to a requester whose TPM evidence verifies (package attest),
// and a response is accepted only from a responder whose evidence does.
// Evidence travels in signed exchanges (the first one with a peer, and the
// fallbacks); resumed exchanges rely on the evidence remembered for the
// peer, verified again (from the verdict cache) against the current policy
// on every exchange. In realms that do not require attestation nothing
// changes, on the wire or in the checks.
type Attestation struct {
	// Policy is the realms' attestation policy (the on-chain verifier).
	// Required.
	Policy attest.PolicySource
	// Verifier checks peers' evidence; nil: one over Policy.
	Verifier *attest.Verifier
	// Evidence returns this node's own encoded evidence, quoted less than
	// maxAge/2 ago (attest.Prover). Nil: the node has no TPM; it sends no
	// evidence, and peers in an attestation-required realm refuse it.
	Evidence func(maxAge time.Duration) ([]byte, error)
}

// ErrAttestation: the peer's evidence was refused, or the realm requires
// attestation and the peer sent none. The cause matches the attest
// sentinel of the reason (attest.ErrMeasurementRevoked, …; attest.Reason
// names it). ErrAttestationRequired is the subset the peer can cure by
// sending (fresh) evidence in a signed exchange.
var (
	ErrAttestation         = errors.New("keydist: attestation refused")
	ErrAttestationRequired = errors.New("keydist: attestation evidence required")
)

// Error URIs of attestation refusals.
const (
	// ErrorURIAttestation: the requester's evidence was refused.
	ErrorURIAttestation = "wamp.e2ee.error.key_request.attestation"
	// ErrorURIAttestationRequired: the responder holds no (valid) evidence
	// for a resumed request; the requester retries signed, with evidence.
	ErrorURIAttestationRequired = "wamp.e2ee.error.key_request.attestation_required"
)

// attested is the evidence remembered for a peer (by CS key and chain).
type attested struct {
	evidence    []byte
	digest      [32]byte
	delegate    common.Address
	measurement [32]byte
}

// attestState is a party's attestation enforcement.
type attestState struct {
	cfg   Attestation
	peers *peerCache[knownPeer, attested]
}

func newAttestState(a *Attestation, size int) (*attestState, error) {
	if a == nil {
		return nil, nil
	}
	if a.Policy == nil {
		return nil, failf("config", ErrMalformed, "attestation needs a policy source")
	}
	cfg := *a
	if cfg.Verifier == nil {
		cfg.Verifier = attest.NewVerifier(attest.Config{Policy: cfg.Policy})
	}
	return &attestState{cfg: cfg, peers: newPeerCache[knownPeer, attested](size)}, nil
}

// required reads whether realm requires attestation, and its quote age.
func (a *attestState) required(ctx context.Context, realm common.Address) (bool, time.Duration, error) {
	if a == nil {
		return false, 0, nil
	}
	f, err := a.cfg.Policy.Attestation(ctx, attest.Query{Realm: realm})
	if err != nil {
		return false, 0, fail("attestation", ErrTrustUnavailable, err)
	}
	return f.Required, f.MaxAge, nil
}

// own returns this node's evidence for a realm that requires attestation.
func (a *attestState) own(ctx context.Context, realm common.Address) ([]byte, error) {
	if a == nil || a.cfg.Evidence == nil {
		return nil, nil
	}
	req, maxAge, err := a.required(ctx, realm)
	if err != nil || !req {
		return nil, err
	}
	if maxAge <= 0 {
		maxAge = attest.DefaultMaxAge
	}
	ev, err := a.cfg.Evidence(maxAge)
	if err != nil {
		return nil, fail("attestation", ErrAttestation, err)
	}
	return ev, nil
}

// check enforces the realm's attestation policy on a peer whose chain vc
// was verified and whose trust decision named issuer: the evidence it sent
// (a signed message) or, if none, the evidence remembered for it. resumed
// says the message was resumed: a refusal of remembered evidence is then
// ErrAttestationRequired, which the peer cures with a signed exchange.
func (a *attestState) check(ctx context.Context, chainID uint64, realm, issuer common.Address, vc *cert.VerifiedChain,
	peer knownPeer, evidence []byte, at time.Time,
) error {
	req, _, err := a.required(ctx, realm)
	if err != nil || !req {
		return err
	}
	fresh := len(evidence) > 0
	var digest [32]byte
	if fresh {
		digest = attest.Digest(evidence)
	} else {
		m, ok := a.peers.get(peer)
		if !ok {
			return fail("attestation", ErrAttestationRequired, attest.ErrEvidenceRequired)
		}
		evidence, digest = m.evidence, m.digest
	}
	d := vc.Delegate()
	vd, err := a.cfg.Verifier.Verify(ctx, attest.Request{
		Realm:    realm,
		Issuer:   issuer,
		Subject:  attest.Subject{ChainID: chainID, Delegate: d.Delegate, CSPubKey: peer.cs, BootedAt: d.BootedAt},
		Evidence: evidence,
		Digest:   digest,
		At:       at,
	})
	switch {
	case err == nil:
	case errors.Is(err, attest.ErrPolicyUnavailable):
		return fail("attestation", ErrTrustUnavailable, err)
	case !fresh:
		return fail("attestation", ErrAttestationRequired, err)
	default:
		return fail("attestation", ErrAttestation, err)
	}
	if fresh {
		a.peers.put(peer, attested{evidence: append([]byte(nil), evidence...), digest: digest, delegate: d.Delegate, measurement: vd.Measurement})
	}
	return nil
}

// withMeasurement returns the delegates whose remembered evidence has
// measurement m.
func (a *attestState) withMeasurement(m [32]byte) []common.Address {
	if a == nil {
		return nil
	}
	a.peers.mu.Lock()
	defer a.peers.mu.Unlock()
	var out []common.Address
	for _, v := range a.peers.entries {
		if v.measurement == m {
			out = append(out, v.delegate)
		}
	}
	return out
}

// AttestedWith returns the delegates that answered this Requester with
// evidence of measurement m (to drop the keys they issued when m is
// revoked).
func (q *Requester) AttestedWith(m [32]byte) []common.Address { return q.att.withMeasurement(m) }

// AttestedWith returns the requesters whose evidence had measurement m (to
// rotate the keys they fetched when m is revoked).
func (r *Responder) AttestedWith(m [32]byte) []common.Address { return r.att.withMeasurement(m) }
