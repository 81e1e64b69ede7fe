import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PluginDefinition } from '../plugin_sdk/index.js'
import { PluginLoadError } from './errors.js'
import { validateManifest } from './manifest.js'

export interface LoadOptions {
  /** Folder that holds one sub-folder per plugin (the app's plugins/). */
  pluginsRoot: URL
  enabled: string[]
  platformVersion: string
  declaredPoints: ReadonlySet<string>
  pointVersions?: ReadonlyMap<string, number>
  declaredEvents?: ReadonlySet<string>
}

/**
 * Imports and validates each enabled plugin in order. The kernel never
 * imports a plugin statically: plugins are found by id at start-up.
 */
export async function loadPlugins(options: LoadOptions): Promise<PluginDefinition[]> {
  const loaded: PluginDefinition[] = []
  for (const id of options.enabled) {
    if (!/^[a-z][a-z0-9_]*$/.test(id)) {
      throw new PluginLoadError(id, 'plugin ids are lower-case letters, digits and underscores')
    }
    const folder = new URL(`${id}/`, options.pluginsRoot)
    const hasSource = ['plugin.ts', 'plugin.js'].some((file) =>
      existsSync(fileURLToPath(new URL(file, folder)))
    )
    if (!hasSource) throw new PluginLoadError(id, `no plugin.ts in ${fileURLToPath(folder)}`)

    let exported: unknown
    try {
      exported = (await import(new URL('plugin.js', folder).href)).default
    } catch (error) {
      throw new PluginLoadError(id, `importing it failed: ${(error as Error).message}`)
    }
    loaded.push(
      validateManifest(exported, {
        expectedId: id,
        platformVersion: options.platformVersion,
        declaredPoints: options.declaredPoints,
        pointVersions: options.pointVersions,
        declaredEvents: options.declaredEvents,
        hasView: (name) => existsSync(fileURLToPath(new URL(`views/${name}.edge`, folder))),
      })
    )
  }
  return loaded
}
