#!/usr/bin/env bash
# Builds dist/: four pages, each its own wasm binary (src/routes.rs says
# which screens each shows) — the assessment (index.html) into dist/, the
# planner (plan.html), the mentor's page (mentor.html) and the program's page
# (program.html) into folders of their own — then joins them with
# scripts/assemble.mjs. Expects the tools from scripts/setup.sh on PATH.
# Extra arguments go to every Trunk build (e.g. --public-url).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
for page in plan mentor program; do
  trunk build "$page.html" --dist "target/$page-dist" "$@"
done
trunk build index.html --dist dist "$@"
node scripts/assemble.mjs dist plan.html=target/plan-dist mentor.html=target/mentor-dist program.html=target/program-dist
