// Package bindings holds the abigen v2 Go bindings of the e2ee-node Solidity contracts
// (contracts/src), generated from the forge artifacts committed in bindings/artifacts.
//
// Never edit the generated files: change the contracts and run `go generate ./bindings`.
// CI regenerates them and fails when they differ from what is committed.
package bindings

//go:generate ../scripts/gen-bindings.sh
