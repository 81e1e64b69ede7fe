import { defineConfig } from '@adonisjs/static'

export default defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  /* Icons, CSS and the service worker are fingerprint-free, so keep caching short. */
  maxAge: '1h',
})
