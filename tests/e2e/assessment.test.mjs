// A technician takes the assessment the way a person would: by keyboard,
// stopping and resuming, and with a damaged save — and nothing leaves the
// machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ASIDE_KEY, BANK, SESSION_KEY, appReady, clearAnswers, launch, openPage, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function assertClean(problems) {
  assert.deepEqual(problems.foreign, [], 'no request may leave 127.0.0.1');
  assert.deepEqual(problems.csp, [], 'no Content Security Policy violation');
  assert.deepEqual(problems.errors, [], 'no uncaught error');
}

test('the welcome text is in the page before the app loads', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.base);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Technical track or management track?' }).waitFor());
  assert.match(await page.locator('#welcome').innerText(), /Nothing you enter is sent anywhere/);
  await context.close();
  assert.deepEqual(problems.foreign, []);
});

test('keyboard only: complete the questionnaire and see an explained result', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  const answers = clearAnswers('management');
  // Reach "Start the questionnaire" with Tab and follow it with Enter.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'start')) break;
  }
  await page.keyboard.press('Enter');
  for (let i = 0; i < BANK.items.length; i++) {
    await page.getByRole('heading', { name: `Question ${i + 1} of ${BANK.items.length}` }).waitFor();
    // Focus is on the question heading; Tab enters the radio group.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'question-heading');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'radio');
    const target = answers[i];
    if (target === 0) await page.keyboard.press('Space');
    for (let k = 0; k < target; k++) await page.keyboard.press('ArrowRight');
    const checked = await page.locator('input[type=radio]:checked').count();
    assert.equal(checked, 1, `question ${i + 1} has an answer`);
    const next = i + 1 === BANK.items.length ? 'See my result' : 'Next';
    for (let t = 0; t < 5; t++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((n) => document.activeElement?.textContent === n, next)) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), next);
    await page.keyboard.press('Enter');
  }
  const heading = page.getByRole('heading', { level: 1, name: `Your result: ${BANK.tracks.management.name}` });
  await heading.waitFor();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Why this result' }).waitFor());
  assert.match(await page.locator('.headline').innerText(), /Confidence: High/);
  // The confidence is a retake chance in plain words.
  assert.match(await page.locator('.headline .retake').innerText(), /If you answered again, the same result would come out (more than 9|about \d) in 10 times\./);
  // The chart has its table alternative with one row per topic.
  const rows = page.getByRole('table', { name: /Scores by topic/ }).getByRole('row');
  assert.equal(await rows.count(), BANK.dimensions.length + 1);
  // The result is on the planner page; the move there kept every answer
  // and the finished mark.
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY));
  assert.equal(saved.session.finished, true);
  assert.equal(Object.keys(saved.session.answers).length, BANK.items.length);
  await page.goto(route(env.base));
  await page.getByText(`Welcome back. You finished the questionnaire (${BANK.items.length} of ${BANK.items.length} answered).`).waitFor();
  await context.close();
  assertClean(problems);
});

test('reload midway resumes at the same question with the answers kept', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  for (let i = 0; i < 5; i++) {
    await page.getByRole('heading', { name: new RegExp(`^Question ${i + 1} of`) }).waitFor();
    await page.getByLabel(BANK.scale[3]).or(page.locator('input[type=radio]').first()).first().check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByText('Saved in this browser.').waitFor();
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { name: `Question 6 of ${BANK.items.length}` }).waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { name: `Question 5 of ${BANK.items.length}` }).waitFor();
  assert.equal(await page.locator('input[type=radio]:checked').count(), 1);
  // The welcome page offers to continue.
  await page.goto(route(env.base, ''));
  await page.getByRole('link', { name: 'Continue where you left off' }).waitFor();
  assert.match(await page.getByText(/You have answered \d+ of/).innerText(), /answered 5 of/);
  await context.close();
  assertClean(problems);
});

test('start over asks first and keeps the answers when cancelled', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByText(/Start over\? This deletes your 1 answers/).waitFor();
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await page.getByRole('heading', { name: new RegExp(`^Question 2 of`) }).waitFor();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await page.getByRole('heading', { name: new RegExp(`^Question 1 of`) }).waitFor();
  assert.equal(await page.locator('input[type=radio]:checked').count(), 0);
  await context.close();
  assertClean(problems);
});

