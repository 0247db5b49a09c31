// The cohort page's file-reading worker (static/read-files.js), run in a
// bare context with Node's Blob and File: every chosen file's bytes come
// back in order, in batches, however the page hands the files over; a file
// that cannot be read costs only itself; and the worker reads only as far
// ahead of the page as the page allows. A .zip archive stands for its
// .json entries, read and unpacked here; what cannot be unpacked is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { zip } from './zip.mjs';
import { constants, deflateRawSync } from 'node:zlib';

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
    ArrayBuffer,
    DataView,
    Uint8Array,
    TextDecoder,
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
    /** Waits until the worker has posted `n` batches in all, or `ms` pass. */
    posted: (n, ms = 2000) => new Promise((resolve) => {
      const timer = setTimeout(() => { waiting = null; resolve(); }, ms);
      waiting = () => {
        if (batches.length < n) return;
        clearTimeout(timer);
        waiting = null;
        resolve();
      };
      waiting();
    }),
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

/** Everything the worker sends for `files`, the page taking each batch as it comes. */
async function drain(files) {
  const worker = startWorker(files);
  for (let taken = 0; ; taken++) {
    await worker.posted(taken + 1, 500);
    if (worker.batches.length <= taken) return worker.batches.flat();
    worker.take();
  }
}

/** An archive's parts, in order, as `{ count, last, error, entries: [[name, text or why]] }`. */
const parts = (items) => items.filter((i) => i && i.archive).map((p) => ({
  count: p.count,
  last: p.last,
  error: p.error,
  entries: Array.from(p.entries, ([name, bytes]) => [name, bytes instanceof ArrayBuffer ? Buffer.from(bytes).toString() : bytes]),
}));

test('an archive stands for its .json entries, in order, between the files chosen with it', async () => {
  const texts = Array.from({ length: 150 }, (_, i) => `{"entry":${i},"pad":"${'y'.repeat((i * 53) % 2500)}"}`.slice(0, i === 3 ? 0 : undefined));
  const archive = zip([
    { name: 'cohort/', data: '', method: 0 },
    { name: 'cohort/read me.txt', data: 'not a result' },
    // What macOS adds beside each file of an archive it makes.
    { name: '__MACOSX/cohort/._r0.json', data: 'Mac OS X' },
    { name: 'cohort/._r1.json', data: 'Mac OS X' },
    // Stored and deflated, some with their sizes only after the data (as
    // a tool writing to a stream does): the directory's sizes are read.
    ...texts.map((t, i) => ({ name: `cohort/r${i}.json`, data: t, method: i % 3 === 0 ? 0 : 8, descriptor: i % 2 === 1 })),
  ]);
  const items = await drain([
    new File(['first'], 'first.json'),
    new File([archive], 'Cohort.ZIP'),
    new File(['last'], 'last.json'),
  ]);
  assert.equal(text(items[0]), 'first');
  assert.equal(text(items.at(-1)), 'last');
  const got = parts(items);
  assert.equal(got.length, 3, 'three parts of at most 64 entries');
  assert.deepEqual(got.map((p) => p.last), [false, false, true]);
  assert.ok(got.every((p) => p.count === 150 && p.error === undefined));
  assert.deepEqual(got.flatMap((p) => p.entries), texts.map((t, i) => [`cohort/r${i}.json`, t]));
});

test('an entry that cannot be unpacked is named with why, and the rest of its archive is read', async () => {
  const big = 'z'.repeat(1024 * 1024 + 1);
  const archive = zip([
    { name: 'ok-1.json', data: '{"ok":1}' },
    { name: 'locked.json', data: 'secret', flags: 1 },
    { name: 'bzip2.json', data: 'other method', method: 12 },
    { name: 'big.json', data: big, method: 8 },
    // The directory says 10 bytes: unpacking stops there.
    { name: 'bomb.json', data: big, size: 10 },
    { name: 'garbage.json', packed: Buffer.from([0xff, 0xff, 0xff, 0xff]), data: 'x' },
    { name: 'ok-2.json', data: '{"ok":2}', method: 0 },
  ]);
  const got = parts(await drain([new File([archive], 'mixed.zip')]));
  assert.deepEqual(got.flatMap((p) => p.entries).map(([name, why]) => [name, typeof why === 'number' ? why > 1024 * 1024 : why]), [
    ['ok-1.json', '{"ok":1}'],
    ['locked.json', 'encrypted'],
    ['bzip2.json', 'method'],
    ['big.json', true],
    ['bomb.json', 'damaged'],
    ['garbage.json', 'damaged'],
    ['ok-2.json', '{"ok":2}'],
  ]);
});

