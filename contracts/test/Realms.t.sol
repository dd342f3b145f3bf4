// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "./utils/Test.sol";
import {RegistryTest, Caps} from "./utils/RegistryTest.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Realms and their Realm-CA: two-step request/accept, one-step self realm, moving a realm.
contract RealmsTest is RegistryTest {
    // ------------------------------------------------------------------ requestRealmCA

    function test_RequestRealmCA_RecordsPendingAndEmits() public {
        _registerRoot(root, OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequested(realm, root, 2);
        vm.prank(realm);
        reg.requestRealmCA(root);
        assertEq(reg.pendingRealmCA(realm), root, "pending");
        assertEq(reg.getRealm(realm).root, address(0), "not set yet");
    }

    function test_RevertWhen_RequestRealmCATwice() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(realm);
        reg.requestRealmCA(root);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(_seq(root), 2, "sequence unchanged");
    }

    function test_RequestRealmCA_ReRequestAnotherRootReplacesPending() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequested(realm, root2, 2);
        vm.prank(realm);
        reg.requestRealmCA(root2);
        assertEq(reg.pendingRealmCA(realm), root2, "pending replaced");
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
    }

    function test_RevertWhen_RequestRealmCAUnknownOrRetiredRoot() public {
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        vm.prank(realm);
        reg.requestRealmCA(root);
        _registerRoot(root, OPEN);
        vm.prank(root);
        reg.retire();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        vm.prank(realm);
        reg.requestRealmCA(root);
    }

    // ------------------------------------------------------------------ acceptRealm

    function test_AcceptRealm_SetsRealmCAAndEmits() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.roll(777);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCASet(realm, root, address(0), 3);
        vm.prank(root);
        reg.acceptRealm(realm);
        ITrustRegistry.Realm memory rm = reg.getRealm(realm);
        assertEq(rm.root, root, "root");
        assertEq(rm.rootSetBlock, 777, "rootSetBlock");
        assertEq(reg.pendingRealmCA(realm), address(0), "pending cleared");
    }

    function test_RevertWhen_AcceptRealmNotRequested() public {
        _registerRoot(root, OPEN);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
    }

    function test_RevertWhen_AcceptRealmByNonRoot() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, stranger));
        vm.prank(stranger);
        reg.acceptRealm(realm);
    }

    function test_RevertWhen_AcceptRealmTwice() public {
        _registerRoot(root, OPEN);
        _setRealm(realm, root);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
    }

    /// @dev Requesting the root that already is the realm's Realm-CA is a no-op: TrustRegistryNoChange, no event,
    /// no sequence number, nothing pending; a pending request for another root is kept.
    function test_RevertWhen_RequestCurrentRealmCA() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        _setRealm(realm, root);
        uint64 seq = _seq(root);
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(realm);
        reg.requestRealmCA(root);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(_seq(root), seq, "no sequence consumed");
        assertEq(reg.pendingRealmCA(realm), address(0), "nothing pending");

        vm.prank(realm);
        reg.requestRealmCA(root2);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(realm);
        reg.requestRealmCA(root);
        assertEq(reg.pendingRealmCA(realm), root2, "pending request for another root kept");

        // Once the realm moved away, asking the old root again is a change.
        _nextBlock();
        vm.prank(root2);
        reg.acceptRealm(realm);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequested(realm, root, seq + 1);
        vm.prank(realm);
        reg.requestRealmCA(root);
    }

    // ------------------------------------------------------------------ realm == root

    function test_RootIsOwnRealm_OneStep() public {
        _registerRoot(root, OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCASet(root, root, address(0), 2);
        vm.prank(root);
        reg.requestRealmCA(root);
        assertEq(reg.getRealm(root).root, root, "set at once");
        assertEq(reg.pendingRealmCA(root), address(0), "nothing pending");

        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(root);
        reg.requestRealmCA(root);
    }

    // ------------------------------------------------------------------ stale and cancelled requests

    /// @dev Regression (review): becoming its own root left an earlier request to another root
    /// pending, and that root could take the realm at any later time.
    function test_SelfRealm_CancelsStalePendingRequest() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        _registerRoot(realm, OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequestCancelled(realm, root, 3);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCASet(realm, realm, address(0), 2);
        vm.prank(realm);
        reg.requestRealmCA(realm);
        assertEq(reg.getRealm(realm).root, realm, "self");
        assertEq(reg.pendingRealmCA(realm), address(0), "stale request cleared");
        vm.roll(block.number + 1000);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, realm, "stale request moved the realm");
    }

    /// @dev Accepting clears the accepted request without a cancellation event.
    function test_AcceptRealm_ClearsPendingWithoutCancelEvent() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.recordLogs();
        vm.prank(root);
        reg.acceptRealm(realm);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 1, "one event");
        assertEq(logs[0].topics[0], ITrustRegistry.RealmCASet.selector, "RealmCASet only");
        assertEq(reg.pendingRealmCA(realm), address(0), "pending cleared");
    }

    function test_CancelRealmCARequest_ClearsPendingAndEmits() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequestCancelled(realm, root, 3);
        vm.prank(realm);
        reg.cancelRealmCARequest();
        assertEq(reg.pendingRealmCA(realm), address(0), "cleared");
        assertEq(_seq(root), 3, "in the root's sequence");
        assertEq(reg.getRealm(realm).root, address(0), "no Realm-CA");
    }

    function test_RevertWhen_AcceptRealmAfterCancel() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(realm);
        reg.cancelRealmCARequest();
        vm.roll(block.number + 1000);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, address(0), "not taken");
    }

    function test_RevertWhen_CancelRealmCARequestNothingPending() public {
        _registerRoot(root, OPEN);
        vm.recordLogs();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, realm));
        vm.prank(realm);
        reg.cancelRealmCARequest();
        // Nor after the request was accepted.
        _setRealm(realm, root);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, realm));
        vm.prank(realm);
        reg.cancelRealmCARequest();
        // Nor twice.
        _registerRoot(root2, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root2);
        vm.prank(realm);
        reg.cancelRealmCARequest();
        uint64 seq = _seq(root2);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, realm));
        vm.prank(realm);
        reg.cancelRealmCARequest();
        assertEq(_seq(root2), seq, "no sequence consumed");
    }

    /// @dev Only the realm's own request can be cancelled: anyone else (the asked root, a stranger)
    /// cancels its own (absent) request, and the realm's request stays acceptable.
    function test_RevertWhen_CancelRealmCARequestByNonRealm() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, stranger));
        vm.prank(stranger);
        reg.cancelRealmCARequest();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, root));
        vm.prank(root);
        reg.cancelRealmCARequest();
        // A relayed call signed by a stranger acts for the stranger, not for the realm.
        bytes memory data = abi.encodeCall(reg.cancelRealmCARequest, ());
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = _sig(STRANGER_PK, _relayDigest(stranger, data, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotPending.selector, stranger));
        vm.prank(relayer);
        reg.execute(stranger, data, 0, deadline, sig);
        assertEq(reg.pendingRealmCA(realm), root, "still pending");
        vm.prank(root);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, root, "accepted");
    }

    function test_CancelRealmCARequest_Relayed() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequestCancelled(realm, root, 3);
        _relay(REALM_PK, abi.encodeCall(reg.cancelRealmCARequest, ()));
        assertEq(reg.pendingRealmCA(realm), address(0), "cancelled by the realm's signature");
    }

    /// @dev A request to a root that retired since can still be withdrawn.
    function test_CancelRealmCARequest_AfterRootRetired() public {
        _registerRoot(root, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(root);
        reg.retire();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequestCancelled(realm, root, 4);
        vm.prank(realm);
        reg.cancelRealmCARequest();
        assertEq(reg.pendingRealmCA(realm), address(0), "cancelled");
    }

    /// @dev Re-requesting another root cancels the request to the first (observable in its sequence).
    function test_RequestRealmCA_ReRequestAnotherRootCancelsPrevious() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequestCancelled(realm, root, 3);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCARequested(realm, root2, 2);
        vm.prank(realm);
        reg.requestRealmCA(root2);
    }

    function test_AcceptRealm_AfterCancelAndReRequestAnotherRoot() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(realm);
        reg.cancelRealmCARequest();
        vm.prank(realm);
        reg.requestRealmCA(root2);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
        vm.prank(root2);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, root2, "the re-requested root");
        // Asking the first root again after the move is a fresh request it can accept.
        _nextBlock();
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(root);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, root, "fresh request accepted");
    }

    /// @dev A realm that moves to itself while a request to another root is pending, then to a third
    /// root: the stale request stays dead.
    function test_SelfRealmThenMove_StaleRequestStaysDead() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        _registerRoot(realm, OPEN);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(realm);
        reg.requestRealmCA(realm);
        _nextBlock();
        _setRealm(realm, root2);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryRealmCANotRequested.selector, realm, root));
        vm.prank(root);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, root2, "root2");
    }

    /// @dev Random request / cancel / self / accept sequences: only the realm's latest request that
    /// was neither cancelled, superseded nor overtaken by a Realm-CA change can be accepted, and the
    /// pending root and Realm-CA always match a model.
    function testFuzz_OnlyLiveRequestCanBeAccepted(uint8[12] calldata steps) public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        _registerRoot(realm, OPEN);
        address[3] memory cands = [root, root2, realm];
        address pending;
        address current;
        for (uint256 i = 0; i < steps.length; ++i) {
            uint8 s = steps[i] % 6;
            if (s < 3) {
                address target = cands[s];
                bool noop = target == current || target == pending;
                vm.prank(realm);
                try reg.requestRealmCA(target) {
                    assertFalse(noop, "a no-op request succeeded");
                    if (target == realm) {
                        (current, pending) = (realm, address(0));
                    } else {
                        pending = target;
                    }
                } catch {
                    assertTrue(noop, "request reverted");
                }
            } else if (s == 3) {
                vm.prank(realm);
                try reg.cancelRealmCARequest() {
                    assertTrue(pending != address(0), "cancelled nothing");
                    pending = address(0);
                } catch {
                    assertEq(pending, address(0), "cancel reverted");
                }
            } else {
                address acceptor = cands[s - 4];
                vm.prank(acceptor);
                try reg.acceptRealm(realm) {
                    assertEq(acceptor, pending, "accepted without a live request");
                    (current, pending) = (acceptor, address(0));
                } catch {
                    assertTrue(acceptor != pending, "accept of a live request reverted");
                }
            }
            assertEq(reg.pendingRealmCA(realm), pending, "pending");
            assertEq(reg.getRealm(realm).root, current, "Realm-CA");
            _nextBlock();
        }
    }

    // ------------------------------------------------------------------ moving a realm

    function test_MoveRealm_EmitsPreviousRoot() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        _setRealm(realm, root);
        vm.prank(realm);
        reg.requestRealmCA(root2);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RealmCASet(realm, root2, root, 3);
        vm.prank(root2);
        reg.acceptRealm(realm);
        assertEq(reg.getRealm(realm).root, root2, "moved");
    }

    /// @dev previousRoot is the third indexed topic, so a reader filtering on it sees a root lose a realm.
    function test_MoveRealm_PreviousRootIsIndexed() public {
        _registerRoot(root, OPEN);
        _registerRoot(root2, OPEN);
        // First Realm-CA: previousRoot topic is zero.
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.expectEmit(false, false, true, false, address(reg));
        emit ITrustRegistry.RealmCASet(address(0), address(0), address(0), 0);
        vm.prank(root);
        reg.acceptRealm(realm);

        _nextBlock();
        vm.prank(realm);
        reg.requestRealmCA(root2);
        // Only the previousRoot topic is checked here (not realm, root or data).
        vm.expectEmit(false, false, true, false, address(reg));
        emit ITrustRegistry.RealmCASet(address(0), address(0), root, 0);
        vm.recordLogs();
        vm.prank(root2);
        reg.acceptRealm(realm);

        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 1, "one event");
        assertEq(logs[0].topics.length, 4, "selector + 3 indexed");
        assertEq(logs[0].topics[0], ITrustRegistry.RealmCASet.selector, "RealmCASet");
        assertEq(logs[0].topics[1], bytes32(uint256(uint160(realm))), "realm topic");
        assertEq(logs[0].topics[2], bytes32(uint256(uint160(root2))), "root topic");
        assertEq(logs[0].topics[3], bytes32(uint256(uint160(root))), "previousRoot topic");
        assertEq(abi.decode(logs[0].data, (uint64)), _seq(root2), "data is the sequence only");
    }

    function test_MoveRealm_VoidsAdmissionsAndRootAuthorizations() public {
        _rootWithRealm(PRIVATE);
        _registerRoot(root2, PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "root's before move");
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.Valid, "operator's before move");

        _nextBlock();
        _setRealm(realm, root2);
        // The old root is no Realm-CA (nor admitted) under the new root.
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "old root's");
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "old admission");

        // Moving back does not revive the root's old authorizations.
        _nextBlock();
        _setRealm(realm, root);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "moved back");
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "still void");
        // A fresh authorization by the root counts again.
        _nextBlock();
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "fresh");
    }

    /// @dev Fail closed: an authorization written in the block the realm's CA is set is void.
    function test_AuthorizationInRealmSetBlock_IsVoid() public {
        _registerRoot(root, PRIVATE);
        _setRealm(realm, root);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "same block");
    }

    /// @dev Regression (found by this test, fixed in 38ef88f): operator authorizations written under
    /// the previous Realm-CA revived when the new Realm-CA admitted the operator, because
    /// {authorizationStatus} compared `issuedBlock` with `rootSetBlock` only for the root itself.
    function test_MoveRealm_ReadmissionDoesNotReviveOldOperatorAuthorization() public {
        _rootWithRealm(PRIVATE);
        _registerRoot(root2, PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0); // issued under root
        _nextBlock();
        _setRealm(realm, root2);
        _nextBlock();
        vm.prank(root2);
        reg.admitOperator(realm, operator, Caps.INTERMEDIATE_CA);
        assertStatus(
            operator,
            realm,
            delegate,
            ITrustRegistry.AuthorizationStatus.RevokedByRealmChange,
            "an authorization issued under the previous Realm-CA must stay void"
        );
    }

    /// @dev The same for a realm that moves away and back to the same root, which re-admits the operator.
    function test_MoveRealmAndBack_ReadmissionDoesNotReviveOldOperatorAuthorization() public {
        _rootWithRealm(PRIVATE);
        _registerRoot(root2, PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        _nextBlock();
        _setRealm(realm, root2);
        _nextBlock();
        _setRealm(realm, root);
        _nextBlock();
        _admit(operator, Caps.INTERMEDIATE_CA);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "stays void");
    }

    /// @dev An operator authorization written before the realm had any Realm-CA never counts (fail closed).
    function test_AuthorizationBeforeFirstRealmCA_IsVoid() public {
        _registerRoot(root, PRIVATE);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(root);
        reg.authorize(realm, stranger, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.UnknownRealm, "no realm yet");
        _nextBlock();
        _setRealm(realm, root);
        _nextBlock();
        _admit(operator, Caps.INTERMEDIATE_CA);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "operator's");
        assertStatus(root, realm, stranger, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "root's");
    }
}
