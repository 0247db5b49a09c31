// Crossroads service worker: the app keeps working with no network (a
// classroom with flaky Wi-Fi), and a new deployment is picked up on the next
// online visit.
//
// The build (scripts/assemble.mjs) replaces the placeholders below with a
// version derived from the built files and three lists: PRECACHE, the
// assessment page and its files, cached at install; LAZY, the other pages
// (planner, mentor, program) and their files, cached the first time they
// are used — so a first visit downloads nothing it does not show; WARM, the
// planner's files, fetched ahead while the questionnaire is answered. Besides those, only the program's
// crossroads.json and the files it names are cached; nothing else.
const VERSION = 'dev';
const PRECACHE = [];
const LAZY = [];
const WARM = [];
const CACHE = `crossroads-${VERSION}`;

self.addEventListener('install', (event) => {
  // The page and its hashed files are cached together, at install, so a
  // cached page is never paired with files from another build.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('crossroads-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The questionnaire asks for the planner page near its end, so the result
// opens at once and still opens if the network drops before the last answer.
self.addEventListener('message', (event) => {
  if (event.data !== 'warm-planner') return;
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    for (const file of WARM) {
      const url = new URL(file, self.location).href;
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
  }));
});

const here = (path) => new URL(path, self.location).href;
const listed = (list, url) => list.some((p) => here(p) === url.href);
// The program's settings; it names the program's own content files.
const CONFIG = 'crossroads.json';

// The program's files: crossroads.json and what it names (content files,
// logo), read from the cached copy of crossroads.json. Nothing else of
// this origin is ever stored, so the cache cannot grow with whatever else
// the site serves.
async function programFiles(cache) {
  const files = [here(CONFIG)];
  const config = await cache.match(here(CONFIG));
  if (config) {
    try {
      const c = await config.json();
      const named = [c.logo, ...Object.values(c.content ?? {})];
      for (const p of named) if (typeof p === 'string') files.push(here(p));
    } catch (err) {
      // An unreadable crossroads.json names nothing; the app reports it.
    }
  }
  return files;
}

// Whether a response may be stored: a whole answer (not an opaque one)
// that the server did not mark as not to be stored.
const storable = (response) => response.ok
  && !/no-store/i.test(response.headers.get('Cache-Control') ?? '');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  url.hash = '';
  url.search = '';
  // The assessment page is cached under its folder's address ('./').
  if (url.pathname.endsWith('/index.html') && listed(PRECACHE, new URL('./', url))) url.pathname = new URL('./', url).pathname;
  const own = listed(PRECACHE, url) || listed(LAZY, url);
  if (request.mode === 'navigate') {
    // Only the app's own pages are answered; any other page of the site is
    // left to the network, online or not.
    if (!own) return;
    // Network first, so a new deployment shows at once when online. The
    // planner page is kept once seen (its files are this build's, cached
    // under this build's version); offline, the cached page answers.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        try {
          const response = await fetch(request);
          if (storable(response) && listed(LAZY, url)) cache.put(url.href, response.clone());
          return response;
        } catch (err) {
          return (await cache.match(url.href)) ?? Response.error();
        }
      }),
    );
    return;
  }
  // The build's own files never change under their names: cache first.
  if (own) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(url.href);
        if (hit) return hit;
        const response = await fetch(request);
        if (storable(response)) cache.put(url.href, response.clone());
        return response;
      }),
    );
    return;
  }
  // The program's crossroads.json and the files it names, which it may edit
  // after building: from the network when possible, from the cache when
  // offline. Anything else is not the app's business.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      if (!(await programFiles(cache)).includes(url.href)) return fetch(request);
      try {
        const response = await fetch(request);
        if (storable(response)) {
          // Stored before the page reads it, so that the files it names
          // are known when the page asks for them.
          await cache.put(url.href, response.clone());
        } else if (response.status === 404) {
          await cache.delete(url.href);
        }
        return response;
      } catch (err) {
        const stale = await cache.match(url.href);
        if (stale) return stale;
        throw err;
      }
    }),
  );
});
