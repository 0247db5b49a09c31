// How quickly the app answers a person, in a real browser with the CPU
// slowed down (4× by default, as Lighthouse's mobile setting): the time
// from an input to the page updated (state and render: what the person
// sees) and to the save written, for answering questions and for changing
// the roadmap's hours a week and budget. A benchmark, not a test: it prints percentiles.
// Needs dist/ (scripts/build.sh).
//
//   node scripts/bench-interaction.mjs [--cpu 4] [--answers 60] [--changes 60]
import { appReady, launch, openPage, route } from '../tests/e2e/helpers.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const cpu = arg('--cpu', 4);
const answers = arg('--answers', 60);
const changes = arg('--changes', 60);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const report = (what, xs) => console.log(
  `${what}: n ${xs.length}, median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`,
);

// In the page: from an input's event to the end of the task that follows
// it, by which Yew has updated the state and the page (what the person
// sees), and to the save being in storage, which is written in a task of
// its own after that (polled task by task; `null` if it never changed).
const timed = (fire) => new Promise((resolve) => {
  const key = 'crossroads.session.v1';
  const before = localStorage.getItem(key);
  const t0 = performance.now();
  fire();
  setTimeout(() => {
    const shown = performance.now() - t0;
    const poll = (turns) => {
      if (localStorage.getItem(key) !== before) resolve([shown, performance.now() - t0]);
      else if (turns > 50) resolve([shown, null]);
      else setTimeout(() => poll(turns + 1), 0);
    };
    poll(0);
  }, 0);
});

// Reports both measures of a list of [shown, saved] pairs.
const reportBoth = (what, pairs) => {
  report(`${what}, on screen`, pairs.map(([shown]) => shown));
  const saved = pairs.map(([, s]) => s).filter((s) => s !== null);
  if (saved.length < pairs.length) console.log(`${what}: ${pairs.length - saved.length} inputs left no new save`);
  if (saved.length) report(`${what}, saved`, saved);
};

const env = await launch();
try {
  const { context, page } = await openPage(env.browser, { viewport: { width: 412, height: 915 } });
  const cdp = await context.newCDPSession(page);

  // Answering: pick an option, go to the next question.
  await page.goto(route(env.base, 'questions'));
  await appReady(page);
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const answerTimes = [];
  for (let i = 0; i < answers; i++) {
    const heading = page.getByRole('heading', { name: new RegExp(`^Question ${i + 1} of`) });
    if (!(await heading.count())) break;
    answerTimes.push(await page.evaluate((timedSource) => {
      const run = eval(timedSource);
      const options = [...document.querySelectorAll('main input[type=radio]')];
      const next = [...document.querySelectorAll('main button')].find((b) => /^(Next|See my result)/.test(b.textContent));
      return run(() => { options[options.length >> 1].click(); next.click(); });
    }, `(${timed})`));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  reportBoth(`answer (CPU ${cpu}× slower)`, answerTimes);

  // The roadmap: a technician aiming at IT manager, then hours and budget
  // changed one at a time.
  await page.goto(route(env.base, 'roles'));
  await page.getByRole('button', { name: 'Choose IT manager' }).click();
  await page.goto(route(env.base, 'roadmap'));
  await page.getByRole('heading', { level: 1, name: /roadmap to IT manager/ }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const planTimes = [];
  for (let i = 0; i < changes; i++) {
    planTimes.push(await page.evaluate(([timedSource, i]) => {
      const run = eval(timedSource);
      const field = document.getElementById(i % 2 ? 'plan-budget' : 'plan-hours');
      field.value = String(i % 2 ? 500 + 250 * (i % 12) : 2 + (i % 19));
      return run(() => field.dispatchEvent(new Event('change', { bubbles: true })));
    }, [`(${timed})`, i]));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  reportBoth(`roadmap recompute after hours or budget (CPU ${cpu}× slower)`, planTimes);
  await context.close();
} finally {
  await env.close();
}
