// A facilitator loads a cohort's result files in the browser and sees the
// right counts, with broken files listed, not fatal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, appReady, axeAll, clearAnswers, dropPaths, launch, openPage, route } from './helpers.mjs';
import { zip } from '../js/zip.mjs';

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
  // A worker read the files, off the page's thread.
  assert.equal(await status.getAttribute('data-reader'), 'worker');
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.management.name }).getByRole('cell').innerText(), '20');
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '28');
  await page.getByRole('heading', { name: 'Skipped files (2)' }).waitFor();
  await page.getByText('cut.json').waitFor();
  // 48 sheets: α is given; 0 people took it twice, so retakes are too few.
  await page.getByText(/0 people took it twice .*too few to judge/).waitFor();
  await page.getByText('Privacy: what is read, what is kept, what the exports contain').click();
  await page.getByText(/anonymous id: 32 random hexadecimal digits/).waitFor();
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

test('a folder: every result file and archive in it and its subfolders, and nothing else it holds', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'crossroads-cohort-folder-')), 'Spring cohort');
  for (const sub of ['group A', 'group B']) mkdirSync(join(dir, sub), { recursive: true });
  for (let i = 0; i < 10; i++) {
    writeFileSync(join(dir, i < 5 ? 'group A' : 'group B', `p${i}.json`), resultFile(i < 4 ? 'management' : 'technical', `Participant ${i}`));
  }
  writeFileSync(join(dir, 'late submissions.zip'), zip([0, 1, 2].map((i) => ({ name: `late/q${i}.json`, data: resultFile('technical', `Late ${i}`) }))));
  // What else such a folder holds: none of it is read or listed.
  writeFileSync(join(dir, 'group A', '._p0.json'), 'Mac OS X metadata');
  writeFileSync(join(dir, '.DS_Store'), 'Bud1');
  writeFileSync(join(dir, 'attendance.csv'), 'name,present');
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  // By keyboard, the focused choice shows its ring (the inputs are hidden
  // behind their labels), and only that one.
  await page.getByLabel('Choose result files').focus();
  await page.keyboard.press('Tab');
  const ring = (label) => page.locator(`label[for=${label}]`).evaluate((l) => getComputedStyle(l).outlineStyle);
  assert.deepEqual([await ring('cohort-files'), await ring('cohort-folder')], ['none', 'solid']);
  await page.getByLabel('Choose a folder').setInputFiles(dir);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  assert.match(await status.innerText(), /^13 participants summarised; 0 files skipped\./);
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.management.name }).getByRole('cell').innerText(), '4');
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '9');
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});

// Chromium walks a dropped folder through file system handles; other
// browsers through the older entries, which the second run makes Chromium
// use by taking the handles away.
for (const walk of ['handles', 'entries']) test(`a folder dropped with a file beside it (walked through ${walk}): the folder taken as "Choose a folder" takes it, the file as it is`, async () => {
  const root = mkdtempSync(join(tmpdir(), 'crossroads-cohort-drop-'));
  const dir = join(root, 'Spring cohort');
  for (const sub of ['group A', 'group B/late']) mkdirSync(join(dir, sub), { recursive: true });
  for (let i = 0; i < 10; i++) {
    writeFileSync(join(dir, i < 5 ? 'group A' : 'group B', `p${i}.json`), resultFile(i < 4 ? 'management' : 'technical', `Participant ${i}`));
  }
  writeFileSync(join(dir, 'group B/late', 'late submissions.zip'), zip([0, 1, 2].map((i) => ({ name: `q${i}.json`, data: resultFile('technical', `Late ${i}`) }))));
  writeFileSync(join(dir, 'group A', '._p0.json'), 'Mac OS X metadata');
  writeFileSync(join(dir, 'attendance.csv'), 'name,present');
  const beside = join(root, 'walk-in.json');
  writeFileSync(beside, resultFile('management', 'Walk-in'));
  const empty = join(root, 'Notes only');
  mkdirSync(empty);
  writeFileSync(join(empty, 'attendance.csv'), 'name,present');

  const { context, page, problems } = await openPage(env.browser);
  if (walk === 'entries') await page.addInitScript(() => { delete DataTransferItem.prototype.getAsFileSystemHandle; });
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  const zone = page.locator('.dropzone');
  await dropPaths(page, zone, [dir, beside]);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  // 10 files in the subfolders, 3 in the archive two levels down, and the
  // file dropped beside the folder; not the metadata, the CSV or the folder itself.
  assert.match(await status.innerText(), /^14 participants summarised; 0 files skipped\./);
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.management.name }).getByRole('cell').innerText(), '5');
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '9');
  assert.equal(await page.getByRole('main').getByText('Late 2', { exact: true }).count(), 1, 'the archive in the subfolder was read');

  // A folder with nothing to read says so, and the last summary stays.
  await dropPaths(page, zone, [empty]);
  await page.getByRole('status').filter({ hasText: 'The dropped folder holds no result files (.json) or archives (.zip) of them.' }).waitFor();
  assert.match(await status.innerText(), /^14 participants summarised/);
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});

