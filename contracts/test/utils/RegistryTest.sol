// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, Vm} from "./Test.sol";
import {TrustRegistry} from "../../src/TrustRegistry.sol";
import {ITrustRegistry} from "../../src/ITrustRegistry.sol";

/// @notice WMP capability bits as written in the spec text (recomputed here, not imported).
library Caps {
    uint64 internal constant ROOT_CA = 1;
    uint64 internal constant INTERMEDIATE_CA = 2;
    uint64 internal constant PUBLIC_RELAY = 4;
    uint64 internal constant PRIVATE_RELAY = 8;
    uint64 internal constant GATEWAY = 16;
    uint64 internal constant EXCHANGE = 32;
    uint64 internal constant PROVIDER = 64;
    uint64 internal constant CONSUMER = 128;
}

/// @notice Decodes the root-level events (those carrying a per-root sequence number).
library RootEvents {
    /// @return isRootEvent Whether `log` is a root event of `registry`.
    /// @return root The root whose sequence the event carries.
    /// @return sequence The sequence number.
    function decode(Vm.Log memory log, address registry)
        internal
        pure
        returns (bool isRootEvent, address root, uint64 sequence)
    {
        if (log.emitter != registry || log.topics.length == 0) return (false, address(0), 0);
        bytes32 t = log.topics[0];
        if (t == ITrustRegistry.RootRegistered.selector) {
            (,, sequence) = abi.decode(log.data, (uint8, uint8, uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.RootMembersChanged.selector) {
            (,,, sequence) = abi.decode(log.data, (address[], uint8, uint32, uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.RootPolicyChanged.selector) {
            (, sequence) = abi.decode(log.data, (uint8, uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.RootRetired.selector) {
            sequence = abi.decode(log.data, (uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.RootEpochBumped.selector) {
            (,, sequence) = abi.decode(log.data, (uint32, uint48, uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.RealmCARequested.selector || t == ITrustRegistry.RealmCARequestCancelled.selector) {
            sequence = abi.decode(log.data, (uint64));
            return (true, address(uint160(uint256(log.topics[2]))), sequence);
        }
        if (t == ITrustRegistry.RealmCASet.selector) {
            // realm, root and previousRoot are indexed; only the sequence is in the data.
            sequence = abi.decode(log.data, (uint64));
            return (true, address(uint160(uint256(log.topics[2]))), sequence);
        }
        if (t == ITrustRegistry.AdmissionRequested.selector || t == ITrustRegistry.OperatorAdmitted.selector) {
            (, sequence) = abi.decode(log.data, (uint64, uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        if (t == ITrustRegistry.OperatorRemoved.selector) {
            sequence = abi.decode(log.data, (uint64));
            return (true, address(uint160(uint256(log.topics[1]))), sequence);
        }
        return (false, address(0), 0);
    }
}

/// @notice Common fixture: a fresh registry, named keys and helpers for relayed calls and shared roots.
abstract contract RegistryTest is Test {
    TrustRegistry internal reg;

    uint256 internal constant ROOT_PK = 0xA11CE;
    uint256 internal constant ROOT2_PK = 0xB0B;
    uint256 internal constant REALM_PK = 0xC0FFEE;
    uint256 internal constant OPERATOR_PK = 0xD00D;
    uint256 internal constant DELEGATE_PK = 0xE1E1;
    uint256 internal constant STRANGER_PK = 0xBAD;
    uint256 internal constant RELAYER_PK = 0x5E1A7;

    address internal root;
    address internal root2;
    address internal realm;
    address internal operator;
    address internal delegate;
    address internal stranger;
    address internal relayer;

    uint256 internal constant T0 = 1_700_000_000;
    uint256 internal constant B0 = 1_000;

    bytes32 internal constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant RELAYED_CALL_TYPEHASH =
        keccak256("RelayedCall(address actor,bytes data,uint256 nonce,uint256 deadline)");

    ITrustRegistry.AdmissionPolicy internal constant OPEN = ITrustRegistry.AdmissionPolicy.Open;
    ITrustRegistry.AdmissionPolicy internal constant PERMISSIONED = ITrustRegistry.AdmissionPolicy.Permissioned;
    ITrustRegistry.AdmissionPolicy internal constant PRIVATE = ITrustRegistry.AdmissionPolicy.Private;

    function setUp() public virtual {
        vm.warp(T0);
        vm.roll(B0);
        reg = new TrustRegistry();
        root = vm.addr(ROOT_PK);
        root2 = vm.addr(ROOT2_PK);
        realm = vm.addr(REALM_PK);
        operator = vm.addr(OPERATOR_PK);
        delegate = vm.addr(DELEGATE_PK);
        stranger = vm.addr(STRANGER_PK);
        relayer = vm.addr(RELAYER_PK);
    }

    // ------------------------------------------------------------------ chain helpers

    function _nextBlock() internal {
        vm.roll(block.number + 1);
        vm.warp(block.timestamp + 12);
    }

    // ------------------------------------------------------------------ registry fixtures

    function _registerRoot(address who, ITrustRegistry.AdmissionPolicy policy) internal {
        vm.prank(who);
        reg.registerRoot(policy);
    }

    /// @dev `realmAddr` requests `rootAddr` and it accepts (two steps, or one when realm == root).
    function _setRealm(address realmAddr, address rootAddr) internal {
        vm.prank(realmAddr);
        reg.requestRealmCA(rootAddr);
        if (realmAddr != rootAddr) {
            vm.prank(rootAddr);
            reg.acceptRealm(realmAddr);
        }
    }

    /// @dev Standalone `root` (policy) with `realm` under it, then one block later.
    function _rootWithRealm(ITrustRegistry.AdmissionPolicy policy) internal {
        _registerRoot(root, policy);
        _setRealm(realm, root);
        _nextBlock();
    }

    /// @dev Admits `operator` into `realm` by the realm's root (Private/Open policies: root alone suffices).
    function _admit(address op, uint64 caps) internal {
        vm.prank(root);
        reg.admitOperator(realm, op, caps);
    }

    function _status(address issuer, address realmAddr, address del)
        internal
        view
        returns (ITrustRegistry.AuthorizationStatus s)
    {
        (s,,,) = reg.authorizationStatus(issuer, realmAddr, del);
    }

    function assertStatus(
        address issuer,
        address realmAddr,
        address del,
        ITrustRegistry.AuthorizationStatus want,
        string memory why
    ) internal view {
        ITrustRegistry.AuthorizationStatus got = _status(issuer, realmAddr, del);
        assertEq(uint256(got), uint256(want), why);
        assertEq(reg.isAuthorized(issuer, realmAddr, del), want == ITrustRegistry.AuthorizationStatus.Valid, why);
    }

    function _seq(address r) internal view returns (uint64) {
        return reg.getRoot(r).sequence;
    }

    // ------------------------------------------------------------------ EIP712 (recomputed independently)

    function _domainSeparator() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                EIP712_DOMAIN_TYPEHASH,
                keccak256(bytes("WAMP-E2EE TrustRegistry")),
                keccak256(bytes("1")),
                block.chainid,
                address(reg)
            )
        );
    }

    function _relayDigest(address actor, bytes memory data, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(RELAYED_CALL_TYPEHASH, actor, keccak256(data), nonce, deadline));
        return keccak256(abi.encodePacked(hex"1901", _domainSeparator(), structHash));
    }

    function _sig(uint256 pk, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev Signs `data` as vm.addr(pk) with its next key-0 nonce and runs it from the relayer.
    function _relay(uint256 pk, bytes memory data) internal returns (bytes memory) {
        address actor = vm.addr(pk);
        uint256 nonce = reg.nonces(actor);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = _sig(pk, _relayDigest(actor, data, nonce, deadline));
        vm.prank(relayer);
        return reg.execute(actor, data, nonce, deadline, sig);
    }

    // ------------------------------------------------------------------ shared roots

    /// @dev `n` member keys 0x1000+offset+i and their addresses.
    function _memberKeys(uint256 n, uint256 offset)
        internal
        pure
        returns (uint256[] memory pks, address[] memory addrs)
    {
        pks = new uint256[](n);
        addrs = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            pks[i] = 0x1000 + offset + i;
            addrs[i] = vm.addr(pks[i]);
        }
    }

    function _registerShared(
        address registrar,
        bytes32 salt,
        address[] memory members,
        uint8 threshold,
        ITrustRegistry.AdmissionPolicy policy
    ) internal returns (address shared) {
        vm.prank(registrar);
        shared = reg.registerSharedRoot(salt, members, threshold, policy);
    }

    /// @dev The first `count` of `members` approve `data` for `shared`; returns whether the last one executed.
    function _approveBy(address shared, bytes memory data, address[] memory members, uint256 count)
        internal
        returns (bool executed)
    {
        for (uint256 i = 0; i < count; ++i) {
            vm.prank(members[i]);
            executed = reg.approveRootAction(shared, data);
        }
    }
}
