/*
| The kernel's own provider: database value parsing, the plugin host and
| the plugins' views and policies. It never imports a module or a plugin;
| plugins are found by id (config/plugins.ts) once every module has
| declared its extension points in its own provider's boot().
*/
import pg from 'pg'
import type { ApplicationService } from '@adonisjs/core/types'
import { startPlugins } from '../plugins/boot.js'
import { navigationFor, pageLinks } from '../navigation.js'
import { textIn } from '../plugin_sdk/index.js'
import { maskName } from '../shared/personal_data.js'
import { formatYuan } from '../shared/money.js'
import { cachePartials } from '../shared/edge_partial_cache.js'
import { keepSecretsOutOfFlash } from '../shared/flash_secrets.js'

/* int8 columns (ids, counts, fen) arrive as numbers; a value beyond 2^53 is an error, never rounded. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n))
    throw new RangeError(`int8 value ${value} exceeds the safe integer range`)
  return n
})

export default class KernelProvider {
  constructor(protected app: ApplicationService) {}

  /* Before the first request: no session may ever be committed with a password or ID number in it. */
  boot() {
    keepSecretsOutOfFlash()
  }

  async start() {
    const edge = (await import('edge.js')).default
    cachePartials(edge)
    edge.global('navigationFor', navigationFor)
    edge.global('pageLinks', pageLinks)
    edge.global('encodeURIComponent', encodeURIComponent)
    edge.global('textIn', textIn)
    edge.global('maskName', maskName)
    edge.global('yuan', formatYuan)
    await startPlugins(this.app, edge)
  }
}
