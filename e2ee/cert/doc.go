// Package cert implements the WMP/1 EIP712 certificates of WAMP-Cryptosign
// and WAMP-E2EE: the EIP712DelegateCertificate that a delegate key signs for
// itself, the EIP712AuthorityCertificate that a CA signs for a subject, and
// the verification of certificate chains [delegate, intermediates…, root]
// under the rules CCR-1…CCR-12 of the WAMP specification, generalised to any
// chain length (see docs/protocol.md §2).
//
// Most callers need two things: ParseChainJSON (or ParseChainCBOR) to read a
// chain received from a peer, and Verify (or a Cache, which remembers chains
// it has already verified) to check it against the expected chain id,
// verifying contract, realm and current block number. Verify returns a
// *VerifiedChain, the only value the trust decision (package e2ee) accepts,
// or an error that wraps a *RuleError naming the rule that failed together
// with one of the sentinel errors of this package (errors.Is).
//
// Certificates are byte-compatible with the WAMP specification and
// Autobahn|Python: the EIP712 domain is {name: "WMP", version: "1"} with
// only EIP712Domain(string name,string version); chainId and
// verifyingContract are the first fields of each message. The wire forms
// read and written are the specification's list of [typed_data, signature]
// pairs, Autobahn/Crossbar's [hash, typed_data, signature] triples, and
// Autobahn's CBOR certificate file [hash, typed_data, [signatures]].
//
// Signatures are 65 bytes r‖s‖v with v ∈ {27, 28} and low s. This package
// signs through the small Signer interface; package keys implements it.
// Every untrusted length is bounded before work is done (MaxChainLength,
// MaxMetaLength, MaxChainSize, …).
//
// The decoders are strict single-pass parsers written for these shapes
// (no reflection, no float64 for integers, duplicate keys rejected); the
// CBOR encoder is deterministic. For a chain received as bytes,
// Cache.VerifyJSON and Cache.VerifyCBOR are the fastest path: a repeat
// costs one SHA-256 of the bytes. Cache.Verify serves parsed certificates
// with one SHA-256 of their fields.
package cert
