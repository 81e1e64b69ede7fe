/*
| Test kit for plugin authors: every capability of a plugin, tested against
| the platform's real national defaults and checks.
|
|   const host = testHostFor(plugin)                  // or [pluginA, pluginB]
|   await host.resolve('catalog.course.validate', '220104', inputFor('catalog.course.validate'))
|   await host.emit('complaints:overdue', { ...payload })   // what each policy asked for
|   await runPluginReport(plugin, 'report_id', '220000')    // against the test database
|
| Settings and switches are given per plugin: testHostFor(plugin, {
| settings: { myplugin: { maxMinutes: 45 } }, switchedOff: ['other'] }).
| Run one plugin's tests with
|   node ace test kernel --files "plugins/<id>/tests/*"
*/
import testUtils from '@adonisjs/core/services/test_utils'
import {
  type DomainEvents,
  type EventName,
  PLUGIN_API_VERSION,
  type PluginDefinition,
  type PointInput,
  type PointName,
  type PointOutput,
  type SettingValue,
} from './index.js'
import { type PluginState, type PluginStateStore, pluginHost } from '../plugins/plugin_host.js'
import { validateManifest } from '../plugins/manifest.js'
import { declaredEventNames } from '../plugins/domain_events.js'
import { providedPolicyActions } from '../plugins/policies.js'
import { runReport } from '../plugins/reports.js'
import { effectiveSettings } from '../plugins/settings.js'
import { isRegionCode, provinceOf, toRegionCode } from '../shared/region_code.js'

export interface TestHostOptions {
  /** Settings by plugin id, the same in every province (a key left out reads its default). */
  settings?: Record<string, Record<string, SettingValue>>
  /** Plugins switched off, by id; { id: ['220000'] } switches one off in those provinces only. */
  switchedOff?: string[] | Record<string, string[]>
  platformVersion?: string
}

/** What one policy did with one event: the actions it asked for, in order, or why it failed. */
export interface PolicyOutcome {
  pluginId: string
  policyId: string
  calls: { action: string; input: unknown }[]
  /** What the policy threw (on the platform: the run is retried, and none of its actions stand). */
  error?: unknown
}

export interface PluginTestHost {
  resolve<N extends PointName>(
    name: N,
    region: string,
    input: PointInput<N>
  ): Promise<PointOutput<N>>
  /**
   * Delivers an event to the policies of the plugins that govern its
   * region and are on there, as the platform does after commit, and
   * records each action asked for instead of performing it. As on the
   * platform, an action naming another institution than the event's is
   * refused (the policy fails), and so is an action no module provides.
   */
  emit<E extends EventName>(event: E, payload: DomainEvents[E]): Promise<PolicyOutcome[]>
}

function checked(plugin: PluginDefinition, platformVersion: string): PluginDefinition {
  return validateManifest(plugin, {
    expectedId: plugin.id,
    platformVersion,
    declaredPoints: pluginHost.declaredPoints(),
    pointVersions: pluginHost.pointVersions(),
    declaredEvents: declaredEventNames(),
  })
}

function memoryStore(options: TestHostOptions): PluginStateStore {
  const off = options.switchedOff ?? []
  const isOff = (id: string, province: string) =>
    Array.isArray(off) ? off.includes(id) : (off[id]?.includes(province) ?? false)
  return {
    async stateOf(plugin, province): Promise<PluginState> {
      return {
        enabled: !isOff(plugin.id, province),
        settings: effectiveSettings(plugin, options.settings?.[plugin.id], (key) => {
          throw new Error(`${plugin.id}: the test's value for setting "${key}" fails its checks`)
        }),
      }
    },
  }
}

