// What each page costs to load: the gzip size of every file the browser
// fetches for it, read from the service worker's lists in dist/sw.js.
// Used by scripts/measure.sh (a report) and tests/e2e/budget.test.mjs (the
// first visit's budget).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first visit's budget, gzip bytes (150 KB). */
export const FIRST_VISIT_BUDGET = 150_000;

// The lists as assemble.mjs writes them (sw.js is minified: `PRECACHE=[…]`).
const list = (sw, name) => JSON.parse(sw.match(new RegExp(`\\b${name}\\s*=\\s*(\\[.*?\\])`))[1])
  .map((u) => (u === './' ? 'index.html' : u.slice(2)));

/** The bank a program's `crossroads.json` names, if any. */
function programBank(dist) {
  try {
    const bank = JSON.parse(readFileSync(join(dist, 'crossroads.json'), 'utf8'))?.content?.bank;
    return typeof bank === 'string' ? [bank] : [];
  } catch {
    return [];
  }
}

/**
 * `{ firstVisit, planner }`, each a list of `{ file, bytes, gzip }`. A first
 * visit loads the assessment page and its files (the worker's precache
 * list), the worker itself, the program's `crossroads.json` and the bank it
 * names, when there are; the planner page's files (its lazy list) load
 * when it is first opened.
 */
export function sizes(dist = 'dist') {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const measure = (files) => files.filter((f) => existsSync(join(dist, f))).map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return {
    firstVisit: measure([...list(sw, 'PRECACHE'), 'sw.js', 'crossroads.json', ...programBank(dist)]),
    planner: measure(list(sw, 'LAZY')),
  };
}

export const total = (files) => files.reduce((sum, f) => sum + f.gzip, 0);
