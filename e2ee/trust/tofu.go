package trust

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// Limits of a TOFU pin store.
const (
	// DefaultMaxPins is the pin limit when TOFUConfig.MaxPins is 0.
	DefaultMaxPins = 100_000
	// MaxIdentityLength bounds a peer identity.
	MaxIdentityLength = 256
	// maxPinFileSize bounds the pin file read at start.
	maxPinFileSize = 64 << 20
)

// Errors of the TOFU decider.
var (
	// ErrPinMismatch: the peer presented a different trustroot (or
	// delegate) than the one pinned. It is returned wrapped together with
	// e2ee.ErrUntrusted; the operator may Accept the new value.
	ErrPinMismatch = errors.New("pinned trustroot changed")
	// ErrNoPending: Accept found no matching pending change.
	ErrNoPending = errors.New("no such pending pin change")
)

// Pin is the trust pinned for one peer identity.
type Pin struct {
	// Identity is TrustRequest.Peer, or "realm:<address>" when that was empty.
	Identity string `json:"identity"`
	// Trustroot is the pinned root CA; the zero address when the first
	// chain seen was a lone delegate certificate, which pins Delegate.
	Trustroot common.Address `json:"trustroot"`
	// Delegate is the first delegate seen (the pinned value when Trustroot
	// is zero).
	Delegate  common.Address `json:"delegate"`
	FirstSeen time.Time      `json:"firstSeen"`
	// Pending is the most recent refused change, awaiting Accept.
	Pending *PendingChange `json:"pending,omitempty"`
}

// PendingChange is a refused pin change.
type PendingChange struct {
	Trustroot common.Address `json:"trustroot"`
	Delegate  common.Address `json:"delegate"`
	Seen      time.Time      `json:"seen"`
}

// pinned returns the value a pin compares: the trustroot, or the delegate
// for a lone-delegate pin.
func (p *Pin) pinned() common.Address {
	if p.Trustroot != (common.Address{}) {
		return p.Trustroot
	}
	return p.Delegate
}

// pinFile is the on-disk form.
type pinFile struct {
	Version int   `json:"version"`
	Pins    []Pin `json:"pins"`
}

// TOFUConfig configures a TOFU decider.
type TOFUConfig struct {
	// Path is the JSON pin file; it is created (0600) when missing.
	Path string
	// MaxPins bounds the number of identities (0: DefaultMaxPins). New
	// identities beyond it are refused with e2ee.ErrTrustUnavailable.
	MaxPins int
	// Rules, when not empty, restrict URIs and roles as for Standalone.
	Rules []Rule
	// Now returns the current time (nil: time.Now).
	Now func() time.Time
}

// TOFU pins the first trustroot seen per peer identity (trust on first
// use). It is safe for concurrent use; every change is persisted before it
// takes effect.
type TOFU struct {
	mu      sync.Mutex
	path    string
	maxPins int
	rules   ruleSet
	now     func() time.Time
	pins    map[string]*Pin
	version uint64
}