export function testHostFor(
  plugins: PluginDefinition | PluginDefinition[],
  options: TestHostOptions = {}
): PluginTestHost {
  const platformVersion = options.platformVersion ?? PLUGIN_API_VERSION
  const list = (Array.isArray(plugins) ? plugins : [plugins]).map((p) =>
    checked(p, platformVersion)
  )
  const host = pluginHost.withPlugins(list, memoryStore(options))
  return {
    resolve: (name, region, input) => host.resolve(name, toRegionCode(region), input),
    async emit(event, payload) {
      const region = (payload as { regionCode?: unknown }).regionCode
      if (!isRegionCode(region)) throw new Error(`${event}: the payload needs a regionCode`)
      const outcomes: PolicyOutcome[] = []
      for (const { plugin, settings } of await host.activeStatesFor(region)) {
        for (const policy of (plugin.policies ?? []).filter((p) => p.on === event)) {
          const outcome: PolicyOutcome = { pluginId: plugin.id, policyId: policy.id, calls: [] }
          const actions = recordingActions(
            event,
            payload as unknown as Record<string, unknown>,
            outcome
          )
          const handle = policy.handle as (e: unknown, ctx: unknown) => unknown
          try {
            await handle(payload, { region, province: provinceOf(region)!, settings, actions })
          } catch (error) {
            outcome.error = error
          }
          outcomes.push(outcome)
        }
      }
      return outcomes
    },
  }
}

function recordingActions(event: string, payload: Record<string, unknown>, outcome: PolicyOutcome) {
  const provided = new Set(providedPolicyActions())
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string' || !provided.has(name)) {
          throw new Error(`no module provides the policy action ${String(name)}`)
        }
        return async (input: { institutionId?: unknown } | undefined) => {
          if (input?.institutionId !== undefined && input.institutionId !== payload.institutionId) {
            throw new Error(
              `${name}: institution ${JSON.stringify(input.institutionId)} is not the institution of this ${event} event`
            )
          }
          outcome.calls.push({ action: name, input })
        }
      },
    }
  )
}

/**
 * Runs one of a plugin's reports for a bureau of `region`, as the
 * statistics page does: read-only, scoped by the host, against this test
 * run's database (seed it with `seed`, and roll it back with
 * `group.each.setup(rollbackEachTest)`).
 */
export async function runPluginReport(
  plugin: PluginDefinition,
  reportId: string,
  region: string,
  options: { settings?: Record<string, SettingValue> } = {}
): Promise<Record<string, unknown>[]> {
  const report = checked(plugin, PLUGIN_API_VERSION).reports?.find((r) => r.id === reportId)
  if (!report) throw new Error(`${plugin.id} has no report "${reportId}"`)
  const settings = effectiveSettings(plugin, options.settings)
  const { rows } = await runReport(
    { pluginId: plugin.id, pluginName: plugin.name, report, settings },
    toRegionCode(region)
  )
  return rows
}

/** For `group.each.setup(rollbackEachTest)`: what a test seeds is gone after it. */
export function rollbackEachTest() {
  return testUtils.db().withGlobalTransaction()
}

/** The facts a test may put in the database, through the owning modules' own builders. */
export interface SeedFixtures {
  /** An approved (filed) institution, white-listed unless its facts say otherwise. */
  institution(input: {
    regionCode: string
    name?: string
    delivery?: 'offline' | 'online'
    categories?: string[]
  }): Promise<{ id: number }>
}

const fixtures: Partial<SeedFixtures> = {}

/** Called by the test set-up (tests/plugin_fixtures.ts) with the modules' builders. */
export function provideSeedFixture<K extends keyof SeedFixtures>(name: K, build: SeedFixtures[K]) {
  fixtures[name] = build
}

/** Seeds the test database the way the modules themselves would. */
export const seed: SeedFixtures = new Proxy({} as SeedFixtures, {
  get(_target, name: string) {
    const build = fixtures[name as keyof SeedFixtures]
    if (!build) throw new Error(`no seed fixture "${name}" (is tests/plugin_fixtures.ts loaded?)`)
    return build
  },
})

/** An input for a point, from the example its module declares, with your changes on top. */
export function inputFor<N extends PointName>(
  name: N,
  changes: Partial<PointInput<N>> = {}
): PointInput<N> {
  const spec = pluginHost.points().find((p) => p.name === name)
  if (!spec) throw new Error(`no extension point "${name}"`)
  if (!spec.example) throw new Error(`${name} declares no example input: write the whole input`)
  return { ...(spec.example() as object), ...changes } as PointInput<N>
}
