/*
 * Service worker: keeps the shell's static files and an offline page, so an
 * installed terminal opens with a clear message when the network is gone.
 * Pages themselves are never cached: they hold personal and live data.
 */
const CACHE = 'xiaowai-shell-v2'
const SHELL = [
  '/offline',
  '/css/app.css',
  '/js/app.js',
  '/vendor/htmx.min.js',
  '/vendor/alpine.min.js',
  '/icons/icon.svg',
]

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting())
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/offline')))
    return
  }
  const url = new URL(request.url)
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)))
  }
})
