package session

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// Key push (docs/protocol.md §3.10): the originator keeps, per key slot
// (ring, scope, tag), the readers it served a key of that slot; when the
// slot's key is replaced, it pushes the new key to them before the first
// message under it. Only publication keys are pushed: pushes and EVENTs
// pass through the router's broker in order, while a CALL or YIELD passes
// through its dealer and can overtake a push (and has one reader). Each
// push is one small EVENT on the reader's push topic: nothing comes back,
// so a rotation costs the router N events from one publisher rather than
// N calls into one callee's queue, and a push that is dropped only means
// that reader fetches the key as without push.

const (
	// MaxPushesPerRotation bounds the readers one new key is pushed to;
	// the others fetch it.
	MaxPushesPerRotation = 4096
	// maxPushReaders bounds the readers remembered over all slots.
	maxPushReaders = 65536
	// pushReqBase is the first request id of push PUBLISHes: far above
	// nexus's sequential ids, so that an ERROR for a push is told apart.
	pushReqBase = 1 << 52
	// pushBudget bounds the work of one rotation's pushes (they run before
	// the first message under the new key is sent): readers whose trust
	// decision is not answered in time are skipped and fetch.
	pushBudget = time.Second
)

// pushSlot names a key slot of this node's rings.
type pushSlot struct {
	loc        envelope.Locator
	scope, tag string
}

// pushReader is a reader of a slot: who it is (for the deny list) and
// when it was last served a key of the slot.
type pushReader struct {
	rd       *keydist.Reader
	delegate common.Address
	seen     time.Time
}

func (n *node) pushOn() bool { return !n.cfg.NoKeyPush && !n.cfg.SignedKeyExchanges }

// recordReaderLocked remembers rd (delegate) as a reader of the slot of
// key info of ring loc. n.mu must be held.
func (n *node) recordReaderLocked(loc envelope.Locator, info *keyring.Info, rd *keydist.Reader, delegate common.Address) {
	if !n.pushOn() || info.Tag != tagPublish {
		return
	}
	sl := pushSlot{loc: loc, scope: info.Scope, tag: info.Tag}
	m := n.readers[sl]
	if m == nil {
		m = map[[32]byte]*pushReader{}
		n.readers[sl] = m
	}
	if e := m[rd.CSPubKey]; e != nil {
		e.rd, e.delegate, e.seen = rd, delegate, time.Now()
		return
	}
	if n.readerCount >= maxPushReaders || len(m) >= MaxPushesPerRotation {
		return
	}
	m[rd.CSPubKey] = &pushReader{rd: rd, delegate: delegate, seen: time.Now()}
	n.readerCount++
}

// forgetReadersLocked drops every slot entry of delegate. n.mu must be
// held.
func (n *node) forgetReadersLocked(delegate common.Address) {
	for sl, m := range n.readers {
		for cs, e := range m {
			if e.delegate == delegate {
				delete(m, cs)
				n.readerCount--
			}
		}
		if len(m) == 0 {
			delete(n.readers, sl)
		}
	}
}

// pruneReadersLocked drops readers not served a key of their slot for the
// received-key cache's lifetime (they hold no key of it any more), and
// slots whose ring is gone. n.mu must be held.
func (n *node) pruneReadersLocked(now time.Time) {
	for sl, m := range n.readers {
		_, live := n.rings[sl.loc]
		for cs, e := range m {
			if !live || now.Sub(e.seen) > keyring.DefaultCacheTTL {
				delete(m, cs)
				n.readerCount--
			}
		}
		if len(m) == 0 {
			delete(n.readers, sl)
		}
	}
}

// pushes returns the PUBLISHes that push the new key keyID of ring to the
// readers of its slot (see MaxPushesPerRotation), and marks them as
// holding it. Readers revoked, no longer known for resuming or refused by
// the trust decision now are skipped (counted); they fetch.
func (n *node) pushes(ring *keyring.Ring, keyID string) []wamp.Message {
	info, ok := ring.Lookup(keyID)
	if !ok {
		return nil
	}
	defer info.Wipe()
	sl := pushSlot{loc: ring.Locator(), scope: info.Scope, tag: info.Tag}
	n.mu.Lock()
	m := n.readers[sl]
	readers := make([]pushTarget, 0, len(m))
	for _, e := range m {
		if n.denied[e.delegate] || !tagServes(info.Tag, e.rd.Role, e.delegate) {
			continue
		}
		readers = append(readers, pushTarget{e, e.rd, e.delegate})
		if len(readers) == MaxPushesPerRotation {
			break
		}
	}
	n.mu.Unlock()
	if len(readers) == 0 {
		return nil
	}
	expires := info.Expires
	if max := time.Now().Add(keyring.DefaultCacheTTL); expires.IsZero() || expires.After(max) {
		expires = max
	}
	scope := keydist.Scope{URI: info.Scope, Match: e2ee.MatchExact}
	ctx, cancel := context.WithTimeout(context.Background(), min(pushBudget, n.cfg.FetchTimeout))
	defer cancel()
	out := make([]wamp.Message, 0, len(readers))
	to := make([]pushTarget, 0, len(readers))
	for _, r := range readers {
		rd := r.rd
		p, err := n.responder.Push(ctx, rd, keyID, &info.Key, scope, expires)
		if err != nil {
			n.stats.pushesSkipped.Add(1)
			continue
		}
		kw, err := keydist.EncodePush(p)
		if err != nil {
			n.stats.pushesSkipped.Add(1)
			continue
		}
		out = append(out, &wamp.Publish{
			Request: wamp.ID(pushReqBase + n.pushSeq.Add(1)),
			Options: wamp.Dict{},
			Topic:   wamp.URI(keydist.PushTopic(n.cfg.KeyRPCPrefix, rd.CSPubKey)),
			// No Arguments: the push is the keyword arguments.
			ArgumentsKw: n.wire(kw),
		})
		to = append(to, r)
	}
	// A pushed key is served like a fetched one: recorded for revocation
	// (fetchedBy) atomically with respect to revoke, as in serveKey —
	// either revoke sees this push (and rotates the key) or we see the
	// revocation (and do not send it). Only readers pushed to count as
	// served the slot's key now: one skipped is forgotten after
	// keyring.DefaultCacheTTL, as if never pushed to.
	sent := out[:0]
	now := time.Now()
	n.mu.Lock()
	for i, t := range to {
		if n.denied[t.delegate] {
			n.stats.pushesSkipped.Add(1)
			continue
		}
		m := n.fetchedBy[t.delegate]
		if m == nil {
			m = map[string]string{}
			n.fetchedBy[t.delegate] = m
		}
		m[keyID] = info.Scope
		t.e.seen = now
		sent = append(sent, out[i])
	}
	n.mu.Unlock()
	clear(out[len(sent):])
	n.stats.pushesSent.Add(uint64(len(sent)))
	return sent
}

