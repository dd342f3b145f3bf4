// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, FuzzSelector} from "./utils/Test.sol";
import {RegistryHandler} from "./utils/RegistryHandler.sol";
import {TrustRegistry} from "../src/TrustRegistry.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/**
 * @notice Stateful invariants over random sequences of registry operations (see {RegistryHandler}):
 * (a) a revoked, epoch-bumped, issuer-revoked-all, operator-removed, retired-root or realm-moved
 *     authorization is never reported Valid;
 * (b) a shared root never acts with fewer than M approvals (nor fails to act at M);
 * (c) a relayed call never runs twice and nonces only move forward, by exactly the uses;
 * (d) every root's events carry sequence numbers 1, 2, 3, … and the stored sequence is the last one;
 * (e) a root accepts a realm only on the realm's live request (not cancelled, superseded or made
 *     stale by a Realm-CA change), and the registry's pending request matches the model.
 */
contract InvariantsTest is Test {
    TrustRegistry internal reg;
    RegistryHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(1_000);
        reg = new TrustRegistry();
        handler = new RegistryHandler(reg);
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory s) {
        // Weighted: authorizations and admissions are what the properties are about.
        bytes4[] memory sel = new bytes4[](21);
        sel[0] = RegistryHandler.registerRoot.selector;
        sel[1] = RegistryHandler.setPolicy.selector;
        sel[2] = RegistryHandler.setRealm.selector;
        sel[3] = RegistryHandler.admit.selector;
        sel[4] = RegistryHandler.admit.selector;
        sel[5] = RegistryHandler.removeOperator.selector;
        sel[6] = RegistryHandler.authorize.selector;
        sel[7] = RegistryHandler.authorize.selector;
        sel[8] = RegistryHandler.authorize.selector;
        sel[9] = RegistryHandler.revoke.selector;
        sel[10] = RegistryHandler.revokeAllDelegates.selector;
        sel[11] = RegistryHandler.bumpEpoch.selector;
        sel[12] = RegistryHandler.retire.selector;
        sel[13] = RegistryHandler.approveShared.selector;
        sel[14] = RegistryHandler.advance.selector;
        sel[15] = RegistryHandler.replay.selector;
        sel[16] = RegistryHandler.cancel.selector;
        sel[17] = RegistryHandler.requestRealm.selector;
        sel[18] = RegistryHandler.acceptRealm.selector;
        sel[19] = RegistryHandler.cancelRealmRequest.selector;
        sel[20] = RegistryHandler.selfRealm.selector;
        s = new FuzzSelector[](1);
        s[0] = FuzzSelector({addr: address(handler), selectors: sel});
    }

    // ------------------------------------------------------------------ (a)

    /// @dev Revoked, issuer-revoked-all and operator-removed authorizations are never Valid; epoch-bumped
    /// and retired-root ones are never Valid while the realm stays with that root.
    /// forge-config: default.invariant.runs = 128
    function invariant_KilledAuthorizationNeverValid() public view {
        uint8 always = handler.REVOKED() | handler.ISSUER_ALL() | handler.REMOVED();
        uint8 unlessMoved = handler.EPOCH() | handler.RETIRED();
        (bool found,, uint8 killed) = handler.firstKilledButValid(always, unlessMoved);
        assertFalse(found, string.concat("killed but Valid, reasons ", vm.toString(uint256(killed))));
        assertFalse(handler.ghostMismatch(), "ghost saw every authorization");
    }

    /// @dev An authorization written before its realm moved to another Realm-CA is never Valid again.
    /// (Failed before 38ef88f: see Realms.t.sol test_MoveRealm_ReadmissionDoesNotReviveOldOperatorAuthorization.)
    /// forge-config: default.invariant.runs = 128
    function invariant_RealmMovedAuthorizationNeverValid() public view {
        (bool found,, uint8 killed) = handler.firstKilledButValid(handler.MOVED(), 0);
        assertFalse(found, string.concat("realm moved but Valid, reasons ", vm.toString(uint256(killed))));
    }

    // ------------------------------------------------------------------ (b)

    function invariant_SharedRootActsExactlyAtThreshold() public view {
        assertFalse(handler.thresholdViolation(), handler.thresholdWhy());
        address shared = handler.shared();
        ITrustRegistry.Root memory r = reg.getRoot(shared);
        assertEq(r.threshold, handler.ghostThreshold(), "threshold");
        assertEq(r.configVersion, handler.ghostConfig(), "config version");
        for (uint256 p = 0; p < 5; ++p) {
            assertEq(reg.isMember(shared, handler.pool(p)), handler.memberMask() & (1 << p) != 0, "member set");
        }
    }

    // ------------------------------------------------------------------ (c)

    function invariant_NoncesNeverReused() public view {
        assertFalse(handler.replaySucceeded(), "a relayed call ran twice");
        assertFalse(handler.nonceDecreased(), "a nonce did not move forward");
        address[] memory actors = handler.nonceActors();
        for (uint256 i = 0; i < actors.length; ++i) {
            for (uint192 k = 0; k < 3; ++k) {
                uint256 want = (uint256(k) << 64) | handler.ghostNonce(actors[i], k);
                assertEq(reg.nonces(actors[i], k), want, "nonce == uses");
            }
        }
    }

    // ------------------------------------------------------------------ (e)

    function invariant_RealmCAOnlyByLiveRequest() public view {
        assertFalse(handler.realmRequestViolation(), handler.realmRequestWhy());
        for (uint256 r = 0; r < 2; ++r) {
            address realm = handler.realms(r);
            assertEq(reg.pendingRealmCA(realm), handler.ghostPending(realm), "pending request");
            assertEq(reg.getRealm(realm).root, handler.ghostRealmRoot(realm), "Realm-CA");
        }
    }

    // ------------------------------------------------------------------ (d)

    function invariant_RootSequencesIncreaseByOne() public view {
        assertFalse(handler.seqViolation(), "a root event skipped or repeated a sequence number");
        address[] memory roots = handler.knownRoots();
        for (uint256 i = 0; i < roots.length; ++i) {
            assertEq(reg.getRoot(roots[i]).sequence, handler.ghostSeq(roots[i]), "stored sequence == last event");
        }
    }
}

