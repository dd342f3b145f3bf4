package session

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// Revocation: the deny list, the bookkeeping of who fetched which key, and
// rotation (docs/protocol.md §4.6).

// Bounds of the revocation bookkeeping.
const (
	// maxOldRings bounds the rings replaced after a squatted key-RPC URI.
	maxOldRings = 8
	// pruneEvery is the minimum interval between prunes of fetchedBy and
	// keysFrom.
	pruneEvery = time.Minute
)

// pruneLocked drops, at most once per pruneEvery, the fetchedBy entries
// whose key has left its ring and the keysFrom entries whose key has left
// the cache: revoke has nothing left to rotate or remove for them, so the
// maps stay as large as the live keys (which the ring and cache bound).
// n.mu must be held; the ring and cache locks are taken under it (neither
// calls back into the node).
func (n *node) pruneLocked() {
	now := time.Now()
	if now.Sub(n.lastPrune) < pruneEvery && !now.Before(n.lastPrune) {
		return
	}
	n.lastPrune = now
	n.pruneReadersLocked(now)
	for d, m := range n.fetchedBy {
		for id := range m {
			if !n.ringHasLocked(id) {
				delete(m, id)
			}
		}
		if len(m) == 0 {
			delete(n.fetchedBy, d)
		}
	}
	for o, m := range n.keysFrom {
		for id := range m {
			if _, ok := n.cache.Originator(id); !ok {
				delete(m, id)
			}
		}
		if len(m) == 0 {
			delete(n.keysFrom, o)
		}
	}
}

// ringHasLocked reports whether key id is still served by one of our rings.
func (n *node) ringHasLocked(id string) bool {
	kid, err := envelope.ParseKeyID(id)
	if err != nil {
		return false
	}
	rs := n.rings[kid.Locator]
	if rs == nil {
		return false
	}
	ring := rs.currentRing()
	if ring == nil || ring.Locator() != kid.Locator {
		return false
	}
	info, ok := ring.Lookup(id)
	info.Wipe()
	return ok
}

// revoke denies delegate new keys, rotates every key it fetched from us and
// drops the keys we fetched from it.
func (n *node) revoke(delegate common.Address) {
	n.mu.Lock()
	n.denied[delegate] = true
	n.mu.Unlock()
	n.forgetDelegate(delegate)
}

// forgetDelegate rotates the key scopes delegate fetched and drops the keys
// fetched from it.
func (n *node) forgetDelegate(delegate common.Address) {
	n.mu.Lock()
	fetched := n.fetchedBy[delegate]
	delete(n.fetchedBy, delegate)
	from := n.keysFrom[delegate]
	delete(n.keysFrom, delegate)
	n.forgetReadersLocked(delegate)
	n.mu.Unlock()
	for id, scope := range fetched {
		kid, err := envelope.ParseKeyID(id)
		if err != nil {
			continue
		}
		n.mu.Lock()
		rs := n.rings[kid.Locator]
		n.mu.Unlock()
		if rs == nil {
			continue
		}
		if ring := rs.currentRing(); ring.Locator() == kid.Locator {
			ring.RotateScope(scope)
		}
	}
	for id := range from {
		n.cache.Remove(id)
	}
	n.cache.RemoveOriginator(keyring.Origin(delegate))
}

// revokeMeasurement rotates every key fetched by a peer whose evidence had
// measurement m and drops the keys this node fetched from such peers; the
// peers themselves are refused from now on by the attestation verifier
// (the policy version moved), not by the local deny list.
func (n *node) revokeMeasurement(m [32]byte) {
	seen := map[common.Address]bool{}
	for _, d := range append(n.responder.AttestedWith(m), n.requester.AttestedWith(m)...) {
		if seen[d] {
			continue
		}
		seen[d] = true
		n.forgetDelegate(d)
	}
}

// rotateAll retires every current key of every ring.
func (n *node) rotateAll() {
	for _, rs := range append(append([]*ruleState{}, n.rules...), n.def) {
		if ring := rs.currentRing(); ring != nil {
			ring.RotateAll()
		}
	}
}
