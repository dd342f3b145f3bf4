// Package trust implements the in-process e2ee.TrustDecider modes:
//
//   - Standalone: the trustroots are configured (root certificates loaded
//     from files with LoadRootCertificates, or bare addresses); a peer is
//     trusted when its complete, verified chain ends in one of them, in the
//     request's realm, and — when URI rules are configured — a rule for the
//     URI allows the role and the peer holds the rule's capability bits.
//     With rules configured, anything no rule matches is denied.
//   - TOFU: the first trustroot (or, for a lone delegate certificate, the
//     delegate) seen for a peer identity is pinned and persisted to a JSON
//     file; a different one is refused with ErrPinMismatch until the
//     operator calls Accept.
//
// The on-chain decider lives in package chain. Every decider here fails
// closed: a definite no wraps e2ee.ErrUntrusted, anything it cannot decide
// wraps e2ee.ErrTrustUnavailable.
package trust