test('105 broken files: the first 100 listed, the rest counted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-broken-'));
  const paths = [];
  for (let i = 0; i < 3; i++) {
    const p = join(dir, `ok${i}.json`);
    writeFileSync(p, resultFile('technical', `Participant ${i}`));
    paths.push(p);
  }
  for (let i = 0; i < 105; i++) {
    const p = join(dir, `cut${String(i).padStart(3, '0')}.json`);
    writeFileSync(p, '{"format": "crossroads-result", "vers');
    paths.push(p);
  }
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  await page.getByLabel('Choose result files').setInputFiles(paths);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  assert.match(await status.innerText(), /^3 participants summarised; 105 files skipped\./);
  const skipped = page.getByRole('region', { name: 'Skipped files (105)' });
  assert.equal(await skipped.getByRole('listitem').count(), 100);
  await skipped.getByText('cut000.json').waitFor();
  assert.equal(await skipped.getByText('cut100.json').count(), 0);
  await skipped.getByText('…and 5 more files not listed: the first 100 are shown.').waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('where the file-reading worker cannot load, the page reads the files itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-noworker-'));
  const paths = ['management', 'technical', 'technical'].map((track, i) => {
    const p = join(dir, `p${i}.json`);
    writeFileSync(p, resultFile(track, `Participant ${i}`));
    return p;
  });
  writeFileSync(join(dir, 'cut.json'), '{"format": "crossroads-result"');
  paths.push(join(dir, 'cut.json'));
  // An archive between the files: only the worker unpacks archives, so it
  // is skipped with what to do instead, and the files after it are read.
  writeFileSync(join(dir, 'more.zip'), zip([{ name: 'p9.json', data: resultFile('management', 'In the archive') }]));
  paths.splice(1, 0, join(dir, 'more.zip'));
  const { context, page } = await openPage(env.browser);
  // A host that did not copy the worker's script.
  await context.route('**/read-files.js', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  await page.getByLabel('Choose result files').setInputFiles(paths);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  assert.match(await status.innerText(), /^3 participants summarised; 2 files skipped\./);
  assert.equal(await status.getAttribute('data-reader'), 'page');
  await page.getByText(/archives are unpacked by the page's file-reading worker, which could not start here: unpack it, then choose its files/).waitFor();
  const bands = page.getByRole('table', { name: /Participants per track/ });
  assert.equal(await bands.getByRole('row', { name: BANK.tracks.technical.name }).getByRole('cell').innerText(), '2');
  await context.close();
});

