#!/usr/bin/env bash
# Measures what a first visit costs: the gzip size of every file the browser
# loads for the assessment page, the same for the planner page, and
# Lighthouse (mobile) scores against the built dist/. Not part of
# the test run; for release notes and budgets (150 KB gzip first load).
#
#   scripts/measure.sh            sizes only
#   scripts/measure.sh --lighthouse   sizes and Lighthouse (installs lighthouse@12 in .cache/)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run scripts/build.sh (or scripts/serve.sh) first" >&2; exit 1; }
# What a first visit loads and what the planner page adds: see
# scripts/sizes.mjs.
node --input-type=module -e '
import { FIRST_VISIT_BUDGET, sizes, total } from "./scripts/sizes.mjs";
const { firstVisit, planner } = sizes("dist");
const show = (label, files, budget) => {
  for (const f of files) console.log(`  ${f.file.padEnd(44)} ${String(f.bytes).padStart(9)} ${String(f.gzip).padStart(9)}`);
  console.log(`${label.padEnd(46)} ${"".padStart(9)} ${String(total(files)).padStart(9)}${budget ? `  (budget ${budget})` : ""}`);
};
console.log(`${"file".padEnd(46)} ${"bytes".padStart(9)} ${"gzip".padStart(9)}`);
show("first visit (assessment page), gzip", firstVisit, FIRST_VISIT_BUDGET);
show("planner page, when first opened, gzip", planner);
'

if [ "${1:-}" = "--lighthouse" ]; then
  mkdir -p .cache/lighthouse
  [ -x .cache/lighthouse/node_modules/.bin/lighthouse ] || npm install --prefix .cache/lighthouse --no-audit --no-fund lighthouse@12 >/dev/null
  node scripts/serve.mjs --port 8766 >/dev/null & server=$!
  trap 'kill $server' EXIT
  sleep 1
  CHROME_PATH=$(command -v chromium) .cache/lighthouse/node_modules/.bin/lighthouse http://127.0.0.1:8766/ --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices --output=json --output-path=.cache/lighthouse/report.json
  node -e "const r=require('./.cache/lighthouse/report.json');for(const [k,c] of Object.entries(r.categories))console.log('lighthouse',k,Math.round(c.score*100));for(const a of ['first-contentful-paint','largest-contentful-paint','total-blocking-time','cumulative-layout-shift'])console.log(' ',a,r.audits[a].displayValue)"
fi
