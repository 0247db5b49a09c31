// A facilitator loads a cohort's result files in the browser and sees the
// right counts, with broken files listed, not fatal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, appReady, clearAnswers, launch, openPage, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function resultFile(track, name) {
  const picks = clearAnswers(track);
  return JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true, started: null, updated: null,
      display_name: name, notes: '',
      answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
    },
  });
}

test('50 result files, 2 of them broken: the right counts, the broken ones listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-'));
  const paths = [];
  for (let i = 0; i < 48; i++) {
    const p = join(dir, `p${i}.json`);
    writeFileSync(p, resultFile(i < 20 ? 'management' : 'technical', `Participant ${i}`));
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
  assert.match(text, /^48 participants summarised; 2 file\(s\) skipped\./);
  const ms = Number(text.match(/in (\d+) ms/)[1]);
  console.log(`cohort of 50 files parsed and summarised in the browser in ${ms} ms`);
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.management.name }).getByRole('cell').innerText(), '20');
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '28');
  await page.getByRole('heading', { name: 'Skipped files (2)' }).waitFor();
  await page.getByText('cut.json').waitFor();
  await page.getByLabel('Compare the cohort with a role').selectOption({ label: 'IT manager' });
  await page.getByRole('heading', { name: 'Against the role: IT manager' }).waitFor();
  assert.ok(await page.getByRole('table', { name: 'Average self-rated level per required skill' }).getByRole('row').count() > 5);
  assert.ok((await page.getByRole('heading', { name: 'Suggested group sessions' }).locator('xpath=following-sibling::ul[1]/li').count()) >= 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the summary as CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'crossroads-cohort.csv');
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
