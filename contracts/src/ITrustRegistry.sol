// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title ITrustRegistry — types, events and errors of the WAMP-E2EE trust registry
 * @notice The registry stores, with no admin: trustroots (standalone or shared M-of-N), realms and
 * their Realm-CA, Operator-CA admissions per realm, delegate authorizations and certificate
 * revocations. Nodes read it to decide whether a WMP/1 certificate chain is trusted.
 * @dev Every event of a root-level change carries the root's `sequence` (strictly increasing by one
 * per root) so that a reader can detect gaps. Delegate-level events carry none (it would cost a
 * storage write per authorization, see docs/contracts.md); readers follow them by block and log
 * index. No event is emitted for a no-op: a call that would not change state reverts instead.
 */
interface ITrustRegistry {
    /// @notice How a trustroot is controlled.
    enum RootKind {
        None,
        /// @dev One address (an EOA or an ERC-1271 contract such as a Safe) is the root.
        Standalone,
        /// @dev A registry-native M-of-N group of members acts as the root; members can rotate.
        Shared
    }

    /// @notice Lifecycle of a trustroot. Retirement is final.
    enum RootStatus {
        None,
        Active,
        Retired
    }

    /// @notice Who may admit an Operator-CA into a realm of the root.
    enum AdmissionPolicy {
        /// @dev The operator admits itself (its own request suffices).
        Open,
        /// @dev The operator requests, the root approves (both must sign).
        Permissioned,
        /// @dev Only the root admits operators.
        Private
    }

    /// @notice State of an operator in a realm.
    enum AdmissionStatus {
        None,
        Requested,
        Admitted,
        Removed
    }

    /// @notice Outcome of an authorization check; anything but `Valid` says which rule failed.
    enum AuthorizationStatus {
        Valid,
        NotAuthorized,
        NotYetValid,
        Expired,
        Revoked,
        UnknownRealm,
        RootNotActive,
        RevokedByRootEpoch,
        RevokedByRealmChange,
        IssuerNotAdmitted,
        IssuerMissingCapability,
        RevokedByIssuer
    }

    /// @notice What a realm's attestation policy says about one measurement.
    enum MeasurementStatus {
        /// @dev Never allowed in the realm, or allowed before the realm's last Realm-CA change.
        Unknown,
        /// @dev Allowed by the realm's current Realm-CA and not revoked.
        Allowed,
        /// @dev Allowed, then revoked (the Realm-CA may allow it again).
        Revoked
    }

    /// @notice A realm's remote-attestation policy, packed in one storage slot.
    struct AttestationPolicy {
        /// @dev Whether delegates in the realm must present TPM 2.0 evidence to receive keys.
        bool required;
        /// @dev Largest accepted quote age in seconds (> 0 when required).
        uint32 maxQuoteAge;
        /// @dev PCRs quoted, SHA-256 bank: bit i selects PCR i (0-23; non-zero when required).
        uint32 pcrSelection;
        /// @dev Block the policy was last set in (0: never set).
        uint48 updatedBlock;
    }

    /// @notice A measurement's allowance in a realm, packed in one storage slot.
    struct Measurement {
        /// @dev Block of the last allowance; it counts only if after the realm's last Realm-CA change.
        uint48 allowedBlock;
        /// @dev Block of the revocation of that allowance, 0 while not revoked.
        uint48 revokedBlock;
    }

    /// @notice A trustroot, packed in one storage slot.
    struct Root {
        RootKind kind;
        RootStatus status;
        AdmissionPolicy policy;
        /// @dev Approvals needed for an action of a shared root (0 for standalone roots).
        uint8 threshold;
        /// @dev Number of members of a shared root (0 for standalone roots).
        uint8 memberCount;
        /// @dev Incremented by every revoke-all.
        uint32 epoch;
        /// @dev Block of the last revoke-all: everything the root issued in or before it is revoked.
        uint48 epochBlock;
        /// @dev Sequence number of the root's last event.
        uint64 sequence;
        /// @dev Incremented when the member set or threshold changes; pending approvals then lapse.
        uint32 configVersion;
    }

    /// @notice A realm's Realm-CA (its trustroot) and the block it was set in.
    struct Realm {
        address root;
        /// @dev Admissions and root-issued authorizations from this block or earlier are void.
        uint48 rootSetBlock;
    }

