#!/usr/bin/env bash
# gen-bindings.sh compiles the contracts with forge (solc-js through scripts/solc.js) and
# regenerates the abigen v2 bindings in bindings/ from the artifacts. Run via `go generate ./bindings`.
# The ABI and creation bytecode are committed beside the bindings: the bytecode fixes the CREATE2
# address (docs/deploy.md), and CI fails when anything here is stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
forge="$root/node_modules/@foundry-rs/forge-linux-amd64/bin/forge"
if [ ! -x "$forge" ]; then
  echo "gen-bindings: $forge missing; run 'npm ci' first" >&2
  exit 1
fi
"$forge" build --quiet
mkdir -p bindings/artifacts
for c in TrustRegistry; do
  node -e '
    const a = require(process.argv[1]);
    const fs = require("fs");
    fs.writeFileSync(process.argv[2] + ".abi", JSON.stringify(a.abi, null, 1) + "\n");
    fs.writeFileSync(process.argv[2] + ".bin", a.bytecode.object.replace(/^0x/, "") + "\n");
  ' "$root/out/$c.sol/$c.json" "bindings/artifacts/$c"
  go tool abigen --v2 --abi "bindings/artifacts/$c.abi" --bin "bindings/artifacts/$c.bin" \
    --pkg bindings --type "$c" --out "bindings/$(echo "$c" | tr '[:upper:]' '[:lower:]').go"
done
