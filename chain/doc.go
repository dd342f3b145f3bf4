// Package chain is everything in e2ee-node that talks to an Ethereum chain: the embedded
// simulated chain, the deterministic (CREATE2) deployment of the trust registry, and (built on
// the generated bindings in package bindings) the registry's reads and writes.
//
// Connect with [Connect]: the embedded simulated chain by default, or any JSON-RPC endpoint
// (http, ws, ipc); the chain id is read from the chain and checked against the configuration,
// and [Backend.Registry] returns a [Registry] that waits for the configured confirmations.
//
// Deploy the registry with [Deploy]: it is idempotent and lands at [RegistryAddress] on every
// chain that has the deterministic deployment proxy at [DeterministicDeployer] or accepts its
// pre-signed installation ([InstallDeployer]); elsewhere it deploys with plain CREATE and says so
// ([Deployment.Method]). For tests and the demo, [NewSimulatedChain] runs an in-process
// go-ethereum chain that mines every transaction at once, as anvil does; [StartDevnet] serves one
// over JSON-RPC (http and ws, loopback) with funded [DevAccounts], for separate processes.
//
// Operations ([Registry.RegisterRoot], [Registry.RegisterSharedRoot], [Registry.CollectApprovals],
// [Registry.SetRealmCA], [Registry.AdmitOperator], [Registry.Authorize], [Registry.Revoke],
// [Registry.RevokeAllDelegates], [Registry.BumpEpoch], [Registry.RevokeCertificate], …) sign with
// a [TxSigner] — a key from a go-ethereum keystore ([LoadKeystoreSigner]) or an external signer —
// wait for the receipt (which reports the gas used) and return rejections as a *[RevertError]
// naming the registry's custom error. Relayed variants: [Registry.SignRelayed] signs an EIP712
// RelayedCall with a [DigestSigner] (digest computed with go-ethereum apitypes), and anyone
// submits it with [Registry.SubmitRelayed].
//
// The on-chain trust decision (e2ee.TrustDecider) is in package chain/verifier.
package chain