test('a corrupt save shows a message, is kept aside, and the app still works', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"format":"crossroads-session","version":1,"session":{"answers":'), SESSION_KEY);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be restored' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Nothing has been deleted/);
  // The parser's words are behind a disclosure, not in the message.
  assert.match(await alert.locator('p').first().innerText(), /damaged or was not written by Crossroads/);
  await alert.getByText('Technical details and the saved data').click();
  assert.match(await alert.locator('details.technical code').innerText(), /EOF while parsing/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE_KEY),
    '{"format":"crossroads-session","version":1,"session":{"answers":');
  await page.getByRole('button', { name: 'Start fresh and keep the old data' }).click();
  await page.getByRole('link', { name: 'Start the questionnaire' }).click();
  await page.getByRole('heading', { name: `Question 1 of ${BANK.items.length}` }).waitFor();
  await context.close();
  assertClean(problems);
});

test('a save from a newer version is explained, not misread', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"format":"crossroads-session","version":7,"session":{}}'), SESSION_KEY);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'written by a newer version of Crossroads' }).waitFor();
  await context.close();
  assertClean(problems);
});

test('with storage blocked the work stays in the tab, across both pages, with a warning', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  await page.getByRole('status').filter({ hasText: 'lost when you close the tab' }).waitFor();
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: new RegExp(`^Question 2 of`) }).waitFor();
  // The result lives on the planner page: the answer travels with the tab.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Result', exact: true }).click();
  await page.getByText(`This is a provisional result: 1 of ${BANK.items.length} questions answered.`).waitFor();
  await page.getByRole('status').filter({ hasText: 'lost when you close the tab' }).waitFor();
  // And back again, still at question 2 with the first answer kept.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaire' }).click();
  await page.getByRole('heading', { name: new RegExp(`^Question 2 of`) }).waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  assert.equal(await page.locator('input[type=radio]').first().isChecked(), true);
  await context.close();
  assertClean(problems);
});

test('answering on the assessment page keeps what was entered on the planner page', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(route(env.base, 'skills'));
  await appReady(page);
  const first = page.getByRole('group').first();
  const skill = (await first.locator('legend').innerText()).trim();
  await first.getByLabel(/^Level 3:/).check();
  await page.getByText(/^1 of \d+ skills rated/).waitFor();
  // To the questionnaire, on the other page: answer two questions.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaire' }).click();
  await appReady(page);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('heading', { name: new RegExp(`^Question ${i + 1} of`) }).waitFor();
    await page.locator('input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByText('Saved in this browser.').waitFor();
  // Back on the planner page the rating is still there, and so are the answers.
  await page.goto(route(env.base, 'skills'));
  await appReady(page);
  await page.getByText(/^1 of \d+ skills rated/).waitFor();
  // A rated skill is folded to one line that shows its level; open it to see the choice.
  await page.locator('summary', { hasText: `${skill} — Level 3` }).click();
  assert.equal(await page.getByRole('group', { name: skill }).getByLabel(/^Level 3:/).isChecked(), true);
  await page.goto(route(env.base, 'results'));
  await page.getByText(`This is a provisional result: 2 of ${BANK.items.length} questions answered.`).waitFor();
  await context.close();
  assertClean(problems);
});

test('a save from questionnaire 1.0.0 still opens, says what changed and resumes at the first new question', async () => {
  const { context, page, problems } = await openPage(env.browser);
  const old = JSON.parse(readFileSync(new URL('../fixtures/result_bank_1.0.0.json', import.meta.url)));
  await page.goto(env.base);
  await appReady(page);
  await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify({
    format: 'crossroads-session', version: 1, session: s,
  })), [SESSION_KEY, old.session]);
  await page.goto(route(env.base, 'results'));
  await page.getByRole('heading', { name: 'The questionnaire has changed' }).waitFor();
  const panel = page.locator('.changed');
  assert.match(await panel.innerText(), /given to version 1\.0\.0 of the questionnaire; this is version 2\.0\.0/);
  const fresh = BANK.items.filter((it) => !(it.id in old.session.answers));
  // The new questions are listed behind a disclosure, so that the result
  // is not pushed screens down on a phone.
  await panel.getByText(`${fresh.length} new questions to answer`, { exact: true }).click();
  assert.equal(await panel.locator('.new-questions li').count(), fresh.length);
  assert.equal(await panel.locator('.new-questions li').first().innerText(), fresh[0].text);
  await panel.getByRole('link', { name: 'Answer the new questions' }).click();
  const first = BANK.items.findIndex((it) => it.id === fresh[0].id);
  await page.getByRole('heading', { name: `Question ${first + 1} of ${BANK.items.length}` }).waitFor();
  // Every 1.0.0 answer is still in the save, retired ones included.
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY));
  assert.deepEqual(saved.session.answers, old.session.answers);
  await context.close();
  assertClean(problems);
});