// A generated cohort of 2,000 people who answer as real ones do: a latent
// leaning and a level per topic, answers as that level plus noise, every
// tenth person a second time with the same anonymous id.
function generatedCohort(n) {
  let seed = 2026;
  const unit = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(unit(), 1e-12))) * Math.cos(2 * Math.PI * unit());
  const hex = () => Array.from({ length: 32 }, () => Math.floor(unit() * 16).toString(16)).join('');
  const files = [];
  for (let p = 0; files.length < n; p++) {
    const lean = normal();
    const level = Object.fromEntries(BANK.dimensions.map((d) => [d.id, 0.7 * (d.track === 'management' ? 1 : -1) * lean + 0.7 * normal()]));
    const id = hex();
    for (const when of p % 10 === 0 ? ['2026-09-01T09:00:00Z', '2026-11-28T09:00:00Z'] : ['2026-09-01T09:00:00Z']) {
      if (files.length >= n) break;
      const answers = {};
      for (const it of BANK.items) {
        if (it.kind === 'likert') {
          const v = Math.min(5, Math.max(1, Math.round(3 + 1.1 * level[it.dimension] + 0.9 * normal())));
          answers[it.id] = it.reverse ? 6 - v : v;
        } else {
          let best = it.options[0].id; let bestFit = -Infinity;
          for (const o of it.options) {
            const fit = Object.entries(o.weights).reduce((a, [d, w]) => a + w * level[d], 0) + 1.5 * normal();
            if (fit > bestFit) { best = o.id; bestFit = fit; }
          }
          answers[it.id] = best;
        }
      }
      files.push(JSON.stringify({
        format: 'crossroads-result', version: 1, respondent: id,
        session: {
          bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true, started: when, updated: when,
          display_name: `Secret Name ${p}`, notes: `private note ${p}`, answers,
        },
      }));
    }
  }
  return files;
}

test('on a 360 px phone, a cohort of 60 and an archive with a role: the wide tables scroll in their own box, by keyboard too, and the page never does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-phone-'));
  const paths = generatedCohort(60).map((text, i) => {
    const p = join(dir, `r${i}.json`);
    writeFileSync(p, text);
    return p;
  });
  // A platform's archive with a broken entry: its long name, folders and
  // all, is listed without widening the page.
  const archive = join(dir, 'Spring cohort 2026 - all submissions.zip');
  writeFileSync(archive, zip([{ name: 'Spring cohort 2026/Participant_61_assignsubmission_file_/crossroads-result-2026-11-30.json', data: '{"format": "crossroads-result", "vers' }]));
  paths.push(archive);
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  await page.getByLabel('Choose result files').setInputFiles(paths);
  await page.getByRole('status').filter({ hasText: '60 participants summarised; 1 file skipped' }).waitFor();
  await page.getByLabel('Compare the cohort with a role').selectOption({ label: 'IT manager' });
  await page.getByRole('heading', { name: 'Against the role: IT manager' }).waitFor();
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= width, `the cohort page is ${scrollWidth}px wide in a ${width}px window`);
  // The topic correlations (a column per topic) are wider than a phone:
  // their region takes focus, and the arrow keys scroll it.
  const matrix = page.getByRole('region', { name: /^Correlations between topic scores/ });
  assert.ok(await matrix.evaluate((el) => el.scrollWidth > el.clientWidth), 'the correlation table fits a phone: this test no longer tests scrolling');
  await matrix.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
  for (const name of [/^Consistency of each topic/, /^Each participant's leaning/, /^Self-rated level per required skill/]) {
    await page.getByRole('region', { name }).getByRole('table', { name }).waitFor();
  }
  assert.deepEqual(await axeAll(page), []);
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});

