#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium for the browser tests)
# and run the whole suite. Extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium (Debian package) for the browser tests" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
exec .venv/bin/python -m pytest -q "$@"
