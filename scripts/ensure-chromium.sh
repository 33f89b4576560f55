#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the Playwright tests (Playwright cannot download
# its own browser here). Installs the `chromium` package when missing and running as root;
# otherwise stops with a message naming the package.
set -euo pipefail
# shellcheck source=scripts/debian-packages.sh
. "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
present() { [ -x "$BIN" ]; }
ensure_debian_packages present \
  "Chromium not found at $BIN: installing Debian's 'chromium' package…" \
  "The end-to-end tests need Chromium at $BIN. Install Debian's 'chromium' package (sudo apt-get install -y chromium) or set CHROMIUM_PATH." \
  chromium
