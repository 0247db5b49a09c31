// The service worker, run in Node against a fake cache and network: it
// stores only the app's own files and the program's content files, never
// whatever else the site serves, and offline it answers only the app's own
// pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const SCOPE = 'https://academy.example/crossroads/';
const PRECACHE = ['./', './crossroads-1234abcd.js', './crossroads-1234abcd_bg.wasm'];
const LAZY = ['./plan.html', './crossroads-plan-5678abcd.js'];

/** Loads sw.js with its lists filled in, over a fake cache and network. */
function worker(site) {
  const handlers = {};
  const stores = new Map();
  const open = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    const key = (r) => (typeof r === 'string' ? r : r.url);
    return {
      store,
      async match(r) { return store.get(key(r))?.clone(); },
      async put(r, response) { store.set(key(r), response); },
      async delete(r) { return store.delete(key(r)); },
      async add(r) { store.set(key(r), await fetch(key(r))); },
      async addAll(list) { for (const r of list) await this.add(new URL(r, SCOPE).href); },
      async keys() { return [...store.keys()].map((url) => ({ url })); },
    };
  };
  const fetch = async (r) => {
    const url = typeof r === 'string' ? r : r.url;
    if (site.offline) throw new TypeError('Failed to fetch');
    site.fetched.push(url);
    const path = new URL(url).pathname.slice(new URL(SCOPE).pathname.length);
    const found = site.files[path];
    if (!found) return new Response('not found', { status: 404 });
    const [body, headers] = typeof found === 'string' ? [found, {}] : found;
    return new Response(body, { status: 200, headers });
  };
  const source = readFileSync(new URL('../../static/sw.js', import.meta.url), 'utf8')
    .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(PRECACHE)};`)
    .replace('const LAZY = [];', `const LAZY = ${JSON.stringify(LAZY)};`);
  const self = {
    location: new URL('sw.js', SCOPE),
    addEventListener: (type, fn) => { handlers[type] = fn; },
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  vm.runInNewContext(source, {
    self, fetch, URL, Response, console,
    caches: { open: async (name) => open(name), keys: async () => [...stores.keys()], delete: async (n) => stores.delete(n) },
  });
  const cache = () => stores.get('crossroads-dev') ?? new Map();
  return {
    cache,
    cached: () => [...cache().keys()].map((u) => u.slice(SCOPE.length)).sort(),
    /** Dispatches a fetch; `null` when the worker leaves it to the network. */
    async get(path, mode = 'cors') {
      let answer = null;
      handlers.fetch({ request: { method: 'GET', url: new URL(path, SCOPE).href, mode }, respondWith: (p) => { answer = p; } });
      return answer && (await answer);
    },
    async install() {
      let done;
      handlers.install({ waitUntil: (p) => { done = p; } });
      await done;
    },
  };
}

function site() {
  return {
    offline: false,
    fetched: [],
    files: {
      '': '<html>assessment</html>',
      'crossroads-1234abcd.js': 'js',
      'crossroads-1234abcd_bg.wasm': 'wasm',
      'plan.html': '<html>planner</html>',
      'crossroads.json': JSON.stringify({ name: 'Acme', logo: 'img/logo.svg', content: { bank: 'content/bank.json' } }),
      'content/bank.json': '{"bank": 1}',
      'img/logo.svg': '<svg/>',
      'other.json': '{"not": "ours"}',
      'news/index.html': '<html>another page of the site</html>',
      'private.json': ['{"secret": 1}', { 'Cache-Control': 'no-store' }],
    },
  };
}

test('only the app\'s own files and the program\'s named files are stored', async () => {
  const s = site();
  const sw = worker(s);
  await sw.install();
  assert.deepEqual(sw.cached(), ['', 'crossroads-1234abcd.js', 'crossroads-1234abcd_bg.wasm']);
  for (let i = 0; i < 50; i++) {
    assert.equal(await (await sw.get(`other.json?page=${i}`)).text(), '{"not": "ours"}');
  }
  await sw.get('crossroads.json?v=1');
  await sw.get('crossroads.json?v=2');
  await sw.get('content/bank.json');
  await sw.get('img/logo.svg');
  await sw.get('plan.html', 'navigate');
  assert.deepEqual(sw.cached(), ['', 'content/bank.json', 'crossroads-1234abcd.js', 'crossroads-1234abcd_bg.wasm',
    'crossroads.json', 'img/logo.svg', 'plan.html']);
});

test('a response marked no-store is never stored, even for a named file', async () => {
  const s = site();
  s.files['crossroads.json'] = JSON.stringify({ content: { bank: 'private.json' } });
  const sw = worker(s);
  await sw.get('crossroads.json');
  assert.equal(await (await sw.get('private.json')).text(), '{"secret": 1}');
  assert.deepEqual(sw.cached(), ['crossroads.json']);
});

test('offline, the app\'s pages and the program\'s files answer from the cache; other pages are left alone', async () => {
  const s = site();
  const sw = worker(s);
  await sw.install();
  await sw.get('crossroads.json');
  await sw.get('content/bank.json');
  s.offline = true;
  assert.equal(await (await sw.get('./', 'navigate')).text(), '<html>assessment</html>');
  assert.equal(await (await sw.get('index.html', 'navigate')).text(), '<html>assessment</html>');
  assert.equal(await (await sw.get('content/bank.json?x=1')).text(), '{"bank": 1}');
  assert.equal(await sw.get('news/index.html', 'navigate'), null, 'another page of the site is not answered with the app');
  await assert.rejects(sw.get('other.json'));
});

test('a named file the program removed is dropped from the cache', async () => {
  const s = site();
  const sw = worker(s);
  await sw.get('crossroads.json');
  await sw.get('content/bank.json');
  delete s.files['content/bank.json'];
  assert.equal((await sw.get('content/bank.json')).status, 404);
  assert.deepEqual(sw.cached(), ['crossroads.json']);
});
