#!/usr/bin/env bash
# Measures what a first visit costs: the gzip size of every file the browser
# loads, and Lighthouse (mobile) scores against the built dist/. Not part of
# the test run; for release notes and budgets (150 KB gzip first load).
#
#   scripts/measure.sh            sizes only
#   scripts/measure.sh --lighthouse   sizes and Lighthouse (installs lighthouse@12 in .cache/)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run trunk build (or scripts/serve.sh) first" >&2; exit 1; }
total=0
printf '%-44s %9s %9s\n' file bytes gzip
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css dist/favicon.svg; do
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-44s %9d %9d\n' "${f#dist/}" "$raw" "$gz"
done
printf '%-44s %9s %9d  (budget 153600)\n' "first visit, gzip" "" "$total"

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