test('an archive that cannot be read at all is one part saying why', async () => {
  const cases = [
    ['photo.zip', Buffer.from('not an archive at all, just bytes'), 'damaged'],
    ['huge.zip', zip([{ name: 'a.json', data: '{}' }], { entryCount: 0xffff }), 'zip64'],
    ['notes.zip', zip([{ name: 'notes.txt', data: 'hello' }, { name: 'folder.json/', data: '', method: 0 }]), 'empty'],
    // The end record points past the file's end.
    ['cut.zip', zip(Array.from({ length: 20 }, (_, i) => ({ name: `${i}.json`, data: `${i}` }))).subarray(40), 'damaged'],
  ];
  for (const [name, bytes, error] of cases) {
    const got = parts(await drain([new File([bytes], name)]));
    assert.deepEqual(got, [{ count: 0, last: true, error, entries: [] }], name);
  }
});

test('an archive made by Info-ZIP (extra fields, folders, stored and deflated) is read', async () => {
  // tests/fixtures/cohort_info_zip.zip: `zip -r cohort.zip cohort` of three
  // small .json files, one of 3,000 bytes in a subfolder, and a note.
  const bytes = readFileSync(new URL('../fixtures/cohort_info_zip.zip', import.meta.url));
  const got = parts(await drain([new File([bytes], 'cohort.zip')]));
  assert.deepEqual(got.flatMap((p) => p.entries).map(([name, t]) => [name, t.length, t.slice(0, 12)]), [
    ['cohort/p1.json', 36, '{"format":"c'],
    ['cohort/p2.json', 36, '{"format":"c'],
    ['cohort/sub/long.json', 3000, 'xxxxxxxxxxxx'],
    ['cohort/p3.json', 36, '{"format":"c'],
  ]);
});

test('the worker\'s inflate gives back what zlib deflated, byte for byte, and null for damaged data', () => {
  const context = { ArrayBuffer, DataView, Uint8Array, TextDecoder, Blob };
  vm.createContext(context);
  vm.runInContext(source, context);
  let seed = 7;
  const unit = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  // Texts from random bytes to long runs, so that stored, fixed and
  // dynamic blocks, short and long matches and far distances all occur.
  const sample = (n) => {
    const alphabet = Math.floor(unit() * 255) + 1;
    const runs = unit();
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      out[i] = i > 300 && unit() < runs ? out[i - 1 - Math.floor(unit() * Math.min(i - 1, 40000))] : Math.floor(unit() * alphabet);
    }
    return out;
  };
  const strategies = [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED];
  for (let k = 0; k < 300; k++) {
    const data = sample(k < 20 ? k : Math.floor(unit() ** 2 * 120000));
    const packed = deflateRawSync(data, { level: k % 10, strategy: strategies[k % strategies.length] });
    const out = context.inflate(new Uint8Array(packed), data.length);
    assert.ok(out && Buffer.from(out).equals(data), `sample ${k}: ${data.length} bytes, level ${k % 10}`);
    // Told another size, it says the data is damaged rather than cut or pad it.
    assert.equal(context.inflate(new Uint8Array(packed), data.length + 1), null, `sample ${k}, one byte more`);
    if (data.length) assert.equal(context.inflate(new Uint8Array(packed), data.length - 1), null, `sample ${k}, one byte less`);
    // Cut short, it fails (throws or null); it never hands back bytes.
    let cut;
    try { cut = context.inflate(new Uint8Array(packed.subarray(0, packed.length >> 1)), data.length); } catch { cut = null; }
    if (packed.length > 8) assert.equal(cut, null, `sample ${k}, cut in half`);
  }
});
