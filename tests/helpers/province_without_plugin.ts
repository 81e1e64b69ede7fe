import { pluginHost } from '#kernel/plugins/plugin_host'
import { regionTree } from '#modules/identity'

/*
| A province no installed plugin governs, for tests about "a province
| without a plugin": enabling a new province's plugin picks another one
| instead of breaking them.
*/
export function provinceWithoutPlugin(): string {
  const governed = new Set(pluginHost.plugins().flatMap((plugin) => plugin.regions))
  const free = regionTree.children('000000').find((province) => !governed.has(province.code))
  if (!free) throw new Error('every province has a plugin: these tests need one without')
  return free.code
}
