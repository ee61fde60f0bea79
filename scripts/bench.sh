#!/usr/bin/env bash
# Measures the release build against plain HTML (the floor) and the GOV.UK accordion:
# bytes, Lighthouse, interaction latency, scaling and memory. Prints a table and writes
# bench-results/bench.json. Figures are reported, not asserted (budgets live in the tests).
#   ./scripts/bench.sh [--runs N] [--quick] [--skip-lighthouse]
# TRD_DIST=<dir> measures another build instead of dist/ (a baseline, built from an
# earlier commit with `trunk build --release --dist <dir>`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
# twiggy reads the wasm's bytes by crate; it only matters here, so it is installed here.
command -v twiggy >/dev/null || cargo install --locked --quiet twiggy --version 0.8.0
[ -n "${TRD_DIST:-}" ] || trunk build --release --offline
# The same wasm with its function names, which the release profile strips.
CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --offline --quiet --lib \
  --target wasm32-unknown-unknown --target-dir target/named
(cd tests/e2e && node bench.mjs "$@")
