// A training program brings its own settings and question bank beside
// index.html: a valid bank replaces the built-in one; a broken one falls
// back to the built-in content and the coordinator sees every problem.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK, appReady, launch, openPage, route } from './helpers.mjs';

function programDist(files) {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-dist-'));
  cpSync('dist', dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const customBank = structuredClone(BANK);
customBank.id = 'acme-bank';
customBank.version = '2.1.0';
customBank.items[0].text = 'At Acme I enjoy writing the weekly status note for the whole service desk.';
// A statement that breaks a writing rule: a warning for the coordinator,
// not an error — the bank is still used.
customBank.items[1].text = 'I would rather fix a server myself than write a report about it.';

const ROLES = JSON.parse(readFileSync(new URL('../../questions/roles.json', import.meta.url)));
const customRoles = structuredClone(ROLES);
customRoles.roles[0].name = 'Acme service desk manager';

const brokenBank = structuredClone(BANK);
brokenBank.items[4].dimension = 'mind_reading';
brokenBank.items[7].text = '';

const brokenRoles = structuredClone(ROLES);
brokenRoles.roles[0].requires.telepathy = { level: 2, importance: 1 };

let good;
let bad;
let mixed;
before(async () => {
  good = await launch({
    prefix: '/academy/crossroads/',
    root: programDist({
      'crossroads.json': { name: 'Acme IT Academy', accent: '#6b1d4f', welcome: 'Cohort 12: please finish before Friday.', content: { bank: 'acme-bank.json', roles: 'acme-roles.json' } },
      'acme-bank.json': customBank,
      'acme-roles.json': customRoles,
    }),
  });
  mixed = await launch({
    root: programDist({
      'crossroads.json': { content: { bank: 'acme-bank.json', roles: 'acme-roles.json' } },
      'acme-bank.json': customBank,
      'acme-roles.json': brokenRoles,
    }),
  });
  bad = await launch({
    root: programDist({
      'crossroads.json': { name: 'Acme IT Academy', content: { bank: 'acme-bank.json' } },
      'acme-bank.json': brokenBank,
    }),
  });
});
after(async () => { await good?.close(); await bad?.close(); await mixed?.close(); });

test('a program\'s own bank and branding replace the built-in ones', async () => {
  const { context, page, problems } = await openPage(good.browser);
  await page.goto(good.base);
  await appReady(page);
  await page.getByText('Acme IT Academy').first().waitFor();
  await page.getByText('Cohort 12: please finish before Friday.').waitFor();
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.equal(accent, '#6b1d4f');
  await page.getByRole('link', { name: 'Start the questionnaire' }).click();
  await page.getByRole('group', { name: customBank.items[0].text }).waitFor();
  await page.goto(route(good.base, 'roles'));
  await page.getByRole('button', { name: 'Choose Acme service desk manager' }).waitFor();
  await page.goto(route(good.base, 'admin'));
  await page.getByText('Custom content in use: acme-bank.json, acme-roles.json.').waitFor();
  await page.getByText(/Question bank: acme-bank 2\.1\.0/).waitFor();
  await page.getByText('No problems found.').waitFor();
  await page.getByRole('heading', { name: 'Writing warnings' }).waitFor();
  const warnings = await page.locator('.warnings').innerText();
  assert.match(warnings, /acme-bank\.json at items\[1\]\.text: compares two things \("than"\)/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a broken bank falls back to the built-in content and lists its errors for the coordinator', async () => {
  const { context, page, problems } = await openPage(bad.browser);
  await page.goto(route(bad.base, 'questions'));
  await appReady(page);
  await page.getByRole('group', { name: BANK.items[0].text }).waitFor();
  await page.goto(route(bad.base, 'admin'));
  await page.getByRole('alert').filter({ hasText: '3 problems found' }).waitFor();
  const list = await page.locator('.problems').innerText();
  assert.match(list, /acme-bank\.json at items\[4\]\.dimension: unknown dimension "mind_reading"/);
  assert.match(list, /acme-bank\.json at items\[7\]\.text: the text is empty/);
  // Moving a statement away leaves its own dimension short, which is named too.
  assert.match(list, /has 5 statements; it needs at least 6/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});

test('a broken catalog file falls back on its own: both pages keep the program\'s valid bank', async () => {
  const { context, page, problems } = await openPage(mixed.browser);
  await page.goto(route(mixed.base, 'questions'));
  await appReady(page);
  await page.getByRole('group', { name: customBank.items[0].text }).waitFor();
  // The planner page uses the same bank, not the built-in one.
  await page.goto(route(mixed.base, 'admin'));
  await page.getByText('Custom content in use: acme-bank.json.').waitFor();
  await page.getByText(/Question bank: acme-bank 2\.1\.0/).waitFor();
  const list = await page.locator('.problems').innerText();
  assert.match(list, /acme-roles\.json/);
  assert.match(list, /telepathy/);
  await context.close();
  assert.deepEqual(problems, { foreign: [], csp: [], errors: [] });
});
