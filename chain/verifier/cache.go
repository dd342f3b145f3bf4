package verifier

import (
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// key is what a verdict was decided on.
type key struct {
	issuer, realm, delegate common.Address
	// digests is the chain's certificate digests in order, concatenated:
	// a map key hashes it faster than SHA-256 would condense it (a cached
	// decision is on every key exchange's path).
	digests string
}

func digestsKey(ds []common.Hash) string {
	b := make([]byte, 0, len(ds)*common.HashLength)
	for i := range ds {
		b = append(b, ds[i][:]...)
	}
	return string(b)
}

// facts is what one batched read established.
type facts struct {
	auth chain.Authorization
	// confirmed is the status at head−confirmations (== auth.Status without confirmations).
	confirmed chain.AuthorizationStatus
	// revoked is the index of the first revoked certificate, -1 if none.
	revoked int
	block   uint64
	// uncacheable: the facts at the processed block and at "latest" disagreed and no newer
	// block could be read; the (negative) verdict is answered but not cached.
	uncacheable bool
}

// entry is a cached verdict.
type entry struct {
	key
	facts
	root    common.Address // the realm's root as read (or expected, if none)
	digests []common.Hash
}

// matches reports whether an invalidation scope covers e. Zero fields match anything.
type scope struct {
	root, realm, issuer, delegate common.Address
	digest                        common.Hash
}

func (s scope) matches(e *entry) bool {
	if s.root != (common.Address{}) && s.root != e.root {
		return false
	}
	if s.realm != (common.Address{}) && s.realm != e.realm {
		return false
	}
	if s.issuer != (common.Address{}) && s.issuer != e.issuer {
		return false
	}
	if s.delegate != (common.Address{}) && s.delegate != e.delegate {
		return false
	}
	if s.digest != (common.Hash{}) {
		return slices.Contains(e.digests, s.digest)
	}
	return true
}

// invalidate drops every entry in scope (all of them, and every cached attestation fact, for
// the zero scope) and bumps the trust-state version. It returns how many were dropped.
func (v *Verifier) invalidate(s scope) int {
	v.mu.Lock()
	n := 0
	if s == (scope{}) {
		n = len(v.entries) + len(v.att)
		clear(v.entries)
		// Anything may have changed: the attestation facts go too.
		clear(v.att)
		v.attGen.Add(1)
	} else {
		for k, e := range v.entries {
			if s.matches(e) {
				delete(v.entries, k)
				n++
			}
		}
	}
	v.gen.Add(1)
	v.mu.Unlock()
	v.stats.invalidated.Add(uint64(n))
	return n
}

// store caches e unless an invalidation happened since gen was sampled.
func (v *Verifier) store(e *entry, gen uint64) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.gen.Load() != gen {
		return false
	}
	if len(v.entries) >= v.cfg.MaxEntries {
		clear(v.entries)
	}
	v.entries[e.key] = e
	return true
}
