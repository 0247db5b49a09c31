// Hosting as a training program would: under a sub-path, with the shipped
// security headers, and offline after the first visit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BANK, SESSION_KEY, appReady, clearAnswers, launch, openPage, route } from './helpers.mjs';

let env;
before(async () => { env = await launch({ prefix: '/academy/crossroads/' }); });
after(async () => { await env?.close(); });

test('dist/ ships the security headers', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  for (const h of ["default-src 'none'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", 'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer', 'Strict-Transport-Security: max-age=31536000', 'Cross-Origin-Opener-Policy: same-origin',
    'Cross-Origin-Resource-Policy: same-origin', 'Permissions-Policy: camera=(), microphone=(), geolocation=()']) {
    assert.ok(headers.includes(h), `_headers has ${h}`);
  }
  assert.doesNotMatch(headers, /unsafe-inline|default-src 'self'/);
});

// Every recipe in docs/hosting.md sends the same headers as dist/_headers,
// so each host reaches the same score.
test('the nginx recipe in docs/hosting.md sends every header of _headers', () => {
  const doc = readFileSync('docs/hosting.md', 'utf8');
  const snippet = doc.match(/# \/etc\/nginx\/snippets\/crossroads-headers\.conf\n([\s\S]*?)```/)[1];
  const sent = Object.fromEntries([...snippet.matchAll(/add_header ([\w-]+) "?(.*?)"? always;/g)].map((m) => [m[1], m[2]]));
  const headers = readFileSync('dist/_headers', 'utf8').split('\n').slice(1).filter(Boolean)
    .map((line) => line.trim().split(/: (.*)/s));
  for (const [name, value] of headers) assert.equal(sent[name], value, `nginx sends ${name}`);
  assert.equal(Object.keys(sent).length, headers.length);
});

test('served under a sub-path with the strict headers, the app works with no CSP violation', async () => {
  const { context, page, problems } = await openPage(env.browser);
  const response = await page.goto(env.base);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await appReady(page);
  await page.getByRole('link', { name: 'Start the questionnaire' }).click();
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  assert.ok(page.url().startsWith(env.base), page.url());
  await page.reload();
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a first visit loads only the assessment; after it, the app works offline, the planner too once opened', async () => {
  const { context, page, problems } = await openPage(env.browser);
  const requested = [];
  context.on('request', (req) => requested.push(new URL(req.url()).pathname));
  env.server.sent.clear();
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Controlled from the next load on.
  await page.reload();
  await appReady(page);
  const planner = requested.filter((p) => /plan/.test(p));
  assert.deepEqual(planner, [], 'the first visit fetches none of the planner page');
  // The service worker's install re-reads the page's files from the HTTP
  // cache: each crossed the network once.
  const sent = Object.fromEntries(env.server.sent);
  const wasm = Object.keys(sent).filter((p) => p.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm file: ${JSON.stringify(sent)}`);
  for (const [path, times] of Object.entries(sent)) {
    if (/-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(path)) assert.equal(times, 1, `${path} was downloaded ${times} times`);
  }
  await page.goto(route(env.base, 'skills'));
  await page.getByRole('heading', { level: 1, name: 'Rate your skills' }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Rate your skills' }).waitFor();
  await page.goto(route(env.base, 'questions'));
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: /^Question 2 of/ }).waitFor();
  await context.close();
  assert.deepEqual(problems.foreign, []);
  assert.deepEqual(problems.csp, []);
});

test('near the end of the questionnaire the result page is cached, so it opens even if the network drops', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await appReady(page);
  const cachedPlanner = () => page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => r.url).filter((u) => /plan/.test(u));
  });
  assert.deepEqual(await cachedPlanner(), [], 'nothing of the planner is cached yet');
  // Answer all but the last question, then stand on it.
  const picks = clearAnswers('management');
  const answers = Object.fromEntries(BANK.items.slice(0, -1).map((it, i) =>
    [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id]));
  const last = BANK.items.length - 1;
  await page.evaluate(([k, a, pos]) => localStorage.setItem(k, JSON.stringify({
    format: 'crossroads-session', version: 1,
    session: { bank_id: 'crossroads-default', bank_version: '1.0.0', answers: a, position: pos, finished: false, started: null, updated: null },
  })), [SESSION_KEY, answers, last]);
  await page.goto(route(env.base, 'questions'));
  await page.reload();
  await page.getByRole('heading', { name: `Question ${last + 1} of ${BANK.items.length}` }).waitFor();
  for (let i = 0; i < 50; i++) {
    const urls = await cachedPlanner();
    if (urls.some((u) => /crossroads-plan-.*_bg\.wasm$/.test(u)) && urls.some((u) => u.endsWith('/plan.html'))) break;
    assert.ok(i < 49, `the planner was not cached: ${urls.join(', ')}`);
    await page.waitForTimeout(200);
  }
  await context.setOffline(true);
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { level: 1, name: /^Your result/ }).waitFor();
  await context.close();
  assert.deepEqual(problems.foreign, []);
  assert.deepEqual(problems.csp, []);
});

test('a new deployment is picked up on the next visit and the old cache is removed', async () => {
  const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const root = mkdtempSync(join(tmpdir(), 'crossroads-deploy-'));
  cpSync('dist', root, { recursive: true });
  const site = await launch({ root });
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.base);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);
  // Deploy a new build in place: new page text, new worker version.
  const index = readFileSync(join(root, 'index.html'), 'utf8').replace('Technical track or management track?', 'Technical or management? (new build)');
  writeFileSync(join(root, 'index.html'), index);
  const sw = readFileSync(join(root, 'sw.js'), 'utf8').replace(/const VERSION\s*=\s*["'][^"']+["']/, "const VERSION='next-build'");
  writeFileSync(join(root, 'sw.js'), sw);
  await page.reload();
  await page.getByRole('heading', { name: 'Technical or management? (new build)' }).waitFor();
  // The new worker takes over and deletes the old cache.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === 'crossroads-next-build';
  }, null, { timeout: 15000 });
  await context.close();
  await site.close();
  assert.deepEqual(problems.foreign, []);
});
