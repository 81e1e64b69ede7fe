/*
| The credit score's national defaults, modelled on Tianjin's 2022 rules
| (../shared/DOMAIN-RULES.md, "Credit"): 1,000 points; A 980–1000,
| B 950–979, C 900–949, D 800–899, E ≤ 799; "refunds made per contract:
| 100; charging per policy: 50; using the standard contract: 40;
| disclosure of licence, fees, escrow account and refund method: 40, minus
| 20 per missing item". Each indicator deducts `points` per occurrence up
| to its `cap`, so its cap is its weight in the 1,000.
*/
export const MAX_SCORE = 1000

export const INDICATOR_CATEGORIES = ['platform', 'service', 'compliance', 'penalty'] as const
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number]

/** Every indicator the score knows, with the part of the rules it belongs to. */
export const INDICATOR_CATEGORY = {
  filing_not_current: 'platform',
  no_courses_on_platform: 'platform',
  fund_anomaly_yellow: 'platform',
  fund_anomaly_red: 'platform',
  complaint: 'service',
  late_answer: 'service',
  low_rating: 'service',
  low_school_rating: 'service',
  refund_left_to_deadline: 'service',
  refund_ordered_by_bureau: 'service',
  finding_minor: 'compliance',
  finding_serious: 'compliance',
  rectification_overdue: 'compliance',
  material_failed: 'compliance',
  grey_list: 'compliance',
  black_list: 'compliance',
  blocked_hire: 'compliance',
  penalty_warning: 'penalty',
  penalty_fine: 'penalty',
  penalty_confiscation: 'penalty',
  penalty_suspension: 'penalty',
  penalty_revocation: 'penalty',
} as const satisfies Record<string, IndicatorCategory>
export type IndicatorKey = keyof typeof INDICATOR_CATEGORY
export const INDICATOR_KEYS = Object.keys(INDICATOR_CATEGORY) as IndicatorKey[]

export interface IndicatorWeight {
  /** Points one occurrence deducts (a whole number, 0–1000). */
  points: number
  /** The most this indicator deducts however often it occurs (points ≤ cap ≤ 1000). */
  cap: number
}

export interface ScoreIndicators {
  /** Facts of the last this many months count (1–60). */
  windowMonths: number
  /** A visible average below this many stars, over at least `lowRatingMinReviews` reviews, deducts. */
  lowRatingBelow: number
  lowRatingMinReviews: number
  /**
   * A school's term-end rating of an after-school provider whose average
   * (quality, safety, punctuality, 1–5 each) is below this deducts, once
   * per school and term, within the window.
   */
  schoolRatingBelow: number
  /** How many months a penalty decision weighs on the score, by kind (1–120). */
  penaltyMonths: Record<'warning' | 'fine' | 'confiscation' | 'suspension' | 'revocation', number>
  indicators: Record<IndicatorKey, IndicatorWeight>
}

export interface ScoreBand {
  grade: 'A' | 'B' | 'C' | 'D' | 'E'
  /** Inclusive bounds, whole points. */
  min: number
  max: number
}

/** What a plugin may look at when it sets the rules for an institution. */
export interface ScoreRulesInput {
  institutionId: number
  delivery: 'offline' | 'online'
}

const w = (points: number, cap: number): IndicatorWeight => ({ points, cap })

export const NATIONAL_SCORE_INDICATORS: ScoreIndicators = Object.freeze({
  windowMonths: 12,
  lowRatingBelow: 3,
  lowRatingMinReviews: 5,
  /*
  | Schools' term-end ratings (issue 17, item 6): the platform's choice, no
  | published rule prescribes one. An average below 3 of 5 — the middle of
  | the scale — from one school for one term is a poor service report:
  | 15 points each, at most 45 (three schools or terms), beside parents'
  | low rating (20) in the service part of the score.
  */
  schoolRatingBelow: 3,
  penaltyMonths: { warning: 12, fine: 24, confiscation: 24, suspension: 36, revocation: 36 },
  indicators: {
    /* Disclosure through a current filing: Tianjin's 40. */
    filing_not_current: w(40, 40),
    /* Standard contract and fees through the platform: Tianjin's 40. */
    no_courses_on_platform: w(40, 40),
    /* Charging per policy, the fees held in supervision: Tianjin's 50. */
    fund_anomaly_yellow: w(10, 20),
    fund_anomaly_red: w(30, 50),
    complaint: w(5, 50),
    late_answer: w(10, 50),
    low_rating: w(20, 20),
    low_school_rating: w(15, 45),
    /* Refunds made per contract: Tianjin's 100. */
    refund_left_to_deadline: w(20, 60),
    refund_ordered_by_bureau: w(40, 100),
    finding_minor: w(5, 30),
    finding_serious: w(20, 60),
    rectification_overdue: w(30, 90),
    material_failed: w(20, 40),
    grey_list: w(30, 30),
    black_list: w(200, 200),
    blocked_hire: w(30, 60),
    penalty_warning: w(30, 60),
    penalty_fine: w(80, 160),
    penalty_confiscation: w(100, 200),
    penalty_suspension: w(150, 300),
    penalty_revocation: w(300, 300),
  },
}) as ScoreIndicators

