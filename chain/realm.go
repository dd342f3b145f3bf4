package chain

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/wamp-e2ee/e2ee-node/bindings"
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
// (one log query per event over the whole chain), their standing from the
// registry's state.
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
	var logs []opLog
	for _, q := range []func() ([]opLog, error){
		func() ([]opLog, error) {
			return operatorLogs(ctx, r, realm, r.ABI.UnpackAdmissionRequestedEvent, func(v *bindings.TrustRegistryAdmissionRequested) (common.Address, *types.Log) {
				return v.Operator, v.Raw
			})
		},
		func() ([]opLog, error) {
			return operatorLogs(ctx, r, realm, r.ABI.UnpackOperatorAdmittedEvent, func(v *bindings.TrustRegistryOperatorAdmitted) (common.Address, *types.Log) { return v.Operator, v.Raw })
		},
		func() ([]opLog, error) {
			return operatorLogs(ctx, r, realm, r.ABI.UnpackOperatorRemovedEvent, func(v *bindings.TrustRegistryOperatorRemoved) (common.Address, *types.Log) { return v.Operator, v.Raw })
		},
	} {
		l, err := q()
		if err != nil {
			return nil, err
		}
		logs = append(logs, l...)
	}
	slices.SortFunc(logs, func(a, b opLog) int {
		if a.block != b.block {
			return cmp.Compare(a.block, b.block)
		}
		return cmp.Compare(a.index, b.index)
	})
	var ops []common.Address
	for _, l := range logs {
		if !slices.Contains(ops, l.op) {
			ops = append(ops, l.op)
		}
	}
	return ops, nil
}

type opLog struct {
	op           common.Address
	block, index uint64
}

// operatorLogs reads one admission event type of realm (the realm is the
// second indexed argument of each).
func operatorLogs[T bind.ContractEvent](ctx context.Context, r *Registry, realm common.Address, unpack func(*types.Log) (*T, error), get func(*T) (common.Address, *types.Log)) ([]opLog, error) {
	it, err := bind.FilterEvents(r.bound, &bind.FilterOpts{Start: 0, Context: ctx}, unpack, nil, []any{realm})
	if err != nil {
		return nil, fmt.Errorf("read admission events of realm %s: %w", realm.Hex(), err)
	}
	var out []opLog
	for it.Next() {
		op, raw := get(it.Value())
		out = append(out, opLog{op: op, block: raw.BlockNumber, index: uint64(raw.Index)})
	}
	if err := it.Error(); err != nil {
		it.Close()
		return nil, fmt.Errorf("read admission events of realm %s: %w", realm.Hex(), err)
	}
	return out, it.Close()
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
// an issuer named by a DelegateAuthorized event for (realm, delegate) —
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
	type logged struct {
		issuer common.Address
		block  uint64
		index  uint
	}
	var all []logged
	plain, err := bind.FilterEvents(r.bound, &bind.FilterOpts{Start: 0, Context: ctx}, r.ABI.UnpackDelegateAuthorizedEvent, nil, []any{realm}, []any{delegate})
	if err != nil {
		return nil, fmt.Errorf("read DelegateAuthorized events of %s: %w", delegate.Hex(), err)
	}
	for plain.Next() {
		v := plain.Value()
		all = append(all, logged{v.Issuer, v.Raw.BlockNumber, v.Raw.Index})
	}
	err = plain.Error()
	plain.Close()
	if err != nil {
		return nil, fmt.Errorf("read DelegateAuthorized events of %s: %w", delegate.Hex(), err)
	}
	withAK, err := bind.FilterEvents(r.bound, &bind.FilterOpts{Start: 0, Context: ctx}, r.ABI.UnpackDelegateAuthorizedWithAttestationKeyEvent, nil, []any{realm}, []any{delegate})
	if err != nil {
		return nil, fmt.Errorf("read DelegateAuthorizedWithAttestationKey events of %s: %w", delegate.Hex(), err)
	}
	for withAK.Next() {
		v := withAK.Value()
		all = append(all, logged{v.Issuer, v.Raw.BlockNumber, v.Raw.Index})
	}
	err = withAK.Error()
	withAK.Close()
	if err != nil {
		return nil, fmt.Errorf("read DelegateAuthorizedWithAttestationKey events of %s: %w", delegate.Hex(), err)
	}
	slices.SortFunc(all, func(a, b logged) int {
		if a.block != b.block {
			return cmp.Compare(b.block, a.block)
		}
		return cmp.Compare(b.index, a.index)
	})
	issuers := make([]common.Address, len(all))
	for i, l := range all {
		issuers[i] = l.issuer
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
