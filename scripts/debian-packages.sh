# shellcheck shell=bash
# Sourced by scripts/ensure-*.sh (not run on its own): the one way they install a missing tool.
#
# ensure_debian_packages CHECK INSTALLING MISSING PKG...
#   Succeeds at once when the command CHECK does. Otherwise, as root with apt-get, prints
#   INSTALLING, installs the Debian packages PKG... quietly (a failing apt-get ends the calling
#   script with apt-get's status, as `set -e` did in each script) and runs CHECK again. When CHECK
#   still fails (or not root, or no apt-get), prints MISSING and returns 1. Messages go to stderr.
ensure_debian_packages() {
  local check=$1 installing=$2 missing=$3
  shift 3
  if "$check"; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "$installing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || exit
    apt-get install -y -qq "$@" >/dev/null || exit
    if "$check"; then return 0; fi
  fi
  echo "$missing" >&2
  return 1
}
