// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DelegateRegistry} from "./DelegateRegistry.sol";

/**
 * @title AttestationRegistry — remote-attestation policy per realm, attestation keys per delegate
 * @notice A realm's Realm-CA decides whether delegates in the realm must prove, with a TPM 2.0 quote,
 * that they run a measured boot the realm approved ({setAttestationPolicy}: required or not, the
 * largest quote age, the PCRs to quote), and which measurements — digests over the quoted PCRs,
 * computed off-chain (docs/protocol.md) — it allows ({setMeasurement}). An issuer enrolls the digest of the TPM attestation key (AK) of a delegate
 * together with its authorization ({authorizeWithAttestationKey}); nodes accept only quotes signed
 * by that AK.
 * @dev An enrolled AK belongs to the authorization it was written with: a later {authorize} of the
 * same (issuer, realm, delegate) in another block drops it. An allowance counts only if written
 * after the realm's last Realm-CA change (like admissions); the policy itself survives a realm move
 * (fail closed: a realm that required attestation still does). Policy writes need the root to be
 * active; measurement writes only check that the caller is the realm's Realm-CA (one storage read,
 * keeping them under 50,000 gas) — a retired root's realm trusts no delegate anyway.
 */
abstract contract AttestationRegistry is DelegateRegistry {
    /// @dev Highest PCR index a selection may name (PC Client TPMs have PCRs 0-23).
    uint8 internal constant MAX_PCR = 23;

    mapping(address realm => AttestationPolicy) internal _attestationPolicies;
    mapping(bytes32 key => Measurement) internal _measurements;
    /// @dev keccak256(authorization key, issuedBlock) => AK digest.
    mapping(bytes32 key => bytes32 akDigest) internal _attestationKeys;

    /**
     * @notice The caller (issuer) authorizes `delegate` in `realm` for [validFrom, validUntil), as
     * {authorize}, and enrolls the TPM attestation key with digest `akDigest` for this authorization.
     * @dev Emits {DelegateAuthorizedWithAttestationKey} instead of {DelegateAuthorized}.
     * @param akDigest SHA-256 of the AK's public area (TPMT_PUBLIC), as `e2ee-node attest enroll` prints it.
     */
    function authorizeWithAttestationKey(
        address realm,
        address delegate,
        uint48 validFrom,
        uint48 validUntil,
        bytes32 akDigest
    ) external {
        if (akDigest == 0) revert AttestationRegistryZeroDigest();
        (address issuer, bytes32 key, uint48 until) = _authorize(realm, delegate, validFrom, validUntil);
        _attestationKeys[_attestationKeyKey(key, block.number)] = akDigest;
        emit DelegateAuthorizedWithAttestationKey(issuer, realm, delegate, validFrom, until, akDigest);
    }

    /**
     * @notice The caller, the realm's Realm-CA, sets the realm's attestation policy.
     * @param realm A realm whose Realm-CA is the caller (an active root).
     * @param required Whether delegates must present evidence to receive keys.
     * @param maxQuoteAge Largest accepted quote age in seconds (> 0 when required).
     * @param pcrSelection PCRs to quote, SHA-256 bank, bit i = PCR i (≤ 23; non-zero when required).
     */
    function setAttestationPolicy(address realm, bool required, uint32 maxQuoteAge, uint32 pcrSelection) external {
        (address root,) = _realmRoot(realm);
        address caller = _actor();
        if (caller != root) revert RealmRegistryNotRealmCA(caller, realm);
        if (pcrSelection >> (MAX_PCR + 1) != 0 || (required && (maxQuoteAge == 0 || pcrSelection == 0))) {
            revert AttestationRegistryInvalidAttestationPolicy();
        }
        AttestationPolicy storage p = _attestationPolicies[realm];
        // One read and one write of the packed slot: required | maxQuoteAge << 8 |
        // pcrSelection << 40 | updatedBlock << 72 (Solidity's layout of AttestationPolicy).
        uint256 packed;
        assembly ("memory-safe") {
            packed := sload(p.slot)
        }
        uint256 policy = (required ? 1 : 0) | uint256(maxQuoteAge) << 8 | uint256(pcrSelection) << 40;
        if (packed >> 72 != 0 && packed & ((1 << 72) - 1) == policy) revert TrustRegistryNoChange();
        assembly ("memory-safe") {
            sstore(p.slot, or(policy, shl(72, number())))
        }
        emit AttestationPolicySet(realm, required, maxQuoteAge, pcrSelection);
    }

    /**
     * @notice The caller, the realm's Realm-CA, allows `measurement` in `realm` (again, if it was
     * revoked), or revokes it (e.g. a vulnerable firmware or kernel): nodes then refuse evidence with
     * it and rotate the keys its holders may have.
     * @dev One entry point for both directions keeps the registry under the EIP-170 size limit.
     * Emits {MeasurementAllowed} or {MeasurementRevoked}.
     * @param measurement The digest over the quoted PCRs (docs/protocol.md), non-zero.
     * @param allowed True to allow, false to revoke.
     */
    function setMeasurement(address realm, bytes32 measurement, bool allowed) external {
        uint48 rootSetBlock = _callerIsRealmCA(realm);
        if (measurement == 0) revert AttestationRegistryZeroDigest();
        Measurement storage m = _measurements[_measurementKey(realm, measurement)];
        // One read and one write of the packed slot: allowedBlock | revokedBlock << 48.
        uint256 packed;
        assembly ("memory-safe") {
            packed := sload(m.slot)
        }
        bool isAllowed = packed & type(uint48).max > rootSetBlock && packed >> 48 == 0;
        if (allowed == isAllowed) {
            if (allowed) revert TrustRegistryNoChange();
            revert AttestationRegistryMeasurementNotAllowed(realm, measurement);
        }
        // Allow: allowedBlock = now, revokedBlock = 0. Revoke: revokedBlock = now.
        packed = allowed ? block.number : packed | block.number << 48;
        assembly ("memory-safe") {
            sstore(m.slot, packed)
        }
        if (allowed) emit MeasurementAllowed(realm, measurement);
        else emit MeasurementRevoked(realm, measurement);
    }

    // ------------------------------------------------------------------ views

    /**
     * @notice Everything a node needs to judge a delegate's evidence, in one call: the realm's
     * policy, the AK enrolled with the current authorization of (issuer, realm, delegate), and what
     * the policy says about `measurement`.
     * @dev Whether the authorization itself holds is {authorizationStatus}'s question.
     * @return policy The realm's {AttestationPolicy} packed as in storage: `required` in bit 0,
     * `maxQuoteAge` in bits 8-39, `pcrSelection` in bits 40-71, `updatedBlock` in bits 72-119 (zero:
     * never set, attestation not required).
     * @return akDigest The enrolled AK digest, zero if the authorization was written without one
     * (or does not exist).
     * @return status `Allowed`, `Revoked`, or `Unknown` (never allowed, or allowed before the
     * realm's last Realm-CA change).
     */
    function attestationStatus(address issuer, address realm, address delegate, bytes32 measurement)
        external
        view
        returns (uint256 policy, bytes32 akDigest, MeasurementStatus status)
    {
        AttestationPolicy storage p = _attestationPolicies[realm];
        assembly ("memory-safe") {
            policy := sload(p.slot)
        }
        bytes32 key = _authorizationKey(issuer, realm, delegate);
        uint48 issuedBlock = _authorizations[key].issuedBlock;
        if (issuedBlock != 0) akDigest = _attestationKeys[_attestationKeyKey(key, issuedBlock)];
        Measurement storage m = _measurements[_measurementKey(realm, measurement)];
        uint256 packed;
        assembly ("memory-safe") {
            packed := sload(m.slot)
        }
        if (packed & type(uint48).max > _realms[realm].rootSetBlock) {
            status = packed >> 48 == 0 ? MeasurementStatus.Allowed : MeasurementStatus.Revoked;
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev Requires the caller to be the Realm-CA of `realm`; returns the block it was set in. (No
    /// root-status read: it would push measurement writes over 50,000 gas, and a retired root's
    /// realm trusts no delegate anyway.)
    function _callerIsRealmCA(address realm) private view returns (uint48 rootSetBlock) {
        Realm memory rm = _realms[realm];
        if (rm.root == address(0)) revert RealmRegistryUnknownRealm(realm);
        address caller = _actor();
        if (caller != rm.root) revert RealmRegistryNotRealmCA(caller, realm);
        return rm.rootSetBlock;
    }

    function _measurementKey(address realm, bytes32 measurement) private pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, realm)
            mstore(0x20, measurement)
            key := keccak256(0x00, 0x40)
        }
    }

    function _attestationKeyKey(bytes32 authorizationKey, uint256 issuedBlock) private pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, authorizationKey)
            mstore(0x20, issuedBlock)
            key := keccak256(0x00, 0x40)
        }
    }
}
