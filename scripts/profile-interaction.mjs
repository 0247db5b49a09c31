// Where the time of an interaction goes, in a real browser with the CPU 4×
// slower: a CPU profile of 30 answers to the questionnaire (`answer`) or 30
// changes of the roadmap's hours and budget (`roadmap`), summed by kind
// (the wasm, the JavaScript glue, the browser's own DOM calls, its
// rendering and garbage collection) and by function. The wasm in dist/ has
// no names; scripts/wasm-size.sh says what is in it. A companion to
// bench-interaction.mjs, which times the same inputs. Needs dist/.
//
//   node scripts/profile-interaction.mjs [answer|roadmap]
//   ROOT=dir node scripts/profile-interaction.mjs answer
//
// ROOT serves another build. For the wasm's function names: copy dist/,
// put target/wasm-size/assess.wasm and target/wasm-size/assess/crossroads.js
// (scripts/wasm-size.sh assess) in place of the assessment's wasm and glue,
// under their hashed names, and drop the `integrity` attributes from its
// index.html.
import { appReady, launch, openPage, route } from '../tests/e2e/helpers.mjs';
const env = await launch({ root: process.env.ROOT || 'dist' });
const { context, page } = await openPage(env.browser, { viewport: { width: 412, height: 915 } });
const cdp = await context.newCDPSession(page);
const mode = process.argv[2] || 'answer';
if (mode === 'answer') {
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
} else {
  await page.goto(route(env.base, 'roles'));
  await appReady(page);
  await page.getByRole('button', { name: 'Choose IT manager' }).click();
  await page.goto(route(env.base, 'roadmap'));
  await page.getByRole('heading', { level: 1, name: /roadmap to IT manager/ }).waitFor();
}
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.start');
for (let i = 0; i < 30; i++) {
  await page.evaluate(([mode, i]) => new Promise((resolve) => {
    if (mode === 'answer') {
      const options = [...document.querySelectorAll('main input[type=radio]')];
      const next = [...document.querySelectorAll('main button')].find((b) => /^(Next|See my result)/.test(b.textContent));
      options[options.length >> 1].click(); next.click();
    } else {
      const field = document.getElementById(i % 2 ? 'plan-budget' : 'plan-hours');
      field.value = String(i % 2 ? 500 + 250 * (i % 12) : 2 + (i % 19));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    setTimeout(resolve, 0);
  }), [mode, i]);
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const cat = new Map(); const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]); const f = n.callFrame; const d = profile.timeDeltas[i] || 0;
  const c = f.url.endsWith('.wasm') ? 'wasm' : f.functionName.startsWith('(') ? f.functionName : (f.url ? 'js ' + f.url.split('/').pop().replace(/-[0-9a-f]{16}/, '') : 'native ' + f.functionName);
  cat.set(c, (cat.get(c) || 0) + d);
  const key = (f.functionName || '(anon)') + ' ' + f.url.split('/').pop().replace(/-[0-9a-f]{16}/, '') + ':' + f.columnNumber;
  self.set(key, (self.get(key) || 0) + d);
}
[...cat].sort((a, b) => b[1] - a[1]).slice(0, 10).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(7), 'ms', k));
console.log('--');
[...self].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(7), 'ms', k.slice(0, 100)));
await env.close();