export const NATIONAL_SCORE_BANDS: readonly ScoreBand[] = Object.freeze([
  { grade: 'A', min: 980, max: 1000 },
  { grade: 'B', min: 950, max: 979 },
  { grade: 'C', min: 900, max: 949 },
  { grade: 'D', min: 800, max: 899 },
  { grade: 'E', min: 0, max: 799 },
])

/** A province's rules that cannot make a score: the message names what is wrong. */
export class ScoreRulesError extends Error {
  constructor(point: string, region: string, problem: string) {
    super(`${point} for region ${region}: ${problem}`)
    this.name = 'ScoreRulesError'
  }
}

const whole = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max

/** Refuses indicator weights a plugin got wrong; returns them when sound. */
export function checkIndicators(rules: ScoreIndicators, region: string): ScoreIndicators {
  const fail = (problem: string) => {
    throw new ScoreRulesError('credit.score.indicators', region, problem)
  }
  if (!whole(rules?.windowMonths, 1, 60)) fail(`windowMonths ${rules?.windowMonths} is not 1–60`)
  if (!(rules.lowRatingBelow > 1 && rules.lowRatingBelow <= 5))
    fail(`lowRatingBelow ${rules.lowRatingBelow} is not above 1 and at most 5`)
  if (!whole(rules.lowRatingMinReviews, 1, 1000))
    fail(`lowRatingMinReviews ${rules.lowRatingMinReviews} is not 1–1000`)
  if (!(rules.schoolRatingBelow > 1 && rules.schoolRatingBelow <= 5))
    fail(`schoolRatingBelow ${rules.schoolRatingBelow} is not above 1 and at most 5`)
  for (const [kind, months] of Object.entries(NATIONAL_SCORE_INDICATORS.penaltyMonths)) {
    const m = rules.penaltyMonths?.[kind as keyof ScoreIndicators['penaltyMonths']]
    if (!whole(m, 1, 120)) fail(`penaltyMonths.${kind} ${m} is not 1–120 (national ${months})`)
  }
  for (const key of INDICATOR_KEYS) {
    const weight = rules.indicators?.[key]
    if (!weight) fail(`indicator "${key}" is missing`)
    if (!whole(weight.points, 0, MAX_SCORE))
      fail(`indicator "${key}" points ${weight.points} are not a whole number 0–${MAX_SCORE}`)
    if (!whole(weight.cap, weight.points, MAX_SCORE))
      fail(`indicator "${key}" cap ${weight.cap} is not between its points and ${MAX_SCORE}`)
  }
  const unknown = Object.keys(rules.indicators).filter((k) => !(k in INDICATOR_CATEGORY))
  if (unknown.length) fail(`unknown indicators ${unknown.join(', ')}`)
  return rules
}

/** Refuses bands that overlap, leave a gap in 0–1000 or repeat a grade; returns them sorted high to low. */
export function checkBands(bands: ScoreBand[], region: string): ScoreBand[] {
  const fail = (problem: string) => {
    throw new ScoreRulesError('credit.score.bands', region, problem)
  }
  if (!Array.isArray(bands) || !bands.length) fail('no bands')
  const sorted = [...bands].sort((a, b) => b.max - a.max)
  const grades = new Set(sorted.map((b) => b.grade))
  if (grades.size !== sorted.length) fail('a grade appears twice')
  let expectedMax = MAX_SCORE
  for (const band of sorted) {
    if (!whole(band.min, 0, MAX_SCORE) || !whole(band.max, band.min, MAX_SCORE))
      fail(`band ${band.grade} ${band.min}–${band.max} is not whole points within 0–${MAX_SCORE}`)
    if (band.max > expectedMax)
      fail(`band ${band.grade} ${band.min}–${band.max} overlaps the band above it`)
    if (band.max < expectedMax)
      fail(`no band covers ${band.max + 1}–${expectedMax} (above band ${band.grade})`)
    expectedMax = band.min - 1
  }
  if (expectedMax !== -1) fail(`no band covers 0–${expectedMax}`)
  return sorted
}
