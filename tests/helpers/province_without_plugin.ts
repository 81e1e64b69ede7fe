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

/** A county of that province (its first), for institutions and accounts that need one. */
export function countyWithoutPlugin(): string {
  const county = regionTree.descendants(provinceWithoutPlugin()).find((r) => r.level === 3)
  if (!county) throw new Error('the province without a plugin has no county')
  return county.code
}