/// @notice The handler is not vacuous: a fixed script through it reaches every kind of state change.
contract HandlerSmokeTest is Test {
    TrustRegistry internal reg;
    RegistryHandler internal h;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(1_000);
        reg = new TrustRegistry();
        h = new RegistryHandler(reg);
    }

    function test_HandlerReachesEveryOperation() public {
        h.registerRoot(2, 0, 1); // root 2, Open, direct
        h.setRealm(0, 0, 1); // realm 0 under root 0 (Private)
        h.setRealm(1, 3, 1); // realm 1 under the shared root (Open)
        h.advance(0, 0);
        h.admit(0, 0, 2, 1); // operator 4 in realm 0 by root 0
        h.admit(1, 1, 2, 0); // operator 5 requests in realm 1 (Open), relayed
        h.authorize(1, 0, 0, 1, 0, 1); // root 0 → delegate 0 in realm 0
        h.authorize(0, 0, 1, 1, 0, 0); // operator 4 → delegate 1 in realm 0, relayed
        h.authorize(7, 1, 0, 1, 0, 1); // shared root in realm 1
        h.authorize(2, 1, 1, 1, 0, 1); // operator 5 in realm 1
        assertTrue(reg.isAuthorized(h.issuers(0), h.realms(0), h.delegates(0)), "root 0");
        assertTrue(reg.isAuthorized(h.issuers(4), h.realms(0), h.delegates(1)), "operator 4");
        assertTrue(reg.isAuthorized(h.shared(), h.realms(1), h.delegates(0)), "shared root");
        assertTrue(reg.isAuthorized(h.issuers(5), h.realms(1), h.delegates(1)), "operator 5");
        h.revoke(0, 0, 0, 1);
        h.advance(0, 0);
        h.revokeAllDelegates(0, 0, 1);
        h.removeOperator(1, 1, true, 1);
        h.setRealm(0, 2, 0); // realm 0 moves to root 2, relayed
        h.bumpEpoch(2, 1);
        uint256 b = block.number;
        h.bumpEpoch(2, 2); // same block again: the handler rolls a block instead of a TrustRegistryNoChange no-op
        assertEq(block.number, b + 1, "rolled");
        assertEq(reg.getRoot(h.issuers(2)).epoch, 2, "second bump in the next block");
        assertEq(h.epochRolls(), 1, "one roll");
        h.approveShared(0, 0, 0); // bumpEpoch approval 1 of 2 by pool[0]
        h.approveShared(1, 0, 1); // approval 2 by pool[1], relayed: executes
        assertEq(reg.getRoot(h.shared()).epoch, 1, "shared root epoch");
        h.approveShared(1, 3, 0);
        h.approveShared(2, 3, 0); // rotation to pool[2..4], threshold 3
        assertEq(h.ghostConfig(), 2, "rotated");
        h.retire(2, 0);
        h.replay(0);
        h.cancel(0, 1);
        h.requestRealm(1, 0, 1); // realm 1 asks root 0 (pending)
        h.selfRealm(1, 0, 1); // realm 1 becomes its own root: the request to root 0 is dropped
        h.acceptRealm(1, 0, 1); // root 0 tries the stale request: rejected
        assertEq(h.ghostRealmRoot(h.realms(1)), h.realms(1), "self-rooted");
        h.requestRealm(1, 1, 0); // realm 1 asks root 1, relayed
        h.cancelRealmRequest(1, 1); // and withdraws
        h.acceptRealm(1, 1, 1); // root 1: rejected
        h.requestRealm(1, 1, 1);
        h.acceptRealm(1, 1, 1); // root 1 accepts a live request
        assertEq(h.ghostRealmRoot(h.realms(1)), h.issuers(1), "moved to root 1");
        string[13] memory names = [
            "registerRoot",
            "setRealm",
            "admit",
            "authorize",
            "revoke",
            "revokeAll",
            "removeOperator",
            "bumpEpoch",
            "retire",
            "requestRealm",
            "acceptRealm",
            "cancelRealmRequest",
            "selfRealm"
        ];
        for (uint256 i = 0; i < names.length; ++i) {
            assertGt(h.calls(bytes32(bytes(names[i]))), 0, names[i]);
        }
        assertEq(
            h.sharedExecutions(), 5, "shared executions: acceptRealm, authorize, removeOperator, bumpEpoch, setMembers"
        );
        assertGt(h.relayedCalls(), 0, "relayed calls");
        assertEq(h.replayAttempts(), 1, "replay attempted");
        assertFalse(h.replaySucceeded(), "replay rejected");
        assertFalse(h.thresholdViolation(), "threshold");
        assertFalse(h.seqViolation(), "sequence");
        assertFalse(h.realmRequestViolation(), h.realmRequestWhy());
        assertEq(reg.pendingRealmCA(h.realms(1)), address(0), "nothing pending");
        (bool found,,) = h.firstKilledButValid(h.REVOKED() | h.ISSUER_ALL() | h.REMOVED(), h.EPOCH() | h.RETIRED());
        assertFalse(found, "killed never valid");
        assertGt(h.tupleCount(), 3, "tuples tracked");
    }
}
