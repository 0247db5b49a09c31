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
//
// A chosen file named .zip is an archive of result files (what a learning
// platform's "download all submissions" gives): it is unpacked here, and
// stands in the answer for its .json entries, ENTRIES at a time, as objects
// `{ archive: true, count, entries: [[name, bytes], ...], last }` (`count`,
// the number of .json entries, is in every part; `last` marks the final
// part). An entry's bytes are an ArrayBuffer, the entry's size when it is
// over LIMIT (it is not unpacked), or a word for why it could not be
// unpacked: "encrypted", "method" (neither stored nor deflate) or
// "damaged" (including an entry that unpacks to another size than the
// archive's directory says, so a small entry cannot unpack into a huge
// one). An archive that cannot be read at all is one part with no entries
// and `error`: "damaged", "zip64" (over 4 GB or 65,535 entries, for the
// command line) or "empty" (no .json entry). The central directory is read
// first, then the entries' bytes a part at a time, each deflated one
// unpacked by `inflate` below.
const BATCH = 16;
const AHEAD = 8;
const ENTRIES = 64;
// The importer refuses larger files (MAX_BYTES in src/core/result_file.rs);
// here it keeps a damaged or hostile archive from filling memory.
const LIMIT = 1024 * 1024;
const ARCHIVE = /\.zip$/i;

let files = [];
let reads = [];
let planned = 0;
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

/** Reads an archive's central directory: a source of its parts, in order. */
async function openArchive(file) {
  const broken = (error) => ({ parts: [() => Promise.resolve([{ archive: true, count: 0, entries: [], last: true, error }])] });
  try {
    const tailStart = Math.max(0, file.size - 22 - 0xffff);
    const tail = new DataView(await file.slice(tailStart).arrayBuffer());
    let end = -1;
    for (let at = tail.byteLength - 22; at >= 0; at--) {
      if (tail.getUint32(at, true) === 0x06054b50) { end = at; break; }
    }
    if (end < 0) return broken('damaged');
    const total = tail.getUint16(end + 10, true);
    const cdSize = tail.getUint32(end + 12, true);
    const cdStart = tail.getUint32(end + 16, true);
    if (total === 0xffff || cdSize === 0xffffffff || cdStart === 0xffffffff) return broken('zip64');
    if (cdStart + cdSize > file.size) return broken('damaged');
    const cd = new DataView(await file.slice(cdStart, cdStart + cdSize).arrayBuffer());
    const names = new TextDecoder();
    const all = [];
    for (let at = 0, i = 0; i < total; i++) {
      if (at + 46 > cd.byteLength || cd.getUint32(at, true) !== 0x02014b50) return broken('damaged');
      const nameLength = cd.getUint16(at + 28, true);
      const name = names.decode(new Uint8Array(cd.buffer, at + 46, nameLength));
      all.push({
        name,
        flags: cd.getUint16(at + 8, true),
        method: cd.getUint16(at + 10, true),
        packed: cd.getUint32(at + 20, true),
        size: cd.getUint32(at + 24, true),
        offset: cd.getUint32(at + 42, true),
      });
      at += 46 + nameLength + cd.getUint16(at + 30, true) + cd.getUint16(at + 32, true);
    }
    // Each entry's bytes run to the next entry's header (or the directory).
    all.sort((a, b) => a.offset - b.offset);
    all.forEach((e, i) => { e.end = i + 1 < all.length ? all[i + 1].offset : cdStart; });
    // As is_result_entry in src/core/cohort.rs: .json files, not the
    // metadata macOS adds beside every file of the archives it makes.
    const wanted = all.filter((e) => e.name.endsWith('.json') && !e.name.startsWith('__MACOSX/') && !/(^|\/)\._[^/]*$/.test(e.name));
    if (!wanted.length) return broken('empty');
    const parts = [];
    for (let i = 0; i < wanted.length; i += ENTRIES) {
      const list = wanted.slice(i, i + ENTRIES);
      const last = i + ENTRIES >= wanted.length;
      parts.push(() => readEntries(file, list).then((entries) => [{ archive: true, count: wanted.length, entries, last }]));
    }
    return { parts };
  } catch {
    return broken('damaged');
  }
}

/** The bytes of a run of an archive's entries, each as `[name, bytes]`. */
async function readEntries(file, list) {
  const from = list[0].offset;
  let span;
  try {
    span = await file.slice(from, list[list.length - 1].end).arrayBuffer();
  } catch {
    return list.map((e) => [e.name, null]);
  }
  return Promise.all(list.map((e) => unpack(span, e.offset - from, e).catch(() => 'damaged').then((bytes) => [e.name, bytes])));
}

/** One entry's bytes, from its local header at `at` in `span`. */
async function unpack(span, at, entry) {
  if (entry.flags & 1) return 'encrypted';
  if (entry.method !== 0 && entry.method !== 8) return 'method';
  if (entry.size > LIMIT) return entry.size;
  const view = new DataView(span);
  if (at + 30 > span.byteLength || view.getUint32(at, true) !== 0x04034b50) return 'damaged';
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packed > span.byteLength) return 'damaged';
  if (entry.method === 0) {
    return entry.packed === entry.size ? span.slice(start, start + entry.size) : 'damaged';
  }
  const unpacked = inflate(new Uint8Array(span, start, entry.packed), entry.size);
  return unpacked ? unpacked.buffer : 'damaged';
}

