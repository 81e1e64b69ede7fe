/*
| One evaluation batch, planned in memory and then written set-based:
| whatever moves among 2,000 institutions costs the same dozen statements
| (column arrays unnested server-side), where writing warning by warning
| cost six round trips each and made the national nightly run wait on
| the network. The plan also says which red warnings stop new sales
| (thresholds' `freezeSalesAtRed`) and which let them go on.
*/
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { accountsActingForMany } from '#modules/identity'
import { queueTexts } from '#modules/messages'
import type { RegistryRiskFacts } from '#modules/registry'
import type { Assessment } from './assess.js'
import type { IndicatorKey } from './indicators.js'
import { addToBoard } from './board_counts.js'
import { type SalesFreezeOf, freezeSalesOf, releaseSalesOf } from './sales_freeze.js'
import { LEVEL_RANK, type RiskLevel, type RiskThresholds } from './thresholds.js'

type Warns = Assessment & { level: RiskLevel }

/** Where a warning is counted on the board: its stored lineage, whatever the institution's is today. */
export interface Lineage {
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
}

/** An open warning as the evaluation read it. */
export interface OpenRow {
  id: number
  institutionId: number
  indicator: string
  level: RiskLevel
  value: string
  evidence: unknown
  where: Lineage
}

interface Known {
  id: number
  institutionId: number
  from: RiskLevel
  where: Lineage
}

interface Raise {
  registry: RegistryRiskFacts
  a: Warns
  urgeDue: string
  noticeDue: string
  freezes: boolean
}

/** Values are kept to two decimals: comparing unrounded would rewrite every warning every night. */
const stored = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

export class RiskPlan {
  readonly releaseHolds: number[] = []
  readonly lifts: (Known & {
    a: Pick<Assessment, 'indicator' | 'value' | 'threshold'>
    reason: 'recovered' | 'switched_off' | 'removed'
  })[] = []
  /** Red before and after: whether it freezes follows the province's list as it is today. */
  readonly stillRed: (Known & { indicator: string; freezes: boolean })[] = []
  /** Same level, a new value: the row is refreshed, no history. */
  readonly refreshes: (Known & { a: Warns })[] = []
  readonly moves: (Known & { a: Warns; freezes: boolean })[] = []
  readonly raises: Raise[] = []

  constructor(readonly asOf: Date) {}

  /** An institution evaluated no more (removed): its open warnings are lifted. */
  liftRemoved(open: OpenRow) {
    this.lifts.push({
      id: open.id,
      institutionId: open.institutionId,
      from: open.level,
      where: open.where,
      a: { indicator: open.indicator as IndicatorKey, value: Number(open.value), threshold: null },
      reason: 'removed',
    })
  }

  consider(
    registry: RegistryRiskFacts,
    thresholds: RiskThresholds,
    a: Assessment,
    open: OpenRow | undefined,
    held: { id: number; level: RiskLevel } | undefined
  ) {
    if (held && (!a.level || LEVEL_RANK[a.level] > LEVEL_RANK[held.level]))
      this.releaseHolds.push(held.id)
    const known = open && {
      id: open.id,
      institutionId: registry.institutionId,
      from: open.level,
      where: open.where,
    }
    if (!a.level) {
      if (known) this.lifts.push({ ...known, a, reason: a.off ? 'switched_off' : 'recovered' })
      return
    }
    const warns: Warns = { ...a, level: a.level }
    const freezes = thresholds.freezeSalesAtRed.includes(a.indicator)
    if (known) {
      if (known.from !== a.level) this.moves.push({ ...known, a: warns, freezes })
      else if (Number(open!.value) !== stored(a.value)) this.refreshes.push({ ...known, a: warns })
      if (known.from === 'red' && a.level === 'red')
        this.stillRed.push({ ...known, indicator: a.indicator, freezes })
      return
    }
    if (held && LEVEL_RANK[a.level] <= LEVEL_RANK[held.level]) return
    const today = DateTime.fromJSDate(this.asOf).setZone(ZONE).toISODate()!
    const urgeDue = addWorkingDays(today, thresholds.urgeBureauAfterWorkingDays)
    this.raises.push({
      registry,
      a: warns,
      urgeDue,
      noticeDue: addWorkingDays(urgeDue, thresholds.publicNoticeAfterWorkingDays),
      freezes,
    })
  }
}

export interface WrittenPlan {
  raised: number
  changed: number
  lifted: number
}

