// Printing: the mentor's meeting report and a typical roadmap each fit two
// A4 pages (counted in the PDF the browser makes), the roadmap with a header
// (name, hours a week, budget) and a compact timeline; mentor screens speak
// about the mentee; a share link alone is enough for a review.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, SESSION_KEY, appReady, axeAll, clearAnswers, launch, openPage, seedFinished, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;

const answers = (track) => {
  const picks = clearAnswers(track);
  return Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id]));
};

function menteeFile(extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-'));
  const file = join(dir, 'mentee.json');
  writeFileSync(file, JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true,
      started: '2026-11-01T09:00:00Z', updated: '2026-11-01T09:40:00Z',
      display_name: 'Robin', notes: 'I want to lead the service desk.',
      answers: answers('management'),
      skills: { networking: 4, negotiation: 1, communication: 2, financial_management: 1, people_leadership: 1 },
      role: 'it_manager',
      ...extra,
    },
  }));
  return file;
}

test('the meeting report is two A4 pages with the questions, the next three steps and space for notes', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page, problems } = await openPage(env.browser, { viewport });
    await page.goto(route(env.base, 'open'));
    await appReady(page);
    await page.getByLabel('Choose a result file').setInputFiles(menteeFile());
    await page.getByRole('heading', { name: 'Review Robin as a mentor' }).waitFor();
    // Mentor screens speak about Robin, to the mentor.
    const main = await page.locator('main').innerText();
    assert.match(main, /Their answers lean/);
    assert.doesNotMatch(main, /Your answers lean|your leaning|You answered/);
    // The anchored scale: the options describe behaviour, as the mentee saw them.
    const options = await page.getByLabel('Your rating of Robin for Networking').locator('option').allInnerTexts();
    assert.ok(options.length === 6 && options.slice(1).every((o) => /^Level \d: \S+/.test(o) && o.length > 20), options.join(' | '));
    await page.getByLabel('Your rating of Robin for Networking').selectOption('1');
    await page.getByLabel('Your rating of Robin for Negotiation').selectOption('3');
    const topic = BANK.dimensions[0].name;
    await page.getByLabel(`Your view of Robin: ${topic}`).selectOption('0');
    await page.getByText(`Blind spot (topic): ${topic}`).waitFor();
    // Notes are kept while typing: a reload without leaving the field keeps them.
    await page.getByLabel('Overall note').click();
    await page.keyboard.type('Talk about budgets');
    await page.waitForTimeout(900);
    await page.reload();
    assert.equal(await page.getByLabel('Overall note').inputValue(), 'Talk about budgets');
    assert.deepEqual(await axeAll(page), []);

    await page.getByRole('link', { name: 'Meeting report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting report: Robin' }).waitFor();
    await page.getByRole('heading', { name: 'Questions for the conversation' }).waitFor();
    assert.ok(await page.locator('#r-questions + ol li').count() >= 3);
    await page.getByRole('heading', { name: 'The next three steps' }).waitFor();
    assert.equal(await page.locator('#r-steps + ol li').count(), 3);
    await page.getByText('Blind spot: Networking').waitFor();
    await page.getByText('Hidden strength: Negotiation').waitFor();
    await page.getByText('I want to lead the service desk.').waitFor();
    assert.deepEqual(await axeAll(page), []);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    if (viewport.width === 1280) writeFileSync('target/meeting-report.pdf', pdf);
    assert.equal(pages(pdf), 2, `the meeting report is ${pages(pdf)} pages`);
    await context.close();
    assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  }
});