    /// @notice An Operator-CA's admission into a realm, packed in one storage slot.
    struct Admission {
        AdmissionStatus status;
        /// @dev Capability bits (WMP spec: bit 1 INTERMEDIATE_CA … bit 7 CONSUMER; never ROOT_CA).
        uint64 capabilities;
        /// @dev Block of admission (or of the request while `status == Requested`).
        uint48 admittedBlock;
        /// @dev Block of the operator's last revoke-all (or removal): its older authorizations are void.
        uint48 revokedAllBlock;
    }

    /// @notice A delegate authorization (issuer, realm, delegate), packed in one storage slot.
    struct Authorization {
        /// @dev Unix seconds; valid from this time on.
        uint48 validFrom;
        /// @dev Unix seconds; valid strictly before this time (type(uint48).max: no expiry).
        uint48 validUntil;
        /// @dev Unix seconds of revocation, 0 while not revoked.
        uint48 revokedAt;
        /// @dev Block the authorization was written in, 0 if it never was.
        uint48 issuedBlock;
    }

    // ---------------------------------------------------------------- events: roots

    /// @notice A trustroot was registered.
    event RootRegistered(
        address indexed root, RootKind kind, AdmissionPolicy policy, address indexed registrar, uint64 sequence
    );
    /// @notice A shared root's member set or threshold changed (also emitted at registration).
    event RootMembersChanged(
        address indexed root, address[] members, uint8 threshold, uint32 configVersion, uint64 sequence
    );
    /// @notice A root's admission policy changed.
    event RootPolicyChanged(address indexed root, AdmissionPolicy policy, uint64 sequence);
    /// @notice A root was retired; nothing it issued is trusted any more.
    event RootRetired(address indexed root, uint64 sequence);
    /// @notice A root revoked everything it issued up to and including `epochBlock`.
    event RootEpochBumped(address indexed root, uint32 epoch, uint48 epochBlock, uint64 sequence);
    /// @notice A member of a shared root approved an action.
    event RootActionApproved(address indexed root, bytes32 indexed actionId, address indexed member, uint256 approvals);
    /// @notice A shared root's action reached its threshold and was executed.
    event RootActionExecuted(address indexed root, bytes32 indexed actionId);

    // ---------------------------------------------------------------- events: realms

    /// @notice A realm asked `root` to become its Realm-CA.
    event RealmCARequested(address indexed realm, address indexed root, uint64 sequence);
    /// @notice The pending request of `realm` to `root` was withdrawn by the realm, or dropped because
    /// the realm's Realm-CA was set to another root; `root` can no longer accept it.
    event RealmCARequestCancelled(address indexed realm, address indexed root, uint64 sequence);
    /// @notice `root` became the Realm-CA of `realm`.
    /// @dev `previousRoot` is indexed too, so that a reader following a root sees it lose a realm.
    event RealmCASet(address indexed realm, address indexed root, address indexed previousRoot, uint64 sequence);
    /// @notice An operator asked to be admitted into a realm (permissioned roots).
    event AdmissionRequested(
        address indexed root, address indexed realm, address indexed operator, uint64 capabilities, uint64 sequence
    );
    /// @notice An operator was admitted into a realm.
    event OperatorAdmitted(
        address indexed root, address indexed realm, address indexed operator, uint64 capabilities, uint64 sequence
    );
    /// @notice An operator was removed from (or left) a realm; its authorizations there are void.
    event OperatorRemoved(address indexed root, address indexed realm, address indexed operator, uint64 sequence);

    // ---------------------------------------------------------------- events: delegates

    /// @notice `issuer` authorized `delegate` in `realm` for [validFrom, validUntil).
    event DelegateAuthorized(
        address indexed issuer, address indexed realm, address indexed delegate, uint48 validFrom, uint48 validUntil
    );
    /// @notice `issuer` revoked its authorization of `delegate` in `realm`.
    event DelegateRevoked(address indexed issuer, address indexed realm, address indexed delegate);
    /// @notice `issuer` revoked every authorization it wrote in `realm` up to and including `blockNumber`.
    event DelegatesRevokedAll(address indexed issuer, address indexed realm, uint48 blockNumber);
    /// @notice `signer` revoked the certificate with EIP712 digest `digest`.
    event CertificateRevoked(address indexed signer, bytes32 indexed digest);

    // ---------------------------------------------------------------- events: attestation

