package chain

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// AdmissionPolicy is a trustroot's policy for Operator-CA admissions (ITrustRegistry.AdmissionPolicy).
type AdmissionPolicy uint8

const (
	// PolicyOpen lets an operator admit itself.
	PolicyOpen AdmissionPolicy = 0
	// PolicyPermissioned needs the operator's request and the root's approval.
	PolicyPermissioned AdmissionPolicy = 1
	// PolicyPrivate lets only the root admit operators.
	PolicyPrivate AdmissionPolicy = 2
)

// Send signs calldata (packed with r.ABI) as s and waits for the receipt and the configured
// confirmations. The receipt reports the gas used; a rejected call returns an error wrapping a
// *RevertError that names the registry's custom error.
func (r *Registry) Send(ctx context.Context, s TxSigner, calldata []byte) (*types.Receipt, error) {
	tx, err := r.Submit(ctx, s, calldata)
	if err != nil {
		return nil, err
	}
	return r.wait(ctx, tx.Hash())
}

func (r *Registry) op(ctx context.Context, name string, s TxSigner, calldata []byte) (*types.Receipt, error) {
	rc, err := r.Send(ctx, s, calldata)
	if err != nil {
		return rc, fmt.Errorf("%s: %w", name, err)
	}
	return rc, nil
}

// RegisterRoot registers s as a standalone trustroot with policy.
func (r *Registry) RegisterRoot(ctx context.Context, s TxSigner, policy AdmissionPolicy) (*types.Receipt, error) {
	return r.op(ctx, "register root", s, r.ABI.PackRegisterRoot(uint8(policy)))
}

// RegisterSharedRoot registers a shared trustroot controlled by threshold of members, derived
// from (s, salt), and returns its address.
func (r *Registry) RegisterSharedRoot(ctx context.Context, s TxSigner, salt common.Hash, members []common.Address, threshold uint8, policy AdmissionPolicy) (common.Address, *types.Receipt, error) {
	root, err := r.SharedRootAddress(ctx, s.Address(), salt)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("register shared root: %w", err)
	}
	rc, err := r.op(ctx, "register shared root", s, r.ABI.PackRegisterSharedRoot(salt, members, threshold, uint8(policy)))
	return root, rc, err
}

// SharedRootAddress returns the address of the shared root registrar registers with salt.
func (r *Registry) SharedRootAddress(ctx context.Context, registrar common.Address, salt common.Hash) (common.Address, error) {
	out, err := r.Call(ctx, r.ABI.PackSharedRootAddress(registrar, salt))
	if err != nil {
		return common.Address{}, fmt.Errorf("shared root address: %w", err)
	}
	a, err := r.ABI.UnpackSharedRootAddress(out)
	if err != nil {
		return common.Address{}, fmt.Errorf("shared root address: decode: %w", err)
	}
	return a, nil
}

// ApproveRootAction approves action (a registry call packed with r.ABI, e.g.
// r.ABI.PackAcceptRealm(realm)) as member of shared root root. executed is true when this
// approval reached the threshold and ran the action.
func (r *Registry) ApproveRootAction(ctx context.Context, member TxSigner, root common.Address, action []byte) (executed bool, receipt *types.Receipt, err error) {
	receipt, err = r.op(ctx, "approve root action", member, r.ABI.PackApproveRootAction(root, action))
	if err != nil {
		return false, receipt, err
	}
	executedID := r.ABI.GetABI().Events["RootActionExecuted"].ID
	for _, l := range receipt.Logs {
		if l.Address == r.address && len(l.Topics) > 0 && l.Topics[0] == executedID {
			return true, receipt, nil
		}
	}
	return false, receipt, nil
}

// CollectApprovals approves action for shared root root with each member in turn until the
// action executes (M-of-N), and returns the receipt that executed it. It fails if the members
// run out first.
func (r *Registry) CollectApprovals(ctx context.Context, root common.Address, action []byte, members ...TxSigner) (*types.Receipt, error) {
	for i, m := range members {
		executed, rc, err := r.ApproveRootAction(ctx, m, root, action)
		if err != nil {
			return rc, fmt.Errorf("collect approvals: member %d (%s): %w", i, m.Address().Hex(), err)
		}
		if executed {
			return rc, nil
		}
	}
	return nil, fmt.Errorf("collect approvals: %d approvals did not reach the threshold of root %s", len(members), root.Hex())
}

