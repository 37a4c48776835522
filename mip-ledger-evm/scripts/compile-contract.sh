#!/usr/bin/env bash
# Regenerates the MipLedger ABI and bytecode with solc-js (npm solc, pinned) and compares them with
# the copies checked in under src/main/resources, so the Maven build itself needs no npm.
#   compile-contract.sh          compare; exit 1 when the checked-in files drifted from the source
#   compile-contract.sh --write  regenerate the checked-in files
set -euo pipefail
solc_version="0.8.37"
module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
solc_home="${MIP_SOLC_HOME:-${HOME}/.cache/mip/solc-${solc_version}}"
resources="$module/src/main/resources/io/mip/ledger/evm"
if [ ! -f "$solc_home/node_modules/solc/package.json" ]; then
  mkdir -p "$solc_home"
  [ -f "$solc_home/package.json" ] || echo '{"name":"mip-solc","private":true}' > "$solc_home/package.json"
  npm install --prefix "$solc_home" --no-audit --no-fund --silent "solc@${solc_version}"
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node "$module/scripts/compile-contract.js" "$solc_home/node_modules/solc" \
  "$module/src/main/solidity/MipLedger.sol" "$out"
if [ "${1:-}" = "--write" ]; then
  mkdir -p "$resources"
  cp "$out"/MipLedger.abi.json "$out"/MipLedger.bin "$out"/MipLedger.solc-version "$resources/"
  echo "compile-contract: wrote $resources"
  exit 0
fi
status=0
for f in MipLedger.abi.json MipLedger.bin MipLedger.solc-version; do
  if ! cmp -s "$out/$f" "$resources/$f"; then
    echo "compile-contract: $f differs from the source; run $0 --write and commit" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "compile-contract: checked-in ABI and bytecode match the source"
exit "$status"
