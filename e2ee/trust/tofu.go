package trust

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gofrs/flock"
	"golang.org/x/time/rate"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// Limits of a TOFU pin store.
const (
	// DefaultMaxPins is the pin limit when TOFUConfig.MaxPins is 0.
	DefaultMaxPins = 100_000
	// DefaultNewPinRate and DefaultNewPinBurst bound how fast new
	// identities are pinned when TOFUConfig leaves them 0.
	DefaultNewPinRate  = 20
	DefaultNewPinBurst = 100
	// MaxIdentityLength bounds a peer identity.
	MaxIdentityLength = 256
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

// TOFUConfig configures a TOFU decider.
type TOFUConfig struct {
	// Path is the pin file (see the package documentation for its format
	// and how processes share it). It is created (0600) at the first pin,
	// together with its lock file Path+".lock"; its directory must exist.
	Path string
	// MaxPins bounds the number of identities (0: DefaultMaxPins). At the
	// cap, new identities are refused with e2ee.ErrTrustUnavailable (fail
	// closed); pinned identities keep working, and Forget makes room.
	MaxPins int
	// NewPinRate bounds, per second, the identities never seen before that
	// are pinned and the refused changes that are recorded (0:
	// DefaultNewPinRate; negative: no bound); NewPinBurst is the burst
	// allowed (0: DefaultNewPinBurst). Beyond it a new identity is refused
	// with e2ee.ErrTrustUnavailable (it may retry) before any file work,
	// and a refused change is refused without being recorded, so that a
	// flood of fresh identities costs the store neither disk nor the lock
	// that pinned identities' decisions need.
	NewPinRate  float64
	NewPinBurst int
	// Rules, when not empty, restrict URIs and roles as for Standalone.
	Rules []Rule
	// Now returns the current time (nil: time.Now).
	Now func() time.Time
}

// TOFU pins the first trustroot seen per peer identity (trust on first
// use). It is safe for concurrent use, and several processes may share one
// pin file: every change is merged with the file's current content under a
// file lock and persisted before it takes effect, and each decision sees
// the changes other processes (e.g. 'e2ee-node trust accept') made.
type TOFU struct {
	path    string
	lock    *flock.Flock
	maxPins int
	rules   ruleSet
	now     func() time.Time
	newPins *rate.Limiter

	// writeMu serialises this process's writers; the file lock serialises
	// processes.
	writeMu sync.Mutex
	// mu guards j and version; it is never held during an fsync.
	mu      sync.RWMutex
	j       journal
	version uint64
}

// OpenTOFU loads the pin file (a missing one is an empty store, created at
// the first pin) and returns the decider.
func OpenTOFU(cfg TOFUConfig) (*TOFU, error) {
	if cfg.Path == "" {
		return nil, errors.New("trust: tofu: no pin file path")
	}
	rules, err := newRuleSet(cfg.Rules)
	if err != nil {
		return nil, err
	}
	t := &TOFU{path: cfg.Path, lock: flock.New(cfg.Path + ".lock"), maxPins: cfg.MaxPins, rules: rules, now: cfg.Now, version: 1}
	if t.maxPins <= 0 {
		t.maxPins = DefaultMaxPins
	}
	if t.now == nil {
		t.now = time.Now
	}
	r, burst := rate.Limit(cfg.NewPinRate), cfg.NewPinBurst
	switch {
	case cfg.NewPinRate == 0:
		r = DefaultNewPinRate
	case cfg.NewPinRate < 0:
		r = rate.Inf
	}
	if burst <= 0 {
		burst = DefaultNewPinBurst
	}
	t.newPins = rate.NewLimiter(r, burst)
	if st, err := os.Stat(filepath.Dir(cfg.Path)); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("trust: tofu: pin file directory %s does not exist", filepath.Dir(cfg.Path))
	}
	if err := t.j.refresh(t.path, t.maxPins); err != nil {
		return nil, fmt.Errorf("trust: tofu: pin file %w", err)
	}
	return t, nil
}

