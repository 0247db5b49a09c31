#!/usr/bin/env bash
# What each page's wasm is made of: builds the four binaries for release,
# runs wasm-bindgen and wasm-opt as the real build does but keeps the
# function names, and reports code by crate and the largest functions
# (scripts/wasm-size.mjs). docs/size.md explains how to read it.
#
#   scripts/wasm-size.sh                 all four pages, top 25 each
#   scripts/wasm-size.sh plan --top 60   one page (assess, plan, mentor, program)
#   scripts/wasm-size.sh plan --crate crossroads
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
pages=(assess plan mentor program)
if [ $# -gt 0 ] && [[ " ${pages[*]} " == *" $1 "* ]]; then
  pages=("$1")
  shift
fi
bin() { [ "$1" = assess ] && echo crossroads || echo "crossroads-$1"; }
args=()
for p in "${pages[@]}"; do args+=(--bin "$(bin "$p")"); done
cargo build --quiet --release --target wasm32-unknown-unknown "${args[@]}"
out=target/wasm-size
mkdir -p "$out"
for p in "${pages[@]}"; do
  b=$(bin "$p")
  wasm-bindgen --keep-debug --target web --out-dir "$out/$p" "target/wasm32-unknown-unknown/release/$b.wasm"
  # The same passes as Trunk's `data-wasm-opt="z"`, with the names kept.
  wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/$p.wasm" "$out/$p/${b}_bg.wasm"
  echo "== $p: $(node -e "const z=require('zlib'),f=require('fs').readFileSync('$out/$p.wasm');console.log(f.length+' bytes with names')")"
  node scripts/wasm-size.mjs "$out/$p.wasm" "$@"
done
