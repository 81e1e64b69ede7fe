/*
| Named slots in the platform's pages where plugins show partials
| (`views` in definePlugin). A page asks for a slot with the region the
| page is about; the partials of the plugins that govern that region and
| are switched on there are rendered with the slot's data, in plugin order.
| A partial is a plugin's own Edge template (plugins/<id>/views/<name>.edge),
| trusted code like the rest of the plugin.
*/
import type { Edge } from 'edge.js'
import type { SlotName, ViewSlots } from '../plugin_sdk/index.js'
import { isRegionCode } from '../shared/region_code.js'
import { type PluginHost, pluginHost } from './plugin_host.js'

export const SLOT_NAMES: readonly SlotName[] = [
  'institution.show.sidebar',
  'course.show.notices',
  'dashboard.cards',
]

/** The partials of a slot, rendered to HTML; empty when no active plugin fills it. */
export async function renderSlot<S extends SlotName>(
  edge: Edge,
  slot: S,
  regionCode: string | null | undefined,
  data: ViewSlots[S] & Record<string, unknown>,
  host: PluginHost = pluginHost
): Promise<string> {
  if (!isRegionCode(regionCode)) return ''
  const parts: string[] = []
  for (const plugin of await host.activeFor(regionCode)) {
    const template = plugin.views?.[slot]
    if (template) parts.push(await edge.render(`plugin_${plugin.id}::${template}`, data))
  }
  return parts.join('\n')
}
