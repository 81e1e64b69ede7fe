import type { PointInput, PointName, PointOutput } from '../plugin_sdk/index.js'
import type { RegionCode } from '../shared/region_code.js'
import { type ExtensionPointSpec, pluginHost } from './plugin_host.js'

/** A declared extension point, as the owning module uses it. */
export interface ExtensionPoint<N extends PointName> {
  readonly name: N
  resolve(region: RegionCode, input: PointInput<N>): Promise<PointOutput<N>>
}

/**
 * Declares an extension point with its national default. Called at module
 * load by the module that owns the decision (see modules/<m>/extension_points.ts).
 */
export function defineExtensionPoint<N extends PointName>(
  spec: ExtensionPointSpec<N>
): ExtensionPoint<N> {
  pluginHost.declare(spec)
  return {
    name: spec.name,
    resolve: (region, input) => pluginHost.resolve(spec.name, region, input),
  }
}
