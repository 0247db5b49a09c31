#!/usr/bin/env bash
# Benchmarks the native cohort command: generates N result files (default
# 100000; every 25th deliberately broken, every tenth person taking it
# twice) and runs `crossroads cohort --parquet` over them, reporting wall
# time, files per second, peak memory (GNU time's maximum resident set) and
# CPU time, which unlike the wall time does not depend on what else the
# machine is doing. Built with the `native` profile (opt-level 3; the
# release profile is sized for the wasm).
#
#   scripts/bench-cohort.sh [n] [--zip]
#
# With --zip the files go into one .zip archive (stored entries) instead of
# a folder: far quicker to generate on a slow disk, and read as a stream.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
mode=${2:-folder}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --profile native -q --bin crossroads --example gen_results
if [ "$mode" = "--zip" ]; then input="$dir/cohort.zip"; else input="$dir/cohort"; fi
start=$(date +%s.%N)
./target/native/examples/gen_results "$input" "$n" >/dev/null
echo "generated $n files ($mode) in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')s, $(du -sh "$input" | cut -f1) on disk"
/usr/bin/time -v -o "$dir/.time" ./target/native/crossroads cohort --parquet "$dir/out" "$input" > "$dir/summary.json" 2>/dev/null
secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$dir/.time")
kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$dir/.time")
cpu=$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.1f", s}' "$dir/.time")
participants=$(grep -m1 '"participants"' "$dir/summary.json" | tr -dc '0-9')
echo "cohort of $n files ($participants valid) with Parquet export: ${secs}s, $(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%d", n/(s>0?s:0.001)}') files/s, peak memory $((kb / 1024)) MB, CPU time ${cpu}s (user + system) on $(nproc) cores"
echo "load average at the end (other work on this machine slows the wall time): $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$dir/out" | awk 'NR>1{printf "  %s %d bytes\n", $9, $5}'
