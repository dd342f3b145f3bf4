// Package session makes a nexus WAMP client end-to-end encrypted: application
// code publishes, subscribes, calls and registers with plain args/kwargs, and
// on the wire there is only the payload envelope of docs/protocol.md §1, which
// the router cannot read, alter, redirect or forge.
//
// Most users need Dial (with a Config naming the router — DialWebsocket makes
// its Dial function —, the node's identity, its trust decider and per-URI
// Rules) and the methods of Session that mirror nexus's client: Publish,
// Subscribe, Call, Register.
//
// The crypto sits beneath nexus's client: Dial wraps the wamp.Peer that the
// transport returns before giving it to client.NewClient. Outgoing PUBLISH,
// CALL, YIELD and ERROR messages are sealed (envelope.Sealer, keys from a
// keyring.Ring per rule); incoming EVENT, INVOCATION, RESULT and ERROR
// messages are validated, opened (envelope.Opener, keys from a
// keyring.Cache) and stripped of their ppt_* options before nexus sees them,
// so nexus's own PPT code (which encrypts nothing and panics on malformed
// input) never runs. Anything that fails is dropped and counted per reason
// (Stats); it never reaches the application.
//
// Key distribution (docs/protocol.md §3, §4): every rule's key ring has a key
// RPC at keyring's KeyRPCURI, registered by the session (a new locator is
// chosen if the URI is taken). A receiver lacking a key derives the key RPC
// from ppt_keyid, requests the key with a signed keydist request, verifies the
// response (chain and trust exactly as the responder verifies requests),
// caches the key and delivers the messages it buffered meanwhile — in order
// per stream and key RPC, so that a message naming a key RPC that does not
// answer holds back no other sender's. Concurrent misses for one key id make
// one request; a key RPC that timed out is not asked again for a while. A request to a locator that
// answered before starts the trust decision about that responder at once,
// so that a decider that must read (an expired on-chain verdict) reads while
// the originator works.
//
// Trust: the session asks the configured e2ee.TrustDecider about every key
// request and response, plus a local deny list fed by Revoke. Revoke also
// rotates every key the revoked delegate fetched and drops the keys fetched
// from it.
//
// Handlers run on nexus's client goroutine, as with nexus: an event or
// invocation handler must not block on a Call of the same session.
package session
