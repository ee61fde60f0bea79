#!/usr/bin/env bash
# Builds the widget (release, prerendered) and serves it on http://127.0.0.1:8080/
#   /                    the standalone explainer
#   /demo/article.html   a magazine article embedding two instances under a strict CSP
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Serving on http://127.0.0.1:$PORT/ (demo: http://127.0.0.1:$PORT/demo/article.html)"
# A development server publishes nothing: a rebuild after an edit may replace the current
# version's folder (a release build refuses to; see src/release.rs).
export TRD_REPLACE_RELEASE=1
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT" --open=false