// RequestRealmCA asks root, as realm s, to become the realm's Realm-CA (one step when s is root).
func (r *Registry) RequestRealmCA(ctx context.Context, realm TxSigner, root common.Address) (*types.Receipt, error) {
	return r.op(ctx, "request realm CA", realm, r.ABI.PackRequestRealmCA(root))
}

// CancelRealmCARequest withdraws, as realm s, its pending Realm-CA request (RealmRegistryRealmCANotPending
// when there is none).
func (r *Registry) CancelRealmCARequest(ctx context.Context, realm TxSigner) (*types.Receipt, error) {
	return r.op(ctx, "cancel realm CA request", realm, r.ABI.PackCancelRealmCARequest())
}

// AcceptRealm accepts, as standalone root s, to be realm's Realm-CA.
func (r *Registry) AcceptRealm(ctx context.Context, root TxSigner, realm common.Address) (*types.Receipt, error) {
	return r.op(ctx, "accept realm", root, r.ABI.PackAcceptRealm(realm))
}

// SetRealmCA makes standalone root root the Realm-CA of realm: request by the realm's key, then
// acceptance by the root (a single request when they are the same account). For a shared root,
// call RequestRealmCA and then CollectApprovals with r.ABI.PackAcceptRealm(realm).
func (r *Registry) SetRealmCA(ctx context.Context, realm, root TxSigner) (*types.Receipt, error) {
	rc, err := r.RequestRealmCA(ctx, realm, root.Address())
	if err != nil || realm.Address() == root.Address() {
		return rc, err
	}
	return r.AcceptRealm(ctx, root, realm.Address())
}

// RequestAdmission asks, as operator s, to be admitted into realm with capabilities (cert.Cap*).
func (r *Registry) RequestAdmission(ctx context.Context, operator TxSigner, realm common.Address, capabilities uint64) (*types.Receipt, error) {
	return r.op(ctx, "request admission", operator, r.ABI.PackRequestAdmission(realm, capabilities))
}

// AdmitOperator admits operator into realm with capabilities, as the realm's root s.
func (r *Registry) AdmitOperator(ctx context.Context, root TxSigner, realm, operator common.Address, capabilities uint64) (*types.Receipt, error) {
	return r.op(ctx, "admit operator", root, r.ABI.PackAdmitOperator(realm, operator, capabilities))
}

// RemoveOperator removes operator from realm (as the realm's root or the operator itself).
func (r *Registry) RemoveOperator(ctx context.Context, s TxSigner, realm, operator common.Address) (*types.Receipt, error) {
	return r.op(ctx, "remove operator", s, r.ABI.PackRemoveOperator(realm, operator))
}

// unix48 converts t to the registry's uint48 seconds; the zero time is 0.
func unix48(t time.Time) (*big.Int, error) {
	if t.IsZero() {
		return new(big.Int), nil
	}
	u := t.Unix()
	if u < 0 || u >= 1<<48 {
		return nil, fmt.Errorf("time %s outside the registry's uint48 seconds", t.UTC().Format(time.RFC3339))
	}
	return big.NewInt(u), nil
}

// AuthorizeCall packs authorize(realm, delegate, validFrom, validUntil); a zero validUntil
// means no expiry, a zero validFrom means "since 1970".
func (r *Registry) AuthorizeCall(realm, delegate common.Address, validFrom, validUntil time.Time) ([]byte, error) {
	from, err := unix48(validFrom)
	if err != nil {
		return nil, fmt.Errorf("authorize: validFrom: %w", err)
	}
	until, err := unix48(validUntil)
	if err != nil {
		return nil, fmt.Errorf("authorize: validUntil: %w", err)
	}
	return r.ABI.PackAuthorize(realm, delegate, from, until), nil
}

// Authorize authorizes, as issuer s, delegate in realm for [validFrom, validUntil).
func (r *Registry) Authorize(ctx context.Context, issuer TxSigner, realm, delegate common.Address, validFrom, validUntil time.Time) (*types.Receipt, error) {
	data, err := r.AuthorizeCall(realm, delegate, validFrom, validUntil)
	if err != nil {
		return nil, err
	}
	return r.op(ctx, "authorize", issuer, data)
}

// Revoke revokes issuer s's authorization of delegate in realm.
func (r *Registry) Revoke(ctx context.Context, issuer TxSigner, realm, delegate common.Address) (*types.Receipt, error) {
	return r.op(ctx, "revoke", issuer, r.ABI.PackRevoke(realm, delegate))
}

// RevokeAllDelegates revokes, as admitted operator s, every authorization it wrote in realm.
func (r *Registry) RevokeAllDelegates(ctx context.Context, operator TxSigner, realm common.Address) (*types.Receipt, error) {
	return r.op(ctx, "revoke all delegates", operator, r.ABI.PackRevokeAllDelegates(realm))
}

