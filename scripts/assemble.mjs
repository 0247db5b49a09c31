// Joins the two Trunk builds into one dist/: the assessment (index.html,
// built into dist/) and the planner (plan.html, built into a folder of its
// own), then writes what spans both — the `_headers` file with the security
// headers (scripts/serve.mjs applies it too) and the service worker's file
// lists and version.
//
//   node scripts/assemble.mjs <planner build dir> <dist>
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { CSP, PERMISSIONS } from './csp.mjs';

const [planDir, dist] = process.argv.slice(2);
if (!planDir || !dist || !existsSync(join(planDir, 'index.html')) || !existsSync(join(dist, 'index.html'))) {
  console.error('assemble: usage: node scripts/assemble.mjs <planner build dir> <dist> (both built first)');
  process.exit(1);
}

const files = (dir) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

// The planner's page becomes plan.html; its hashed files join the others.
const assessFiles = files(dist);
const planFiles = [];
for (const name of files(planDir)) {
  const target = name === 'index.html' ? 'plan.html' : name;
  if (assessFiles.includes(target)) continue; // the shared stylesheet
  copyFileSync(join(planDir, name), join(dist, target));
  planFiles.push(target);
}

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
// visit loads anyway) and caches the planner's files the first time they
// are used, so a first visit downloads nothing it does not show. Its
// version changes whenever any built file does.
const notCached = ['_headers', 'sw.js', 'crossroads.json'];
const precache = assessFiles.filter((f) => !notCached.includes(f)).sort();
const lazy = planFiles.sort();
const version = createHash('sha256');
for (const f of [...precache, ...lazy]) version.update(f).update(readFileSync(join(dist, f)));
const url = (f) => (f === 'index.html' ? './' : `./${f}`);
const swPath = join(dist, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace("const VERSION = 'dev';", `const VERSION = '${version.digest('hex').slice(0, 16)}';`)
  .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache.map(url))};`)
  .replace('const LAZY = [];', `const LAZY = ${JSON.stringify(lazy.map(url))};`);
if (!sw.includes('const LAZY = ["')) {
  console.error('assemble: sw.js has no LAZY list to fill in');
  process.exit(1);
}
// Minified (whitespace and comments; names kept, so the version stays
// findable as `const VERSION=`): every first visit downloads it.
writeFileSync(swPath, transformSync(sw, { loader: 'js', minifyWhitespace: true, minifySyntax: true }).code);
console.log(`assemble: dist/ holds the assessment and the planner (${planFiles.length} files); _headers and sw.js written`);
