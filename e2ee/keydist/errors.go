package keydist

import (
	"errors"
	"strings"
)

// Sentinel errors. Every error returned by the verifying functions of this
// package is an *Error that matches exactly one of them with errors.Is (and,
// for chain failures, also the cert package's sentinel and *cert.RuleError).
var (
	// ErrMalformed: a field is missing, of the wrong type or length, out of
	// bounds, or unknown.
	ErrMalformed = errors.New("keydist: malformed message")
	// ErrWrongDomain: chain id, registry or realm differ from the expected ones.
	ErrWrongDomain = errors.New("keydist: wrong chain, registry or realm")
	// ErrRole: the role is not one a requester (or the matching responder) may have.
	ErrRole = errors.New("keydist: invalid role")
	// ErrBadSignature: the signature is malformed, not low-s, or does not
	// recover to a key.
	ErrBadSignature = errors.New("keydist: invalid signature")
	// ErrWrongSigner: the signature recovers to an address other than the
	// delegate of the sender's delegate certificate.
	ErrWrongSigner = errors.New("keydist: signer is not the certified delegate")
	// ErrCSKeyMismatch: the CS public key in the message is not the csPubKey
	// of the sender's delegate certificate.
	ErrCSKeyMismatch = errors.New("keydist: CS key differs from the certificate's csPubKey")
	// ErrStale: the request was issued outside the freshness window.
	ErrStale = errors.New("keydist: request outside the freshness window")
	// ErrReplay: the request nonce was seen within the freshness window.
	ErrReplay = errors.New("keydist: replayed request nonce")
	// ErrOverload: the replay set is full; the request is refused (fail closed).
	ErrOverload = errors.New("keydist: too many requests in the freshness window")
	// ErrChain: the certificate chain breaks a chain rule (see cert.RuleError).
	ErrChain = errors.New("keydist: certificate chain rejected")
	// ErrUntrusted: the trust decision refused the sender for this realm,
	// URI and role (the decider's error wraps e2ee.ErrUntrusted; it is
	// kept as the cause).
	ErrUntrusted = errors.New("keydist: sender not trusted")
	// ErrTrustUnavailable: the trust decider could not decide (its error
	// wraps e2ee.ErrTrustUnavailable, is the context's error, or is any
	// other error); the message is refused (fail closed) and may be retried.
	ErrTrustUnavailable = errors.New("keydist: trust decision unavailable")
	// ErrLowOrderKey: the peer's CS key has no safe X25519 form (low order,
	// all zero, not in the prime-order subgroup, or non-canonical).
	ErrLowOrderKey = errors.New("keydist: unsafe peer CS key")
	// ErrNotOurRequest: the response does not answer our request (request
	// nonce, key id or our CS key differ).
	ErrNotOurRequest = errors.New("keydist: response answers another request")
	// ErrScope: the response's URI scope does not cover the requested URI.
	ErrScope = errors.New("keydist: key scope does not cover the URI")
	// ErrExpired: the key in the response has expired.
	ErrExpired = errors.New("keydist: key expired")
	// ErrBoxOpen: the box does not open (tampered or not for our key).
	ErrBoxOpen = errors.New("keydist: key box authentication failed")
	// ErrUnknownPeer: a MAC-authenticated (resumed) request that the
	// responder cannot check: it holds no signed exchange with the
	// requester's CS key and chain, or the request was authenticated for
	// another responder CS key. The requester forgets the responder
	// (Requester.Forget) and sends a signed request.
	ErrUnknownPeer = errors.New("keydist: peer unknown for a resumed exchange")
	// ErrBadMAC: the MAC of a resumed request or response does not verify.
	ErrBadMAC = errors.New("keydist: MAC does not verify")
)

// Error reports which verification step failed. It matches its sentinel
// (Err) with errors.Is, and the underlying cause (e.g. a *cert.RuleError)
// when there is one. Messages never contain key material.
type Error struct {
	// Step names the step that failed ("decode", "domain", "freshness",
	// "signature", "cs-key", "chain", "trust", "replay", "box", …).
	Step string
	// Err is the sentinel error of the failure.
	Err error
	// Cause is the underlying error, or nil.
	Cause error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Err.Error())
	b.WriteString(" (")
	b.WriteString(e.Step)
	b.WriteString(")")
	if e.Cause != nil {
		b.WriteString(": ")
		b.WriteString(e.Cause.Error())
	}
	return b.String()
}

