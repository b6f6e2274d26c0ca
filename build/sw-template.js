/* DigiLevel service worker: precaches the whole app so it works offline. Generated at build time. */
const CACHE = 'digilevel-__VERSION__';
/* global __PRECACHE__ -- replaced with the file list at build time */
const PRECACHE = __PRECACHE__;
/** Vite names files under assets/ by their content hash: they never change under the same name. */
const HASHED = /^assets\//;

self.addEventListener('install', (event) => {
  // Unhashed files (index.html, the manifest) past the browser's HTTP cache: hosts such as GitHub Pages let it
  // keep them for minutes, and the new version's cache would then hold the previous index.html.
  const requests = PRECACHE.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('digilevel-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/**
 * The cached copy of a request. Vary is ignored: module scripts are requested with an Origin header and the
 * precache's requests without one, so a host that sends `Vary: Origin` (vite preview, many CDNs) would make
 * every script miss offline. Each URL holds one file, whatever the request headers.
 */
function cached(request) {
  return caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // the app is one page with hash routes: always answer navigations with the cached shell
    const shell = new URL('index.html', self.registration.scope).href;
    event.respondWith(fetch(request).catch(() => cached(shell).then((hit) => hit || Response.error())));
    return;
  }
  event.respondWith(
    cached(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
