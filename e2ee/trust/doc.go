// Package trust implements the in-process e2ee.TrustDecider modes:
//
//   - Standalone: the trustroots are configured (root certificates loaded
//     from files with LoadRootCertificates, or bare addresses); a peer is
//     trusted when its complete, verified chain ends in one of them, in the
//     request's realm, and — when URI rules are configured — a rule for the
//     URI allows the role and the peer holds the rule's capability bits.
//     With rules configured, anything no rule matches is denied.
//   - TOFU: the first trustroot (or, for a lone delegate certificate, the
//     delegate) seen for a peer identity is pinned and persisted to a pin
//     file; a different one is refused with ErrPinMismatch until the
//     operator calls Accept. The pin file is an append-only JSON-lines
//     journal, compacted now and then, that several processes may share:
//     writers lock it (flock on "<file>.lock"), merge what the others
//     appended and only then append, so no process loses another's pins
//     and a change accepted with 'e2ee-node trust accept' reaches running
//     nodes at their next decision. A new pin costs one appended line and
//     an fsync; new identities are rate-limited (TOFUConfig.NewPinRate) and
//     capped (TOFUConfig.MaxPins), and beyond either they are refused with
//     e2ee.ErrTrustUnavailable while pinned identities keep working.
//
// The on-chain decider lives in package chain. Every decider here fails
// closed: a definite no wraps e2ee.ErrUntrusted, anything it cannot decide
// wraps e2ee.ErrTrustUnavailable.
package trust
