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
// domain, freshness, signature, csPubKey binding, chain rules, trust decision,
// replay — and Respond boxes the payload key to the requester. A receiver
// runs a Requester: NewRequest builds and signs a request and returns a
// Pending that remembers it; Pending.Open checks the response exactly as the
// responder checked the request (signature, csPubKey, chain, trust with the
// responder's role) plus that it answers this request, that its URI scope
// covers the requested URI and that the key has not expired, and only then
// opens the box. Without the last step a router could hand out its own key
// and inject messages.
//
// The trust decision is a small interface (Trust) that the node wires to the
// standalone, TOFU or on-chain decider. A Responder caches, per requester,
// the verified chain and positive trust verdicts (keyed by the certificate
// digests and the trust-state version) and the precomputed box key (keyed by
// the CS key), so that a known requester costs one signature recovery.
//
// On the wire (WAMP CALL / RESULT ArgumentsKw) requests and responses are maps
// of typed values with binary fields as []byte; EncodeRequest, DecodeRequest,
// EncodeResponse and DecodeResponse define and check that form strictly.
// Every rejection matches one sentinel error of this package (errors.Is) and
// maps to a WAMP error URI with ErrorURI.
package keydist
