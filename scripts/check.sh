#!/usr/bin/env bash
# Sets everything up, then runs lint, type check and the whole test suite (the CI command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
echo "== ruff"; .venv/bin/ruff check .
echo "== ruff format"; .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
# The storage tests also run against a throwaway PostgreSQL cluster when one can be started (root, Debian).
# Property tests use a fixed seed (tests/conftest.py) and string hashing a fixed seed too, so that a run on a
# clean clone sees the same examples every time; HYPOTHESIS_PROFILE=explore searches afresh.
export PYTHONHASHSEED="${PYTHONHASHSEED:-0}"
echo "== pytest"; scripts/with-postgres.sh .venv/bin/python -m pytest "$@"
