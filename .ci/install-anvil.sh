#!/usr/bin/env bash
# Installs anvil (a local EVM dev node, from the npm package @foundry-rs/anvil whose binary ships
# inside an optional platform dependency) into a per-user cache, when absent. Idempotent.
# The EVM ledger's slow tests look for it at $MIP_ANVIL, then at the path printed below.
set -euo pipefail
version="1.7.1"
dir="${MIP_ANVIL_HOME:-${HOME}/.cache/mip/anvil-${version}}"
bin="${dir}/node_modules/.bin/anvil"
if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "anvil: present at $bin"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "anvil: npm not found; EVM ledger tests will be skipped" >&2
  exit 0
fi
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"mip-anvil","private":true}' > "$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --silent "@foundry-rs/anvil@${version}"
"$bin" --version
echo "anvil: installed at $bin"
