import db from '@adonisjs/lucid/services/db'

/** What the credit score reads of an institution's refunds and supervised funds. */
export interface FundsCreditFacts {
  /** Refunds the institution left unanswered until the deadline approved them, in the window. */
  refundsLeftToDeadline: number
  /** Refunds a bureau had to order, in the window. */
  refundsOrderedByBureau: number
  /** Fund anomalies open now, by colour (supervision coverage). */
  openYellowAnomalies: number
  openRedAnomalies: number
}

/** Credit facts for many institutions in two grouped queries. */
export async function fundsCreditFacts(
  institutionIds: number[],
  since: Date
): Promise<Map<number, FundsCreditFacts>> {
  const ids = [...new Set(institutionIds)]
  const out = new Map<number, FundsCreditFacts>()
  for (const id of ids)
    out.set(id, {
      refundsLeftToDeadline: 0,
      refundsOrderedByBureau: 0,
      openYellowAnomalies: 0,
      openRedAnomalies: 0,
    })
  if (!ids.length) return out
  const [refunds, anomalies] = await Promise.all([
    db
      .from('refunds')
      .whereIn('institution_id', ids)
      .whereIn('approved_by', ['deadline', 'bureau'])
      .where('created_at', '>=', since)
      .groupBy('institution_id', 'approved_by')
      .select('institution_id', 'approved_by')
      .count('* as n'),
    db
      .from('fund_anomalies')
      .whereIn('institution_id', ids)
      .where('status', 'open')
      .groupBy('institution_id', 'severity')
      .select('institution_id', 'severity')
      .count('* as n'),
  ])
  for (const r of refunds) {
    const f = out.get(Number(r.institution_id))!
    if (r.approved_by === 'deadline') f.refundsLeftToDeadline = Number(r.n)
    else f.refundsOrderedByBureau = Number(r.n)
  }
  for (const r of anomalies) {
    const f = out.get(Number(r.institution_id))!
    if (r.severity === 'red') f.openRedAnomalies = Number(r.n)
    else f.openYellowAnomalies = Number(r.n)
  }
  return out
}