// OpenTOFU loads (or creates) the pin file and returns the decider.
func OpenTOFU(cfg TOFUConfig) (*TOFU, error) {
	if cfg.Path == "" {
		return nil, errors.New("trust: tofu: no pin file path")
	}
	rules, err := newRuleSet(cfg.Rules)
	if err != nil {
		return nil, err
	}
	t := &TOFU{path: cfg.Path, maxPins: cfg.MaxPins, rules: rules, now: cfg.Now, pins: map[string]*Pin{}, version: 1}
	if t.maxPins <= 0 {
		t.maxPins = DefaultMaxPins
	}
	if t.now == nil {
		t.now = time.Now
	}
	f, err := os.Open(cfg.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := t.saveLocked(); err != nil {
			return nil, err
		}
		return t, nil
	case err != nil:
		return nil, fmt.Errorf("trust: tofu: open pin file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPinFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("trust: tofu: read pin file: %w", err)
	}
	pins, err := parsePinFile(data, t.maxPins)
	if err != nil {
		return nil, fmt.Errorf("trust: tofu: pin file %s: %w", cfg.Path, err)
	}
	t.pins = pins
	return t, nil
}

// parsePinFile decodes and validates a pin file.
func parsePinFile(data []byte, maxPins int) (map[string]*Pin, error) {
	if len(data) > maxPinFileSize {
		return nil, fmt.Errorf("larger than %d bytes", maxPinFileSize)
	}
	var pf pinFile
	if err := json.Unmarshal(data, &pf); err != nil {
		return nil, err
	}
	if pf.Version != 1 {
		return nil, fmt.Errorf("unknown version %d", pf.Version)
	}
	if len(pf.Pins) > maxPins {
		return nil, fmt.Errorf("%d pins, more than %d", len(pf.Pins), maxPins)
	}
	pins := make(map[string]*Pin, len(pf.Pins))
	for i := range pf.Pins {
		p := pf.Pins[i]
		if p.Identity == "" || len(p.Identity) > MaxIdentityLength {
			return nil, fmt.Errorf("pin %d: bad identity", i)
		}
		if p.pinned() == (common.Address{}) {
			return nil, fmt.Errorf("pin %d: pins nothing", i)
		}
		if _, dup := pins[p.Identity]; dup {
			return nil, fmt.Errorf("pin %d: duplicate identity %.80q", i, p.Identity)
		}
		pins[p.Identity] = &p
	}
	return pins, nil
}

// saveLocked persists all pins atomically. t.mu must be held.
func (t *TOFU) saveLocked() error {
	pf := pinFile{Version: 1, Pins: make([]Pin, 0, len(t.pins))}
	for _, p := range t.pins {
		pf.Pins = append(pf.Pins, *p)
	}
	slices.SortFunc(pf.Pins, func(a, b Pin) int { return strings.Compare(a.Identity, b.Identity) })
	data, err := json.MarshalIndent(pf, "", "  ")
	if err != nil {
		return fmt.Errorf("trust: tofu: encode pins: %w", err)
	}
	if err := writeFileAtomic(t.path, data); err != nil {
		return fmt.Errorf("trust: tofu: save pins to %s: %w", t.path, err)
	}
	return nil
}

// identityOf returns the pin identity of a request.
func identityOf(req e2ee.TrustRequest) string {
	if req.Peer != "" {
		return req.Peer
	}
	return "realm:" + req.Realm.Hex()
}

// Decide implements e2ee.TrustDecider: the first chain seen for an identity
// is pinned (persisted before it is trusted); later chains must lead to the
// same trustroot, or for a lone-delegate pin, come from the same delegate.
func (t *TOFU) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	if err := ctx.Err(); err != nil {
		return e2ee.TrustDecision{}, fmt.Errorf("trust: tofu: %w: %w", e2ee.ErrTrustUnavailable, err)
	}
	if err := checkRequest(req); err != nil {
		return e2ee.TrustDecision{}, err
	}
	id := identityOf(req)
	if len(id) > MaxIdentityLength {
		return e2ee.TrustDecision{}, untrusted("peer identity longer than %d bytes", MaxIdentityLength)
	}
	root, complete := req.Chain.Trustroot()
	if complete {
		if realm, _ := req.Chain.Realm(); realm != req.Realm {
			return e2ee.TrustDecision{}, untrusted("chain is for realm %s, request for %s", realm.Hex(), req.Realm.Hex())
		}
	}
	caps, capsKnown := req.Chain.Capabilities()
	if reason := t.rules.check(req.URI, req.Role, caps, capsKnown); reason != "" {
		return e2ee.TrustDecision{}, untrusted("%s", reason)
	}
	delegate := req.Chain.DelegateAddress()
	offered := delegate
	if complete {
		offered = root
	}
	at := req.At
	if at.IsZero() {
		at = t.now()
	}

	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.pins[id]
	switch {
	case !ok:
		if len(t.pins) >= t.maxPins {
			return e2ee.TrustDecision{}, fmt.Errorf("trust: tofu: %w: pin store full (%d identities)", e2ee.ErrTrustUnavailable, t.maxPins)
		}
		p = &Pin{Identity: id, Delegate: delegate, FirstSeen: at.UTC()}
		if complete {
			p.Trustroot = root
		}
		t.pins[id] = p
		if err := t.saveLocked(); err != nil {
			delete(t.pins, id)
			return e2ee.TrustDecision{}, fmt.Errorf("%w: %w", e2ee.ErrTrustUnavailable, err)
		}
		t.version++
	case p.pinned() != offered:
		prev := p.Pending
		p.Pending = &PendingChange{Delegate: delegate, Seen: at.UTC()}
		if complete {
			p.Pending.Trustroot = root
		}
		if err := t.saveLocked(); err != nil {
			p.Pending = prev
		}
		return e2ee.TrustDecision{}, fmt.Errorf("trust: tofu: %w: %w: identity %.80q is pinned to %s, peer presented %s; the operator must Accept the change",
			e2ee.ErrUntrusted, ErrPinMismatch, id, p.pinned().Hex(), offered.Hex())
	}
	issuer, _ := req.Chain.Issuer()
	return e2ee.TrustDecision{Trustroot: p.pinned(), Issuer: issuer, Delegate: delegate, Capabilities: caps, Version: t.version}, nil
}

// Accept replaces the pin of identity by its pending change, which must pin
// want (the new trustroot, or delegate for a lone-delegate pin) — so an
// operator accepts exactly the change they inspected.
func (t *TOFU) Accept(identity string, want common.Address) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.pins[identity]
	if !ok || p.Pending == nil {
		return fmt.Errorf("trust: tofu: accept %.80q: %w", identity, ErrNoPending)
	}
	next := Pin{Identity: identity, Trustroot: p.Pending.Trustroot, Delegate: p.Pending.Delegate, FirstSeen: p.Pending.Seen}
	if next.pinned() != want {
		return fmt.Errorf("trust: tofu: accept %.80q: %w: pending change pins %s, not %s", identity, ErrNoPending, next.pinned().Hex(), want.Hex())
	}
	old := *p
	*p = next
	if err := t.saveLocked(); err != nil {
		*p = old
		return err
	}
	t.version++
	return nil
}

// Forget removes the pin of identity; the next chain seen is pinned anew.
func (t *TOFU) Forget(identity string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.pins[identity]
	if !ok {
		return nil
	}
	delete(t.pins, identity)
	if err := t.saveLocked(); err != nil {
		t.pins[identity] = p
		return err
	}
	t.version++
	return nil
}

// Pins returns a copy of all pins, sorted by identity.
func (t *TOFU) Pins() []Pin {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Pin, 0, len(t.pins))
	for _, p := range t.pins {
		c := *p
		if p.Pending != nil {
			pc := *p.Pending
			c.Pending = &pc
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Pin) int { return strings.Compare(a.Identity, b.Identity) })
	return out
}
