#!/usr/bin/env bash
# Runs every check and every test, installing what is missing first:
# formatting, clippy (native and wasm), native tests, the DuckDB queries of
# docs/cohorts.md against a Parquet export, the file-reading worker's
# script (node --test), in-browser tests
# (wasm-bindgen-test in headless Chromium) and end-to-end tests against a
# freshly built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="$(command -v chromedriver)"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests (pure core)"
cargo test

step "docs/cohorts.md: its DuckDB queries give the cohort summary's figures"
node --test tests/docs/cohorts-duckdb.test.mjs

step "the cohort page's file-reading worker (node --test)"
node --test tests/js/*.test.mjs

step "in-browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser

step "build dist/"
scripts/build.sh

step "end-to-end tests (Chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
