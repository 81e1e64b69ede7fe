/*
| The score as a pure function of the facts and the rules: 1,000 minus
| each indicator's deductions (capped), plus the plugins' adjustments,
| kept within 0–1000 and graded by the bands. Every indicator that moved
| the score is returned as a factor, which is what the public page reads.
*/
import type { CatalogCreditFacts } from '#modules/catalog'
import type { ComplaintsCreditFacts } from '#modules/complaints'
import type { FundsCreditFacts } from '#modules/funds'
import type { RegistryCreditFacts } from '#modules/registry'
import {
  INDICATOR_CATEGORY,
  type IndicatorKey,
  MAX_SCORE,
  type ScoreBand,
  type ScoreIndicators,
} from './national_rules.js'

export interface PenaltyFact {
  id: number
  kind: keyof ScoreIndicators['penaltyMonths']
  documentNumber: string
  decidedOn: string
}

export interface AdjustmentFact {
  id: number
  pluginId: string
  points: number
  reason: string | { 'zh-CN': string; 'en'?: string }
}

export interface InstitutionCreditFacts {
  registry: RegistryCreditFacts | undefined
  funds: FundsCreditFacts | undefined
  complaints: ComplaintsCreditFacts | undefined
  catalog: CatalogCreditFacts | undefined
  penalties: PenaltyFact[]
  adjustments: AdjustmentFact[]
  /** The average (1–5) of each school's term-end rating in the window (credit's own copy). */
  schoolRatings: number[]
}

export interface Factor {
  key: IndicatorKey | 'adjustment'
  category: string
  /** How many times it occurred (1 for a state such as the grey list). */
  count: number
  /** Points it moved the score by: negative for a deduction. */
  points: number
  /** Documents behind it: penalty numbers, or the plugin's reason. */
  refs?: string[]
  reason?: AdjustmentFact['reason']
}

export interface ScoreResult {
  score: number
  grade: ScoreBand['grade']
  factors: Factor[]
}

/** Occurrences of each indicator in the facts. */
function counts(
  facts: InstitutionCreditFacts,
  rules: ScoreIndicators,
  today: string
): Partial<Record<IndicatorKey, { n: number; refs?: string[] }>> {
  const { registry: r, funds: f, complaints: c, catalog: k } = facts
  const lowRating =
    !!c &&
    c.averageRating !== null &&
    c.reviews >= rules.lowRatingMinReviews &&
    c.averageRating < rules.lowRatingBelow
  const out: Partial<Record<IndicatorKey, { n: number; refs?: string[] }>> = {
    filing_not_current: { n: r && !r.filed ? 1 : 0 },
    no_courses_on_platform: { n: r?.filed && k && k.listedCourses === 0 ? 1 : 0 },
    fund_anomaly_yellow: { n: f?.openYellowAnomalies ?? 0 },
    fund_anomaly_red: { n: f?.openRedAnomalies ?? 0 },
    complaint: { n: c?.complaints ?? 0 },
    late_answer: { n: c?.lateAnswers ?? 0 },
    low_rating: { n: lowRating ? 1 : 0 },
    low_school_rating: {
      n: facts.schoolRatings.filter((average) => average < rules.schoolRatingBelow).length,
    },
    refund_left_to_deadline: { n: f?.refundsLeftToDeadline ?? 0 },
    refund_ordered_by_bureau: { n: f?.refundsOrderedByBureau ?? 0 },
    finding_minor: { n: r?.minorFindings ?? 0 },
    finding_serious: { n: r?.seriousFindings ?? 0 },
    rectification_overdue: { n: r?.overdueRectifications ?? 0 },
    material_failed: { n: k?.failedMaterials ?? 0 },
    grey_list: { n: r?.listStatus === 'grey' ? 1 : 0 },
    black_list: { n: r?.listStatus === 'black' ? 1 : 0 },
    blocked_hire: { n: r?.blockedHires ?? 0 },
  }
  for (const p of facts.penalties) {
    const until = addMonths(p.decidedOn, rules.penaltyMonths[p.kind])
    if (p.decidedOn > today || until <= today) continue
    const key = `penalty_${p.kind}` as IndicatorKey
    const entry = (out[key] ??= { n: 0, refs: [] })
    entry.n += 1
    entry.refs = [...(entry.refs ?? []), p.documentNumber]
  }
  return out
}

/** An ISO date plus whole months (the day clamped to the month's end). */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function gradeOf(score: number, bands: ScoreBand[]): ScoreBand['grade'] {
  const band = bands.find((b) => score >= b.min && score <= b.max)
  if (!band) throw new RangeError(`No band holds the score ${score}`)
  return band.grade
}

export function computeScore(
  facts: InstitutionCreditFacts,
  rules: ScoreIndicators,
  bands: ScoreBand[],
  today: string
): ScoreResult {
  const factors: Factor[] = []
  for (const [key, entry] of Object.entries(counts(facts, rules, today)) as [
    IndicatorKey,
    { n: number; refs?: string[] },
  ][]) {
    if (!entry.n) continue
    const weight = rules.indicators[key]
    const deducted = Math.min(weight.points * entry.n, weight.cap)
    if (!deducted) continue
    factors.push({
      key,
      category: INDICATOR_CATEGORY[key],
      count: entry.n,
      points: -deducted,
      ...(entry.refs ? { refs: entry.refs } : {}),
    })
  }
  for (const a of facts.adjustments)
    factors.push({
      key: 'adjustment',
      category: 'plugin',
      count: 1,
      points: a.points,
      refs: [a.pluginId],
      reason: a.reason,
    })
  const raw = MAX_SCORE + factors.reduce((sum, f) => sum + f.points, 0)
  const score = Math.max(0, Math.min(MAX_SCORE, raw))
  factors.sort((a, b) => a.points - b.points || a.key.localeCompare(b.key))
  return { score, grade: gradeOf(score, bands), factors }
}
