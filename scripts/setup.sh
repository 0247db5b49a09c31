#!/usr/bin/env bash
# Installs whatever Crossroads needs that is missing, and nothing else.
# Each tool is checked first (present and at the pinned version) and only
# installed when absent or wrong. Safe to run again and again.
#
#   scripts/setup.sh          build tools (wasm target, wasm-bindgen, trunk, wasm-opt)
#   scripts/setup.sh --test   also the test tools (Chromium, chromedriver, npm test packages)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
TRUNK_VERSION=0.21.14          # 0.22 needs a newer Rust than these machines have

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed" >&2; exit 1; }; }
need cargo
need rustup
need node
need npm

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # --locked fails against this registry; the version pin is what matters.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

# npm packages: wasm-opt (binaryen) for the build, Playwright and axe for the
# end-to-end tests, DuckDB for checking docs/cohorts.md's queries. `npm ci`
# is quick and exact; skip it when the lockfile's packages are already in
# place.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/@duckdb/node-api ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Chromium and chromedriver from Debian's packages"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
fi
say "tools ready"
