#!/usr/bin/env bash
# Measures the release build against plain HTML (the floor) and the GOV.UK accordion:
# bytes, Lighthouse, interaction latency, scaling and memory. Prints a table and writes
# bench-results/bench.json. Figures are reported, not asserted (budgets live in the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
(cd tests/e2e && node bench.mjs "$@")
