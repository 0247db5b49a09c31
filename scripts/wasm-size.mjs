// Where a wasm's bytes go: code by crate and by function, and data, read
// from a build that still has its name section (cargo's release wasm, before
// wasm-bindgen and wasm-opt strip it). Sizes are raw bytes of function
// bodies; the shipped file is smaller (wasm-opt) and gzip roughly thirds it,
// but the proportions hold, which is what a cut needs to know.
//
//   node scripts/wasm-size.mjs [wasm] [--top N] [--crate NAME] [--json]
//
// scripts/wasm-size.sh builds each page's wasm the way the real build does,
// with the names kept, and runs this on it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const top = Number(flag('--top', 25));
const only = flag('--crate', null);
const json = args.includes('--json') && args.splice(args.indexOf('--json'), 1);
const file = args[0] ?? 'target/wasm32-unknown-unknown/release/crossroads-plan.wasm';

/** The module's sections, function bodies and function names. */
export function parse(bytes) {
  let at = 8;
  const u32 = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const n = u32();
    const s = new TextDecoder().decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name(); name();
        const kind = bytes[at++];
        if (kind === 0) { u32(); imported++; }
        else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 3) { at += 2; }
        else { at++; u32(); }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) {
        const len = u32();
        bodies.push({ start: at, size: len });
        at += len;
      }
    } else if (id === 0) {
      const custom = name();
      if (custom === 'name') {
        while (at < end) {
          const sub = bytes[at++];
          const subSize = u32();
          const subEnd = at + subSize;
          if (sub === 1) {
            for (let n = u32(); n > 0; n--) {
              const index = u32();
              names.set(index, name());
            }
          }
          at = subEnd;
        }
      }
      sections[`custom ${custom}`] = size;
    }
    const label = { 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export', 10: 'code', 11: 'data' }[id];
    if (label) sections[label] = size;
    at = end;
  }
  return {
    sections,
    functions: bodies.map(({ start, size }, i) => ({
      name: names.get(imported + i) ?? `func[${imported + i}]`,
      size,
      body: bytes.subarray(start, start + size),
    })),
  };
}

/** A readable form of a legacy-mangled Rust symbol (`_ZN4core3fmt5write17h…E`). */
export function demangle(symbol) {
  if (symbol.startsWith('_R')) return v0(symbol);
  // wasm-opt -g keeps names already demangled, with their hash.
  if (!symbol.startsWith('_ZN')) return symbol.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  let at = 3;
  while (at < symbol.length && symbol[at] !== 'E') {
    const digits = /^\d+/.exec(symbol.slice(at));
    if (!digits) break;
    at += digits[0].length;
    parts.push(symbol.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$RF\$/g, '&')
    .replace(/\$u20\$/g, ' ').replace(/\$u27\$/g, "'").replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}').replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']')
    .replace(/\$C\$/g, ',').replace(/\$BP\$/g, '*').replace(/\.\./g, '::')
    .replace(/^_</, '<');
}

/**
 * Enough of a v0-mangled symbol (`_RNvNtCs…_4core3fmt5write`, as the
 * precompiled standard library is named) to tell its crate and name: the
 * identifiers in order, joined by `::`.
 */
function v0(symbol) {
  const idents = [];
  const pattern = /(?:C(?:s[0-9A-Za-z]*_)?|[NMXYI][a-zA-Z]*?)(\d+)_?([A-Za-z_][A-Za-z0-9_]*)/g;
  let rest = symbol.slice(2);
  const crate = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(rest);
  if (!crate) return symbol;
  rest = rest.slice(crate.index + crate[0].length);
  const take = (text) => {
    const out = [];
    let at = 0;
    while (at < text.length) {
      const m = /^(\d+)_?/.exec(text.slice(at));
      if (!m) { at++; continue; }
      const len = Number(m[1]);
      const start = at + m[0].length;
      out.push(text.slice(start, start + len));
      at = start + len;
    }
    return out;
  };
  void pattern;
  const first = rest.slice(0, Number(crate[1]));
  idents.push(first, ...take(rest.slice(Number(crate[1]))).filter((s) => /^[A-Za-z_]/.test(s)));
  return idents.join('::');
}

/**
 * The crate a function's code belongs to: a trait method counts for the
 * crate of the type it is implemented for (`<crossroads::…::Roadmap as
 * yew::…::FunctionProvider>::run` is Crossroads' roadmap page), unless that
 * type is a standard one (`<&mut T as …>`, `<alloc::vec::Vec<T> as …>`),
 * when it counts for the trait's crate.
 */
export function crateOf(readable) {
  const crate = (path) => /^(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(path)?.[1];
  const impl = /^<(.*?) as ([A-Za-z_][A-Za-z0-9_]*)::/.exec(readable);
  if (impl) {
    const own = crate(impl[1]);
    return own && own !== 'core' && own !== 'alloc' ? own : impl[2];
  }
  return crate(readable.replace(/^</, '')) ?? '(unnamed)';
}

const bytes = readFileSync(file);
const { sections, functions } = parse(bytes);
const named = functions.map((f) => ({ ...f, readable: demangle(f.name) }));
const byCrate = new Map();
for (const f of named) {
  const crate = crateOf(f.readable);
  const entry = byCrate.get(crate) ?? { crate, size: 0, count: 0 };
  entry.size += f.size;
  entry.count += 1;
  byCrate.set(crate, entry);
}
const crates = [...byCrate.values()].sort((a, b) => b.size - a.size);
// What each crate's code weighs after gzip, compressed on its own (so a
// little more than its share of the whole file, which shares a dictionary).
for (const c of crates) {
  c.gzip = gzipSync(Buffer.concat(named.filter((f) => crateOf(f.readable) === c.crate).map((f) => f.body)), { level: 9 }).length;
}
const code = named.reduce((sum, f) => sum + f.size, 0);
const pick = only ? named.filter((f) => crateOf(f.readable) === only) : named;
const biggest = [...pick].sort((a, b) => b.size - a.size).slice(0, top);

if (json) {
  const strip = ({ body, ...f }) => f;
  console.log(JSON.stringify({ file, bytes: bytes.length, sections, code, crates, biggest: biggest.map(strip) }, null, 1));
} else {
  const pct = (n) => `${((100 * n) / code).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${bytes.length} bytes; code ${sections.code ?? 0}, data ${sections.data ?? 0}`);
  console.log('\ncode by crate (bytes, share of code, gzip alone, functions)');
  for (const c of crates.slice(0, top)) console.log(`  ${c.crate.padEnd(28)} ${String(c.size).padStart(9)} ${pct(c.size)} ${String(c.gzip).padStart(8)} ${String(c.count).padStart(6)}`);
  console.log(`\nlargest functions${only ? ` of ${only}` : ''}`);
  for (const f of biggest) console.log(`  ${String(f.size).padStart(8)}  ${f.readable.slice(0, 140)}`);
}
