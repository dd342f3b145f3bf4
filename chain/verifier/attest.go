package verifier

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
)

// AttestationPolicy returns the registry's remote-attestation policy as package e2ee/attest
// reads it (attest.PolicySource), served by this verifier with the discipline of its trust
// decisions: facts read at the follower's processed block P (never at "latest"), cached and
// dropped by registry events, used only while fresh, fail closed (errors wrap
// e2ee.ErrTrustUnavailable with ErrUnreachable or ErrStale). Its Version is its own: it moves on
// attestation events, authorizations (an AK enrollment may change), realm moves, resyncs and
// changes of the event stream, not on every trust-state change.
func (v *Verifier) AttestationPolicy() attest.PolicySource { return attestationSource{v} }

type attestationSource struct{ v *Verifier }

func (s attestationSource) Attestation(ctx context.Context, q attest.Query) (attest.Facts, error) {
	return s.v.attestation(ctx, q)
}

func (s attestationSource) Version() uint64 { return s.v.attGen.Load() }

var _ attest.PolicySource = attestationSource{}

// attKey is what attestation facts were read about.
type attKey struct {
	issuer, realm, delegate common.Address
	measurement             common.Hash
}

// attEntry is cached attestation facts, read at block.
type attEntry struct {
	attKey
	status chain.AttestationStatus
	block  uint64
}

// attScope selects cached attestation facts; zero fields match anything (see invalidateAtt).
type attScope struct {
	issuer, realm, delegate common.Address
	measurement             common.Hash
}

func (s attScope) matches(e *attEntry) bool {
	return (s.realm == common.Address{} || s.realm == e.realm) &&
		(s.issuer == common.Address{} || s.issuer == e.issuer) &&
		(s.delegate == common.Address{} || s.delegate == e.delegate) &&
		(s.measurement == common.Hash{} || s.measurement == e.measurement)
}

// invalidateAtt drops the cached attestation facts in s (all for the zero scope), bumps the
// attestation version, and reports what the dropped facts said: whether one of them had an
// enrolled AK, and whether one was for a realm that requires attestation.
func (v *Verifier) invalidateAtt(s attScope) (hadAK, required bool) {
	v.mu.Lock()
	n := 0
	for k, e := range v.att {
		if s.matches(e) {
			hadAK = hadAK || e.status.AKDigest != (common.Hash{})
			delete(v.att, k)
			n++
		}
		if e.realm == s.realm && e.status.Policy.Required {
			required = true
		}
	}
	v.attGen.Add(1)
	v.mu.Unlock()
	v.stats.invalidated.Add(uint64(n))
	return hadAK, required
}

// attestation implements attest.PolicySource.Attestation.
func (v *Verifier) attestation(ctx context.Context, q attest.Query) (attest.Facts, error) {
	if err := ctx.Err(); err != nil {
		return attest.Facts{}, unavailable(ErrUnreachable, "attestation policy: %v", err)
	}
	if v.closed.Load() {
		return attest.Facts{}, unavailable(ErrClosed, "attestation policy after Close")
	}
	k := attKey{issuer: q.Issuer, realm: q.Realm, delegate: q.Delegate, measurement: q.Measurement}
	// Sampled before the lookup and the read, as in decide: a fact read before an invalidation
	// is not cached, and the answer carries a version that the invalidation has moved past.
	gen := v.attGen.Load()
	v.mu.RLock()
	e := v.att[k]
	v.mu.RUnlock()
	if e != nil {
		if fresh, _ := v.freshAt(e.block); fresh {
			v.stats.hits.Add(1)
			return factsOf(e.status, gen), nil
		}
	}
	v.stats.misses.Add(1)
	st, block, cacheable, err := v.readAttestation(ctx, k)
	if err != nil {
		if e != nil {
			_, why := v.freshAt(e.block)
			return attest.Facts{}, unavailable(ErrStale, "attestation policy of realm %s from block %d is %s, and re-reading failed: %v", k.realm.Hex(), e.block, why, err)
		}
		return attest.Facts{}, unavailable(ErrUnreachable, "attestation policy of realm %s cannot be read: %v", k.realm.Hex(), err)
	}
	if cacheable {
		v.mu.Lock()
		if v.attGen.Load() == gen {
			if len(v.att) >= v.cfg.MaxEntries {
				clear(v.att)
			}
			v.att[k] = &attEntry{attKey: k, status: st, block: block}
		}
		v.mu.Unlock()
	}
	return factsOf(st, gen), nil
}

