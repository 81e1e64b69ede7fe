import type { EmitterService } from '@adonisjs/core/types'
import type { PluginDefinition, PolicyActions, PolicyContext } from '../plugin_sdk/index.js'
import { isRegionCode, provinceOf } from '../shared/region_code.js'

/*
| Actions policies may take are contributed by the modules that own them
| (the credit module adds credit adjustments, for instance).
*/
const actions: Partial<PolicyActions> = {}

export function providePolicyAction<K extends keyof PolicyActions>(name: K, action: PolicyActions[K]) {
  actions[name] = action
}

/**
 * Each plugin policy listens to its event and runs only for events that
 * happened in one of the plugin's provinces. A failing policy is logged
 * and does not break the business action that emitted the event.
 */
export function subscribePolicies(emitter: EmitterService, plugins: readonly PluginDefinition[]) {
  for (const plugin of plugins) {
    for (const policy of plugin.policies ?? []) {
      emitter.on(policy.on as any, async (event: any) => {
        const region = event?.regionCode
        if (!isRegionCode(region)) return
        const province = provinceOf(region)
        if (!province || !plugin.regions.includes(province)) return
        const handle = policy.handle as (event: unknown, ctx: PolicyContext) => unknown
        await handle(event, { region, actions: actions as PolicyActions })
      })
    }
  }
}
