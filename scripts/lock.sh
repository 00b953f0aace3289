#!/usr/bin/env bash
# Lock the dependencies: resolve pyproject.toml's dependencies plus its test and bench extras to
# exact versions from PyPI and write requirements.lock (which requirements.txt, and so
# scripts/setup.sh, CI and the README's commands, install as constraints).
#   bash scripts/lock.sh             # after changing pyproject.toml: add/drop pins, keep the others
#   bash scripts/lock.sh --upgrade   # refresh every pin to the newest allowed release
# pip-tools runs from its own venv (.venv-lock) so it never mixes with the project's.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
TOOLS=.venv-lock
if [ ! -x "$TOOLS/bin/pip-compile" ]; then
  "$PYTHON" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install --quiet "pip-tools==7.6.2"
fi
"$TOOLS/bin/pip-compile" --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
  --extra test --extra bench --output-file requirements.lock "$@" pyproject.toml
