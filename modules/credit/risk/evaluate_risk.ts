/*
| Re-evaluates institutions' risk (Art. 17): facts → indicators → the
| open warnings, raised, moved to another level or lifted when back under
| the threshold. Idempotent (the same facts change nothing) and safe under
| concurrency: each batch runs under one transaction-scoped advisory lock
| and reads its facts after taking it, so two evaluations never interleave
| their reads and writes, and the partial unique index (one open warning
| per institution and indicator) backs it with ON CONFLICT. A run that
| dies midway lost nothing: every batch committed whole, and the next run
| recomputes from the facts. The batch is planned in memory and written
| set-based (write_warnings.ts): a few statements per batch, however many
| warnings move.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assess, thresholdCache } from './assess.js'
import { rebuildBoard } from './board_counts.js'
import { allEvaluatedInstitutions, gatherRiskFacts } from './gather_facts.js'
import { type OpenRow, RiskPlan, writeRiskPlan } from './write_warnings.js'
import type { RiskLevel } from './thresholds.js'

/** Key of the advisory lock every evaluation batch takes (one per deployment). */
export const RISK_LOCK = 1_700_017
const BATCH = 2000

export interface RiskRun {
  institutions: number
  raised: number
  changed: number
  lifted: number
}

export async function evaluateRisk(
  institutionIds?: number[],
  options: { asOf?: Date } = {}
): Promise<RiskRun> {
  const asOf = options.asOf ?? new Date()
  /* The nightly run also takes institutions that still have open warnings but are evaluated no more (removed). */
  const everyone = institutionIds
    ? institutionIds
    : [...(await allEvaluatedInstitutions(asOf)), ...(await institutionsWithOpenWarnings())]
  const ids = [...new Set(everyone)].sort((a, b) => a - b)
  const run: RiskRun = { institutions: 0, raised: 0, changed: 0, lifted: 0 }
  const thresholdsOf = thresholdCache()
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    await db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [RISK_LOCK])
      const facts = await gatherRiskFacts(batch, asOf)
      const [open, held] = [await openWarnings(trx, batch), await heldLifts(trx, batch)]
      const plan = new RiskPlan(asOf)
      for (const [key, row] of open)
        if (!facts.has(Number(key.split('|')[0]))) plan.liftRemoved(row)
      for (const [id, f] of facts) {
        const thresholds = await thresholdsOf(f)
        for (const a of assess(f, thresholds))
          plan.consider(
            f.registry,
            thresholds,
            a,
            open.get(`${id}|${a.indicator}`),
            held.get(`${id}|${a.indicator}`)
          )
      }
      const written = await writeRiskPlan(trx, plan)
      run.raised += written.raised
      run.changed += written.changed
      run.lifted += written.lifted
      run.institutions += facts.size
    })
  }
  /* The nightly run (everyone) also rebuilds the board's rollup from the warnings: no drift outlives a night. */
  if (!institutionIds)
    await db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [RISK_LOCK])
      await rebuildBoard(trx)
    })
  return run
}

async function openWarnings(trx: TransactionClientContract, ids: number[]) {
  const rows = await trx
    .from('risk_warnings')
    .whereIn('institution_id', ids)
    .whereNull('lifted_at')
    .select(
      'id',
      'institution_id',
      'indicator',
      'level',
      'value',
      'evidence',
      'region_code',
      'province_code',
      'city_code',
      'county_code'
    )
  return new Map<string, OpenRow>(
    rows.map((r) => [
      `${r.institution_id}|${r.indicator}`,
      {
        id: Number(r.id),
        institutionId: Number(r.institution_id),
        indicator: r.indicator,
        level: r.level,
        value: r.value,
        evidence: r.evidence,
        where: {
          regionCode: r.region_code,
          provinceCode: r.province_code,
          cityCode: r.city_code,
          countyCode: r.county_code,
        },
      },
    ])
  )
}

async function institutionsWithOpenWarnings(): Promise<number[]> {
  const rows = await db.from('risk_warnings').whereNull('lifted_at').distinct('institution_id')
  return rows.map((r) => Number(r.institution_id))
}

/** The newest bureau lift per institution and indicator that still holds. */
async function heldLifts(trx: TransactionClientContract, ids: number[]) {
  const rows = await trx
    .from('risk_warnings')
    .whereIn('institution_id', ids)
    .where('lift_holds', true)
    .select('id', 'institution_id', 'indicator', 'level')
  return new Map<string, { id: number; level: RiskLevel }>(
    rows.map((r) => [`${r.institution_id}|${r.indicator}`, { id: Number(r.id), level: r.level }])
  )
}
