package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// AdmissionStatus is ITrustRegistry.AdmissionStatus.
type AdmissionStatus uint8

// The values of ITrustRegistry.AdmissionStatus, in declaration order.
const (
	AdmissionNone AdmissionStatus = iota
	AdmissionRequested
	AdmissionAdmitted
	AdmissionRemoved
)

// String returns the Solidity enum member's name.
func (s AdmissionStatus) String() string {
	if names := [...]string{"None", "Requested", "Admitted", "Removed"}; int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("AdmissionStatus(%d)", uint8(s))
}

// Admission is an Operator-CA's standing in a realm.
type Admission struct {
	Operator     common.Address
	Status       AdmissionStatus
	Capabilities uint64
	// Block is the block of the admission (of the request while Requested).
	Block uint64
	// Current reports whether the admission (or request) was made under the
	// realm's current Realm-CA; older ones were voided when the realm moved.
	Current bool
}

// RealmState is what the registry holds about a realm.
type RealmState struct {
	Realm common.Address
	// Root is the realm's Realm-CA (zero: none yet); RootSetBlock the block
	// it was set in.
	Root         common.Address
	RootSetBlock uint64
	// PendingRoot is the root the realm asked to become its Realm-CA and
	// that has not accepted yet (zero: none).
	PendingRoot common.Address
	// Operators lists every operator that ever asked for or was given an
	// admission into the realm, with its standing now, in the order they
	// first appeared.
	Operators []Admission
}

// ReadRealm reads a realm's Realm-CA, its pending Realm-CA request and its
// Operator-CA admissions at the latest block. Operators are found from the
// registry's AdmissionRequested, OperatorAdmitted and OperatorRemoved events
// (read from block 0 in bounded log queries: see ReadLogRanges), their
// standing from the registry's state.
func (r *Registry) ReadRealm(ctx context.Context, realm common.Address) (RealmState, error) {
	st := RealmState{Realm: realm}
	out, err := r.Call(ctx, r.ABI.PackGetRealm(realm))
	if err != nil {
		return st, fmt.Errorf("read realm %s: %w", realm.Hex(), err)
	}
	rm, err := r.ABI.UnpackGetRealm(out)
	if err != nil {
		return st, fmt.Errorf("read realm %s: decode: %w", realm.Hex(), err)
	}
	st.Root = rm.Root
	if rm.RootSetBlock != nil {
		st.RootSetBlock = rm.RootSetBlock.Uint64()
	}
	if out, err = r.Call(ctx, r.ABI.PackPendingRealmCA(realm)); err != nil {
		return st, fmt.Errorf("read pending Realm-CA of %s: %w", realm.Hex(), err)
	}
	if st.PendingRoot, err = r.ABI.UnpackPendingRealmCA(out); err != nil {
		return st, fmt.Errorf("read pending Realm-CA of %s: decode: %w", realm.Hex(), err)
	}
	operators, err := r.realmOperators(ctx, realm)
	if err != nil {
		return st, err
	}
	for _, op := range operators {
		out, err := r.Call(ctx, r.ABI.PackGetAdmission(realm, op))
		if err != nil {
			return st, fmt.Errorf("read admission of %s: %w", op.Hex(), err)
		}
		a, err := r.ABI.UnpackGetAdmission(out)
		if err != nil {
			return st, fmt.Errorf("read admission of %s: decode: %w", op.Hex(), err)
		}
		ad := Admission{Operator: op, Status: AdmissionStatus(a.Status), Capabilities: a.Capabilities}
		if a.AdmittedBlock != nil {
			ad.Block = a.AdmittedBlock.Uint64()
		}
		ad.Current = ad.Status != AdmissionNone && ad.Block > st.RootSetBlock
		st.Operators = append(st.Operators, ad)
	}
	return st, nil
}

// realmOperators returns the operators named by the realm's admission
// events, in order of first appearance.
func (r *Registry) realmOperators(ctx context.Context, realm common.Address) ([]common.Address, error) {
	logs, err := r.addressLogs(ctx, []string{"AdmissionRequested", "OperatorAdmitted", "OperatorRemoved"}, realm, common.Address{})
	if err != nil {
		return nil, fmt.Errorf("read admission events of realm %s: %w", realm.Hex(), err)
	}
	var ops []common.Address
	for _, l := range logs {
		if !slices.Contains(ops, l.subject) {
			ops = append(ops, l.subject)
		}
	}
	return ops, nil
}

// addressLog is a registry event indexed by (root or issuer, realm,
// operator or delegate).
type addressLog struct {
	issuer, subject common.Address
}

