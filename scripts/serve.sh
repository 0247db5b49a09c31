#!/usr/bin/env bash
# Sets up what is missing, builds the app into dist/ and serves it on
# 127.0.0.1 (port 8080, or the first argument, or $PORT).
#
#   scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
scripts/build.sh
exec node scripts/serve.mjs --dir dist --port "${1:-${PORT:-8080}}"
