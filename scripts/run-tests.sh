#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine and runs the whole suite.
# Python packages come from PyPI; the browser is Debian's chromium (no browser downloads).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# axe-core for the accessibility tests (npm registry; injected into chromium by the tests).
AXE_VERSION=4.14.1
if [ ! -f .axe/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm install --silent --no-save --no-audit --no-fund --prefix .axe "axe-core@${AXE_VERSION}" >/dev/null
fi

python3 -m pytest "$@"
