// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest, Caps} from "./utils/RegistryTest.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Operator-CA admissions under Open, Permissioned and Private policies; removal.
contract AdmissionsTest is RegistryTest {
    uint64 internal constant INT = Caps.INTERMEDIATE_CA;
    uint64 internal constant INT_RELAY = Caps.INTERMEDIATE_CA | Caps.PUBLIC_RELAY | Caps.PRIVATE_RELAY;

    function _assertAdmission(
        address op,
        ITrustRegistry.AdmissionStatus st,
        uint64 caps,
        uint256 admittedBlock,
        string memory why
    ) internal view {
        ITrustRegistry.Admission memory a = reg.getAdmission(realm, op);
        assertEq(uint256(a.status), uint256(st), why);
        assertEq(a.capabilities, caps, why);
        assertEq(a.admittedBlock, admittedBlock, why);
    }

    // ------------------------------------------------------------------ Open

    function test_Open_RequestAdmits() public {
        _rootWithRealm(OPEN);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT_RELAY, 4);
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT_RELAY, block.number, "admitted");
    }

    function test_Open_RootMayAlsoAdmit() public {
        _rootWithRealm(OPEN);
        _admit(operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "admitted by root");
    }

    function test_Open_RemovedOperatorMayRejoinWithoutRevivingOldAuthorizations() public {
        _rootWithRealm(OPEN);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        _nextBlock();
        vm.prank(root);
        reg.removeOperator(realm, operator);
        _nextBlock();
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByIssuer, "not revived");
    }

    /// @dev Regression (found by this test, fixed in 38ef88f): under Open, requesting admission again
    /// with the same capabilities while validly admitted was a no-op that still emitted
    /// OperatorAdmitted and consumed a root sequence number.
    function test_RevertWhen_Open_RepeatedRequestIsNoChange() public {
        _rootWithRealm(OPEN);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        uint64 seq = _seq(root);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        assertEq(_seq(root), seq, "no sequence consumed");
        // Other capabilities, or after the admission was voided by an epoch, it is a change again.
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _nextBlock();
        vm.prank(root);
        reg.bumpEpoch();
        _nextBlock();
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        assertEq(reg.getAdmission(realm, operator).admittedBlock, block.number, "re-admitted after the epoch");
    }

    // ------------------------------------------------------------------ Permissioned

    function test_Permissioned_RequestThenAdmitSubset() public {
        _rootWithRealm(PERMISSIONED);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.AdmissionRequested(root, realm, operator, INT_RELAY, 4);
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Requested, INT_RELAY, block.number, "requested");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.NotAuthorized, "nothing yet");

        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT | Caps.PUBLIC_RELAY, 5);
        vm.prank(root);
        reg.admitOperator(realm, operator, INT | Caps.PUBLIC_RELAY);
        _assertAdmission(
            operator, ITrustRegistry.AdmissionStatus.Admitted, INT | Caps.PUBLIC_RELAY, block.number, "admitted"
        );
    }

    function test_RevertWhen_Permissioned_AdmitWithoutRequest() public {
        _rootWithRealm(PERMISSIONED);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        vm.prank(root);
        reg.admitOperator(realm, operator, INT);
    }

    function test_RevertWhen_Permissioned_AdmitBeyondRequest() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, Caps.PUBLIC_RELAY);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT_RELAY)
        );
        vm.prank(root);
        reg.admitOperator(realm, operator, INT_RELAY);
    }

    /// @dev TrustRegistryNoChange only when the same capabilities are already pending, or effectively admitted.
    function test_RevertWhen_Permissioned_RepeatedRequestIsNoChange() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        uint64 seq = _seq(root);
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(_seq(root), seq, "no sequence consumed");
        // A different request replaces the pending one.
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.AdmissionRequested(root, realm, operator, INT_RELAY, 5);
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _nextBlock();
        _admit(operator, INT);
        // Effectively admitted with INT: requesting INT again is a no-op.
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "still admitted");
    }

    /// @dev The Realm-CA cannot raise an admitted operator's capabilities beyond what it requested.
    function test_RevertWhen_Permissioned_RootRaisesCapabilitiesBeyondRequest() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, Caps.PUBLIC_RELAY);
        _admit(operator, Caps.PUBLIC_RELAY);
        uint256 admittedAt = block.number;
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT_RELAY)
        );
        _admit(operator, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, Caps.PUBLIC_RELAY, admittedAt, "unchanged");
    }

    /// @dev Without a new request the Realm-CA may still narrow an effective admission.
    function test_Permissioned_RootNarrowsEffectiveAdmission() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _admit(operator, INT_RELAY);
        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT, 6);
        _admit(operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "narrowed");
        // Back up to the originally requested mask needs a new request.
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT_RELAY)
        );
        _admit(operator, INT_RELAY);
    }

    /// @dev A request that widens (or otherwise changes) an effective admission suspends it: the
    /// operator's authorizations do not count until the Realm-CA admits again. Suspension is not
    /// removal: after the re-admission they count again.
    function test_Permissioned_NewRequestSuspendsUntilReadmitted() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _admit(operator, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "admitted");

        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.AdmissionRequested(root, realm, operator, INT_RELAY, 6);
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Requested, INT_RELAY, block.number, "suspended");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "suspended");
        // While suspended the operator is not admitted for revoke-all either.
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotAdmitted.selector, operator, realm));
        vm.prank(operator);
        reg.revokeAllDelegates(realm);

        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(
                ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT_RELAY | Caps.GATEWAY
            )
        );
        _admit(operator, INT_RELAY | Caps.GATEWAY);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT_RELAY, 7);
        _admit(operator, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT_RELAY, block.number, "re-admitted");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "counts again");

        // A narrowing request suspends too.
        _nextBlock();
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "suspended again");
        _admit(operator, INT);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "re-admitted narrower");
    }

    /// @dev After a root epoch voided a Permissioned admission, the Realm-CA cannot re-admit without
    /// a new request (not even with the same capabilities); the operator's new request is accepted
    /// (also with the same capabilities) and bounds the re-admission.
    function test_Permissioned_StaleAdmissionNeedsNewRequest() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, Caps.PUBLIC_RELAY);
        _admit(operator, Caps.PUBLIC_RELAY);
        _nextBlock();
        vm.prank(root);
        reg.bumpEpoch();
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(
                ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, Caps.PUBLIC_RELAY
            )
        );
        _admit(operator, Caps.PUBLIC_RELAY);

        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.AdmissionRequested(root, realm, operator, Caps.PUBLIC_RELAY, 7);
        vm.prank(operator);
        reg.requestAdmission(realm, Caps.PUBLIC_RELAY);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT_RELAY)
        );
        _admit(operator, INT_RELAY);
        _admit(operator, Caps.PUBLIC_RELAY);
        _assertAdmission(
            operator, ITrustRegistry.AdmissionStatus.Admitted, Caps.PUBLIC_RELAY, block.number, "re-admitted"
        );
    }

    /// @dev A pending request made under the previous Realm-CA cannot be accepted by the new one.
    function test_RevertWhen_Permissioned_AdmitRequestFromBeforeRealmMove() public {
        _rootWithRealm(PERMISSIONED);
        _registerRoot(root2, PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        _setRealm(realm, root2);
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        vm.prank(root2);
        reg.admitOperator(realm, operator, INT);
        // Nor an admission granted under the previous Realm-CA.
        _nextBlock();
        _setRealm(realm, root);
        _nextBlock();
        vm.prank(operator);
        reg.requestAdmission(realm, INT_RELAY);
        _admit(operator, INT_RELAY);
        _nextBlock();
        _setRealm(realm, root2);
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        vm.prank(root2);
        reg.admitOperator(realm, operator, INT);
        // A request made under the new Realm-CA is accepted.
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        vm.prank(root2);
        reg.admitOperator(realm, operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "admitted by root2");
    }

    /// @dev The boundary is inclusive: a request in the block the Realm-CA was set counts as made under
    /// it (block granularity cannot order it against the move within that block).
    /// @dev A request in the same block as the realm's Realm-CA change cannot be told apart from one
    /// made before it: it does not count (fail closed, like every block watermark); request again.
    function test_Permissioned_RequestInRealmSetBlockDoesNotCount() public {
        _registerRoot(root, PERMISSIONED);
        _setRealm(realm, root);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        vm.prank(root);
        reg.admitOperator(realm, operator, INT);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        _admit(operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "admitted");
    }

    /// @dev A pending request made under the previous Realm-CA is stale: the new Realm-CA cannot
    /// accept it, and the operator renews it with the same capabilities.
    function test_Permissioned_StaleRequestIsRenewedAfterRealmMove() public {
        _rootWithRealm(PERMISSIONED);
        _registerRoot(root2, PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        _setRealm(realm, root2);
        _nextBlock();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        vm.prank(root2);
        reg.admitOperator(realm, operator, INT);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        _nextBlock();
        vm.prank(root2);
        reg.admitOperator(realm, operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "admitted by root2");
    }

    // ------------------------------------------------------------------ Private

    function test_RevertWhen_Private_Request() public {
        _rootWithRealm(PRIVATE);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionPrivate.selector, root));
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
    }

    function test_Private_RootAdmitsAlone() public {
        _rootWithRealm(PRIVATE);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT, 4);
        _admit(operator, INT);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT, block.number, "admitted");
    }

    // ------------------------------------------------------------------ admitOperator edge cases

    function test_AdmitOperator_ReplacesCapabilities() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorAdmitted(root, realm, operator, INT_RELAY, 5);
        _admit(operator, INT_RELAY);
        _assertAdmission(operator, ITrustRegistry.AdmissionStatus.Admitted, INT_RELAY, block.number, "replaced");
    }

    function test_RevertWhen_AdmitOperatorNoChange() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        _nextBlock();
        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        _admit(operator, INT);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
    }

    /// @dev After a revoke-all (epoch) the admission is void, so re-admitting with the same
    /// capabilities is a change and is accepted.
    function test_AdmitOperator_SameCapsAfterEpochIsAccepted() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        _nextBlock();
        vm.prank(root);
        reg.bumpEpoch();
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.NotAuthorized, "no auth");
        _nextBlock();
        _admit(operator, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "re-admitted");
    }

    /// @dev An admission in the block of the realm's CA change is void (fail closed) and may be redone.
    function test_AdmitOperator_InRealmSetBlockIsVoidAndCanBeRedone() public {
        _registerRoot(root, PRIVATE);
        _setRealm(realm, root);
        _admit(operator, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "same block");
        _nextBlock();
        _admit(operator, INT);
        // The authorization itself was written in the realm's set block: void for good (fail closed).
        assertStatus(
            operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, "same-block auth"
        );
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "redone");
    }

    function test_RevertWhen_AdmitOperatorByNonRoot() public {
        _rootWithRealm(PRIVATE);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, stranger, realm));
        vm.prank(stranger);
        reg.admitOperator(realm, operator, INT);
        // Not even the realm's own key.
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, realm, realm));
        vm.prank(realm);
        reg.admitOperator(realm, operator, INT);
    }

    function test_RevertWhen_AdmitZeroOperator() public {
        _rootWithRealm(PRIVATE);
        vm.expectRevert(ITrustRegistry.TrustRegistryZeroAddress.selector);
        _admit(address(0), INT);
    }

    function test_RevertWhen_AdmitInUnknownRealm() public {
        _registerRoot(root, PRIVATE);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryUnknownRealm.selector, realm));
        vm.prank(root);
        reg.admitOperator(realm, operator, INT);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryUnknownRealm.selector, realm));
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryUnknownRealm.selector, realm));
        vm.prank(root);
        reg.removeOperator(realm, operator);
    }

    function test_RevertWhen_AdmitUnderRetiredRoot() public {
        _rootWithRealm(OPEN);
        vm.prank(root);
        reg.retire();
        bytes memory err = abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root);
        vm.expectRevert(err);
        _admit(operator, INT);
        vm.expectRevert(err);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
    }

    // ------------------------------------------------------------------ capabilities

    function test_RevertWhen_InvalidCapabilities() public {
        _rootWithRealm(OPEN);
        uint64[6] memory bad =
            [uint64(0), Caps.ROOT_CA, Caps.ROOT_CA | INT, uint64(1) << 8, INT | (uint64(1) << 63), type(uint64).max];
        for (uint256 i = 0; i < bad.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.WmpCapabilitiesInvalidCapabilities.selector, bad[i]));
            _admit(operator, bad[i]);
            vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.WmpCapabilitiesInvalidCapabilities.selector, bad[i]));
            vm.prank(operator);
            reg.requestAdmission(realm, bad[i]);
        }
    }

    function test_EveryAssignableCapabilityAccepted() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, 0xfe);
        for (uint64 b = 1; b < 8; ++b) {
            address op = vm.addr(0x9000 + b);
            _admit(op, uint64(1) << b);
            assertEq(reg.getAdmission(realm, op).capabilities, uint64(1) << b, "bit");
        }
    }

    /// @dev Fuzz: exactly the non-empty subsets of bits 1..7 are assignable.
    function testFuzz_Capabilities(uint64 caps) public {
        _rootWithRealm(PRIVATE);
        bool valid = caps != 0 && caps & ~uint64(0xfe) == 0;
        if (!valid) {
            vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.WmpCapabilitiesInvalidCapabilities.selector, caps));
        }
        _admit(operator, caps);
        if (valid) assertEq(reg.getAdmission(realm, operator).capabilities, caps, "stored");
    }

    function test_IssuerWithoutIntermediateCA() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, Caps.PUBLIC_RELAY | Caps.CONSUMER);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        (ITrustRegistry.AuthorizationStatus s, address r, uint64 caps,) =
            reg.authorizationStatus(operator, realm, delegate);
        assertEq(uint256(s), uint256(ITrustRegistry.AuthorizationStatus.IssuerMissingCapability), "status");
        assertEq(r, root, "root");
        assertEq(caps, Caps.PUBLIC_RELAY | Caps.CONSUMER, "caps reported");
    }

    // ------------------------------------------------------------------ removeOperator

    function test_RemoveOperator_ByRoot() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorRemoved(root, realm, operator, 5);
        vm.prank(root);
        reg.removeOperator(realm, operator);
        ITrustRegistry.Admission memory a = reg.getAdmission(realm, operator);
        assertEq(uint256(a.status), uint256(ITrustRegistry.AdmissionStatus.Removed), "removed");
        assertEq(a.revokedAllBlock, block.number, "revokedAllBlock");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "void");
    }

    function test_RemoveOperator_ByOperatorItself() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.OperatorRemoved(root, realm, operator, 5);
        vm.prank(operator);
        reg.removeOperator(realm, operator);
    }

    function test_RemoveOperator_WithdrawsARequest() public {
        _rootWithRealm(PERMISSIONED);
        vm.prank(operator);
        reg.requestAdmission(realm, INT);
        vm.prank(operator);
        reg.removeOperator(realm, operator);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RealmRegistryAdmissionNotRequested.selector, operator, INT)
        );
        _admit(operator, INT);
    }

    function test_RevertWhen_RemoveOperatorByStranger() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, stranger, realm));
        vm.prank(stranger);
        reg.removeOperator(realm, operator);
    }

    function test_RevertWhen_RemoveNotAdmitted() public {
        _rootWithRealm(PRIVATE);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotAdmitted.selector, operator, realm));
        vm.prank(root);
        reg.removeOperator(realm, operator);
        _admit(operator, INT);
        vm.prank(root);
        reg.removeOperator(realm, operator);
        vm.recordLogs();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotAdmitted.selector, operator, realm));
        vm.prank(root);
        reg.removeOperator(realm, operator);
        assertEq(vm.getRecordedLogs().length, 0, "no event for a second removal");
    }

    function test_Readmission_DoesNotReviveOldAuthorizations() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, INT);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        _nextBlock();
        vm.prank(root);
        reg.removeOperator(realm, operator);
        _nextBlock();
        _admit(operator, INT);
        assertStatus(
            operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByIssuer, "old one stays void"
        );
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0);
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.Valid, "new one valid");
    }
}
