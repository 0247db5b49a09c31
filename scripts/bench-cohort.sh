#!/usr/bin/env bash
# Benchmarks the native cohort command: generates N result files (default
# 100000; every 25th deliberately broken) and aggregates them, reporting wall
# time, files per second and peak memory.
#
#   scripts/bench-cohort.sh [n]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release -q --bin crossroads --example gen_results
./target/release/examples/gen_results "$dir" "$n" >/dev/null
/usr/bin/time -f '%e %M' -o "$dir/.time" ./target/release/crossroads cohort "$dir" > /dev/null
read -r secs kb < "$dir/.time"
echo "cohort of $n files: ${secs}s, $(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%d", n/(s>0?s:0.001)}') files/s, peak memory $((kb / 1024)) MB"
