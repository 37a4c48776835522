#!/usr/bin/env bash
# Installs Chromium (Debian's apt package, /usr/bin/chromium) for the "Sign in with MIP" browser
# test, when absent. Idempotent. The test drives it with npm playwright-core (installed by the test
# into a temporary folder, with no browser download); without Chromium or npm it skips with a
# clear message. MIP_CHROMIUM overrides the browser path.
set -euo pipefail
bin="${MIP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$bin" ] && "$bin" --headless=new --no-sandbox --version >/dev/null 2>&1; then
  echo "chromium: present at $bin ($("$bin" --version 2>/dev/null | head -1))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: no apt-get; the OIDC browser test will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "chromium: not root and no sudo; the OIDC browser test will be skipped" >&2
    exit 0
  fi
fi
for attempt in 1 2; do
  if $sudo apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -1)"
    exit 0
  fi
  echo "chromium: apt-get install failed (attempt $attempt)" >&2
  sleep 2
done
echo "chromium: could not install; the OIDC browser test will be skipped" >&2
exit 0
