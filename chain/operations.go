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

// AttestationPolicy is a realm's remote-attestation policy (ITrustRegistry.AttestationPolicy).
type AttestationPolicy struct {
	// Required: delegates in the realm must present TPM 2.0 evidence to receive keys.
	Required bool
	// MaxQuoteAge is the largest quote age the realm accepts, in whole seconds on-chain
	// (> 0 when Required).
	MaxQuoteAge time.Duration
	// PCRSelection is the PCRs nodes quote, SHA-256 bank, bit i = PCR i (PCRs 0-23; non-zero
	// when Required).
	PCRSelection uint32
	// UpdatedBlock is the block the policy was last set in (0: never set).
	UpdatedBlock uint64
}

// MaxPCR is the highest PCR index an AttestationPolicy's selection may name.
const MaxPCR = 23

// Validate reports, naming the fix, why the registry would reject p.
func (p AttestationPolicy) Validate() error {
	if p.PCRSelection>>(MaxPCR+1) != 0 {
		return fmt.Errorf("attestation policy: PCR selection %#x names PCRs above %d", p.PCRSelection, MaxPCR)
	}
	if p.MaxQuoteAge < 0 || p.MaxQuoteAge%time.Second != 0 || p.MaxQuoteAge/time.Second > math.MaxUint32 {
		return fmt.Errorf("attestation policy: max quote age %s must be whole seconds below 2^32 s", p.MaxQuoteAge)
	}
	if p.Required && (p.MaxQuoteAge == 0 || p.PCRSelection == 0) {
		return errors.New("attestation policy: a required policy needs a max quote age and a PCR selection")
	}
	return nil
}

// decodeAttestationPolicy unpacks the policy as attestationStatus returns it: required in bit 0,
// maxQuoteAge in bits 8-39, pcrSelection in bits 40-71, updatedBlock in bits 72-119.
func decodeAttestationPolicy(packed *big.Int) AttestationPolicy {
	if packed == nil {
		return AttestationPolicy{}
	}
	var b [32]byte
	packed.FillBytes(b[:])
	word := func(shift, bits uint) uint64 {
		return new(big.Int).Rsh(packed, shift).Uint64() & (1<<bits - 1)
	}
	return AttestationPolicy{
		Required:     b[31]&1 != 0,
		MaxQuoteAge:  time.Duration(word(8, 32)) * time.Second,
		PCRSelection: uint32(word(40, 32)),
		UpdatedBlock: word(72, 48),
	}
}

// MeasurementStatus is what a realm's policy says about one measurement
// (ITrustRegistry.MeasurementStatus; the same values as attest.MeasurementState).
type MeasurementStatus uint8

// The values of ITrustRegistry.MeasurementStatus.
const (
	// MeasurementUnknown: never allowed in the realm, or allowed before its last Realm-CA change.
	MeasurementUnknown MeasurementStatus = iota
	// MeasurementAllowed: allowed by the realm's Realm-CA and not revoked.
	MeasurementAllowed
	// MeasurementRevoked: allowed, then revoked.
	MeasurementRevoked
)

// String returns the Solidity enum member's name.
func (s MeasurementStatus) String() string {
	switch s {
	case MeasurementUnknown:
		return "Unknown"
	case MeasurementAllowed:
		return "Allowed"
	case MeasurementRevoked:
		return "Revoked"
	}
	return fmt.Sprintf("MeasurementStatus(%d)", uint8(s))
}

// AttestationStatus is the result of [Registry.AttestationStatus].
type AttestationStatus struct {
	Policy AttestationPolicy
	// AKDigest is the attestation-key digest enrolled with the current authorization of
	// (issuer, realm, delegate); zero if none.
	AKDigest common.Hash
	// Measurement is the status of the measurement asked about.
	Measurement MeasurementStatus
}

// AttestationStatusFromOutput converts decoded attestationStatus outputs.
func AttestationStatusFromOutput(policy *big.Int, akDigest [32]byte, status uint8) AttestationStatus {
	return AttestationStatus{Policy: decodeAttestationPolicy(policy), AKDigest: akDigest, Measurement: MeasurementStatus(status)}
}

