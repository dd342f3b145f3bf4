// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {TrustRegistry} from "../src/TrustRegistry.sol";
import {ITrustRegistry} from "../src/ITrustRegistry.sol";

contract SmokeTest is Test {
    TrustRegistry reg;

    function setUp() public {
        reg = new TrustRegistry();
    }

    function testRootAuthorizesDelegate() public {
        address root = vm.addr(1);
        address realm = vm.addr(2);
        address delegate = vm.addr(3);
        vm.prank(root);
        reg.registerRoot(ITrustRegistry.AdmissionPolicy.Private);
        vm.prank(realm);
        reg.requestRealmCA(root);
        vm.prank(root);
        reg.acceptRealm(realm);
        vm.roll(block.number + 1);
        vm.prank(root);
        reg.authorize(realm, delegate, 0, 0);
        assertTrue(reg.isAuthorized(root, realm, delegate), "authorized");
        vm.prank(root);
        reg.revoke(realm, delegate);
        assertFalse(reg.isAuthorized(root, realm, delegate), "revoked");
    }

    function test_RevertWhen_ZeroRealm() public {
        vm.expectRevert(ITrustRegistry.TrustRegistryZeroAddress.selector);
        reg.authorize(address(0), address(1), 0, 0);
    }
}
