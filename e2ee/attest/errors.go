package attest

import (
	"errors"
	"fmt"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// Refusals. Each matches e2ee.ErrUntrusted too (errors.Is), except
// ErrPolicyUnavailable, which matches e2ee.ErrTrustUnavailable: the caller
// fails closed and may retry.
var (
	// ErrMalformed: the evidence does not decode (truncated, oversized,
	// garbage, unknown fields, a TPM structure that does not parse).
	ErrMalformed = errors.New("attestation: malformed evidence")
	// ErrEvidenceRequired: the realm requires attestation and the peer sent
	// none (or none is cached for it).
	ErrEvidenceRequired = errors.New("attestation: evidence required")
	// ErrNotAttestationKey: the key that signed is not a restricted signing
	// key fixed to its TPM.
	ErrNotAttestationKey = errors.New("attestation: not an attestation key")
	// ErrSignature: the quote's signature does not verify under the AK.
	ErrSignature = errors.New("attestation: bad quote signature")
	// ErrBinding: the quote's qualifying data is for another session key,
	// delegate, chain, bootedAt or quote time (replayed evidence).
	ErrBinding = errors.New("attestation: evidence bound to another subject")
	// ErrPCRDigest: the PCR values do not hash to the quote's PCR digest, or
	// the selection is not a SHA-256 selection.
	ErrPCRDigest = errors.New("attestation: PCR values do not match the quote")
	// ErrEventLog: the event log does not replay to the quoted PCR values.
	ErrEventLog = errors.New("attestation: event log does not match the PCRs")
	// ErrClockUnsafe: the TPM reports that its clock may have gone back.
	ErrClockUnsafe = errors.New("attestation: TPM clock not safe")
	// ErrQuoteBeforeBoot: the quote was taken before the delegate's bootedAt,
	// or in an earlier TPM boot (reset count) than a quote already seen from
	// the same AK.
	ErrQuoteBeforeBoot = errors.New("attestation: quote from before boot")
	// ErrQuoteInFuture: the quote time is ahead of the verifier's clock by
	// more than MaxClockSkew.
	ErrQuoteInFuture = errors.New("attestation: quote time in the future")
	// ErrQuoteTooOld: the quote is older than the realm's maximum age.
	ErrQuoteTooOld = errors.New("attestation: quote too old")
	// ErrAKNotEnrolled: the AK is not the one enrolled for the delegate.
	ErrAKNotEnrolled = errors.New("attestation: attestation key not enrolled for the delegate")
	// ErrMeasurementNotAllowed: the realm does not allow the measurement.
	ErrMeasurementNotAllowed = errors.New("attestation: measurement not allowed")
	// ErrMeasurementRevoked: the realm revoked the measurement.
	ErrMeasurementRevoked = errors.New("attestation: measurement revoked")
	// ErrPolicyUnavailable: the realm's policy could not be read.
	ErrPolicyUnavailable = errors.New("attestation: policy unavailable")
)

// refusal wraps a sentinel so that it matches the sentinel and
// e2ee.ErrUntrusted (or e2ee.ErrTrustUnavailable for ErrPolicyUnavailable).
type refusal struct {
	sentinel error
	detail   string
}

func (r *refusal) Error() string {
	if r.detail == "" {
		return r.sentinel.Error()
	}
	return r.sentinel.Error() + ": " + r.detail
}

func (r *refusal) Is(target error) bool {
	if target == r.sentinel {
		return true
	}
	if r.sentinel == ErrPolicyUnavailable {
		return target == e2ee.ErrTrustUnavailable
	}
	return target == e2ee.ErrUntrusted
}

func refuse(sentinel error, format string, args ...any) error {
	return &refusal{sentinel: sentinel, detail: fmt.Sprintf(format, args...)}
}

// Reason names the sentinel err matches, for metrics and error URIs
// ("malformed", "signature", …); "" if none.
func Reason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.name
		}
	}
	return ""
}

var reasons = []struct {
	err  error
	name string
}{
	{ErrMalformed, "malformed"},
	{ErrEvidenceRequired, "evidence_required"},
	{ErrNotAttestationKey, "not_attestation_key"},
	{ErrSignature, "signature"},
	{ErrBinding, "binding"},
	{ErrPCRDigest, "pcr_digest"},
	{ErrEventLog, "event_log"},
	{ErrClockUnsafe, "clock_unsafe"},
	{ErrQuoteBeforeBoot, "before_boot"},
	{ErrQuoteInFuture, "in_future"},
	{ErrQuoteTooOld, "too_old"},
	{ErrAKNotEnrolled, "ak_not_enrolled"},
	{ErrMeasurementNotAllowed, "measurement_not_allowed"},
	{ErrMeasurementRevoked, "measurement_revoked"},
	{ErrPolicyUnavailable, "policy_unavailable"},
}
