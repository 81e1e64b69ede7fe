/*
| Per-institution counters of the registry for the statistics module
| (`registryCounter`, which has the shape of its `Counter` contract; it
| rolls them up by region). Read-only, computed by SQL in a few set-based
| statements, never row by row.
|
| Metrics (counts):
|   institutions                 not removed
|   institutions.removed         removed (Art. 15: soft removal)
|   list.<none|white|grey|black> not removed, by list status
|   category.<category>          not removed, by filed category (an institution counts once per category)
|   filings.pending              filing submitted, awaiting review
|   filings.approved             filing approved
|   inspections                  inspections planned or recorded
|   inspections.recorded         inspections recorded
|   rectifications.open          findings awaiting rectification
|   rectifications.reported      findings the institution reported fixed, awaiting acceptance
|   rectifications.overdue       findings not closed past their deadline (Beijing date)
|   rectifications.closed        findings accepted and closed (销号)
*/
import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'

export interface CounterOptions {
  institutionIds?: number[]
  /** The institutions' own region codes (a county, or a province for online institutions). */
  regionCodes?: string[]
}

/* The row of statistics' `Counter` contract, which this module may not import (statistics depends on it). */
interface CounterRow {
  institutionId: number
  regionCode: string
  metric: string
  value: number
}

function filter(options: CounterOptions, alias = 'i'): { sql: string; bindings: unknown[] } {
  const parts: string[] = []
  const bindings: unknown[] = []
  if (options.institutionIds) {
    parts.push(`${alias}.id = ANY(?::bigint[])`)
    bindings.push(options.institutionIds)
  }
  if (options.regionCodes) {
    parts.push(`${alias}.region_code = ANY(?::text[])`)
    bindings.push(options.regionCodes)
  }
  return { sql: parts.length ? parts.join(' AND ') : 'true', bindings }
}

function toCounter(row: any): CounterRow {
  const value = Number(row.value)
  if (!Number.isSafeInteger(value))
    throw new RangeError(`counter ${row.metric} is not a safe integer: ${row.value}`)
  return {
    institutionId: Number(row.institution_id),
    regionCode: row.region_code,
    metric: row.metric,
    value,
  }
}

export async function institutionCounters(options: CounterOptions = {}): Promise<CounterRow[]> {
  if (options.institutionIds?.length === 0 || options.regionCodes?.length === 0) return []
  const where = filter(options)
  const today = todayIso()
  const [own, categories, inspections, findings] = await Promise.all([
    db.rawQuery(
      `SELECT i.id AS institution_id, i.region_code, m.metric, m.value
         FROM institutions i
         CROSS JOIN LATERAL (VALUES
           ('institutions', CASE WHEN i.removed_at IS NULL THEN 1 ELSE 0 END),
           ('institutions.removed', CASE WHEN i.removed_at IS NULL THEN 0 ELSE 1 END),
           ('list.' || i.list_status, CASE WHEN i.removed_at IS NULL THEN 1 ELSE 0 END),
           ('filings.pending', CASE WHEN i.removed_at IS NULL AND i.filing_status = 'submitted' THEN 1 ELSE 0 END),
           ('filings.approved', CASE WHEN i.removed_at IS NULL AND i.filing_status = 'approved' THEN 1 ELSE 0 END)
         ) AS m(metric, value)
        WHERE m.value <> 0 AND ${where.sql}`,
      where.bindings
    ),
    db.rawQuery(
      `SELECT i.id AS institution_id, i.region_code, 'category.' || c.category AS metric, count(*) AS value
         FROM institutions i CROSS JOIN LATERAL unnest(i.categories) AS c(category)
        WHERE i.removed_at IS NULL AND ${where.sql}
        GROUP BY i.id, i.region_code, c.category`,
      where.bindings
    ),
    db.rawQuery(
      `SELECT i.id AS institution_id, i.region_code, m.metric, sum(m.value) AS value
         FROM inspections x JOIN institutions i ON i.id = x.institution_id
         CROSS JOIN LATERAL (VALUES
           ('inspections', 1),
           ('inspections.recorded', CASE WHEN x.status = 'recorded' THEN 1 ELSE 0 END)
         ) AS m(metric, value)
        WHERE ${where.sql}
        GROUP BY i.id, i.region_code, m.metric
       HAVING sum(m.value) <> 0`,
      where.bindings
    ),
    db.rawQuery(
      `SELECT i.id AS institution_id, i.region_code, m.metric, sum(m.value) AS value
         FROM inspection_findings f JOIN institutions i ON i.id = f.institution_id
         CROSS JOIN LATERAL (VALUES
           ('rectifications.open', CASE WHEN f.status = 'open' THEN 1 ELSE 0 END),
           ('rectifications.reported', CASE WHEN f.status = 'reported' THEN 1 ELSE 0 END),
           ('rectifications.overdue', CASE WHEN f.status <> 'closed' AND f.deadline < ?::date THEN 1 ELSE 0 END),
           ('rectifications.closed', CASE WHEN f.status = 'closed' THEN 1 ELSE 0 END)
         ) AS m(metric, value)
        WHERE ${where.sql}
        GROUP BY i.id, i.region_code, m.metric
       HAVING sum(m.value) <> 0`,
      [today, ...where.bindings]
    ),
  ])
  return [own, categories, inspections, findings].flatMap((result) => result.rows.map(toCounter))
}

/**
 * Region codes of institutions whose registry records changed since a
 * moment: filings submitted or reviewed, list changes, removals,
 * inspections and findings. Lets the statistics job catch changes that
 * raise no event.
 */
export async function registryRegionsChangedSince(since: Date): Promise<string[]> {
  const result = await db.rawQuery(
    `SELECT DISTINCT region_code FROM institutions WHERE updated_at >= ?
     UNION
     SELECT DISTINCT i.region_code FROM inspections x JOIN institutions i ON i.id = x.institution_id WHERE x.created_at >= ? OR x.recorded_at >= ?
     UNION
     SELECT DISTINCT i.region_code FROM inspection_findings f JOIN institutions i ON i.id = f.institution_id WHERE f.updated_at >= ?`,
    [since, since, since, since]
  )
  return result.rows.map((r: any) => r.region_code as string)
}

/** What the statistics module sums from this module (its `Counter` contract, met by shape). */
export const registryCounter = {
  module: 'registry',
  count: institutionCounters,
  regionsChangedSince: registryRegionsChangedSince,
} as const
