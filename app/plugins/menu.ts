/*
| A plugin's `menu` items join the management terminal's menu and home
| tiles, shown only to bureau staff whose region lies in one of the
| plugin's provinces, and only while the plugin is switched on there.
*/
import type { PluginDefinition } from '../plugin_sdk/index.js'
import { registerNavigation } from '../navigation.js'
import { isRegionCode, provinceOf } from '../shared/region_code.js'
import { type PluginHost, pluginHost } from './plugin_host.js'

/* After the modules' own items (identity's accounts and audit sit at 900). */
const PLUGIN_ORDER = 800

interface RegionalUser {
  role?: string
  regionCode?: string | null
}

/** True when the user is bureau staff in one of the plugin's provinces where it is switched on. */
export async function seesPluginMenu(
  plugin: PluginDefinition,
  user: RegionalUser,
  host: PluginHost = pluginHost
): Promise<boolean> {
  if (user.role !== 'admin' || !isRegionCode(user.regionCode)) return false
  const province = provinceOf(user.regionCode)
  if (!province || !plugin.regions.includes(province)) return false
  return (await host.stateOf(plugin, province)).enabled
}

export function registerPluginMenus(
  plugins: readonly PluginDefinition[],
  host: PluginHost = pluginHost
) {
  plugins.forEach((plugin, p) => {
    ;(plugin.menu ?? []).forEach((item, i) => {
      registerNavigation({
        terminal: item.terminal,
        label: item.label,
        hint: item.hint,
        href: item.href,
        order: PLUGIN_ORDER + p * 10 + i,
        visible: (user: RegionalUser) => seesPluginMenu(plugin, user, host),
      })
    })
  })
}
