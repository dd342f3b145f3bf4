// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RegistryTest} from "./utils/RegistryTest.sol";
import {MockMultisigWallet} from "./utils/MockMultisigWallet.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";
import {WmpCertificates} from "../src/WmpCertificates.sol";

/// @notice WMP/1 certificates on-chain: typehashes, domain, digests and signer verification against
/// the public vectors in testdata/vectors/eip712-certificates.json, negative cases, revocation.
contract CertificatesTest is RegistryTest {
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    string internal constant DELEGATE_TYPE =
        "EIP712DelegateCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address delegate,bytes32 csPubKey,uint64 bootedAt,string meta)";
    string internal constant AUTHORITY_TYPE =
        "EIP712AuthorityCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address issuer,address subject,address realm,uint64 capabilities,string meta)";
    string internal constant DOMAIN_TYPE = "EIP712Domain(string name,string version)";

    string internal json;

    function setUp() public override {
        super.setUp();
        json = vm.readFile("testdata/vectors/eip712-certificates.json");
    }

    // ------------------------------------------------------------------ JSON helpers

    function _hex(string memory s) internal pure returns (bytes memory out) {
        bytes memory b = bytes(s);
        uint256 start = (b.length >= 2 && b[0] == "0" && (b[1] == "x" || b[1] == "X")) ? 2 : 0;
        require((b.length - start) % 2 == 0, "odd hex");
        out = new bytes((b.length - start) / 2);
        for (uint256 i = 0; i < out.length; ++i) {
            out[i] = bytes1(_nibble(b[start + 2 * i]) * 16 + _nibble(b[start + 2 * i + 1]));
        }
    }

    function _nibble(bytes1 c) internal pure returns (uint8) {
        uint8 x = uint8(c);
        if (x >= 48 && x <= 57) return x - 48;
        if (x >= 97 && x <= 102) return x - 87;
        if (x >= 65 && x <= 70) return x - 55;
        revert("bad hex");
    }

    function _hex32(string memory s) internal pure returns (bytes32 r) {
        bytes memory b = _hex(s);
        require(b.length == 32, "not 32 bytes");
        r = bytes32(b);
    }

    function _c(uint256 i, string memory key) internal pure returns (string memory) {
        return string.concat(".certificates[", vm.toString(i), "].", key);
    }

    function _m(uint256 i, string memory field) internal pure returns (string memory) {
        return _c(i, string.concat("typed_data_autobahn_form.message.", field));
    }

    function _count() internal view returns (uint256 n) {
        while (vm.keyExistsJson(json, string.concat(".certificates[", vm.toString(n), "]"))) ++n;
    }

    function _isDelegate(uint256 i) internal view returns (bool) {
        string memory t = vm.parseJsonString(json, _c(i, "typed_data_autobahn_form.primaryType"));
        return keccak256(bytes(t)) == keccak256("EIP712DelegateCertificate");
    }

    function _delegateCert(uint256 i) internal view returns (WmpCertificates.DelegateCertificate memory c) {
        c.chainId = vm.parseJsonUint(json, _m(i, "chainId"));
        c.verifyingContract = vm.parseJsonAddress(json, _m(i, "verifyingContract"));
        c.validFrom = vm.parseJsonUint(json, _m(i, "validFrom"));
        c.delegate = vm.parseJsonAddress(json, _m(i, "delegate"));
        c.csPubKey = _hex32(vm.parseJsonString(json, _m(i, "csPubKey")));
        c.bootedAt = uint64(vm.parseJsonUint(json, _m(i, "bootedAt")));
        c.meta = vm.parseJsonString(json, _m(i, "meta"));
    }

    function _authorityCert(uint256 i) internal view returns (WmpCertificates.AuthorityCertificate memory c) {
        c.chainId = vm.parseJsonUint(json, _m(i, "chainId"));
        c.verifyingContract = vm.parseJsonAddress(json, _m(i, "verifyingContract"));
        c.validFrom = vm.parseJsonUint(json, _m(i, "validFrom"));
        c.issuer = vm.parseJsonAddress(json, _m(i, "issuer"));
        c.subject = vm.parseJsonAddress(json, _m(i, "subject"));
        c.realm = vm.parseJsonAddress(json, _m(i, "realm"));
        c.capabilities = uint64(vm.parseJsonUint(json, _m(i, "capabilities")));
        c.meta = vm.parseJsonString(json, _m(i, "meta"));
    }

    function _signature(uint256 i) internal view returns (bytes memory) {
        return _hex(vm.parseJsonString(json, _c(i, "signature_hex")));
    }

    // ------------------------------------------------------------------ independent hashing

    function _structHash(WmpCertificates.DelegateCertificate memory c) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256(bytes(DELEGATE_TYPE)),
                c.chainId,
                c.verifyingContract,
                c.validFrom,
                c.delegate,
                c.csPubKey,
                c.bootedAt,
                keccak256(bytes(c.meta))
            )
        );
    }

    function _structHash(WmpCertificates.AuthorityCertificate memory c) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256(bytes(AUTHORITY_TYPE)),
                c.chainId,
                c.verifyingContract,
                c.validFrom,
                c.issuer,
                c.subject,
                c.realm,
                c.capabilities,
                keccak256(bytes(c.meta))
            )
        );
    }

    function _wmpDomain() internal pure returns (bytes32) {
        return keccak256(abi.encode(keccak256(bytes(DOMAIN_TYPE)), keccak256("WMP"), keccak256("1")));
    }

    function _digest(bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", _wmpDomain(), structHash));
    }

    // ------------------------------------------------------------------ constants

    function test_Typehashes() public view {
        assertEq(reg.DELEGATE_CERTIFICATE_TYPEHASH(), keccak256(bytes(DELEGATE_TYPE)), "delegate typehash");
        assertEq(reg.AUTHORITY_CERTIFICATE_TYPEHASH(), keccak256(bytes(AUTHORITY_TYPE)), "authority typehash");
        assertEq(reg.WMP_DOMAIN_TYPEHASH(), keccak256(bytes(DOMAIN_TYPE)), "domain typehash");
        // The same strings and hashes as the vectors.
        assertEq(vm.parseJsonString(json, ".constants.EIP712DelegateCertificate.type"), DELEGATE_TYPE, "vector type");
        assertEq(vm.parseJsonString(json, ".constants.EIP712AuthorityCertificate.type"), AUTHORITY_TYPE, "vector type");
        assertEq(vm.parseJsonString(json, ".constants.domain.EIP712Domain_type"), DOMAIN_TYPE, "vector type");
        assertEq(
            reg.DELEGATE_CERTIFICATE_TYPEHASH(),
            _hex32(vm.parseJsonString(json, ".constants.EIP712DelegateCertificate.typeHash")),
            "vector delegate typehash"
        );
        assertEq(
            reg.AUTHORITY_CERTIFICATE_TYPEHASH(),
            _hex32(vm.parseJsonString(json, ".constants.EIP712AuthorityCertificate.typeHash")),
            "vector authority typehash"
        );
        assertEq(
            reg.WMP_DOMAIN_TYPEHASH(),
            _hex32(vm.parseJsonString(json, ".constants.domain.EIP712Domain_typeHash")),
            "vector domain typehash"
        );
    }

    function test_DomainSeparator() public view {
        assertEq(reg.WMP_DOMAIN_SEPARATOR(), _wmpDomain(), "recomputed");
        assertEq(
            reg.WMP_DOMAIN_SEPARATOR(), _hex32(vm.parseJsonString(json, ".constants.domain.domainSeparator")), "vector"
        );
        // Independent of the chain and of the registry's own (relayed-call) domain.
        assertNotEq(reg.WMP_DOMAIN_SEPARATOR(), _domainSeparator(), "not the registry domain");
    }

    function test_VectorKeys() public view {
        for (uint256 k = 0; k < 5; ++k) {
            string memory base = string.concat(".keys[", vm.toString(k), "].");
            uint256 pk = uint256(_hex32(vm.parseJsonString(json, string.concat(base, "privkey"))));
            assertEq(vm.addr(pk), vm.parseJsonAddress(json, string.concat(base, "address")), "key derivation");
        }
    }

    // ------------------------------------------------------------------ every vector

    function test_Vectors_DigestsAndSignatures() public view {
        uint256 n = _count();
        assertEq(n, 9, "nine certificates in the vectors");
        uint256 delegates;
        for (uint256 i = 0; i < n; ++i) {
            string memory name = vm.parseJsonString(json, _c(i, "name"));
            bytes32 wantDigest = _hex32(vm.parseJsonString(json, _c(i, "eip712.digest")));
            bytes32 wantStruct = _hex32(vm.parseJsonString(json, _c(i, "eip712.structHash")));
            address signer = vm.parseJsonAddress(json, _c(i, "expected_signer_address"));
            bytes memory sig = _signature(i);
            assertEq(sig.length, 65, name);
            if (_isDelegate(i)) {
                ++delegates;
                WmpCertificates.DelegateCertificate memory c = _delegateCert(i);
                assertEq(_structHash(c), wantStruct, string.concat(name, ": struct hash"));
                assertEq(_digest(_structHash(c)), wantDigest, string.concat(name, ": recomputed digest"));
                assertEq(reg.delegateCertificateDigest(c), wantDigest, string.concat(name, ": digest"));
                assertEq(c.delegate, signer, string.concat(name, ": self-signed"));
                assertTrue(reg.verifyDelegateCertificate(c, sig), string.concat(name, ": verifies"));
            } else {
                WmpCertificates.AuthorityCertificate memory c = _authorityCert(i);
                assertEq(_structHash(c), wantStruct, string.concat(name, ": struct hash"));
                assertEq(_digest(_structHash(c)), wantDigest, string.concat(name, ": recomputed digest"));
                assertEq(reg.authorityCertificateDigest(c), wantDigest, string.concat(name, ": digest"));
                assertEq(c.issuer, signer, string.concat(name, ": issuer signs"));
                assertTrue(reg.verifyAuthorityCertificate(c, sig), string.concat(name, ": verifies"));
            }
        }
        assertEq(delegates, 3, "three delegate certificates");
    }

    function test_Vector_BootedAtAbove2Pow53() public view {
        WmpCertificates.DelegateCertificate memory c = _delegateCert(0);
        assertEq(c.bootedAt, 1658765756680628959, "exact uint64, never through float64");
        assertGt(c.bootedAt, 2 ** 53, "above 2^53");
    }

    // ------------------------------------------------------------------ negative cases

    function _highS(bytes memory sig) internal pure returns (bytes memory) {
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(sig, 0x20))
            s := mload(add(sig, 0x40))
            v := byte(0, mload(add(sig, 0x60)))
        }
        return abi.encodePacked(r, bytes32(SECP256K1_N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
    }

    function _withV(bytes memory sig, uint8 v) internal pure returns (bytes memory out) {
        out = bytes.concat(sig);
        out[64] = bytes1(v);
    }

    function test_Delegate_Negative() public view {
        for (uint256 i = 0; i < _count(); ++i) {
            if (!_isDelegate(i)) continue;
            WmpCertificates.DelegateCertificate memory c = _delegateCert(i);
            bytes memory sig = _signature(i);
            assertFalse(reg.verifyDelegateCertificate(c, _highS(sig)), "high s");
            assertFalse(reg.verifyDelegateCertificate(c, _withV(sig, uint8(sig[64]) - 27)), "v in {0,1}");
            assertFalse(reg.verifyDelegateCertificate(c, _withV(sig, 29)), "v = 29");
            bytes memory flipped = bytes.concat(sig);
            flipped[10] = bytes1(uint8(flipped[10]) ^ 0x01);
            assertFalse(reg.verifyDelegateCertificate(c, flipped), "flipped byte");
            bytes memory truncated = new bytes(64);
            for (uint256 k = 0; k < 64; ++k) {
                truncated[k] = sig[k];
            }
            assertFalse(reg.verifyDelegateCertificate(c, truncated), "64 bytes");

            WmpCertificates.DelegateCertificate memory m = _delegateCert(i);
            m.chainId = 5;
            assertFalse(reg.verifyDelegateCertificate(m, sig), "chainId 5");
            m = _delegateCert(i);
            m.csPubKey = bytes32(uint256(c.csPubKey) ^ 1);
            assertFalse(reg.verifyDelegateCertificate(m, sig), "another csPubKey");
            m = _delegateCert(i);
            m.bootedAt = c.bootedAt + 1;
            assertFalse(reg.verifyDelegateCertificate(m, sig), "bootedAt");
            m = _delegateCert(i);
            m.meta = string.concat(c.meta, " ");
            assertFalse(reg.verifyDelegateCertificate(m, sig), "meta");
            m = _delegateCert(i);
            m.delegate = stranger;
            assertFalse(reg.verifyDelegateCertificate(m, sig), "delegate");
        }
    }

    function test_Authority_Negative() public view {
        for (uint256 i = 0; i < _count(); ++i) {
            if (_isDelegate(i)) continue;
            WmpCertificates.AuthorityCertificate memory c = _authorityCert(i);
            bytes memory sig = _signature(i);
            assertFalse(reg.verifyAuthorityCertificate(c, _highS(sig)), "high s");
            assertFalse(reg.verifyAuthorityCertificate(c, _withV(sig, uint8(sig[64]) - 27)), "v in {0,1}");
            WmpCertificates.AuthorityCertificate memory m = _authorityCert(i);
            m.capabilities = c.capabilities | 64;
            if (m.capabilities != c.capabilities) {
                assertFalse(reg.verifyAuthorityCertificate(m, sig), "capabilities 64|caps");
            }
            m = _authorityCert(i);
            m.chainId = 5;
            assertFalse(reg.verifyAuthorityCertificate(m, sig), "chainId 5");
            m = _authorityCert(i);
            m.subject = stranger;
            assertFalse(reg.verifyAuthorityCertificate(m, sig), "subject");
            m = _authorityCert(i);
            m.realm = stranger;
            assertFalse(reg.verifyAuthorityCertificate(m, sig), "realm");
            m = _authorityCert(i);
            m.validFrom = c.validFrom + 1;
            assertFalse(reg.verifyAuthorityCertificate(m, sig), "validFrom");
            m = _authorityCert(i);
            m.issuer = c.subject == c.issuer ? stranger : c.subject;
            assertFalse(reg.verifyAuthorityCertificate(m, sig), "issuer");
        }
    }

    // ------------------------------------------------------------------ revocation

    function test_RevokeCertificate_MakesVerifyFalse() public {
        uint256 di = 0; // spec-ex3-delegate
        uint256 ai = 1; // spec-ex3-intermediate
        WmpCertificates.DelegateCertificate memory dc = _delegateCert(di);
        WmpCertificates.AuthorityCertificate memory ac = _authorityCert(ai);
        bytes32 dd = reg.delegateCertificateDigest(dc);
        bytes32 ad = reg.authorityCertificateDigest(ac);

        // Someone else's revocation does not count.
        vm.prank(stranger);
        reg.revokeCertificate(dd);
        assertTrue(reg.verifyDelegateCertificate(dc, _signature(di)), "stranger cannot revoke");

        vm.warp(T0 + 99);
        vm.expectEmit(true, true, true, true, address(reg));
        emit ITrustRegistry.CertificateRevoked(dc.delegate, dd);
        vm.prank(dc.delegate);
        reg.revokeCertificate(dd);
        assertEq(reg.certificateRevokedAt(dc.delegate, dd), T0 + 99, "revokedAt");
        assertFalse(reg.verifyDelegateCertificate(dc, _signature(di)), "revoked delegate certificate");

        // An issuer revokes an authority certificate it signed; the subject cannot.
        vm.prank(ac.subject);
        reg.revokeCertificate(ad);
        assertTrue(reg.verifyAuthorityCertificate(ac, _signature(ai)), "subject cannot revoke");
        vm.prank(ac.issuer);
        reg.revokeCertificate(ad);
        assertFalse(reg.verifyAuthorityCertificate(ac, _signature(ai)), "revoked authority certificate");
        assertTrue(reg.verifyAuthorityCertificate(_authorityCert(2), _signature(2)), "others unaffected");
    }

    function test_RevertWhen_CertificateAlreadyRevoked() public {
        bytes32 d = keccak256("cert");
        vm.prank(operator);
        reg.revokeCertificate(d);
        vm.recordLogs();
        vm.expectRevert(
            abi.encodeWithSelector(ITrustRegistry.DelegateRegistryCertificateAlreadyRevoked.selector, operator, d)
        );
        vm.prank(operator);
        reg.revokeCertificate(d);
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertEq(reg.certificateRevokedAt(stranger, d), 0, "per signer");
    }

    // ------------------------------------------------------------------ fresh certificates and ERC-1271

    function testFuzz_FreshDelegateCertificate(
        uint256 pk,
        uint256 validFrom,
        bytes32 csPubKey,
        uint64 bootedAt,
        string calldata meta
    ) public view {
        pk = bound(pk, 1, SECP256K1_N - 1);
        WmpCertificates.DelegateCertificate memory c = WmpCertificates.DelegateCertificate({
            chainId: block.chainid,
            verifyingContract: address(reg),
            validFrom: validFrom,
            delegate: vm.addr(pk),
            csPubKey: csPubKey,
            bootedAt: bootedAt,
            meta: meta
        });
        bytes32 d = reg.delegateCertificateDigest(c);
        assertEq(d, _digest(_structHash(c)), "digest");
        assertTrue(reg.verifyDelegateCertificate(c, _sig(pk, d)), "verifies");
        assertFalse(reg.verifyDelegateCertificate(c, _sig(pk == 1 ? 2 : 1, d)), "other key");
    }

    function testFuzz_RandomBytesNeverVerifyCertificate(bytes calldata sig, uint64 caps) public view {
        WmpCertificates.AuthorityCertificate memory c = WmpCertificates.AuthorityCertificate({
            chainId: 1,
            verifyingContract: address(reg),
            validFrom: 1,
            issuer: root,
            subject: operator,
            realm: realm,
            capabilities: caps,
            meta: ""
        });
        assertFalse(reg.verifyAuthorityCertificate(c, sig), "random bytes");
    }

    function test_ERC1271Issuer_AuthorityCertificate() public {
        MockMultisigWallet w = new MockMultisigWallet(vm.addr(0xAA01), vm.addr(0xAA02));
        WmpCertificates.AuthorityCertificate memory c = _authorityCert(1);
        c.issuer = address(w);
        bytes32 d = reg.authorityCertificateDigest(c);
        bytes memory sig = abi.encodePacked(_sig(0xAA01, d), _sig(0xAA02, d));
        assertTrue(reg.verifyAuthorityCertificate(c, sig), "1271 issuer, 130-byte signature");
        assertFalse(
            reg.verifyAuthorityCertificate(c, abi.encodePacked(_sig(0xAA02, d), _sig(0xAA01, d))), "wrong order"
        );
        vm.prank(address(w));
        reg.revokeCertificate(d);
        assertFalse(reg.verifyAuthorityCertificate(c, sig), "revoked by the wallet");
    }
}
