// Package router is e2ee-node's embedded WAMP router: nexus v3 behind a guard
// that validates every message a client sends before nexus sees it.
//
// New starts a Router from a Config: realms (WAMP-Anonymous by default, more
// authenticators through RealmConfig.Authenticators, e.g. WAMP-cryptosign via
// NewCryptosignAuthenticator) and listeners — websocket (ws://host:port/path,
// wss:// with a certificate) and rawsocket (tcp://host:port) — each speaking
// CBOR, msgpack and JSON. Close stops everything and waits. A *Router is also a
// nexus router.Router, so in-process clients (client.ConnectLocal) go through
// the same guard.
//
// # The guard
//
// The router is an untrusted party in e2ee-node, but it must not be crashable
// by its clients either. nexus v3.3.0 panics the whole process on a PUBLISH or
// CALL whose ppt_serializer, ppt_cipher or ppt_keyid is not a string (N1),
// forwards PPT messages that panic nexus clients (missing ppt_serializer N2,
// non-binary payload N3, serializer "native" N4), panics on in-process
// sessions it aborts (N6), dereferences a nil message for a rawsocket frame
// of reserved type (N7), stores any REGISTER "invoke" policy and panics on
// the first CALL to a procedure two callees registered under an unknown one
// (N8), and publishes a session's testament from its own meta session, past
// any guard — with ppt_* publish options that ends the meta session and the
// next meta CALL panics (N9). Each client connection therefore gets a guard
// goroutine between its transport and nexus. It refuses a REGISTER or
// SUBSCRIBE whose "invoke" or "match" is not a value WAMP defines and a
// CALL to wamp.session.add_testament or flush_testaments (ERROR to the
// sender), and enforces Policy.Check on PUBLISH, CALL, YIELD and ERROR:
//
//   - every ppt_* option present is a string; ppt_serializer, ppt_cipher or
//     ppt_keyid without ppt_scheme is rejected;
//   - ppt_scheme matches Policy.Schemes ("wamp", "wamp.eth", "mqtt" and
//     "x_*" by default);
//   - ppt_serializer is present, not "native", and in Policy.Serializers;
//   - for E2EE schemes ppt_cipher (allowlisted) and ppt_keyid (printable
//     ASCII, at most Policy.MaxKeyID bytes) are present;
//   - Arguments is exactly one non-empty binary element of at most
//     Policy.MaxPayload bytes and ArgumentsKw is absent or empty; on JSON
//     sessions the element may be a "\u0000"+base64 or plain base64 string;
//   - the sender announced payload_passthru_mode (and, for progressive
//     CALLs, progressive_call_invocations) for its role in HELLO.
//
// A valid PPT payload is forwarded as serialize.BinaryData, so CBOR and
// msgpack receivers get a byte string and JSON receivers the spec's
// "\u0000"+base64 string; in-process peers (Attach) get []byte, which
// nexus's client requires. A rejected CALL is answered with ERROR
// wamp.error.invalid_argument whose argument names the option (a PUBLISH only
// if it asked for acknowledgement, as WAMP prescribes); a rejected YIELD or
// callee ERROR is replaced by such an ERROR towards the caller. The session
// stays up. Rejections are counted per Reason (Router.Stats) and reported to
// Config.OnReject; logs never contain payload bytes.
//
// An option whose value is undefined — nil (JSON null, CBOR null or
// undefined) or MessagePack's extension type 0, which JavaScript encoders
// such as wampy's write for undefined — counts as absent wherever the guard
// reads options, and is removed before nexus sees the message. PPT schemes
// other than E2EE ones ("mqtt", "x_*" by default, Policy.Schemes) get the
// same structural checks, without the ppt_cipher and ppt_keyid requirement.
//
// # Transport
//
// Network clients get the router's own transport peer, not nexus's. A frame
// that does not decode is answered, never dropped in silence: a request
// whose type and id can be read from the frame gets ERROR
// wamp.error.invalid_argument, anything else ABORT
// wamp.error.protocol_violation (ReasonUndecodable). Outgoing messages are
// serialized when nexus hands them over and queued against a byte budget
// per client (Config.ClientQueueBytes) and for the whole router
// (Config.QueueBytes); each write has a deadline (Config.WriteTimeout). A
// slow consumer loses EVENTs that do not fit (counted: WAMP has no message
// to tell a subscriber so) and is disconnected when any other message does
// not fit or a write stalls.
//
// # Progressive call results
//
// nexus forwards a caller's receive_progress to a callee only if the callee
// announced both progressive_call_results and call_canceling in HELLO
// (nexus must be able to interrupt a callee that streams results to a
// caller that left). AutobahnJS and wampy callees announce neither, so their
// callers get only the final RESULT. The guard does not announce
// call_canceling on a callee's behalf: nexus would then send INTERRUPT to a
// callee that does not expect it, and a "kill" cancellation would wait for
// an answer that never comes.
package router
