// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {AttestationRegistry} from "./AttestationRegistry.sol";
import {WmpCertificates} from "./WmpCertificates.sol";

/**
 * @title TrustRegistry — the on-chain trust registry of WAMP-E2EE
 * @notice One contract, no admin, no proxy: trustroots ({TrustrootRegistry}), realms and Operator-CA
 * admissions ({RealmRegistry}), delegate authorizations and certificate revocations
 * ({DelegateRegistry}), every write also relayable with an EIP712 signature ({RelayedActor}), and
 * WMP/1 certificate digests and signature checks, so that other contracts can verify the same
 * certificates e2ee-node verifies off-chain. Deploy it with CREATE2 for one address on every chain.
 */
contract TrustRegistry is AttestationRegistry {
    /// @notice EIP712 type hash of `EIP712DelegateCertificate` (WMP/1).
    bytes32 public constant DELEGATE_CERTIFICATE_TYPEHASH = WmpCertificates.DELEGATE_CERTIFICATE_TYPEHASH;
    /// @notice EIP712 type hash of `EIP712AuthorityCertificate` (WMP/1).
    bytes32 public constant AUTHORITY_CERTIFICATE_TYPEHASH = WmpCertificates.AUTHORITY_CERTIFICATE_TYPEHASH;
    /// @notice EIP712 type hash of the WMP/1 domain `EIP712Domain(string name,string version)`.
    bytes32 public constant WMP_DOMAIN_TYPEHASH = WmpCertificates.DOMAIN_TYPEHASH;
    /// @notice The WMP/1 domain separator (name "WMP", version "1").
    bytes32 public constant WMP_DOMAIN_SEPARATOR = WmpCertificates.DOMAIN_SEPARATOR;

    /**
     * @notice The EIP712 digest of a WMP/1 delegate certificate (what its delegate signs).
     * @return The digest, equal to go-ethereum apitypes and Autobahn's `cert.hash`.
     */
    function delegateCertificateDigest(WmpCertificates.DelegateCertificate calldata cert)
        external
        pure
        returns (bytes32)
    {
        return WmpCertificates.digest(WmpCertificates.structHash(cert));
    }

    /**
     * @notice The EIP712 digest of a WMP/1 authority certificate (what its issuer signs).
     * @return The digest, equal to go-ethereum apitypes and Autobahn's `cert.hash`.
     */
    function authorityCertificateDigest(WmpCertificates.AuthorityCertificate calldata cert)
        external
        pure
        returns (bytes32)
    {
        return WmpCertificates.digest(WmpCertificates.structHash(cert));
    }

    /**
     * @notice Whether `signature` is the delegate's signature of `cert` (delegate certificates are
     * self-signed) and the certificate is not revoked by the delegate.
     * @dev ECDSA with low s and v ∈ {27, 28} (OpenZeppelin), or ERC-1271 if the delegate is a contract.
     */
    function verifyDelegateCertificate(WmpCertificates.DelegateCertificate calldata cert, bytes calldata signature)
        external
        view
        returns (bool)
    {
        bytes32 d = WmpCertificates.digest(WmpCertificates.structHash(cert));
        return _certificateRevocations[_certificateKey(cert.delegate, d)] == 0
            && SignatureChecker.isValidSignatureNowCalldata(cert.delegate, d, signature);
    }

    /**
     * @notice Whether `signature` is the issuer's signature of `cert` and the certificate is not
     * revoked by the issuer.
     * @dev ECDSA with low s and v ∈ {27, 28} (OpenZeppelin), or ERC-1271 if the issuer is a contract.
     */
    function verifyAuthorityCertificate(WmpCertificates.AuthorityCertificate calldata cert, bytes calldata signature)
        external
        view
        returns (bool)
    {
        bytes32 d = WmpCertificates.digest(WmpCertificates.structHash(cert));
        return _certificateRevocations[_certificateKey(cert.issuer, d)] == 0
            && SignatureChecker.isValidSignatureNowCalldata(cert.issuer, d, signature);
    }
}
