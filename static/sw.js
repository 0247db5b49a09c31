// Crossroads service worker: the app keeps working with no network (a
// classroom with flaky Wi-Fi), and a new deployment is picked up on the next
// online visit.
//
// The build (scripts/post-build.mjs) replaces the two placeholders below with
// a version derived from the built files and the list of those files.
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = `crossroads-${VERSION}`;

self.addEventListener('install', (event) => {
  // The page and its hashed files are cached together, at install only, so a
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first, so a new deployment shows at once when online.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match('./'))),
    );
    return;
  }
  // The build's own files never change under their names: cache first.
  // Anything else of this origin — a program's crossroads.json and content
  // files, which it may edit after building — comes from the network when
  // possible and from the cache when offline.
  const url = new URL(request.url);
  url.hash = '';
  const precached = PRECACHE.some((p) => new URL(p, self.location).href === url.href);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      if (precached) {
        const hit = await cache.match(request, { ignoreSearch: true });
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      } catch (err) {
        const stale = await cache.match(request, { ignoreSearch: true });
        if (stale) return stale;
        throw err;
      }
    }),
  );
});
