#!/usr/bin/env bash
# `npm test`: every unit test (Vitest) and every end-to-end test (Playwright in Debian's
# Chromium), then one closing line "N passed, M failed" with the totals of both suites.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
out=.test-output
rm -rf "$out" && mkdir -p "$out"

# Brian2 for the export integration test (installed as root when missing; otherwise that one
# test fails with a message naming the package, and the rest of the suite still runs).
bash scripts/ensure-brian2.sh || true
# PyNN + NEURON + MPI (PyNN export integration test; compiles PyNN's NMODL mechanisms once) and
# h5py (NWB export tests); as root installed when missing, otherwise those tests fail with a message.
bash scripts/ensure-pynn.sh || true
bash scripts/ensure-h5py.sh || true

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile="$out/unit.json"
unit_rc=$?

e2e_rc=0
if bash scripts/ensure-chromium.sh; then
  PW_JSON_OUTPUT="$out/e2e.json" node_modules/.bin/playwright test
  e2e_rc=$?
else
  e2e_rc=1
fi

node scripts/testTotals.mjs "$out/unit.json" "$out/e2e.json"
totals_rc=$?
[ $unit_rc -eq 0 ] && [ $e2e_rc -eq 0 ] && [ $totals_rc -eq 0 ]
