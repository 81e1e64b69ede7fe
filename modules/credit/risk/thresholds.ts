/*
| Thresholds as data: for each indicator, the values at which it warns
| yellow, orange and red, and whether it is on; and the lifecycle's clocks.
| National defaults below, each with where it comes from; a province
| changes them by answering `credit.risk.indicators` in its plugin. An
| answer out of range (negative, not a number, levels out of order, an
| unknown indicator) is refused with a message naming the indicator, so a
| broken plugin fails its test kit and the evaluation, never warns wrongly.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import type { RegionCode } from '#kernel/shared/region_code'
import { type Direction, INDICATORS, INDICATOR_KEYS, type IndicatorKey } from './indicators.js'

export type RiskLevel = 'yellow' | 'orange' | 'red'
export const LEVELS: readonly RiskLevel[] = ['yellow', 'orange', 'red']
export const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { yellow: 1, orange: 2, red: 3 }

export interface IndicatorThreshold {
  /** Off: the indicator never warns in this province (open warnings of it are lifted). */
  on: boolean
  /** The value in the indicator's unit at which it warns yellow (see its direction). */
  yellow: number
  /** … orange. */
  orange: number
  /** … red. */
  red: number
}

export interface RiskThresholds {
  /** Per indicator (fund_coverage, prepaid_vs_capacity, sales_spike, refund_dispute_rate, complaint_rate, overdue_answers, rectification_overdue, licence_expiring, banned_staff, open_anomalies): its thresholds and whether it is on; every one must be given. */
  indicators: Record<IndicatorKey, IndicatorThreshold>
  /** Working days a warning may stay unlifted after the institution was reminded before its responsible bureau is urged (5). */
  urgeBureauAfterWorkingDays: number
  /** Working days after the bureau was urged before a warning still not lifted becomes a public risk notice (10). */
  publicNoticeAfterWorkingDays: number
  /** Indicators whose red warning stops the institution's new sales until it is lifted or falls below red (fund_coverage, prepaid_vs_capacity, open_anomalies); [] freezes nothing. */
  freezeSalesAtRed: IndicatorKey[]
}

export interface RiskThresholdInput {
  /** offline or online: an online institution answers to its province. */
  delivery: 'offline' | 'online'
  /**
   * Its size by active orders (paid, not finished): small under 100,
   * medium under 1,000, large from 1,000. Zhejiang scales its thresholds
   * by the institution's size.
   */
  size: InstitutionSize
}

export type InstitutionSize = 'small' | 'medium' | 'large'

export const sizeOf = (activeOrders: number): InstitutionSize =>
  activeOrders < 100 ? 'small' : activeOrders < 1000 ? 'medium' : 'large'

/*
| Sources of the national defaults:
| - fund_coverage: prepaid fees are fully supervised (Art. 7; the funds
|   module's `funds.escrow.policy` 100 %), so any shortfall warns; the
|   orange/red steps follow Zhejiang's yellow/red balance warnings.
| - prepaid_vs_capacity, sales_spike, refund_dispute_rate, complaint_rate:
|   the closure signals seen before institutions ran off (DOMAIN-RULES.md:
|   sales bursts, prepaid totals beyond teaching capacity, refunds piling
|   up, complaints surging); the multiples are the platform's, set so a
|   normal term start (2–3× a usual week) stays quiet.
| - overdue_answers, rectification_overdue: a missed deadline is a fact to
|   act on at once (Yunnan's criteria black-list a missed rectification).
| - licence_expiring: "licence expiring within 30 days" (issue 16).
| - banned_staff: hiring a banned person black-lists (Yunnan; 教监管厅函〔2023〕9号).
| - open_anomalies: the bank's anomaly needs a bureau to look (Art. 9).
| - freezeSalesAtRed: "red fund warnings can freeze new sales" (issue 16):
|   the three money indicators. Red coverage means the account holds
|   under half of what parents paid in advance; red capacity, fees for
|   twice what the institution can teach; three open bank anomalies. Each
|   more sale would widen the gap a closure leaves; the platform's choice,
|   a province may add or drop indicators.
*/
export const NATIONAL_RISK_THRESHOLDS: RiskThresholds = Object.freeze({
  indicators: Object.freeze({
    fund_coverage: { on: true, yellow: 100, orange: 80, red: 50 },
    prepaid_vs_capacity: { on: true, yellow: 100, orange: 150, red: 200 },
    sales_spike: { on: true, yellow: 300, orange: 500, red: 1000 },
    refund_dispute_rate: { on: true, yellow: 5, orange: 10, red: 20 },
    complaint_rate: { on: true, yellow: 5, orange: 10, red: 20 },
    overdue_answers: { on: true, yellow: 1, orange: 3, red: 5 },
    rectification_overdue: { on: true, yellow: 1, orange: 2, red: 3 },
    licence_expiring: { on: true, yellow: 31, orange: 8, red: 1 },
    banned_staff: { on: true, yellow: 1, orange: 1, red: 1 },
    open_anomalies: { on: true, yellow: 1, orange: 2, red: 3 },
  }),
  urgeBureauAfterWorkingDays: 5,
  publicNoticeAfterWorkingDays: 10,
  freezeSalesAtRed: Object.freeze(['fund_coverage', 'prepaid_vs_capacity', 'open_anomalies']),
}) as RiskThresholds

