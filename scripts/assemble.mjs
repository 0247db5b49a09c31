// Joins the Trunk builds into one dist/: the assessment (index.html, built
// into dist/) and the other pages (plan.html, mentor.html, program.html,
// each built into a folder of its own), then writes what spans them all —
// the `_headers` file with the security headers (scripts/serve.mjs applies
// it too) and the service worker's file lists and version.
//
//   node scripts/assemble.mjs <dist> <page>=<build dir> ...
//   e.g. node scripts/assemble.mjs dist plan.html=target/plan-dist
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { CSP, PERMISSIONS } from './csp.mjs';

const [dist, ...pageArgs] = process.argv.slice(2);
const pages = pageArgs.map((arg) => arg.split('='));
if (!dist || !existsSync(join(dist, 'index.html')) || pages.length === 0
  || pages.some(([page, dir]) => !page || !dir || !existsSync(join(dir, 'index.html')))) {
  console.error('assemble: usage: node scripts/assemble.mjs <dist> <page>=<build dir> ... (each built first)');
  process.exit(1);
}

const files = (dir) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

// Each page's built index.html becomes its own name; its hashed files join
// the others. Files two pages share (the stylesheets, by content hash) are
// copied once.
const assessFiles = files(dist);
const pageFiles = new Map();
const copied = new Set(assessFiles);
for (const [page, dir] of pages) {
  const own = [];
  for (const name of files(dir)) {
    const target = name === 'index.html' ? page : name;
    own.push(target);
    if (copied.has(target)) continue;
    copyFileSync(join(dir, name), join(dist, target));
    copied.add(target);
  }
  pageFiles.set(page, own);
}
const laterFiles = [...copied].filter((f) => !assessFiles.includes(f));

// HSTS: a year, without includeSubDomains (a program's other subdomains
// may not all speak https; docs/hosting.md says how to add it).
writeFileSync(join(dist, '_headers'), [
  '/*',
  `  Content-Security-Policy: ${CSP}; frame-ancestors 'none'`,
  '  Strict-Transport-Security: max-age=31536000',
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '  Cross-Origin-Opener-Policy: same-origin',
  '  Cross-Origin-Resource-Policy: same-origin',
  `  Permissions-Policy: ${PERMISSIONS}`,
  '',
].join('\n'));

// The service worker precaches the assessment at install (what a first
// visit loads anyway) and caches the other pages' files the first time they
// are used, so a first visit downloads nothing it does not show. Near the
// end of the questionnaire it warms the planner, the page the result opens
// on. Its version changes whenever any built file does.
const notCached = ['_headers', 'sw.js', 'crossroads.json'];
const precache = assessFiles.filter((f) => !notCached.includes(f)).sort();
const lazy = laterFiles.sort();
const warm = (pageFiles.get('plan.html') ?? []).filter((f) => lazy.includes(f)).sort();
const version = createHash('sha256');
for (const f of [...precache, ...lazy]) version.update(f).update(readFileSync(join(dist, f)));
const url = (f) => (f === 'index.html' ? './' : `./${f}`);
const swPath = join(dist, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace("const VERSION = 'dev';", `const VERSION = '${version.digest('hex').slice(0, 16)}';`)
  .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache.map(url))};`)
  .replace('const LAZY = [];', `const LAZY = ${JSON.stringify(lazy.map(url))};`)
  .replace('const WARM = [];', `const WARM = ${JSON.stringify(warm.map(url))};`);
if (!sw.includes('const LAZY = ["') || !sw.includes('const WARM = ["')) {
  console.error('assemble: sw.js has no LAZY or WARM list to fill in');
  process.exit(1);
}
// Minified (whitespace and comments; names kept, so the version stays
// findable as `const VERSION=`): every first visit downloads it.
writeFileSync(swPath, transformSync(sw, { loader: 'js', minifyWhitespace: true, minifySyntax: true }).code);
console.log(`assemble: dist/ holds the assessment and ${pages.map(([p]) => p).join(', ')} (${laterFiles.length} more files); _headers and sw.js written`);
