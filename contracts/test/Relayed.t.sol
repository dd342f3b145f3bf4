// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest, Caps} from "./utils/RegistryTest.sol";
import {MockMultisigWallet} from "./utils/MockMultisigWallet.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @notice Relayed calls: EIP712 domain and digest, deadline, signatures (ECDSA and ERC-1271),
/// keyed nonces, cancellation, non-relayable calls, relayed shared-root approvals.
contract RelayedTest is RegistryTest {
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    // ------------------------------------------------------------------ EIP712 domain and digest

    function test_Eip712Domain_ERC5267() public view {
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = reg.eip712Domain();
        assertEq(uint256(uint8(fields)), 0x0f, "name, version, chainId, verifyingContract");
        assertEq(name, "WAMP-E2EE TrustRegistry", "name");
        assertEq(version, "1", "version");
        assertEq(chainId, block.chainid, "chainId");
        assertEq(verifyingContract, address(reg), "verifyingContract");
        assertEq(salt, bytes32(0), "salt");
        assertEq(extensions.length, 0, "extensions");
    }

    function test_RelayedCallTypehash() public view {
        assertEq(reg.RELAYED_CALL_TYPEHASH(), RELAYED_CALL_TYPEHASH, "typehash");
    }

    function test_RelayedCallDigest_RecomputedIndependently() public view {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        assertEq(reg.relayedCallDigest(root, data, 7, 1234), _relayDigest(root, data, 7, 1234), "digest");
    }

    function testFuzz_RelayedCallDigest(address actor, bytes calldata data, uint256 nonce, uint256 deadline)
        public
        view
    {
        assertEq(
            reg.relayedCallDigest(actor, data, nonce, deadline), _relayDigest(actor, data, nonce, deadline), "digest"
        );
    }

    function test_Digest_FollowsChainId() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        bytes32 before = reg.relayedCallDigest(root, data, 0, 1);
        vm.chainId(5);
        bytes32 afterFork = reg.relayedCallDigest(root, data, 0, 1);
        assertNotEq(before, afterFork, "chainId is in the domain");
        assertEq(afterFork, _relayDigest(root, data, 0, 1), "recomputed under chainId 5");
        (,,, uint256 chainId,,,) = reg.eip712Domain();
        assertEq(chainId, 5, "eip712Domain follows chainId");
    }

    // ------------------------------------------------------------------ execute

    function test_Execute_ActsAsSigner() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (PERMISSIONED));
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RelayedCallExecuted(root, 0);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootRegistered(root, ITrustRegistry.RootKind.Standalone, PERMISSIONED, root, 1);
        vm.prank(relayer);
        reg.execute(root, data, 0, deadline, sig);
        assertEq(uint256(reg.getRoot(root).kind), uint256(ITrustRegistry.RootKind.Standalone), "root is the signer");
        assertEq(uint256(reg.getRoot(relayer).kind), 0, "not the relayer");
        assertEq(reg.nonces(root), 1, "nonce used");
    }

    function test_Execute_ReturnsInnerResult() public {
        _registerRoot(root, OPEN);
        bytes memory ret = _relay(ROOT_PK, abi.encodeCall(reg.bumpEpoch, ()));
        assertEq(ret, abi.encode(uint32(1)), "epoch returned");
    }

    function test_Execute_DeadlineIsInclusive() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_RevertWhen_ExpiredSignature() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RelayedActorExpiredSignature.selector, deadline));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_RevertWhen_InvalidSignature() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes32 digest = _relayDigest(root, data, 0, deadline);
        bytes memory err = abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, root);

        // Signed by someone else.
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, _sig(STRANGER_PK, digest));
        // Signed over other data.
        bytes memory other = _sig(ROOT_PK, _relayDigest(root, abi.encodeCall(reg.registerRoot, (PRIVATE)), 0, deadline));
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, other);
        // Signed for another deadline.
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline + 1, _sig(ROOT_PK, digest));
        // Empty, truncated and ERC-2098 compact (64-byte) signatures.
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ROOT_PK, digest);
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, "");
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, abi.encodePacked(r, s));
        bytes32 vs = bytes32(uint256(s) | (uint256(v - 27) << 255));
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, abi.encodePacked(r, vs));
        // High-s twin of a valid signature.
        vm.expectRevert(err);
        reg.execute(
            root,
            data,
            0,
            deadline,
            abi.encodePacked(r, bytes32(SECP256K1_N - uint256(s)), v == 27 ? uint8(28) : uint8(27))
        );
        // v outside {27, 28}.
        vm.expectRevert(err);
        reg.execute(root, data, 0, deadline, abi.encodePacked(r, s, v - 27));
        // The valid one still works (nothing above consumed the nonce).
        reg.execute(root, data, 0, deadline, abi.encodePacked(r, s, v));
    }

    function test_RevertWhen_SignatureFromAnotherChain() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        vm.chainId(5);
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, root));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_RevertWhen_SignatureForAnotherRegistry() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        reg = new TrustRegistryClone();
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, root));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_RevertWhen_InnerCallReverts_NonceNotUsed() public {
        bytes memory data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryRootNotActive.selector, root));
        reg.execute(root, data, 0, deadline, sig);
        assertEq(reg.nonces(root), 0, "nonce not used");
    }

    function test_RevertWhen_CallTooShort() public {
        for (uint256 len = 0; len < 4; ++len) {
            bytes memory data = new bytes(len);
            vm.expectRevert(ITrustRegistry.RelayedActorCallTooShort.selector);
            reg.execute(root, data, 0, block.timestamp, _sig(ROOT_PK, _relayDigest(root, data, 0, block.timestamp)));
        }
    }

    function test_RevertWhen_CallNotRelayable() public {
        bytes memory inner = abi.encodeCall(reg.registerRoot, (OPEN));
        bytes memory data = abi.encodeCall(reg.execute, (root, inner, 0, block.timestamp, ""));
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.RelayedActorCallNotRelayable.selector, reg.execute.selector)
        );
        reg.execute(root, data, 0, block.timestamp, _sig(ROOT_PK, _relayDigest(root, data, 0, block.timestamp)));
    }

    /// @dev Trailing bytes on a direct call cannot impersonate: only self-calls read the appended actor.
    function test_AppendedActorOnDirectCallIsIgnored() public {
        vm.prank(stranger);
        (bool ok,) = address(reg).call(abi.encodePacked(abi.encodeCall(reg.registerRoot, (OPEN)), root));
        assertTrue(ok, "call ok");
        assertEq(uint256(reg.getRoot(stranger).kind), uint256(ITrustRegistry.RootKind.Standalone), "caller registered");
        assertEq(uint256(reg.getRoot(root).kind), 0, "victim not registered");
    }

    // ------------------------------------------------------------------ nonces

    function test_RevertWhen_NonceReused() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        reg.execute(root, data, 0, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, 1));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_RevertWhen_NonceAhead() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 5, deadline));
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, 0));
        reg.execute(root, data, 5, deadline, sig);
    }

    function test_KeyedNonces_AreIndependent() public {
        _registerRoot(root, OPEN);
        uint192 key = 7;
        uint256 keyed = uint256(key) << 64;
        assertEq(reg.nonces(root, key), keyed, "fresh keyed nonce");
        bytes memory data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        uint256 deadline = block.timestamp + 10;
        reg.execute(root, data, keyed, deadline, _sig(ROOT_PK, _relayDigest(root, data, keyed, deadline)));
        assertEq(reg.nonces(root, key), keyed | 1, "keyed nonce advanced");
        assertEq(reg.nonces(root), 0, "key 0 untouched");
        // Key 0 still at 0, usable out of order with respect to key 7.
        data = abi.encodeCall(reg.setPolicy, (OPEN));
        reg.execute(root, data, 0, deadline, _sig(ROOT_PK, _relayDigest(root, data, 0, deadline)));
        // Replaying the keyed one fails with the keyed current nonce.
        data = abi.encodeCall(reg.setPolicy, (PRIVATE));
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, keyed, deadline));
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, keyed | 1));
        reg.execute(root, data, keyed, deadline, sig);
    }

    function test_UseNonce_CancelsSignedCall() public {
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, 0, deadline));
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.NonceUsed(root, 0);
        vm.prank(root);
        assertEq(reg.useNonce(0), 0, "used nonce returned");
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, 1));
        reg.execute(root, data, 0, deadline, sig);
    }

    function test_UseNonce_Keyed() public {
        uint192 key = type(uint192).max;
        uint256 keyed = uint256(key) << 64;
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, keyed, deadline));
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.NonceUsed(root, keyed);
        vm.prank(root);
        reg.useNonce(key);
        assertEq(reg.nonces(root, key), keyed | 1, "advanced");
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, keyed | 1));
        reg.execute(root, data, keyed, deadline, sig);
    }

    function test_UseNonce_Relayed() public {
        _relay(ROOT_PK, abi.encodeCall(reg.useNonce, (9)));
        assertEq(reg.nonces(root), 1, "key 0 used by the relay");
        assertEq(reg.nonces(root, 9), (uint256(9) << 64) | 1, "key 9 used by the call");
    }

    // ------------------------------------------------------------------ relayed writes of every kind

    function test_Relayed_FullLifecycle() public {
        _relay(ROOT_PK, abi.encodeCall(reg.registerRoot, (PERMISSIONED)));
        _relay(REALM_PK, abi.encodeCall(reg.requestRealmCA, (root)));
        _relay(ROOT_PK, abi.encodeCall(reg.acceptRealm, (realm)));
        _nextBlock();
        _relay(OPERATOR_PK, abi.encodeCall(reg.requestAdmission, (realm, Caps.INTERMEDIATE_CA)));
        _relay(ROOT_PK, abi.encodeCall(reg.admitOperator, (realm, operator, Caps.INTERMEDIATE_CA)));
        _relay(OPERATOR_PK, abi.encodeCall(reg.authorize, (realm, delegate, 0, 0)));
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "relayed chain");
        _relay(OPERATOR_PK, abi.encodeCall(reg.revoke, (realm, delegate)));
        assertStatus(operator, realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "relayed revoke");
        _nextBlock();
        _relay(OPERATOR_PK, abi.encodeCall(reg.revokeAllDelegates, (realm)));
        _relay(OPERATOR_PK, abi.encodeCall(reg.revokeCertificate, (bytes32(uint256(1)))));
        assertGt(reg.certificateRevokedAt(operator, bytes32(uint256(1))), 0, "relayed certificate revocation");
        _relay(ROOT_PK, abi.encodeCall(reg.removeOperator, (realm, operator)));
        _relay(ROOT_PK, abi.encodeCall(reg.setPolicy, (PRIVATE)));
        _relay(ROOT_PK, abi.encodeCall(reg.bumpEpoch, ()));
        _relay(ROOT_PK, abi.encodeCall(reg.retire, ()));
        assertEq(uint256(reg.getRoot(root).status), uint256(ITrustRegistry.RootStatus.Retired), "relayed retire");
        assertEq(reg.nonces(root), 7, "root nonces");
        assertEq(reg.nonces(operator), 5, "operator nonces");
    }

    // ------------------------------------------------------------------ relayed shared-root approvals

    function test_Relayed_SharedRootRegistrationAndApprovals() public {
        (uint256[] memory pks, address[] memory members) = _memberKeys(3, 0);
        bytes memory reg0 = abi.encodeCall(reg.registerSharedRoot, (bytes32("s"), members, 2, OPEN));
        bytes memory ret = _relay(STRANGER_PK, reg0);
        address shared = abi.decode(ret, (address));
        assertEq(shared, reg.sharedRootAddress(stranger, bytes32("s")), "registrar is the relayed actor");

        bytes memory action = abi.encodeCall(reg.setPolicy, (PRIVATE));
        bytes memory approve = abi.encodeCall(reg.approveRootAction, (shared, action));
        bytes32 id = reg.rootActionId(shared, action);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootActionApproved(shared, id, members[0], 1);
        assertEq(_relay(pks[0], approve), abi.encode(false), "pending");
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootActionApproved(shared, id, members[2], 2);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.RootPolicyChanged(shared, PRIVATE, 3);
        assertEq(_relay(pks[2], approve), abi.encode(true), "executed");
        assertEq(uint256(reg.getRoot(shared).policy), uint256(PRIVATE), "acted as the shared root");
    }

    function test_RevertWhen_RelayedApprovalByNonMember() public {
        (, address[] memory members) = _memberKeys(3, 0);
        address shared = _registerShared(stranger, bytes32("s"), members, 2, OPEN);
        bytes memory approve = abi.encodeCall(reg.approveRootAction, (shared, abi.encodeCall(reg.bumpEpoch, ())));
        uint256 deadline = block.timestamp + 10;
        bytes memory sig = _sig(STRANGER_PK, _relayDigest(stranger, approve, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.TrustrootRegistryNotMember.selector, stranger, shared));
        reg.execute(stranger, approve, 0, deadline, sig);
    }

    // ------------------------------------------------------------------ ERC-1271 wallet as a standalone root

    function _walletSig(
        MockMultisigWallet w,
        uint256 pk0,
        uint256 pk1,
        bytes memory data,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes memory) {
        bytes32 digest = _relayDigest(address(w), data, nonce, deadline);
        return abi.encodePacked(_sig(pk0, digest), _sig(pk1, digest));
    }

    function _walletRelay(MockMultisigWallet w, bytes memory data) internal {
        uint256 nonce = reg.nonces(address(w));
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _walletSig(w, 0xAA01, 0xAA02, data, nonce, deadline);
        assertEq(sig.length, 130, "130-byte signature");
        vm.prank(relayer);
        reg.execute(address(w), data, nonce, deadline, sig);
    }

    function test_ERC1271Wallet_ActsAsStandaloneRoot() public {
        MockMultisigWallet w = new MockMultisigWallet(vm.addr(0xAA01), vm.addr(0xAA02));
        _walletRelay(w, abi.encodeCall(reg.registerRoot, (PRIVATE)));
        assertEq(uint256(reg.getRoot(address(w)).kind), uint256(ITrustRegistry.RootKind.Standalone), "wallet is a root");
        vm.prank(realm);
        reg.requestRealmCA(address(w));
        _walletRelay(w, abi.encodeCall(reg.acceptRealm, (realm)));
        _nextBlock();
        _walletRelay(w, abi.encodeCall(reg.authorize, (realm, delegate, 0, 0)));
        assertStatus(address(w), realm, delegate, ITrustRegistry.AuthorizationStatus.Valid, "wallet-issued");
        // The wallet can also act directly (msg.sender = wallet), e.g. from a Safe transaction.
        vm.prank(vm.addr(0xAA01));
        w.exec(address(reg), abi.encodeCall(reg.revoke, (realm, delegate)));
        assertStatus(address(w), realm, delegate, ITrustRegistry.AuthorizationStatus.Revoked, "direct");
        assertEq(reg.nonces(address(w)), 3, "wallet nonces");
    }

    function test_RevertWhen_ERC1271WalletSignatureWrong() public {
        MockMultisigWallet w = new MockMultisigWallet(vm.addr(0xAA01), vm.addr(0xAA02));
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp + 60;
        bytes memory err = abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, address(w));
        // Owners in the wrong order.
        vm.expectRevert(err);
        reg.execute(address(w), data, 0, deadline, _walletSig(w, 0xAA02, 0xAA01, data, 0, deadline));
        // One signature by an outsider.
        vm.expectRevert(err);
        reg.execute(address(w), data, 0, deadline, _walletSig(w, 0xAA01, STRANGER_PK, data, 0, deadline));
        // A single owner's 65-byte signature.
        bytes32 digest = _relayDigest(address(w), data, 0, deadline);
        vm.expectRevert(err);
        reg.execute(address(w), data, 0, deadline, _sig(0xAA01, digest));
        // Both owners, but over another nonce.
        vm.expectRevert(err);
        reg.execute(address(w), data, 0, deadline, _walletSig(w, 0xAA01, 0xAA02, data, 1, deadline));
        assertEq(reg.nonces(address(w)), 0, "no nonce used");
    }

    // ------------------------------------------------------------------ fuzz: signatures

    /// @dev Any key can act through a relayer, and acts as itself.
    function testFuzz_AnyKeySignsRelayedCall(uint256 pk, uint8 policy) public {
        pk = bound(pk, 1, SECP256K1_N - 1);
        ITrustRegistry.AdmissionPolicy p = ITrustRegistry.AdmissionPolicy(policy % 3);
        address actor = vm.addr(pk);
        vm.assume(actor.code.length == 0);
        _relay(pk, abi.encodeCall(reg.registerRoot, (p)));
        assertEq(uint256(reg.getRoot(actor).kind), uint256(ITrustRegistry.RootKind.Standalone), "registered");
        assertEq(uint256(reg.getRoot(actor).policy), uint256(p), "policy");
        assertEq(reg.nonces(actor), 1, "nonce");
    }

    /// @dev Random bytes never verify as anyone's signature.
    function testFuzz_RandomSignatureNeverVerifies(address actor, bytes calldata sig, uint256 deadline) public {
        vm.assume(actor.code.length == 0 && actor != address(0));
        deadline = bound(deadline, block.timestamp, type(uint256).max);
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, actor));
        reg.execute(actor, data, 0, deadline, sig);
    }

    /// @dev A valid signature by another key never verifies for `actor`.
    function testFuzz_WrongKeyNeverVerifies(uint256 pk, uint256 otherPk) public {
        pk = bound(pk, 1, SECP256K1_N - 1);
        otherPk = bound(otherPk, 1, SECP256K1_N - 1);
        vm.assume(pk != otherPk);
        address actor = vm.addr(pk);
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp;
        bytes memory sig = _sig(otherPk, _relayDigest(actor, data, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ITrustRegistry.RelayedActorInvalidSignature.selector, actor));
        reg.execute(actor, data, 0, deadline, sig);
    }

    /// @dev Any nonce other than the next one is rejected with the current one.
    function testFuzz_OnlyTheNextNonce(uint256 nonce) public {
        vm.assume(uint64(nonce) != 0); // (key, 0) is the next nonce of every key
        bytes memory data = abi.encodeCall(reg.registerRoot, (OPEN));
        uint256 deadline = block.timestamp;
        bytes memory sig = _sig(ROOT_PK, _relayDigest(root, data, nonce, deadline));
        uint192 key = uint192(nonce >> 64);
        uint256 current = uint256(key) << 64;
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, root, current));
        reg.execute(root, data, nonce, deadline, sig);
    }
}

/// @dev A second deployment of the same code (another verifyingContract).
import {TrustRegistry} from "../src/TrustRegistry.sol";

contract TrustRegistryClone is TrustRegistry {}
