// Package keydist implements the key-distribution messages of WAMP-E2EE
// (docs/protocol.md §3): the EIP712 typed KeyRequest a receiver sends to an
// originator's key RPC, and the KeyResponse that carries a payload key in a
// Curve25519 box back to it.
//
// Both messages are signed by the sender's delegate key (secp256k1) under the
// EIP712 domain
//
//	EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
//	name "WAMP-E2EE KeyDistribution", version "1",
//	chainId = the chain of the trust registry,
//	verifyingContract = the registry address (the trustroot in standalone mode)
//
// with the type strings KeyRequestTypeString and KeyResponseTypeString. Each
// message carries the sender's certificate chain (package cert), bound into
// the signature by the EIP712 digests of its certificates, and the sender's
// client-session (Ed25519) public key, which must be the csPubKey of its
// delegate certificate.
//
// Most callers need two types. The originator of encrypted messages (a
// publisher, a caller, or a callee for its results) runs a Responder:
// VerifyRequest checks a decoded request, failing closed — well-formedness,
// domain, freshness, chain rules, signature, csPubKey binding, replay, trust
// decision, box key — and Respond boxes the payload key to the requester. A
// receiver runs a Requester: NewRequest builds and signs a request and
// returns a Pending that remembers it; Requester.Open checks the response
// exactly as the responder checked the request (chain, signature, csPubKey,
// trust with the responder's role) plus that it answers this request, that
// its URI scope covers the requested URI and that the key has not expired,
// and only then opens the box. Without the last step a router could hand
// out its own key and inject messages.
//
// The trust decision is the project's e2ee.TrustDecider (standalone, TOFU
// or on-chain), asked on every request and response with the realm, URI,
// role, verified chain, the message's issuer hint and Peer = the sender's
// delegate address. This package caches no verdict: deciders own their
// caches and invalidate them (the on-chain one on registry events), so a
// revocation applies to the next request. What is cached is independent of
// trust: verified chains by their exact wire bytes (a cert.Cache, shared
// through Policy.Certs), and precomputed box keys by CS key. A known peer
// therefore costs one signature recovery, a cache lookup and the decision.
//
// After one signed exchange, later exchanges between the same two CS keys
// resume (resume.go, docs/protocol.md §3.8): request and response carry an
// HMAC-SHA256 keyed from the two CS keys' box key instead of signatures,
// and every other check, the trust decision included, stays.
//
// On the wire (WAMP CALL / RESULT ArgumentsKw) requests and responses are maps
// of typed values with binary fields as []byte; EncodeRequest, DecodeRequest,
// EncodeResponse and DecodeResponse define and check that form strictly.
// Every rejection matches one sentinel error of this package (errors.Is) and
// maps to a WAMP error URI with ErrorURI.
package keydist
