#!/usr/bin/env bash
# Runs every test: native (content, model, config, prerender), components in headless
# Chromium (wasm-bindgen-test), then end-to-end and budget tests on the release build,
# and the cross-engine suite in Chromium, Firefox ESR and WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --offline --all-targets --features prerender -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --lib --tests -- -D warnings
# The publisher's page (its own wasm, src/publish).
cargo clippy --offline --target wasm32-unknown-unknown --lib --bin trd_publish --features publisher -- -D warnings
# The scripts and stylesheets the build ships (ESLint, Stylelint; pinned in tests/e2e).
tests/e2e/node_modules/.bin/eslint -c tests/e2e/eslint.config.mjs static
tests/e2e/node_modules/.bin/stylelint -c tests/e2e/stylelint.config.mjs "static/**/*.css"

step "native tests: content, search, state, configuration, prerendering"
cargo test --offline --features prerender

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --offline --target wasm32-unknown-unknown --test components --test what_matters --test fact_box --test how_made

step "release build"
trunk build --release --offline

step "browser tests on the release build (playwright-core + axe-core)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec $(ls ./*.test.mjs | grep -v '/engines\.test\.mjs$'))

step "cross-engine suite: Chromium, Firefox ESR and WebKit (fails if any engine fails)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec ./engines.test.mjs)

printf '\n\033[1mAll tests passed.\033[0m\n'
