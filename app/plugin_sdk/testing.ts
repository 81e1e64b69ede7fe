/*
| Test kit for plugin authors: run extension points with only your plugin
| enabled, against the platform's real national defaults.
|
|   const host = testHostFor(plugin)
|   await host.resolve('identity.audit.retention_days', '220104', {})
*/
import {
  PLUGIN_API_VERSION,
  type PluginDefinition,
  type PointInput,
  type PointName,
  type PointOutput,
} from './index.js'
import { pluginHost } from '../plugins/plugin_host.js'
import { validateManifest } from '../plugins/manifest.js'
import { toRegionCode } from '../shared/region_code.js'

export interface PluginTestHost {
  resolve<N extends PointName>(
    name: N,
    region: string,
    input: PointInput<N>
  ): Promise<PointOutput<N>>
}

export function testHostFor(
  plugin: PluginDefinition,
  platformVersion = PLUGIN_API_VERSION
): PluginTestHost {
  const checked = validateManifest(plugin, {
    expectedId: plugin.id,
    platformVersion,
    declaredPoints: pluginHost.declaredPoints(),
    pointVersions: pluginHost.pointVersions(),
  })
  const host = pluginHost.withPlugins([checked])
  return { resolve: (name, region, input) => host.resolve(name, toRegionCode(region), input) }
}
