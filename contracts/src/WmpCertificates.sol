// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title WmpCertificates — EIP712 hashing of WMP/1 certificates
 * @notice WAMP-Cryptosign / WAMP-E2EE certificates are EIP712 typed data under the domain
 * `EIP712Domain(string name,string version)` with name "WMP" and version "1" (no chainId or
 * verifyingContract in the domain: both are the first two fields of each certificate). These
 * digests equal go-ethereum `apitypes.TypedDataAndHash` and Autobahn|Python's `cert.hash`.
 */
library WmpCertificates {
    /// @notice `EIP712DelegateCertificate` as signed by a delegate key (self-signed).
    struct DelegateCertificate {
        uint256 chainId;
        address verifyingContract;
        uint256 validFrom;
        address delegate;
        bytes32 csPubKey;
        uint64 bootedAt;
        string meta;
    }

    /// @notice `EIP712AuthorityCertificate` as signed by its issuer.
    struct AuthorityCertificate {
        uint256 chainId;
        address verifyingContract;
        uint256 validFrom;
        address issuer;
        address subject;
        address realm;
        uint64 capabilities;
        string meta;
    }

    bytes32 internal constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version)");

    bytes32 internal constant DELEGATE_CERTIFICATE_TYPEHASH = keccak256(
        "EIP712DelegateCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address delegate,bytes32 csPubKey,uint64 bootedAt,string meta)"
    );

    bytes32 internal constant AUTHORITY_CERTIFICATE_TYPEHASH = keccak256(
        "EIP712AuthorityCertificate(uint256 chainId,address verifyingContract,uint256 validFrom,address issuer,address subject,address realm,uint64 capabilities,string meta)"
    );

    /// @dev keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("WMP"), keccak256("1"))).
    bytes32 internal constant DOMAIN_SEPARATOR = 0x43ee3bbb34d5e4fa65e905c83d5090865207639e2d8ba48cd446faca6f961b7b;

    /// @dev The EIP712 struct hash of a delegate certificate.
    function structHash(DelegateCertificate calldata c) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                DELEGATE_CERTIFICATE_TYPEHASH,
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

    /// @dev The EIP712 struct hash of an authority certificate.
    function structHash(AuthorityCertificate calldata c) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                AUTHORITY_CERTIFICATE_TYPEHASH,
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

    /// @dev `keccak256(0x1901 ‖ DOMAIN_SEPARATOR ‖ structHash)`.
    function digest(bytes32 hashOfStruct) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, hex"1901")
            mstore(add(ptr, 0x02), DOMAIN_SEPARATOR)
            mstore(add(ptr, 0x22), hashOfStruct)
            result := keccak256(ptr, 0x42)
        }
    }
}
