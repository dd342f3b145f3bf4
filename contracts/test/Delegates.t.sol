// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest, Caps} from "./utils/RegistryTest.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Delegate authorizations, revocation, issuer revoke-all, and the authorization check.
contract DelegatesTest is RegistryTest {
    uint48 internal constant FOREVER = type(uint48).max;

    // ------------------------------------------------------------------ authorize

    function test_Authorize_StoresAndEmits() public {
        _rootWithRealm(PRIVATE);
        uint48 from = uint48(block.timestamp - 10);
        uint48 until = uint48(block.timestamp + 100);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateAuthorized(root, realm, delegate, from, until);
        vm.prank(root);
        reg.authorize(realm, delegate, from, until);
        ITrustRegistry.Authorization memory a = reg.getAuthorization(root, realm, delegate);
        assertEq(a.validFrom, from, "validFrom");
        assertEq(a.validUntil, until, "validUntil");
        assertEq(a.revokedAt, 0, "revokedAt");
        assertEq(a.issuedBlock, block.number, "issuedBlock");
        (ITrustRegistry.AuthorizationStatus s, address r, uint64 caps, uint48 vu) =
            reg.authorizationStatus(root, realm, delegate);
        assertEq(uint256(s), uint256(ITrustRegistry.AuthorizationStatus.Valid), "valid");
        assertEq(r, root, "root");
        assertEq(caps, 0xff, "root has every capability");
        assertEq(vu, until, "validUntil reported");
    }

    function test_Authorize_ZeroValidUntilMeansNoExpiry() public {
        _rootWithRealm(PRIVATE);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateAuthorized(root, realm, delegate, 0, FOREVER);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertEq(reg.getAuthorization(root, realm, delegate).validUntil, FOREVER, "stored as max");
        vm.warp(uint256(FOREVER) - 1);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "far future");
    }

    function test_RevertWhen_AuthorizeZeroAddress() public {
        vm.expectRevert(ITrustRegistry.TrustRegistryZeroAddress.selector);
        reg.authorize(address(0), delegate, 0, 0);
        vm.expectRevert(ITrustRegistry.TrustRegistryZeroAddress.selector);
        reg.authorize(realm, address(0), 0, 0);
    }

    function test_RevertWhen_InvalidValidity() public {
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, uint48(100), uint48(100))
        );
        reg.authorize(realm, delegate, 100, 100);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, uint48(100), uint48(99))
        );
        reg.authorize(realm, delegate, 100, 99);
        // validUntil 0 means "no expiry"; only validFrom == max is then invalid, and the error reports
        // the caller's arguments (max, 0), not the substituted end.
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, FOREVER, uint48(0))
        );
        reg.authorize(realm, delegate, FOREVER, 0);
        // An explicit max end with validFrom == max is reported as given.
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, FOREVER, FOREVER)
        );
        reg.authorize(realm, delegate, FOREVER, FOREVER);
        // FOREVER - 1 with no expiry is the last valid window start; its event carries the substituted end.
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateAuthorized(address(this), realm, delegate, FOREVER - 1, FOREVER);
        reg.authorize(realm, delegate, FOREVER - 1, 0);
    }

    function test_Authorize_IsPermissionlessButOnlyCountsForIssuers() public {
        _rootWithRealm(PRIVATE);
        vm.prank(stranger);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(stranger, realm, delegate, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "stranger");
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.NotAuthorized, "keyed by issuer");
    }

    function test_Reauthorize_ReplacesWindowAndClearsRevocation() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(root);
        reg.revoke(realm, delegate);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "revoked");
        _nextBlock();
        vm.prank(root);
        reg.authorize(realm, delegate, 0, uint48(block.timestamp + 5));
        ITrustRegistry.Authorization memory a = reg.getAuthorization(root, realm, delegate);
        assertEq(a.revokedAt, 0, "revocation cleared");
        assertEq(a.validUntil, block.timestamp + 5, "new window");
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "valid again");
    }

    // ------------------------------------------------------------------ revoke

    function test_Revoke_SetsTimestampAndEmits() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.warp(block.timestamp + 33);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateRevoked(root, realm, delegate);
        vm.prank(root);
        reg.revoke(realm, delegate);
        assertEq(reg.getAuthorization(root, realm, delegate).revokedAt, block.timestamp, "revokedAt");
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "revoked");
    }

    function test_RevertWhen_RevokeNotAuthorized() public {
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryNotAuthorized.selector, root, realm, delegate)
        );
        vm.prank(root);
        reg.revoke(realm, delegate);
        // Another issuer's authorization is not the caller's.
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryNotAuthorized.selector, stranger, realm, delegate)
        );
        vm.prank(stranger);
        reg.revoke(realm, delegate);
    }

    function test_RevertWhen_RevokeTwice() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(root);
        reg.revoke(realm, delegate);
        vm.recordLogs();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryAlreadyRevoked.selector, root, realm, delegate)
        );
        vm.prank(root);
        reg.revoke(realm, delegate);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
    }

    // ------------------------------------------------------------------ revokeAllDelegates

    function test_RevokeAllDelegates_VoidsUpToThisBlock() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        _nextBlock();
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0); // same block as the revoke-all: void too
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegatesRevokedAll(operator, realm, uint48(block.number));
        vm.prank(operator);
        reg.revokeAllDelegates(realm);
        assertEq(reg.getAdmission(realm, operator).revokedAllBlock, block.number, "revokedAllBlock");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByIssuer, "older");
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.RevokedByIssuer, "same block");

        vm.recordLogs();
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        vm.prank(operator);
        reg.revokeAllDelegates(realm);
        assertEq(vm.getRecordedLogs().length, 0, "no event for a second revoke-all in the block");

        _nextBlock();
        vm.prank(operator);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "later one is valid");
    }

    function test_RevertWhen_RevokeAllDelegatesNotAdmitted() public {
        _rootWithRealm(PRIVATE);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotAdmitted.selector, operator, realm));
        vm.prank(operator);
        reg.revokeAllDelegates(realm);
        // The root is not an admitted operator either: it uses bumpEpoch.
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotAdmitted.selector, root, realm));
        vm.prank(root);
        reg.revokeAllDelegates(realm);
    }

    // ------------------------------------------------------------------ authorizationStatus: every value

    /// @dev One situation per AuthorizationStatus value, with the returned root / capabilities / validUntil.
    function test_AuthorizationStatus_EveryValue() public {
        _rootWithRealm(PRIVATE);
        _registerRoot(root2, PRIVATE);
        address realm2 = vm.addr(0x2EA1);
        _setRealm(realm2, root2);
        address realm3 = vm.addr(0x3EA1); // never gets a Realm-CA
        address realm4 = vm.addr(0x4EA1);
        _setRealm(realm4, root);
        address op2 = vm.addr(0x0F2);
        address op3 = vm.addr(0x0F3);
        _nextBlock();
        _admit(operator, Caps.INTERMEDIATE_CA | Caps.GATEWAY);
        _admit(op2, Caps.GATEWAY);
        _admit(op3, Caps.INTERMEDIATE_CA);
        address[12] memory d;
        for (uint256 i = 0; i < 12; ++i) {
            d[i] = vm.addr(0xDE00 + i);
        }
        uint48 now_ = uint48(block.timestamp);

        vm.startPrank(root);
        reg.authorize(realm, d[0], 0, 0); // Valid
        reg.authorize(realm, d[2], now_ + 100, 0); // NotYetValid
        reg.authorize(realm, d[3], 0, now_ + 1); // Expired after warp
        reg.authorize(realm, d[4], 0, 0); // Revoked
        reg.revoke(realm, d[4]);
        reg.authorize(realm3, d[5], 0, 0); // RealmRegistryUnknownRealm
        reg.authorize(realm4, d[8], 0, 0); // RevokedByRealmChange (realm4 moves away and back)
        vm.stopPrank();
        vm.prank(root2);
        reg.authorize(realm2, d[6], 0, 0); // TrustrootRegistryRootNotActive
        vm.prank(stranger);
        reg.authorize(realm, d[9], 0, 0); // IssuerNotAdmitted
        vm.prank(op2);
        reg.authorize(realm, d[10], 0, 0); // IssuerMissingCapability
        vm.prank(op3);
        reg.authorize(realm, d[11], 0, 0); // RevokedByIssuer
        _nextBlock();
        vm.prank(op3);
        reg.revokeAllDelegates(realm);
        vm.prank(root2);
        reg.retire();
        vm.warp(now_ + 50);

        ITrustRegistry.AuthorizationStatus V = ITrustRegistry.AuthorizationStatus.Valid;
        _check(root, realm, d[0], V, root, 0xff, FOREVER);
        _check(root, realm, d[1], ITrustRegistry.AuthorizationStatus.NotAuthorized, address(0), 0, 0);
        _check(root, realm, d[2], ITrustRegistry.AuthorizationStatus.NotYetValid, root, 0xff, FOREVER);
        _check(root, realm, d[3], ITrustRegistry.AuthorizationStatus.Expired, root, 0xff, now_ + 1);
        _check(root, realm, d[4], ITrustRegistry.AuthorizationStatus.Revoked, root, 0xff, FOREVER);
        _check(root, realm3, d[5], ITrustRegistry.AuthorizationStatus.UnknownRealm, address(0), 0, FOREVER);
        _check(root2, realm2, d[6], ITrustRegistry.AuthorizationStatus.RootNotActive, root2, 0, FOREVER);
        _check(stranger, realm, d[9], ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, root, 0, FOREVER);
        _check(
            op2, realm, d[10], ITrustRegistry.AuthorizationStatus.IssuerMissingCapability, root, Caps.GATEWAY, FOREVER
        );
        _check(
            op3, realm, d[11], ITrustRegistry.AuthorizationStatus.RevokedByIssuer, root, Caps.INTERMEDIATE_CA, FOREVER
        );

        // RevokedByRealmChange: realm4 moves to a fresh root and back.
        address root3 = vm.addr(0x3007);
        _registerRoot(root3, PRIVATE);
        _setRealm(realm4, root3);
        _nextBlock();
        _setRealm(realm4, root);
        _check(root, realm4, d[8], ITrustRegistry.AuthorizationStatus.RevokedByRealmChange, root, 0xff, FOREVER);

        // RevokedByRootEpoch last: it voids everything of `root`, also its Valid one.
        _nextBlock();
        vm.prank(root);
        reg.bumpEpoch();
        _check(root, realm, d[0], ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, root, 0, FOREVER);
        _check(operator, realm, d[0], ITrustRegistry.AuthorizationStatus.NotAuthorized, address(0), 0, 0);
    }

    function _check(
        address issuer,
        address realmAddr,
        address del,
        ITrustRegistry.AuthorizationStatus want,
        address wantRoot,
        uint64 wantCaps,
        uint48 wantUntil
    ) internal view {
        (ITrustRegistry.AuthorizationStatus s, address r, uint64 caps, uint48 until) =
            reg.authorizationStatus(issuer, realmAddr, del);
        string memory which = vm.toString(uint256(want));
        assertEq(uint256(s), uint256(want), string.concat("status ", which));
        assertEq(r, wantRoot, string.concat("root ", which));
        assertEq(caps, wantCaps, string.concat("capabilities ", which));
        assertEq(until, wantUntil, string.concat("validUntil ", which));
        assertEq(reg.isAuthorized(issuer, realmAddr, del), want == ITrustRegistry.AuthorizationStatus.Valid, which);
    }

    /// @dev Epoch: everything the root issued up to and including the bump block is void, also
    /// operator authorizations and admissions; later ones count.
    function test_BumpEpoch_VoidsRootAndOperatorAuthorizations() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0);
        _nextBlock();
        vm.prank(root);
        reg.bumpEpoch();
        vm.prank(root);
        reg.authorize(realm, relayer, 0, 0); // same block: void (fail closed)
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, "root's");
        assertStatus(operator, realm, stranger, ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, "operator's");
        assertStatus(root, realm, relayer, ITrustRegistry.AuthorizationStatus.RevokedByRootEpoch, "same block");
        _nextBlock();
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "re-issued");
        vm.prank(operator);
        reg.authorize(realm, stranger, 0, 0);
        assertStatus(
            operator, realm, stranger, ITrustRegistry.AuthorizationStatus.IssuerNotAdmitted, "admission void too"
        );
    }

    // ------------------------------------------------------------------ fuzz: validity windows

    /// @dev For any window and any time, with nothing else invalidating, the status is Valid iff
    /// validFrom ≤ t < validUntil, else NotYetValid / Expired.
    function testFuzz_ValidityWindow(uint48 validFrom, uint48 validUntil, uint48 t) public {
        _rootWithRealm(PRIVATE);
        vm.assume(validUntil != 0);
        if (validFrom > validUntil) (validFrom, validUntil) = (validUntil, validFrom);
        vm.assume(validFrom < validUntil);
        vm.prank(root);
        reg.authorize(realm, delegate, validFrom, validUntil);
        vm.warp(t);
        ITrustRegistry.AuthorizationStatus want = t < validFrom
            ? ITrustRegistry.AuthorizationStatus.NotYetValid
            : (t >= validUntil ? ITrustRegistry.AuthorizationStatus.Expired : ITrustRegistry.AuthorizationStatus.Valid);
        assertStatus(root, realm, delegate, want, "window");
        assertEq(reg.isAuthorized(root, realm, delegate), validFrom <= t && t < validUntil, "iff");
    }

    /// @dev Same for an operator-issued authorization, and an invalid window always reverts.
    function testFuzz_ValidityWindowOperator(uint48 validFrom, uint48 validUntil, uint48 t) public {
        _rootWithRealm(PRIVATE);
        _admit(operator, Caps.INTERMEDIATE_CA);
        uint48 effectiveUntil = validUntil == 0 ? type(uint48).max : validUntil;
        if (effectiveUntil <= validFrom) {
            // The error reports the caller's arguments (validUntil as given, also 0).
            vm.expectRevert(
                abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, validFrom, validUntil)
            );
            vm.prank(operator);
            reg.authorize(realm, delegate, validFrom, validUntil);
            return;
        }
        vm.prank(operator);
        reg.authorize(realm, delegate, validFrom, validUntil);
        vm.warp(t);
        assertEq(reg.isAuthorized(operator, realm, delegate), validFrom <= t && t < effectiveUntil, "iff");
    }

    /// @dev Revocation wins over any window.
    function testFuzz_RevokedNeverValid(uint48 validFrom, uint48 validUntil, uint48 t) public {
        _rootWithRealm(PRIVATE);
        validFrom = uint48(bound(validFrom, 0, type(uint48).max - 1));
        validUntil = uint48(bound(validUntil, uint256(validFrom) + 1, type(uint48).max));
        vm.prank(root);
        reg.authorize(realm, delegate, validFrom, validUntil);
        vm.prank(root);
        reg.revoke(realm, delegate);
        vm.warp(t);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "revoked");
    }
}
