// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TrustRegistry} from "../src/TrustRegistry.sol";

interface VmScript {
    function startBroadcast() external;
    function stopBroadcast() external;
    function envOr(string calldata name, bytes32 defaultValue) external view returns (bytes32);
}

/**
 * @title DeployRegistry — deterministic CREATE2 deployment of the TrustRegistry
 * @notice Deploys through the deterministic deployment proxy (0x4e59b44847b379578588920ca78fbf26c0b4956c),
 * so the registry lands at the same address on every chain for the same bytecode and salt — the
 * address `e2ee-node deploy` and chain.RegistryAddress compute. Idempotent: an existing deployment
 * is reported, not repeated. The RPC URL comes from the environment and the key from a keystore:
 *
 *   forge script contracts/script/DeployRegistry.s.sol --rpc-url "$ETH_RPC_URL" --broadcast \
 *     --keystore ~/.e2ee/deployer.json --password-file ~/.e2ee/password
 *
 * REGISTRY_SALT (bytes32) overrides the default salt keccak256("e2ee-node/TrustRegistry/v1").
 */
contract DeployRegistry {
    VmScript private constant vm = VmScript(address(uint160(uint256(keccak256("hevm cheat code")))));
    address public constant DETERMINISTIC_DEPLOYER = 0x4e59b44847b379578588920cA78FbF26c0B4956C;

    /// @notice Deploys (or finds) the registry; returns its address.
    function run() external returns (TrustRegistry registry) {
        bytes32 salt = vm.envOr("REGISTRY_SALT", keccak256("e2ee-node/TrustRegistry/v1"));
        bytes32 initCodeHash = keccak256(type(TrustRegistry).creationCode);
        address predicted = address(
            uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), DETERMINISTIC_DEPLOYER, salt, initCodeHash))))
        );
        if (predicted.code.length > 0) return TrustRegistry(predicted);
        vm.startBroadcast();
        registry = new TrustRegistry{salt: salt}();
        vm.stopBroadcast();
        require(address(registry) == predicted, "CREATE2 address mismatch");
    }
}