// Unwrap returns the sentinel and the cause, so errors.Is and errors.As see both.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

func fail(step string, sentinel, cause error) error {
	return &Error{Step: step, Err: sentinel, Cause: cause}
}

func failf(step string, sentinel error, reason string) error {
	return &Error{Step: step, Err: sentinel, Cause: errors.New(reason)}
}

// WAMP error URIs of key distribution, one per rejection reason
// (docs/protocol.md §3).
const (
	ErrorURIMalformed     = "wamp.e2ee.error.key_request.malformed"
	ErrorURIWrongDomain   = "wamp.e2ee.error.key_request.wrong_domain"
	ErrorURIRole          = "wamp.e2ee.error.key_request.role"
	ErrorURIBadSignature  = "wamp.e2ee.error.key_request.bad_signature"
	ErrorURIWrongSigner   = "wamp.e2ee.error.key_request.wrong_signer"
	ErrorURICSKeyMismatch = "wamp.e2ee.error.key_request.cs_key_mismatch"
	ErrorURIStale         = "wamp.e2ee.error.key_request.stale"
	ErrorURIReplay        = "wamp.e2ee.error.key_request.replay"
	ErrorURIOverload      = "wamp.e2ee.error.key_request.overload"
	ErrorURIChain         = "wamp.e2ee.error.key_request.chain"
	ErrorURIUntrusted     = "wamp.e2ee.error.key_request.untrusted"
	// ErrorURITrustUnavailable: the trust decision could not be made now;
	// the requester may retry later with a new request.
	ErrorURITrustUnavailable = "wamp.e2ee.error.key_request.trust_unavailable"
	ErrorURILowOrderKey      = "wamp.e2ee.error.key_request.unsafe_key"
	// ErrorURIUnknownPeer: the responder cannot check a resumed request;
	// the requester retries with a signed request.
	ErrorURIUnknownPeer = "wamp.e2ee.error.key_request.unknown_peer"
	ErrorURIBadMAC      = "wamp.e2ee.error.key_request.bad_mac"
	// ErrorURIUnknownKey is for the node: the key id is not one it serves.
	ErrorURIUnknownKey = "wamp.e2ee.error.key_request.unknown_key"
	ErrorURIInternal   = "wamp.e2ee.error.key_request.internal"
)

// ErrorURI maps an error of VerifyRequest (or of the node's own checks) to
// the WAMP error URI a key RPC returns. Unknown errors map to
// ErrorURIInternal. Response-side errors (ErrNotOurRequest, ErrScope,
// ErrExpired, ErrBoxOpen) are never sent; they map to ErrorURIInternal.
func ErrorURI(err error) string {
	for _, m := range []struct {
		err error
		uri string
	}{
		{ErrMalformed, ErrorURIMalformed},
		{ErrWrongDomain, ErrorURIWrongDomain},
		{ErrRole, ErrorURIRole},
		{ErrBadSignature, ErrorURIBadSignature},
		{ErrWrongSigner, ErrorURIWrongSigner},
		{ErrCSKeyMismatch, ErrorURICSKeyMismatch},
		{ErrStale, ErrorURIStale},
		{ErrReplay, ErrorURIReplay},
		{ErrOverload, ErrorURIOverload},
		{ErrChain, ErrorURIChain},
		{ErrUntrusted, ErrorURIUntrusted},
		{ErrTrustUnavailable, ErrorURITrustUnavailable},
		{ErrLowOrderKey, ErrorURILowOrderKey},
		{ErrUnknownPeer, ErrorURIUnknownPeer},
		{ErrBadMAC, ErrorURIBadMAC},
		{ErrAttestationRequired, ErrorURIAttestationRequired},
		{ErrAttestation, ErrorURIAttestation},
	} {
		if errors.Is(err, m.err) {
			return m.uri
		}
	}
	return ErrorURIInternal
}
