// Every page stays within its budget: the gzip size of everything the
// browser loads for it (wasm, glue, boot script, page, stylesheets, icon,
// manifest, service worker, crossroads.json). A size is deterministic for a
// build, so this is a check, not a benchmark. The last test opens each page
// cold in Chromium and checks that what it really fetches before it is
// usable is what the sizes count.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ENTRY_BUDGETS, FIRST_VISIT_BUDGET, sizes, total } from '../../scripts/sizes.mjs';
import { appReady, launch, openPage } from './helpers.mjs';

const list = (files) => files.map((f) => `  ${f.file} ${f.gzip}`).join('\n');

test('a first visit stays within its budget (scripts/sizes.mjs), and loads none of the other pages', () => {
  const { firstVisit } = sizes('dist');
  const files = firstVisit.map((f) => f.file);
  for (const kind of [/_bg\.wasm$/, /^crossroads-[0-9a-f]+\.js$/, /^style-.*\.css$/, /^index\.html$/, /^sw\.js$/]) {
    assert.ok(files.some((f) => kind.test(f)), `the first visit includes ${kind}: ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => /plan|mentor|program/.test(f)), `no other page's file on the first visit: ${files.join(', ')}`);
  const gzip = total(firstVisit);
  assert.ok(gzip <= FIRST_VISIT_BUDGET, `first visit: ${gzip} bytes gzip, budget ${FIRST_VISIT_BUDGET}:\n${list(firstVisit)}`);
});

test('each page a person can land on cold stays within its budget, with one wasm of its own', () => {
  const { entries } = sizes('dist');
  const wasmOf = {};
  for (const [page, files] of Object.entries(entries)) {
    const wasm = files.filter((f) => f.file.endsWith('_bg.wasm'));
    assert.equal(wasm.length, 1, `${page} loads one wasm:\n${list(files)}`);
    wasmOf[page] = wasm[0].file;
    assert.ok(files.some((f) => f.file === page), `${page} counts itself`);
    const gzip = total(files);
    assert.ok(gzip <= ENTRY_BUDGETS[page], `${page}: ${gzip} bytes gzip, budget ${ENTRY_BUDGETS[page]}:\n${list(files)}`);
  }
  assert.equal(new Set(Object.values(wasmOf)).size, Object.keys(wasmOf).length, `each page has its own wasm: ${JSON.stringify(wasmOf)}`);
});

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('opened cold, each entry page fetches only what its budget counts before it is usable', async () => {
  const { entries } = sizes('dist');
  const share = readFileSync(new URL('../fixtures/share_bank_1.0.0.txt', import.meta.url), 'utf8').trim();
  const landings = [
    ['plan.html', '#/results'], ['plan.html', '#/roadmap'],
    ['mentor.html', '#/open'], ['mentor.html', share],
    ['program.html', '#/cohort'],
  ];
  for (const [page, hash] of landings) {
    const { context, page: tab, problems } = await openPage(env.browser);
    await tab.goto(`${env.base}${page}${hash}`);
    await appReady(tab);
    await tab.locator('main h1').first().waitFor();
    // What the page itself fetched (the service worker's own downloads,
    // which start once the page is usable, are not the page's).
    const fetched = new Set(await tab.evaluate(() => [
      location.href, ...performance.getEntriesByType('resource').map((e) => e.name),
    ].map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html')));
    const counted = new Set(entries[page].map((f) => f.file));
    const extra = [...fetched].filter((f) => !counted.has(f));
    assert.deepEqual(extra, [], `${page}${hash.slice(0, 12)} fetched files its budget does not count`);
    assert.ok(fetched.has(page), `${page} was fetched: ${[...fetched].join(', ')}`);
    await context.close();
    assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  }
});

test('while a later page loads, its footer waits for the screen instead of being pushed down by it', async () => {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 412, height: 915 } });
  // The wasm is held back until the footer has been looked at, as on a slow link.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (r) => { await held; await r.continue(); });
  await page.goto(`${env.base}plan.html#/results`);
  const footer = page.locator('footer');
  await page.getByText('Loading Crossroads…').waitFor();
  assert.equal(await footer.isVisible(), false, 'no footer under the loading line');
  release();
  await appReady(page);
  await page.locator('main h1').first().waitFor();
  assert.equal(await footer.isVisible(), true, 'the footer is there once the screen is');
  assert.ok(await footer.getByRole('link', { name: 'How the result is worked out' }).isVisible());
  // No part of the page moved while it loaded (the footer was the one shift Lighthouse saw).
  const shift = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().reduce((s, e) => s + e.value, 0)))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 500);
  }));
  assert.ok(shift < 0.01, `layout shift while loading: ${shift}`);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a later page asks for crossroads.json while its wasm is still downloading, and only once', async () => {
  // The program's settings are needed before the first screen: fetched only
  // once the wasm runs, they would add a round trip to every cold visit
  // (about 0.3 s of Lighthouse's LCP on a phone), so the page preloads them.
  for (const page of ['plan.html#/results', 'mentor.html#/open', 'program.html#/cohort']) {
    const { context, page: tab, problems } = await openPage(env.browser);
    const asked = [];
    const warnings = [];
    tab.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/crossroads.json')) asked.push(r.url()); });
    tab.on('console', (m) => { if (/crossroads\.json/.test(m.text())) warnings.push(m.text()); });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let wasmAsked;
    const wasmSeen = new Promise((resolve) => { wasmAsked = resolve; });
    await tab.route(/_bg\.wasm$/, async (r) => { wasmAsked(); await held; await r.continue(); });
    await tab.goto(`${env.base}${page}`);
    await wasmSeen;
    await tab.waitForTimeout(300);
    assert.equal(asked.length, 1, `${page}: crossroads.json asked for while the wasm is held back`);
    release();
    await appReady(tab);
    await tab.locator('main h1').first().waitFor();
    assert.equal(asked.length, 1, `${page}: the app used the preloaded crossroads.json instead of asking again: ${asked.join(', ')}`);
    assert.deepEqual(warnings, [], `${page}: no warning about crossroads.json (a preload not used, or not matched)`);
    await context.close();
    assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  }
});
