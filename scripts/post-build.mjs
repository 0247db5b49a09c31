// Trunk post-build hook: make the built page work under a strict Content
// Security Policy with no 'unsafe-inline'.
//
// Trunk boots the wasm from an inline <script type="module">. We move its body
// into `boot-<hash>.js` (so the policy needs no script hash), add the policy
// as a <meta> tag for hosts that cannot set headers, and write `_headers`
// (Netlify / Cloudflare Pages format) with the full set of security headers,
// which scripts/serve.mjs also applies.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) {
  console.error('post-build: no inline boot script found in index.html');
  process.exit(1);
}
// Start the wasm only after the first paint, so the welcome text in the
// page is never held back by the download or compile (the files are still
// preloaded in parallel).
const body = m[1].replace(
  /import init, \* as bindings from '([^']+)';/,
  "await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n" +
    "const bindings = await import('$1');\nconst init = bindings.default;",
);
if (body === m[1]) {
  console.error('post-build: the boot script has an unexpected shape; not deferring the wasm start');
}
const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
const bootName = `boot-${hash}.js`;
writeFileSync(join(dir, bootName), body);
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still holds an inline script');
  process.exit(1);
}

html = html.replace(
  /<head>/,
  `<head>\n<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
);
writeFileSync(indexPath, html);

const headers = [
  '/*',
  `  Content-Security-Policy: ${CSP}; frame-ancestors 'none'`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '  Cross-Origin-Resource-Policy: same-origin',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
  '',
].join('\n');
writeFileSync(join(dir, '_headers'), headers);
// The service worker's precache list and version: every built file, and a
// version that changes whenever any of them does.
const files = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile() && !['_headers', 'sw.js', 'crossroads.json'].includes(e.name))
  .map((e) => e.name)
  .sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const precache = files.map((f) => (f === 'index.html' ? './' : `./${f}`));
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace("const VERSION = 'dev';", `const VERSION = '${version.digest('hex').slice(0, 16)}';`)
  .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache)};`);
writeFileSync(swPath, sw);

console.log(`post-build: boot script -> ${bootName}; CSP and _headers written`);
