// docs/cohorts.md promises that its DuckDB queries, run on the Parquet files
// of `crossroads cohort --parquet`, give the figures of the JSON summary the
// same command prints. This test holds the doc to it: it generates a cohort
// with the generator the benchmark uses (skipped answers, retakes, broken
// files), runs the command, reads every ```sql block of the doc's section
// "Past one machine: DuckDB and Spark" as written, runs each statement in
// DuckDB the doc's way (relative to the folder holding the export) and
// compares each result with the JSON summary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = join(ROOT, 'docs', 'cohorts.md');
const SECTION = '## Past one machine: DuckDB and Spark';
// 400 files: every 25th broken, every tenth person twice, one in ten
// people skipping a statement now and then (examples/gen_results.rs).
const FILES = 400;
const BROKEN_EVERY = 25;

let dir;
let summary;
let statements;

// The crossroads command and the generator, built with the dev profile
// that `cargo test` has already built in scripts/test.sh (so nothing is
// compiled again there); their paths come from cargo, wherever the target
// folder is.
function build() {
  let out;
  try {
    out = execFileSync('cargo', ['build', '--bin', 'crossroads', '--example', 'gen_results', '--message-format=json-render-diagnostics'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    assert.fail(`cargo build failed:\n${e.stderr}`);
  }
  const exe = {};
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line);
    if (m.reason === 'compiler-artifact' && m.executable) exe[m.target.name] = m.executable;
  }
  assert.ok(exe.crossroads && exe.gen_results, `cargo named no executables: ${JSON.stringify(exe)}`);
  return exe;
}

// The SQL blocks of the doc's DuckDB section, exactly as written.
function docSql() {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf(`\n${SECTION}\n`);
  assert.ok(start >= 0, `docs/cohorts.md has no section "${SECTION}"`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```sql\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

// DuckDB's counts are BIGINT; the summary's are JSON numbers.
const plain = (v) => (typeof v === 'bigint' ? Number(v) : v);

before(async () => {
  const exe = build();
  dir = mkdtempSync(join(tmpdir(), 'crossroads-duckdb-'));
  const cohort = join(dir, 'cohort');
  execFileSync(exe.gen_results, [cohort, String(FILES), String(BROKEN_EVERY)], { stdio: 'ignore' });
  // A retaker's first file handed in twice: the same file twice is not a retake.
  const json = execFileSync(exe.crossroads, ['cohort', '--parquet', join(dir, 'export'), cohort, join(cohort, 'p0000000.json')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  summary = JSON.parse(json);

  // The doc: "Run them in the folder holding the files" — file_search_path
  // makes DuckDB resolve 'results.parquet' there without editing the SQL.
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`SET file_search_path = '${join(dir, 'export').replaceAll("'", "''")}'`);
  statements = [];
  for (const block of docSql()) {
    const extracted = await connection.extractStatements(block);
    for (let i = 0; i < extracted.count; i++) {
      const reader = await (await extracted.prepare(i)).runAndReadAll();
      const rows = reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? v.map(plain) : plain(v)])));
      statements.push({ block, columns: reader.columnNames().join(','), rows });
    }
  }
  connection.closeSync();
});

after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

// The result of the doc's one query that gives these columns.
function query(columns) {
  const found = statements.filter((s) => s.columns === columns);
  assert.equal(found.length, 1, `docs/cohorts.md should have one query giving (${columns}); it has ${found.length}. Queries give: ${statements.map((s) => `(${s.columns})`).join(' ')}`);
  return found[0].rows;
}

function close(actual, expected, tolerance, what) {
  assert.ok(typeof actual === 'number' && typeof expected === 'number' && Math.abs(actual - expected) <= tolerance,
    `${what}: DuckDB gives ${actual}, the JSON summary ${expected} (tolerance ${tolerance})`);
}

test('the generated cohort is the kind the doc describes: broken files, skipped answers, retakes, enough sheets', () => {
  assert.equal(summary.rejected.length, FILES / BROKEN_EVERY);
  assert.equal(summary.participants, FILES - FILES / BROKEN_EVERY + 1);
  assert.ok(summary.reliability.length >= 2);
  for (const a of summary.reliability) {
    assert.ok(a.n >= 60 && typeof a.alpha === 'number', `${a.dimension}: ${a.n} complete sheets, α ${a.alpha}`);
  }
  // Skipped answers leave some sheets incomplete, so α counts fewer.
  assert.ok(summary.reliability.some((a) => a.n < summary.participants));
  assert.ok(summary.instrument.retakes.pairs >= 30 && typeof summary.instrument.retakes.r === 'number');
  assert.equal(summary.instrument.leaning.percentiles.length, 7);
});

test('every statement in the doc\'s SQL blocks runs and is checked below', () => {
  assert.ok(docSql().length >= 3, 'the summary, α and retake blocks');
  const checked = ['participants,management,hybrid,technical,mean_leaning', 'dimension,mean', 'percentiles', 'dimension,alpha,n', 'pairs,r,band_agreement'];
  assert.deepEqual(statements.map((s) => s.columns).sort(), checked.sort());
});

test('the summary query gives the participants, the count per band and the mean leaning', () => {
  const [row] = query('participants,management,hybrid,technical,mean_leaning');
  for (const key of ['participants', 'management', 'hybrid', 'technical']) assert.equal(row[key], summary[key], key);
  close(row.mean_leaning, summary.mean_leaning, 1e-9, 'mean leaning');
});

test('the per-topic query gives dimension_means', () => {
  const rows = query('dimension,mean');
  assert.deepEqual(rows.map((r) => r.dimension).sort(), summary.dimension_means.map(([d]) => d).sort());
  for (const [dimension, mean] of summary.dimension_means) {
    close(rows.find((r) => r.dimension === dimension).mean, mean, 1e-9, `mean of ${dimension}`);
  }
});

test('the percentile query is within 0.05 of the summary\'s leaning percentiles', () => {
  const [{ percentiles }] = query('percentiles');
  const expected = summary.instrument.leaning.percentiles.map(([, leaning]) => leaning);
  assert.equal(percentiles.length, expected.length);
  percentiles.forEach((v, i) => close(v, expected[i], 0.05 + 1e-9, `P${summary.instrument.leaning.percentiles[i][0]}`));
});

test('the α query gives reliability: α per topic and its number of complete sheets', () => {
  const rows = query('dimension,alpha,n');
  assert.deepEqual(rows.map((r) => r.dimension).sort(), summary.reliability.map((a) => a.dimension).sort());
  for (const a of summary.reliability) {
    const row = rows.find((r) => r.dimension === a.dimension);
    assert.equal(row.n, a.n, `complete sheets of ${a.dimension}`);
    close(row.alpha, a.alpha, 1e-9, `α of ${a.dimension}`);
  }
});

test('the retake query gives the pairs, r (the command keeps leanings as 32-bit floats) and the band agreement', () => {
  const [row] = query('pairs,r,band_agreement');
  const retakes = summary.instrument.retakes;
  assert.equal(row.pairs, retakes.pairs);
  close(row.r, retakes.r, 1e-7, 'retake r');
  close(row.band_agreement, retakes.band_agreement, 1e-12, 'band agreement');
});
