// Package attest implements remote attestation for WAMP-E2EE key distribution
// (docs/protocol.md §5): TPM 2.0 evidence that binds a node's client-session
// key to the platform state its firmware and boot chain measured.
//
// A node proves its platform with Evidence: a TPM2_Quote over a selection of
// SHA-256 PCRs, signed by an attestation key (AK) that lives in the TPM, whose
// qualifying data (QualifyingData) binds the chain id, the delegate address,
// the delegate's client-session public key, the delegate certificate's
// bootedAt and the quote time — so evidence for one session key is worthless
// for another. TPM opens a TPM (a device, swtpm, or go-tpm-tools' in-process
// simulator; OpenTPM) and produces evidence (TPM.Evidence).
//
// A peer checks evidence with a Verifier: a strict, bounded decoder
// (DecodeEvidence); the AK's signature over the quote; the qualifying data;
// the PCR values against the quote's digest and the event log, if any,
// against the PCR values; the quote's time against bootedAt, the clock and the
// realm's maximum age; and then the realm's policy (a PolicySource, the
// on-chain registry in a node): the AK digest enrolled for the delegate, and
// whether the measurement (Measurement) is allowed and not revoked. Positive
// verdicts are cached by evidence digest, subject and policy version
// (PolicySource.Version), so a policy change drops them all at once. Every
// refusal matches one sentinel error of this package and e2ee.ErrUntrusted.
//
// What a quote proves, and what it does not, is in docs/threat-model.md.
package attest
