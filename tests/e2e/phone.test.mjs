// On a phone (390 px) and by keyboard: focus follows every move to a new
// screen, Next is the first stop after an answer, typing is saved without
// leaving the field, the share link can be copied, role buttons say what
// they do, suggestions agree with the result, chart text is readable and
// the skills page stays short.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BANK, SESSION_KEY, appReady, axeAll, launch, openPage, seedFinished, route } from './helpers.mjs';

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
