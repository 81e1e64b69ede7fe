/*
| What the management terminal's plugin page needs from the kernel: which
| installed plugins govern a province, each one's switch and settings
| there, and saving a change together with its audit entry (which the
| caller, identity, writes in the same transaction).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PluginDefinition, PluginSetting, SettingValue } from '../plugin_sdk/index.js'
import type { RegionCode } from '../shared/region_code.js'
import { pluginHost } from './plugin_host.js'
import { defaultSettings, effectiveSettings, settingFields } from './settings.js'
import { PluginStateConflict, pluginStates } from './state_store.js'

export interface PluginStateView {
  plugin: PluginDefinition
  province: string
  enabled: boolean
  /** The values in force (stored where still valid, defaults otherwise). */
  values: Record<string, SettingValue>
  fields: [string, PluginSetting][]
  /** 0 until the first save. */
  version: number
  updatedById: number | null
  updatedAt: Date | null
}

/** Installed plugins governing the province, or every installed plugin when none is given. */
export function installedPlugins(province?: string): readonly PluginDefinition[] {
  const plugins = pluginHost.plugins()
  return province ? plugins.filter((p) => p.regions.includes(province)) : plugins
}

export function governingPlugin(pluginId: string, province: string): PluginDefinition | null {
  return installedPlugins(province).find((p) => p.id === pluginId) ?? null
}

export async function pluginStateIn(
  plugin: PluginDefinition,
  province: string
): Promise<PluginStateView> {
  const stored = await pluginStates.storedState(plugin.id, province)
  return {
    plugin,
    province,
    enabled: stored?.enabled ?? true,
    values: { ...effectiveSettings(plugin, stored?.values) },
    fields: settingFields(plugin),
    version: stored?.version ?? 0,
    updatedById: stored?.updatedById ?? null,
    updatedAt: stored?.updatedAt ?? null,
  }
}

export interface PluginStateChange {
  plugin: PluginDefinition
  province: string
  /** One line per changed item, e.g. "enabled: on → off", "maxMinutes: 40 → 45". */
  changes: string[]
}

/**
 * Saves a switch and settings (already validated) if they differ from the
 * stored ones, with the caller's audit write in the same transaction.
 * 'conflict' when someone saved since the form was opened.
 */
export async function savePluginState(
  input: {
    plugin: PluginDefinition
    province: RegionCode
    enabled: boolean
    values: Record<string, SettingValue>
    expectedVersion: number
    actorId: number
  },
  audit: (trx: TransactionClientContract, change: PluginStateChange) => Promise<void>
): Promise<'saved' | 'unchanged' | 'conflict'> {
  const current = await pluginStateIn(input.plugin, input.province)
  const changes = describeChanges(current, input)
  if (!changes.length) return 'unchanged'
  try {
    await db.transaction(async (trx) => {
      await pluginStates.save(trx, {
        pluginId: input.plugin.id,
        provinceCode: input.province,
        enabled: input.enabled,
        values: { ...defaultSettings(input.plugin), ...input.values },
        expectedVersion: input.expectedVersion,
        actorId: input.actorId,
      })
      await audit(trx, { plugin: input.plugin, province: input.province, changes })
    })
  } catch (error) {
    if (error instanceof PluginStateConflict) return 'conflict'
    throw error
  }
  /* This process decides with the new values from its next call on; others reload on the NOTIFY. */
  await pluginStates.reload()
  return 'saved'
}

function describeChanges(
  current: PluginStateView,
  next: { enabled: boolean; values: Record<string, SettingValue> }
): string[] {
  const show = (value: SettingValue | boolean) =>
    typeof value === 'boolean' ? (value ? 'on' : 'off') : JSON.stringify(value)
  const changes: string[] = []
  if (current.enabled !== next.enabled) {
    changes.push(`enabled: ${show(current.enabled)} → ${show(next.enabled)}`)
  }
  for (const [key] of current.fields) {
    const before = current.values[key]!
    const after = next.values[key]
    if (after !== undefined && after !== before)
      changes.push(`${key}: ${show(before)} → ${show(after)}`)
  }
  return changes
}
