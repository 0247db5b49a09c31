// On a phone (390 px) and by keyboard: focus follows every move to a new
// screen, Next is the first stop after an answer, typing is saved without
// leaving the field, the share link can be copied, role buttons say what
// they do, suggestions agree with the result, chart text is readable and
// the skills page stays short; what a person typed never widens the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, SESSION_KEY, appReady, axeAll, clearAnswers, launch, openPage, seedFinished, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, text: el?.textContent?.trim() };
});

/** The smallest rendered size, in CSS px, of any text in the page's charts. */
const smallestChartText = (page) => page.evaluate(() => {
  const sizes = [];
  for (const svg of document.querySelectorAll('main svg')) {
    if (!svg.getBoundingClientRect().width) continue; // hidden at this width
    const scale = svg.getScreenCTM()?.a ?? 1;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim() || !t.getBoundingClientRect().width) continue;
      sizes.push({ what: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale });
    }
  }
  for (const chart of document.querySelectorAll('main .chart')) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest('svg') || !el.getBoundingClientRect().width) continue;
      sizes.push({ what: node.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize) });
    }
  }
  sizes.sort((a, b) => a.px - b.px);
  return sizes;
});

test('focus goes to the new screen\'s heading after every move; Next is the first stop after an answer', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  await page.locator('input[type=radio]').first().check();
  await page.locator('input[type=radio]').first().focus();
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'BUTTON', text: 'Next' });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'BUTTON', text: 'Skip' });
  // The visual order is unchanged: Back, Skip, Next from left to right.
  const xs = await Promise.all(['Back', 'Skip', 'Next'].map(async (n) => (await page.getByRole('button', { name: n, exact: true }).boundingBox()).x));
  assert.ok(xs[0] < xs[1] && xs[1] < xs[2], xs.join(' '));

  await seedFinished(page, 'management');
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /^Your result/ }).waitFor();
  for (const [link, heading] of [
    ['Next: rate your skills', 'Rate your skills'],
    ['Next: your experience', 'Your experience'],
    ['Next: choose a target role', 'Choose a target role'],
  ]) {
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction((h) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === h, heading);
  }
  await page.getByRole('button', { name: 'Choose IT manager' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Your gap to IT manager');
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('experience numbers are saved while typing; a reload keeps them', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await page.goto(route(env.base, 'experience'));
  await appReady(page);
  const field = page.getByLabel(/^How many years have you worked in IT\?/);
  await field.click();
  await page.keyboard.type('7');
  // No blur: wait for the pause, then reload.
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('7'), SESSION_KEY, { timeout: 3000 });
  await page.reload();
  assert.equal(await page.getByLabel(/^How many years have you worked in IT\?/).inputValue(), '7');
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('the share link has a Copy button', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'technical');
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await page.getByText('Link copied.', { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('role buttons carry their visible text; suggestions agree with a management result', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'management');
  await page.goto(route(env.base, 'roles'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Choose a target role' }).waitFor();
  assert.deepEqual(await axeAll(page), []);
  const suggested = page.getByRole('region', { name: 'Suggested for you' });
  await suggested.getByRole('button', { name: 'Choose IT manager' }).waitFor();
  assert.doesNotMatch(await suggested.innerText(), /0\s*%/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Choose this role/);
  // After rating strong technical skills, IT manager stays among the three.
  await page.goto(route(env.base, 'skills'));
  for (const name of ['Networking', 'Cybersecurity', 'Cloud platforms']) {
    const group = page.getByRole('group', { name });
    if (await group.count()) await group.getByLabel(/^Level 4:/).check();
  }
  await page.goto(route(env.base, 'roles'));
  await suggested.getByRole('button', { name: 'Choose IT manager' }).waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('chart text is at least 12 px on a 390 px phone, and each chart keeps its table', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'management');
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /^Your result/ }).waitFor();
  let sizes = await smallestChartText(page);
  assert.ok(sizes.length >= BANK.dimensions.length, `chart text found on the result: ${sizes.length}`);
  assert.ok(sizes[0].px >= 12, `result: "${sizes[0].what}" is ${sizes[0].px.toFixed(1)} px`);
  await page.getByRole('table', { name: /Scores by topic/ }).waitFor();
  await page.goto(route(env.base, 'roles'));
  await page.getByRole('button', { name: 'Choose IT manager' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your gap to IT manager' }).waitFor();
  sizes = await smallestChartText(page);
  assert.ok(sizes.length >= 5, `chart text found on the gap: ${sizes.length}`);
  assert.ok(sizes[0].px >= 12, `gap: "${sizes[0].what}" is ${sizes[0].px.toFixed(1)} px`);
  await page.getByRole('table', { name: /Skill levels from 0 to 4/ }).waitFor();
  assert.deepEqual(await axeAll(page), []);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('the skills page is grouped, shows progress and is at most 10 phone screens tall', async () => {
  const { context, page, problems } = await openPage(env.browser, PHONE);
  await page.goto(route(env.base, 'skills'));
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Rate your skills' }).waitFor();
  const screens = () => page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
  const none = await screens();
  assert.ok(none <= 10, `${none.toFixed(1)} screens before rating`);
  assert.ok(await page.getByRole('heading', { level: 2 }).count() >= 3, 'grouped by area');
  assert.deepEqual(await axeAll(page), []);
  // Rate every skill, opening each collapsed one as a person would.
  for (let guard = 0; guard < 40; guard++) {
    const summary = page.locator('details.skill:not([open]) > summary', { hasText: 'not rated yet' }).first();
    const open = page.locator('details.skill[open]:not(.rated)').first();
    if (await open.count()) {
      await open.locator('input[type=radio]').nth(2).check();
    } else if (await summary.count()) {
      await summary.click();
    } else break;
  }
  await page.getByText(/^20 of 20 skills rated/).waitFor();
  const all = await screens();
  console.log(`skills page at 390×844: ${none.toFixed(1)} screens before rating, ${all.toFixed(1)} after rating all`);
  assert.ok(all <= 10, `${all.toFixed(1)} screens after rating all`);
  assert.deepEqual(await axeAll(page), []);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('on a 360 px phone, a mentee named by an e-mail address with a link in their notes: review, list, comparison and meeting report fit the screen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-phone-'));
  const file = (name, track) => {
    const picks = clearAnswers(track);
    const p = join(dir, `${track}.json`);
    writeFileSync(p, JSON.stringify({
      format: 'crossroads-result', version: 1,
      session: {
        bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true,
        started: '2026-09-01T09:00:00Z', updated: '2026-09-01T09:30:00Z', display_name: name,
        notes: 'After the migration: https://intranet.example.org/projects/service-desk/2027/team-lead-plan-draft-v3.pdf',
        answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
        skills: { networking: 4, negotiation: 1 }, role: 'it_manager',
      },
    }));
    return p;
  };
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
  const fits = async (screen) => {
    const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= width, `${screen}: the page is ${scrollWidth}px wide in a ${width}px window`);
  };
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  await page.getByLabel('Choose a result file').setInputFiles(file('alexandra.konstantinopoulou-whitfield@example.org', 'management'));
  await page.getByRole('heading', { name: /^Review alexandra\.konstantinopoulou-whitfield@example\.org as a mentor/ }).waitFor();
  await fits('the opened result and its review');
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(file('bartholomew.oyelaran-castellanos@example.org', 'technical'));
  await page.getByRole('heading', { name: /^Review bartholomew/ }).waitFor();
  await page.goto(route(env.base, 'open'));
  await page.getByRole('link', { name: /alexandra/ }).first().waitFor();
  await fits('the list of opened results');
  await page.goto(route(env.base, 'compare'));
  await page.getByLabel('Earlier result').selectOption({ label: 'alexandra.konstantinopoulou-whitfield@example.org 2026-09-01 09:30 UTC' });
  await page.getByLabel('Later result').selectOption({ label: 'bartholomew.oyelaran-castellanos@example.org 2026-09-01 09:30 UTC' });
  await page.getByRole('table', { name: /Scores by topic, earlier and later/ }).waitFor();
  await fits('the comparison');
  await page.goto(route(env.base, 'report/0'));
  await page.getByRole('heading', { level: 1, name: /^Meeting report: alexandra/ }).waitFor();
  await page.getByText(/team-lead-plan-draft-v3\.pdf/).waitFor();
  await fits('the meeting report');
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});