export async function writeRiskPlan(
  trx: TransactionClientContract,
  plan: RiskPlan
): Promise<WrittenPlan> {
  const now = plan.asOf
  if (plan.releaseHolds.length)
    await trx.rawQuery(`UPDATE risk_warnings SET lift_holds = false WHERE id = ANY(?::bigint[])`, [
      plan.releaseHolds,
    ] as any[])
  const lifted = await writeLifts(trx, plan.lifts, now)
  const risen = plan.moves.filter((m) => LEVEL_RANK[m.a.level] > LEVEL_RANK[m.from])
  const moved = await writeUpdates(trx, plan, new Set(risen.map((m) => m.id)), now)
  const moves = plan.moves.filter((m) => moved.has(m.id))
  const raised = await writeRaises(trx, plan.raises, now)
  const at = (r: Lineage, level: string, indicator: string, n: number) => ({
    regionCode: r.regionCode,
    provinceCode: r.provinceCode,
    cityCode: r.cityCode,
    countyCode: r.countyCode,
    level,
    indicator,
    n,
  })
  await addToBoard(trx, [
    ...lifted.map((l) => at(l.where, l.from, l.a.indicator, -1)),
    ...moves.flatMap((m) => [
      at(m.where, m.from, m.a.indicator, -1),
      at(m.where, m.a.level, m.a.indicator, 1),
    ]),
    ...raised.map((r) => at(r.registry, r.a.level, r.a.indicator, 1)),
  ])

  await writeChanges(trx, now, [
    ...lifted.map((l) => change(l.id, l.from, null, l.a, l.reason)),
    ...moves.map((m) => change(m.id, m.from, m.a.level, m.a, 'evaluation')),
    ...raised.map((r) => change(r.id, null, r.a.level, r.a, 'evaluation')),
  ])
  await remindInstitutions(
    trx,
    [
      ...raised.map((r) => ({ id: r.id, institutionId: r.registry.institutionId, a: r.a })),
      ...risen.filter((m) => moved.has(m.id)),
    ],
    now
  )

  const liftedIds = new Set(lifted.map((l) => l.id))
  const freezing: SalesFreezeOf[] = [
    ...raised
      .filter((r) => r.freezes && r.a.level === 'red')
      .map((r) => ({
        warningId: r.id,
        institutionId: r.registry.institutionId,
        indicator: r.a.indicator,
      })),
    ...moves
      .filter((m) => m.freezes && m.a.level === 'red')
      .map((m) => ({ warningId: m.id, institutionId: m.institutionId, indicator: m.a.indicator })),
    ...plan.stillRed
      .filter((w) => w.freezes && !liftedIds.has(w.id))
      .map((w) => ({
        warningId: w.id,
        institutionId: w.institutionId,
        indicator: w.indicator as IndicatorKey,
      })),
  ]
  /* Idempotent: a red warning already frozen meets its open freeze; one the province newly lists freezes now. */
  await freezeSalesOf(trx, freezing, now)
  /* Lifted, down from red, or red of an indicator the province no longer lists: its freeze (if any) goes. */
  await releaseSalesOf(
    trx,
    [
      ...lifted,
      ...moves.filter((m) => m.from === 'red' && m.a.level !== 'red'),
      ...plan.stillRed.filter((w) => !w.freezes),
    ].map((w) => w.id),
    now
  )
  return { raised: raised.length, changed: moves.length, lifted: lifted.length }
}

async function writeLifts(
  trx: TransactionClientContract,
  lifts: RiskPlan['lifts'],
  now: Date
): Promise<RiskPlan['lifts']> {
  if (!lifts.length) return []
  const result = await trx.rawQuery(
    `UPDATE risk_warnings w SET lifted_at = ?, lift_reason = d.reason, updated_at = ?
       FROM unnest(?::bigint[], ?::text[]) AS d(id, reason)
      WHERE w.id = d.id AND w.lifted_at IS NULL
      RETURNING w.id`,
    [now, now, lifts.map((l) => l.id), lifts.map((l) => l.reason)] as any[]
  )
  const done = new Set(result.rows.map((r: { id: string }) => Number(r.id)))
  return lifts.filter((l) => done.has(l.id))
}

async function writeUpdates(
  trx: TransactionClientContract,
  plan: RiskPlan,
  risen: Set<number>,
  now: Date
) {
  const rows = [...plan.moves, ...plan.refreshes]
  if (!rows.length) return new Set<number>()
  const moved = new Set(plan.moves.map((m) => m.id))
  /* A warning a bureau lifted since this batch read it stays lifted: only open rows move. */
  const result = await trx.rawQuery(
    `UPDATE risk_warnings w
        SET level = d.level, value = d.value, threshold = d.threshold, evidence = d.evidence::jsonb,
            updated_at = ?,
            level_changed_at = CASE WHEN d.moved THEN ? ELSE w.level_changed_at END,
            reminded_at = CASE WHEN d.risen THEN ? ELSE w.reminded_at END
       FROM unnest(?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::text[], ?::boolean[], ?::boolean[])
            AS d(id, level, value, threshold, evidence, moved, risen)
      WHERE w.id = d.id AND w.lifted_at IS NULL
      RETURNING w.id`,
    [
      now,
      now,
      now,
      rows.map((r) => r.id),
      rows.map((r) => r.a.level),
      rows.map((r) => r.a.value),
      rows.map((r) => r.a.threshold),
      rows.map((r) => JSON.stringify(r.a.evidence)),
      rows.map((r) => moved.has(r.id)),
      rows.map((r) => risen.has(r.id)),
    ] as any[]
  )
  return new Set<number>(result.rows.map((r: { id: string }) => Number(r.id)))
}

