/*
| The risk indicators of Art. 17, as code: each is a small pure function
| from an institution's facts (published by the owning modules) to a value
| in its unit, with the records behind it as evidence. Which values warn,
| and at which level, is data: thresholds.ts and the `credit.risk.indicators`
| extension point.
*/
import type { CapacityFacts } from '#modules/catalog'
import type { ComplaintRiskFacts } from '#modules/complaints'
import type { FundsRiskFacts } from '#modules/funds'
import type { RegistryRiskFacts } from '#modules/registry'

/** Everything known about one institution, as the owning modules published it; null where a module has no record of it. */
export interface RiskFacts {
  registry: RegistryRiskFacts
  funds: FundsRiskFacts | null
  complaints: ComplaintRiskFacts | null
  capacity: CapacityFacts | null
}

/** The records behind a value, by kind, so a bureau (and the institution) can open them. */
export interface Evidence {
  orders?: number[]
  refunds?: number[]
  consumptions?: number[]
  anomalies?: number[]
  complaints?: number[]
  findings?: number[]
  staff?: number[]
  courses?: number[]
  /** The figures the value was computed from (fen, counts, a date). */
  figures?: Record<string, number | string | null>
}

export interface Measure {
  /** null: not measurable for this institution (no money held, no licence date…); never warns. */
  value: number | null
  evidence: Evidence
}

/**
 * `above`: the level applies when the value is at or above its threshold;
 * `below`: when the value is strictly below it (coverage falls below a
 * preset share; fewer days left than the threshold).
 */
export type Direction = 'above' | 'below'

export type Unit = 'percent' | 'per_100_orders' | 'count' | 'days'

export interface Indicator {
  key: IndicatorKey
  unit: Unit
  direction: Direction
  measure(facts: RiskFacts): Measure
}

export const INDICATOR_KEYS = [
  'fund_coverage',
  'prepaid_vs_capacity',
  'sales_spike',
  'refund_dispute_rate',
  'complaint_rate',
  'overdue_answers',
  'rectification_overdue',
  'licence_expiring',
  'banned_staff',
  'open_anomalies',
] as const

export type IndicatorKey = (typeof INDICATOR_KEYS)[number]

/**
 * Rates per 100 active orders count at least this many orders, so one
 * complaint against a school with three orders is not "33 per 100": small
 * institutions are judged on counts, large ones on rates.
 */
export const RATE_FLOOR_ORDERS = 20

/** A value rounded to two decimals, as stored and shown. */
const round = (n: number) => Math.round(n * 100) / 100
/** Percent of a part in a whole, capped so an institution with no capacity still compares (10,000 %). */
const percent = (part: number, whole: number) =>
  whole > 0 ? round(Math.min((part * 100) / whole, 10_000)) : part > 0 ? 10_000 : 0
const per100 = (count: number, orders: number) =>
  round((count * 100) / Math.max(orders, RATE_FLOOR_ORDERS))

/** The bank's reported balance of the supervised account ÷ the unconsumed fees it should hold (Zhejiang's yellow/red balance warning). */
export const fundCoverage: Indicator = {
  key: 'fund_coverage',
  unit: 'percent',
  direction: 'below',
  measure({ funds }) {
    if (!funds || funds.heldFen <= 0 || funds.reportedBalanceFen === null)
      return { value: null, evidence: {} }
    return {
      value: percent(funds.reportedBalanceFen, funds.heldFen),
      evidence: {
        figures: { balanceFen: funds.reportedBalanceFen, heldFen: funds.heldFen },
      },
    }
  },
}

/** Prepaid fees still held ÷ what the courses on sale can teach (seats × classes × price): money taken far beyond capacity. */
export const prepaidVsCapacity: Indicator = {
  key: 'prepaid_vs_capacity',
  unit: 'percent',
  direction: 'above',
  measure({ funds, capacity }) {
    const held = funds?.heldFen ?? 0
    if (held <= 0) return { value: null, evidence: {} }
    const capacityFen = capacity?.capacityFen ?? 0
    return {
      value: percent(held, capacityFen),
      evidence: {
        courses: capacity?.courseIds ?? [],
        figures: { heldFen: held, capacityFen },
      },
    }
  },
}

