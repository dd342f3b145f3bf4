// Command gasreport deploys the TrustRegistry on an embedded go-ethereum simulated chain (Osaka
// rules), performs each registry operation once, and prints one JSON line per operation:
//
//	{"op":"authorize_first","gas":47958,"kind":"tx"}
//
// "tx" figures are full-transaction gasUsed from receipts (21,000 intrinsic and calldata
// included: what a user or relayer pays). "execution" figures are what a contract pays to call a
// view with cold storage: eth_estimateGas minus 21,000 minus calldata. See docs/benchmarks.md.
//
// Usage: go run ./scripts/gasreport
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/wamp-e2ee/e2ee-node/internal/gasreport"
)

func main() {
	figures, err := gasreport.Measure(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gasreport:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, f := range figures {
		if err := enc.Encode(f); err != nil {
			fmt.Fprintln(os.Stderr, "gasreport:", err)
			os.Exit(1)
		}
	}
}
