import db from '@adonisjs/lucid/services/db'

/** Whether an institution's prepaid fees are all under supervision, as the after-school lists ask (Art. 21). */
export interface FundsAfterschoolFacts {
  /** A supervised account is open for it (opened with its first order; every payment is held there by construction). */
  supervisedAccount: boolean
  /** Red fund anomalies open now: money the bank saw leave or not arrive. */
  openRedAnomalyIds: number[]
}

export async function fundsAfterschoolFacts(
  institutionIds: number[]
): Promise<Map<number, FundsAfterschoolFacts>> {
  const ids = [...new Set(institutionIds)]
  const out = new Map<number, FundsAfterschoolFacts>(
    ids.map((id) => [id, { supervisedAccount: false, openRedAnomalyIds: [] }])
  )
  if (!ids.length) return out
  const [accounts, anomalies] = await Promise.all([
    db
      .from('supervised_accounts')
      .whereIn('institution_id', ids)
      .where('status', 'open')
      .select('institution_id'),
    db
      .from('fund_anomalies')
      .whereIn('institution_id', ids)
      .where({ status: 'open', severity: 'red' })
      .select('id', 'institution_id')
      .orderBy('id'),
  ])
  for (const a of accounts) out.get(Number(a.institution_id))!.supervisedAccount = true
  for (const a of anomalies) out.get(Number(a.institution_id))!.openRedAnomalyIds.push(Number(a.id))
  return out
}