test('2,000 files: read with a progress bar, the page responsive throughout, the instrument statistics, and anonymous exports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-2000-'));
  const paths = generatedCohort(2000).map((text, i) => {
    const p = join(dir, `r${String(i).padStart(4, '0')}.json`);
    writeFileSync(p, text);
    return p;
  });
  const { context, page, problems } = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  // Watch for a progress bar, and for long tasks once the page has the
  // files (handing 2,000 files to the page is itself one long task of the
  // browser's, before the page sees them). The task in which the page sees
  // them is that same long task, so the page's own part of it is timed
  // apart: from the change event, before any of the page's handlers
  // (listening on the window, in the capture phase, comes first), to the
  // next task.
  await page.evaluate(() => {
    window.__sawProgress = false;
    window.__longest = 0;
    window.__since = Infinity;
    window.addEventListener('change', (e) => {
      if (e.target.id !== 'cohort-files' || window.__seen) return;
      window.__seen = true;
      window.__since = performance.now();
      setTimeout(() => { window.__longest = Math.max(window.__longest, performance.now() - window.__since); }, 0);
    }, true);
    new MutationObserver(() => { if (document.querySelector('progress')) window.__sawProgress = true; })
      .observe(document.body, { childList: true, subtree: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.startTime >= window.__since) window.__longest = Math.max(window.__longest, e.duration);
        }
      }).observe({ type: 'longtask', buffered: false });
    } catch { /* no long-task timing in this browser */ }
  });
  // The aim is 1 s. On one 2-core machine busy with other builds (load
  // 3–5) the best of three passes took 0.77–1.20 s, most of it the browser
  // reading the files (0.14 ms a file just to start each read, then the
  // read itself); on a slower idle one 1.36–1.50 s, of which decoding and
  // folding 0.5–0.7 s, and 2.0–2.4 s while a compile ran beside it (with
  // the file-reading worker, 2.0–2.3 s against 2.5–3.0 s without, the same
  // machine's disk busy). Handing the files to the worker costs the page
  // about 0.35 ms a file (Chromium looks each one up on disk): in one
  // message that held the page for 0.7–0.9 s in the task where it saw the
  // files, which this test did not time until it measured the page's part
  // of that task; a few files at a time it is 0.10–0.12 s at most, the
  // whole pass as fast. The suite holds it to 3 s so that a loaded CI
  // machine does not fail it at random — a page that read the files one at
  // a time, or folded them twice, would still cross it;
  // COHORT_BUDGET_MS=1000 checks the aim itself.
  const budget = Number(process.env.COHORT_BUDGET_MS || 3000);
  // The best of three passes, as timings on a shared machine vary.
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  const times = [];
  const work = [];
  let longest = 0;
  for (let pass = 0; pass < 3; pass++) {
    await page.getByLabel('Choose result files').setInputFiles(paths);
    await status.waitFor({ timeout: 30000 });
    const text = await status.innerText();
    assert.match(text, /^2000 participants summarised; 0 files skipped\./);
    // The page says it in words; the exact time is on the element.
    assert.equal(await status.getAttribute('data-reader'), 'worker');
    times.push(Number(await status.getAttribute('data-ms')));
    work.push(Number(await status.getAttribute('data-work-ms')));
    if (pass === 0) {
      // Long tasks of the first pass only (the next choice of files is
      // itself one of the browser's).
      await page.waitForTimeout(200);
      longest = await page.evaluate(() => { window.__since = Infinity; return window.__longest; });
    }
    if (times.at(-1) < budget) break;
    await page.getByLabel('Choose result files').setInputFiles([]);
  }
  const ms = Math.min(...times);
  console.log(`2,000 files read and summarised in the browser in ${times.join(', ')} ms (of which decoding and folding the texts ${work.join(', ')} ms); longest task while reading ${longest.toFixed(0)} ms`);
  assert.ok(ms < budget, `2,000 files took ${times.join(', ')} ms (budget ${budget} ms)`);
  assert.ok(longest < 250, `the page stayed busy for ${longest} ms at a stretch`);
  assert.ok(await page.evaluate(() => window.__sawProgress), 'a progress bar was shown');

  // Every topic's α is a number, with an interval.
  const alphas = page.getByRole('table', { name: /Consistency of each topic/ });
  const rows = alphas.locator('tbody tr');
  assert.equal(await rows.count(), BANK.dimensions.length);
  for (let i = 0; i < BANK.dimensions.length; i++) {
    const a = Number(await rows.nth(i).getByRole('cell').nth(0).innerText());
    assert.ok(a > 0.6 && a < 1, `α ${a}`);
    assert.match(await rows.nth(i).getByRole('cell').nth(1).innerText(), /^0\.\d\d–0\.\d\d$/);
  }
  await page.getByText(/Every statement correlates at least 0\.30/).waitFor();
  await page.getByRole('table', { name: /Leaning percentiles/ }).waitFor();
  const people = page.getByRole('table', { name: /Each participant's leaning/ });
  assert.equal(await people.locator('tbody tr').count(), 200);
  assert.match(await people.locator('tbody tr').first().getByRole('cell').last().innerText(), /^\d+$/);
  await page.getByRole('button', { name: 'Show all 2000 participants' }).click();
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length > 2000);
  await page.getByText(/took it twice .*correlate at r = 0\.\d\d; \d+% landed in the same band/).waitFor();

  // The anonymous exports hold no names or notes.
  const [results] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download anonymous results (CSV)' }).click(),
  ]);
  assert.equal(results.suggestedFilename(), 'crossroads-results-anonymous.csv');
  const csv = readFileSync(await results.path(), 'utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 2001);
  assert.match(lines[0], /^result,respondent,bank_id,bank_version,finished,saved,band,leaning,confidence,score_/);
  assert.match(lines[1], /^1,"[0-9a-f]{32}",/);
  assert.ok(!/Secret Name|private note|r0000\.json/.test(csv));
  const [answers] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download anonymous answers (CSV)' }).click(),
  ]);
  const answersCsv = readFileSync(await answers.path(), 'utf8');
  const statements = BANK.items.filter((it) => it.kind === 'likert').length;
  assert.equal(answersCsv.trim().split('\n').length, 1 + 2000 * statements);
  assert.ok(!/Secret Name|private note/.test(answersCsv));
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a .zip of 2,000 results (a platform\'s download of all submissions): summarised in under a second, its broken entries named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-cohort-zip-'));
  const texts = generatedCohort(2000);
  const archive = join(dir, 'submissions.zip');
  writeFileSync(archive, zip([
    { name: 'submissions/', data: '', method: 0 },
    ...texts.map((data, i) => ({ name: `submissions/r${String(i).padStart(4, '0')}.json`, data })),
    { name: 'submissions/readme.txt', data: 'not a result, not listed' },
    { name: 'submissions/cut.json', data: '{"format": "crossroads-result", "vers' },
    { name: 'submissions/locked.json', data: texts[0], flags: 1 },
  ]));
  writeFileSync(join(dir, 'photo.zip'), 'not an archive at all');
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  const budget = Number(process.env.COHORT_ZIP_BUDGET_MS || 1000);
  const times = [];
  for (let pass = 0; pass < 3; pass++) {
    await page.getByLabel('Choose result files').setInputFiles([archive, join(dir, 'photo.zip')]);
    await status.waitFor({ timeout: 30000 });
    assert.match(await status.innerText(), /^2000 participants summarised; 3 files skipped\./);
    assert.equal(await status.getAttribute('data-reader'), 'worker');
    times.push(Number(await status.getAttribute('data-ms')));
    if (times.at(-1) < budget) break;
    await page.getByLabel('Choose result files').setInputFiles([]);
  }
  console.log(`a .zip of 2,000 results read and summarised in the browser in ${times.join(', ')} ms`);
  assert.ok(Math.min(...times) < budget, `a .zip of 2,000 results took ${times.join(', ')} ms (budget ${budget} ms)`);
  // The same figures as the files chosen one by one: every α a number.
  const rows = page.getByRole('table', { name: /Consistency of each topic/ }).locator('tbody tr');
  assert.equal(await rows.count(), BANK.dimensions.length);
  assert.ok(Number(await rows.first().getByRole('cell').first().innerText()) > 0.6);
  await page.getByRole('heading', { name: 'Skipped files (3)' }).waitFor();
  const skipped = await page.getByRole('heading', { name: 'Skipped files (3)' }).locator('..').innerText();
  assert.match(skipped, /submissions\.zip:submissions\/cut\.json/);
  assert.match(skipped, /submissions\.zip:submissions\/locked\.json[^]*it is encrypted: unpack the archive with its password/);
  assert.match(skipped, /photo\.zip[^]*it is damaged, or not a \.zip archive/);
  assert.doesNotMatch(skipped, /readme/);
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});

