// Crossroads cohort page: reads the chosen result files off the page's
// thread, so that the page decodes and sums one batch while the next is
// being read (src/app/read_files.rs is the other side). Nothing leaves the
// browser: the files come from the page and their bytes go back to it.
//
// The page hands over the files a few at a time, as arrays (handing a file
// over costs the page a look-up of the file on disk, so it never hands over
// thousands in one task), then posts how many batches the worker may read
// ahead of it. This worker answers with batches, in the order the files
// came, each an array holding every file's bytes (an ArrayBuffer) or null
// for a file that could not be read. A batch is read
// as one: the BATCH files joined into a single Blob, read with one
// arrayBuffer() and cut at the files' sizes. Chromium's cost of starting a
// read is paid per read, not per byte, so this reads 2,000 files in about
// a third less time than a read per file (docs/cohorts.md). Should the
// joined read fail (a file moved, deleted or changed since it was chosen),
// that batch's files are read one by one, and only those that fail are
// null. Up to AHEAD batches are read at once (one after another, each would
// wait for the disk in turn), and the worker reads only as many batches
// ahead of the page as the page allows: a number posted by the page adds
// that many (it posts `1` for each batch it has taken), so memory stays
// bounded however many files there are.
const BATCH = 16;
const AHEAD = 8;

let files = [];
let reads = [];
let planned = 0;
let sent = 0;
let credit = 0;
let pumping = false;

function readBatch(list) {
  return new Blob(list).arrayBuffer().then(
    (joined) => {
      const out = [];
      let at = 0;
      for (const file of list) {
        out.push(joined.slice(at, at + file.size));
        at += file.size;
      }
      return out;
    },
    () => Promise.all(list.map((file) => file.arrayBuffer().catch(() => null))),
  );
}

async function pump() {
  if (pumping) return;
  pumping = true;
  while (credit > 0 && sent < files.length) {
    while (planned < files.length && reads.length < AHEAD) {
      const list = files.slice(planned, planned + BATCH);
      planned += list.length;
      reads.push(readBatch(list));
    }
    const batch = await reads.shift();
    sent += batch.length;
    credit -= 1;
    postMessage(batch, batch.filter((bytes) => bytes !== null));
  }
  pumping = false;
}

onmessage = (event) => {
  if (Array.isArray(event.data)) {
    files.push(...event.data);
  } else {
    credit += event.data;
  }
  pump();
};
