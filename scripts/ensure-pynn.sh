#!/usr/bin/env bash
# Makes sure PyNN on NEURON runs under MPI for the PyNN export integration test
# (src-engine/export/pynn/pynn.integration.test.ts). As root, installs Debian's python3-pynn,
# python3-neuron, python3-mpi4py, openmpi-bin and neuron-dev when missing and compiles PyNN's NMODL
# mechanisms once; otherwise stops with a message naming what is missing.
# Debian quirks: nrnivmodl looks for nrnmech_makefile in /usr/bin (Debian ships it in /usr/lib/nrn);
# linking needs LIBRARY_PATH=/usr/lib/nrn and an rpath; the shared library builds, the `special`
# executable step fails (missing ivstream.h) and PyNN does not need it.
set -euo pipefail
# shellcheck source=scripts/debian-packages.sh
. "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
PY=${PYNN_PYTHON:-/usr/bin/python3}
NMODL=/usr/lib/python3/dist-packages/pyNN/neuron/nmodl
PKGS="python3-pynn python3-neuron python3-mpi4py openmpi-bin neuron-dev"
root() { [ "$(id -u)" = "0" ]; }
have_pkgs() { "$PY" -c 'import pyNN, neuron, mpi4py' >/dev/null 2>&1 && command -v mpirun >/dev/null && command -v nrnivmodl >/dev/null; }
# shellcheck disable=SC2086
ensure_debian_packages have_pkgs \
  "PyNN/NEURON/MPI missing: installing Debian's $PKGS…" \
  "The PyNN export test needs Debian's $PKGS (sudo apt-get install -y $PKGS)." \
  $PKGS || exit 1
if [ ! -f "$NMODL/x86_64/.libs/libnrnmech.so" ]; then
  root || { echo "PyNN's NEURON mechanisms are not compiled; as root run: bash scripts/ensure-pynn.sh" >&2; exit 1; }
  [ -e /usr/bin/nrnmech_makefile ] || ln -s /usr/lib/nrn/nrnmech_makefile /usr/bin/nrnmech_makefile
  echo "compiling PyNN's NMODL mechanisms in $NMODL…" >&2
  (cd "$NMODL" && LIBRARY_PATH=/usr/lib/nrn nrnivmodl -loadflags "-Wl,-rpath,/usr/lib/nrn" >/tmp/pynn-nrnivmodl.log 2>&1) || true
  [ -f "$NMODL/x86_64/.libs/libnrnmech.so" ] || { echo "nrnivmodl did not build libnrnmech.so (log: /tmp/pynn-nrnivmodl.log)" >&2; exit 1; }
fi
"$PY" -c 'import pyNN.neuron' >/dev/null 2>&1 || { echo "import pyNN.neuron fails with $PY" >&2; exit 1; }
