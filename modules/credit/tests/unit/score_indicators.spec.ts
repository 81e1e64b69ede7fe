import { test } from '@japa/runner'
import {
  INDICATOR_KEYS,
  NATIONAL_SCORE_BANDS,
  NATIONAL_SCORE_INDICATORS,
  type IndicatorKey,
} from '../../score/national_rules.js'
import { type InstitutionCreditFacts, addMonths, computeScore } from '../../score/compute_score.js'

const TODAY = '2026-06-15'
const rules = NATIONAL_SCORE_INDICATORS
const bands = [...NATIONAL_SCORE_BANDS]

/** A clean record: filed, white-listed, courses on sale, nothing against it. */
function clean(): InstitutionCreditFacts {
  return {
    registry: {
      filed: true,
      listStatus: 'white',
      overdueRectifications: 0,
      minorFindings: 0,
      seriousFindings: 0,
      blockedHires: 0,
    },
    funds: {
      refundsLeftToDeadline: 0,
      refundsOrderedByBureau: 0,
      openYellowAnomalies: 0,
      openRedAnomalies: 0,
    },
    complaints: { complaints: 0, lateAnswers: 0, reviews: 10, averageRating: 4.6 },
    catalog: { listedCourses: 3, failedMaterials: 0 },
    penalties: [],
    adjustments: [],
    schoolRatings: [4.3, 3],
  }
}

const score = (f: InstitutionCreditFacts) => computeScore(f, rules, bands, TODAY)

/* One fact per indicator, moving exactly that indicator. */
const MOVES: Record<IndicatorKey, (f: InstitutionCreditFacts) => void> = {
  filing_not_current: (f) => (f.registry!.filed = false),
  no_courses_on_platform: (f) => (f.catalog!.listedCourses = 0),
  fund_anomaly_yellow: (f) => (f.funds!.openYellowAnomalies = 1),
  fund_anomaly_red: (f) => (f.funds!.openRedAnomalies = 1),
  complaint: (f) => (f.complaints!.complaints = 1),
  late_answer: (f) => (f.complaints!.lateAnswers = 1),
  low_rating: (f) => (f.complaints!.averageRating = 2.5),
  low_school_rating: (f) => f.schoolRatings.push(2.7),
  refund_left_to_deadline: (f) => (f.funds!.refundsLeftToDeadline = 1),
  refund_ordered_by_bureau: (f) => (f.funds!.refundsOrderedByBureau = 1),
  finding_minor: (f) => (f.registry!.minorFindings = 1),
  finding_serious: (f) => (f.registry!.seriousFindings = 1),
  rectification_overdue: (f) => (f.registry!.overdueRectifications = 1),
  material_failed: (f) => (f.catalog!.failedMaterials = 1),
  grey_list: (f) => (f.registry!.listStatus = 'grey'),
  black_list: (f) => (f.registry!.listStatus = 'black'),
  blocked_hire: (f) => (f.registry!.blockedHires = 1),
  penalty_warning: (f) =>
    f.penalties.push({ id: 1, kind: 'warning', documentNumber: '罚 1', decidedOn: '2026-06-01' }),
  penalty_fine: (f) =>
    f.penalties.push({ id: 2, kind: 'fine', documentNumber: '罚 2', decidedOn: '2026-06-01' }),
  penalty_confiscation: (f) =>
    f.penalties.push({
      id: 3,
      kind: 'confiscation',
      documentNumber: '罚 3',
      decidedOn: '2026-06-01',
    }),
  penalty_suspension: (f) =>
    f.penalties.push({
      id: 4,
      kind: 'suspension',
      documentNumber: '罚 4',
      decidedOn: '2026-06-01',
    }),
  penalty_revocation: (f) =>
    f.penalties.push({
      id: 5,
      kind: 'revocation',
      documentNumber: '罚 5',
      decidedOn: '2026-06-01',
    }),
}

