// From result to plan: a technician with 12 months of project leadership
// rates skills, enters experience, picks IT manager, sees the gap and a
// roadmap that puts CAPM or a project-leading activity before PMP, dated
// after eligibility; prints without navigation; exports a calendar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appReady, launch, openPage, route } from './helpers.mjs';

const SKILLS = JSON.parse(readFileSync(new URL('../../questions/skills.json', import.meta.url))).skills;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('12 months leading projects, target IT manager: stepping stone before PMP, PMP after eligibility', async () => {
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
  const stone = steps.findIndex((s) => s.startsWith('Certified Associate in Project Management') || s.startsWith('Lead a small project'));
  assert.ok(pmp >= 0, `PMP planned: ${steps.join(' | ')}`);
  assert.ok(stone >= 0 && stone < pmp, `stepping stone before PMP: ${steps.join(' | ')}`);
  const pmpWhen = await page.locator('.step').nth(pmp).locator('.when').innerText();
  const examDate = pmpWhen.match(/exam target (\d{4}-\d{2}-\d{2})/)[1];
  // 12 of 36 months: eligible 24 months after the start at the earliest.
  assert.ok(examDate >= '2029-01-04', `PMP exam ${examDate}`);

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
