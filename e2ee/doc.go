// Package e2ee holds the vocabulary shared by the packages of the WAMP
// end-to-end encryption protocol (docs/protocol.md): the message kinds a
// sealed payload is bound to, the roles a peer asks to play on a URI, URI
// matching, and the trust decision as a small interface.
//
// A payload is sealed and opened by [github.com/wamp-e2ee/e2ee-node/e2ee/envelope]
// under keys held by [github.com/wamp-e2ee/e2ee-node/e2ee/keyring]; a receiver
// that lacks a key fetches it from the originator over the key RPC of
// [github.com/wamp-e2ee/e2ee-node/e2ee/keydist], authenticated by the WMP/1
// certificate chains of [github.com/wamp-e2ee/e2ee-node/e2ee/cert]. Most
// applications need only [github.com/wamp-e2ee/e2ee-node/e2ee/session], which
// does all of this inside a WAMP session.
//
// Whether a certificate chain may play a role on a URI is decided by a
// [TrustDecider]: the standalone and TOFU deciders are in
// [github.com/wamp-e2ee/e2ee-node/e2ee/trust], the on-chain one in the chain
// module. This package and its subpackages use no network and no chain.
package e2ee
