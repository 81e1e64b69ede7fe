import { defineConfig, drivers, store } from '@adonisjs/cache'
import type { InferStores } from '@adonisjs/cache/types'

/*
| Public, read-mostly answers (institution search, public pages) are
| cached per process for a short time: the same search repeated by many
| parents costs the database once a minute. Nothing personal or
| authorization-dependent is ever cached here. Each process bounds its
| memory; several instances each keep their own copy, which is fine for
| data published with a delay of up to the TTL.
*/
const cacheConfig = defineConfig({
  default: 'public',
  ttl: '60s',
  stores: {
    public: store().useL1Layer(
      drivers.memory({ maxSize: '16mb', maxItems: 20_000, maxEntrySize: '256kb' })
    ),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
