#!/usr/bin/env bash
# Sets everything up and starts the workbench; a fresh data folder starts with the example workspace.
# It listens on 127.0.0.1 only, unless WORKBENCH_ADDRESS names another address and a sign-in provider is
# configured (an [auth] section in .streamlit/secrets.toml, or in the file WORKBENCH_SECRETS names).
# Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh runtime
address="${WORKBENCH_ADDRESS:-127.0.0.1}"
secrets=()
[ -n "${WORKBENCH_SECRETS:-}" ] && secrets=(--secrets.files "$WORKBENCH_SECRETS")
.venv/bin/python -m services.hosting "$address" "${WORKBENCH_SECRETS:-}" || exit 2
exec .venv/bin/python -m streamlit run app.py --server.headless true --browser.gatherUsageStats false \
  --server.address "$address" "${secrets[@]}" "$@"
