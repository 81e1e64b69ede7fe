/*
| The complaints module's institution counters, for the statistics module
| (`complaintsCounter`, which has the shape of its `Counter` contract).
|
| Complaint metrics are counted where the problem is (the target region's
| lineage), not where the case is handled now. Complaints and reviews with
| no filed institution (an unlicensed provider, a school) are kept under
| institution 0 of their region so region totals still count them.
|
|   complaints               received (every complaint and tip-off)
|   complaints.open          not yet closed or withdrawn
|   complaints.overdue       waiting on a handler past its deadline (Beijing date)
|   complaints.closed        closed
|   complaints.timely        closed within every deadline
|   complaints.type.<type>   received, by type
|   complaints.rated         closed cases the complainant rated
|   complaints.rating_sum    sum of those ratings (1–5)
|   complaints.satisfied     rated 4 or 5
|   reviews                  customer reviews shown (not hidden)
|   reviews.rating_sum       sum of their ratings
*/
import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'

/* The row of statistics' `Counter` contract, which this module may not import (statistics depends on it). */
interface CounterRow {
  institutionId: number
  regionCode: string
  metric: string
  value: number
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

export interface ComplaintCounterOptions {
  /** Where the records live: the complaint's target region, the review's institution region. */
  regionCodes?: string[]
  institutionIds?: number[]
  /** The institution's own view: tip-offs are left out, so its figures never reveal a report about it. */
  institutionView?: boolean
}

export async function complaintCounters(
  options: ComplaintCounterOptions = {}
): Promise<CounterRow[]> {
  if (options.regionCodes?.length === 0 || options.institutionIds?.length === 0) return []
  const reviewRegion = 'coalesce(r.county_code, r.city_code, r.province_code)'
  const complaintsWhere: string[] = ['true']
  const reviewsWhere: string[] = ['true']
  const bindings: unknown[] = []
  if (options.regionCodes) {
    complaintsWhere.push('c.target_region_code = ANY(?::text[])')
    reviewsWhere.push(`${reviewRegion} = ANY(?::text[])`)
    bindings.push(options.regionCodes)
  }
  if (options.institutionView) complaintsWhere.push(`c.kind = 'complaint'`)
  if (options.institutionIds) {
    complaintsWhere.push('c.institution_id = ANY(?::bigint[])')
    reviewsWhere.push('r.institution_id = ANY(?::bigint[])')
    bindings.push(options.institutionIds)
  }
  const [complaints, reviews] = await Promise.all([
    db.rawQuery(
      `SELECT coalesce(c.institution_id, 0) AS institution_id, c.target_region_code AS region_code, m.metric, sum(m.value) AS value
         FROM complaints c
         CROSS JOIN LATERAL (VALUES
           ('complaints', 1),
           ('complaints.open', CASE WHEN c.status NOT IN ('closed', 'withdrawn') THEN 1 ELSE 0 END),
           ('complaints.overdue', CASE WHEN c.status IN ('with_institution', 'submitted', 'accepted') AND c.due_on < ?::date THEN 1 ELSE 0 END),
           ('complaints.closed', CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END),
           ('complaints.timely', CASE WHEN c.status = 'closed' AND c.timely THEN 1 ELSE 0 END),
           ('complaints.type.' || c.complaint_type, 1),
           ('complaints.rated', CASE WHEN c.rating IS NOT NULL THEN 1 ELSE 0 END),
           ('complaints.rating_sum', coalesce(c.rating, 0)),
           ('complaints.satisfied', CASE WHEN c.rating >= 4 THEN 1 ELSE 0 END)
         ) AS m(metric, value)
        WHERE ${complaintsWhere.join(' AND ')}
        GROUP BY 1, 2, m.metric
       HAVING sum(m.value) <> 0`,
      [todayIso(), ...bindings]
    ),
    db.rawQuery(
      `SELECT r.institution_id, ${reviewRegion} AS region_code, m.metric, sum(m.value) AS value
         FROM reviews r
         CROSS JOIN LATERAL (VALUES ('reviews', 1), ('reviews.rating_sum', r.rating::int)) AS m(metric, value)
        WHERE r.hidden_at IS NULL AND ${reviewsWhere.join(' AND ')}
        GROUP BY 1, 2, m.metric
       HAVING sum(m.value) <> 0`,
      bindings
    ),
  ])
  return [complaints, reviews].flatMap((result) => result.rows.map(toCounter))
}

/** Regions whose complaints or reviews changed since a moment, so the statistics job also catches steps that raise no event. */
export async function complaintRegionsChangedSince(since: Date): Promise<string[]> {
  const result = await db.rawQuery(
    `SELECT DISTINCT target_region_code AS region_code FROM complaints WHERE updated_at >= ?
     UNION
     SELECT DISTINCT coalesce(county_code, city_code, province_code) FROM reviews WHERE created_at >= ? OR replied_at >= ? OR hidden_at >= ?`,
    [since, since, since, since]
  )
  return result.rows.map((r: any) => r.region_code as string)
}

/** What the statistics module sums from this module (its `Counter` contract, met by shape). */
export const complaintsCounter = {
  module: 'complaints',
  count: complaintCounters,
  regionsChangedSince: complaintRegionsChangedSince,
} as const
