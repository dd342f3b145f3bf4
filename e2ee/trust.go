package e2ee

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// Role is what a peer wants to do with a URI.
type Role string

// The four roles a trust decision distinguishes.
const (
	// RolePublisher sends events to a topic.
	RolePublisher Role = "publisher"
	// RoleSubscriber receives events of a topic.
	RoleSubscriber Role = "subscriber"
	// RoleCaller calls a procedure and reads its results.
	RoleCaller Role = "caller"
	// RoleCallee implements a procedure.
	RoleCallee Role = "callee"
)

// Valid reports whether r is one of the four defined roles.
func (r Role) Valid() bool {
	switch r {
	case RolePublisher, RoleSubscriber, RoleCaller, RoleCallee:
		return true
	}
	return false
}

// Sentinel errors of a TrustDecider. Callers must treat every other error
// like ErrTrustUnavailable: fail closed.
var (
	// ErrUntrusted is a definite no: the chain does not lead to a trustroot
	// accepted for this realm, URI and role. Deciders wrap it with the
	// reason (errors.Is(err, ErrUntrusted)).
	ErrUntrusted = errors.New("untrusted")
	// ErrTrustUnavailable means no decision could be made (chain RPC down,
	// state too stale, store unreadable). Callers must fail closed and may
	// retry later.
	ErrTrustUnavailable = errors.New("trust decision unavailable")
)

// TrustRequest is what a trust decision is asked about.
type TrustRequest struct {
	// Realm is the realm (its Ethereum address) the peer acts in.
	Realm common.Address
	// URI is the concrete topic or procedure.
	URI string
	// Role is what the peer wants to do with URI.
	Role Role
	// Chain is the peer's certificate chain, already verified by
	// cert.Verify (or a cert.Cache) against this node's chain id, registry
	// and current block. It may be a lone delegate certificate.
	Chain *cert.VerifiedChain
	// IssuerHint optionally names the CA that issued the delegate when the
	// chain is a lone delegate certificate (the rest being on-chain). It is
	// a lookup hint from an untrusted source: deciders must verify it.
	IssuerHint common.Address
	// Peer optionally identifies the remote peer for deciders that pin
	// per peer (TOFU). It must come from an authenticated source, never
	// from router-asserted details. Empty means "use the realm".
	Peer string
	// At is the time of the request (zero: now).
	At time.Time
}

// TrustDecision is a positive trust decision: what it was based on.
type TrustDecision struct {
	// Trustroot is the root CA the chain leads to (for a lone delegate on
	// a standalone or TOFU decider: the delegate itself if pinned as such).
	Trustroot common.Address
	// Issuer is the CA that certified the delegate.
	Issuer common.Address
	// Delegate is the delegate's address.
	Delegate common.Address
	// Capabilities are the delegate's effective capability bits
	// (cert.Cap*), as far as the decider knows them.
	Capabilities uint64
	// Version identifies the trust state the decision was made on (e.g. a
	// block number or a pin-store generation). A cached decision is stale
	// once the decider's version moves past it.
	Version uint64
}

// TrustDecider decides whether a peer with a verified certificate chain may
// act in a role on a URI in a realm. Implementations must be safe for
// concurrent use and must not block beyond ctx.
//
// Decide returns a TrustDecision and a nil error only for a definite yes.
// A definite no wraps ErrUntrusted with the reason. When it cannot decide it
// returns an error wrapping ErrTrustUnavailable (or ctx's error); callers
// must fail closed on every non-nil error. Decide must not modify req.
//
// Package trust has the standalone and TOFU deciders; the chain package
// implements the on-chain one.
type TrustDecider interface {
	Decide(ctx context.Context, req TrustRequest) (TrustDecision, error)
}

// TrustPrefetcher is implemented by TrustDeciders that can prepare a decision
// ahead of time: a node calls Prefetch when it expects to ask Decide about
// req soon (a key request to a responder it heard from before is in
// flight), so that a decider that has to read (an on-chain verifier whose
// verdict expired) reads meanwhile. Prefetch must not change trust state —
// no pins, nothing persisted, no pending changes — because nothing has been
// presented yet: its outcome is discarded, and only Decide counts. It is
// called on the key request's path and must return at once: a decider that
// has to read starts the read in the background (bounded by ctx).
type TrustPrefetcher interface {
	Prefetch(ctx context.Context, req TrustRequest)
}