// sync brings the in-memory store up to date with the pin file when the file
// changed (one stat when it did not).
func (t *TOFU) sync() error {
	t.mu.RLock()
	stale := t.j.stale(t.path)
	t.mu.RUnlock()
	if !stale {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	before := t.j.records
	err := t.j.refresh(t.path, t.maxPins)
	if t.j.records != before || err != nil {
		t.version++
	}
	if err != nil {
		return fmt.Errorf("trust: tofu: %w: pin file %w", e2ee.ErrTrustUnavailable, err)
	}
	return nil
}

// update runs decide on the store merged with the pin file, under the file
// lock, and persists the record it returns (if any) before applying it.
func (t *TOFU) update(ctx context.Context, decide func(pins map[string]*Pin) (*record, error)) error {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	ctx, cancel := lockContext(ctx)
	defer cancel()
	if ok, err := t.lock.TryLockContext(ctx, lockRetry); !ok {
		if err == nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			err = errLocked
		}
		return fmt.Errorf("trust: tofu: %w: lock %s: %w", e2ee.ErrTrustUnavailable, t.lock.Path(), err)
	}
	defer t.lock.Unlock()
	t.mu.Lock()
	err := t.j.refresh(t.path, t.maxPins)
	var r *record
	var w *writePlan
	if err == nil {
		r, err = decide(t.j.pins)
		if err == nil && r != nil {
			if w, err = t.j.plan(r); err != nil {
				err = fmt.Errorf("trust: tofu: %w: encode pin: %w", e2ee.ErrTrustUnavailable, err)
			}
		}
	} else {
		err = fmt.Errorf("trust: tofu: %w: pin file %w", e2ee.ErrTrustUnavailable, err)
	}
	t.mu.Unlock()
	if err != nil || r == nil {
		return err
	}
	// The slow part (write and fsync) runs without mu: decisions on pinned
	// identities go on meanwhile.
	written, err := w.run(t.path)
	if err != nil {
		return fmt.Errorf("trust: tofu: %w: save pin to %s: %w", e2ee.ErrTrustUnavailable, t.path, err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	_ = t.j.apply(r, math.MaxInt) // validated by decide; the cap was checked there
	written(&t.j)
	t.version++
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

	if err := t.sync(); err != nil {
		return e2ee.TrustDecision{}, err
	}
	issuer, _ := req.Chain.Issuer()
	decision := func(pinned common.Address, version uint64) e2ee.TrustDecision {
		return e2ee.TrustDecision{Trustroot: pinned, Issuer: issuer, Delegate: delegate, Capabilities: caps, Version: version}
	}
	t.mu.RLock()
	p, ok := t.j.pins[id]
	var pinned common.Address
	var samePending bool
	if ok {
		pinned = p.pinned()
		samePending = p.Pending != nil && p.Pending.Delegate == delegate && p.Pending.Trustroot == pendingRoot(complete, root)
	}
	version := t.version
	t.mu.RUnlock()
	switch {
	case ok && pinned == offered:
		return decision(pinned, version), nil // the fast path: no file work, no lock
	case ok && samePending:
		return e2ee.TrustDecision{}, mismatch(id, pinned, offered)
	case !t.newPins.Allow():
		if ok {
			return e2ee.TrustDecision{}, mismatch(id, pinned, offered) // refused, not recorded
		}
		return e2ee.TrustDecision{}, fmt.Errorf("trust: tofu: %w: too many new identities (more than %g a second); retry later", e2ee.ErrTrustUnavailable, float64(t.newPins.Limit()))
	}

	var trusted bool
	err := t.update(ctx, func(pins map[string]*Pin) (*record, error) {
		p, ok := pins[id]
		switch {
		case !ok:
			if len(pins) >= t.maxPins {
				return nil, fmt.Errorf("trust: tofu: %w: pin store full (%d identities); forget pins to make room", e2ee.ErrTrustUnavailable, t.maxPins)
			}
			np := &Pin{Identity: id, Delegate: delegate, FirstSeen: at.UTC()}
			if complete {
				np.Trustroot = root
			}
			trusted, pinned = true, np.pinned()
			return &record{Pin: np}, nil
		case p.pinned() == offered: // pinned or accepted by another process meanwhile
			trusted, pinned = true, offered
			return nil, nil
		default:
			pinned = p.pinned()
			pc := &PendingChange{Trustroot: pendingRoot(complete, root), Delegate: delegate, Seen: at.UTC()}
			if p.Pending != nil && p.Pending.Trustroot == pc.Trustroot && p.Pending.Delegate == pc.Delegate {
				return nil, nil
			}
			np := *p
			np.Pending = pc
			return &record{Pin: &np}, nil
		}
	})
	if trusted && err == nil {
		t.mu.RLock()
		version = t.version
		t.mu.RUnlock()
		return decision(pinned, version), nil
	}
	if err != nil && !ok {
		return e2ee.TrustDecision{}, err
	}
	// A refused change is refused whether or not it could be recorded.
	return e2ee.TrustDecision{}, mismatch(id, pinned, offered)
}

func pendingRoot(complete bool, root common.Address) common.Address {
	if complete {
		return root
	}
	return common.Address{}
}

func mismatch(id string, pinned, offered common.Address) error {
	return fmt.Errorf("trust: tofu: %w: %w: identity %.80q is pinned to %s, peer presented %s; the operator must Accept the change",
		e2ee.ErrUntrusted, ErrPinMismatch, id, pinned.Hex(), offered.Hex())
}

// Accept replaces the pin of identity by its pending change, which must pin
// want (the new trustroot, or delegate for a lone-delegate pin) — so an
// operator accepts exactly the change they inspected. A failed Accept
// changes no file.
func (t *TOFU) Accept(identity string, want common.Address) error {
	check := func(pins map[string]*Pin) (*record, error) {
		p, ok := pins[identity]
		if !ok || p.Pending == nil {
			return nil, fmt.Errorf("trust: tofu: accept %.80q: %w", identity, ErrNoPending)
		}
		next := Pin{Identity: identity, Trustroot: p.Pending.Trustroot, Delegate: p.Pending.Delegate, FirstSeen: p.Pending.Seen}
		if next.pinned() != want {
			return nil, fmt.Errorf("trust: tofu: accept %.80q: %w: pending change pins %s, not %s", identity, ErrNoPending, next.pinned().Hex(), want.Hex())
		}
		return &record{Pin: &next}, nil
	}
	if err := t.sync(); err != nil {
		return err
	}
	t.mu.RLock()
	_, err := check(t.j.pins) // refuse before touching the lock file
	t.mu.RUnlock()
	if err != nil {
		return err
	}
	return t.update(context.Background(), check)
}

// Forget removes the pin of identity; the next chain seen is pinned anew.
func (t *TOFU) Forget(identity string) error {
	if err := t.sync(); err != nil {
		return err
	}
	t.mu.RLock()
	_, ok := t.j.pins[identity]
	t.mu.RUnlock()
	if !ok {
		return nil
	}
	return t.update(context.Background(), func(pins map[string]*Pin) (*record, error) {
		if _, ok := pins[identity]; !ok {
			return nil, nil
		}
		return &record{Forget: identity}, nil
	})
}

// Pins returns a copy of all pins, as the pin file holds them now, sorted
// by identity.
func (t *TOFU) Pins() []Pin {
	_ = t.sync() // on error: what was read last
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make([]Pin, 0, len(t.j.pins))
	for _, p := range t.j.pins {
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
