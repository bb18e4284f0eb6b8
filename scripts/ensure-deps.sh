#!/usr/bin/env bash
# Installs what the project needs and is missing, on a fresh Debian 12 machine with Node 20.
# Usage: scripts/ensure-deps.sh [npm] [chromium] [torch]
set -euo pipefail
cd "$(dirname "$0")/.."

want() { for w in "$@"; do [[ " $WANTS " == *" $w "* ]] && return 0; done; return 1; }
WANTS=" ${*:-npm} "

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@";
  else echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  echo "==> apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if want npm; then
  # Reinstall when node_modules is missing or older than the lock file.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci"
    npm ci --no-audit --no-fund
  fi
fi

missing=()
if want chromium && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if want torch && ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then missing+=(python3-torch); fi
# training/ also reads the scans with Pillow (numpy comes with python3-torch)
if want torch && ! /usr/bin/python3 -c 'import PIL' 2>/dev/null; then missing+=(python3-pil); fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