// addressLogs reads the registry's events named events (each indexed by
// (root or issuer, realm, operator or delegate)) for realm and, unless
// zero, subject, from block 0 to the head in chain order, in bounded log
// queries that adapt to the endpoint's range caps and rate limits (see
// ReadLogRanges).
func (r *Registry) addressLogs(ctx context.Context, events []string, realm, subject common.Address) ([]addressLog, error) {
	all := r.ABI.GetABI().Events
	ids := make([]common.Hash, len(events))
	for i, name := range events {
		ev, ok := all[name]
		if !ok {
			return nil, fmt.Errorf("registry ABI has no event %s", name)
		}
		ids[i] = ev.ID
	}
	topics := [][]common.Hash{ids, nil, {common.BytesToHash(realm.Bytes())}}
	if subject != (common.Address{}) {
		topics = append(topics, []common.Hash{common.BytesToHash(subject.Bytes())})
	}
	head, err := r.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read head: %w", err)
	}
	if head.Number == nil || !head.Number.IsUint64() {
		return nil, errors.New("head without a block number")
	}
	lr := LogRanges{Range: DefaultLogRange, MinBackoff: 100 * time.Millisecond, MaxWait: time.Minute}
	var out []addressLog
	var bad error
	err = ReadLogRanges(ctx, &lr, 0, head.Number.Uint64(), func(ctx context.Context, from, to uint64) ([]types.Log, error) {
		return r.backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{r.address}, Topics: topics,
		})
	}, func(_ uint64, logs []types.Log) {
		for _, l := range logs {
			if len(l.Topics) != 4 || !slices.Contains(ids, l.Topics[0]) || l.Address != r.address {
				bad = fmt.Errorf("unexpected log in block %d: %d topics from %s", l.BlockNumber, len(l.Topics), l.Address.Hex())
				continue
			}
			out = append(out, addressLog{
				issuer: common.BytesToAddress(l.Topics[1][:]), subject: common.BytesToAddress(l.Topics[3][:]),
			})
		}
	})
	if err == nil {
		err = bad
	}
	return out, err
}

// DelegateCheck is the registry's verdict on a delegate, with the issuer it
// was checked against.
type DelegateCheck struct {
	Realm, Delegate common.Address
	// Issuer is the issuer the verdict is for: the one asked for, or the
	// one found (see Found).
	Issuer common.Address
	// IssuerRole says what Issuer is in the realm: "Realm-CA",
	// "Operator-CA" (admitted or not), or "unknown".
	IssuerRole string
	// Given reports whether the caller named the issuer.
	Given bool
	// Authorization is the registry's verdict for Issuer; its Root is the
	// realm's Realm-CA even where the registry's answer leaves it zero.
	Authorization
	// Found is the issuer that authorized the delegate validly when the
	// caller named another one (zero: none).
	Found common.Address
}

// ErrUnauthorized is wrapped by DelegateCheck.Err.
var ErrUnauthorized = errors.New("delegate not authorized")

// Err returns nil when the delegate is authorized, else one line that
// names the realm's root, the issuer checked and what to do.
func (c DelegateCheck) Err() error {
	if c.Status == StatusValid {
		return nil
	}
	switch {
	case c.Root == (common.Address{}):
		return fmt.Errorf("%w: realm %s has no Realm-CA on this registry: check the realm address and the registry address", ErrUnauthorized, c.Realm.Hex())
	case c.Found != (common.Address{}):
		return fmt.Errorf("%w: issuer %s has not authorized delegate %s in realm %s (%s), but %s did: use issuer %s",
			ErrUnauthorized, c.Issuer.Hex(), c.Delegate.Hex(), c.Realm.Hex(), c.Status, c.Found.Hex(), c.Found.Hex())
	case c.Status == StatusNotAuthorized && c.Given:
		return fmt.Errorf("%w: issuer %s (%s) has not authorized delegate %s in realm %s, nor has any other issuer",
			ErrUnauthorized, c.Issuer.Hex(), c.IssuerRole, c.Delegate.Hex(), c.Realm.Hex())
	case c.Status == StatusNotAuthorized:
		return fmt.Errorf("%w: no issuer has authorized delegate %s in realm %s (checked the Realm-CA %s and every DelegateAuthorized event)",
			ErrUnauthorized, c.Delegate.Hex(), c.Realm.Hex(), c.Root.Hex())
	default:
		return fmt.Errorf("%w: delegate %s in realm %s, issuer %s (%s): %s",
			ErrUnauthorized, c.Delegate.Hex(), c.Realm.Hex(), c.Issuer.Hex(), c.IssuerRole, c.Status)
	}
}

