// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {NoncesKeyed} from "@openzeppelin/contracts/utils/NoncesKeyed.sol";
import {ITrustRegistry} from "./ITrustRegistry.sol";

/**
 * @title RelayedActor — every write callable directly or relayed with an EIP712 signature
 * @notice A relayed call is `execute(actor, data, nonce, deadline, signature)`: the registry checks
 * the deadline, consumes `actor`'s keyed nonce, verifies `signature` over
 * `RelayedCall(address actor,bytes data,uint256 nonce,uint256 deadline)` under this contract's full
 * EIP712 domain (name, version, chainId, verifyingContract; ERC-5267) with OpenZeppelin
 * SignatureChecker (so ERC-1271 wallets and signatures of any length work), then runs `data` (an
 * ABI-encoded call of one of the registry's functions) as `actor`.
 * @dev Internally the verified actor is appended to the self-call's calldata and read back by
 * {_actor} only when `msg.sender == address(this)`. The only self-calls are made by {execute} and by
 * a shared root's approval path, both with an actor they verified. There is no multicall and no
 * external forwarder, so the ERC-2771 + Multicall spoofing pattern cannot arise.
 */
abstract contract RelayedActor is ITrustRegistry, EIP712, NoncesKeyed {
    /// @notice EIP712 type hash of a relayed call.
    bytes32 public constant RELAYED_CALL_TYPEHASH =
        keccak256("RelayedCall(address actor,bytes data,uint256 nonce,uint256 deadline)");

    constructor() EIP712("WAMP-E2EE TrustRegistry", "1") {}

    /**
     * @notice Executes `data` as `actor`, authorized by `actor`'s EIP712 signature.
     * @param actor The account the call acts for (EOA or ERC-1271 contract).
     * @param data ABI-encoded call of a registry function other than `execute`.
     * @param nonce `actor`'s next nonce for the key in its upper 192 bits (OpenZeppelin NoncesKeyed).
     * @param deadline Unix time after which the signature is void.
     * @param signature A 65-byte ECDSA signature r‖s‖v (low s), or an ERC-1271 signature of any length.
     * @return result The call's return data.
     */
    function execute(address actor, bytes calldata data, uint256 nonce, uint256 deadline, bytes calldata signature)
        external
        returns (bytes memory result)
    {
        if (block.timestamp > deadline) revert RelayedActorExpiredSignature(deadline);
        _requireRelayable(data);
        _useCheckedNonce(actor, nonce);
        bytes32 digest = relayedCallDigest(actor, data, nonce, deadline);
        if (!SignatureChecker.isValidSignatureNowCalldata(actor, digest, signature)) {
            revert RelayedActorInvalidSignature(actor);
        }
        emit RelayedCallExecuted(actor, nonce);
        return _callAs(actor, data);
    }

    /**
     * @notice Uses the next nonce of `key` for the caller, voiding every signed but unsubmitted
     * relayed call over it (cancel).
     * @param key The nonce key (upper 192 bits of a keyed nonce).
     * @return nonce The keyed nonce that was used.
     */
    function useNonce(uint192 key) external returns (uint256 nonce) {
        address actor = _actor();
        nonce = _useNonce(actor, key);
        emit NonceUsed(actor, nonce);
    }

    /**
     * @notice The EIP712 digest an actor signs to relay `data`.
     * @return The digest under this registry's domain.
     */
    function relayedCallDigest(address actor, bytes calldata data, uint256 nonce, uint256 deadline)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(RELAYED_CALL_TYPEHASH, actor, keccak256(data), nonce, deadline)));
    }

    /// @dev The account the current call acts for: the verified actor of a self-call, else msg.sender.
    function _actor() internal view returns (address actor) {
        if (msg.sender == address(this) && msg.data.length >= 24) {
            return address(bytes20(msg.data[msg.data.length - 20:]));
        }
        return msg.sender;
    }

    /// @dev Runs `data` on this contract as `actor`, bubbling up its revert data.
    function _callAs(address actor, bytes calldata data) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = address(this).call(abi.encodePacked(data, actor));
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        return ret;
    }

    /// @dev Rejects calls that must not run as a relayed or approved self-call.
    function _requireRelayable(bytes calldata data) internal pure {
        if (data.length < 4) revert RelayedActorCallTooShort();
        bytes4 selector = bytes4(data[:4]);
        if (selector == RelayedActor.execute.selector) revert RelayedActorCallNotRelayable(selector);
    }
}
