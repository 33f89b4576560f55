#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the Playwright tests (Playwright cannot download
# its own browser here). Installs the `chromium` package when missing and running as root;
# otherwise stops with a message naming the package.
set -euo pipefail
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $BIN: installing Debian's 'chromium' package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x "$BIN" ] && exit 0
fi
echo "The end-to-end tests need Chromium at $BIN. Install Debian's 'chromium' package (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
