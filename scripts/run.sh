#!/usr/bin/env bash
# Sets everything up and starts the workbench; a fresh data folder starts with the example workspace.
# Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh runtime
exec .venv/bin/python -m streamlit run app.py --server.headless true --browser.gatherUsageStats false "$@"
