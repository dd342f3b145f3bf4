package verifier

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// KeyHolder is what a node does with the payload keys a peer may hold once
// trust in the peer is lost. *session.Session satisfies it.
type KeyHolder interface {
	// Revoke refuses delegate every future key, rotates every key it fetched
	// and drops the keys fetched from it.
	Revoke(delegate common.Address)
	// RotateAll rotates every key, so that a peer must fetch it again (and
	// pass the trust decision again) to read what follows.
	RotateAll()
}

// AttestationKeyHolder is a KeyHolder that also remembers which peers
// attested with which measurement (*session.Session satisfies it), so that
// attestation reports touch only the keys of the peers they concern.
type AttestationKeyHolder interface {
	KeyHolder
	// RevokeMeasurement rotates every key fetched by a peer whose evidence
	// had measurement m and drops the keys fetched from such peers.
	RevokeMeasurement(m [32]byte)
	// AttestationChanged does the same for delegate's keys (all keys: the
	// zero address, a realm-wide change).
	AttestationChanged(delegate common.Address)
}

// Apply is the node's revocation policy: what h does when the verifier
// reports r.
//
//   - RevokedDelegate: h.Revoke(r.Delegate) (h.RotateAll if no delegate is named);
//   - RevokedMeasurement: h.RevokeMeasurement(r.Digest), AttestationChanged:
//     h.AttestationChanged(r.Delegate), when h is an AttestationKeyHolder
//     (h.RotateAll otherwise); the peers are refused from their next exchange
//     on by the attestation check itself, whose policy version moved;
//   - SuspendedDelegate: h.RotateAll only — the delegate is not trusted until
//     its window begins, but it is not revoked and must not be refused for good;
//   - every other kind (an issuer's, root's or realm's revocation, Resync after
//     lost reports, and any kind this function does not know): h.RotateAll, so
//     that every peer passes the trust decision again.
//
// A new kind that calls for something narrower than RotateAll gets its case
// here, so that the CLI, the demo and the tests keep running one policy.
func Apply(h KeyHolder, r Revocation) {
	switch r.Kind {
	case RevokedDelegate:
		if r.Delegate != (common.Address{}) {
			h.Revoke(r.Delegate)
			return
		}
		h.RotateAll()
	case RevokedMeasurement:
		if ah, ok := h.(AttestationKeyHolder); ok && r.Digest != (common.Hash{}) {
			ah.RevokeMeasurement(r.Digest)
			return
		}
		h.RotateAll()
	case AttestationChanged:
		if ah, ok := h.(AttestationKeyHolder); ok {
			ah.AttestationChanged(r.Delegate)
			return
		}
		h.RotateAll()
	default:
		h.RotateAll()
	}
}

// Queue carries revocation reports from the verifier's follower goroutine,
// which must not block, to the goroutine that applies them (key rotation is
// not the follower's work). Its Report method is a Config.OnRevocation.
type Queue struct {
	c    chan Revocation
	lost atomic.Bool // a report was dropped: Run applies a Resync
}

// NewQueue returns a Queue holding up to size reports (at least 1).
func NewQueue(size int) *Queue {
	return &Queue{c: make(chan Revocation, max(size, 1))}
}

// Report queues r without blocking. When the queue is full, r is dropped and
// Run applies a Resync after the report it takes next, so that a lost report
// still rotates every key.
func (q *Queue) Report(r Revocation) {
	select {
	case q.c <- r:
	default:
		q.lost.Store(true)
	}
}

// Run applies the queued reports to h (see Apply) until stop is closed,
// calling applied, if not nil, after each.
func (q *Queue) Run(stop <-chan struct{}, h KeyHolder, applied func(Revocation)) {
	apply := func(r Revocation) {
		Apply(h, r)
		if applied != nil {
			applied(r)
		}
	}
	for {
		select {
		case <-stop:
			return
		case r := <-q.c:
			apply(r)
			// The queue was full when a report was lost, so Run takes at
			// least one report after the loss and gets here.
			if q.lost.Swap(false) {
				apply(Revocation{Kind: Resync})
			}
		}
	}
}

// latestBlockEvery bounds how often the latest function of Blocks asks the
// endpoint.
const latestBlockEvery = 50 * time.Millisecond

// Blocks returns the block sources of a keydist.Policy whose trust is v:
// block is the head v follows (no request per key exchange; before v's first
// head, the endpoint's block number), and latest is the endpoint's block
// number, the second look at a certificate issued for a block v has not seen
// yet. latest answers from an ask that began after it was called (or v's
// head, if higher): a certificate for a block mined just before it arrived
// is never checked against an older answer. The answer raises v's head, so
// block returns it from then on. Asks are at most one per 50 ms; calls in
// between wait for the next one and share it, so that made-up certificates
// cannot turn into more requests than that.
func (v *Verifier) Blocks() (block, latest func() uint64) {
	l := &latestBlock{every: latestBlockEvery, done: v.done, head: v.Head, ask: func(ctx context.Context) (uint64, error) {
		n, err := v.backend.Client().BlockNumber(ctx)
		if err == nil {
			v.noteHead(n)
		}
		return n, err
	}}
	block = func() uint64 {
		if h := v.Head(); h != 0 {
			return h
		}
		return l.get()
	}
	return block, l.get
}

// latestBlock is the latest function of Verifier.Blocks.
type latestBlock struct {
	every time.Duration
	done  <-chan struct{} // closed when the verifier is closed: stop waiting
	head  func() uint64
	ask   func(context.Context) (uint64, error)

	mu    sync.Mutex // held across the wait and the ask: callers queue
	asked time.Time  // when the last ask began
	n     uint64     // its answer (the highest answered so far)
}

func (l *latestBlock) get() uint64 {
	called := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.asked.Before(called) { // an ask that began after this call has answered
		return max(l.n, l.head())
	}
	if wait := l.every - time.Since(l.asked); wait > 0 && !l.asked.IsZero() {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-l.done:
			t.Stop()
			return max(l.n, l.head())
		}
	}
	l.asked = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if n, err := l.ask(ctx); err == nil && n > l.n {
		l.n = n
	}
	return max(l.n, l.head())
}