// Deflate (RFC 1951), unpacked here rather than by the browser's
// DecompressionStream: a stream per entry cost about 1 ms in Chromium, most
// of a second for 2,000 entries; this takes a few hundredths of that
// (docs/cohorts.md). It is the canonical decoder (as zlib's puff.c): each
// Huffman code read a bit at a time, compared with the first code of each
// length. The output is exactly `size` bytes, the size the archive's
// directory gives, or null if the data is damaged or says otherwise.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const LENGTHS_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A Huffman code from each symbol's code length: how many codes of each length, and the symbols in code order. */
function huffman(lengths) {
  const counts = new Uint16Array(16);
  for (const l of lengths) counts[l]++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let l = 1; l < 16; l++) offsets[l] = offsets[l - 1] + counts[l - 1];
  const symbols = new Uint16Array(lengths.length);
  lengths.forEach((l, symbol) => { if (l) symbols[offsets[l]++] = symbol; });
  return { counts, symbols };
}

let FIXED = null;

function inflate(input, size) {
  const out = new Uint8Array(size);
  let at = 0;
  let written = 0;
  let bitBuffer = 0;
  let bitCount = 0;
  const bits = (n) => {
    while (bitCount < n) {
      if (at >= input.length) throw new Error('the data ends early');
      bitBuffer |= input[at++] << bitCount;
      bitCount += 8;
    }
    const value = bitBuffer & ((1 << n) - 1);
    bitBuffer >>>= n;
    bitCount -= n;
    return value;
  };
  const decode = ({ counts, symbols }) => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let l = 1; l < 16; l++) {
      code |= bits(1);
      const count = counts[l];
      if (code - first < count) return symbols[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Error('no such code');
  };
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuffer = 0;
      bitCount = 0;
      if (at + 4 > input.length) return null;
      const length = input[at] | (input[at + 1] << 8);
      if ((length ^ 0xffff) !== (input[at + 2] | (input[at + 3] << 8))) return null;
      at += 4;
      if (at + length > input.length || written + length > size) return null;
      out.set(input.subarray(at, at + length), written);
      at += length;
      written += length;
      continue;
    }
    let literals;
    let distances;
    if (type === 1) {
      if (!FIXED) {
        const lengths = Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8));
        FIXED = [huffman(lengths), huffman(new Array(30).fill(5))];
      }
      [literals, distances] = FIXED;
    } else if (type === 2) {
      const nLiterals = bits(5) + 257;
      const nDistances = bits(5) + 1;
      const nCodes = bits(4) + 4;
      const codeLengths = new Array(19).fill(0);
      for (let i = 0; i < nCodes; i++) codeLengths[LENGTHS_ORDER[i]] = bits(3);
      const lengthCode = huffman(codeLengths);
      const lengths = [];
      while (lengths.length < nLiterals + nDistances) {
        const symbol = decode(lengthCode);
        if (symbol < 16) lengths.push(symbol);
        else {
          const [value, repeat] = symbol === 16
            ? [lengths.length ? lengths[lengths.length - 1] : -1, 3 + bits(2)]
            : symbol === 17 ? [0, 3 + bits(3)] : [0, 11 + bits(7)];
          if (value < 0) return null;
          for (let i = 0; i < repeat; i++) lengths.push(value);
        }
      }
      if (lengths.length !== nLiterals + nDistances) return null;
      literals = huffman(lengths.slice(0, nLiterals));
      distances = huffman(lengths.slice(nLiterals));
    } else {
      return null;
    }
    for (;;) {
      const symbol = decode(literals);
      if (symbol < 256) {
        if (written >= size) return null;
        out[written++] = symbol;
      } else if (symbol === 256) {
        break;
      } else {
        const i = symbol - 257;
        if (i >= 29) return null;
        const length = LENGTH_BASE[i] + bits(LENGTH_EXTRA[i]);
        const d = decode(distances);
        if (d >= 30) return null;
        const distance = DISTANCE_BASE[d] + bits(DISTANCE_EXTRA[d]);
        if (distance > written || written + length > size) return null;
        for (let k = 0; k < length; k++, written++) out[written] = out[written - distance];
      }
    }
  }
  return written === size ? out : null;
}

/** What a posted batch hands over rather than copies: every ArrayBuffer in it. */
function buffers(batch) {
  const out = [];
  for (const item of batch) {
    if (item instanceof ArrayBuffer) out.push(item);
    else if (item && item.archive) for (const [, bytes] of item.entries) if (bytes instanceof ArrayBuffer) out.push(bytes);
  }
  return out;
}

// The archive being unpacked: its parts not yet started.
let archive = null;

async function pump() {
  if (pumping) return;
  pumping = true;
  while (credit > 0) {
    while (reads.length < AHEAD && (archive || planned < files.length)) {
      if (archive) {
        const part = archive.parts.shift();
        if (part) reads.push(part());
        if (!archive.parts.length) archive = null;
      } else if (ARCHIVE.test(files[planned].name)) {
        archive = await openArchive(files[planned++]);
      } else {
        const list = [];
        while (planned < files.length && list.length < BATCH && !ARCHIVE.test(files[planned].name)) list.push(files[planned++]);
        reads.push(readBatch(list));
      }
    }
    if (!reads.length) break;
    const batch = await reads.shift();
    credit -= 1;
    postMessage(batch, buffers(batch));
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
