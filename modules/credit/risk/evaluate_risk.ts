/*
| Re-evaluates institutions' risk (Art. 17): facts → indicators → the
| open warnings, raised, moved to another level or lifted when back under
| the threshold. Idempotent (the same facts change nothing) and safe under
| concurrency: each batch runs under one transaction-scoped advisory lock
| and reads its facts after taking it, so two evaluations never interleave
| their reads and writes, and the partial unique index (one open warning
| per institution and indicator) backs it with ON CONFLICT. A run that
| dies midway lost nothing: every batch committed whole, and the next run
| recomputes from the facts.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { type Assessment, assess, thresholdCache } from './assess.js'
import { allEvaluatedInstitutions, gatherRiskFacts } from './gather_facts.js'
import type { RiskFacts } from './indicators.js'
import { remindInstitution } from './remind_institution.js'
import { LEVEL_RANK, type RiskLevel, type RiskThresholds } from './thresholds.js'

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
  const ids = [...new Set(institutionIds ?? (await allEvaluatedInstitutions(asOf)))].sort(
    (a, b) => a - b
  )
  const run: RiskRun = { institutions: 0, raised: 0, changed: 0, lifted: 0 }
  const thresholdsOf = thresholdCache()
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    await db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [RISK_LOCK])
      const facts = await gatherRiskFacts(batch, asOf)
      const open = await openWarnings(trx, batch)
      const held = await heldLifts(trx, batch)
      for (const [id, f] of facts) {
        const thresholds = await thresholdsOf(f)
        const context = { trx, facts: f, thresholds, asOf, run }
        for (const a of assess(f, thresholds))
          await reconcile(
            context,
            a,
            open.get(`${id}|${a.indicator}`),
            held.get(`${id}|${a.indicator}`)
          )
      }
      run.institutions += facts.size
    })
  }
  return run
}

interface OpenRow {
  id: number
  level: RiskLevel
  value: string
  evidence: unknown
}

async function openWarnings(trx: TransactionClientContract, ids: number[]) {
  const rows = await trx
    .from('risk_warnings')
    .whereIn('institution_id', ids)
    .whereNull('lifted_at')
    .select('id', 'institution_id', 'indicator', 'level', 'value', 'evidence')
  return new Map<string, OpenRow>(
    rows.map((r) => [`${r.institution_id}|${r.indicator}`, { ...r, id: Number(r.id) }])
  )
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

interface Context {
  trx: TransactionClientContract
  facts: RiskFacts
  thresholds: RiskThresholds
  asOf: Date
  run: RiskRun
}

async function reconcile(
  ctx: Context,
  a: Assessment,
  open: OpenRow | undefined,
  held: { id: number; level: RiskLevel } | undefined
) {
  const { trx } = ctx
  const now = DateTime.fromJSDate(ctx.asOf)
  if (held && (!a.level || LEVEL_RANK[a.level] > LEVEL_RANK[held.level]))
    await trx.from('risk_warnings').where('id', held.id).update({ lift_holds: false })
  if (!a.level) {
    if (!open) return
    const reason = a.off ? 'switched_off' : 'recovered'
    await trx
      .from('risk_warnings')
      .where('id', open.id)
      .whereNull('lifted_at')
      .update({ lifted_at: now.toJSDate(), lift_reason: reason, updated_at: now.toJSDate() })
    await change(trx, open.id, open.level, null, a, reason, now)
    ctx.run.lifted += 1
    return
  }
  if (open) {
    const sameValue = Number(open.value) === a.value
    if (open.level === a.level && sameValue) return
    await trx
      .from('risk_warnings')
      .where('id', open.id)
      .update({
        level: a.level,
        value: a.value,
        threshold: a.threshold,
        evidence: JSON.stringify(a.evidence),
        updated_at: now.toJSDate(),
        ...(open.level === a.level ? {} : { level_changed_at: now.toJSDate() }),
      })
    if (open.level === a.level) return
    await change(trx, open.id, open.level, a.level, a, 'evaluation', now)
    ctx.run.changed += 1
    if (LEVEL_RANK[a.level] > LEVEL_RANK[open.level])
      await remind(ctx, { id: open.id, indicator: a.indicator, level: a.level }, now)
    return
  }
  if (held && LEVEL_RANK[a.level] <= LEVEL_RANK[held.level]) return
  const today = now.setZone(ZONE).toISODate()!
  const urgeDue = addWorkingDays(today, ctx.thresholds.urgeBureauAfterWorkingDays)
  const registry = ctx.facts.registry
  const row = await insertOpen(trx, {
    institution_id: registry.institutionId,
    indicator: a.indicator,
    level: a.level,
    value: a.value,
    threshold: a.threshold,
    evidence: JSON.stringify(a.evidence),
    region_code: registry.regionCode,
    province_code: registry.provinceCode,
    city_code: registry.cityCode,
    county_code: registry.countyCode,
    raised_at: now.toJSDate(),
    level_changed_at: now.toJSDate(),
    urge_due_on: urgeDue,
    notice_due_on: addWorkingDays(urgeDue, ctx.thresholds.publicNoticeAfterWorkingDays),
    created_at: now.toJSDate(),
    updated_at: now.toJSDate(),
  })
  if (!row) return
  const id = Number(row.id)
  await change(trx, id, null, a.level, a, 'evaluation', now)
  ctx.run.raised += 1
  await remind(ctx, { id, indicator: a.indicator, level: a.level }, now)
}

async function remind(
  ctx: Context,
  warning: { id: number; indicator: string; level: RiskLevel },
  now: DateTime
) {
  await remindInstitution(ctx.trx, {
    ...warning,
    institutionId: ctx.facts.registry.institutionId,
  })
  await ctx.trx
    .from('risk_warnings')
    .where('id', warning.id)
    .update({ reminded_at: now.toJSDate() })
}

async function change(
  trx: TransactionClientContract,
  warningId: number,
  from: RiskLevel | null,
  to: RiskLevel | null,
  a: Assessment,
  cause: string,
  now: DateTime
) {
  await trx.insertQuery().table('risk_warning_changes').insert({
    warning_id: warningId,
    from_level: from,
    to_level: to,
    value: a.value,
    threshold: a.threshold,
    cause,
    created_at: now.toJSDate(),
  })
}

/** Inserts an open warning unless one is open for the institution and indicator (the partial unique index); the new row's id, or null. */
async function insertOpen(
  trx: TransactionClientContract,
  values: Record<string, unknown>
): Promise<{ id: string } | null> {
  const columns = Object.keys(values)
  const result = await trx.rawQuery(
    `INSERT INTO risk_warnings (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (institution_id, indicator) WHERE lifted_at IS NULL DO NOTHING RETURNING id`,
    columns.map((c) => values[c]) as any[]
  )
  return result.rows[0] ?? null
}
