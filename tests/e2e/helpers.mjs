// Shared set-up for the end-to-end tests: serve dist/ on 127.0.0.1 with its
// production headers, launch Debian's Chromium through playwright-core, and
// watch for anything a person should never get: a request to another origin,
// a Content Security Policy violation, an uncaught error.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const BANK = JSON.parse(readFileSync(new URL('../../questions/bank.json', import.meta.url)));
export const SESSION_KEY = 'crossroads.session.v1';
export const ASIDE_KEY = 'crossroads.session.unreadable';

function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
}

/** Starts the server and the browser; returns handles and a `close`. */
export async function launch({ prefix = '/', root = 'dist' } = {}) {
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html is missing: run trunk build first`);
  const server = await startServer({ root, port: 0, prefix });
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  return {
    base,
    browser,
    server,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens a new context and page that record foreign requests, CSP
 * violations and page errors into `problems`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const problems = { foreign: [], csp: [], errors: [] };
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      problems.foreign.push(req.url());
    }
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(msg.text())) problems.csp.push(msg.text());
  });
  page.on('pageerror', (err) => problems.errors.push(String(err)));
  return { context, page, problems };
}

/** axe with WCAG 2.2 A/AA and the experimental rules (label-content-name-mismatch…): every violation, one line each. */
export async function axeAll(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Waits until the wasm app has mounted (its status region exists). */
export async function appReady(page) {
  await page.locator('#save-status').waitFor({ state: 'attached', timeout: 20000 });
}

/**
 * The answer a person with a clear preference for `track` gives: the index
 * of the option to pick (0-based) for each item of the bank, in order.
 */
export function clearAnswers(track) {
  const dims = Object.fromEntries(BANK.dimensions.map((d) => [d.id, d.track === track ? 1 : -1]));
  return BANK.items.map((item) => {
    if (item.kind === 'likert') {
      const agree = (dims[item.dimension] > 0) !== item.reverse;
      return agree ? 4 : 0;
    }
    let best = 0;
    let bestScore = -Infinity;
    item.options.forEach((o, i) => {
      const s = Object.entries(o.weights).reduce((acc, [d, w]) => acc + w * dims[d], 0);
      if (s > bestScore) { best = i; bestScore = s; }
    });
    return best;
  });
}

/** Stores a finished session so the result page has something to show. */
export async function seedFinished(page, track) {
  const picks = clearAnswers(track);
  const answers = Object.fromEntries(BANK.items.map((it, i) =>
    [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id]));
  const bank = { id: BANK.id, version: BANK.version, last: BANK.items.length - 1 };
  await page.evaluate(([k, a, b]) => localStorage.setItem(k, JSON.stringify({
    format: 'crossroads-session', version: 1,
    session: { bank_id: b.id, bank_version: b.version, answers: a, position: b.last, finished: true, started: null, updated: null },
  })), [SESSION_KEY, answers, bank]);
}


/** The page that shows each route (src/routes.rs): the assessment, the mentor's and the program's; the rest are the planner's. */
const PAGE_OF = [
  [/^(questions)?$/, ''],
  [/^(open|compare|opened\/\d+|report\/\d+|r\?.*)$/, 'mentor.html'],
  [/^(cohort|admin)$/, 'program.html'],
];

/** The address of a route on the page that shows it: `route('skills')` → `plan.html#/skills`. */
export function route(base, name = '') {
  const page = PAGE_OF.find(([pattern]) => pattern.test(name))?.[1] ?? 'plan.html';
  return `${base}${page}#/${name}`;
}

/**
 * Drops files and folders from disk on `target`, as a person dragging them
 * from their file manager does: through Chromium's own drag and drop
 * (DevTools' `Input.dispatchDragEvent`), so that a folder arrives as a
 * folder entry, which a page cannot make for itself.
 */
export async function dropPaths(page, target, paths) {
  const box = await target.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
}