/** Inserts the new open warnings, reminded in this same transaction; a concurrent one already open wins (the partial unique index). */
async function writeRaises(
  trx: TransactionClientContract,
  raises: Raise[],
  now: Date
): Promise<(Raise & { id: number })[]> {
  if (!raises.length) return []
  const result = await trx.rawQuery(
    `INSERT INTO risk_warnings (institution_id, indicator, level, value, threshold, evidence,
            region_code, province_code, city_code, county_code, raised_at, level_changed_at,
            reminded_at, urge_due_on, notice_due_on, created_at, updated_at)
     SELECT d.institution_id, d.indicator, d.level, d.value, d.threshold, d.evidence::jsonb,
            d.region_code, d.province_code, d.city_code, d.county_code, ?, ?, ?,
            d.urge_due_on, d.notice_due_on, ?, ?
       FROM unnest(?::bigint[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[],
                   ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[])
            AS d(institution_id, indicator, level, value, threshold, evidence,
                 region_code, province_code, city_code, county_code, urge_due_on, notice_due_on)
     ON CONFLICT (institution_id, indicator) WHERE lifted_at IS NULL DO NOTHING
     RETURNING id, institution_id, indicator`,
    [
      now,
      now,
      now,
      now,
      now,
      raises.map((r) => r.registry.institutionId),
      raises.map((r) => r.a.indicator),
      raises.map((r) => r.a.level),
      raises.map((r) => r.a.value),
      raises.map((r) => r.a.threshold),
      raises.map((r) => JSON.stringify(r.a.evidence)),
      raises.map((r) => r.registry.regionCode),
      raises.map((r) => r.registry.provinceCode),
      raises.map((r) => r.registry.cityCode),
      raises.map((r) => r.registry.countyCode),
      raises.map((r) => r.urgeDue),
      raises.map((r) => r.noticeDue),
    ] as any[]
  )
  const idOf = new Map<string, number>(
    result.rows.map((r: { id: string; institution_id: string; indicator: string }) => [
      `${r.institution_id}|${r.indicator}`,
      Number(r.id),
    ])
  )
  return raises.flatMap((r) => {
    const id = idOf.get(`${r.registry.institutionId}|${r.a.indicator}`)
    return id === undefined ? [] : [{ ...r, id }]
  })
}

const change = (
  warningId: number,
  from: RiskLevel | null,
  to: RiskLevel | null,
  a: Pick<Assessment, 'value' | 'threshold'>,
  cause: string
) => ({
  warning_id: warningId,
  from_level: from,
  to_level: to,
  value: a.value,
  threshold: a.threshold,
  cause,
})

async function writeChanges(
  trx: TransactionClientContract,
  now: Date,
  changes: ReturnType<typeof change>[]
) {
  if (!changes.length) return
  await trx
    .insertQuery()
    .table('risk_warning_changes')
    .multiInsert(changes.map((c) => ({ ...c, created_at: now })))
}

/**
 * Tells each institution's accounts of a warning raised or risen to a
 * level, in the warning's transaction: inbox and (unless turned off) a
 * text, once per warning and level (the message key).
 */
async function remindInstitutions(
  trx: TransactionClientContract,
  warnings: { id: number; institutionId: number; a: Warns }[],
  at: Date
) {
  if (!warnings.length) return
  const zh = i18nManager.locale('zh-CN')
  const accounts = await accountsActingForMany(
    'institution',
    warnings.map((w) => w.institutionId),
    trx
  )
  await queueTexts(
    warnings.flatMap((w) =>
      (accounts.get(w.institutionId) ?? []).map((userId) => ({
        kind: 'risk_warning' as const,
        to: { userId },
        params: {
          level: zh.t(`credit_risk.levels.${w.a.level}`),
          what: zh.t(`credit_risk.indicators.${w.a.indicator}`),
        },
        /* Once per warning and move: red again after orange is news again (and may freeze again). */
        key: `risk_warning:${w.id}:${w.a.level}:${at.getTime()}`,
        link: `/institution/risk/${w.id}`,
      }))
    ),
    trx
  )
}
