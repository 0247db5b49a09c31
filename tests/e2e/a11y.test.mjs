// Accessibility and print: axe-core (WCAG 2.2 A/AA rules and the
// experimental ones, such as label-content-name-mismatch) finds no
// violation on any screen, and printing drops the navigation chrome.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BANK, appReady, axeAll, launch, openPage, seedFinished, route } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`every screen passes axe on ${name}`, async () => {
    const { context, page } = await openPage(env.browser, { viewport });
    // Each screen: no axe violation, and nothing wider than the window
    // (content reflows down to a phone, WCAG 1.4.10).
    const check = async (screen) => {
      assert.deepEqual(await axeAll(page), [], screen);
      const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrollWidth <= width, `${screen}: the page is ${scrollWidth}px wide in a ${width}px window`);
    };
    await page.goto(env.base);
    await appReady(page);
    await check('welcome');
    await page.goto(route(env.base, 'questions'));
    await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
    await check('questionnaire');
    await seedFinished(page, 'technical');
    await page.goto(route(env.base, 'results'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Your result/ }).waitFor();
    await check('results');
    await page.goto(route(env.base, 'method'));
    await page.getByRole('heading', { name: 'How Crossroads works out your result' }).waitFor();
    await check('method');
    for (const [screen, heading] of [
      ['skills', 'Rate your skills'],
      ['experience', 'Your experience'],
      ['roles', 'Choose a target role'],
    ]) {
      await page.goto(route(env.base, screen));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await check(screen);
    }
    await page.getByRole('button', { name: 'Choose IT manager' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your gap to IT manager' }).waitFor();
    await check('gap');
    await page.goto(route(env.base, 'roadmap'));
    await page.getByRole('heading', { level: 1, name: 'Your roadmap to IT manager' }).waitFor();
    await check('roadmap');
    for (const screen of ['open', 'compare', 'cohort', 'admin']) {
      await page.goto(route(env.base, screen));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(screen);
    }
    await context.close();
  });
}

test('a technical respondent sees the technical track, and the result prints without navigation', async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(env.base);
  await appReady(page);
  await seedFinished(page, 'technical');
  await page.goto(route(env.base, 'results'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: `Your result: ${BANK.tracks.technical.name}` }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await page.getByRole('link', { name: 'Review my answers' }).isVisible(), false);
  assert.equal(await page.getByRole('table', { name: /Scores by topic/ }).isVisible(), true);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'a non-empty PDF');
  await context.close();
});
