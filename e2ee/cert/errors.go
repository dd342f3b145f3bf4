package cert

import (
	"errors"
	"fmt"
)

// Sentinel errors of chain verification. Every *RuleError matches ErrChain
// and exactly one of the others with errors.Is.
var (
	// ErrChain matches every chain verification failure.
	ErrChain = errors.New("certificate chain invalid")
	// ErrMalformed: the chain is empty, too long, or a certificate is not
	// well-formed.
	ErrMalformed = errors.New("malformed certificate chain")
	// ErrWrongChain (CCR-1): chainId or verifyingContract differs from the
	// expected one.
	ErrWrongChain = errors.New("certificate for another chain or contract")
	// ErrNotYetValid (CCR-1): validFrom is after the current block.
	ErrNotYetValid = errors.New("certificate not yet valid")
	// ErrRealm (CCR-2): realms differ between certificates or from the
	// expected realm.
	ErrRealm = errors.New("certificate realm mismatch")
	// ErrStructure (CCR-3): the first certificate is not a delegate
	// certificate or a later one is not an authority certificate.
	ErrStructure = errors.New("certificate chain structure")
	// ErrRootNotSelfSigned (CCR-4): the last certificate has issuer ≠ subject.
	ErrRootNotSelfSigned = errors.New("root certificate not self-signed")
	// ErrIssuerSubject (CCR-5, CCR-8): a certificate's issuer is not the
	// subject of the next one, or the first authority's subject is not the
	// delegate.
	ErrIssuerSubject = errors.New("issuer/subject link broken")
	// ErrValidFromOrder (CCR-6, CCR-9): a certificate is valid before its
	// issuer's certificate.
	ErrValidFromOrder = errors.New("validFrom order violated")
	// ErrCapabilities (CCR-7): capabilities are not a subset of the
	// issuer's, reserved bits are set, or a CA bit is missing.
	ErrCapabilities = errors.New("capabilities not allowed")
	// ErrSignature (CCR-10, CCR-11, CCR-12): a signature is malformed or does
	// not recover to the expected signer.
	ErrSignature = errors.New("certificate signature invalid")
	// ErrCSPubKey: the delegate certificate's csPubKey is not the session key
	// the peer used.
	ErrCSPubKey = errors.New("csPubKey does not match the session key")
)

// RuleError reports which chain rule failed and at which certificate.
type RuleError struct {
	// Rule is the rule that failed: "CCR-1" … "CCR-12", "FORMAT" for
	// malformed input, or "CSKEY" for a csPubKey mismatch.
	Rule string
	// Index is the position of the offending certificate in the chain
	// (0 = delegate), or -1 when the rule concerns the chain as a whole.
	Index int
	// Reason says what was wrong, without key material.
	Reason string
	// Err is the sentinel error for the rule.
	Err error
}

// Error implements error.
func (e *RuleError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("%s: %s (certificate %d): %s", e.Rule, e.Err, e.Index, e.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", e.Rule, e.Err, e.Reason)
}

// Unwrap returns the sentinel error of the rule.
func (e *RuleError) Unwrap() error { return e.Err }

// Is makes every RuleError match ErrChain.
func (e *RuleError) Is(target error) bool { return target == ErrChain }

// ruleErr builds a *RuleError.
func ruleErr(rule string, index int, sentinel error, format string, args ...any) *RuleError {
	return &RuleError{Rule: rule, Index: index, Reason: fmt.Sprintf(format, args...), Err: sentinel}
}
