#!/usr/bin/env bash
# Installs the external programs that the slow test suites use, when a machine lacks them.
# Each step is idempotent; a test whose program is still missing skips with a clear message.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for step in install-anvil.sh install-postgres.sh install-browser.sh; do
  if [ -f "$step" ]; then
    echo "ci: $step"
    bash "$step"
  fi
done
