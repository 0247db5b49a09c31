// Trunk post-build hook: make the built page work under a strict Content
// Security Policy with no 'unsafe-inline'.
//
// Trunk boots the wasm from an inline <script type="module">. We move its body
// into `boot-<hash>.js` (so the policy needs no script hash) and add the
// policy as a <meta> tag for hosts that cannot set headers. It runs for each
// of the two pages; scripts/assemble.mjs then joins them into dist/ and
// writes `_headers` and the service worker's file lists.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { CSP } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}



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
const minified = (code, loader) => transformSync(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
const bootBody = minified(body, 'js');
const hash = createHash('sha256').update(bootBody).digest('hex').slice(0, 16);
const bootName = `boot-${hash}.js`;
writeFileSync(join(dir, bootName), bootBody);

// The wasm-bindgen glue and the stylesheet, minified: about 2 KB less gzip
// on the first visit. Their integrity hashes in the page follow.
for (const name of readdirSync(dir)) {
  const loader = name.endsWith('.css') ? 'css' : name.endsWith('.js') && name !== 'sw.js' && name !== bootName ? 'js' : null;
  if (!loader) continue;
  const code = minified(readFileSync(join(dir, name), 'utf8'), loader);
  writeFileSync(join(dir, name), code);
  const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const tag = new RegExp(`(<link[^>]*href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) {
    console.error(`post-build: no integrity attribute for ${name} in the page`);
    process.exit(1);
  }
  html = html.replace(tag, `$1${sri}$2`);
}
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

console.log(`post-build: boot script -> ${bootName}; CSP written`);
