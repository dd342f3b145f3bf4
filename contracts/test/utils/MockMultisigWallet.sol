// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

/**
 * @notice Test double for an external ERC-1271 wallet (think: a 2-of-2 Safe). A signature is the
 * concatenation of both owners' 65-byte ECDSA signatures over the hash, in owner order (130 bytes).
 * Anything else is rejected with the ERC-1271 failure value (never a revert), so the registry must
 * rely on the return value.
 */
contract MockMultisigWallet is IERC1271 {
    address public immutable owner0;
    address public immutable owner1;

    constructor(address o0, address o1) {
        owner0 = o0;
        owner1 = o1;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 130) return 0xffffffff;
        (address a, ECDSA.RecoverError e0,) = ECDSA.tryRecoverCalldata(hash, signature[0:65]);
        (address b, ECDSA.RecoverError e1,) = ECDSA.tryRecoverCalldata(hash, signature[65:130]);
        if (e0 != ECDSA.RecoverError.NoError || e1 != ECDSA.RecoverError.NoError) return 0xffffffff;
        if (a != owner0 || b != owner1) return 0xffffffff;
        return IERC1271.isValidSignature.selector;
    }

    /// @notice Lets the wallet call the registry directly (msg.sender = wallet), as a Safe transaction would.
    function exec(address target, bytes calldata data) external returns (bytes memory) {
        require(msg.sender == owner0 || msg.sender == owner1, "not an owner");
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        return ret;
    }
}
