// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "./utils/Test.sol";
import {RegistryTest, RootEvents, Caps} from "./utils/RegistryTest.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Standalone trustroots: registration, policy, retirement, epoch and per-root sequence numbers.
contract RootsTest is RegistryTest {
    // ------------------------------------------------------------------ registerRoot

    function test_RegisterRoot_StoresRecordAndEmits() public {
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootRegistered(root, ITrustRegistry.RootKind.Standalone, PERMISSIONED, root, 1);
        vm.prank(root);
        reg.registerRoot(PERMISSIONED);

        ITrustRegistry.Root memory r = reg.getRoot(root);
        assertEq(uint256(r.kind), uint256(ITrustRegistry.RootKind.Standalone), "kind");
        assertEq(uint256(r.status), uint256(ITrustRegistry.RootStatus.Active), "status");
        assertEq(uint256(r.policy), uint256(PERMISSIONED), "policy");
        assertEq(r.threshold, 0, "threshold");
        assertEq(r.memberCount, 0, "memberCount");
        assertEq(r.epoch, 0, "epoch");
        assertEq(r.epochBlock, 0, "epochBlock");
        assertEq(r.sequence, 1, "sequence");
        assertEq(r.configVersion, 0, "configVersion");
        assertEq(reg.membersOf(root).length, 0, "no members");
    }

    function test_RegisterRoot_EveryPolicy() public {
        for (uint256 p = 0; p < 3; ++p) {
            address who = vm.addr(0x7000 + p);
            _registerRoot(who, ITrustRegistry.AdmissionPolicy(p));
            assertEq(uint256(reg.getRoot(who).policy), p, "policy stored");
        }
    }

    function test_GetRoot_UnknownIsZero() public view {
        ITrustRegistry.Root memory r = reg.getRoot(stranger);
        assertEq(uint256(r.kind), 0, "kind None");
        assertEq(uint256(r.status), 0, "status None");
        assertEq(r.sequence, 0, "sequence");
    }

    function test_RevertWhen_RegisterRootTwice() public {
        _registerRoot(root, OPEN);
        vm.recordLogs();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootExists.selector, root));
        vm.prank(root);
        reg.registerRoot(PRIVATE);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(uint256(reg.getRoot(root).policy), uint256(OPEN), "unchanged");
    }

    function test_RevertWhen_RegisterRetiredRootAgain() public {
        _registerRoot(root, OPEN);
        vm.prank(root);
        reg.retire();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootExists.selector, root));
        vm.prank(root);
        reg.registerRoot(OPEN);
    }

    function test_RevertWhen_RegisterRootInvalidPolicy() public {
        // An out-of-range enum is rejected by the ABI decoder.
        vm.prank(root);
        (bool ok,) = address(reg).call(abi.encodeWithSelector(reg.registerRoot.selector, uint256(3)));
        assertFalse(ok, "policy 3 rejected");
        assertEq(uint256(reg.getRoot(root).kind), 0, "not registered");
    }

    // ------------------------------------------------------------------ setPolicy

    function test_SetPolicy_ChangesAndEmits() public {
        _registerRoot(root, OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootPolicyChanged(root, PRIVATE, 2);
        vm.prank(root);
        reg.setPolicy(PRIVATE);
        assertEq(uint256(reg.getRoot(root).policy), uint256(PRIVATE), "policy");
        assertEq(_seq(root), 2, "sequence");
    }

    function test_RevertWhen_SetPolicyNoChange() public {
        _registerRoot(root, OPEN);
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(root);
        reg.setPolicy(OPEN);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(_seq(root), 1, "sequence unchanged");
    }

    function test_RevertWhen_SetPolicyUnknownRoot() public {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, stranger));
        vm.prank(stranger);
        reg.setPolicy(PRIVATE);
    }

    function test_RevertWhen_SetPolicyRetiredRoot() public {
        _registerRoot(root, OPEN);
        vm.prank(root);
        reg.retire();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        vm.prank(root);
        reg.setPolicy(PRIVATE);
    }

    // ------------------------------------------------------------------ retire

    function test_Retire_IsFinalAndEmits() public {
        _registerRoot(root, OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootRetired(root, 2);
        vm.prank(root);
        reg.retire();
        assertEq(uint256(reg.getRoot(root).status), uint256(ITrustRegistry.RootStatus.Retired), "retired");

        vm.recordLogs();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        vm.prank(root);
        reg.retire();
        assertEq(vm.getRecordedLogs().length, 0, "no event for a second retire");
    }

    function test_RevertWhen_RetireUnknownRoot() public {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, stranger));
        vm.prank(stranger);
        reg.retire();
    }

    function test_RetiredRoot_CannotAct() public {
        _registerRoot(root, OPEN);
        vm.prank(root);
        reg.retire();
        bytes memory err = abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root);
        vm.expectRevert(err);
        vm.prank(root);
        reg.bumpEpoch();
        vm.expectRevert(err);
        vm.prank(root);
        reg.acceptRealm(realm);
        vm.expectRevert(err);
        vm.prank(realm);
        reg.requestRealmCA(root);
    }

    // ------------------------------------------------------------------ bumpEpoch

    function test_BumpEpoch_IncrementsAndEmits() public {
        _registerRoot(root, OPEN);
        vm.roll(4242);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootEpochBumped(root, 1, 4242, 2);
        vm.prank(root);
        uint32 e = reg.bumpEpoch();
        assertEq(e, 1, "returned epoch");
        ITrustRegistry.Root memory r = reg.getRoot(root);
        assertEq(r.epoch, 1, "epoch");
        assertEq(r.epochBlock, 4242, "epochBlock");

        vm.roll(5000);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootEpochBumped(root, 2, 5000, 3);
        vm.prank(root);
        e = reg.bumpEpoch();
        assertEq(e, 2, "second epoch");
    }

    /// @dev A second bump in the same block would change nothing (epochBlock stays), so it is
    /// rejected like revokeAllDelegates' same-block repeat: no event, no sequence number consumed.
    function test_RevertWhen_BumpEpochTwiceInOneBlock() public {
        _registerRoot(root, OPEN);
        vm.prank(root);
        reg.bumpEpoch();
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(root);
        reg.bumpEpoch();
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        ITrustRegistry.Root memory r = reg.getRoot(root);
        assertEq(r.epoch, 1, "epoch counter unchanged");
        assertEq(r.epochBlock, block.number, "epochBlock");
        assertEq(r.sequence, 2, "no sequence consumed");

        // One block later it is a change again.
        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootEpochBumped(root, 2, uint48(block.number), 3);
        vm.prank(root);
        assertEq(reg.bumpEpoch(), 2, "second epoch");
    }

    function test_RevertWhen_BumpEpochUnknownRoot() public {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, stranger));
        vm.prank(stranger);
        reg.bumpEpoch();
    }

    // ------------------------------------------------------------------ sequence numbers

    /// @dev Every root-level event of one root carries sequence 1, 2, 3, … with no gap; other roots
    /// keep their own counters.
    function test_Sequence_StrictlyIncreasingAcrossAllRootEvents() public {
        vm.recordLogs();
        _registerRoot(root, PERMISSIONED); // 1 RootRegistered
        _registerRoot(root2, OPEN); // root2: 1
        vm.prank(realm);
        reg.requestRealmCA(root); // 2 RealmCARequested
        vm.prank(root);
        reg.acceptRealm(realm); // 3 RealmCASet
        _nextBlock();
        vm.prank(operator);
        reg.requestAdmission(realm, Caps.INTERMEDIATE_CA); // 4 AdmissionRequested
        vm.prank(root);
        reg.admitOperator(realm, operator, Caps.INTERMEDIATE_CA); // 5 OperatorAdmitted
        vm.prank(root);
        reg.setPolicy(PRIVATE); // 6 RootPolicyChanged
        vm.prank(root);
        reg.removeOperator(realm, operator); // 7 OperatorRemoved
        vm.prank(root);
        reg.bumpEpoch(); // 8 RootEpochBumped
        vm.prank(root);
        reg.requestRealmCA(root); // 9 RealmCASet (realm == root)
        vm.prank(root2);
        reg.setPolicy(PRIVATE); // root2: 2
        vm.prank(realm);
        reg.requestRealmCA(root2); // root2: 3 RealmCARequested
        vm.prank(realm);
        reg.cancelRealmCARequest(); // root2: 4 RealmCARequestCancelled
        vm.prank(root);
        reg.retire(); // 10 RootRetired
        // Delegate-level events carry no sequence and do not consume one.
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);

        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint64 next1 = 1;
        uint64 next2 = 1;
        uint256 rootEvents;
        for (uint256 i = 0; i < logs.length; ++i) {
            (bool isRootEvent, address r, uint64 seq) = RootEvents.decode(logs[i], address(reg));
            if (!isRootEvent) continue;
            ++rootEvents;
            if (r == root) {
                assertEq(seq, next1++, "root sequence");
            } else {
                assertEq(r, root2, "only two roots");
                assertEq(seq, next2++, "root2 sequence");
            }
        }
        assertEq(rootEvents, 14, "root events");
        assertEq(next1 - 1, 10, "root events of root");
        assertEq(_seq(root), 10, "stored sequence of root");
        assertEq(_seq(root2), 4, "stored sequence of root2");
    }
}
