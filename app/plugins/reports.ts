/*
| Custom reports that provincial plugins ship (`reports` in definePlugin).
| A report's query gets the admin's region and a `sql` function that runs
| in a READ ONLY transaction with a statement timeout, so a report can
| neither change data nor hold the database for long. The host sets the
| run's scope (`xiaowai.report_scope`, the admin's region), which the
| modules' report views apply: a report reads those views and sees only its
| region without filtering itself. This is trusted code, not a sandbox: at
| run time the SQL could still name a raw table; the boundary check
| (bin/table_ownership.ts) refuses any plugin file that does.
*/
import db from '@adonisjs/lucid/services/db'
import type {
  PluginDefinition,
  Report,
  ReportContext,
  SettingsSnapshot,
} from '../plugin_sdk/index.js'
import type { RegionCode } from '../shared/region_code.js'
import { type PluginHost, pluginHost } from './plugin_host.js'

export interface PluginReport {
  pluginId: string
  pluginName: PluginDefinition['name']
  report: Report
  /** The plugin's settings in the region's province when the report was found. */
  settings: SettingsSnapshot
}

/**
 * The reports of the plugins that govern a region and are switched on in
 * its province (none for the ministry, which no province plugin governs).
 */
export async function reportsFor(
  region: RegionCode,
  host: PluginHost = pluginHost
): Promise<PluginReport[]> {
  return (await host.activeStatesFor(region)).flatMap(({ plugin, settings }) =>
    (plugin.reports ?? []).map((report) => ({
      pluginId: plugin.id,
      pluginName: plugin.name,
      report,
      settings,
    }))
  )
}

export async function findReport(
  region: RegionCode,
  pluginId: string,
  reportId: string,
  host: PluginHost = pluginHost
): Promise<PluginReport | null> {
  const reports = await reportsFor(region, host)
  return reports.find((r) => r.pluginId === pluginId && r.report.id === reportId) ?? null
}

export const REPORT_TIMEOUT_MS = 10_000
export const REPORT_MAX_ROWS = 50_000

/** Runs a report for a region, read-only; rows beyond REPORT_MAX_ROWS are cut off (the caller says so). */
export async function runReport(
  found: PluginReport,
  region: RegionCode
): Promise<{ rows: Record<string, unknown>[]; truncated: boolean }> {
  const trx = await db.transaction()
  try {
    /* A statement, not SET TRANSACTION: inside a caller's transaction this runs in a savepoint, which the rollback below undoes. */
    await trx.rawQuery('SET LOCAL transaction_read_only = on')
    await trx.rawQuery(`SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`)
    /* The modules' report views (report_institutions, …) show only rows inside this scope. */
    await trx.rawQuery(`SELECT set_config('xiaowai.report_scope', ?, true)`, [region])
    const ctx: ReportContext = {
      region,
      settings: found.settings,
      sql: async (text, bindings = []) => (await trx.rawQuery(text, bindings as any[])).rows,
    }
    const rows = await found.report.query(ctx)
    return { rows: rows.slice(0, REPORT_MAX_ROWS), truncated: rows.length > REPORT_MAX_ROWS }
  } finally {
    /* A report never has anything to keep. */
    await trx.rollback()
  }
}
