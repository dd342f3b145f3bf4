// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest} from "./utils/RegistryTest.sol";
import {Test, FuzzSelector} from "./utils/Test.sol";
import {TrustRegistry} from "../src/TrustRegistry.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

/// @notice Remote-attestation policy: realm policy, measurements, AK enrollment with authorizations.
contract AttestationTest is RegistryTest {
    bytes32 internal constant M1 = keccak256("measurement 1");
    bytes32 internal constant M2 = keccak256("measurement 2");
    bytes32 internal constant AK = keccak256("attestation key");
    uint32 internal constant DAY = 24 hours;
    uint32 internal constant PCRS = 0x0000_0097; // PCRs 0, 1, 2, 4, 7

    ITrustRegistry.MeasurementStatus internal constant UNKNOWN = ITrustRegistry.MeasurementStatus.Unknown;
    ITrustRegistry.MeasurementStatus internal constant ALLOWED = ITrustRegistry.MeasurementStatus.Allowed;
    ITrustRegistry.MeasurementStatus internal constant REVOKED = ITrustRegistry.MeasurementStatus.Revoked;

    function _state(bytes32 m) internal view returns (ITrustRegistry.MeasurementStatus s) {
        (,, s) = reg.attestationStatus(root, realm, delegate, m);
    }

    function _ak(address issuer, address del) internal view returns (bytes32 ak) {
        (, ak,) = reg.attestationStatus(issuer, realm, del, 0);
    }

    function _policy() internal view returns (bool required, uint32 maxAge, uint32 pcrs, uint48 updated) {
        (uint256 p,,) = reg.attestationStatus(root, realm, delegate, 0);
        // Truncating casts on purpose: the fields are packed at these offsets.
        required = p & 0xff != 0;
        // forge-lint: disable-next-line(unsafe-typecast)
        maxAge = uint32(p >> 8);
        // forge-lint: disable-next-line(unsafe-typecast)
        pcrs = uint32(p >> 40);
        // forge-lint: disable-next-line(unsafe-typecast)
        updated = uint48(p >> 72);
    }

    function assertState(bytes32 m, ITrustRegistry.MeasurementStatus want, string memory why) internal view {
        assertEq(uint256(_state(m)), uint256(want), why);
    }

    // ------------------------------------------------------------------ policy

    function test_Policy_DefaultNotRequired() public {
        _rootWithRealm(PRIVATE);
        (bool required, uint32 maxAge, uint32 pcrs, uint48 updated) = _policy();
        assertFalse(required, "not required");
        assertEq(maxAge, 0, "max age");
        assertEq(pcrs, 0, "pcrs");
        assertEq(updated, 0, "never set");
    }

    function test_Policy_SetByRealmCA() public {
        _rootWithRealm(PRIVATE);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.AttestationPolicySet(realm, true, DAY, PCRS);
        vm.prank(root);
        reg.setAttestationPolicy(realm, true, DAY, PCRS);
        (bool required, uint32 maxAge, uint32 pcrs, uint48 updated) = _policy();
        assertTrue(required, "required");
        assertEq(maxAge, DAY, "max age");
        assertEq(pcrs, PCRS, "pcrs");
        assertEq(updated, block.number, "updated block");
        // Turning it off is a change too.
        _nextBlock();
        vm.prank(root);
        reg.setAttestationPolicy(realm, false, DAY, PCRS);
        (required,,,) = _policy();
        assertFalse(required, "off again");
    }

    function test_Policy_Relayed() public {
        _rootWithRealm(PRIVATE);
        _relay(ROOT_PK, abi.encodeCall(reg.setAttestationPolicy, (realm, true, DAY, PCRS)));
        (bool required,,,) = _policy();
        assertTrue(required, "relayed policy");
    }

    function test_Policy_SharedRoot() public {
        (uint256[] memory pks, address[] memory members) = _memberKeys(3, 0);
        pks; // keys unused: members approve directly
        address shared = _registerShared(stranger, "s", members, 2, PRIVATE);
        vm.prank(realm);
        reg.requestRealmCA(shared);
        _approveBy(shared, abi.encodeCall(reg.acceptRealm, (realm)), members, 2);
        _nextBlock();
        bytes memory setPolicy = abi.encodeCall(reg.setAttestationPolicy, (realm, true, DAY, PCRS));
        assertFalse(_approveBy(shared, setPolicy, members, 1), "one approval is not enough");
        vm.prank(members[1]);
        assertTrue(reg.approveRootAction(shared, setPolicy), "second approval executes");
        (bool required,,,) = _policy();
        assertTrue(required, "shared root set the policy");
        bytes memory allow = abi.encodeCall(reg.setMeasurement, (realm, M1, true));
        _approveBy(shared, allow, members, 2);
        assertState(M1, ALLOWED, "shared root allowed");
    }

    function test_RevertWhen_PolicyNotByRealmCA() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, 2);
        for (uint256 i = 0; i < 3; ++i) {
            address who = [stranger, operator, realm][i];
            vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, who, realm));
            vm.prank(who);
            reg.setAttestationPolicy(realm, true, DAY, PCRS);
        }
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryUnknownRealm.selector, stranger));
        vm.prank(root);
        reg.setAttestationPolicy(stranger, true, DAY, PCRS);
    }

    function test_RevertWhen_PolicyInvalid() public {
        _rootWithRealm(PRIVATE);
        vm.startPrank(root);
        vm.expectRevert(ITrustRegistry.AttestationRegistryInvalidAttestationPolicy.selector);
        reg.setAttestationPolicy(realm, true, 0, PCRS);
        vm.expectRevert(ITrustRegistry.AttestationRegistryInvalidAttestationPolicy.selector);
        reg.setAttestationPolicy(realm, true, DAY, 0);
        vm.expectRevert(ITrustRegistry.AttestationRegistryInvalidAttestationPolicy.selector);
        reg.setAttestationPolicy(realm, true, DAY, 1 << 24);
        vm.expectRevert(ITrustRegistry.AttestationRegistryInvalidAttestationPolicy.selector);
        reg.setAttestationPolicy(realm, false, 0, 1 << 31);
        reg.setAttestationPolicy(realm, true, DAY, 1 << 23); // PCR 23 is the last one
        vm.stopPrank();
    }

    function test_RevertWhen_PolicyNoChange() public {
        _rootWithRealm(PRIVATE);
        vm.startPrank(root);
        // Setting "not required" on a realm that never had a policy is a change (it records one).
        reg.setAttestationPolicy(realm, false, 0, 0);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        reg.setAttestationPolicy(realm, false, 0, 0);
        reg.setAttestationPolicy(realm, true, DAY, PCRS);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        reg.setAttestationPolicy(realm, true, DAY, PCRS);
        reg.setAttestationPolicy(realm, true, DAY + 1, PCRS);
        vm.stopPrank();
    }

    function test_RevertWhen_PolicyByRetiredRoot() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.retire();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        vm.prank(root);
        reg.setAttestationPolicy(realm, true, DAY, PCRS);
    }

    function test_Policy_SurvivesRealmMove() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.setAttestationPolicy(realm, true, DAY, PCRS);
        _registerRoot(root2, PRIVATE);
        _setRealm(realm, root2);
        _nextBlock();
        (bool required,,,) = _policy();
        assertTrue(required, "still required after the move (fail closed)");
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, root, realm));
        vm.prank(root);
        reg.setAttestationPolicy(realm, false, 0, 0);
        vm.prank(root2);
        reg.setAttestationPolicy(realm, false, 0, 0);
    }

    // ------------------------------------------------------------------ measurements

    function test_Measurement_AllowRevokeAllowAgain() public {
        _rootWithRealm(PRIVATE);
        assertState(M1, UNKNOWN, "unknown at first");
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.MeasurementAllowed(realm, M1);
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        assertState(M1, ALLOWED, "allowed");
        assertState(M2, UNKNOWN, "another digest stays unknown");
        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.MeasurementRevoked(realm, M1);
        vm.prank(root);
        reg.setMeasurement(realm, M1, false);
        assertState(M1, REVOKED, "revoked");
        _nextBlock();
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        assertState(M1, ALLOWED, "allowed again");
    }

    function test_Measurement_RevokedInSameBlockAsAllowed() public {
        _rootWithRealm(PRIVATE);
        vm.startPrank(root);
        reg.setMeasurement(realm, M1, true);
        reg.setMeasurement(realm, M1, false);
        vm.stopPrank();
        assertState(M1, REVOKED, "revoked in the block it was allowed in");
    }

    function test_Measurement_Relayed() public {
        _rootWithRealm(PRIVATE);
        _relay(ROOT_PK, abi.encodeCall(reg.setMeasurement, (realm, M1, true)));
        assertState(M1, ALLOWED, "relayed allow");
        _relay(ROOT_PK, abi.encodeCall(reg.setMeasurement, (realm, M1, false)));
        assertState(M1, REVOKED, "relayed revoke");
    }

    function test_RevertWhen_MeasurementNotByRealmCA() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, 2);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, operator, realm));
        vm.prank(operator);
        reg.setMeasurement(realm, M1, true);
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryNotRealmCA.selector, stranger, realm));
        vm.prank(stranger);
        reg.setMeasurement(realm, M1, false);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RealmRegistryUnknownRealm.selector, stranger));
        vm.prank(root);
        reg.setMeasurement(stranger, M1, true);
    }

    function test_RevertWhen_MeasurementZeroOrNoChange() public {
        _rootWithRealm(PRIVATE);
        vm.startPrank(root);
        vm.expectRevert(ITrustRegistry.AttestationRegistryZeroDigest.selector);
        reg.setMeasurement(realm, 0, true);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.AttestationRegistryMeasurementNotAllowed.selector, realm, M1)
        );
        reg.setMeasurement(realm, M1, false);
        reg.setMeasurement(realm, M1, true);
        vm.expectRevert(ITrustRegistry.TrustRegistryNoChange.selector);
        reg.setMeasurement(realm, M1, true);
        reg.setMeasurement(realm, M1, false);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.AttestationRegistryMeasurementNotAllowed.selector, realm, M1)
        );
        reg.setMeasurement(realm, M1, false);
        vm.stopPrank();
    }

    function test_Measurement_VoidedByRealmMove() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        _registerRoot(root2, PRIVATE);
        _setRealm(realm, root2);
        assertState(M1, UNKNOWN, "voided in the block of the move");
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.AttestationRegistryMeasurementNotAllowed.selector, realm, M1)
        );
        vm.prank(root2);
        reg.setMeasurement(realm, M1, false);
        _nextBlock();
        // Moving back does not revive the old allowance.
        _setRealm(realm, root);
        _nextBlock();
        assertState(M1, UNKNOWN, "not revived by moving back");
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        assertState(M1, ALLOWED, "allowed anew");
    }

    function test_Measurement_RetiredRootCannotRevive() public {
        // A retired root may still write measurements of its realm (no status read, for gas), but
        // nothing in that realm is trusted: every authorization is RootNotActive.
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        vm.prank(root);
        reg.retire();
        vm.prank(root);
        reg.setMeasurement(realm, M1, true);
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.RootNotActive, "realm is dead");
    }

    // ------------------------------------------------------------------ attestation keys

    function test_AuthorizeWithAttestationKey() public {
        _rootWithRealm(PRIVATE);
        uint48 until = uint48(block.timestamp + 100);
        vm.recordLogs();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateAuthorizedWithAttestationKey(root, realm, delegate, 0, until, AK);
        vm.prank(root);
        reg.authorizeWithAttestationKey(realm, delegate, 0, until, AK);
        assertEq(reg.getAuthorization(root, realm, delegate).issuedBlock, block.number, "authorization written");
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "valid");
        assertEq(_ak(root, delegate), AK, "AK enrolled");
        assertEq(_ak(operator, delegate), bytes32(0), "another issuer's authorization has none");
        assertEq(_ak(root, stranger), bytes32(0), "another delegate has none");
    }

    function test_AttestationKey_NoExpiryAndRelayedAndOperator() public {
        _rootWithRealm(PRIVATE);
        _admit(operator, 2);
        _nextBlock();
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.DelegateAuthorizedWithAttestationKey(operator, realm, delegate, 0, type(uint48).max, AK);
        _relay(OPERATOR_PK, abi.encodeCall(reg.authorizeWithAttestationKey, (realm, delegate, 0, 0, AK)));
        assertEq(_ak(operator, delegate), AK, "relayed operator enrollment");
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "valid");
    }

    function test_AttestationKey_DroppedByPlainReauthorization() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorizeWithAttestationKey(realm, delegate, 0, 0, AK);
        _nextBlock();
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertEq(_ak(root, delegate), bytes32(0), "a plain authorization in a later block has no AK");
        _nextBlock();
        vm.prank(root);
        reg.authorizeWithAttestationKey(realm, delegate, 0, 0, M2);
        assertEq(_ak(root, delegate), M2, "re-enrolled with another AK");
    }

    function test_AttestationKey_KeptByRevocation() public {
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorizeWithAttestationKey(realm, delegate, 0, 0, AK);
        _nextBlock();
        vm.prank(root);
        reg.revoke(realm, delegate);
        assertEq(_ak(root, delegate), AK, "the record stays; the authorization is Revoked");
        assertStatus(root, realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "revoked");
    }

    function test_RevertWhen_AttestationKeyInvalid() public {
        vm.expectRevert(ITrustRegistry.AttestationRegistryZeroDigest.selector);
        reg.authorizeWithAttestationKey(realm, delegate, 0, 0, 0);
        vm.expectRevert(ITrustRegistry.TrustRegistryZeroAddress.selector);
        reg.authorizeWithAttestationKey(realm, address(0), 0, 0, AK);
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryInvalidValidity.selector, uint48(5), uint48(5))
        );
        reg.authorizeWithAttestationKey(realm, delegate, 5, 5, AK);
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any sequence of allow/revoke of one digest: the status follows the last successful call.
    function testFuzz_MeasurementFollowsLastWrite(bytes32 m, uint256 ops) public {
        vm.assume(m != 0);
        _rootWithRealm(PRIVATE);
        ITrustRegistry.MeasurementStatus want = UNKNOWN;
        for (uint256 i = 0; i < 16; ++i) {
            bool allow = (ops >> i) & 1 == 1;
            bool ok = allow ? want != ALLOWED : want == ALLOWED;
            if (!ok) vm.expectRevert();
            vm.prank(root);
            reg.setMeasurement(realm, m, allow);
            if (ok) want = allow ? ALLOWED : REVOKED;
            assertState(m, want, "status follows the writes");
            if ((ops >> (i + 16)) & 1 == 1) _nextBlock();
        }
    }

    /// @dev Policies round-trip through the packed view; invalid ones revert.
    function testFuzz_PolicyRoundTrip(bool required, uint32 maxAge, uint32 pcrs) public {
        _rootWithRealm(PRIVATE);
        bool valid = pcrs < 1 << 24 && (!required || (maxAge != 0 && pcrs != 0));
        if (!valid) vm.expectRevert(ITrustRegistry.AttestationRegistryInvalidAttestationPolicy.selector);
        vm.prank(root);
        reg.setAttestationPolicy(realm, required, maxAge, pcrs);
        if (!valid) return;
        (bool r, uint32 a, uint32 p, uint48 u) = _policy();
        assertEq(r, required, "required");
        assertEq(a, maxAge, "max age");
        assertEq(p, pcrs, "pcrs");
        assertEq(u, block.number, "block");
    }

    /// @dev The AK belongs to the authorization it came with, whatever the issuer, delegate and digest.
    function testFuzz_AttestationKeyBoundToAuthorization(address del, bytes32 ak, bool reauthorize) public {
        vm.assume(del != address(0) && ak != 0);
        _rootWithRealm(PRIVATE);
        vm.prank(root);
        reg.authorizeWithAttestationKey(realm, del, 0, 0, ak);
        assertEq(_ak(root, del), ak, "enrolled");
        if (reauthorize) {
            _nextBlock();
            vm.prank(root);
            reg.authorize(realm, del, 0, 0);
        }
        assertEq(_ak(root, del), reauthorize ? bytes32(0) : ak, "dropped only by a later plain authorization");
    }
}

