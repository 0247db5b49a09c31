// Crossroads cohort page: reads the chosen result files off the page's
// thread, so that the page decodes and sums one batch while the next is
// being read (src/app/read_files.rs is the other side). Nothing leaves the
// browser: the files come from the page and their bytes go back to it.
//
// The page posts the files once, as an array; this worker answers with
// batches, in order, each an array holding every file's bytes (an
// ArrayBuffer, handed over rather than copied) or null for a file that could
// not be read. Up to WINDOW reads are under way at once (one after another,
// each read would wait for the disk in turn), and the worker keeps at most
// CREDIT batches ahead of the page, which posts `1` for each batch it has
// taken, so memory stays bounded however many files there are.
const BATCH = 16;
const WINDOW = 128;
const CREDIT = 8;

let files = [];
let reads = [];
let started = 0;
let sent = 0;
let credit = 0;
let pumping = false;

async function pump() {
  if (pumping) return;
  pumping = true;
  while (credit > 0 && sent < files.length) {
    for (; started < files.length && started < sent + WINDOW; started++) {
      reads.push(files[started].arrayBuffer().catch(() => null));
    }
    const batch = await Promise.all(reads.splice(0, Math.min(BATCH, files.length - sent)));
    sent += batch.length;
    credit -= 1;
    postMessage(batch, batch.filter((bytes) => bytes !== null));
  }
  pumping = false;
}

onmessage = (event) => {
  if (Array.isArray(event.data)) {
    files = event.data;
    credit = CREDIT;
  } else {
    credit += 1;
  }
  pump();
};
