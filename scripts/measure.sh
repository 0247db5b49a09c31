#!/usr/bin/env bash
# Measures what a first visit costs: the gzip size of every file the browser
# loads for the assessment page, the same for each other page opened cold, and
# Lighthouse (mobile) scores against the built dist/. Not part of
# the test run; for release notes and budgets (150 KB gzip first load).
#
#   scripts/measure.sh                  sizes only
#   scripts/measure.sh --lighthouse [N]  sizes and N Lighthouse runs (default 5)
#                                        with their median; installs
#                                        lighthouse@12 in .cache/
# Lighthouse scores vary from run to run on the same build (its simulated
# timings follow the machine's load), so one run says little: read the
# median.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run scripts/build.sh (or scripts/serve.sh) first" >&2; exit 1; }
# What a first visit loads and what each other page loads cold: see
# scripts/sizes.mjs.
node --input-type=module -e '
import { ENTRY_BUDGETS, FIRST_VISIT_BUDGET, sizes, total } from "./scripts/sizes.mjs";
const { firstVisit, entries } = sizes("dist");
const show = (label, files, budget) => {
  for (const f of files) console.log(`  ${f.file.padEnd(44)} ${String(f.bytes).padStart(9)} ${String(f.gzip).padStart(9)}`);
  console.log(`${label.padEnd(46)} ${"".padStart(9)} ${String(total(files)).padStart(9)}${budget ? `  (budget ${budget})` : ""}`);
};
console.log(`${"file".padEnd(46)} ${"bytes".padStart(9)} ${"gzip".padStart(9)}`);
show("first visit (assessment page), gzip", firstVisit, FIRST_VISIT_BUDGET);
for (const [page, files] of Object.entries(entries)) show(`${page}, opened cold, gzip`, files, ENTRY_BUDGETS[page]);
'

if [ "${1:-}" = "--lighthouse" ]; then
  mkdir -p .cache/lighthouse
  [ -x .cache/lighthouse/node_modules/.bin/lighthouse ] || npm install --prefix .cache/lighthouse --no-audit --no-fund lighthouse@12 >/dev/null
  node scripts/serve.mjs --port 8766 >/dev/null & server=$!
  trap 'kill $server' EXIT
  sleep 1
  runs=${2:-5}
  # Every page a person can land on cold; runs interleaved, so that the
  # machine's load falls on all of them alike.
  # A share link as a mentor receives it: the fixture the tests use.
  share="mentor.html$(tr -d '\n' < tests/fixtures/share_bank_1.0.0.txt)"
  pages=("" "plan.html#/results" "plan.html#/roadmap" "mentor.html#/open" "$share" "program.html#/cohort")
  for i in $(seq 1 "$runs"); do
    for p in "${!pages[@]}"; do
      # Lighthouse now and then fails to record a trace (NO_NAVSTART):
      # such a run is tried again, up to three times.
      for attempt in 1 2 3; do
        CHROME_PATH=$(command -v chromium) .cache/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:8766/${pages[$p]}" --quiet \
          --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
          --only-categories=performance,accessibility,best-practices --output=json --output-path=".cache/lighthouse/report-$p-$i.json" && break
        [ "$attempt" -lt 3 ] || exit 1
      done
    done
  done
  node -e '
const [runs, ...pages] = process.argv.slice(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
pages.forEach((page, p) => {
  const reports = Array.from({ length: Number(runs) }, (_, i) => require(`./.cache/lighthouse/report-${p}-${i + 1}.json`));
  console.log(`\n${page || "index.html"}`);
  for (const k of Object.keys(reports[0].categories)) {
    const scores = reports.map((r) => Math.round(r.categories[k].score * 100));
    console.log(`  lighthouse ${k}: median ${median(scores)} (runs: ${scores.join(", ")})`);
  }
  for (const a of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) {
    const unit = a.startsWith("cumulative") ? "" : " ms";
    console.log(`    ${a}: median ${median(reports.map((r) => r.audits[a].numericValue)).toFixed(unit ? 0 : 3)}${unit} (runs: ${reports.map((r) => r.audits[a].displayValue).join(", ")})`);
  }
});' "$runs" "${pages[@]}"
fi