func factsOf(s chain.AttestationStatus, version uint64) attest.Facts {
	return attest.Facts{
		Required:     s.Policy.Required,
		MaxAge:       s.Policy.MaxQuoteAge,
		PCRSelection: s.Policy.PCRSelection,
		AKDigest:     s.AKDigest,
		Measurement:  attest.MeasurementState(s.Measurement),
		Version:      version,
	}
}

// readAttestation reads attestationStatus for k at the follower's processed block P, in one batch
// with the same call at "latest" (a change detector only) and eth_blockNumber (H), exactly as read
// does for authorizations: when P and "latest" agree the facts at P are the answer; otherwise,
// when H > P, the facts at H (a change the follower has not processed yet); when H ≤ P the
// endpoint's answers cannot be placed and it fails (the caller fails closed). With
// confirmations c > 0 the facts are also read c blocks earlier and combined by confirmed: a
// relaxation counts only once confirmed, a tightening at once; facts that differ from those c
// blocks back are not cached.
func (v *Verifier) readAttestation(ctx context.Context, k attKey) (_ chain.AttestationStatus, block uint64, cacheable bool, _ error) {
	ctx, cancel := context.WithTimeout(ctx, v.cfg.ReadTimeout)
	defer cancel()
	p := v.processed.Load()
	st, head, ok, err := v.attBatch(ctx, k, p, true)
	if err != nil && errors.Is(err, errBehind) && ctx.Err() == nil {
		// A load-balanced endpoint may route the next batch to a node that has P.
		st, head, ok, err = v.attBatch(ctx, k, p, true)
	}
	if err != nil {
		return chain.AttestationStatus{}, 0, false, fmt.Errorf("read at processed block %d: %w", p, err)
	}
	v.noteHead(head)
	if ok {
		return st.cur, p, st.cacheable, nil
	}
	if head <= p {
		return chain.AttestationStatus{}, 0, false, fmt.Errorf("the facts at block %d and at \"latest\" differ and the endpoint reports head %d: cannot tell which is newer", p, head)
	}
	at, _, _, err := v.attBatch(ctx, k, head, false)
	if err != nil {
		return chain.AttestationStatus{}, 0, false, fmt.Errorf("read at block %d: %w", head, err)
	}
	return at.cur, head, at.cacheable, nil
}

// attRead is what one attBatch group established.
type attRead struct {
	cur       chain.AttestationStatus
	cacheable bool
}