// AttestationStatus reads, at the latest block, the attestation policy of realm, the AK digest
// enrolled with issuer's current authorization of delegate there, and the status of measurement
// (zero: none asked).
func (r *Registry) AttestationStatus(ctx context.Context, issuer, realm, delegate common.Address, measurement common.Hash) (AttestationStatus, error) {
	out, err := r.Call(ctx, r.ABI.PackAttestationStatus(issuer, realm, delegate, measurement))
	if err != nil {
		return AttestationStatus{}, fmt.Errorf("attestation status: %w", err)
	}
	v, err := r.ABI.UnpackAttestationStatus(out)
	if err != nil {
		return AttestationStatus{}, fmt.Errorf("attestation status: decode: %w", err)
	}
	return AttestationStatusFromOutput(v.Policy, v.AkDigest, v.Status), nil
}

// SetAttestationPolicyCall packs setAttestationPolicy(realm, p) after p.Validate.
func (r *Registry) SetAttestationPolicyCall(realm common.Address, p AttestationPolicy) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return r.ABI.PackSetAttestationPolicy(realm, p.Required, uint32(p.MaxQuoteAge/time.Second), p.PCRSelection), nil
}

// SetAttestationPolicy sets, as realm's Realm-CA s, the realm's attestation policy
// (p.UpdatedBlock is ignored).
func (r *Registry) SetAttestationPolicy(ctx context.Context, root TxSigner, realm common.Address, p AttestationPolicy) (*types.Receipt, error) {
	data, err := r.SetAttestationPolicyCall(realm, p)
	if err != nil {
		return nil, err
	}
	return r.op(ctx, "set attestation policy", root, data)
}

// AllowMeasurement allows, as realm's Realm-CA s, measurement in realm (again, if revoked).
func (r *Registry) AllowMeasurement(ctx context.Context, root TxSigner, realm common.Address, measurement common.Hash) (*types.Receipt, error) {
	return r.op(ctx, "allow measurement", root, r.ABI.PackSetMeasurement(realm, measurement, true))
}

// RevokeMeasurement revokes, as realm's Realm-CA s, measurement in realm: nodes refuse evidence
// with it and rotate the keys its holders may have.
func (r *Registry) RevokeMeasurement(ctx context.Context, root TxSigner, realm common.Address, measurement common.Hash) (*types.Receipt, error) {
	return r.op(ctx, "revoke measurement", root, r.ABI.PackSetMeasurement(realm, measurement, false))
}

// AuthorizeWithAttestationKeyCall packs authorize(realm, delegate, validFrom, validUntil), or, with a non-zero
// akDigest, authorizeWithAttestationKey(…, akDigest), which also enrolls the delegate's TPM
// attestation key.
func (r *Registry) AuthorizeWithAttestationKeyCall(realm, delegate common.Address, validFrom, validUntil time.Time, akDigest common.Hash) ([]byte, error) {
	if akDigest == (common.Hash{}) {
		return r.AuthorizeCall(realm, delegate, validFrom, validUntil)
	}
	from, err := unix48(validFrom)
	if err != nil {
		return nil, fmt.Errorf("authorize: validFrom: %w", err)
	}
	until, err := unix48(validUntil)
	if err != nil {
		return nil, fmt.Errorf("authorize: validUntil: %w", err)
	}
	return r.ABI.PackAuthorizeWithAttestationKey(realm, delegate, from, until, akDigest), nil
}

// AuthorizeWithAttestationKey authorizes, as issuer s, delegate in realm for
// [validFrom, validUntil) and enrolls the attestation key with digest akDigest for it.
func (r *Registry) AuthorizeWithAttestationKey(ctx context.Context, issuer TxSigner, realm, delegate common.Address, validFrom, validUntil time.Time, akDigest common.Hash) (*types.Receipt, error) {
	if akDigest == (common.Hash{}) {
		return nil, errors.New("authorize with attestation key: zero AK digest")
	}
	data, err := r.AuthorizeWithAttestationKeyCall(realm, delegate, validFrom, validUntil, akDigest)
	if err != nil {
		return nil, err
	}
	return r.op(ctx, "authorize with attestation key", issuer, data)
}