test('a dropped folder of 2,000 results: summarised in about a second from the drop, the page responsive throughout', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'crossroads-cohort-dropped-2000-')), 'Autumn intake');
  mkdirSync(dir);
  generatedCohort(2000).forEach((text, i) => writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.json`), text));
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  // From the drop (the browser's event, before the page's handlers) to
  // the summary on screen, and the longest task meanwhile.
  await page.evaluate(() => {
    window.__longest = 0;
    window.addEventListener('drop', () => {
      const since = performance.now();
      const before = document.querySelector('[data-ms]');
      window.__took = new Promise((resolve) => {
        const look = () => {
          const s = document.querySelector('[data-ms]');
          if (s && s !== before && /participants summarised/.test(s.textContent)) resolve(performance.now() - since);
          else requestAnimationFrame(look);
        };
        look();
      });
    }, true);
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    } catch { /* no long-task timing in this browser */ }
  });
  // Measured on this 2-core machine: 0.77–1.2 s from the drop (the walk
  // through the folder 0.35–0.55 s, the pass 0.41–0.65 s), against 1.5 s
  // for the same files chosen one by one. The suite holds it to 2 s so
  // that a loaded CI machine does not fail it at random — the older walk
  // through entries (1.8–2.4 s) would cross it; COHORT_BUDGET_MS=1000
  // checks the aim itself.
  const budget = Number(process.env.COHORT_BUDGET_MS || 2000);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  const times = [];
  for (let pass = 0; pass < 3; pass++) {
    await dropPaths(page, page.locator('.dropzone'), [dir]);
    times.push(await page.evaluate(() => window.__took));
    assert.match(await status.innerText(), /^2000 participants summarised; 0 files skipped\./);
    if (times.at(-1) < budget) break;
  }
  const longest = await page.evaluate(() => window.__longest);
  console.log(`a dropped folder of 2,000 results summarised in ${times.map((t) => t.toFixed(0)).join(', ')} ms from the drop; longest task ${longest.toFixed(0)} ms`);
  assert.ok(Math.min(...times) < budget, `a dropped folder of 2,000 results took ${times.join(', ')} ms (budget ${budget} ms)`);
  // The longest task while a dropped folder is walked and read is 0–72 ms
  // on this machine. It was 83–277 ms (94–213 ms in CI) while every file
  // of the folder was asked for in one task (2,000 `getFile()` calls);
  // they are now asked for 128 at a time, with the page free in between
  // (app::dropped::ask).
  assert.ok(longest < 150, `the page stayed busy for ${longest} ms at a stretch`);
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});

test('files chosen while a dropped folder is still being looked through are the ones read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'crossroads-cohort-overtaken-'));
  const dir = join(root, 'Whole intake');
  mkdirSync(dir);
  generatedCohort(200).forEach((text, i) => writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.json`), text));
  const three = generatedCohort(3).map((text, i) => {
    const p = join(root, `chosen${i}.json`);
    writeFileSync(p, text);
    return p;
  });
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'cohort'));
  await appReady(page);
  // A folder on a slow drive: each of its files takes two seconds to
  // open, and the facilitator chooses three files meanwhile.
  await page.evaluate(() => {
    const getFile = FileSystemFileHandle.prototype.getFile;
    FileSystemFileHandle.prototype.getFile = function slow() {
      return new Promise((wait) => setTimeout(wait, 2000)).then(() => getFile.call(this));
    };
  });
  await dropPaths(page, page.locator('.dropzone'), [dir]);
  await page.getByText(/^Looking through the dropped folder/).waitFor();
  await page.getByLabel('Choose result files').setInputFiles(three);
  const status = page.getByRole('status').filter({ hasText: 'participants summarised' });
  await status.waitFor();
  assert.match(await status.innerText(), /^3 participants summarised/);
  // Once the folder's files would have opened, the three are still what
  // is read (the folder used to replace them), the drop zone no longer
  // speaks of the folder, and a new pass (a role chosen) reads the three.
  await page.waitForTimeout(3000);
  assert.match(await status.innerText(), /^3 participants summarised/);
  assert.equal(await page.locator('.drop-note').innerText(), '');
  await page.getByLabel('Compare the cohort with a role').selectOption({ label: 'IT manager' });
  await page.getByRole('heading', { name: 'Against the role: IT manager' }).waitFor();
  assert.match(await status.innerText(), /^3 participants summarised/);
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
  await context.close();
});
