package attest

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// MeasurementState is what a realm's policy says about one measurement.
type MeasurementState uint8

const (
	// MeasurementUnknown: the realm never allowed it (or withdrew it).
	MeasurementUnknown MeasurementState = iota
	// MeasurementAllowed: allowed and not revoked.
	MeasurementAllowed
	// MeasurementRevoked: revoked (the realm may allow it again).
	MeasurementRevoked
)

// Query asks a PolicySource about one peer's evidence.
type Query struct {
	// Realm is the realm's address.
	Realm common.Address
	// Issuer is the CA that authorized Delegate (e2ee.TrustDecision.Issuer).
	Issuer common.Address
	// Delegate is the peer's delegate address.
	Delegate common.Address
	// Measurement is the evidence's measurement (Measurement); zero asks only
	// about the realm and the AK.
	Measurement [32]byte
}

// Facts is what a realm's policy says about a Query. The zero value means
// attestation is not required.
type Facts struct {
	// Required: the realm requires attestation.
	Required bool
	// MaxAge is the largest quote age the realm accepts (0: DefaultMaxAge).
	MaxAge time.Duration
	// PCRSelection is the realm's PCR selection (bit i = SHA-256 PCR i): what
	// its nodes quote. Zero when not required. A quote over another selection
	// has another measurement (Measurement binds it), so it is not allowed.
	PCRSelection uint32
	// AKDigest is the AK digest (AKDigest) enrolled for (Issuer, Realm,
	// Delegate); zero if none.
	AKDigest [32]byte
	// Measurement is the state of Query.Measurement in Realm.
	Measurement MeasurementState
	// Version is the PolicySource's Version the answer was read at (or
	// before).
	Version uint64
}

// DefaultMaxAge is the quote age a realm accepts when its policy sets none.
const DefaultMaxAge = 24 * time.Hour

// MaxClockSkew is how far a quote time may be ahead of the verifier's clock.
const MaxClockSkew = 60 * time.Second

// PolicySource is a realm's attestation policy as a node can read it. The
// on-chain verifier (package chain/verifier) implements it from the
// registry; implementations must be safe for concurrent use.
type PolicySource interface {
	// Attestation answers q. When it cannot read (endpoint down, state too
	// stale) it returns an error wrapping e2ee.ErrTrustUnavailable; callers
	// fail closed. It must not block beyond ctx.
	Attestation(ctx context.Context, q Query) (Facts, error)
	// Version is cheap and does not block: it changes whenever an answer of
	// Attestation may have changed (any attestation event, an AK enrollment
	// change, a resynchronisation). Verdict caches key on it.
	Version() uint64
}

// SelectionPCRs returns the PCRs of a selection bitmap, ascending.
func SelectionPCRs(bitmap uint32) []int {
	var out []int
	for i := 0; i < MaxPCRs; i++ {
		if bitmap&(1<<uint(i)) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// SelectionBitmap returns the bitmap of pcrs (bit i = PCR i).
func SelectionBitmap(pcrs []int) uint32 {
	var b uint32
	for _, p := range pcrs {
		if p >= 0 && p < MaxPCRs {
			b |= 1 << uint(p)
		}
	}
	return b
}