/// @notice Drives random attestation writes against a ghost model (see {AttestationInvariantsTest}).
contract AttestationHandler is Test {
    TrustRegistry internal reg;
    address[2] internal roots = [address(0xA11CE), address(0xB0B)];
    address internal constant REALM = address(0xC0FFEE);
    address[3] internal delegates = [address(0xD1), address(0xD2), address(0xD3)];
    bytes32[3] internal digests = [keccak256("m0"), keccak256("m1"), keccak256("m2")];

    /// @dev Ghost: measurement index → 0 unknown, 1 allowed, 2 revoked (reset by realm moves).
    uint8[3] public ghostMeasurement;
    /// @dev Ghost: root index → delegate index → AK enrolled with its current authorization.
    bytes32[3][2] internal ghostAK;
    /// @dev Ghost: root index → delegate index → block of its last enrollment.
    uint256[3][2] internal lastEnrolled;
    uint256 internal current; // index of the realm's current root
    uint256 internal movedBlock;

    constructor(TrustRegistry r) {
        reg = r;
        for (uint256 i = 0; i < 2; ++i) {
            vm.prank(roots[i]);
            reg.registerRoot(ITrustRegistry.AdmissionPolicy.Private);
        }
        vm.prank(REALM);
        reg.requestRealmCA(roots[0]);
        vm.prank(roots[0]);
        reg.acceptRealm(REALM);
        vm.roll(block.number + 1);
    }

    function setMeasurement(uint256 i, bool allow) external {
        i %= 3;
        vm.prank(roots[current]);
        try reg.setMeasurement(REALM, digests[i], allow) {
            // An allowance in the block of a realm move is void like one before it (fail closed).
            ghostMeasurement[i] = allow ? (block.number > movedBlock ? 1 : 0) : 2;
        } catch {}
    }

    function strangerSetMeasurement(uint256 i, bool allow) external {
        i %= 3;
        vm.prank(roots[1 - current]);
        try reg.setMeasurement(REALM, digests[i], allow) {
            revert("a root that is not the Realm-CA wrote a measurement");
        } catch {}
    }

    /// @dev Either root authorizes (writing is permissionless; the AK is per issuer).
    function authorize(uint256 who, uint256 d, bytes32 ak) external {
        who %= 2;
        d %= 3;
        vm.prank(roots[who]);
        if (ak == 0) {
            reg.authorize(REALM, delegates[d], 0, 0);
            // In the block of an enrollment the AK stays: it is keyed by (authorization, issuedBlock).
            if (lastEnrolled[who][d] != block.number) ghostAK[who][d] = 0;
        } else {
            reg.authorizeWithAttestationKey(REALM, delegates[d], 0, 0, ak);
            ghostAK[who][d] = ak;
            lastEnrolled[who][d] = block.number;
        }
    }

    function moveRealm() external {
        uint256 next = 1 - current;
        vm.prank(REALM);
        reg.requestRealmCA(roots[next]);
        vm.prank(roots[next]);
        reg.acceptRealm(REALM);
        current = next;
        movedBlock = block.number;
        ghostMeasurement = [0, 0, 0];
    }

    function ghostAKOf(uint256 who, uint256 d) external view returns (bytes32) {
        return ghostAK[who][d];
    }

    function root(uint256 who) external view returns (address) {
        return roots[who];
    }

    function advance() external {
        vm.roll(block.number + 1);
    }

    function digest(uint256 i) external view returns (bytes32) {
        return digests[i];
    }

    function delegate(uint256 i) external view returns (address) {
        return delegates[i];
    }

    function realm() external pure returns (address) {
        return REALM;
    }
}

