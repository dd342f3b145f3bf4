// Package verifier is the on-chain trust decision of e2ee-node: a [Verifier] implements
// e2ee.TrustDecider from the state of the TrustRegistry, with a cache of verdicts that registry
// events invalidate.
//
// # Decision
//
// For a verified certificate chain (package e2ee/cert) and a request (realm, URI, role) the
// verifier establishes the delegate's issuer — A_1's issuer for a chain with authorities; for a
// lone delegate certificate the request's IssuerHint, else the trustroot configured for the
// realm — and asks the registry, in ONE batched JSON-RPC round trip (rpc.BatchCallContext; a
// second only as described under "Reads at the processed block"):
//
//   - authorizationStatus(issuer, realm, delegate): the registry's whole rule set (authorization
//     exists, realm known, root active, no epoch bump / realm move / removal / issuer revoke-all
//     since, issuer admitted with INTERMEDIATE_CA, not revoked, inside the validity window);
//   - certificateRevokedAt(signer, digest) for every certificate of the chain;
//   - with confirmations c > 0, authorizationStatus again c blocks earlier, so that a new
//     authorization counts only once confirmed while a revocation counts at once;
//   - eth_blockNumber, the endpoint's head.
//
// The realm's root must equal the trustroot configured for the realm (and the chain's own root
// when the chain carries one); certificates must name this chain and registry; optional role
// capabilities must be granted by the issuer (and by the chain). A definite no wraps
// e2ee.ErrUntrusted and, through *[UntrustedError], names the AuthorizationStatus reason.
//
// # URI rules
//
// An authorization in a realm alone lets a delegate act on every URI. Config.Rules narrows
// this with package e2ee/trust's rules and matching (trust.Rule: exact, prefix or WAMP
// wildcard; the most specific matching rule decides): when rules are configured, a request
// whose URI no rule matches, or whose matching rule does not list its role, is refused
// (ReasonURINotAllowed) before the chain is read, and a rule's capability bits must be held by
// the delegate (issuer's on-chain capabilities ∩ the chain's) like RoleCapabilities. Verdicts
// are cached per delegate, not per URI, so the rules apply to cached verdicts too.
//
// # Reads at the processed block
//
// A lagging or load-balanced endpoint may answer "latest" from a node that has not yet seen a
// revocation the follower already processed; that stale yes would be cached and no further
// event would drop it. So the facts are read at an explicit block: the follower's processed
// block P (every registry log it acted on is at or below P, and P is raised before the log's
// invalidation). The same batch reads them at "latest" too, but only as a change detector, and
// eth_blockNumber (H) last. If the two agree on the verdict and its reason, the verdict is the
// one at P; otherwise (a revocation, authorization or other registry change after P the
// follower has not processed yet) a second batch reads the facts at H, and if that fails, or if
// H ≤ P (eth_blockNumber answered by a node lagging behind the one that answered "latest"), the
// negative of the two is answered but not cached. So a refusal names the newest reason, not
// one the chain has already moved past. Every cached verdict is thus attributed to an explicit block ≥ P. A node without
// block P answers with an error: if it also reports H < P the verifier re-reads once (a load
// balancer may pick another node), then fails closed with [ErrStale]; it never decides on state
// older than P. P drops only when the endpoint is found on another chain, shorter than the
// processed one (a different block at a height the follower processed, or a different block 0);
// an endpoint head below P on the same chain may be a node that lags, so P stays and reads fail
// closed until a node has it.
//
// # Cache, invalidation and staleness
//
// Verdicts (positive and negative, except NotYetValid) are cached under (issuer, realm,
// delegate, SHA-256 of the chain's certificate digests). A background follower invalidates
// them from registry events: over a log subscription on websocket, IPC and the simulated chain,
// by polling eth_getLogs over HTTP (in one batch after the header of the range's last block,
// so that a lagging node that answers the logs with what it has is detected and the range read
// again; this relies on the endpoint answering a batch from one node, as load balancers do —
// a proxy that splits batches across nodes defeats it). Root-level events carry a per-root sequence; a gap drops every verdict of that
// root. Delegate-level events carry none and are followed by block; after a reconnect the
// follower backfills with eth_getLogs from the last block it processed. Log queries span at
// most Config.MaxLogRange blocks (public endpoints cap ranges); an endpoint's "range too large"
// halves the range, a rate limit (HTTP 429, JSON-RPC -32005) is waited out with a doubling
// wait, and cached verdicts are not confirmed until the whole range has been read, so they
// expire after MaxStaleTime while the follower is behind. A reorganisation (a
// head whose parent is not the previous head, a removed log, a changed hash at the last
// processed block) drops the whole cache. So does an endpoint head below the processed chain
// whose processed block is missing, whether the follower meets it in a head, a poll or its
// periodic liveness check — a cut back to an earlier block (anvil's evm_revert emits no head at
// all) or a node that lags behind a load balancer, which it cannot tell apart: it then keeps P
// (reads fail closed until a node has it) and reports a Resync when two checks in a row find
// the same.
//
// A cached verdict is used only while the follower is in sync, has heard from the endpoint
// within MaxStaleTime, and the verdict is at most MaxStaleBlocks blocks old. Otherwise the
// verifier re-reads; if that fails it fails closed with an error wrapping
// e2ee.ErrTrustUnavailable and [ErrUnreachable] (no verdict at all) or [ErrStale] (a verdict
// exists but is too old to use).
//
// Revocations seen in events are reported to Config.OnRevocation so that the node can rotate
// keys the revoked delegate may hold. So are the registry changes that take trust away without
// being revocations: a re-admission of an operator (its capabilities are replaced, possibly
// without INTERMEDIATE_CA, PROVIDER or CONSUMER), a new admission request (under a
// Permissioned policy it suspends the admission), both reported as RemovedOperator, and a
// re-authorization whose window certainly ended (RevokedDelegate) or certainly has not begun
// (SuspendedDelegate: rotate, but do not refuse the delegate for good), judged by the block's
// timestamp and the local clock with a 30 s allowance — an authorization from "now" is never
// reported. The
// verifier does not know the previous capabilities, so every admission and admission request
// of an operator some delegate of which it admitted in that realm is reported (a spurious
// report costs a key rotation, a missed one would leave keys with a delegate that is no longer
// trusted); those of other operators are not — anyone may request admission, and each would
// otherwise make every node rotate every key.
//
// # Attestation policy
//
// [Verifier.AttestationPolicy] serves the registry's remote-attestation policy to package
// e2ee/attest (attest.PolicySource): a realm's policy, the AK digest enrolled with an issuer's
// authorization of a delegate, and a measurement's status, read in one attestationStatus call at
// the processed block P with the same change detection, staleness bounds and fail-closed errors
// as trust decisions, cached under (issuer, realm, delegate, measurement) and dropped by
// AttestationPolicySet, MeasurementAllowed/Revoked, (re-)authorizations, realm moves, root
// sequence gaps and resyncs. MeasurementRevoked is reported as RevokedMeasurement, a policy change
// or an AK enrollment change as AttestationChanged (configured realms only). The source has its
// own version, so delegate events elsewhere do not invalidate attestation verdicts.
package verifier
