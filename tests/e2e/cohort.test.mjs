// A facilitator loads a cohort's result files in the browser and sees the
// right counts, with broken files listed, not fatal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, appReady, clearAnswers, launch, openPage, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function resultFile(track, name, skills = {}) {
  const picks = clearAnswers(track);
  return JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true, started: null, updated: null,
      display_name: name, notes: '', skills,
      answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
    },
  });
}

test('50 result files, 2 of them broken: the right counts, the broken ones listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-'));
  const paths = [];
  for (let i = 0; i < 48; i++) {
    const p = join(dir, `p${i}.json`);
    // Ten rate budgeting low; nobody rates helping others succeed (coaching).
    writeFileSync(p, resultFile(i < 20 ? 'management' : 'technical', `Participant ${i}`, i < 10 ? { financial_management: 1 } : {}));
    paths.push(p);
  }
  writeFileSync(join(dir, 'cut.json'), '{"format": "crossroads-result", "vers');
  writeFileSync(join(dir, 'notes.json'), '{"shopping": ["milk"]}');
  paths.push(join(dir, 'cut.json'), join(dir, 'notes.json'));

  const { context, page, problems } = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  await page.getByLabel('Choose result files').setInputFiles(paths);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  const text = await status.innerText();
  assert.match(text, /^48 participants summarised; 2 files skipped\. Read in (under a second|\d+ seconds?)\.$/);
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.management.name }).getByRole('cell').innerText(), '20');
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '28');
  await page.getByRole('heading', { name: 'Skipped files (2)' }).waitFor();
  await page.getByText('cut.json').waitFor();
  await page.getByLabel('Compare the cohort with a role').selectOption({ label: 'IT manager' });
  await page.getByRole('heading', { name: 'Against the role: IT manager' }).waitFor();
  const skills = page.getByRole('table', { name: /^Self-rated level per required skill/ });
  assert.ok(await skills.getByRole('row').count() > 5);
  // Unrated is not level 0: the table says how many rated each skill.
  assert.match(await skills.getByRole('row', { name: /^IT financial management/ }).first().innerText(), /10 of 48\s+1\.0/);
  assert.match(await skills.getByRole('row', { name: /^Helping others succeed/ }).innerText(), /0 of 48\s+–/);
  assert.ok((await page.getByRole('heading', { name: 'Suggested group sessions' }).locator('xpath=following-sibling::ul[1]/li').count()) >= 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download participants (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'crossroads-cohort-participants.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff"Name","Track","Leaning'), csv.slice(0, 80));
  assert.ok(csv.includes(`"${BANK.dimensions[0].name} (0-100)"`));
  assert.equal(csv.trim().split('\r\n').length, 49);
  const [roleCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the role comparison (CSV)' }).click(),
  ]);
  assert.match(readFileSync(await roleCsv.path(), 'utf8'), /^\ufeff"Role","Skill"/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
