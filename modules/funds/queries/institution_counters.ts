/*
| Per-institution counters of the funds module for the statistics module
| (`fundsCounter`, which has the shape of its `Counter` contract; it rolls
| them up by region). Read-only, set-based SQL.
| Money is integer fen; pg returns bigint sums as strings, converted with
| a safe-integer check so nothing is ever rounded.
|
| Metrics:
|   orders              orders paid (not awaiting payment, not cancelled)
|   fees.collected      fen paid by parents
|   fees.held           fen still held in the supervised account (prepaid)
|   fees.released       fen paid out to the institution (prepaid released; pay-later paid per class)
|   fees.refunding      fen on their way back to parents
|   fees.refunded       fen refunded to parents
|   classes.consumed    classes consumed
|   refunds             refunds completed
|   refunds.pending     refunds requested, approved or under way
|   balance.reported    fen the supervising bank last reported on the account
|   anomalies           fund anomalies raised
|   anomalies.open      fund anomalies still open
*/
import db from '@adonisjs/lucid/services/db'

export interface FundsCounterOptions {
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

function filter(options: FundsCounterOptions, alias: string): { sql: string; bindings: unknown[] } {
  const parts: string[] = []
  const bindings: unknown[] = []
  if (options.institutionIds) {
    parts.push(`${alias}.institution_id = ANY(?::bigint[])`)
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

export async function fundsInstitutionCounters(
  options: FundsCounterOptions = {}
): Promise<CounterRow[]> {
  if (options.institutionIds?.length === 0 || options.regionCodes?.length === 0) return []
  const orders = filter(options, 'o')
  const accounts = filter(options, 'a')
  const anomalies = filter(options, 'f')
  const [orderRows, refundRows, accountRows, anomalyRows] = await Promise.all([
    db.rawQuery(
      `SELECT o.institution_id, o.region_code, m.metric, sum(m.value) AS value
         FROM orders o
         CROSS JOIN LATERAL (VALUES
           ('orders', 1::bigint),
           ('fees.collected', o.paid_fen),
           ('fees.held', CASE WHEN o.mode = 'prepaid' THEN o.paid_fen - o.released_fen - o.refunding_fen - o.refunded_fen ELSE 0 END),
           ('fees.released', CASE WHEN o.mode = 'prepaid' THEN o.released_fen ELSE o.paid_fen END),
           ('fees.refunding', o.refunding_fen),
           ('fees.refunded', o.refunded_fen),
           ('classes.consumed', o.classes_consumed::bigint)
         ) AS m(metric, value)
        WHERE o.status NOT IN ('awaiting_payment', 'cancelled') AND ${orders.sql}
        GROUP BY o.institution_id, o.region_code, m.metric
       HAVING sum(m.value) <> 0`,
      orders.bindings
    ),
    db.rawQuery(
      `SELECT o.institution_id, o.region_code, m.metric, sum(m.value) AS value
         FROM refunds r JOIN orders o ON o.id = r.order_id
         CROSS JOIN LATERAL (VALUES
           ('refunds', CASE WHEN r.status = 'refunded' THEN 1 ELSE 0 END),
           ('refunds.pending', CASE WHEN r.status IN ('requested', 'approved', 'refunding') THEN 1 ELSE 0 END)
         ) AS m(metric, value)
        WHERE ${orders.sql}
        GROUP BY o.institution_id, o.region_code, m.metric
       HAVING sum(m.value) <> 0`,
      orders.bindings
    ),
    db.rawQuery(
      `SELECT a.institution_id, a.region_code, 'balance.reported' AS metric, sum(a.reported_balance_fen) AS value
         FROM supervised_accounts a
        WHERE a.reported_balance_fen IS NOT NULL AND ${accounts.sql}
        GROUP BY a.institution_id, a.region_code
       HAVING sum(a.reported_balance_fen) <> 0`,
      accounts.bindings
    ),
    db.rawQuery(
      `SELECT f.institution_id, f.region_code, m.metric, sum(m.value) AS value
         FROM fund_anomalies f
         CROSS JOIN LATERAL (VALUES ('anomalies', 1), ('anomalies.open', CASE WHEN f.status = 'open' THEN 1 ELSE 0 END)) AS m(metric, value)
        WHERE ${anomalies.sql}
        GROUP BY f.institution_id, f.region_code, m.metric
       HAVING sum(m.value) <> 0`,
      anomalies.bindings
    ),
  ])
  return [orderRows, refundRows, accountRows, anomalyRows].flatMap((result) =>
    result.rows.map(toCounter)
  )
}

/**
 * Region codes whose money changed since a moment (orders, refunds,
 * reported balances, anomalies), so the statistics job also catches
 * changes that raise no event (a refund requested, an anomaly closed).
 */
export async function fundsRegionsChangedSince(since: Date): Promise<string[]> {
  const result = await db.rawQuery(
    `SELECT DISTINCT region_code FROM orders WHERE updated_at >= ?
     UNION
     SELECT DISTINCT o.region_code FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.updated_at >= ?
     UNION
     SELECT DISTINCT region_code FROM supervised_accounts WHERE reported_at >= ?
     UNION
     SELECT DISTINCT region_code FROM fund_anomalies WHERE detected_at >= ? OR closed_at >= ?`,
    [since, since, since, since, since]
  )
  return result.rows.map((r: any) => r.region_code as string)
}

/** What the statistics module sums from this module (its `Counter` contract, met by shape). */
export const fundsCounter = {
  module: 'funds',
  count: fundsInstitutionCounters,
  regionsChangedSince: fundsRegionsChangedSince,
} as const
