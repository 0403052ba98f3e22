#!/usr/bin/env bash
# Sets up everything the workbench needs on Debian: system packages (when run as root) and a
# virtualenv in .venv with the pinned requirements. Safe to run again: it only installs what is missing.
# Usage: scripts/setup.sh [runtime|dev]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-runtime}"

runtime_packages=(python3 python3-venv graphviz fonts-dejavu-core fonts-wqy-zenhei)
dev_packages=(chromium poppler-utils fonts-noto-color-emoji postgresql)
packages=("${runtime_packages[@]}")
[ "$mode" = dev ] && packages+=("${dev_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install -y ${missing[*]}"
    echo "(Continuing: the app runs without them; PDF/graph export and browser tests need them.)"
  fi
fi

requirements="requirements.txt"
[ "$mode" = dev ] && requirements="requirements-dev.txt"
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.installed-$(cat requirements.txt "$requirements" | sha256sum | cut -c1-16)-$mode"
if [ ! -f "$stamp" ]; then
  echo "Installing Python packages from $requirements"
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements" 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -c "import streamlit, pydantic" # fail here, not later, when the install went wrong
  touch "$stamp"
  # requirements-dev.txt includes requirements.txt: a dev install is also a complete runtime install.
  [ "$mode" = dev ] && touch ".venv/.installed-$(cat requirements.txt requirements.txt | sha256sum | cut -c1-16)-runtime"
fi
