#!/usr/bin/env bash
# Makes sure h5py (and hdmf, for NWB validation) are importable for the NWB export tests
# (src-engine/export/nwb/nwb.h5py.test.ts, e2e/exports.spec.ts). As root, installs Debian's
# python3-h5py and python3-hdmf when missing; otherwise stops with a message naming them.
set -euo pipefail
PY=${H5PY_PYTHON:-/usr/bin/python3}
importable() { "$PY" -c 'import h5py, hdmf' >/dev/null 2>&1; }
if importable; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "h5py/hdmf not importable with $PY: installing Debian's python3-h5py python3-hdmf…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq python3-h5py python3-hdmf >/dev/null
  importable && exit 0
fi
echo "The NWB export tests need Debian's python3-h5py and python3-hdmf (sudo apt-get install -y python3-h5py python3-hdmf)." >&2
exit 1
