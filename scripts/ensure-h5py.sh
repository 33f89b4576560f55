#!/usr/bin/env bash
# Makes sure h5py (and hdmf, for NWB validation) are importable for the NWB export tests
# (src-engine/export/nwb/nwb.h5py.test.ts, e2e/exports.spec.ts). As root, installs Debian's
# python3-h5py and python3-hdmf when missing; otherwise stops with a message naming them.
set -euo pipefail
# shellcheck source=scripts/debian-packages.sh
. "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
PY=${H5PY_PYTHON:-/usr/bin/python3}
importable() { "$PY" -c 'import h5py, hdmf' >/dev/null 2>&1; }
ensure_debian_packages importable \
  "h5py/hdmf not importable with $PY: installing Debian's python3-h5py python3-hdmf…" \
  "The NWB export tests need Debian's python3-h5py and python3-hdmf (sudo apt-get install -y python3-h5py python3-hdmf)." \
  python3-h5py python3-hdmf