// BumpEpoch revokes, as standalone root s, everything it issued so far (admissions and
// authorizations in its realms).
func (r *Registry) BumpEpoch(ctx context.Context, root TxSigner) (*types.Receipt, error) {
	return r.op(ctx, "bump epoch", root, r.ABI.PackBumpEpoch())
}

// Retire retires standalone root s for good.
func (r *Registry) Retire(ctx context.Context, root TxSigner) (*types.Receipt, error) {
	return r.op(ctx, "retire root", root, r.ABI.PackRetire())
}

// SetPolicy changes standalone root s's admission policy.
func (r *Registry) SetPolicy(ctx context.Context, root TxSigner, policy AdmissionPolicy) (*types.Receipt, error) {
	return r.op(ctx, "set policy", root, r.ABI.PackSetPolicy(uint8(policy)))
}

// RevokeCertificate revokes, as its signer s, the WMP/1 certificate with EIP712 digest digest.
func (r *Registry) RevokeCertificate(ctx context.Context, signer TxSigner, digest common.Hash) (*types.Receipt, error) {
	return r.op(ctx, "revoke certificate", signer, r.ABI.PackRevokeCertificate(digest))
}

// UseNonce consumes s's next nonce under key, cancelling relayed calls signed over it.
func (r *Registry) UseNonce(ctx context.Context, s TxSigner, key *big.Int) (*types.Receipt, error) {
	if key == nil || key.Sign() < 0 || key.BitLen() > 192 {
		return nil, errors.New("use nonce: key must be a uint192")
	}
	return r.op(ctx, "use nonce", s, r.ABI.PackUseNonce(key))
}

// AuthorizationStatus is the registry's verdict on (issuer, realm, delegate)
// (ITrustRegistry.AuthorizationStatus): Valid or the first rule that failed.
type AuthorizationStatus uint8

// The values of ITrustRegistry.AuthorizationStatus, in declaration order.
const (
	StatusValid AuthorizationStatus = iota
	StatusNotAuthorized
	StatusNotYetValid
	StatusExpired
	StatusRevoked
	StatusUnknownRealm
	StatusRootNotActive
	StatusRevokedByRootEpoch
	StatusRevokedByRealmChange
	StatusIssuerNotAdmitted
	StatusIssuerMissingCapability
	StatusRevokedByIssuer
)

var statusNames = [...]string{
	"Valid", "NotAuthorized", "NotYetValid", "Expired", "Revoked", "UnknownRealm", "RootNotActive",
	"RevokedByRootEpoch", "RevokedByRealmChange", "IssuerNotAdmitted", "IssuerMissingCapability", "RevokedByIssuer",
}

// String returns the Solidity enum member's name.
func (s AuthorizationStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("AuthorizationStatus(%d)", uint8(s))
}

// Authorization is the result of [Registry.AuthorizationStatus].
type Authorization struct {
	Status             AuthorizationStatus
	Root               common.Address
	IssuerCapabilities uint64
	// ValidUntil is the end of the window in Unix seconds (math.MaxUint64 when unbounded, 0 if none).
	ValidUntil uint64
}

// AuthorizationStatus runs the registry's full authorization check at the latest block.
func (r *Registry) AuthorizationStatus(ctx context.Context, issuer, realm, delegate common.Address) (Authorization, error) {
	out, err := r.Call(ctx, r.ABI.PackAuthorizationStatus(issuer, realm, delegate))
	if err != nil {
		return Authorization{}, fmt.Errorf("authorization status: %w", err)
	}
	v, err := r.ABI.UnpackAuthorizationStatus(out)
	if err != nil {
		return Authorization{}, fmt.Errorf("authorization status: decode: %w", err)
	}
	return AuthorizationFromOutput(v.Status, v.Root, v.IssuerCapabilities, v.ValidUntil), nil
}

// AuthorizationFromOutput converts decoded authorizationStatus outputs.
func AuthorizationFromOutput(status uint8, root common.Address, caps uint64, validUntil *big.Int) Authorization {
	a := Authorization{Status: AuthorizationStatus(status), Root: root, IssuerCapabilities: caps}
	switch {
	case validUntil == nil:
	case validUntil.Cmp(big.NewInt(1<<48-1)) >= 0 || !validUntil.IsUint64():
		a.ValidUntil = math.MaxUint64
	default:
		a.ValidUntil = validUntil.Uint64()
	}
	return a
}
