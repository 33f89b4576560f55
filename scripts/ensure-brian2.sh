#!/usr/bin/env bash
# Makes sure Brian2 is importable for the Brian2 export integration test
# (src-engine/export/brian2/brian2.integration.test.ts). Installs Debian's `python3-brian` when
# missing and running as root; otherwise stops with a message naming the package.
# The test uses $BRIAN2_PYTHON, else Debian's /usr/bin/python3, else python3 on the PATH.
set -euo pipefail
# shellcheck source=scripts/debian-packages.sh
. "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
if [ -n "${BRIAN2_PYTHON:-}" ]; then PY="$BRIAN2_PYTHON"
elif [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3
else PY=python3; fi
importable() { "$PY" -c 'import brian2' >/dev/null 2>&1; }
ensure_debian_packages importable \
  "Brian2 not importable with $PY: installing Debian's 'python3-brian' package…" \
  "The Brian2 export test needs Brian2 for $PY. Install Debian's 'python3-brian' package (sudo apt-get install -y python3-brian) or set BRIAN2_PYTHON to a Python that has brian2." \
  python3-brian
