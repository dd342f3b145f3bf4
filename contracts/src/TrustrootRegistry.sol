// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RelayedActor} from "./RelayedActor.sol";

/**
 * @title TrustrootRegistry — standalone and shared trustroots
 * @notice A standalone root is an address (EOA or ERC-1271 contract) that registers itself. A shared
 * root is a registry-native identity controlled by M-of-N members: its actions run once `threshold`
 * distinct members approved the same call under the current member set; member rotation keeps the
 * root's address. Every root has an admission policy, can be retired (final), and has an epoch: a
 * revoke-all that voids, in O(1), everything the root issued up to that block.
 */
abstract contract TrustrootRegistry is RelayedActor {
    /// @notice Upper bound on the members of a shared root.
    uint256 public constant MAX_MEMBERS = 32;

    mapping(address root => Root) internal _roots;
    mapping(address root => address[]) internal _members;
    /// @dev member index + 1 within the current member set; 0 = not a member.
    mapping(address root => mapping(address member => uint256)) internal _memberSlot;
    /// @dev bitmap of member indexes that approved an action id.
    mapping(bytes32 actionId => uint256) internal _approvals;

    // ------------------------------------------------------------------ registration

    /**
     * @notice Registers the caller (or relayed actor) as a standalone trustroot.
     * @param policy Admission policy for Operator-CAs in the root's realms.
     */
    function registerRoot(AdmissionPolicy policy) external {
        address root = _actor();
        _createRoot(root, RootKind.Standalone, policy, root);
    }

    /**
     * @notice Registers a shared trustroot controlled by `threshold` of `members`.
     * @param salt Chosen by the registrar; the root's address is derived from (registrar, salt).
     * @param members 1 to 32 distinct non-zero member accounts (EOAs or ERC-1271 contracts).
     * @param threshold Approvals needed for an action, 1 ≤ threshold ≤ members.length.
     * @param policy Admission policy for Operator-CAs in the root's realms.
     * @return root The shared root's address (no private key exists for it).
     */
    function registerSharedRoot(bytes32 salt, address[] calldata members, uint8 threshold, AdmissionPolicy policy)
        external
        returns (address root)
    {
        address registrar = _actor();
        root = sharedRootAddress(registrar, salt);
        _createRoot(root, RootKind.Shared, policy, registrar);
        _setMembers(root, members, threshold);
    }

    /**
     * @notice The address of the shared root `registrar` registers with `salt`.
     * @return The derived root address.
     */
    function sharedRootAddress(address registrar, bytes32 salt) public pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("WAMP-E2EE shared trustroot", registrar, salt)))));
    }

    // ------------------------------------------------------------------ root administration

    /**
     * @notice Replaces a shared root's member set and threshold; pending approvals lapse.
     * @dev Only the shared root itself (i.e. through {approveRootAction}) may call this.
     */
    function setMembers(address[] calldata members, uint8 threshold) external {
        address root = _actor();
        if (_roots[root].kind != RootKind.Shared) revert TrustrootRegistryNotSharedRoot(root);
        _requireActive(root);
        _setMembers(root, members, threshold);
    }

    /**
     * @notice Changes the caller root's admission policy.
     * @param policy The new policy; reverts with TrustRegistryNoChange if it is the current one.
     */
    function setPolicy(AdmissionPolicy policy) external {
        address root = _actor();
        Root storage r = _activeRoot(root);
        if (r.policy == policy) revert TrustRegistryNoChange();
        r.policy = policy;
        uint64 seq = ++r.sequence;
        emit RootPolicyChanged(root, policy, seq);
    }

    /**
     * @notice Retires the caller root for good: nothing it issued is trusted any more.
     */
    function retire() external {
        address root = _actor();
        Root storage r = _activeRoot(root);
        r.status = RootStatus.Retired;
        uint64 seq = ++r.sequence;
        emit RootRetired(root, seq);
    }

    /**
     * @notice Revokes, in O(1), everything the caller root issued up to and including this block:
     * its Operator-CA admissions and every delegate authorization in its realms.
     * @dev Authorizations and admissions written in the same block are revoked too (fail closed).
     * @return epoch The new epoch number.
     */
    function bumpEpoch() external returns (uint32 epoch) {
        address root = _actor();
        Root storage r = _activeRoot(root);
        uint48 blockNumber = uint48(block.number);
        if (r.epochBlock == blockNumber) revert TrustRegistryNoChange();
        epoch = ++r.epoch;
        r.epochBlock = blockNumber;
        uint64 seq = ++r.sequence;
        emit RootEpochBumped(root, epoch, blockNumber, seq);
    }

    /**
     * @notice Approves `data` (a registry call) as an action of shared root `root`; the approval that
     * reaches the threshold executes it with the root as actor.
     * @param root The shared root.
     * @param data ABI-encoded registry call to run as the root.
     * @return executed True when this approval executed the action.
     */
    function approveRootAction(address root, bytes calldata data) external returns (bool executed) {
        address member = _actor();
        Root storage r = _activeRoot(root);
        if (r.kind != RootKind.Shared) revert TrustrootRegistryNotSharedRoot(root);
        _requireRelayable(data);
        uint256 slot = _memberSlot[root][member];
        if (slot == 0) revert TrustrootRegistryNotMember(member, root);
        bytes32 actionId = rootActionId(root, data);
        uint256 bit = 1 << (slot - 1);
        uint256 bitmap = _approvals[actionId];
        if (bitmap & bit != 0) revert TrustrootRegistryAlreadyApproved(member, actionId);
        bitmap |= bit;
        uint256 count = _popcount(bitmap);
        emit RootActionApproved(root, actionId, member, count);
        if (count < r.threshold) {
            _approvals[actionId] = bitmap;
            return false;
        }
        delete _approvals[actionId];
        emit RootActionExecuted(root, actionId);
        _callAs(root, data);
        return true;
    }

    // ------------------------------------------------------------------ views

    /**
     * @notice The id under which approvals of `data` for `root` are collected (binds the member set version).
     * @return The action id.
     */
    function rootActionId(address root, bytes calldata data) public view returns (bytes32) {
        return keccak256(abi.encode(root, _roots[root].configVersion, keccak256(data)));
    }

    /**
     * @notice Approvals collected so far for `data` as an action of `root`.
     * @return count Number of distinct current members that approved.
     */
    function approvalsOf(address root, bytes calldata data) external view returns (uint256 count) {
        return _popcount(_approvals[rootActionId(root, data)]);
    }

    /// @notice The trustroot record of `root` (all zero if unknown).
    function getRoot(address root) external view returns (Root memory) {
        return _roots[root];
    }

    /// @notice The current members of shared root `root`.
    function membersOf(address root) external view returns (address[] memory) {
        return _members[root];
    }

    /// @notice Whether `account` is a current member of shared root `root`.
    function isMember(address root, address account) external view returns (bool) {
        return _memberSlot[root][account] != 0;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Creates an active root record with sequence 1; reverts if `root` exists.
    function _createRoot(address root, RootKind kind, AdmissionPolicy policy, address registrar) private {
        if (_roots[root].kind != RootKind.None) revert TrustrootRegistryRootExists(root);
        _roots[root] = Root({
            kind: kind,
            status: RootStatus.Active,
            policy: policy,
            threshold: 0,
            memberCount: 0,
            epoch: 0,
            epochBlock: 0,
            sequence: 1,
            configVersion: 0
        });
        emit RootRegistered(root, kind, policy, registrar, 1);
    }

    /// @dev Requires `root` to exist and be active; returns its storage record.
    function _activeRoot(address root) internal view returns (Root storage r) {
        r = _roots[root];
        if (r.status != RootStatus.Active) revert TrustrootRegistryRootNotActive(root);
    }

    function _requireActive(address root) internal view {
        if (_roots[root].status != RootStatus.Active) revert TrustrootRegistryRootNotActive(root);
    }

    /// @dev Validates and stores a member set, bumping the config version so old approvals lapse.
    function _setMembers(address root, address[] calldata members, uint8 threshold) internal {
        uint256 n = members.length;
        if (n == 0 || n > MAX_MEMBERS || threshold == 0 || threshold > n) {
            revert TrustrootRegistryInvalidMembers(n, threshold);
        }
        address[] storage current = _members[root];
        for (uint256 i = current.length; i > 0; --i) {
            delete _memberSlot[root][current[i - 1]];
            current.pop();
        }
        for (uint256 i = 0; i < n; ++i) {
            address m = members[i];
            if (m == address(0) || _memberSlot[root][m] != 0) revert TrustrootRegistryInvalidMembers(n, threshold);
            _memberSlot[root][m] = i + 1;
            current.push(m);
        }
        Root storage r = _roots[root];
        r.threshold = threshold;
        // casting to 'uint8' is safe because n <= MAX_MEMBERS (32)
        // forge-lint: disable-next-line(unsafe-typecast)
        r.memberCount = uint8(n);
        uint32 version = ++r.configVersion;
        uint64 seq = ++r.sequence;
        emit RootMembersChanged(root, members, threshold, version, seq);
    }

    function _popcount(uint256 x) internal pure returns (uint256 count) {
        while (x != 0) {
            x &= x - 1;
            ++count;
        }
    }
}
