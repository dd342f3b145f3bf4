// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TrustrootRegistry} from "./TrustrootRegistry.sol";
import {WmpCapabilities} from "./WmpCapabilities.sol";

/**
 * @title RealmRegistry — realms, their Realm-CA, and Operator-CA admissions
 * @notice A realm (an address, as in WMP/1 certificates) chooses its Realm-CA: the realm's key asks
 * a root ({requestRealmCA}) and the root accepts ({acceptRealm}); a root that is its own realm needs
 * one step. A realm has at most one pending request: asking another root replaces it, the realm can
 * withdraw it ({cancelRealmCARequest}), and setting the realm's Realm-CA by any path clears it, so a
 * root asked earlier cannot take the realm later. Operators are admitted into a realm with a capability mask according to the root's
 * admission policy: Open (the operator's request suffices), Permissioned (request + root approval
 * with capabilities within the request) or Private (the root alone).
 * @dev Changing a realm's Realm-CA voids every admission and root-issued authorization written in or
 * before that block (fail closed), without touching them.
 */
abstract contract RealmRegistry is TrustrootRegistry {
    mapping(address realm => Realm) internal _realms;
    mapping(address realm => address root) internal _pendingRealmCA;
    mapping(bytes32 key => Admission) internal _admissions;

    /**
     * @notice The caller (the realm's key, or relayed) asks `root` to become its Realm-CA. When the
     * realm is the root itself, the Realm-CA is set at once. A pending request to another root is
     * cancelled ({RealmCARequestCancelled}) in both cases.
     * @param root An active trustroot.
     */
    function requestRealmCA(address root) external {
        address realm = _actor();
        Root storage r = _activeRoot(root);
        if (realm == root) {
            _setRealmCA(realm, root, r);
            return;
        }
        address pending = _pendingRealmCA[realm];
        if (pending == root || _realms[realm].root == root) revert TrustRegistryNoChange();
        if (pending != address(0)) _cancelRealmCARequest(realm, pending);
        _pendingRealmCA[realm] = root;
        uint64 seq = ++r.sequence;
        emit RealmCARequested(realm, root, seq);
    }

    /**
     * @notice The caller root accepts to be the Realm-CA of `realm`, which must have requested it
     * (and not withdrawn or superseded the request).
     * @param realm The realm address.
     */
    function acceptRealm(address realm) external {
        address root = _actor();
        Root storage r = _activeRoot(root);
        if (_pendingRealmCA[realm] != root) revert RealmRegistryRealmCANotRequested(realm, root);
        _setRealmCA(realm, root, r);
    }

    /**
     * @notice The caller (the realm's key, or relayed) withdraws its pending Realm-CA request, so that
     * the root it asked can no longer accept. Works also when that root has retired since.
     * @dev Emits {RealmCARequestCancelled} with the asked root's next sequence number.
     */
    function cancelRealmCARequest() external {
        address realm = _actor();
        address root = _pendingRealmCA[realm];
        if (root == address(0)) revert RealmRegistryRealmCANotPending(realm);
        _cancelRealmCARequest(realm, root);
    }

    /**
     * @notice The caller operator asks to be admitted into `realm` with `capabilities`. Under an Open
     * policy this admits it; under Permissioned it records the request; Private reverts.
     * @param realm A realm with an active Realm-CA.
     * @param capabilities WMP capability bits; ROOT_CA and bits 8-63 are rejected.
     */
    function requestAdmission(address realm, uint64 capabilities) external {
        address operator = _actor();
        (address root, Root storage r) = _realmRoot(realm);
        WmpCapabilities.requireAssignable(capabilities);
        if (r.policy == AdmissionPolicy.Private) revert RealmRegistryAdmissionPrivate(root);
        Admission storage a = _admissions[_admissionKey(realm, operator)];
        if (r.policy == AdmissionPolicy.Open) {
            if (a.capabilities == capabilities && _isEffective(a, realm, r)) revert TrustRegistryNoChange();
            _admit(root, r, realm, operator, a, capabilities);
            return;
        }
        if (a.capabilities == capabilities && (_isPendingRequest(a, realm) || _isEffective(a, realm, r))) {
            revert TrustRegistryNoChange();
        }
        // A new request (also one that widens an effective admission) suspends the admission until
        // the Realm-CA admits again.
        a.status = AdmissionStatus.Requested;
        a.capabilities = capabilities;
        a.admittedBlock = uint48(block.number);
        uint64 seq = ++r.sequence;
        emit AdmissionRequested(root, realm, operator, capabilities, seq);
    }

    /**
     * @notice The caller (the realm's Realm-CA) admits `operator` into `realm` with `capabilities`.
     * Under a Permissioned policy the operator must have requested at least these capabilities under
     * the current Realm-CA, or the call narrows an effective admission. Admitting an admitted
     * operator again replaces its capabilities.
     * @param realm The realm.
     * @param operator The Operator-CA's address.
     * @param capabilities WMP capability bits; ROOT_CA and bits 8-63 are rejected.
     */
    function admitOperator(address realm, address operator, uint64 capabilities) external {
        (address root, Root storage r) = _realmRoot(realm);
        address caller = _actor();
        if (caller != root) revert RealmRegistryNotRealmCA(caller, realm);
        if (operator == address(0)) revert TrustRegistryZeroAddress();
        WmpCapabilities.requireAssignable(capabilities);
        Admission storage a = _admissions[_admissionKey(realm, operator)];
        if (r.policy == AdmissionPolicy.Permissioned) {
            // Within a request made under the current Realm-CA, or narrowing an effective admission.
            if ((!_isPendingRequest(a, realm) && !_isEffective(a, realm, r)) || capabilities & ~a.capabilities != 0) {
                revert RealmRegistryAdmissionNotRequested(operator, capabilities);
            }
        }
        if (a.capabilities == capabilities && _isEffective(a, realm, r)) revert TrustRegistryNoChange();
        _admit(root, r, realm, operator, a, capabilities);
    }

    /**
     * @notice Removes `operator` from `realm`; callable by the realm's Realm-CA or by the operator
     * itself. Every authorization the operator wrote in the realm so far becomes void, also if it is
     * admitted again later.
     */
    function removeOperator(address realm, address operator) external {
        (address root, Root storage r) = _realmRoot(realm);
        address caller = _actor();
        if (caller != root && caller != operator) revert RealmRegistryNotRealmCA(caller, realm);
        Admission storage a = _admissions[_admissionKey(realm, operator)];
        if (a.status != AdmissionStatus.Admitted && a.status != AdmissionStatus.Requested) {
            revert RealmRegistryNotAdmitted(operator, realm);
        }
        a.status = AdmissionStatus.Removed;
        a.revokedAllBlock = uint48(block.number);
        uint64 seq = ++r.sequence;
        emit OperatorRemoved(root, realm, operator, seq);
    }

    // ------------------------------------------------------------------ views

    /// @notice The Realm-CA record of `realm` (zero root if none).
    function getRealm(address realm) external view returns (Realm memory) {
        return _realms[realm];
    }

    /// @notice The root `realm` asked to become its Realm-CA and that has not accepted yet.
    function pendingRealmCA(address realm) external view returns (address) {
        return _pendingRealmCA[realm];
    }

    /// @notice The admission record of `operator` in `realm`.
    function getAdmission(address realm, address operator) external view returns (Admission memory) {
        return _admissions[_admissionKey(realm, operator)];
    }

    // ------------------------------------------------------------------ internals

    /// @dev Sets `root` as the Realm-CA of `realm` and clears the realm's pending request: accepted
    /// when it is for `root`, cancelled (with an event) when it is for another root.
    function _setRealmCA(address realm, address root, Root storage r) private {
        address previous = _realms[realm].root;
        if (previous == root) revert TrustRegistryNoChange();
        address pending = _pendingRealmCA[realm];
        if (pending == root) {
            delete _pendingRealmCA[realm];
        } else if (pending != address(0)) {
            _cancelRealmCARequest(realm, pending);
        }
        _realms[realm] = Realm({root: root, rootSetBlock: uint48(block.number)});
        uint64 seq = ++r.sequence;
        emit RealmCASet(realm, root, previous, seq);
    }

    /// @dev Deletes the pending request of `realm` for `root` and emits {RealmCARequestCancelled} in
    /// `root`'s sequence (as {RealmCARequested} was), whether or not `root` is still active.
    function _cancelRealmCARequest(address realm, address root) private {
        delete _pendingRealmCA[realm];
        uint64 seq = ++_roots[root].sequence;
        emit RealmCARequestCancelled(realm, root, seq);
    }

    /// @dev Whether `a` is a request made under the realm's current Realm-CA (after the block it was set in).
    function _isPendingRequest(Admission storage a, address realm) private view returns (bool) {
        return a.status == AdmissionStatus.Requested && a.admittedBlock > _realms[realm].rootSetBlock;
    }

    /// @dev Whether `a` is an admission that still counts (not voided by a realm move or root epoch).
    function _isEffective(Admission storage a, address realm, Root storage r) private view returns (bool) {
        return a.status == AdmissionStatus.Admitted && a.admittedBlock > _realms[realm].rootSetBlock
            && a.admittedBlock > r.epochBlock;
    }

    function _admit(
        address root,
        Root storage r,
        address realm,
        address operator,
        Admission storage a,
        uint64 capabilities
    ) private {
        a.status = AdmissionStatus.Admitted;
        a.capabilities = capabilities;
        a.admittedBlock = uint48(block.number);
        uint64 seq = ++r.sequence;
        emit OperatorAdmitted(root, realm, operator, capabilities, seq);
    }

    /// @dev The realm's active Realm-CA; reverts for unknown realms and inactive roots.
    function _realmRoot(address realm) internal view returns (address root, Root storage r) {
        root = _realms[realm].root;
        if (root == address(0)) revert RealmRegistryUnknownRealm(realm);
        r = _activeRoot(root);
    }

    function _admissionKey(address realm, address operator) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, realm)
            mstore(0x20, operator)
            key := keccak256(0x00, 0x40)
        }
    }
}
