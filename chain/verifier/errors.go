package verifier

import (
	"errors"
	"fmt"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

var (
	// ErrUnreachable: the chain could not be read and no verdict exists. It is always wrapped
	// together with e2ee.ErrTrustUnavailable.
	ErrUnreachable = errors.New("chain unreachable")
	// ErrStale: a verdict exists but is older than the staleness bound (or the event stream that
	// would invalidate it is down), and re-reading failed; or the endpoint cannot answer at the
	// follower's processed block and reports an older head, twice (see the package
	// documentation). Wrapped with e2ee.ErrTrustUnavailable.
	ErrStale = errors.New("verdict stale")
	// ErrWrongRegistry: the configured address holds no TrustRegistry for this chain.
	ErrWrongRegistry = errors.New("no trust registry at the configured address")
	// ErrClosed: the verifier was closed.
	ErrClosed = errors.New("verifier closed")
)

// Reasons of an UntrustedError that are not AuthorizationStatus values.
const (
	ReasonCertificateRevoked = "CertificateRevoked"
	ReasonNotConfirmed       = "NotConfirmed"
	ReasonRootMismatch       = "TrustrootMismatch"
	ReasonRealmNotConfigured = "RealmNotConfigured"
	ReasonWrongChain         = "WrongChainOrRegistry"
	ReasonRealmMismatch      = "RealmMismatch"
	ReasonCapabilities       = "MissingCapability"
	ReasonBadRequest         = "BadRequest"
	// ReasonURINotAllowed: Config.Rules do not allow the role on the URI, or the delegate lacks
	// the capabilities the matching rule requires.
	ReasonURINotAllowed = "URINotAllowed"
)

// UntrustedError is a definite no. It matches e2ee.ErrUntrusted with errors.Is.
type UntrustedError struct {
	// Reason is the AuthorizationStatus name from the registry (e.g. "Revoked",
	// "RevokedByRootEpoch") or one of the Reason* constants.
	Reason string
	// Status is the registry's status when Reason comes from it (StatusValid otherwise).
	Status chain.AuthorizationStatus
	// Detail says what was compared, without key material.
	Detail string
}

// Error implements error.
func (e *UntrustedError) Error() string {
	return fmt.Sprintf("on-chain trust: %s: %s: %s", e2ee.ErrUntrusted, e.Reason, e.Detail)
}

// Unwrap returns e2ee.ErrUntrusted.
func (e *UntrustedError) Unwrap() error { return e2ee.ErrUntrusted }

func untrusted(reason, format string, args ...any) error {
	return &UntrustedError{Reason: reason, Detail: fmt.Sprintf(format, args...)}
}

func unavailable(kind error, format string, args ...any) error {
	return fmt.Errorf("on-chain trust: %w: %w: %s", e2ee.ErrTrustUnavailable, kind, fmt.Sprintf(format, args...))
}
