// The cohort page's file-reading worker (static/read-files.js), run in a
// bare context with Node's Blob and File: every chosen file's bytes come
// back in order, in batches, however the page hands the files over; a file
// that cannot be read costs only itself; and the worker reads only as far
// ahead of the page as the page allows.
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

/**
 * The worker, handed `files` as the page does — in messages of `chunk`
 * files, then eight batches' credit: `batches` is what it posted, `take()`
 * the page's credit for one more batch.
 */
function startWorker(files, chunk = 128, credit = 8) {
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
  for (let i = 0; i < files.length; i += chunk) context.onmessage({ data: files.slice(i, i + chunk) });
  if (credit) context.onmessage({ data: credit });
  return {
    batches,
    take: (n = 1) => context.onmessage({ data: n }),
    settle: () => new Promise((resolve) => setTimeout(resolve, 20)),
  };
}

const text = (bytes) => (bytes === null ? null : Buffer.from(bytes).toString());

test('every file comes back in order, in batches the page takes one by one', async () => {
  // Sizes from empty to a few kilobytes, so a cut one byte off shows.
  const contents = Array.from({ length: 203 }, (_, i) => `{"file":${i},"pad":"${'x'.repeat((i * 37) % 3001)}"}`.slice(0, i === 7 ? 0 : undefined));
  const files = contents.map((c, i) => new File([c], `${i}.json`));
  for (const chunk of [128, 5, files.length]) {
    const worker = startWorker(files, chunk);
    const got = [];
    for (let taken = 0; got.length < files.length; taken++) {
      await worker.settle();
      assert.ok(worker.batches.length > taken, 'a batch is ready when the page asks');
      const batch = worker.batches[taken];
      assert.ok(batch.length >= 1 && batch.length <= 16, `batch of ${batch.length}`);
      got.push(...batch.map(text));
      worker.take();
    }
    assert.deepEqual(got, contents, `handed over ${chunk} at a time`);
  }
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

test('the worker reads nothing before the page allows it, then stays at most eight batches ahead', async () => {
  const files = Array.from({ length: 16 * 20 }, (_, i) => new File([`${i}`], `${i}.json`));
  const worker = startWorker(files, 128, 0);
  await worker.settle();
  assert.equal(worker.batches.length, 0, 'nothing read while files are being handed over');
  worker.take(8);
  await worker.settle();
  assert.equal(worker.batches.length, 8, 'eight batches before the page takes any');
  worker.take();
  await worker.settle();
  assert.equal(worker.batches.length, 9, 'one more for each batch taken');
});
