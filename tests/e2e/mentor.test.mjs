// Mentors and mentees: a mentee exports a result file, a mentor opens it in
// another browser, a share link opens read-only, and untrusted text (names,
// notes) always shows as typed and never runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, SESSION_KEY, appReady, clearAnswers, launch, openPage, seedFinished, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const XSS_NAME = '<img src=x onerror="window.__pwned=1">Ana';
const XSS_NOTE = '<script>window.__pwned=2</script> I want to lead & <b>grow</b>';

test('a mentee exports; a mentor opens the file in another browser; the mentee\'s work is untouched', async () => {
  const mentee = await openPage(env.browser, { acceptDownloads: true });
  await mentee.page.goto(env.base);
  await appReady(mentee.page);
  await seedFinished(mentee.page, 'management');
  await mentee.page.goto(route(env.base, 'results'));
  await mentee.page.reload();
  await mentee.page.getByLabel('Your name on the file (optional)').fill(XSS_NAME);
  await mentee.page.getByLabel(/^Notes for yourself/).fill(XSS_NOTE);
  const [download] = await Promise.all([
    mentee.page.waitForEvent('download'),
    mentee.page.getByRole('button', { name: 'Download my result file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^crossroads-result-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const menteeSave = await mentee.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY);

  const mentor = await openPage(env.browser);
  await mentor.page.goto(route(env.base, 'open'));
  await appReady(mentor.page);
  await mentor.page.getByLabel('Choose a result file').setInputFiles(file);
  const heading = mentor.page.getByRole('heading', { level: 1, name: `${XSS_NAME}'s result: ${BANK.tracks.management.name}` });
  await heading.waitFor();
  await mentor.page.getByText(XSS_NOTE, { exact: true }).waitFor();
  assert.equal(await mentor.page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await mentor.page.locator('main img, main script').count(), 0);
  // The mentor's own (empty) work was not replaced by the import.
  assert.equal(await mentor.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
  // Still listed after a reload.
  await mentor.page.goto(route(env.base, 'open'));
  await mentor.page.reload();
  await mentor.page.getByRole('link', { name: XSS_NAME }).waitFor();

  assert.equal(await mentee.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), menteeSave);
  for (const side of [mentee, mentor]) {
    await side.context.close();
    assert.deepEqual(side.problems, { foreign: [], csp: [], errors: [] });
  }
});

test('opening a file never overwrites one\'s own work; replacing asks first', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'technical');
  await page.reload();
  const own = await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY);
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-'));
  const other = join(dir, 'other.json');
  const picks = clearAnswers('management');
  writeFileSync(other, JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: 'crossroads-default', bank_version: '0.9.0', position: 0, finished: true, started: null, updated: null,
      display_name: 'Sam', notes: '',
      answers: { ...Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])), retired_q: 4 },
    },
  }));
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(other);
  await page.getByRole('heading', { level: 1, name: /^Sam's result/ }).waitFor();
  await page.getByText(/given to version 0\.9\.0 of the questionnaire/).waitFor();
  await page.getByText(/no longer asks \(retired_q\)/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), own);
  await page.getByRole('button', { name: 'Replace my own work with this result' }).click();
  await page.getByRole('button', { name: 'Keep my work' }).click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), own);
  await page.getByRole('button', { name: 'Replace my own work with this result' }).click();
  await page.getByRole('button', { name: 'Yes, replace my work' }).click();
  await page.getByRole('heading', { level: 1, name: `Your result: ${BANK.tracks.management.name}` }).waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('bad files get a clear message, not a crash', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-'));
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  for (const [name, text, expected] of [
    ['notes.txt', 'just some notes', /not in the form Crossroads writes/],
    ['photo.png', png, /not a text file at all/],
    ['other.json', '{"hello": "world"}', /not a Crossroads result/],
    ['future.json', '{"format": "crossroads-result", "version": 5, "session": {}}', /newer version of Crossroads/],
  ]) {
    const p = join(dir, name);
    writeFileSync(p, text);
    await page.getByLabel('Choose a result file').setInputFiles(p);
    await page.getByRole('alert').filter({ hasText: expected }).waitFor();
  }
  // A damaged result: the message is in plain words; the parser's words
  // and the place in the file are behind a disclosure, closed.
  for (const [name, text, plain, detail] of [
    ['cut.json', '{"format": "crossroads-result", "version": 1, "session": {"answers": {', /cut short or damaged/, /EOF while parsing/],
    ['hours.json', JSON.stringify({
      format: 'crossroads-result', version: 1,
      session: { bank_id: 'b', bank_version: '1', answers: {}, position: 0, finished: false, started: null, updated: null,
        plan: { hours_per_week: 1e-30, budget_usd: null, start: null } },
    }), /hours a week for learning are .*from 1 to 80/, /at session\.plan\.hours_per_week/],
  ]) {
    const p = join(dir, name);
    writeFileSync(p, text);
    await page.getByLabel('Choose a result file').setInputFiles(p);
    const alert = page.getByRole('alert').filter({ hasText: plain });
    await alert.waitFor();
    assert.doesNotMatch(await alert.locator('p').innerText(), /line \d|column|EOF/);
    const details = alert.locator('details');
    assert.equal(await details.getAttribute('open'), null, 'closed at first');
    await details.getByText('Technical details').click();
    assert.match(await details.locator('code').innerText(), detail);
  }
  const big = join(dir, 'big.json');
  writeFileSync(big, 'x'.repeat(1_100_000));
  await page.getByLabel('Choose a result file').setInputFiles(big);
  await page.getByRole('alert').filter({ hasText: /limit is 1024 KB/ }).waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a share link opens read-only; a truncated one shows its message', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'technical');
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByLabel('Your name on the file (optional)').fill('Lee <i>x</i>');
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  assert.ok(link.startsWith(env.base), link);
  assert.ok(link.length - env.base.length < 200, `${link.length - env.base.length} characters after the base`);

  const viewer = await openPage(env.browser);
  await viewer.page.goto(link);
  await viewer.page.getByRole('heading', { level: 1, name: `Lee <i>x</i>'s result: ${BANK.tracks.technical.name}` }).waitFor();
  assert.equal(await viewer.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null, 'viewing saves nothing');
  assert.match(link, /\/mentor\.html#\/r\?/, 'the link opens the mentor\'s page');
  // Links to the assessment page or the planner (as older builds made them)
  // are handed to the mentor's page with the whole fragment.
  for (const older of ['#', 'plan.html#']) {
    const oldStyle = await openPage(env.browser);
    await oldStyle.page.goto(link.replace('mentor.html#', older));
    await oldStyle.page.waitForURL(/mentor\.html#\/r\?/);
    await oldStyle.page.getByRole('heading', { level: 1, name: `Lee <i>x</i>'s result: ${BANK.tracks.technical.name}` }).waitFor();
    await oldStyle.context.close();
    assert.deepEqual(oldStyle.problems, { foreign: [], csp: [], errors: [] });
  }
  await viewer.page.goto(link.slice(0, -12));
  await viewer.page.reload();
  await viewer.page.getByRole('alert').filter({ hasText: /incomplete/ }).waitFor();
  for (const side of [{ context, problems }, viewer]) {
    await side.context.close();
    assert.deepEqual(side.problems, { foreign: [], csp: [], errors: [] });
  }
});

test('a share link made with an older questionnaire: its confidence and range are of the whole questionnaire, not of its nine answers', async () => {
  const { context, page, problems } = await openPage(env.browser);
  const share = readFileSync(new URL('../fixtures/share_bank_1.0.0.txt', import.meta.url), 'utf8').trim();
  await page.goto(`${env.base}mentor.html${share}`);
  await page.getByRole('heading', { level: 1, name: /^Version One's result/ }).waitFor();
  const headline = await page.locator('.headline').innerText();
  // 9 of 72 questions still count: the chance stated is that of a whole
  // retake, and the range allows for the 63 unanswered.
  assert.match(headline, /If they answered the whole questionnaire, the same result would come out (more than 9|about \d) in 10 times\./);
  assert.match(headline, /one standard error, from how much the answers on each topic agree with each other and what the unanswered questions could still change/);
  const range = Number(headline.match(/within about (\d+) points/)[1]);
  assert.ok(range >= 20, `a range of ${range} points from nine answers`);
  // The same answers opened from a file for a review: the conversation's
  // firmness is worded the same way.
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(new URL('../fixtures/result_bank_1.0.0.json', import.meta.url).pathname);
  assert.match(await page.locator('.mentor-confidence').innerText(), /^How firm the track result is: \w+ — answering the whole questionnaire would give the same track (more than 9|about \d|less than 1) in 10 times\./);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('comparing with a file that has no answer to the current questions: no result on that side, and no change to read', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  // Every answer in the first file is to a retired question; the second
  // has nine answers that still count. (Which is earlier goes by their
  // dates, not the order they were opened in.)
  await page.getByLabel('Choose a result file').setInputFiles(new URL('../fixtures/result_it_manager.json', import.meta.url).pathname);
  await page.getByRole('heading', { level: 1, name: 'No result yet' }).waitFor();
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(new URL('../fixtures/result_bank_1.0.0.json', import.meta.url).pathname);
  await page.locator('.mentor-confidence').waitFor();
  await page.goto(route(env.base, 'compare'));
  const panel = page.getByRole('region', { name: 'Track leaning, then and now' });
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /(Then|Now): no result \(none of its answers is to the current questions\)\./);
  assert.match(text, /(Then|Now): .+ \(\d+ points toward (management|technical)\)\./);
  assert.match(text, /With no result on one side, there is no change in the leaning to read\./);
  assert.doesNotMatch(text, /Hybrid|Confidence then/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('progress over time: an earlier file compared with today shows the change per topic', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'management');
  await page.reload();
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-'));
  const earlier = join(dir, 'earlier.json');
  const picks = clearAnswers('technical');
  writeFileSync(earlier, JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: 'crossroads-default', bank_version: '1.0.0', position: 0, finished: true,
      started: '2026-08-28T09:00:00Z', updated: '2026-08-28T09:30:00Z', display_name: 'Me in August', notes: '',
      skills: { negotiation: 1 },
      answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
    },
  }));
  await page.goto(route(env.base, 'open'));
  await page.getByLabel('Choose a result file').setInputFiles(earlier);
  await page.getByRole('heading', { level: 1, name: /^Me in August's result/ }).waitFor();
  await page.goto(route(env.base, 'skills'));
  await page.locator('summary', { hasText: 'Negotiation' }).click();
  await page.getByRole('group', { name: 'Negotiation' }).getByLabel(/^Level 3:/).check();
  await page.goto(route(env.base, 'compare'));
  await page.getByLabel('Earlier result').selectOption({ label: 'Me in August 2026-08-28 09:30 UTC' });
  await page.getByLabel('Later result').selectOption({ label: 'My current work' });
  await page.getByText(`Then: ${BANK.tracks.technical.name}`, { exact: false }).waitFor();
  await page.getByText(`Now: ${BANK.tracks.management.name}`, { exact: false }).waitFor();
  const table = page.getByRole('table', { name: /Scores by topic, earlier and later/ });
  assert.equal(await table.getByRole('row').count(), BANK.dimensions.length + 1);
  const peopleRow = table.getByRole('row', { name: new RegExp(`^${BANK.dimensions[0].name}`) });
  assert.match(await peopleRow.innerText(), /\+\d+/);
  const skills = page.getByRole('table', { name: 'Skill self-ratings, earlier and later' });
  assert.match(await skills.getByRole('row', { name: /^Negotiation/ }).innerText(), /1\s+3\s+\+2/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a mentor rates the mentee, sees a blind spot, adds a note, exports the review and prints a meeting report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-'));
  const file = join(dir, 'mentee.json');
  const picks = clearAnswers('management');
  writeFileSync(file, JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: BANK.id, bank_version: BANK.version, position: 0, finished: true, started: null, updated: null,
      display_name: 'Robin', notes: 'I want to lead the service desk.',
      answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
      skills: { networking: 4, negotiation: 1, communication: 2 },
      role: 'it_manager',
    },
  }));
  const { context, page, problems } = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  await page.getByLabel('Choose a result file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Review Robin as a mentor' }).waitFor();
  await page.getByLabel('Your name (optional)').fill('Dana');
  await page.getByLabel('Your name (optional)').press('Tab');
  await page.getByLabel('Your rating of Robin for Networking').selectOption('1');
  await page.getByLabel('Your rating of Robin for Negotiation').selectOption('3');
  await page.getByText('Blind spot: Networking').waitFor();
  await page.getByText('Hidden strength: Negotiation').waitFor();
  await page.getByLabel('Note on Networking').fill('Ask about the VLAN outage in May');
  await page.getByLabel('Note on Networking').press('Tab');
  const prompts = await page.locator('.prompts li').allInnerTexts();
  assert.ok(prompts.length >= 3 && prompts.some((p) => p.includes('Networking')), prompts.join(' | '));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the review for Robin' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.review.ratings.networking, 1);
  assert.equal(exported.review.skill_notes.networking, 'Ask about the VLAN outage in May');
  assert.equal(exported.review.mentor_name, 'Dana');

  await page.getByRole('link', { name: 'Meeting report' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting report: Robin' }).waitFor();
  await page.getByRole('heading', { name: 'Gap to IT manager' }).waitFor();
  await page.getByText('Blind spot: Networking').waitFor();
  await page.getByText('I want to lead the service desk.').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print the report' }).isVisible(), false);
  for (const format of ['A4', 'Letter']) {
    assert.ok((await page.pdf({ format })).length > 10_000, format);
  }
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

const OPENED_KEY = 'crossroads.opened.v1';
const OPENED_ASIDE_KEY = 'crossroads.opened.unreadable';

/** A small valid result file named `name`, in a scratch folder. */
function resultFile(name) {
  const picks = clearAnswers('technical');
  const p = join(mkdtempSync(join(tmpdir(), 'crossroads-')), 'result.json');
  writeFileSync(p, JSON.stringify({
    format: 'crossroads-result', version: 1,
    session: {
      bank_id: 'crossroads-default', bank_version: BANK.version, position: 0, finished: true, started: null, updated: null,
      display_name: name, notes: '',
      answers: Object.fromEntries(BANK.items.map((it, i) => [it.id, it.kind === 'likert' ? picks[i] + 1 : it.options[picks[i]].id])),
    },
  }));
  return p;
}

test('an unreadable list of opened results is kept aside, never overwritten', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate((k) => localStorage.setItem(k, '[{"format": broken'), OPENED_KEY);
  await page.goto(route(env.base, 'open'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your list of opened results could not be read' });
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`kept in this browser under "${OPENED_ASIDE_KEY}"`));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), OPENED_ASIDE_KEY), '[{"format": broken');
  await page.getByLabel('Choose a result file').setInputFiles(resultFile('Kim'));
  await page.getByRole('heading', { level: 1, name: /^Kim's result/ }).waitFor();
  // The first change rewrote the list; the old one is still aside.
  const list = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), OPENED_KEY));
  assert.equal(list.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), OPENED_ASIDE_KEY), '[{"format": broken');
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a list of opened results the browser refuses to save is reported', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await context.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, OPENED_KEY);
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  await page.getByLabel('Choose a result file').setInputFiles(resultFile('Lou'));
  await page.getByRole('heading', { level: 1, name: /^Lou's result/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'refused to save the list of opened results' }).waitFor();
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a mentee\'s file with no answer to the current questions says so of them, not "answer the questions" to the mentor', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'open'));
  await appReady(page);
  // Every answer in this file is to a question the questionnaire no longer asks.
  await page.getByLabel('Choose a result file').setInputFiles(new URL('../fixtures/result_it_manager.json', import.meta.url).pathname);
  await page.getByRole('heading', { level: 1, name: 'No result yet' }).waitFor();
  const main = await page.getByRole('main').innerText();
  assert.match(main, /Fixture Person has answered none of this questionnaire's questions, so there is no leaning to show yet\./);
  assert.doesNotMatch(main, /Answer at least some of the questions/);
  // The review's conversation does not weigh a track result there is not.
  assert.equal(await page.locator('.mentor-confidence').innerText(), "There is no track result yet: Fixture Person has answered none of this questionnaire's questions.");
  // The meeting report says the same: no middle result ("Hybrid"), no
  // question about which half of a team lead's job to keep, and no claim
  // that the mentor's ratings agree when there are none yet.
  await page.getByRole('link', { name: 'Meeting report' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting report: Fixture Person' }).waitFor();
  const report = await page.getByRole('main').innerText();
  assert.match(report, /Result: none yet/);
  assert.ok(report.includes(`Fixture Person has answered none of this questionnaire's ${BANK.items.length} questions, so there is no leaning to discuss yet.`), report.slice(0, 400));
  assert.doesNotMatch(report, /Hybrid|team lead|lean 0 points/i);
  assert.match(report, /The mentor has not rated Fixture Person's skills or topics yet/);
  assert.doesNotMatch(report, /No rating of the mentor's differs/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
