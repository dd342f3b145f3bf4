// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ITrustRegistry} from "./ITrustRegistry.sol";

/**
 * @title WmpCapabilities — capability bits of WMP/1 authority certificates
 * @notice Bits as in the WAMP spec text (authentication_cryptosign, "Capabilities"): 0 ROOT_CA,
 * 1 INTERMEDIATE_CA, 2 PUBLIC_RELAY, 3 PRIVATE_RELAY, 4 GATEWAY, 5 EXCHANGE, 6 PROVIDER, 7 CONSUMER;
 * bits 8-63 are reserved and must be zero. (Autobahn|Python's code used bit 4 for PROVIDER and bit 5
 * for CONSUMER; the registry follows the spec.)
 */
library WmpCapabilities {
    uint64 internal constant ROOT_CA = 1 << 0;
    uint64 internal constant INTERMEDIATE_CA = 1 << 1;
    uint64 internal constant PUBLIC_RELAY = 1 << 2;
    uint64 internal constant PRIVATE_RELAY = 1 << 3;
    uint64 internal constant GATEWAY = 1 << 4;
    uint64 internal constant EXCHANGE = 1 << 5;
    uint64 internal constant PROVIDER = 1 << 6;
    uint64 internal constant CONSUMER = 1 << 7;
    /// @dev Every defined bit.
    uint64 internal constant ALL = 0xff;
    /// @dev Bits a root may assign to an Operator-CA (everything but ROOT_CA).
    uint64 internal constant ASSIGNABLE = ALL & ~ROOT_CA;

    /// @dev Reverts unless `capabilities` is a non-empty subset of {ASSIGNABLE}.
    function requireAssignable(uint64 capabilities) internal pure {
        if (capabilities == 0 || capabilities & ~ASSIGNABLE != 0) {
            revert ITrustRegistry.WmpCapabilitiesInvalidCapabilities(capabilities);
        }
    }
}
