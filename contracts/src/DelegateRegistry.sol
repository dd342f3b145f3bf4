// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RealmRegistry} from "./RealmRegistry.sol";
import {WmpCapabilities} from "./WmpCapabilities.sol";

/**
 * @title DelegateRegistry — delegate authorizations and certificate revocations
 * @notice An issuer (a realm's Realm-CA, or an Operator-CA admitted there with INTERMEDIATE_CA)
 * authorizes a delegate key in a realm for a validity window. Writing is permissionless — each
 * issuer writes only under its own address — and cheap: one storage slot per (issuer, realm,
 * delegate). Whether the issuer's word counts is decided when reading ({authorizationStatus}):
 * realm known, root active, no root epoch or realm change since (for every issuer), issuer admitted with
 * INTERMEDIATE_CA, no issuer revoke-all since, inside [validFrom, validUntil), not revoked.
 * @dev Any signer may also revoke a WMP/1 certificate it signed by EIP712 digest.
 */
abstract contract DelegateRegistry is RealmRegistry {
    mapping(bytes32 key => Authorization) internal _authorizations;
    mapping(bytes32 key => uint256 revokedAt) internal _certificateRevocations;

    /**
     * @notice The caller (issuer) authorizes `delegate` in `realm` for [validFrom, validUntil).
     * Re-authorizing replaces the previous window and clears a revocation.
     * @param realm The realm address.
     * @param delegate The delegate key's address.
     * @param validFrom Unix seconds from which the authorization holds.
     * @param validUntil Unix seconds before which it holds; 0 means no expiry.
     */
    function authorize(address realm, address delegate, uint48 validFrom, uint48 validUntil) external {
        (address issuer,, uint48 until) = _authorize(realm, delegate, validFrom, validUntil);
        emit DelegateAuthorized(issuer, realm, delegate, validFrom, until);
    }

    /**
     * @notice The caller (issuer) revokes its authorization of `delegate` in `realm`.
     */
    function revoke(address realm, address delegate) external {
        address issuer = _actor();
        Authorization storage a = _authorizations[_authorizationKey(issuer, realm, delegate)];
        // One read and one write of the packed slot: validFrom | validUntil << 48 |
        // revokedAt << 96 | issuedBlock << 144 (Solidity's layout of Authorization).
        uint256 packed;
        assembly ("memory-safe") {
            packed := sload(a.slot)
        }
        if (packed >> 144 == 0) revert DelegateRegistryNotAuthorized(issuer, realm, delegate);
        if ((packed >> 96) & type(uint48).max != 0) revert DelegateRegistryAlreadyRevoked(issuer, realm, delegate);
        uint256 revokedAt = uint48(block.timestamp);
        assembly ("memory-safe") {
            sstore(a.slot, or(packed, shl(96, revokedAt)))
        }
        emit DelegateRevoked(issuer, realm, delegate);
    }

    /**
     * @notice The caller, an admitted Operator-CA, revokes every authorization it wrote in `realm`
     * up to and including this block, in O(1). (A root revokes everything with {bumpEpoch}.)
     */
    function revokeAllDelegates(address realm) external {
        address issuer = _actor();
        Admission storage a = _admissions[_admissionKey(realm, issuer)];
        if (a.status != AdmissionStatus.Admitted) revert RealmRegistryNotAdmitted(issuer, realm);
        uint48 blockNumber = uint48(block.number);
        if (a.revokedAllBlock == blockNumber) revert TrustRegistryNoChange();
        a.revokedAllBlock = blockNumber;
        emit DelegatesRevokedAll(issuer, realm, blockNumber);
    }

    /**
     * @notice The caller revokes a WMP/1 certificate it signed, by EIP712 digest.
     * @param digest The certificate's EIP712 digest (see {delegateCertificateDigest}).
     */
    function revokeCertificate(bytes32 digest) external {
        address signer = _actor();
        bytes32 key = _certificateKey(signer, digest);
        if (_certificateRevocations[key] != 0) revert DelegateRegistryCertificateAlreadyRevoked(signer, digest);
        _certificateRevocations[key] = block.timestamp;
        emit CertificateRevoked(signer, digest);
    }

    // ------------------------------------------------------------------ views

    /**
     * @notice Whether `issuer`'s authorization of `delegate` in `realm` holds now.
     * @return True exactly when {authorizationStatus} is `Valid`.
     */
    function isAuthorized(address issuer, address realm, address delegate) external view returns (bool) {
        (AuthorizationStatus status,,,) = authorizationStatus(issuer, realm, delegate);
        return status == AuthorizationStatus.Valid;
    }

    /**
     * @notice The full authorization check: every rule, the first failing one reported.
     * @return status `Valid` or the rule that failed.
     * @return root The realm's Realm-CA (zero if the realm is unknown).
     * @return issuerCapabilities The issuer's capabilities in the realm (all bits for the root itself).
     * @return validUntil End of the authorization's window (0 if none).
     */
    function authorizationStatus(address issuer, address realm, address delegate)
        public
        view
        returns (AuthorizationStatus status, address root, uint64 issuerCapabilities, uint48 validUntil)
    {
        Authorization memory a = _authorizations[_authorizationKey(issuer, realm, delegate)];
        validUntil = a.validUntil;
        if (a.issuedBlock == 0) return (AuthorizationStatus.NotAuthorized, root, 0, 0);
        Realm memory rm = _realms[realm];
        root = rm.root;
        if (root == address(0)) return (AuthorizationStatus.UnknownRealm, root, 0, validUntil);
        Root storage r = _roots[root];
        if (r.status != RootStatus.Active) return (AuthorizationStatus.RootNotActive, root, 0, validUntil);
        if (a.issuedBlock <= r.epochBlock) return (AuthorizationStatus.RevokedByRootEpoch, root, 0, validUntil);
        if (issuer == root) {
            issuerCapabilities = WmpCapabilities.ALL;
        } else {
            Admission memory ad = _admissions[_admissionKey(realm, issuer)];
            if (
                ad.status != AdmissionStatus.Admitted || ad.admittedBlock <= rm.rootSetBlock
                    || ad.admittedBlock <= r.epochBlock
            ) {
                return (AuthorizationStatus.IssuerNotAdmitted, root, 0, validUntil);
            }
            issuerCapabilities = ad.capabilities;
            if (ad.capabilities & WmpCapabilities.INTERMEDIATE_CA == 0) {
                return (AuthorizationStatus.IssuerMissingCapability, root, issuerCapabilities, validUntil);
            }
            if (a.issuedBlock <= ad.revokedAllBlock) {
                return (AuthorizationStatus.RevokedByIssuer, root, issuerCapabilities, validUntil);
            }
        }
        if (a.issuedBlock <= rm.rootSetBlock) {
            return (AuthorizationStatus.RevokedByRealmChange, root, issuerCapabilities, validUntil);
        }
        if (a.revokedAt != 0) return (AuthorizationStatus.Revoked, root, issuerCapabilities, validUntil);
        if (block.timestamp < a.validFrom) {
            return (AuthorizationStatus.NotYetValid, root, issuerCapabilities, validUntil);
        }
        if (block.timestamp >= a.validUntil) {
            return (AuthorizationStatus.Expired, root, issuerCapabilities, validUntil);
        }
        return (AuthorizationStatus.Valid, root, issuerCapabilities, validUntil);
    }

    /// @notice The raw authorization record of (issuer, realm, delegate).
    function getAuthorization(address issuer, address realm, address delegate)
        external
        view
        returns (Authorization memory)
    {
        return _authorizations[_authorizationKey(issuer, realm, delegate)];
    }

    /**
     * @notice When `signer` revoked the certificate with `digest`.
     * @return Unix seconds of the revocation, 0 if not revoked.
     */
    function certificateRevokedAt(address signer, bytes32 digest) external view returns (uint256) {
        return _certificateRevocations[_certificateKey(signer, digest)];
    }

    // ------------------------------------------------------------------ internals

    /// @dev Validates and writes the caller's authorization of `delegate` in `realm`; returns the
    /// issuer, the authorization's storage key and the stored end of validity.
    function _authorize(address realm, address delegate, uint48 validFrom, uint48 validUntil)
        internal
        returns (address issuer, bytes32 key, uint48 until)
    {
        if (realm == address(0) || delegate == address(0)) revert TrustRegistryZeroAddress();
        until = validUntil == 0 ? type(uint48).max : validUntil;
        if (until <= validFrom) revert DelegateRegistryInvalidValidity(validFrom, validUntil);
        issuer = _actor();
        key = _authorizationKey(issuer, realm, delegate);
        _authorizations[key] =
            Authorization({validFrom: validFrom, validUntil: until, revokedAt: 0, issuedBlock: uint48(block.number)});
    }

    function _authorizationKey(address issuer, address realm, address delegate) internal pure returns (bytes32 key) {
        // Hashed in the scratch space and the free memory pointer's slot (restored): no memory
        // expansion.
        assembly ("memory-safe") {
            let fmp := mload(0x40)
            mstore(0x00, issuer)
            mstore(0x20, realm)
            mstore(0x40, delegate)
            key := keccak256(0x00, 0x60)
            mstore(0x40, fmp)
        }
    }

    function _certificateKey(address signer, bytes32 digest) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, signer)
            mstore(0x20, digest)
            key := keccak256(0x00, 0x40)
        }
    }
}