/**
 * @notice Invariants over random attestation writes and realm moves: the registry's measurement
 * status equals the ghost model (so a revoked measurement is never Allowed, and none allowed before
 * a realm move is Allowed after it), only the Realm-CA writes measurements, and the AK reported
 * for (issuer, delegate) is the one enrolled with its current authorization.
 */
contract AttestationInvariantsTest is Test {
    TrustRegistry internal reg;
    AttestationHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(1_000);
        reg = new TrustRegistry();
        handler = new AttestationHandler(reg);
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory s) {
        bytes4[] memory sel = new bytes4[](7);
        sel[0] = AttestationHandler.setMeasurement.selector;
        sel[1] = AttestationHandler.setMeasurement.selector;
        sel[2] = AttestationHandler.strangerSetMeasurement.selector;
        sel[3] = AttestationHandler.authorize.selector;
        sel[4] = AttestationHandler.moveRealm.selector;
        sel[5] = AttestationHandler.advance.selector;
        sel[6] = AttestationHandler.advance.selector;
        s = new FuzzSelector[](1);
        s[0] = FuzzSelector({addr: address(handler), selectors: sel});
    }

    function invariant_MeasurementStatusMatchesModel() public view {
        for (uint256 i = 0; i < 3; ++i) {
            (,, ITrustRegistry.MeasurementStatus s) =
                reg.attestationStatus(address(0), handler.realm(), address(0), handler.digest(i));
            assertEq(uint256(s), handler.ghostMeasurement(i), "measurement status");
        }
    }

    function invariant_AttestationKeyMatchesModel() public view {
        for (uint256 who = 0; who < 2; ++who) {
            for (uint256 i = 0; i < 3; ++i) {
                (, bytes32 ak,) = reg.attestationStatus(handler.root(who), handler.realm(), handler.delegate(i), 0);
                assertEq(ak, handler.ghostAKOf(who, i), "attestation key");
            }
        }
    }
}
