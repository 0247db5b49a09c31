// The cohort page's file-reading worker (static/read-files.js), run in a
// bare context with Node's Blob and File: every chosen file's bytes come
// back in order, in batches, a file that cannot be read costs only itself,
// and the worker never runs more than its credit ahead of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../static/read-files.js', import.meta.url), 'utf8');

/** A file whose bytes can no longer be read (moved or changed since it was chosen). */
class GoneFile {
  constructor(size) { this.size = size; }
  arrayBuffer() { return Promise.reject(new Error('NotReadableError')); }
}

/** The worker, with `page.batches` what it posted and `page.take()` the page's credit. */
function startWorker(files) {
  const batches = [];
  let waiting = null;
  const context = {
    Promise,
    // A joined read fails as a browser's does when one of its files is gone.
    Blob: function (parts) {
      return parts.some((p) => p instanceof GoneFile)
        ? { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }
        : new Blob(parts);
    },
    postMessage: (batch) => {
      batches.push(batch);
      if (waiting) waiting();
    },
  };
  vm.createContext(context);
  vm.runInContext(source, context);
  context.onmessage({ data: files });
  return {
    batches,
    take: () => context.onmessage({ data: 1 }),
    settle: () => new Promise((resolve) => setTimeout(resolve, 20)),
  };
}

const text = (bytes) => (bytes === null ? null : Buffer.from(bytes).toString());

test('every file comes back in order, in batches the page takes one by one', async () => {
  // Sizes from empty to a few kilobytes, so a cut one byte off shows.
  const contents = Array.from({ length: 203 }, (_, i) => `{"file":${i},"pad":"${'x'.repeat((i * 37) % 3001)}"}`.slice(0, i === 7 ? 0 : undefined));
  const files = contents.map((c, i) => new File([c], `${i}.json`));
  const worker = startWorker(files);
  const got = [];
  for (let taken = 0; got.length < files.length; taken++) {
    await worker.settle();
    assert.ok(worker.batches.length > taken, 'a batch is ready when the page asks');
    const batch = worker.batches[taken];
    assert.ok(batch.length >= 1 && batch.length <= 16, `batch of ${batch.length}`);
    got.push(...batch.map(text));
    worker.take();
  }
  assert.deepEqual(got, contents);
});

test('a file that cannot be read is null, and the rest of its batch is read', async () => {
  const files = Array.from({ length: 40 }, (_, i) => (i === 20 ? new GoneFile(11) : new File([`file ${i}`], `${i}.json`)));
  const worker = startWorker(files);
  await worker.settle();
  worker.take();
  worker.take();
  await worker.settle();
  const got = worker.batches.flat().map(text);
  assert.equal(got.length, 40);
  got.forEach((bytes, i) => assert.equal(bytes, i === 20 ? null : `file ${i}`, `file ${i}`));
});

test('the worker stays at most eight batches ahead of the page', async () => {
  const files = Array.from({ length: 16 * 20 }, (_, i) => new File([`${i}`], `${i}.json`));
  const worker = startWorker(files);
  await worker.settle();
  assert.equal(worker.batches.length, 8, 'eight batches before the page takes any');
  worker.take();
  await worker.settle();
  assert.equal(worker.batches.length, 9, 'one more for each batch taken');
});