test('a typical roadmap prints on two A4 pages with name, hours, budget and a timeline', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'management');
  await page.evaluate((k) => {
    const saved = JSON.parse(localStorage.getItem(k));
    Object.assign(saved.session, {
      display_name: 'Robin', role: 'it_manager',
      skills: { networking: 3, communication: 2, people_leadership: 1 },
      experience: { months_leading_projects: 12, years_in_it: 6 },
    });
    localStorage.setItem(k, JSON.stringify(saved));
  }, SESSION_KEY);
  await page.goto(route(env.base, 'roadmap'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your roadmap to IT manager' }).waitFor();
  await page.getByLabel('Hours a week for learning').fill('6');
  await page.getByLabel('Hours a week for learning').press('Tab');
  await page.getByLabel('Budget in US$ (empty: no limit)').fill('2500');
  await page.getByLabel('Budget in US$ (empty: no limit)').press('Tab');
  const steps = await page.locator('.step').count();
  assert.ok(steps >= 4, `${steps} steps`);
  await page.emulateMedia({ media: 'print' });
  const header = page.locator('.print-header');
  assert.equal(await header.isVisible(), true);
  assert.match(await header.innerText(), /Robin · 6 hours a week · budget US\$2,500/);
  assert.equal(await page.locator('.timeline li').count(), steps);
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync('target/roadmap.pdf', pdf);
  assert.equal(pages(pdf), 2, `the roadmap with ${steps} steps is ${pages(pdf)} pages`);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a share link alone carries the skill ratings and role for a review', async () => {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'management');
  await page.evaluate((k) => {
    const saved = JSON.parse(localStorage.getItem(k));
    Object.assign(saved.session, { display_name: 'Lee', role: 'it_manager', skills: { networking: 4, negotiation: 1 } });
    localStorage.setItem(k, JSON.stringify(saved));
  }, SESSION_KEY);
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  assert.ok(link.length - env.base.length < 230, `${link.length - env.base.length} characters after the base`);

  const mentor = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await mentor.page.goto(link);
  await mentor.page.getByRole('heading', { level: 1, name: /^Lee's result/ }).waitFor();
  await mentor.page.getByText(/carries Lee's answers, skill ratings and target role/).waitFor();
  assert.deepEqual(await axeAll(mentor.page), []);
  await mentor.page.getByRole('button', { name: 'Keep it in my opened results and review it' }).click();
  await mentor.page.getByRole('heading', { name: 'Review Lee as a mentor' }).waitFor();
  await mentor.page.getByText(/Lee's rating: level 4/).waitFor();
  await mentor.page.getByLabel('Your rating of Lee for Networking').selectOption('1');
  await mentor.page.getByText('Blind spot: Networking').waitFor();
  // An old link (answers only) says what it lacks.
  await mentor.page.goto(link.replace(/&k=[^&]*/, '').replace(/&t=[^&]*/, '').replace(/&c=.*$/, '&c=000000'));
  await mentor.page.reload();
  await mentor.page.getByRole('alert').filter({ hasText: /incomplete/ }).waitFor();
  await mentor.context.close();
  assert.deepEqual(mentor.problems, { foreign: [], csp: [], errors: [] });
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a mentor with two files of the same person compares them by default, each labelled by date and time', async () => {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  const earlier = menteeFile({ answers: answers('technical'), updated: '2026-08-28T09:30:00Z', skills: { networking: 2 } });
  const later = menteeFile({ updated: '2026-12-01T16:05:00Z' });
  await page.getByLabel('Choose a result file').setInputFiles(later);
  await page.getByRole('heading', { name: 'Review Robin as a mentor' }).waitFor();
  // One file and no work of one's own: nothing to compare, and it says so
  // (not "60 answers differ" against an empty result).
  await page.goto(route(env.base, 'compare'));
  await page.getByText(/no work of your own in this browser/).waitFor();
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(earlier);
  await page.getByRole('heading', { name: 'Review Robin as a mentor' }).waitFor();
  await page.goto(route(env.base, 'compare'));
  await page.getByRole('heading', { level: 1, name: 'Compare two results' }).waitFor();
  const selected = (id) => page.locator(`#${id} option:checked`).innerText();
  assert.equal(await selected('earlier'), 'Robin 2026-08-28 09:30 UTC');
  assert.equal(await selected('later'), 'Robin 2026-12-01 16:05 UTC');
  await page.getByText(`Then: ${BANK.tracks.technical.name}`, { exact: false }).waitFor();
  await page.getByText(`Now: ${BANK.tracks.management.name}`, { exact: false }).waitFor();
  // The change chart's words stay readable at 390 px, beside its table.
  const sizes = await page.locator('main .chart').evaluateAll((charts) => charts.flatMap((c) =>
    [...c.querySelectorAll('span')].filter((e) => e.textContent.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))));
  assert.ok(sizes.length >= BANK.dimensions.length && Math.min(...sizes) >= 12, sizes.join(' '));
  assert.equal(await page.locator('main svg text').count(), 0, 'no SVG text that would shrink with the chart');
  await page.getByRole('table', { name: /Scores by topic, earlier and later/ }).waitFor();
  assert.deepEqual(await axeAll(page), []);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
