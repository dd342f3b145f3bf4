package verifier

import (
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// RevocationKind says what a Revocation revoked.
type RevocationKind uint8

const (
	// RevokedDelegate: Issuer revoked Delegate in Realm (DelegateRevoked), or re-authorized it
	// with a validity window that has ended by every clock at hand (DelegateAuthorized; see
	// windowLoss) — a revocation in effect.
	RevokedDelegate RevocationKind = iota + 1
	// RevokedAllDelegates: Issuer revoked all its delegates in Realm (DelegatesRevokedAll).
	RevokedAllDelegates
	// RevokedByEpoch: Root revoked everything it issued so far (RootEpochBumped).
	RevokedByEpoch
	// RetiredRoot: Root retired; nothing it issued counts (RootRetired).
	RetiredRoot
	// RemovedOperator: operator Issuer was removed from Realm of Root (OperatorRemoved), or its
	// admission changed in a way that may have taken trust from its delegates: it was admitted
	// (again) with capabilities that may be fewer than before (OperatorAdmitted), or it filed
	// a new admission request, which under a Permissioned policy suspends its admission until
	// the Realm-CA admits it again (AdmissionRequested). These two are reported only for an
	// operator some delegate of which this verifier admitted in Realm (anyone may request
	// admission), on every such event since the previous capabilities are unknown. Treat it
	// as a revocation of all of Issuer's delegates in Realm; the occasional spurious report (a
	// widening) only costs a key rotation.
	RemovedOperator
	// RevokedCertificate: Issuer (the signer) revoked the certificate Digest (CertificateRevoked).
	RevokedCertificate
	// MovedRealm: Realm moved away from Root (its previous Realm-CA) (RealmCASet).
	MovedRealm
	// Resync: the verifier dropped verdicts without seeing each event (reorganisation, a root
	// sequence gap — Root is set — or an outage longer than the backfill window): anything may
	// have been revoked.
	Resync
	// SuspendedDelegate: Issuer re-authorized Delegate in Realm with a validity window that
	// begins in the future by every clock at hand (DelegateAuthorized; see windowLoss): it is
	// not trusted until then, so keys it may hold should rotate — but it is not revoked, and
	// must not be refused for good.
	SuspendedDelegate
	// RevokedMeasurement: the Realm-CA of Realm revoked the measurement Digest
	// (MeasurementRevoked): evidence with it is refused from now on. Drop the attestation
	// verdicts that used it and rotate every key a peer whose verdict used it may hold, like a
	// RevokedDelegate. Reported for configured realms only.
	RevokedMeasurement
	// AttestationChanged: the attestation policy of Realm changed (AttestationPolicySet: required
	// or not, quote age, PCR selection), or — with Issuer and Delegate set — the attestation key
	// enrolled for Delegate by Issuer may have changed (DelegateAuthorizedWithAttestationKey, or a
	// plain DelegateAuthorized that drops an enrolled AK, in a realm that requires attestation).
	// Drop the affected attestation verdicts (Realm's, or Delegate's) and rotate the keys such
	// peers may hold. Reported for configured realms only.
	AttestationChanged
)

var kindNames = [...]string{"", "RevokedDelegate", "RevokedAllDelegates", "RevokedByEpoch", "RetiredRoot", "RemovedOperator", "RevokedCertificate", "MovedRealm", "Resync", "SuspendedDelegate", "RevokedMeasurement", "AttestationChanged"}

// String names the kind.
func (k RevocationKind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "RevocationKind(?)"
}

// Revocation tells the verifier's owner what was revoked, so that it can rotate keys the
// revoked delegates may hold. Zero fields are not part of the revocation. The same revocation
// may be reported more than once (backfill after a reconnect overlaps).
type Revocation struct {
	Kind                          RevocationKind
	Root, Realm, Issuer, Delegate common.Address
	Digest                        common.Hash
	// Block and TxHash locate the event (zero for Resync).
	Block  uint64
	TxHash common.Hash
}

func (v *Verifier) notify(r Revocation) {
	if v.cfg.OnRevocation != nil {
		v.cfg.OnRevocation(r)
	}
}

// eventIDs are the topic-0 values of the registry events the follower acts on.
type eventIDs struct {
	authorized, revoked, revokedAll, certRevoked                                    common.Hash
	rootRegistered, membersChanged, policyChanged, retired, epochBumped             common.Hash
	realmRequested, realmSet, admissionRequested, operatorAdmitted, operatorRemoved common.Hash
	realmRequestCancelled                                                           common.Hash
	authorizedWithAK, attestationPolicySet, measurementAllowed, measurementRevoked  common.Hash
}

func (v *Verifier) loadEventIDs() {
	ev := v.abi.GetABI().Events
	v.ids = eventIDs{
		authorized: ev["DelegateAuthorized"].ID, revoked: ev["DelegateRevoked"].ID, revokedAll: ev["DelegatesRevokedAll"].ID,
		certRevoked: ev["CertificateRevoked"].ID, rootRegistered: ev["RootRegistered"].ID, membersChanged: ev["RootMembersChanged"].ID,
		policyChanged: ev["RootPolicyChanged"].ID, retired: ev["RootRetired"].ID, epochBumped: ev["RootEpochBumped"].ID,
		realmRequested: ev["RealmCARequested"].ID, realmSet: ev["RealmCASet"].ID, admissionRequested: ev["AdmissionRequested"].ID,
		operatorAdmitted: ev["OperatorAdmitted"].ID, operatorRemoved: ev["OperatorRemoved"].ID,
		realmRequestCancelled: ev["RealmCARequestCancelled"].ID,
		authorizedWithAK:      ev["DelegateAuthorizedWithAttestationKey"].ID, attestationPolicySet: ev["AttestationPolicySet"].ID,
		measurementAllowed: ev["MeasurementAllowed"].ID, measurementRevoked: ev["MeasurementRevoked"].ID,
	}
}

// handleLog applies one registry log: invalidate what it may change, track root sequences,
// notify revocations. It runs on the follower goroutine only.
func (v *Verifier) handleLog(l *types.Log) {
	if l.Address != v.cfg.Registry || len(l.Topics) == 0 {
		return
	}
	v.stats.events.Add(1)
	v.noteHead(l.BlockNumber)
	at := Revocation{Block: l.BlockNumber, TxHash: l.TxHash}
	if l.Removed {
		v.resync(at, "removed log (reorganisation)")
		v.stats.reorgs.Add(1)
		return
	}
	// Raised before this log invalidates anything (see Verifier.processed).
	v.noteProcessed(l.BlockNumber)
	bad := func() { v.resync(at, "undecodable registry log") }
	a := v.abi
	switch l.Topics[0] {
	case v.ids.authorized:
		ev, err := a.UnpackDelegateAuthorizedEvent(l)
		if err != nil {
			bad()
			return
		}
		v.authorized(ev.Issuer, ev.Realm, ev.Delegate, ev.ValidFrom, ev.ValidUntil, false, l.BlockTimestamp, at)
	case v.ids.authorizedWithAK:
		ev, err := a.UnpackDelegateAuthorizedWithAttestationKeyEvent(l)
		if err != nil {
			bad()
			return
		}
		v.authorized(ev.Issuer, ev.Realm, ev.Delegate, ev.ValidFrom, ev.ValidUntil, true, l.BlockTimestamp, at)
	case v.ids.attestationPolicySet:
		ev, err := a.UnpackAttestationPolicySetEvent(l)
		if err != nil {
			bad()
			return
		}
		v.invalidateAtt(attScope{realm: ev.Realm})
		if v.configured(ev.Realm) {
			at.Kind, at.Realm = AttestationChanged, ev.Realm
			v.notify(at)
		}
	case v.ids.measurementAllowed:
		ev, err := a.UnpackMeasurementAllowedEvent(l)
		if err != nil {
			bad()
			return
		}
		// Allowing only admits: no report; a refused peer is judged again on its next request.
		v.invalidateAtt(attScope{realm: ev.Realm, measurement: ev.Measurement})
	case v.ids.measurementRevoked:
		ev, err := a.UnpackMeasurementRevokedEvent(l)
		if err != nil {
			bad()
			return
		}
		v.invalidateAtt(attScope{realm: ev.Realm, measurement: ev.Measurement})
		if v.configured(ev.Realm) {
			at.Kind, at.Realm, at.Digest = RevokedMeasurement, ev.Realm, ev.Measurement
			v.notify(at)
		}
	case v.ids.revoked:
		ev, err := a.UnpackDelegateRevokedEvent(l)
		if err != nil {
			bad()
			return
		}
		v.invalidate(scope{issuer: ev.Issuer, realm: ev.Realm, delegate: ev.Delegate})
		at.Kind, at.Issuer, at.Realm, at.Delegate = RevokedDelegate, ev.Issuer, ev.Realm, ev.Delegate
		v.notify(at)
	case v.ids.revokedAll:
		ev, err := a.UnpackDelegatesRevokedAllEvent(l)
		if err != nil {
			bad()
			return
		}
		v.invalidate(scope{issuer: ev.Issuer, realm: ev.Realm})
		at.Kind, at.Issuer, at.Realm = RevokedAllDelegates, ev.Issuer, ev.Realm
		v.notify(at)
	case v.ids.certRevoked:
		ev, err := a.UnpackCertificateRevokedEvent(l)
		if err != nil {
			bad()
			return
		}
		v.invalidate(scope{digest: ev.Digest})
		at.Kind, at.Issuer, at.Digest = RevokedCertificate, ev.Signer, ev.Digest
		v.notify(at)
	case v.ids.rootRegistered:
		ev, err := a.UnpackRootRegisteredEvent(l)
		if err != nil {
			bad()
			return
		}
		if v.sequence(ev.Root, ev.Sequence, at) {
			v.invalidate(scope{root: ev.Root})
		}
	case v.ids.membersChanged:
		if ev, err := a.UnpackRootMembersChangedEvent(l); err != nil {
			bad()
		} else {
			v.sequence(ev.Root, ev.Sequence, at)
		}
	case v.ids.policyChanged:
		if ev, err := a.UnpackRootPolicyChangedEvent(l); err != nil {
			bad()
		} else {
			v.sequence(ev.Root, ev.Sequence, at)
		}
	case v.ids.realmRequested:
		if ev, err := a.UnpackRealmCARequestedEvent(l); err != nil {
			bad()
		} else {
			v.sequence(ev.Root, ev.Sequence, at)
		}
	case v.ids.realmRequestCancelled:
		// A withdrawn or dropped request changes no verdict, but it is in the root's sequence.
		if ev, err := a.UnpackRealmCARequestCancelledEvent(l); err != nil {
			bad()
		} else {
			v.sequence(ev.Root, ev.Sequence, at)
		}
	case v.ids.admissionRequested:
		ev, err := a.UnpackAdmissionRequestedEvent(l)
		if err != nil {
			bad()
			return
		}
		// Under a Permissioned policy a new request suspends an effective admission: every
		// delegate of the operator becomes IssuerNotAdmitted.
		v.admissionChanged(ev.Root, ev.Realm, ev.Operator, ev.Sequence, at)
	case v.ids.retired:
		ev, err := a.UnpackRootRetiredEvent(l)
		if err != nil {
			bad()
			return
		}
		if v.sequence(ev.Root, ev.Sequence, at) {
			v.invalidate(scope{root: ev.Root})
			at.Kind, at.Root = RetiredRoot, ev.Root
			v.notify(at)
		}
	case v.ids.epochBumped:
		ev, err := a.UnpackRootEpochBumpedEvent(l)
		if err != nil {
			bad()
			return
		}
		if v.sequence(ev.Root, ev.Sequence, at) {
			v.invalidate(scope{root: ev.Root})
			at.Kind, at.Root = RevokedByEpoch, ev.Root
			v.notify(at)
		}
	case v.ids.realmSet:
		ev, err := a.UnpackRealmCASetEvent(l)
		if err != nil {
			bad()
			return
		}
		if v.sequence(ev.Root, ev.Sequence, at) {
			v.invalidate(scope{realm: ev.Realm})
			// A realm move voids every measurement allowed before it.
			v.invalidateAtt(attScope{realm: ev.Realm})
			if ev.PreviousRoot != (common.Address{}) {
				at.Kind, at.Root, at.Realm = MovedRealm, ev.PreviousRoot, ev.Realm
				v.notify(at)
			}
		}
	case v.ids.operatorAdmitted:
		ev, err := a.UnpackOperatorAdmittedEvent(l)
		if err != nil {
			bad()
			return
		}
		// A re-admission replaces the capabilities: without INTERMEDIATE_CA every delegate of the
		// operator becomes IssuerMissingCapability, without PROVIDER or CONSUMER (or any bit a
		// role or URI rule requires) they lose roles. The previous capabilities are unknown
		// here, so every admission of an operator whose delegates this verifier admitted is
		// reported (see Verifier.issuers).
		v.admissionChanged(ev.Root, ev.Realm, ev.Operator, ev.Sequence, at)
	case v.ids.operatorRemoved:
		ev, err := a.UnpackOperatorRemovedEvent(l)
		if err != nil {
			bad()
			return
		}
		if v.sequence(ev.Root, ev.Sequence, at) {
			v.invalidate(scope{realm: ev.Realm, issuer: ev.Operator})
			at.Kind, at.Root, at.Realm, at.Issuer = RemovedOperator, ev.Root, ev.Realm, ev.Operator
			v.notify(at)
		}
	}
}

// authorized follows a (re-)authorization of delegate by issuer in realm, with an attestation
// key (withAK) or without: it drops the trust verdicts and attestation facts about the three,
// reports a window that ended or has not begun (see windowLoss), and, in a configured realm,
// reports AttestationChanged when an AK was enrolled, or when the authorization may have dropped
// one (the dropped facts had an AK, or their realm requires attestation).
func (v *Verifier) authorized(issuer, realm, delegate common.Address, from, until *big.Int, withAK bool, blockTime uint64, at Revocation) {
	v.invalidate(scope{issuer: issuer, realm: realm, delegate: delegate})
	hadAK, required := v.invalidateAtt(attScope{issuer: issuer, realm: realm, delegate: delegate})
	// A re-authorization replaces the previous window: one that has ended takes trust away
	// like a revocation, one that has not begun suspends it.
	if kind := windowLoss(from, until, blockTime, time.Now()); kind != 0 {
		r := at
		r.Kind, r.Issuer, r.Realm, r.Delegate = kind, issuer, realm, delegate
		v.notify(r)
	}
	if v.configured(realm) && (withAK || hadAK || required) {
		at.Kind, at.Issuer, at.Realm, at.Delegate = AttestationChanged, issuer, realm, delegate
		v.notify(at)
	}
}

// configured reports whether realm is one this verifier decides for (Config.Trustroots).
func (v *Verifier) configured(realm common.Address) bool {
	_, ok := v.cfg.Trustroots[realm]
	return ok
}

// admissionChanged follows an event of root's sequence that changed operator's admission in
// realm: it drops the operator's verdicts there and, if this verifier admitted a delegate of
// it there, reports RemovedOperator.
func (v *Verifier) admissionChanged(root, realm, operator common.Address, seq uint64, at Revocation) {
	if !v.sequence(root, seq, at) {
		return
	}
	v.invalidate(scope{realm: realm, issuer: operator})
	if v.admittedFrom(realm, operator) {
		at.Kind, at.Root, at.Realm, at.Issuer = RemovedOperator, root, realm, operator
		v.notify(at)
	}
}

// clockSkew is how far the local clock may be from the chain's when windowLoss has no block
// timestamp to compare with.
const clockSkew = 30 * time.Second

// windowLoss classifies an authorization valid in [from, until) (Unix seconds, as in
// DelegateAuthorized; until is 2^48−1 for "no end") against the present, known as the block's
// timestamp (0 if the log carries none) and the local time, widened by clockSkew (towards the
// past only without a block timestamp): RevokedDelegate when it ended before every reading of
// the present and the block's time is known (it had ended when it was mined); SuspendedDelegate
// when it ended by the local clock otherwise (a backfilled log's ordinary window that has since
// run out looks the same) or when it begins after every reading; 0 otherwise — an ordinary authorization, or one
// whose window edge is too close to tell. Only what is certain is reported as RevokedDelegate:
// it makes nodes refuse the delegate for good, so an authorization that starts "now" by the
// issuer's clock, or one that simply expired, must never look like one.
func windowLoss(from, until *big.Int, blockTime uint64, now time.Time) RevocationKind {
	local := uint64(max(now.Unix(), 0))
	skew := uint64(clockSkew / time.Second)
	// The earliest and latest readings of the present. The issuer's clock (that set from) may
	// be off too, so latest is always widened by the skew.
	earliest, latest := local-min(local, skew), local+skew
	if blockTime != 0 {
		earliest, latest = min(blockTime, local), max(blockTime, local)+skew
	}
	ended := until != nil && until.IsUint64()
	switch {
	case ended && until.Uint64() <= earliest && blockTime != 0:
		return RevokedDelegate
	case ended && until.Uint64() <= local:
		// Ended by the local clock: not trusted now, so keys it may hold rotate. But without
		// the block's time, or with a block older than the end, the log may be old (a backfill
		// after a reconnect) and the window an ordinary one that has since run out: refuse
		// no one for good.
		return SuspendedDelegate
	case from != nil && (!from.IsUint64() || from.Uint64() > latest):
		return SuspendedDelegate
	}
	return 0
}

// sequence tracks root's event sequence. It returns false for an event already seen (backfill
// overlap). A gap drops every verdict of the root and reports a Resync.
func (v *Verifier) sequence(root common.Address, seq uint64, at Revocation) bool {
	last, known := v.rootSeq[root]
	if known && seq <= last {
		return false
	}
	v.rootSeq[root] = seq
	if known && seq > last+1 {
		v.stats.gaps.Add(1)
		v.invalidate(scope{root: root})
		// A missed root event may have been a realm move, which voids measurements; attestation
		// facts do not record the root, so all of them go.
		v.invalidateAtt(attScope{})
		at.Kind, at.Root = Resync, root
		v.notify(at)
	}
	return true
}

// resync drops every verdict and every root sequence and reports a Resync.
func (v *Verifier) resync(at Revocation, _ string) {
	v.invalidate(scope{})
	clear(v.rootSeq)
	at.Kind = Resync
	v.notify(at)
}
