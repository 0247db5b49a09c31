// Crossroads service worker: the app keeps working with no network (a
// classroom with flaky Wi-Fi), and a new deployment is picked up on the next
// online visit.
//
// The build (scripts/assemble.mjs) replaces the placeholders below with a
// version derived from the built files and two lists: PRECACHE, the
// assessment page and its files, cached at install; LAZY, the planner page
// and its files, cached the first time they are used — so a first visit
// downloads nothing it does not show.
const VERSION = 'dev';
const PRECACHE = [];
const LAZY = [];
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
    for (const file of LAZY) {
      const url = new URL(file, self.location).href;
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
  }));
});

const listed = (list, url) => list.some((p) => new URL(p, self.location).href === url.href);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  url.hash = '';
  url.search = '';
  if (request.mode === 'navigate') {
    // Network first, so a new deployment shows at once when online. The
    // planner page is kept once seen (its files are this build's, cached
    // under this build's version); offline, the cached page answers.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        try {
          const response = await fetch(request);
          if (response.ok && listed(LAZY, url)) cache.put(url.href, response.clone());
          return response;
        } catch (err) {
          return (await cache.match(url.href)) ?? (await cache.match('./')) ?? Response.error();
        }
      }),
    );
    return;
  }
  // The build's own files never change under their names: cache first.
  // Anything else of this origin — a program's crossroads.json and content
  // files, which it may edit after building — comes from the network when
  // possible and from the cache when offline.
  const own = listed(PRECACHE, url) || listed(LAZY, url);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      if (own) {
        const hit = await cache.match(url.href);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok) cache.put(own ? url.href : request, response.clone());
        return response;
      } catch (err) {
        const stale = await cache.match(own ? url.href : request, { ignoreSearch: true });
        if (stale) return stale;
        throw err;
      }
    }),
  );
});