// attBatch reads attestationStatus for k at block n (and at n−c with confirmations c); with detect
// also at "latest" and then eth_blockNumber. same reports whether "latest" agrees with n.
func (v *Verifier) attBatch(ctx context.Context, k attKey, n uint64, detect bool) (_ attRead, head uint64, same bool, _ error) {
	v.stats.reads.Add(1)
	conf := v.backend.Confirmations()
	if conf > 0 && n < conf {
		return attRead{}, 0, false, fmt.Errorf("block %d has fewer than %d confirmations", n, conf)
	}
	data := v.abi.PackAttestationStatus(k.issuer, k.realm, k.delegate, k.measurement)
	tags := []string{hexutil.EncodeUint64(n)}
	if conf > 0 {
		tags = append(tags, hexutil.EncodeUint64(n-conf))
	}
	if detect {
		tags = append(tags, "latest")
	}
	outs := make([]hexutil.Bytes, len(tags))
	batch := make([]rpc.BatchElem, 0, len(tags)+1)
	for i, tag := range tags {
		batch = append(batch, rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: v.cfg.Registry, Data: data}, tag}, Result: &outs[i]})
	}
	var h hexutil.Uint64
	if detect {
		batch = append(batch, rpc.BatchElem{Method: "eth_blockNumber", Result: &h})
	}
	if v.backend.Transport() == chain.TransportWebsocket {
		select { // one batch at a time on a websocket (see readBatch)
		case v.wsReads <- struct{}{}:
			defer func() { <-v.wsReads }()
		case <-ctx.Done():
			return attRead{}, 0, false, ctx.Err()
		}
	}
	if err := v.rpc.BatchCallContext(ctx, batch); err != nil {
		return attRead{}, 0, false, fmt.Errorf("batch of %d calls at block %d: %w", len(batch), n, err)
	}
	if detect && batch[len(batch)-1].Error == nil {
		head = uint64(h)
	}
	for i := range batch {
		if batch[i].Error != nil {
			err := fmt.Errorf("batch element %d (%s at %v) for block %d: %w", i, batch[i].Method, tagOf(batch[i]), n, chain.DecodeRevert(batch[i].Error))
			if head != 0 && head < n {
				err = fmt.Errorf("%w (endpoint head %d): %w", errBehind, head, err)
			}
			return attRead{}, head, false, err
		}
	}
	sts := make([]chain.AttestationStatus, len(outs))
	for i, out := range outs {
		if len(out) == 0 {
			return attRead{}, head, false, fmt.Errorf("empty attestationStatus result at %s (no registry code at this block?)", tags[i])
		}
		s, err := v.abi.UnpackAttestationStatus(out)
		if err != nil {
			return attRead{}, head, false, fmt.Errorf("decode attestationStatus at %s: %w", tags[i], err)
		}
		sts[i] = chain.AttestationStatusFromOutput(s.Policy, s.AkDigest, s.Status)
	}
	r := attRead{cur: sts[0], cacheable: true}
	if conf > 0 {
		r.cur, r.cacheable = confirmed(sts[0], sts[1])
	}
	same = !detect || sameAttestation(sts[0], sts[len(sts)-1])
	return r, head, same, nil
}

// sameAttestation reports whether a and b lead to the same verdicts (the block of the policy's
// last change aside).
func sameAttestation(a, b chain.AttestationStatus) bool {
	a.Policy.UpdatedBlock, b.Policy.UpdatedBlock = 0, 0
	return a == b
}

// confirmed combines the facts at a block (cur) with those c blocks earlier (old) so that what
// makes evidence acceptable counts only once confirmed and what makes it unacceptable counts at
// once: a measurement is Allowed only if allowed at both; attestation is required if required at
// either, with the smaller quote age and the current PCR selection (the older one if only it
// requires); an AK counts only if enrolled at both. cacheable is false when they differ (the
// answer changes with time alone).
func confirmed(cur, old chain.AttestationStatus) (_ chain.AttestationStatus, cacheable bool) {
	if sameAttestation(cur, old) {
		return cur, true
	}
	out := cur
	if cur.Measurement == chain.MeasurementAllowed && old.Measurement != chain.MeasurementAllowed {
		out.Measurement = old.Measurement
	}
	switch {
	case cur.Policy.Required && old.Policy.Required:
		out.Policy.MaxQuoteAge = min(cur.Policy.MaxQuoteAge, old.Policy.MaxQuoteAge)
	case old.Policy.Required:
		out.Policy = old.Policy
	}
	if cur.AKDigest != old.AKDigest {
		out.AKDigest = common.Hash{}
	}
	return out, false
}

// freshAt reports whether facts read at block may be used now, and if not, why.
func (v *Verifier) freshAt(block uint64) (bool, string) {
	if !v.synced.Load() {
		return false, "not covered by a live event stream"
	}
	if age := time.Since(time.Unix(0, v.lastSeen.Load())); age > v.cfg.MaxStaleTime {
		return false, fmt.Sprintf("unconfirmed for %s (limit %s)", age.Round(time.Millisecond), v.cfg.MaxStaleTime)
	}
	if h := v.head.Load(); h > block && h-block > v.cfg.MaxStaleBlocks {
		return false, fmt.Sprintf("%d blocks old (limit %d)", h-block, v.cfg.MaxStaleBlocks)
	}
	return true, ""
}
