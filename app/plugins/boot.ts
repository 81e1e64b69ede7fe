/*
| Start-up of the provincial plugins, once every module has declared its
| extension points and policy actions (in the modules' boot()): load and
| check each enabled plugin (a broken one stops start-up), read each
| province's switches and settings from the database (state_store.ts),
| then wire what its manifest asks for: menu items, view slots and policies.
*/
import type { ApplicationService } from '@adonisjs/core/types'
import type { Edge } from 'edge.js'
import { PLUGIN_API_VERSION, type SlotName } from '../plugin_sdk/index.js'
import { loadPlugins } from './loader.js'
import { declaredEventNames } from './domain_events.js'
import { pluginHost } from './plugin_host.js'
import { registerPluginMenus } from './menu.js'
import { renderSlot } from './view_slots.js'
import { subscribePolicies } from './policies.js'
import { pluginStates } from './state_store.js'

export async function startPlugins(app: ApplicationService, edge: Edge) {
  const { enabled } = app.config.get<{ enabled: string[] }>('plugins')
  const plugins = await loadPlugins({
    pluginsRoot: app.makeURL('plugins/'),
    enabled,
    platformVersion: PLUGIN_API_VERSION,
    declaredPoints: pluginHost.declaredPoints(),
    pointVersions: pluginHost.pointVersions(),
    declaredEvents: declaredEventNames(),
  })
  pluginHost.install(plugins)
  pluginStates.listenWith(
    app.config.get<string | undefined>('database.connections.pg.connection.connectionString')
  )
  pluginHost.useStore(pluginStates)
  app.terminating(() => pluginStates.close())

  for (const plugin of plugins.filter((p) => p.views)) {
    edge.mount(`plugin_${plugin.id}`, app.makeURL(`plugins/${plugin.id}/views/`))
  }
  /* In a page: {{{ await pluginSlot('course.show.notices', regionCode, { course, locale }) }}} */
  edge.global('pluginSlot', (slot: SlotName, regionCode: string | null, data: any) =>
    renderSlot(edge, slot, regionCode, data)
  )
  registerPluginMenus(plugins)

  const emitter = await app.container.make('emitter')
  subscribePolicies(emitter)
  return plugins
}
