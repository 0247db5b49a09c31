// From result to plan: a technician with 12 months of project leadership
// rates skills, enters experience, picks IT manager, sees the gap and a
// roadmap that puts one way to the 35 hours (the course or CAPM, not both)
// before PMP, dates the exam on the day they qualify and says what that
// assumes; adding a budget that cannot pay for PMP leaves it out and says
// why; prints without navigation; exports a calendar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appReady, launch, openPage, route } from './helpers.mjs';

const SKILLS = JSON.parse(readFileSync(new URL('../../questions/skills.json', import.meta.url))).skills;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('12 months leading projects, target IT manager: one route step before PMP, PMP when eligible', async () => {
  const { context, page, problems } = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(route(env.base, 'skills'));
  await appReady(page);
  // Rate a few skills by keyboard-accessible labels.
  for (const [i, skill] of SKILLS.slice(0, 5).entries()) {
    await page.getByRole('group', { name: skill.name }).getByLabel(new RegExp(`^Level ${i % 3 + 1}:`)).check();
  }
  await page.getByText(`5 of ${SKILLS.length} skills rated`).waitFor();
  await page.getByRole('link', { name: 'Next: your experience' }).click();
  await page.getByLabel(/months have you spent leading or directing projects/).fill('12');
  await page.getByLabel(/months have you spent leading or directing projects/).press('Tab');
  await page.getByLabel(/^How many years have you worked in IT\?/).fill('6');
  await page.getByLabel(/^How many years have you worked in IT\?/).press('Tab');
  await page.getByLabel(/highest completed education/).selectOption('bachelor');
  await page.getByRole('link', { name: 'Next: choose a target role' }).click();
  await page.getByRole('heading', { name: 'Suggested for you' }).waitFor();
  await page.getByRole('button', { name: 'Choose IT manager' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your gap to IT manager' }).waitFor();
  assert.equal(await page.locator('svg.radar').count(), 1, 'radar chart present');
  const table = page.getByRole('table', { name: /Skill levels from 0 to 4, yours and the role's/ });
  assert.ok(await table.getByRole('row').count() > 5, 'table alternative with rows');
  await page.getByRole('link', { name: 'Next: your roadmap' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your roadmap to IT manager' }).waitFor();
  await page.getByLabel('Start date').fill('2027-01-04');
  await page.getByLabel('Start date').press('Tab');
  await page.getByLabel('Hours a week for learning').fill('6');
  await page.getByLabel('Hours a week for learning').press('Tab');
  const steps = await page.locator('.step h3').allInnerTexts();
  const pmp = steps.findIndex((s) => s.startsWith('Project Management Professional'));
  const course = steps.findIndex((s) => s.startsWith('Take a 35-hour project-management course'));
  const capm = steps.findIndex((s) => s.startsWith('Certified Associate in Project Management'));
  assert.ok(pmp >= 0, `PMP planned: ${steps.join(' | ')}`);
  assert.ok((course >= 0) !== (capm >= 0), `the course or CAPM, not both: ${steps.join(' | ')}`);
  assert.ok(Math.max(course, capm) < pmp, `route step before PMP: ${steps.join(' | ')}`);
  const pmpStep = page.locator('.step').nth(pmp);
  const examDate = (await pmpStep.locator('.when').innerText()).match(/exam target (\d{4}-\d{2}-\d{2})/)[1];
  // 12 of 36 months, growing a month a month: eligible exactly 24 months on.
  assert.equal(examDate, '2029-01-04');
  await pmpStep.getByRole('list', { name: /What the dates of Project Management Professional/ })
    .getByText('Assumes you go on as now: 24 more months leading projects by 2029-01-04.').waitFor();
  // Its facts, their sources, and what could not be confirmed with PMI.
  await pmpStep.getByText('About Project Management Professional (PMP)').click();
  await pmpStep.getByText(/Not confirmed on the issuer's own page: prerequisites, exam format, cost/).waitFor();
  await pmpStep.getByRole('link', { name: 'https://www.pmi.org/certifications/project-management-pmp' }).waitFor();
  const typical = page.getByRole('region', { name: 'Certifications typical for IT manager' });
  await typical.getByText(/Project Management Professional \(PMP\) — In this plan: exam 2029-01-04\./).waitFor();

  // A budget too small for the course and PMP: they wait, and the page says why.
  await page.getByLabel('Budget in US$ (empty: no limit)').fill('500');
  await page.getByLabel('Budget in US$ (empty: no limit)').press('Tab');
  await page.getByText(/Your budget of US\$500 pays for the paid steps in order of importance/).waitFor();
  assert.ok(!(await page.locator('.step h3').allInnerTexts()).some((s) => s.startsWith('Project Management Professional')));
  await page.getByLabel('Budget in US$ (empty: no limit)').fill('');
  await page.getByLabel('Budget in US$ (empty: no limit)').press('Tab');
  await page.locator('.step h3', { hasText: 'Project Management Professional' }).waitFor();

  // Skip a step and see the plan change, then undo.
  const first = steps[0].split(' · ')[0];
  await page.getByRole('button', { name: `Skip: ${first}` }).click();
  await page.getByRole('button', { name: `Undo: ${first}` }).waitFor();
  assert.ok(!(await page.locator('.step h3').allInnerTexts()).some((s) => s.startsWith(first)));
  await page.getByRole('button', { name: `Undo: ${first}` }).click();

  // Calendar export.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(ics, /SUMMARY:Exam target: Project Management Professional \(PMP\)/);

  // Print: no navigation, no controls, the steps remain.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print the roadmap' }).isVisible(), false);
  assert.equal(await page.locator('.step').first().isVisible(), true);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    assert.ok(pdf.length > 10_000, `${format} PDF`);
  }
  // Everything survives a reload.
  await page.emulateMedia({ media: 'screen' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your roadmap to IT manager' }).waitFor();
  assert.equal(await page.getByLabel('Start date').inputValue(), '2027-01-04');
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
