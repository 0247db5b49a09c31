// The first visit stays within its budget: 150 KB gzip for everything the
// browser loads for the assessment page (wasm, glue, boot script, page,
// stylesheet, icon, manifest, service worker, crossroads.json). A size is
// deterministic for a build, so this is a check, not a benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_VISIT_BUDGET, sizes, total } from '../../scripts/sizes.mjs';

test('a first visit loads at most 150 KB gzip, and none of the planner page', () => {
  const { firstVisit, planner } = sizes('dist');
  const files = firstVisit.map((f) => f.file);
  for (const kind of [/_bg\.wasm$/, /^crossroads-[0-9a-f]+\.js$/, /^style-.*\.css$/, /^index\.html$/, /^sw\.js$/]) {
    assert.ok(files.some((f) => kind.test(f)), `the first visit includes ${kind}: ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => /plan/.test(f)), `no planner file on the first visit: ${files.join(', ')}`);
  const gzip = total(firstVisit);
  assert.ok(gzip <= FIRST_VISIT_BUDGET, `first visit: ${gzip} bytes gzip, budget ${FIRST_VISIT_BUDGET}:\n${
    firstVisit.map((f) => `  ${f.file} ${f.gzip}`).join('\n')}`);
  assert.ok(planner.some((f) => /_bg\.wasm$/.test(f.file)), 'the planner has its own wasm');
});
