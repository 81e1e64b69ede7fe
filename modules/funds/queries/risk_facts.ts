/*
| The facts the credit module's risk warnings read about institutions'
| money (Art. 17), for many institutions in four set-based statements:
| never one round trip per institution, so the nightly run over the whole
| country stays a handful of scans. Money is integer fen; pg returns bigint
| sums as strings, converted with a safe-integer check.
|
| Evidence lists are capped (the newest EVIDENCE_CAP ids) so a warning row
| stays small; the counts are exact.
*/
import db from '@adonisjs/lucid/services/db'

export const EVIDENCE_CAP = 20

export interface FundsRiskFacts {
  institutionId: number
  /** Prepaid fees still held for the students (paid − released − refunding − refunded). */
  heldFen: number
  /** The open supervised account's last balance reported by the bank; null when none was reported. */
  reportedBalanceFen: number | null
  /** Orders paid and not finished (paid, in progress, refunding). */
  activeOrders: number
  /** Fen paid for orders paid in the 7 days up to asOf. */
  salesLast7DaysFen: number
  /** Fen paid for orders paid in the 8 weeks before those 7 days. */
  salesPrevious8WeeksFen: number
  /** The newest orders paid in the last 7 days. */
  recentOrderIds: number[]
  /** Refunds asked for in the last 30 days (any outcome but withdrawn). */
  refundRequests: number
  refundIds: number[]
  /** Classes the parent disputed, recorded in the last 30 days. */
  disputedClasses: number
  consumptionIds: number[]
  /** Fund anomalies still open (a bureau has not closed them). */
  openAnomalies: number
  anomalyIds: number[]
}

function safe(value: unknown, what: string): number {
  const n = Number(value ?? 0)
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is not a safe integer: ${value}`)
  return n
}

const ids = (value: unknown): number[] => ((value as string[] | null) ?? []).map(Number)

function blank(institutionId: number): FundsRiskFacts {
  return {
    institutionId,
    heldFen: 0,
    reportedBalanceFen: null,
    activeOrders: 0,
    salesLast7DaysFen: 0,
    salesPrevious8WeeksFen: 0,
    recentOrderIds: [],
    refundRequests: 0,
    refundIds: [],
    disputedClasses: 0,
    consumptionIds: [],
    openAnomalies: 0,
    anomalyIds: [],
  }
}

/**
 * Risk facts of the institutions (every institution with funds records when
 * `institutionIds` is absent), as of a moment. An institution with no
 * record at all is absent from the map: its facts are all zero.
 */
export async function fundsRiskFacts(
  options: { institutionIds?: number[]; asOf?: Date } = {}
): Promise<Map<number, FundsRiskFacts>> {
  const facts = new Map<number, FundsRiskFacts>()
  if (options.institutionIds?.length === 0) return facts
  const asOf = options.asOf ?? new Date()
  const scope = options.institutionIds ? 'institution_id = ANY(?::bigint[])' : 'true'
  const scoped = options.institutionIds ? [options.institutionIds] : []
  const of = (id: unknown) => {
    const key = Number(id)
    let row = facts.get(key)
    if (!row) facts.set(key, (row = blank(key)))
    return row
  }
  const [orders, refunds, disputes, accounts, anomalies] = await Promise.all([
    db.rawQuery(
      `SELECT institution_id,
              sum(CASE WHEN mode = 'prepaid' THEN paid_fen - released_fen - refunding_fen - refunded_fen ELSE 0 END) AS held,
              count(*) FILTER (WHERE status IN ('paid', 'in_progress', 'refunding')) AS active,
              sum(paid_fen) FILTER (WHERE paid_at > ?::timestamptz - interval '7 days' AND paid_at <= ?) AS last7,
              sum(paid_fen) FILTER (WHERE paid_at > ?::timestamptz - interval '63 days' AND paid_at <= ?::timestamptz - interval '7 days') AS prev8,
              (array_agg(id ORDER BY paid_at DESC, id DESC) FILTER (WHERE paid_at > ?::timestamptz - interval '7 days' AND paid_at <= ?))[1:${EVIDENCE_CAP}] AS recent
         FROM orders
        WHERE status NOT IN ('awaiting_payment', 'cancelled') AND ${scope}
        GROUP BY institution_id`,
      [asOf, asOf, asOf, asOf, asOf, asOf, ...scoped]
    ),
    db.rawQuery(
      `SELECT institution_id, count(*) AS n, (array_agg(id ORDER BY id DESC))[1:${EVIDENCE_CAP}] AS ids
         FROM refunds
        WHERE status <> 'withdrawn' AND created_at > ?::timestamptz - interval '30 days' AND created_at <= ? AND ${scope}
        GROUP BY institution_id`,
      [asOf, asOf, ...scoped]
    ),
    db.rawQuery(
      `SELECT institution_id, count(*) AS n, (array_agg(id ORDER BY id DESC))[1:${EVIDENCE_CAP}] AS ids
         FROM consumptions
        WHERE status = 'disputed' AND created_at > ?::timestamptz - interval '30 days' AND created_at <= ? AND ${scope}
        GROUP BY institution_id`,
      [asOf, asOf, ...scoped]
    ),
    db.rawQuery(
      `SELECT institution_id, sum(reported_balance_fen) AS balance
         FROM supervised_accounts
        WHERE status = 'open' AND reported_balance_fen IS NOT NULL AND ${scope}
        GROUP BY institution_id`,
      scoped
    ),
    db.rawQuery(
      `SELECT institution_id, count(*) AS n, (array_agg(id ORDER BY id DESC))[1:${EVIDENCE_CAP}] AS ids
         FROM fund_anomalies
        WHERE status = 'open' AND ${scope}
        GROUP BY institution_id`,
      scoped
    ),
  ])
  for (const r of orders.rows) {
    const row = of(r.institution_id)
    row.heldFen = safe(r.held, 'held fees')
    row.activeOrders = safe(r.active, 'active orders')
    row.salesLast7DaysFen = safe(r.last7, 'sales')
    row.salesPrevious8WeeksFen = safe(r.prev8, 'sales')
    row.recentOrderIds = ids(r.recent)
  }
  for (const r of refunds.rows) {
    const row = of(r.institution_id)
    row.refundRequests = safe(r.n, 'refunds')
    row.refundIds = ids(r.ids)
  }
  for (const r of disputes.rows) {
    const row = of(r.institution_id)
    row.disputedClasses = safe(r.n, 'disputes')
    row.consumptionIds = ids(r.ids)
  }
  for (const r of accounts.rows)
    of(r.institution_id).reportedBalanceFen = safe(r.balance, 'balance')
  for (const r of anomalies.rows) {
    const row = of(r.institution_id)
    row.openAnomalies = safe(r.n, 'anomalies')
    row.anomalyIds = ids(r.ids)
  }
  return facts
}
