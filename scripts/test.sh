#!/usr/bin/env bash
# test.sh runs every test of e2ee-node on a fresh machine: it installs what is missing (npm
# packages: solc-js, OpenZeppelin, forge, anvil, and AutobahnJS, wampy and ws for the router's
# third-party client test; Go modules; swtpm, the TPM 2.0 emulator, from
# apt), checks that the generated bindings
# are current, the Go code is formatted, vetted and staticcheck-clean and the Solidity
# forge-formatted, then runs the Foundry tests and every Go test under the race detector (the
# tests start their own anvil nodes, simulated chains, routers and swtpm).
set -euo pipefail
cd "$(dirname "$0")/.."

forge=node_modules/@foundry-rs/forge-linux-amd64/bin/forge
if [ ! -x "$forge" ] || [ ! -x node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi
if ! command -v swtpm >/dev/null; then
  # The CLI's remote-attestation script test runs against a real TPM 2.0 emulator.
  echo "== apt-get install swtpm swtpm-tools"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq swtpm swtpm-tools
fi
echo "== go mod download"
go mod download

# geth from the pinned go-ethereum module (its own go.sum: nothing but modules is downloaded),
# cached per version; the Go tests under test/cli run it (geth --dev) through $E2EE_GETH.
geth_version="$(go list -m -f '{{.Version}}' github.com/ethereum/go-ethereum)"
geth_dir="${XDG_CACHE_HOME:-$HOME/.cache}/e2ee-node/geth-$geth_version"
if [ ! -x "$geth_dir/geth" ]; then
  echo "== build geth $geth_version into $geth_dir (once; about 4 min cold)"
  GOBIN="$geth_dir" go install "github.com/ethereum/go-ethereum/cmd/geth@$geth_version"
fi
export E2EE_GETH="$geth_dir/geth"

echo "== bindings are current"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r bindings "$tmp/"
go generate ./bindings
if ! diff -r "$tmp/bindings" bindings >/dev/null; then
  diff -r "$tmp/bindings" bindings | head -20 || true
  echo "FAIL: bindings/ was stale; it has been regenerated — commit the result" >&2
  exit 1
fi

echo "== gofmt, go vet, staticcheck, forge fmt"
unformatted="$(find . -name '*.go' -not -path './node_modules/*' -print0 | xargs -0 gofmt -l)"
if [ -n "$unformatted" ]; then
  echo "FAIL: gofmt needed on: $unformatted" >&2
  exit 1
fi
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
"$forge" fmt --check

echo "== forge test (Foundry: unit, fuzz, invariant)"
"$forge" test

echo "== go test -race (every package)"
go test -count=1 -race ./...
echo "== allocation guards (without -race, which changes allocation counts)"
go test -count=1 -run 'Allocs$' ./e2ee/msgpack/ ./e2ee/envelope/ ./e2ee/keyring/
echo "== latency targets of the hostile-client tests, rotation at 1,000 subscribers (without -race's slowdown)"
go test -count=1 -run 'TestUntrustedKeyRequestFlood|TestBogusKeyIDsDoNotBlockOthers|TestRotationReachesAllSubscribers' ./test/
