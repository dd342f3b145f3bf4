// Package chain is everything in e2ee-node that talks to an Ethereum chain: the embedded
// simulated chain, the deterministic (CREATE2) deployment of the trust registry, and (built on
// the generated bindings in package bindings) the registry's reads and writes.
//
// Deploy the registry with [DeployRegistry]: it is idempotent and lands at [RegistryAddress] on
// every chain that has the deterministic deployment proxy at [DeterministicDeployer]. For tests
// and the demo, [NewSimulatedChain] runs an in-process go-ethereum chain that mines every
// transaction at once, as anvil does.
package chain