test.group('Credit score indicators', () => {
  test('a clean record scores 1,000, grade A, with no factor', ({ assert }) => {
    assert.deepEqual(score(clean()), { score: 1000, grade: 'A', factors: [] })
  })

  for (const key of INDICATOR_KEYS) {
    test(`${key} moves the score by its points, and only it`, ({ assert }) => {
      const facts = clean()
      MOVES[key](facts)
      const result = score(facts)
      assert.equal(result.score, 1000 - rules.indicators[key].points)
      assert.deepEqual(
        result.factors.map((f) => [f.key, f.points]),
        [[key, -rules.indicators[key].points]]
      )
    })
  }

  test('an indicator deducts per occurrence up to its cap', ({ assert }) => {
    const facts = clean()
    facts.complaints!.complaints = 4
    assert.equal(score(facts).score, 980)
    facts.complaints!.complaints = 40
    assert.equal(score(facts).score, 1000 - rules.indicators.complaint.cap)
    assert.equal(score(facts).factors[0]!.count, 40)
  })

  test('a low rating needs enough reviews; below the threshold only', ({ assert }) => {
    const facts = clean()
    facts.complaints!.averageRating = 2.9
    facts.complaints!.reviews = 4
    assert.equal(score(facts).score, 1000)
    facts.complaints!.reviews = 5
    assert.equal(score(facts).score, 980)
    facts.complaints!.averageRating = 3
    assert.equal(score(facts).score, 1000)
  })

  test("a school's rating deducts below the threshold only, once per rating, up to the cap", ({
    assert,
  }) => {
    const facts = clean()
    facts.schoolRatings = [3, 5, 4]
    assert.equal(score(facts).score, 1000, 'an average of exactly 3 does not deduct')
    facts.schoolRatings = [2.9, 1, 3]
    const two = score(facts)
    assert.equal(two.score, 970)
    assert.deepEqual(two.factors, [
      { key: 'low_school_rating', category: 'service', count: 2, points: -30 },
    ])
    facts.schoolRatings = [1, 1, 1, 1, 2]
    assert.equal(score(facts).score, 1000 - rules.indicators.low_school_rating.cap)
  })

  test('a penalty weighs for its period only, and names its document', ({ assert }) => {
    const facts = clean()
    facts.penalties.push({
      id: 9,
      kind: 'warning',
      documentNumber: '朝教罚〔2025〕1 号',
      decidedOn: '2025-06-16',
    })
    const within = score(facts)
    assert.equal(within.score, 970)
    assert.deepEqual(within.factors[0]!.refs, ['朝教罚〔2025〕1 号'])
    facts.penalties[0]!.decidedOn = '2025-06-15'
    assert.equal(score(facts).score, 1000)
    facts.penalties[0]!.decidedOn = '2026-06-16'
    assert.equal(score(facts).score, 1000, 'a decision dated after today does not count yet')
  })

  test('plugin adjustments add or take points; the score stays within 0–1000 and is graded', ({
    assert,
  }) => {
    const facts = clean()
    facts.complaints!.complaints = 2
    facts.adjustments.push({ id: 1, pluginId: 'jilin', points: 30, reason: '表彰' })
    assert.equal(score(facts).score, 1000)
    facts.registry!.listStatus = 'black'
    facts.penalties.push({ id: 1, kind: 'revocation', documentNumber: '罚', decidedOn: TODAY })
    facts.adjustments.push({ id: 2, pluginId: 'jilin', points: -1000, reason: '严重失信' })
    const low = score(facts)
    assert.equal(low.score, 0)
    assert.equal(low.grade, 'E')
  })

  test('grades follow the bands: one serious finding and one fine give D', ({ assert }) => {
    const facts = clean()
    facts.registry!.seriousFindings = 1
    facts.penalties.push({ id: 1, kind: 'fine', documentNumber: '罚', decidedOn: TODAY })
    const result = score(facts)
    assert.equal(result.score, 900)
    assert.equal(result.grade, 'C')
    facts.complaints!.complaints = 1
    assert.equal(score(facts).grade, 'D')
  })

  test('addMonths clamps to the month’s end', ({ assert }) => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2025-06-15', 12), '2026-06-15')
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28')
  })
})