export class RiskThresholdError extends Error {
  constructor(region: string, problem: string) {
    super(`credit.risk.indicators answered out of range for region ${region}: ${problem}`)
    this.name = 'RiskThresholdError'
  }
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 365

/** Refuses an answer a province's rule may not give; returns it unchanged when sound. */
export function checkThresholds(region: string, answer: RiskThresholds): RiskThresholds {
  const fail = (problem: string) => {
    throw new RiskThresholdError(region, problem)
  }
  if (!answer || typeof answer !== 'object' || !answer.indicators) fail('no indicators')
  for (const key of Object.keys(answer.indicators))
    if (!(INDICATOR_KEYS as readonly string[]).includes(key)) fail(`unknown indicator "${key}"`)
  for (const key of INDICATOR_KEYS) {
    const t = answer.indicators[key]
    if (!t) fail(`${key} is missing`)
    if (typeof t.on !== 'boolean') fail(`${key}.on must be true or false`)
    for (const level of LEVELS) {
      const v = t[level]
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${key}.${level} is not a number`)
      if (v < 0) fail(`${key}.${level} is negative (${v})`)
    }
    const above = INDICATORS[key].direction === 'above'
    const ordered = above
      ? t.yellow <= t.orange && t.orange <= t.red
      : t.yellow >= t.orange && t.orange >= t.red
    if (!ordered)
      fail(
        `${key} levels out of order (yellow ${t.yellow}, orange ${t.orange}, red ${t.red}; ` +
          `${above ? 'each at or above' : 'each at or below'} the one before)`
      )
  }
  if (!isCount(answer.urgeBureauAfterWorkingDays))
    fail('urgeBureauAfterWorkingDays must be a whole number of working days, 0–365')
  if (!isCount(answer.publicNoticeAfterWorkingDays))
    fail('publicNoticeAfterWorkingDays must be a whole number of working days, 0–365')
  if (!Array.isArray(answer.freezeSalesAtRed))
    fail('freezeSalesAtRed must be a list of indicators ([] freezes nothing)')
  for (const key of answer.freezeSalesAtRed)
    if (!(INDICATOR_KEYS as readonly unknown[]).includes(key))
      fail(`freezeSalesAtRed names an unknown indicator "${String(key)}"`)
  return answer
}

/** The level a value reaches, or null when it does not warn (an indicator that is off never does). */
export function levelOf(
  value: number | null,
  direction: Direction,
  threshold: IndicatorThreshold
): RiskLevel | null {
  if (value === null || !threshold.on) return null
  const reaches = (t: number) => (direction === 'above' ? value >= t : value < t)
  for (const level of [...LEVELS].reverse()) if (reaches(threshold[level])) return level
  return null
}

export const riskIndicators = defineExtensionPoint({
  name: 'credit.risk.indicators',
  version: 1,
  kind: 'value',
  description:
    'Risk-warning thresholds (yellow, orange, red) per indicator and the lifecycle clocks',
  /* A mid-sized offline school (240 active orders). */
  example: (): RiskThresholdInput => ({ delivery: 'offline', size: 'medium' }),
  defaultRule: () => structuredClone(NATIONAL_RISK_THRESHOLDS),
})

/** The thresholds for an institution of a region, resolved through its province's plugins and checked. */
export async function riskThresholdsFor(
  region: RegionCode,
  input: RiskThresholdInput
): Promise<RiskThresholds> {
  return checkThresholds(region, await riskIndicators.resolve(region, input))
}
