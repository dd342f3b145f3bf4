// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest, Caps} from "./utils/RegistryTest.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Shared (M-of-N) trustroots: address derivation, approvals, thresholds, member rotation.
contract SharedRootsTest is RegistryTest {
    bytes32 internal constant SALT = keccak256("salt");

    uint256[] internal pks;
    address[] internal members;
    address internal shared;

    function setUp() public override {
        super.setUp();
        (pks, members) = _memberKeys(3, 0);
    }

    function _shared2of3() internal returns (address) {
        shared = _registerShared(stranger, SALT, members, 2, OPEN);
        return shared;
    }

    function _expectedAddress(address registrar, bytes32 salt) internal pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("WAMP-E2EE shared trustroot", registrar, salt)))));
    }

    // ------------------------------------------------------------------ registration

    function test_SharedRootAddress_Derivation() public view {
        assertEq(reg.sharedRootAddress(stranger, SALT), _expectedAddress(stranger, SALT), "derivation");
        assertNotEq(reg.sharedRootAddress(stranger, SALT), reg.sharedRootAddress(root, SALT), "binds registrar");
        assertNotEq(reg.sharedRootAddress(stranger, SALT), reg.sharedRootAddress(stranger, bytes32(0)), "binds salt");
    }

    function test_RegisterSharedRoot_StoresAndEmits() public {
        address expected = _expectedAddress(stranger, SALT);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootRegistered(expected, ITrustRegistry.RootKind.Shared, PERMISSIONED, stranger, 1);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootMembersChanged(expected, members, 2, 1, 2);
        vm.prank(stranger);
        address got = reg.registerSharedRoot(SALT, members, 2, PERMISSIONED);
        assertEq(got, expected, "returned address");

        ITrustRegistry.Root memory r = reg.getRoot(got);
        assertEq(uint256(r.kind), uint256(ITrustRegistry.RootKind.Shared), "kind");
        assertEq(uint256(r.status), uint256(ITrustRegistry.RootStatus.Active), "status");
        assertEq(uint256(r.policy), uint256(PERMISSIONED), "policy");
        assertEq(r.threshold, 2, "threshold");
        assertEq(r.memberCount, 3, "memberCount");
        assertEq(r.configVersion, 1, "configVersion");
        assertEq(r.sequence, 2, "sequence");
        address[] memory m = reg.membersOf(got);
        assertEq(m.length, 3, "members length");
        for (uint256 i = 0; i < 3; ++i) {
            assertEq(m[i], members[i], "member");
            assertTrue(reg.isMember(got, members[i]), "isMember");
        }
        assertFalse(reg.isMember(got, stranger), "registrar is not a member");
        // The registrar has no power over the root.
        assertEq(uint256(reg.getRoot(stranger).kind), 0, "registrar is not a root");
    }

    function test_RevertWhen_RegisterSharedRootTwice() public {
        _shared2of3();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootExists.selector, shared));
        vm.prank(stranger);
        reg.registerSharedRoot(SALT, members, 1, OPEN);
        // Another registrar with the same salt gets another root.
        vm.prank(root);
        address other = reg.registerSharedRoot(SALT, members, 1, OPEN);
        assertNotEq(other, shared, "distinct roots");
    }

    function test_RevertWhen_InvalidMembers() public {
        address[] memory empty = new address[](0);
        _expectInvalidMembers(empty, 1);
        _expectInvalidMembers(members, 0); // threshold 0
        _expectInvalidMembers(members, 4); // threshold > n
        (, address[] memory tooMany) = _memberKeys(33, 100);
        _expectInvalidMembers(tooMany, 1);
        address[] memory withZero = new address[](2);
        withZero[0] = members[0];
        _expectInvalidMembers(withZero, 1);
        address[] memory dup = new address[](3);
        dup[0] = members[0];
        dup[1] = members[1];
        dup[2] = members[0];
        _expectInvalidMembers(dup, 2);
    }

    /// @dev (forge's recordLogs also records logs of reverted calls, so only the revert is checked:
    /// a reverted transaction emits nothing on chain.)
    function _expectInvalidMembers(address[] memory m, uint8 t) internal {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryInvalidMembers.selector, m.length, t));
        vm.prank(stranger);
        reg.registerSharedRoot(SALT, m, t, OPEN);
        assertEq(uint256(reg.getRoot(reg.sharedRootAddress(stranger, SALT)).kind), 0, "not registered");
    }

    function test_MaxMembers_ThirtyTwoOfThirtyTwo() public {
        assertEq(reg.MAX_MEMBERS(), 32, "MAX_MEMBERS");
        (, address[] memory m) = _memberKeys(32, 200);
        address s = _registerShared(stranger, SALT, m, 32, OPEN);
        assertEq(reg.getRoot(s).memberCount, 32, "32 members");
        bytes memory data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        assertFalse(_approveBy(s, data, m, 31), "31 approvals do not execute");
        assertEq(reg.approvalsOf(s, data), 31, "31 counted");
        vm.prank(m[31]);
        assertTrue(reg.approveRootAction(s, data), "32nd executes");
        assertEq(uint256(reg.getRoot(s).policy), uint256(PRIVATE), "executed");
    }

    // ------------------------------------------------------------------ approvals

    function test_Approve_TwoOfThreeExecutesAtSecond() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        bytes32 id = keccak256(abi.encode(shared, uint32(1), keccak256(data)));
        assertEq(reg.rootActionId(shared, data), id, "action id binds root, configVersion, data");

        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootActionApproved(shared, id, members[2], 1);
        vm.prank(members[2]);
        assertFalse(reg.approveRootAction(shared, data), "first approval pending");
        assertEq(reg.approvalsOf(shared, data), 1, "one approval");
        assertEq(uint256(reg.getRoot(shared).policy), uint256(OPEN), "not yet");
        assertEq(_seq(shared), 2, "no root event yet");

        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootActionApproved(shared, id, members[0], 2);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootActionExecuted(shared, id);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootPolicyChanged(shared, PRIVATE, 3);
        vm.prank(members[0]);
        assertTrue(reg.approveRootAction(shared, data), "second approval executes");
        assertEq(uint256(reg.getRoot(shared).policy), uint256(PRIVATE), "executed as the root");
        assertEq(reg.approvalsOf(shared, data), 0, "approvals cleared after execution");
    }

    function test_Approve_ThresholdOneExecutesAtOnce() public {
        shared = _registerShared(stranger, SALT, members, 1, OPEN);
        vm.prank(members[1]);
        assertTrue(reg.approveRootAction(shared, abi.encodeCall(reg.bumpEpoch, ())), "executes");
        assertEq(reg.getRoot(shared).epoch, 1, "epoch bumped");
    }

    function test_Approve_UnanimousThreshold() public {
        shared = _registerShared(stranger, SALT, members, 3, OPEN);
        bytes memory data = abi.encodeCall(reg.bumpEpoch, ());
        assertFalse(_approveBy(shared, data, members, 2), "2 of 3 pending");
        vm.prank(members[2]);
        assertTrue(reg.approveRootAction(shared, data), "3 of 3 executes");
    }

    function test_Approve_SameActionCanRunAgainWithFreshApprovals() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.bumpEpoch, ());
        assertTrue(_approveBy(shared, data, members, 2), "first run");
        vm.prank(members[0]);
        assertFalse(reg.approveRootAction(shared, data), "a used approval does not carry over");
        // In the same block a second epoch bump is a no-op: the executing approval reverts with the
        // action's TrustRegistryNoChange and is not recorded.
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(members[1]);
        reg.approveRootAction(shared, data);
        assertEq(reg.approvalsOf(shared, data), 1, "the reverted approval is not counted");
        _nextBlock();
        vm.prank(members[1]);
        assertTrue(reg.approveRootAction(shared, data), "second run");
        assertEq(reg.getRoot(shared).epoch, 2, "ran twice");
    }

    function test_RevertWhen_AlreadyApproved() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        vm.prank(members[0]);
        reg.approveRootAction(shared, data);
        bytes32 id = reg.rootActionId(shared, data);
        vm.recordLogs();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryAlreadyApproved.selector, members[0], id)
        );
        vm.prank(members[0]);
        reg.approveRootAction(shared, data);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(reg.approvalsOf(shared, data), 1, "still one");
    }

    function test_RevertWhen_ApproveByNonMember() public {
        _shared2of3();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotMember.selector, stranger, shared));
        vm.prank(stranger);
        reg.approveRootAction(shared, abi.encodeCall(reg.bumpEpoch, ()));
    }

    function test_RevertWhen_ApproveForStandaloneRoot() public {
        _registerRoot(root, OPEN);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotSharedRoot.selector, root));
        vm.prank(root);
        reg.approveRootAction(root, abi.encodeCall(reg.bumpEpoch, ()));
    }

    function test_RevertWhen_ApproveForUnknownRoot() public {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, stranger));
        vm.prank(members[0]);
        reg.approveRootAction(stranger, abi.encodeCall(reg.bumpEpoch, ()));
    }

    function test_RevertWhen_ApproveCallTooShortOrNotRelayable() public {
        _shared2of3();
        vm.expectRevert(ITrustRegistry.RelayedActorCallTooShort.selector);
        vm.prank(members[0]);
        reg.approveRootAction(shared, hex"aabbcc");
        bytes memory exec = abi.encodeCall(reg.execute, (shared, "", 0, 0, ""));
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RelayedActorCallNotRelayable.selector, reg.execute.selector)
        );
        vm.prank(members[0]);
        reg.approveRootAction(shared, exec);
    }

    function test_Approve_FailingActionRevertsTheExecutingApproval() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.setPolicy, (OPEN)); // TrustRegistryNoChange
        vm.prank(members[0]);
        reg.approveRootAction(shared, data);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(members[1]);
        reg.approveRootAction(shared, data);
        assertEq(reg.approvalsOf(shared, data), 1, "the reverted approval is not recorded");
    }

    function test_Approve_RetiredSharedRootCannotAct() public {
        _shared2of3();
        assertTrue(_approveBy(shared, abi.encodeCall(reg.retire, ()), members, 2), "retired");
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, shared));
        vm.prank(members[0]);
        reg.approveRootAction(shared, abi.encodeCall(reg.bumpEpoch, ()));
    }

    // ------------------------------------------------------------------ member rotation

    function test_SetMembers_RotationKeepsAddressAndLapsesPendingApprovals() public {
        _shared2of3();
        bytes memory pending = abi.encodeCall(reg.setPolicy, (PRIVATE));
        vm.prank(members[0]);
        reg.approveRootAction(shared, pending);
        bytes32 oldId = reg.rootActionId(shared, pending);

        (uint256[] memory newPks, address[] memory next) = _memberKeys(4, 50);
        newPks;
        next[0] = members[1]; // one member stays
        bytes memory rotate = abi.encodeCall(reg.setMembers, (next, 3));
        vm.prank(members[1]);
        reg.approveRootAction(shared, rotate);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootMembersChanged(shared, next, 3, 2, 3);
        vm.prank(members[2]);
        assertTrue(reg.approveRootAction(shared, rotate), "rotation executes");

        ITrustRegistry.Root memory r = reg.getRoot(shared);
        assertEq(r.configVersion, 2, "configVersion");
        assertEq(r.threshold, 3, "threshold");
        assertEq(r.memberCount, 4, "memberCount");
        assertEq(uint256(r.kind), uint256(ITrustRegistry.RootKind.Shared), "same root, same kind");
        assertFalse(reg.isMember(shared, members[0]), "removed member");
        assertFalse(reg.isMember(shared, members[2]), "removed member");
        assertTrue(reg.isMember(shared, members[1]), "kept member");
        for (uint256 i = 1; i < 4; ++i) {
            assertTrue(reg.isMember(shared, next[i]), "new member");
        }

        // The pending approval lapsed: new id, zero approvals.
        assertNotEq(reg.rootActionId(shared, pending), oldId, "new action id");
        assertEq(reg.approvalsOf(shared, pending), 0, "pending approvals lapsed");
        // Old members can no longer approve.
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotMember.selector, members[0], shared));
        vm.prank(members[0]);
        reg.approveRootAction(shared, pending);
        // The new member set acts with the new threshold, under the same root address.
        assertFalse(_approveBy(shared, pending, next, 2), "2 of new 3-threshold pending");
        vm.prank(next[2]);
        assertTrue(reg.approveRootAction(shared, pending), "3rd executes");
        assertEq(uint256(reg.getRoot(shared).policy), uint256(PRIVATE), "acted as the same root");
    }

    /// @dev A member that stays keeps its approval bit index only by coincidence: approvals are bound
    /// to the config version, so an index shift after rotation cannot attribute an old approval to
    /// a new member.
    function test_SetMembers_IndexReuseDoesNotCarryApprovals() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.bumpEpoch, ());
        vm.prank(members[0]);
        reg.approveRootAction(shared, data);
        address[] memory next = new address[](3);
        next[0] = stranger; // takes index 0
        next[1] = members[1];
        next[2] = members[2];
        assertTrue(_approveBy(shared, abi.encodeCall(reg.setMembers, (next, 2)), members, 2), "rotated");
        vm.prank(members[1]);
        assertFalse(reg.approveRootAction(shared, data), "index 0's old approval does not count for stranger");
        assertEq(reg.getRoot(shared).epoch, 0, "not executed");
    }

    function test_RevertWhen_SetMembersInvalidThroughApproval() public {
        _shared2of3();
        bytes memory data = abi.encodeCall(reg.setMembers, (members, 4));
        vm.prank(members[0]);
        reg.approveRootAction(shared, data);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryInvalidMembers.selector, 3, 4));
        vm.prank(members[1]);
        reg.approveRootAction(shared, data);
    }

    function test_RevertWhen_SetMembersCalledDirectly() public {
        _shared2of3();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotSharedRoot.selector, members[0]));
        vm.prank(members[0]);
        reg.setMembers(members, 1);
        _registerRoot(root, OPEN);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotSharedRoot.selector, root));
        vm.prank(root);
        reg.setMembers(members, 1);
    }

    // ------------------------------------------------------------------ a shared root as Realm-CA

    function test_SharedRoot_RunsARealm() public {
        _shared2of3();
        vm.prank(realm);
        reg.requestRealmCA(shared);
        assertTrue(_approveBy(shared, abi.encodeCall(reg.acceptRealm, (realm)), members, 2), "accepted");
        assertEq(reg.getRealm(realm).root, shared, "realm CA");
        _nextBlock();
        assertTrue(
            _approveBy(shared, abi.encodeCall(reg.admitOperator, (realm, operator, Caps.INTERMEDIATE_CA)), members, 2),
            "admitted"
        );
        assertTrue(_approveBy(shared, abi.encodeCall(reg.authorize, (realm, delegate, 0, 0)), members, 2), "authorized");
        assertStatus(shared, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "shared root's delegate");
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0);
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.Valid, "operator's delegate");
        _nextBlock();
        assertTrue(_approveBy(shared, abi.encodeCall(reg.bumpEpoch, ()), members, 2), "epoch");
        assertStatus(
            shared, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, "epoch voids root's"
        );
        assertStatus(
            operator, realm, stranger, ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, "epoch voids operator's"
        );
    }

    // ------------------------------------------------------------------ fuzz: thresholds

    /// @dev For any n ≤ 32 and 1 ≤ M ≤ n, in any order of distinct members, the action executes
    /// exactly at the M-th approval; repeated approvals never count twice; non-members never count.
    function testFuzz_ExecutesExactlyAtMthDistinctApproval(uint8 n, uint8 m, uint256 seed) public {
        n = uint8(bound(n, 1, 32));
        m = uint8(bound(m, 1, n));
        (, address[] memory ms) = _memberKeys(n, 300);
        address s = _registerShared(stranger, SALT, ms, m, OPEN);
        // A random order of the members (Fisher-Yates driven by the seed).
        for (uint256 i = n - 1; i > 0; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % (i + 1);
            (ms[i], ms[j]) = (ms[j], ms[i]);
        }
        bytes memory data = abi.encodeCall(reg.bumpEpoch, ());
        bytes32 id = reg.rootActionId(s, data);
        for (uint256 k = 0; k < m; ++k) {
            vm.prank(ms[k]);
            bool executed = reg.approveRootAction(s, data);
            assertEq(executed, k + 1 == m, "executes exactly at the M-th approval");
            assertEq(reg.getRoot(s).epoch, k + 1 == m ? 1 : 0, "acted only at M");
            if (k + 1 < m) {
                assertEq(reg.approvalsOf(s, data), k + 1, "count");
                // The same member again: rejected, not counted.
                vm.expectRevert(
                    abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryAlreadyApproved.selector, ms[k], id)
                );
                vm.prank(ms[k]);
                reg.approveRootAction(s, data);
                vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotMember.selector, root, s));
                vm.prank(root);
                reg.approveRootAction(s, data);
            }
        }
        assertEq(reg.approvalsOf(s, data), 0, "reset after execution");
    }
}
