// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "./Test.sol";
import {RootEvents} from "./RegistryTest.sol";
import {TrustRegistry} from "../../src/TrustRegistry.sol";
import {ITrustRegistry} from "../../src/ITrustRegistry.sol";

/**
 * @notice Invariant handler: drives the registry with random roots, realms, admissions,
 * authorizations, revocations, epochs, retirements, shared-root approvals and relayed calls, and
 * keeps ghost state that is computed independently of the registry's own bookkeeping.
 * Every registry call is a low-level call so that rejected inputs are simply skipped.
 */
contract RegistryHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    TrustRegistry public immutable reg;

    // ------------------------------------------------------------------ cast

    uint256 internal constant N_ISSUERS = 6; // 0..2 standalone roots, 3 shared root, 4..5 operators
    uint256 internal constant N_OPS = 2;
    uint256 internal constant N_REALMS = 2;
    uint256 internal constant SHARED = 3;
    address[N_ISSUERS] public issuers;
    uint256[N_ISSUERS] internal issuerPks; // 0 for the shared root
    address[N_REALMS] public realms;
    uint256[N_REALMS] internal realmPks;
    address[2] public delegates;
    address[5] public pool; // shared-root member candidates
    uint256[5] internal poolPks;
    address public shared;
    address internal relayer;

    // ------------------------------------------------------------------ ghost: authorizations

    uint8 public constant REVOKED = 1;
    uint8 public constant EPOCH = 2;
    uint8 public constant ISSUER_ALL = 4;
    uint8 public constant RETIRED = 8;
    uint8 public constant REMOVED = 16;
    uint8 public constant MOVED = 32;

    struct Tuple {
        address issuer;
        address realm;
        address delegate;
        uint8 killed; // reasons the current authorization must not be Valid
    }

    Tuple[] internal _tuples;
    mapping(bytes32 => uint256) internal _tupleIndex; // index + 1
    mapping(address realm => address root) public ghostRealmRoot;
    /// @dev The root each realm has a live (not accepted, cancelled or superseded) request for.
    mapping(address realm => address root) public ghostPending;
    /// @dev A root accepted a realm without a live request for it, or a cancel removed nothing.
    bool public realmRequestViolation;
    string public realmRequestWhy;

    // ------------------------------------------------------------------ ghost: shared root

    uint256 public memberMask; // bit i: pool[i] is a member
    uint8 public ghostThreshold;
    uint32 public ghostConfig;
    mapping(bytes32 => uint256) internal _ghostApprovals; // (config, data) => pool bitmap
    bool public thresholdViolation;
    string public thresholdWhy;
    uint256 public sharedExecutions;
    uint256 public sharedApprovals;

    // ------------------------------------------------------------------ ghost: nonces

    struct Relayed {
        address actor;
        bytes data;
        uint256 nonce;
        uint256 deadline;
        bytes sig;
    }

    Relayed[] internal _relayed;
    mapping(address => mapping(uint192 => uint64)) public ghostNonce;
    bool public replaySucceeded;
    bool public ghostMismatch;
    bool public nonceDecreased;
    uint256 public relayedCalls;
    uint256 public replayAttempts;

    // ------------------------------------------------------------------ ghost: sequences

    mapping(address => uint64) public ghostSeq;
    address[] internal _knownRoots;
    mapping(address => bool) internal _known;
    bool public seqViolation;
    uint256 public rootEvents;

    // ------------------------------------------------------------------ call counters

    mapping(bytes32 => uint256) public calls;
    uint256 public epochRolls; // blocks rolled to avoid a same-block (no-op) epoch bump

    constructor(TrustRegistry registry) {
        reg = registry;
        for (uint256 i = 0; i < 3; ++i) {
            issuerPks[i] = 0x100 + i;
        }
        for (uint256 i = 0; i < N_OPS; ++i) {
            issuerPks[4 + i] = 0x400 + i;
        }
        for (uint256 i = 0; i < N_REALMS; ++i) {
            realmPks[i] = 0x300 + i;
            realms[i] = vm.addr(realmPks[i]);
        }
        for (uint256 i = 0; i < N_ISSUERS; ++i) {
            if (i != SHARED) issuers[i] = vm.addr(issuerPks[i]);
        }
        delegates[0] = vm.addr(0x500);
        delegates[1] = vm.addr(0x501);
        for (uint256 i = 0; i < 5; ++i) {
            poolPks[i] = 0x200 + i;
            pool[i] = vm.addr(poolPks[i]);
        }
        relayer = vm.addr(0x999);
        // The shared root: pool[0..2], threshold 2.
        address[] memory m = new address[](3);
        m[0] = pool[0];
        m[1] = pool[1];
        m[2] = pool[2];
        (bool ok, bytes memory ret) = _call(
            relayer,
            abi.encodeCall(reg.registerSharedRoot, (bytes32("shared"), m, 2, ITrustRegistry.AdmissionPolicy.Open))
        );
        require(ok, "shared root");
        shared = abi.decode(ret, (address));
        issuers[SHARED] = shared;
        (ok,) = _call(issuers[0], abi.encodeCall(reg.registerRoot, (ITrustRegistry.AdmissionPolicy.Private)));
        require(ok, "root 0");
        (ok,) = _call(issuers[1], abi.encodeCall(reg.registerRoot, (ITrustRegistry.AdmissionPolicy.Permissioned)));
        require(ok, "root 1");
        memberMask = 0x7;
        ghostThreshold = 2;
        ghostConfig = 1;
    }

    // ================================================================== actions

    function registerRoot(uint256 i, uint8 policy, uint256 mode) external {
        i = i % 3;
        bytes memory data = abi.encodeCall(reg.registerRoot, (ITrustRegistry.AdmissionPolicy(policy % 3)));
        if (_actAs(issuers[i], issuerPks[i], data, mode)) calls["registerRoot"]++;
    }

    function setPolicy(uint256 i, uint8 policy, uint256 mode) external {
        i = i % 4;
        _actAs(
            issuers[i], issuerPks[i], abi.encodeCall(reg.setPolicy, (ITrustRegistry.AdmissionPolicy(policy % 3))), mode
        );
    }

    /// @dev The realm asks a root and the root accepts; the next action happens in a later block.
    function setRealm(uint256 r, uint256 i, uint256 mode) external {
        r = r % N_REALMS;
        i = i % 4;
        address realm = realms[r];
        address root = issuers[i];
        if (ghostRealmRoot[realm] == root) return;
        if (reg.pendingRealmCA(realm) != root) {
            if (!_actAs(realm, realmPks[r], abi.encodeCall(reg.requestRealmCA, (root)), mode)) return;
            ghostPending[realm] = root;
        }
        if (_actAs(root, issuerPks[i], abi.encodeCall(reg.acceptRealm, (realm)), mode >> 2)) {
            _onRealmSet(realm, root);
            calls["setRealm"]++;
            vm.roll(block.number + 1);
        }
    }

    /// @dev The realm asks a root and leaves the request pending (to be accepted, cancelled,
    /// superseded or made stale later).
    function requestRealm(uint256 r, uint256 i, uint256 mode) external {
        r = r % N_REALMS;
        i = i % 4;
        if (_actAs(realms[r], realmPks[r], abi.encodeCall(reg.requestRealmCA, (issuers[i])), mode)) {
            ghostPending[realms[r]] = issuers[i];
            calls["requestRealm"]++;
        }
    }

    /// @dev A root tries to accept a realm, requested or not: it must succeed only for a live request.
    function acceptRealm(uint256 r, uint256 i, uint256 mode) external {
        r = r % N_REALMS;
        i = i % 4;
        address realm = realms[r];
        address root = issuers[i];
        if (_actAs(root, issuerPks[i], abi.encodeCall(reg.acceptRealm, (realm)), mode)) {
            if (ghostPending[realm] != root) _realmRequestFail("accepted without a live request");
            _onRealmSet(realm, root);
            calls["acceptRealm"]++;
            vm.roll(block.number + 1);
        }
    }

    /// @dev The realm withdraws its pending request.
    function cancelRealmRequest(uint256 r, uint256 mode) external {
        r = r % N_REALMS;
        address realm = realms[r];
        if (_actAs(realm, realmPks[r], abi.encodeCall(reg.cancelRealmCARequest, ()), mode)) {
            if (ghostPending[realm] == address(0)) _realmRequestFail("cancelled no request");
            ghostPending[realm] = address(0);
            calls["cancelRealmRequest"]++;
        }
    }

    /// @dev The realm registers itself as a root (if it is not one yet) and becomes its own Realm-CA
    /// in one step, which must drop a pending request to another root.
    function selfRealm(uint256 r, uint8 policy, uint256 mode) external {
        r = r % N_REALMS;
        address realm = realms[r];
        if (reg.getRoot(realm).kind == ITrustRegistry.RootKind.None) {
            bytes memory data = abi.encodeCall(reg.registerRoot, (ITrustRegistry.AdmissionPolicy(policy % 3)));
            if (!_actAs(realm, realmPks[r], data, mode)) return;
        }
        if (_actAs(realm, realmPks[r], abi.encodeCall(reg.requestRealmCA, (realm)), mode >> 2)) {
            _onRealmSet(realm, realm);
            calls["selfRealm"]++;
            vm.roll(block.number + 1);
        }
    }

    function admit(uint256 r, uint256 o, uint64 caps, uint256 mode) external {
        r = r % N_REALMS;
        o = 4 + (o % N_OPS);
        address realm = realms[r];
        address root = ghostRealmRoot[realm];
        if (root == address(0) || root == realm) return; // a self-rooted realm does not admit here
        // Mostly with INTERMEDIATE_CA so that operators can issue.
        caps = (caps & 0xfe) | (caps % 4 == 0 ? 0 : 2);
        if (caps == 0) caps = 2;
        ITrustRegistry.AdmissionPolicy policy = reg.getRoot(root).policy;
        address op = issuers[o];
        if (policy != ITrustRegistry.AdmissionPolicy.Private) {
            bool ok = _actAs(op, issuerPks[o], abi.encodeCall(reg.requestAdmission, (realm, caps)), mode);
            if (policy == ITrustRegistry.AdmissionPolicy.Open) {
                if (ok) calls["admit"]++;
                return;
            }
        }
        uint256 ri = _issuerIndex(root);
        if (_actAs(root, issuerPks[ri], abi.encodeCall(reg.admitOperator, (realm, op, caps)), mode >> 2)) {
            calls["admit"]++;
        }
    }

    function removeOperator(uint256 r, uint256 o, bool byRoot, uint256 mode) external {
        r = r % N_REALMS;
        o = 4 + (o % N_OPS);
        address realm = realms[r];
        address root = ghostRealmRoot[realm];
        uint256 who = byRoot && root != address(0) && root != realm ? _issuerIndex(root) : o;
        if (_actAs(issuers[who], issuerPks[who], abi.encodeCall(reg.removeOperator, (realm, issuers[o])), mode)) {
            _mark(issuers[o], realm, REMOVED);
            calls["removeOperator"]++;
        }
    }

    /// @dev Half of the authorizations come from operators, half from the four roots.
    function authorize(uint256 i, uint256 r, uint256 d, uint48 from, uint48 len, uint256 mode) external {
        i = i % 2 == 0 ? 4 + (i / 2) % N_OPS : (i / 2) % 4;
        address realm = realms[r % N_REALMS];
        address del = delegates[d % 2];
        // Mostly valid now: a future start one time in four, no expiry one time in two.
        uint48 validFrom =
            from % 4 == 0 ? uint48(block.timestamp + (from % 600)) : uint48(block.timestamp - (from % 600));
        uint48 validUntil = len % 2 == 0 ? 0 : validFrom + 1 + (len % 7200);
        bytes memory data = abi.encodeCall(reg.authorize, (realm, del, validFrom, validUntil));
        if (_actAs(issuers[i], issuerPks[i], data, mode)) {
            _onAuthorize(issuers[i], realm, del);
            calls["authorize"]++;
        }
    }

    function revoke(uint256 i, uint256 r, uint256 d, uint256 mode) external {
        i = i % N_ISSUERS;
        address realm = realms[r % N_REALMS];
        address del = delegates[d % 2];
        if (_actAs(issuers[i], issuerPks[i], abi.encodeCall(reg.revoke, (realm, del)), mode)) {
            uint256 idx = _tupleIndex[_key(issuers[i], realm, del)];
            if (idx == 0) ghostMismatch = true; // revoked an authorization the ghost never saw
            else _tuples[idx - 1].killed |= REVOKED;
            calls["revoke"]++;
        }
    }

    function revokeAllDelegates(uint256 o, uint256 r, uint256 mode) external {
        o = 4 + (o % N_OPS);
        address realm = realms[r % N_REALMS];
        if (_actAs(issuers[o], issuerPks[o], abi.encodeCall(reg.revokeAllDelegates, (realm)), mode)) {
            _mark(issuers[o], realm, ISSUER_ALL);
            calls["revokeAll"]++;
        }
    }

    function bumpEpoch(uint256 i, uint256 mode) external {
        i = i % 4;
        _rollIfEpochBumpedThisBlock(issuers[i]);
        if (_actAs(issuers[i], issuerPks[i], abi.encodeCall(reg.bumpEpoch, ()), mode)) {
            _markRoot(issuers[i], EPOCH);
            calls["bumpEpoch"]++;
        }
    }

    /// @dev Rare: retirement is final.
    function retire(uint256 i, uint256 seed) external {
        if (seed % 8 != 0) return;
        i = i % 3;
        if (_actAs(issuers[i], issuerPks[i], abi.encodeCall(reg.retire, ()), seed >> 3)) {
            _markRoot(issuers[i], RETIRED);
            calls["retire"]++;
        }
    }

    /// @dev One approval of one of a few shared-root actions by any pool key (members or not).
    function approveShared(uint256 p, uint256 action, uint256 mode) external {
        p = p % 5;
        action = action % 6;
        bytes memory data = _sharedAction(action);
        if (action == 0) _rollIfEpochBumpedThisBlock(shared);
        (bool ok, bool executed) = _sharedApprove(p, data, mode);
        if (ok && executed) _applySharedAction(action);
    }

    function advance(uint256 blocks, uint256 secs) external {
        vm.roll(block.number + 1 + (blocks % 4));
        vm.warp(block.timestamp + 1 + (secs % 3600));
    }

    /// @dev Re-submits an executed relayed call verbatim: it must never run again.
    function replay(uint256 i) external {
        if (_relayed.length == 0) return;
        Relayed storage c = _relayed[i % _relayed.length];
        replayAttempts++;
        (bool ok,) = _call(relayer, abi.encodeCall(reg.execute, (c.actor, c.data, c.nonce, c.deadline, c.sig)));
        if (ok) replaySucceeded = true;
    }

    /// @dev Cancels the next nonce of a key.
    function cancel(uint256 i, uint256 key) external {
        i = i % N_ISSUERS;
        if (i == SHARED) return;
        uint192 k = uint192(key % 3);
        address actor = issuers[i];
        uint256 before = reg.nonces(actor, k);
        (bool ok,) = _call(actor, abi.encodeCall(reg.useNonce, (k)));
        if (ok) {
            ghostNonce[actor][k]++;
            if (reg.nonces(actor, k) <= before) nonceDecreased = true;
            calls["cancel"]++;
        }
    }

    /// @dev A second epoch bump in one block is a TrustRegistryNoChange no-op: move to the next block so that the
    /// action still happens (counted in `epochRolls`).
    function _rollIfEpochBumpedThisBlock(address root) internal {
        if (reg.getRoot(root).epochBlock == block.number) {
            vm.roll(block.number + 1);
            epochRolls++;
        }
    }

    // ================================================================== views for the invariants

    /// @dev The first tracked authorization that is Valid although one of the `always` reasons, or one
    /// of the `unlessMoved` reasons without a realm move, says it must not be.
    function firstKilledButValid(uint8 always, uint8 unlessMoved)
        external
        view
        returns (bool found, uint256 index, uint8 killed)
    {
        for (uint256 i = 0; i < _tuples.length; ++i) {
            Tuple storage t = _tuples[i];
            uint8 k = t.killed;
            if (k & always == 0 && (k & unlessMoved == 0 || k & MOVED != 0)) continue;
            (ITrustRegistry.AuthorizationStatus s,,,) = reg.authorizationStatus(t.issuer, t.realm, t.delegate);
            if (s == ITrustRegistry.AuthorizationStatus.Valid) return (true, i, k);
        }
    }

    function tupleCount() external view returns (uint256) {
        return _tuples.length;
    }

    function tupleAt(uint256 i) external view returns (Tuple memory) {
        return _tuples[i];
    }

    function knownRoots() external view returns (address[] memory) {
        return _knownRoots;
    }

    function nonceActors() external view returns (address[] memory a) {
        a = new address[](N_ISSUERS - 1 + N_REALMS);
        uint256 n;
        for (uint256 i = 0; i < N_ISSUERS; ++i) {
            if (i != SHARED) a[n++] = issuers[i];
        }
        for (uint256 i = 0; i < N_REALMS; ++i) {
            a[n++] = realms[i];
        }
    }

    // ================================================================== plumbing

    /// @dev Acts as `who`: through the shared root's approvals, relayed (mode % 3 == 0, key
    /// (mode / 3) % 3) or directly.
    function _actAs(address who, uint256 pk, bytes memory data, uint256 mode) internal returns (bool ok) {
        if (who == shared) return _sharedCall(data, mode);
        if (mode % 3 == 0) return _relay(pk, data, uint192((mode / 3) % 3));
        (ok,) = _call(who, data);
    }

    function _call(address sender, bytes memory data) internal returns (bool ok, bytes memory ret) {
        vm.recordLogs();
        vm.prank(sender);
        (ok, ret) = address(reg).call(data);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (ok) _processLogs(logs);
    }

    function _relay(uint256 pk, bytes memory data, uint192 key) internal returns (bool ok) {
        (ok,) = _relayRet(pk, data, key);
    }

    /// @dev Relays `data` signed by `pk`; `ret` is the inner call's return data.
    function _relayRet(uint256 pk, bytes memory data, uint192 key) internal returns (bool ok, bytes memory ret) {
        address actor = vm.addr(pk);
        uint256 nonce = reg.nonces(actor, key);
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, reg.relayedCallDigest(actor, data, nonce, deadline));
        bytes memory sig = abi.encodePacked(r, s, v);
        (ok, ret) = _call(relayer, abi.encodeCall(reg.execute, (actor, data, nonce, deadline, sig)));
        if (ok) {
            ret = abi.decode(ret, (bytes));
            ghostNonce[actor][key]++;
            relayedCalls++;
            if (reg.nonces(actor, key) <= nonce) nonceDecreased = true;
            _relayed.push(Relayed(actor, data, nonce, deadline, sig));
        }
    }

    /// @dev Current members approve `data` one by one until it executes (or an approval fails).
    function _sharedCall(bytes memory data, uint256 mode) internal returns (bool) {
        for (uint256 p = 0; p < 5; ++p) {
            if (memberMask & (1 << p) == 0) continue;
            if (_ghostApprovals[_approvalKey(data)] & (1 << p) != 0) continue;
            (bool ok, bool executed) = _sharedApprove(p, data, mode);
            if (!ok) return false;
            if (executed) return true;
        }
        return false;
    }

    /// @dev One approval by pool[p], directly or relayed, checked against the ghost member set and threshold.
    function _sharedApprove(uint256 p, bytes memory data, uint256 mode) internal returns (bool ok, bool executed) {
        bytes memory call_ = abi.encodeCall(reg.approveRootAction, (shared, data));
        bytes memory ret;
        if (mode % 2 == 0) {
            (ok, ret) = _call(pool[p], call_);
        } else {
            (ok, ret) = _relayRet(poolPks[p], call_, 0);
        }
        if (!ok) return (false, false);
        bytes32 k = _approvalKey(data);
        uint256 bit = 1 << p;
        if (memberMask & bit == 0) _thresholdFail("a non-member's approval was accepted");
        if (_ghostApprovals[k] & bit != 0) _thresholdFail("a repeated approval was accepted");
        uint256 bm = _ghostApprovals[k] | bit;
        executed = abi.decode(ret, (bool));
        uint256 count = _popcount(bm);
        sharedApprovals++;
        if (executed) {
            if (count < ghostThreshold) _thresholdFail("executed with fewer than M approvals");
            delete _ghostApprovals[k];
            sharedExecutions++;
        } else {
            if (count >= ghostThreshold) _thresholdFail("M approvals did not execute");
            _ghostApprovals[k] = bm;
        }
    }

    function _realmRequestFail(string memory why) internal {
        realmRequestViolation = true;
        realmRequestWhy = why;
    }

    function _approvalKey(bytes memory data) internal view returns (bytes32) {
        return keccak256(abi.encode(ghostConfig, keccak256(data)));
    }

    function _thresholdFail(string memory why) internal {
        thresholdViolation = true;
        thresholdWhy = why;
    }

    function _sharedAction(uint256 a) internal view returns (bytes memory) {
        if (a == 0) return abi.encodeCall(reg.bumpEpoch, ());
        if (a == 1) return abi.encodeCall(reg.setPolicy, (ITrustRegistry.AdmissionPolicy.Open));
        if (a == 2) return abi.encodeCall(reg.setPolicy, (ITrustRegistry.AdmissionPolicy.Private));
        if (a == 5) return abi.encodeCall(reg.acceptRealm, (realms[0]));
        (address[] memory m, uint8 t) = _rotation(a);
        return abi.encodeCall(reg.setMembers, (m, t));
    }

    /// @dev Rotation 3: pool[2], pool[3], pool[4] with threshold 3. Rotation 4: pool[0], pool[1], pool[3] with 2.
    function _rotation(uint256 a) internal view returns (address[] memory m, uint8 t) {
        m = new address[](3);
        if (a == 3) {
            (m[0], m[1], m[2], t) = (pool[2], pool[3], pool[4], 3);
        } else {
            (m[0], m[1], m[2], t) = (pool[0], pool[1], pool[3], 2);
        }
    }

    function _applySharedAction(uint256 a) internal {
        if (a == 0) _markRoot(shared, EPOCH);
        if (a == 3) {
            memberMask = (1 << 2) | (1 << 3) | (1 << 4);
            ghostThreshold = 3;
            ghostConfig++;
        }
        if (a == 4) {
            memberMask = (1 << 0) | (1 << 1) | (1 << 3);
            ghostThreshold = 2;
            ghostConfig++;
        }
        if (a == 5) {
            if (ghostPending[realms[0]] != shared) _realmRequestFail("shared root accepted without a live request");
            _onRealmSet(realms[0], shared);
        }
    }

    function _processLogs(Vm.Log[] memory logs) internal {
        for (uint256 i = 0; i < logs.length; ++i) {
            (bool isRootEvent, address root, uint64 seq) = RootEvents.decode(logs[i], address(reg));
            if (!isRootEvent) continue;
            rootEvents++;
            if (!_known[root]) {
                _known[root] = true;
                _knownRoots.push(root);
            }
            if (seq != ghostSeq[root] + 1) seqViolation = true;
            ghostSeq[root] = seq;
        }
    }

    // ------------------------------------------------------------------ ghost bookkeeping

    function _key(address issuer, address realm, address del) internal pure returns (bytes32) {
        return keccak256(abi.encode(issuer, realm, del));
    }

    function _onAuthorize(address issuer, address realm, address del) internal {
        bytes32 k = _key(issuer, realm, del);
        uint256 idx = _tupleIndex[k];
        if (idx == 0) {
            _tuples.push(Tuple(issuer, realm, del, 0));
            _tupleIndex[k] = _tuples.length;
        } else {
            _tuples[idx - 1].killed = 0; // a fresh authorization
        }
    }

    function _mark(address issuer, address realm, uint8 reason) internal {
        for (uint256 i = 0; i < _tuples.length; ++i) {
            if (_tuples[i].issuer == issuer && _tuples[i].realm == realm) _tuples[i].killed |= reason;
        }
    }

    /// @dev Marks every authorization in the realms `root` is currently Realm-CA of.
    function _markRoot(address root, uint8 reason) internal {
        for (uint256 i = 0; i < _tuples.length; ++i) {
            if (ghostRealmRoot[_tuples[i].realm] == root) _tuples[i].killed |= reason;
        }
    }

    function _onRealmSet(address realm, address root) internal {
        ghostPending[realm] = address(0); // accepted, or cancelled by the Realm-CA change
        address previous = ghostRealmRoot[realm];
        if (previous != address(0) && previous != root) {
            for (uint256 i = 0; i < _tuples.length; ++i) {
                if (_tuples[i].realm == realm) _tuples[i].killed |= MOVED;
            }
        }
        ghostRealmRoot[realm] = root;
    }

    function _issuerIndex(address a) internal view returns (uint256) {
        for (uint256 i = 0; i < N_ISSUERS; ++i) {
            if (issuers[i] == a) return i;
        }
        revert("unknown issuer");
    }

    function _popcount(uint256 x) internal pure returns (uint256 c) {
        while (x != 0) {
            x &= x - 1;
            ++c;
        }
    }
}