// pushTarget is a reader of a slot as pushes snapshots it under n.mu.
type pushTarget struct {
	e        *pushReader // its entry, whose fields are read under n.mu only
	rd       *keydist.Reader
	delegate common.Address
}

// isPushError reports whether an ERROR answers one of our push PUBLISHes.
func isPushError(m *wamp.Error) bool { return m.Type == wamp.PUBLISH && m.Request > pushReqBase }

// acceptPush verifies a pushed key and caches it exactly as a fetched one;
// a push refused is counted and changes nothing. Only refusals of a push
// that authenticated are logged: anyone can publish to the push topic,
// and a line per forgery would let them flood the log.
func (n *node) acceptPush(kw wamp.Dict) {
	if err := n.openPush(kw); err != nil {
		n.stats.rejectPush(pushReason(err))
		if !forgeable(err) {
			n.cfg.Logf("session: key push refused: %v", err)
		}
		return
	}
	n.stats.pushesAccepted.Add(1)
}

// forgeable reports whether err refuses a push before, or at, its MAC and
// replay checks: a refusal anyone can cause.
func forgeable(err error) bool {
	for _, e := range [...]error{keydist.ErrMalformed, keydist.ErrScope, keydist.ErrRole, keydist.ErrWrongDomain,
		keydist.ErrNotOurRequest, keydist.ErrStale, keydist.ErrExpired, keydist.ErrUnknownPeer, keydist.ErrBadMAC, keydist.ErrReplay} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func (n *node) openPush(kw wamp.Dict) error {
	p, err := keydist.DecodePush(kw)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), n.cfg.FetchTimeout)
	defer cancel()
	key, vc, err := n.requester.OpenPush(ctx, p)
	if err != nil {
		return err
	}
	defer func() { key = [keydist.KeySize]byte{} }()
	kinds := roleKinds(p.Role)
	if kinds == 0 {
		return fmt.Errorf("session: key push: %w", keydist.ErrRole)
	}
	return n.storeKey(p.KeyID, p.Scope.URI, kinds, &key, ed25519.PublicKey(append([]byte(nil), p.CSPubKey[:]...)),
		time.UnixMilli(int64(p.ExpiresAt)), vc.DelegateAddress()) //nolint:gosec // bounded by the decoder
}

// pushReason names the refusal of a push for Stats.KeyPushRejections: the
// last component of the key-request error URI (bad_mac, replay, stale,
// unknown_peer, untrusted, …), or not_ours, expired, scope, box_open.
func pushReason(err error) string {
	switch {
	case errors.Is(err, keydist.ErrNotOurRequest):
		return "not_ours"
	case errors.Is(err, keydist.ErrExpired):
		return "expired"
	case errors.Is(err, keydist.ErrScope):
		return "scope"
	case errors.Is(err, keydist.ErrBoxOpen):
		return "box_open"
	}
	u := keydist.ErrorURI(err)
	return u[strings.LastIndexByte(u, '.')+1:]
}

// errRevokedOriginator: a key whose originator is on the deny list.
var errRevokedOriginator = errors.New("session: originator revoked")

// storeKey caches key (id keyID) for exactly uri and kinds, from sender,
// and records it as fetched from originator (for revocation); the one
// place fetched and pushed keys enter the cache.
func (n *node) storeKey(keyID, uri string, kinds envelope.KindSet, key *[keydist.KeySize]byte, sender ed25519.PublicKey, expires time.Time, originator common.Address) error {
	if n.isDenied(originator) {
		return fmt.Errorf("session: key: %w: %w", errRevokedOriginator, keydist.ErrUntrusted)
	}
	ks := envelope.KeyScope{URI: uri, Match: e2ee.MatchExact, Kinds: kinds}
	if err := n.cache.AddScoped(keyID, key, sender, expires, ks, keyring.Origin(originator)); err != nil {
		return fmt.Errorf("session: caching key: %w", err)
	}
	n.mu.Lock()
	if n.denied[originator] {
		// Revoked while the key was being verified: revoke already purged
		// the cache, so drop this key too.
		n.mu.Unlock()
		n.cache.Remove(keyID)
		return fmt.Errorf("session: key: %w: %w", errRevokedOriginator, keydist.ErrUntrusted)
	}
	n.pruneLocked()
	m := n.keysFrom[originator]
	if m == nil {
		m = map[string]bool{}
		n.keysFrom[originator] = m
	}
	m[keyID] = true
	n.mu.Unlock()
	return nil
}
