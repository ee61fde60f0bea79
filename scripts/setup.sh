#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already present at
# the right version. Safe to run again and again; `scripts/serve.sh`, `scripts/test.sh`
# and `scripts/bench.sh` all start with it.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

# 1. Rust's wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, pinned: 0.22 needs a newer rustc than these machines have.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen CLI matching Cargo.lock exactly, or Trunk would try to download one.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # --locked fails on a yanked transitive dependency; the version pin is what matters.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 4. Chromium and its driver, for wasm-bindgen-test and the browser tests.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends chromium chromium-driver \
    || { as_root apt-get update && as_root apt-get install -y --no-install-recommends chromium chromium-driver; }
fi

# 4b. The other two engines of the cross-engine suite (tests/e2e/engines.test.mjs):
#     Firefox ESR (driven over WebDriver BiDi by puppeteer-core) and WebKit
#     (WebKitWebDriver with its MiniBrowser, from libwebkit2gtk-4.1-0), which needs a
#     display: Xvfb through xvfb-run (and xauth, which xvfb-run calls). A font, so pages
#     lay out the same on a bare machine.
ENGINE_PACKAGES=(firefox-esr webkit2gtk-driver xvfb xauth fonts-dejavu-core)
missing=()
for p in "${ENGINE_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "${missing[@]}" \
    || { as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

# 5. Node packages (playwright-core, puppeteer-core for Firefox, axe-core, lighthouse, binaryen's wasm-opt, govuk-frontend,
#    terser for the post-build minification in scripts/minify.mjs). twiggy, for the wasm's
#    bytes by crate, is installed by scripts/bench.sh, the one command that uses it.
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing node test packages"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# 6. Crates, so every later build can run with --offline.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown

say "ready"
