import cache from '@adonisjs/cache/services/main'
import env from '#start/env'

/*
| The cache for public answers (config/cache.ts). PUBLIC_CACHE_SECONDS
| sets how long they live (default 60; 0 turns caching off, which the
| tests do so each sees its own writes at once).
*/
const seconds = () => env.get('PUBLIC_CACHE_SECONDS', 60)

/** The cached answer for `key`, or the factory's, stored for the configured time. Concurrent misses run the factory once. */
export function publicCached<T>(key: string, factory: () => Promise<T>): Promise<T> {
  const ttl = seconds()
  if (!ttl) return factory()
  return cache.getOrSet({ key, ttl: `${ttl}s`, factory })
}
