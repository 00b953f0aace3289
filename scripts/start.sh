#!/usr/bin/env bash
# Install everything and open the dashboard on the embedded corpus (data/articles/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m dashboard.serve "$@"  # streamlit run app.py, caches warmed first
