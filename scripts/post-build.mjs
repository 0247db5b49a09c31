// Trunk post-build hook: make the built page work under a strict Content
// Security Policy with no 'unsafe-inline', and make what it loads small.
//
// Trunk boots the wasm from an inline <script type="module">. We move its body
// into `boot-<hash>.js` (so the policy needs no script hash) and add the
// policy as a <meta> tag for hosts that cannot set headers. The wasm gets
// short import and export names, the glue and stylesheet are minified, and
// the wasm is fetched after the first paint. It runs for each of the two
// pages; scripts/assemble.mjs then joins them into dist/ and writes
// `_headers` and the service worker's file lists.
import { execFileSync } from 'node:child_process';
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
// The assessment paints its welcome text from the page itself: start its
// wasm only after that first paint, so the text is never held back by the
// download or compile. The other pages have nothing to show until their
// wasm runs, so they fetch it at once (see the preload below).
const paintsFirst = html.includes('id="welcome"');
const body = !paintsFirst ? m[1] : m[1].replace(
  /import init, \* as bindings from '([^']+)';/,
  "await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n" +
    "const bindings = await import('$1');\nconst init = bindings.default;",
);
if (paintsFirst && body === m[1]) {
  console.error('post-build: the boot script has an unexpected shape; not deferring the wasm start');
}
const minified = (code, loader) => transformSync(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
const bootBody = minified(body, 'js');
const hash = createHash('sha256').update(bootBody).digest('hex').slice(0, 16);
const bootName = `boot-${hash}.js`;
writeFileSync(join(dir, bootName), bootBody);

// Names the browser never needs to read, made short: the wasm module's
// imports and exports (wasm-bindgen names each import after its function
// plus a hash) are renamed by binaryen, and the glue code follows the map.
// About 4 KB less gzip on the first visit.
// The glue is the script named after the wasm (a page may copy scripts of
// its own beside it, such as the cohort page's file-reading worker).
const wasmFile = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
const glue = readdirSync(dir).filter((f) => wasmFile && f === wasmFile.replace(/_bg\.wasm$/, '.js'));
if (glue.length !== 1 || !wasmFile) {
  console.error(`post-build: expected one wasm and its glue, found ${wasmFile} and ${glue.join(', ')}`);
  process.exit(1);
}
const wasmPath = join(dir, wasmFile);
const glueModule = `./${wasmFile.replace(/-[0-9a-f]+_bg\.wasm$/, '')}_bg.js`;
// The features Rust's wasm32 target uses; wasm-opt refuses a module that
// needs one more, and writes nothing a browser would not know.
const features = ['bulk-memory', 'multivalue', 'mutable-globals', 'nontrapping-float-to-int',
  'reference-types', 'sign-ext'].map((f) => `--enable-${f}`);
const map = JSON.parse(execFileSync('wasm-opt', [wasmPath, ...features,
  '--minify-imports-and-exports-and-modules', '-o', wasmPath], { encoding: 'utf8' }));
const module = new WebAssembly.Module(readFileSync(wasmPath));
const modules = [...new Set(WebAssembly.Module.imports(module).map((i) => i.module))];
if (modules.length !== 1 || map.imports.some(([m]) => m !== glueModule)) {
  console.error(`post-build: the wasm imports from ${map.imports.map(([m]) => m)}, not only ${glueModule}`);
  process.exit(1);
}
let js = readFileSync(join(dir, glue[0]), 'utf8');
const rename = (pattern, to, what) => {
  const before = js;
  js = js.replace(pattern, to);
  if (js === before) {
    console.error(`post-build: ${what} not found in ${glue[0]}`);
    process.exit(1);
  }
};
rename(new RegExp(`(["'])${glueModule.replace(/[.]/g, '\\.')}\\1:`, 'g'), `"${modules[0]}":`, `the import module ${glueModule}`);
for (const [, from, to] of map.imports) rename(new RegExp(`\\b${from}:`, 'g'), `"${to}":`, `the import ${from}`);
for (const [from, to] of map.exports) {
  if (!new RegExp(`\\.${from}\\b`).test(js)) continue; // exported, never called from JS
  rename(new RegExp(`\\.${from}\\b`, 'g'), `["${to}"]`, `the export ${from}`);
}
// Minified, the glue keeps no long name of the wasm's but in what it
// renamed (its own helper functions share the exports' names).
js = minified(js, 'js');
const leftover = [...map.imports.map(([, f]) => f), ...map.exports.map(([f]) => f)]
  .filter((f) => f.length > 6 && js.includes(f));
if (leftover.length) {
  console.error(`post-build: ${glue[0]} still names ${leftover.join(', ')}`);
  process.exit(1);
}
writeFileSync(join(dir, glue[0]), js);

// The assessment has no early preload of its wasm: on a slow link it would
// share the bandwidth with the page and its stylesheet and hold back the
// first paint, so its boot script fetches the wasm right after that paint.
// The other pages keep the preload, so the wasm downloads while the page,
// stylesheets and scripts do; its integrity is updated, as the wasm was
// rewritten above.
const wasmPreload = new RegExp(`<link rel="preload" href="\\./${wasmFile.replace(/[.]/g, '\\.')}"[^>]*>\\n?`);
if (!wasmPreload.test(html)) {
  console.error(`post-build: no preload of ${wasmFile} in the page`);
  process.exit(1);
}
if (paintsFirst) {
  html = html.replace(wasmPreload, '');
} else {
  const sri = `sha384-${createHash('sha384').update(readFileSync(wasmPath)).digest('base64')}`;
  html = html.replace(wasmPreload, (tag) => tag.replace(/integrity="[^"]*"/, `integrity="${sri}"`));
}

// The stylesheet minified too (the glue is), and the integrity hashes of
// both in the page updated. Minifying saves about 2 KB gzip.
for (const name of readdirSync(dir)) {
  const css = name.endsWith('.css');
  if (!css && !glue.includes(name)) continue;
  const code = css ? minified(readFileSync(join(dir, name), 'utf8'), 'css') : readFileSync(join(dir, name));
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
