#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine: Chromium and a CJK font (for the browser
# tests, Chinese labels and the review pack), poppler-utils (pdftoppm: the review pack's tests
# draw its PDF pages), then the Python requirements. Safe to run again: apt runs only when one
# of them is missing. Run as root, or as a user who may use sudo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHROMIUM=/usr/bin/chromium
CJK_FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
PDFTOPPM=/usr/bin/pdftoppm

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-test-deps: need root or sudo to run: $*" >&2
    exit 1
  fi
}

if [ ! -x "$CHROMIUM" ] || [ ! -e "$CJK_FONT" ] || [ ! -x "$PDFTOPPM" ]; then
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk \
    poppler-utils
fi

python -m pip install --disable-pip-version-check -r requirements.txt
