#!/usr/bin/env bash
# Installs anvil (a local EVM dev node, from the npm package @foundry-rs/anvil whose binary ships
# inside an optional platform dependency) into a per-user cache, when absent. Idempotent.
# The EVM ledger's slow tests look for it at $MIP_ANVIL, then at the default path printed below
# (with MIP_ANVIL_HOME set, point MIP_ANVIL at $MIP_ANVIL_HOME/node_modules/.bin/anvil).
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
for attempt in 1 2; do
  if npm install --prefix "$dir" --no-audit --no-fund --silent "@foundry-rs/anvil@${version}" \
      && "$bin" --version >/dev/null 2>&1; then
    echo "anvil: installed $("$bin" --version | head -1) at $bin"
    exit 0
  fi
  echo "anvil: npm install failed (attempt $attempt)" >&2
  sleep 2
done
echo "anvil: could not install @foundry-rs/anvil@${version}; EVM ledger tests will be skipped" >&2
exit 0