// CheckDelegate asks the registry whether delegate is authorized in realm
// now. With a non-zero issuer it checks that issuer (and, when it has not
// authorized the delegate, looks for the issuer that has, reported in
// Found). With a zero issuer it finds the issuer: the realm's Realm-CA or
// an issuer named by a DelegateAuthorized event for (realm, delegate), read
// from block 0 in bounded log queries (see ReadLogRanges) —
// the first one whose authorization is valid, else the one whose verdict
// says most (a revocation rather than NotAuthorized).
func (r *Registry) CheckDelegate(ctx context.Context, realm, delegate, issuer common.Address) (DelegateCheck, error) {
	c := DelegateCheck{Realm: realm, Delegate: delegate, Issuer: issuer, Given: issuer != (common.Address{})}
	out, err := r.Call(ctx, r.ABI.PackGetRealm(realm))
	if err != nil {
		return c, fmt.Errorf("read realm %s: %w", realm.Hex(), err)
	}
	rm, err := r.ABI.UnpackGetRealm(out)
	if err != nil {
		return c, fmt.Errorf("read realm %s: decode: %w", realm.Hex(), err)
	}
	root := rm.Root
	candidates := []common.Address{issuer}
	if !c.Given || root == (common.Address{}) {
		candidates = nil
	}
	var found []common.Address
	if root != (common.Address{}) {
		if found, err = r.authorizers(ctx, realm, delegate); err != nil {
			return c, err
		}
		if !c.Given {
			candidates = append([]common.Address{root}, found...)
		}
	}
	var best *DelegateCheck
	for _, cand := range uniq(candidates) {
		a, err := r.AuthorizationStatus(ctx, cand, realm, delegate)
		if err != nil {
			return c, err
		}
		v := c
		v.Issuer, v.Authorization = cand, a
		if a.Status == StatusValid {
			best = &v
			break
		}
		if best == nil || (best.Status == StatusNotAuthorized && a.Status != StatusNotAuthorized) {
			best = &v
		}
	}
	if best != nil {
		c = *best
	} else if !c.Given {
		c.Issuer, c.Authorization = root, Authorization{Status: StatusNotAuthorized}
	} else {
		c.Authorization = Authorization{Status: StatusUnknownRealm}
	}
	c.Root = root
	switch {
	case c.Issuer == root && root != (common.Address{}):
		c.IssuerRole = "Realm-CA"
	case c.Issuer != (common.Address{}):
		ad, err := r.admission(ctx, realm, c.Issuer)
		if err != nil {
			return c, err
		}
		c.IssuerRole = "Operator-CA, " + ad.String()
	default:
		c.IssuerRole = "unknown"
	}
	if c.Given && c.Status != StatusValid {
		for _, f := range uniq(append([]common.Address{root}, found...)) {
			if f == c.Issuer || f == (common.Address{}) {
				continue
			}
			a, err := r.AuthorizationStatus(ctx, f, realm, delegate)
			if err != nil {
				return c, err
			}
			if a.Status == StatusValid {
				c.Found = f
				break
			}
		}
	}
	return c, nil
}

// authorizers returns the issuers named by DelegateAuthorized and
// DelegateAuthorizedWithAttestationKey events for (realm, delegate), newest
// first.
func (r *Registry) authorizers(ctx context.Context, realm, delegate common.Address) ([]common.Address, error) {
	logs, err := r.addressLogs(ctx, []string{"DelegateAuthorized", "DelegateAuthorizedWithAttestationKey"}, realm, delegate)
	if err != nil {
		return nil, fmt.Errorf("read authorization events of %s: %w", delegate.Hex(), err)
	}
	issuers := make([]common.Address, len(logs))
	for i, l := range logs {
		issuers[len(logs)-1-i] = l.issuer
	}
	return issuers, nil
}

func (r *Registry) admission(ctx context.Context, realm, operator common.Address) (AdmissionStatus, error) {
	out, err := r.Call(ctx, r.ABI.PackGetAdmission(realm, operator))
	if err != nil {
		return 0, fmt.Errorf("read admission of %s: %w", operator.Hex(), err)
	}
	a, err := r.ABI.UnpackGetAdmission(out)
	if err != nil {
		return 0, fmt.Errorf("read admission of %s: decode: %w", operator.Hex(), err)
	}
	return AdmissionStatus(a.Status), nil
}

func uniq(addrs []common.Address) []common.Address {
	var out []common.Address
	for _, a := range addrs {
		if a != (common.Address{}) && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// CheckNode is the start-up check of a node whose peers verify it on-chain
// expecting trustroot as realm's Realm-CA: the issuer they will check —
// issuer, or for a lone delegate certificate without one, trustroot — must
// authorize delegate now. It returns nil, or an error wrapping
// ErrUnauthorized in one line that names the fix: the issuer to configure,
// the revocation, or the realm's actual Realm-CA.
func (r *Registry) CheckNode(ctx context.Context, realm, trustroot, delegate, issuer common.Address) error {
	if issuer == (common.Address{}) {
		issuer = trustroot
	}
	c, err := r.CheckDelegate(ctx, realm, delegate, issuer)
	if err != nil {
		return err
	}
	if c.Root != (common.Address{}) && c.Root != trustroot {
		return fmt.Errorf("%w: realm %s's Realm-CA is %s, not the configured trustroot %s", ErrUnauthorized, realm.Hex(), c.Root.Hex(), trustroot.Hex())
	}
	return c.Err()
}
