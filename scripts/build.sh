#!/usr/bin/env bash
# Builds dist/: the assessment page (index.html) and the planner page
# (plan.html) as two wasm binaries, joined by scripts/assemble.mjs. Expects
# the tools from scripts/setup.sh on PATH. Extra arguments go to both Trunk
# builds (e.g. --public-url).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build plan.html --dist target/plan-dist "$@"
trunk build index.html --dist dist "$@"
node scripts/assemble.mjs target/plan-dist dist
