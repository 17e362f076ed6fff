/* Pôles Explorer — service worker. The version and the precache list are filled in after each
 * trunk build by scripts/post_build.py (hashed file names): do not edit the generated copy in dist/. */
'use strict';
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'poles-explorer-';
const CACHE = PREFIX + VERSION;
const scoped = (p) => new URL(p, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map(scoped)))
      // The open pages of this site (e.g. a host page embedding the explorer) are kept too, so
      // that they reload offline after this first visit.
      .then(() => self.clients.matchAll({ includeUncontrolled: true, type: 'window' }))
      .then((list) => caches.open(PREFIX + 'runtime-' + VERSION).then((c) => Promise.all(
        list.map((client) => new URL(client.url)).filter((u) => u.origin === self.location.origin).map((u) => c.add(u.href).catch(() => undefined))
      )))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE && k !== PREFIX + 'runtime-' + VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

// Same-origin pages and files outside the app (a host page of the same site, its scripts) are
// kept once seen, so that a page embedding the explorer on the same site also works offline.
// The runtime cache is bounded: at most RUNTIME_MAX entries, the least recently stored evicted
// (an entry seen again is stored anew, so it becomes the newest).
const RUNTIME = PREFIX + 'runtime-' + VERSION;
const RUNTIME_MAX = 60;
const trim = (c) => c.keys().then((keys) => Promise.all(keys.slice(0, Math.max(0, keys.length - RUNTIME_MAX)).map((k) => c.delete(k))));
const keep = (req, res) => {
  if (res && res.ok) {
    const copy = res.clone();
    caches.open(RUNTIME).then((c) => c.delete(req).then(() => c.put(req, copy)).then(() => trim(c))).catch(() => undefined);
  }
  return res;
};

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // Another origin (an API): straight to the network; the app falls back to the bundled data.
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Pages: the network when there is one (new versions), else the page seen before, else the app shell.
    event.respondWith(
      fetch(req).then((res) => keep(req, res)).catch(() =>
        caches.match(req, { ignoreSearch: true }).then((hit) => hit || caches.match(scoped('index.html'), { cacheName: CACHE })))
    );
    return;
  }
  // Files of this version (hashed names, data of the same build): cache first.
  event.respondWith(
    caches.match(req, { cacheName: CACHE, ignoreSearch: true }).then((hit) =>
      hit || fetch(req).then((res) => keep(req, res)).catch(() => caches.match(req, { cacheName: RUNTIME })))
  );
});
