/*
| The plugin host keeps the declared extension points and the loaded
| plugins, and answers "which rules apply to this region".
|
| A plugin applies to a case when the case's province is one of the
| plugin's regions. For value points the first enabled plugin (in config
| order) is asked first and may defer with ctx.next(); decision points
| collect the violations of the national default and of every plugin.
*/
import type {
  PluginDefinition,
  PointName,
  PointInput,
  PointOutput,
  Rule,
  RuleContext,
  SettingsSnapshot,
  Violation,
} from '../plugin_sdk/index.js'
import { type RegionCode, provinceOf } from '../shared/region_code.js'
import { UnknownExtensionPointError } from './errors.js'
import { effectiveSettings } from './settings.js'

export interface ExtensionPointSpec<N extends PointName> {
  name: N
  /** Bumped when the input or output shape changes incompatibly. */
  version: number
  kind: 'value' | 'decision'
  description: string
  /**
   * A realistic input (a case a province would decide), which the plugin
   * test kit's `inputFor` starts from and the reference pages show.
   */
  example?: () => PointInput<N>
  /** The national default. */
  defaultRule: (
    input: PointInput<N>,
    ctx: RuleContext<PointOutput<N>>
  ) => PointOutput<N> | Promise<PointOutput<N>>
}

/** Whether a plugin is switched on in a province, and its settings there (validated, defaults filled in). */
export interface PluginState {
  enabled: boolean
  settings: SettingsSnapshot
}

/**
 * Where the host reads each plugin's per-province state: the database in
 * the app (app/plugins/state_store.ts), memory in tests.
 */
export interface PluginStateStore {
  stateOf(plugin: PluginDefinition, province: RegionCode): Promise<PluginState>
}

const defaultStates = new WeakMap<PluginDefinition, PluginState>()
/** A plugin switched on with its declared defaults. */
export function defaultState(plugin: PluginDefinition): PluginState {
  let state = defaultStates.get(plugin)
  if (!state)
    defaultStates.set(
      plugin,
      (state = { enabled: true, settings: effectiveSettings(plugin, null) })
    )
  return state
}

/** Every installed plugin on with its defaults, everywhere it governs: what a host without a database sees. */
export const allEnabled: PluginStateStore = { stateOf: async (plugin) => defaultState(plugin) }

const NO_SETTINGS: SettingsSnapshot = Object.freeze({})

export class PluginHost {
  #points = new Map<string, ExtensionPointSpec<any>>()
  #plugins: PluginDefinition[] = []
  #store: PluginStateStore = allEnabled

  useStore(store: PluginStateStore) {
    this.#store = store
  }

  stateOf(plugin: PluginDefinition, province: RegionCode): Promise<PluginState> {
    return this.#store.stateOf(plugin, province)
  }

  declare<N extends PointName>(spec: ExtensionPointSpec<N>) {
    const existing = this.#points.get(spec.name)
    if (existing && existing !== spec) {
      throw new Error(`Extension point "${spec.name}" is declared twice`)
    }
    this.#points.set(spec.name, spec)
  }

  declaredPoints(): ReadonlySet<string> {
    return new Set(this.#points.keys())
  }

  /** Each declared point's version, for the manifest's `pins`. */
  pointVersions(): ReadonlyMap<string, number> {
    return new Map([...this.#points.values()].map((p) => [p.name, p.version]))
  }

  points(): ExtensionPointSpec<any>[] {
    return [...this.#points.values()]
  }

  install(plugins: PluginDefinition[]) {
    const ids = new Set<string>()
    for (const plugin of plugins) {
      if (ids.has(plugin.id)) throw new Error(`Plugin "${plugin.id}" is enabled twice`)
      ids.add(plugin.id)
    }
    this.#plugins = [...plugins]
  }

  plugins(): readonly PluginDefinition[] {
    return this.#plugins
  }

  /** A host with the same extension points and only the given plugins (for plugin test kits). */
  withPlugins(plugins: PluginDefinition[], store: PluginStateStore = allEnabled): PluginHost {
    const host = new PluginHost()
    for (const spec of this.#points.values()) host.declare(spec)
    host.install(plugins)
    host.useStore(store)
    return host
  }

  /** Plugins that govern the given region, in precedence order (switched on or not). */
  pluginsFor(region: RegionCode): PluginDefinition[] {
    const province = provinceOf(region)
    if (!province) return []
    return this.#plugins.filter((plugin) => plugin.regions.includes(province))
  }

  /** Plugins that govern the region and are switched on in its province, in precedence order. */
  async activeFor(region: RegionCode): Promise<PluginDefinition[]> {
    return (await this.activeStatesFor(region)).map(({ plugin }) => plugin)
  }

  /** As activeFor, with each plugin's settings in the region's province. */
  async activeStatesFor(
    region: RegionCode
  ): Promise<{ plugin: PluginDefinition; settings: SettingsSnapshot }[]> {
    const province = provinceOf(region)
    const governing = this.pluginsFor(region)
    if (!province || !governing.length) return []
    const states = await Promise.all(governing.map((plugin) => this.stateOf(plugin, province)))
    return governing
      .map((plugin, i) => ({ plugin, state: states[i]! }))
      .filter(({ state }) => state.enabled)
      .map(({ plugin, state }) => ({ plugin, settings: state.settings }))
  }

  async resolve<N extends PointName>(
    name: N,
    region: RegionCode,
    input: PointInput<N>
  ): Promise<PointOutput<N>> {
    const spec = this.#points.get(name) as ExtensionPointSpec<N> | undefined
    if (!spec) throw new UnknownExtensionPointError(name)
    const rules = (await this.activeStatesFor(region))
      .map(({ plugin, settings }) => ({
        rule: plugin.rules?.[name] as Rule<N> | undefined,
        settings,
      }))
      .filter(
        (entry): entry is { rule: Rule<N>; settings: SettingsSnapshot } =>
          typeof entry.rule === 'function'
      )
    const national = { rule: spec.defaultRule as Rule<N>, settings: NO_SETTINGS }
    const province = (provinceOf(region) ?? region) as RegionCode

    if (spec.kind === 'decision') {
      const none = async () => [] as unknown as PointOutput<N>
      const results = await Promise.all(
        [national, ...rules].map(({ rule, settings }) =>
          rule(input, { region, province, settings, next: none })
        )
      )
      return results.flat() as Violation[] as PointOutput<N>
    }

    const run = (index: number): Promise<PointOutput<N>> => {
      const { rule, settings } = rules[index] ?? national
      const ctx: RuleContext<PointOutput<N>> = {
        region,
        province,
        settings,
        next: () => run(index + 1),
      }
      return Promise.resolve(rule(input, ctx))
    }
    return run(0)
  }
}

/* One host per process: it holds code and configuration, never data that must be shared. */
export const pluginHost = new PluginHost()