    /// @notice `issuer` authorized `delegate` in `realm` for [validFrom, validUntil) and enrolled the
    /// TPM attestation key with digest `akDigest` for it (instead of {DelegateAuthorized}).
    event DelegateAuthorizedWithAttestationKey(
        address indexed issuer,
        address indexed realm,
        address indexed delegate,
        uint48 validFrom,
        uint48 validUntil,
        bytes32 akDigest
    );
    /// @notice The realm's Realm-CA set the attestation policy of `realm`.
    event AttestationPolicySet(address indexed realm, bool required, uint32 maxQuoteAge, uint32 pcrSelection);
    /// @notice The realm's Realm-CA allowed `measurement` (a digest over the quoted PCRs) in `realm`.
    event MeasurementAllowed(address indexed realm, bytes32 indexed measurement);
    /// @notice The realm's Realm-CA revoked `measurement` in `realm`: evidence with it is refused.
    event MeasurementRevoked(address indexed realm, bytes32 indexed measurement);

    // ---------------------------------------------------------------- events: relaying

    /// @notice A call signed by `actor` was executed; its nonce is used.
    event RelayedCallExecuted(address indexed actor, uint256 nonce);
    /// @notice `actor` used (cancelled) the next nonce of `key`, voiding any signature over it.
    event NonceUsed(address indexed actor, uint256 nonce);

    // ---------------------------------------------------------------- errors

    /// @notice The relayed call's deadline passed.
    error RelayedActorExpiredSignature(uint256 deadline);
    /// @notice The signature does not verify for `actor` (ECDSA or ERC-1271).
    error RelayedActorInvalidSignature(address actor);
    /// @notice The relayed or approved call targets a function that may not be relayed.
    error RelayedActorCallNotRelayable(bytes4 selector);
    /// @notice The relayed or approved call is shorter than a selector.
    error RelayedActorCallTooShort();
    /// @notice The root already exists.
    error TrustrootRegistryRootExists(address root);
    /// @notice The root does not exist or is retired.
    error TrustrootRegistryRootNotActive(address root);
    /// @notice The operation needs a shared root.
    error TrustrootRegistryNotSharedRoot(address root);
    /// @notice Invalid member set: empty, too many (> 32), zero address or duplicate, or bad threshold.
    error TrustrootRegistryInvalidMembers(uint256 memberCount, uint8 threshold);
    /// @notice `account` is not a member of shared root `root`.
    error TrustrootRegistryNotMember(address account, address root);
    /// @notice The member already approved this action.
    error TrustrootRegistryAlreadyApproved(address member, bytes32 actionId);
    /// @notice The call would not change anything.
    error TrustRegistryNoChange();
    /// @notice The realm has no Realm-CA.
    error RealmRegistryUnknownRealm(address realm);
    /// @notice `caller` is not the Realm-CA of `realm`.
    error RealmRegistryNotRealmCA(address caller, address realm);
    /// @notice The realm did not request `root` as its Realm-CA.
    error RealmRegistryRealmCANotRequested(address realm, address root);
    /// @notice The realm has no pending Realm-CA request to cancel.
    error RealmRegistryRealmCANotPending(address realm);
    /// @notice Capabilities outside the assignable bits (ROOT_CA and bits 8-63 are never assignable).
    error WmpCapabilitiesInvalidCapabilities(uint64 capabilities);
    /// @notice The root's policy is private: operators cannot request admission.
    error RealmRegistryAdmissionPrivate(address root);
    /// @notice A permissioned admission needs the operator's request covering `capabilities`.
    error RealmRegistryAdmissionNotRequested(address operator, uint64 capabilities);
    /// @notice The operator is not admitted in the realm.
    error RealmRegistryNotAdmitted(address operator, address realm);
    /// @notice A zero address where an account is needed.
    error TrustRegistryZeroAddress();
    /// @notice `validUntil` must be after `validFrom`.
    error DelegateRegistryInvalidValidity(uint48 validFrom, uint48 validUntil);
    /// @notice No authorization (issuer, realm, delegate) exists.
    error DelegateRegistryNotAuthorized(address issuer, address realm, address delegate);
    /// @notice The authorization is already revoked.
    error DelegateRegistryAlreadyRevoked(address issuer, address realm, address delegate);
    /// @notice The certificate digest is already revoked by this signer.
    error DelegateRegistryCertificateAlreadyRevoked(address signer, bytes32 digest);
    /// @notice An attestation policy that requires attestation needs a quote age and a PCR selection
    /// (PCRs 0-23).
    error AttestationRegistryInvalidAttestationPolicy();
    /// @notice A zero measurement or attestation-key digest.
    error AttestationRegistryZeroDigest();
    /// @notice `measurement` is not allowed in `realm` (never, revoked already, or before a realm move).
    error AttestationRegistryMeasurementNotAllowed(address realm, bytes32 measurement);
}
