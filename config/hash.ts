import { defineConfig, drivers } from '@adonisjs/core/hash'

/*
| scrypt: memory-hard, built into Node, no native build step. Cost at
| OWASP's recommendation (Password Storage Cheat Sheet: N=2^17, r=8, p=1),
| which needs 128 * N * r = 128 MiB per hash; maxMemory leaves headroom.
| Older hashes (N=2^14) still verify, since each hash carries its own
| parameters, and are rehashed at the next successful sign-in.
*/
const hashConfig = defineConfig({
  default: 'scrypt',
  list: {
    scrypt: drivers.scrypt({
      cost: 131072,
      blockSize: 8,
      parallelization: 1,
      maxMemory: 268435456,
    }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