/** Sales of the last 7 days ÷ the weekly average of the 8 weeks before (a burst of sales before closing). */
export const salesSpike: Indicator = {
  key: 'sales_spike',
  unit: 'percent',
  direction: 'above',
  measure({ funds }) {
    if (!funds || funds.salesPrevious8WeeksFen <= 0) return { value: null, evidence: {} }
    return {
      value: percent(funds.salesLast7DaysFen * 8, funds.salesPrevious8WeeksFen),
      evidence: {
        orders: funds.recentOrderIds,
        figures: {
          last7DaysFen: funds.salesLast7DaysFen,
          weeklyAverageFen: Math.round(funds.salesPrevious8WeeksFen / 8),
        },
      },
    }
  },
}

/** Refund requests and disputed classes of the last 30 days per 100 active orders (refunds piling up). */
export const refundDisputeRate: Indicator = {
  key: 'refund_dispute_rate',
  unit: 'per_100_orders',
  direction: 'above',
  measure({ funds }) {
    if (!funds) return { value: 0, evidence: {} }
    const count = funds.refundRequests + funds.disputedClasses
    return {
      value: per100(count, funds.activeOrders),
      evidence: {
        refunds: funds.refundIds,
        consumptions: funds.consumptionIds,
        figures: {
          refunds: funds.refundRequests,
          disputes: funds.disputedClasses,
          activeOrders: funds.activeOrders,
        },
      },
    }
  },
}

/** Complaints of the last 90 days per 100 active orders (complaints surging). */
export const complaintRate: Indicator = {
  key: 'complaint_rate',
  unit: 'per_100_orders',
  direction: 'above',
  measure({ funds, complaints }) {
    const count = complaints?.complaints ?? 0
    const orders = funds?.activeOrders ?? 0
    return {
      value: per100(count, orders),
      evidence: {
        complaints: complaints?.complaintIds ?? [],
        figures: { complaints: count, activeOrders: orders },
      },
    }
  },
}

/** Complaints of the last 90 days whose answer the institution let pass its deadline. */
export const overdueAnswers: Indicator = {
  key: 'overdue_answers',
  unit: 'count',
  direction: 'above',
  measure: ({ complaints }) => ({
    value: complaints?.overdueAnswers ?? 0,
    evidence: { complaints: complaints?.overdueIds ?? [] },
  }),
}

/** Inspection findings not rectified by their deadline. */
export const rectificationOverdue: Indicator = {
  key: 'rectification_overdue',
  unit: 'count',
  direction: 'above',
  measure: ({ registry }) => ({
    value: registry.overdueFindings,
    evidence: { findings: registry.findingIds },
  }),
}

/** Days left on the school-running licence (negative once expired). */
export const licenceExpiring: Indicator = {
  key: 'licence_expiring',
  unit: 'days',
  direction: 'below',
  measure: ({ registry }) =>
    registry.licenceDaysLeft === null
      ? { value: null, evidence: {} }
      : {
          value: registry.licenceDaysLeft,
          evidence: { figures: { licenceValidTo: registry.licenceValidTo } },
        },
}

/** Hired staff who are on the prohibited list. */
export const bannedStaff: Indicator = {
  key: 'banned_staff',
  unit: 'count',
  direction: 'above',
  measure: ({ registry }) => ({
    value: registry.bannedStaff,
    evidence: { staff: registry.staffIds },
  }),
}

/** Fund anomalies the bank reports raised and no bureau has closed. */
export const openAnomalies: Indicator = {
  key: 'open_anomalies',
  unit: 'count',
  direction: 'above',
  measure: ({ funds }) => ({
    value: funds?.openAnomalies ?? 0,
    evidence: { anomalies: funds?.anomalyIds ?? [] },
  }),
}

export const INDICATORS: Readonly<Record<IndicatorKey, Indicator>> = Object.freeze({
  fund_coverage: fundCoverage,
  prepaid_vs_capacity: prepaidVsCapacity,
  sales_spike: salesSpike,
  refund_dispute_rate: refundDisputeRate,
  complaint_rate: complaintRate,
  overdue_answers: overdueAnswers,
  rectification_overdue: rectificationOverdue,
  licence_expiring: licenceExpiring,
  banned_staff: bannedStaff,
  open_anomalies: openAnomalies,
})
