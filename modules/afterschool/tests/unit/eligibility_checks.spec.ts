import { test } from '@japa/runner'
import {
  type EligibilityFacts,
  type OfferFacts,
  compare,
  passesAll,
} from '../../eligibility/checks.js'
import {
  CHECK_KEYS,
  type CheckKey,
  EligibilityCriteriaError,
  NATIONAL_ELIGIBILITY,
  checkCriteria,
} from '../../eligibility/criteria.js'
import { rankByCredit } from '../../eligibility/ranking.js'
import { schoolYearOn } from '../../calls/actions/recheck_listed.js'

/* An institution that meets every national criterion for one arts project. */
function compliant(): { facts: EligibilityFacts; offers: OfferFacts[] } {
  return {
    facts: {
      registry: {
        institutionId: 7,
        name: '朝阳区青禾美术培训学校',
        regionCode: '220104',
        countyCode: '220104',
        filed: true,
        removed: false,
        listStatus: 'white',
        categories: ['arts', 'sports'],
        licenceValidTo: '2029-06-30',
        licenceValid: true,
        supervisedAccountFiled: true,
        seriousFindingIds: [],
        unrectifiedFindingIds: [],
        teachers: [
          { id: 31, name: '王老师', admitted: true, certified: true, subjects: [] },
          { id: 32, name: '赵老师', admitted: true, certified: false, subjects: [] },
        ],
      },
      funds: { supervisedAccount: true, openRedAnomalyIds: [] },
      credit: { score: 962, grade: 'B', platformPoints: -10 },
    },
    offers: [{ name: '少儿国画', category: 'arts', teacherIds: [31] }],
  }
}

/* Each criterion broken alone: only its check fails, with the record behind it. */
const breakers: Record<CheckKey, (w: ReturnType<typeof compliant>) => void> = {
  non_academic: (w) => {
    /* Licensed for academic teaching too, so only the after-school rule refuses it. */
    w.facts.registry.categories.push('academic')
    w.offers[0]!.category = 'academic'
  },
  filed_white: (w) => (w.facts.registry.filed = false),
  funds_supervised: (w) => (w.facts.funds.openRedAnomalyIds = [501]),
  licence_valid: (w) => {
    w.facts.registry.licenceValid = false
    w.facts.registry.licenceValidTo = '2026-01-31'
  },
  clean_inspections: (w) => (w.facts.registry.unrectifiedFindingIds = [88]),
  not_grey_black: (w) => (w.facts.registry.listStatus = 'grey'),
  teachers_admitted: (w) => (w.facts.registry.teachers[1]!.admitted = false),
  teachers_certified: (w) => (w.offers[0]!.teacherIds = [31, 32]),
  within_licence: (w) => (w.offers[0]!.category = 'science_tech'),
  credit_grade: (w) => (w.facts.credit = { score: 880, grade: 'D', platformPoints: -40 }),
}

test.group('After-school eligibility: the comparison', () => {
  test('a compliant institution passes every national check', ({ assert }) => {
    const w = compliant()
    const results = compare(w.facts, w.offers, NATIONAL_ELIGIBILITY)
    assert.deepEqual(
      results.map((r) => r.key),
      [...CHECK_KEYS]
    )
    assert.isTrue(passesAll(results))
  })

  for (const key of CHECK_KEYS)
    test(`failing only "${key}" fails only that check`, ({ assert }) => {
      const w = compliant()
      breakers[key](w)
      const results = compare(w.facts, w.offers, NATIONAL_ELIGIBILITY)
      const failed = results.filter((r) => !r.pass).map((r) => r.key)
      /* Grey is also not white: the filing check fails with it, as it should. */
      assert.deepEqual(failed, key === 'not_grey_black' ? ['filed_white', key] : [key])
      assert.isFalse(passesAll(results))
    })

  test('the records behind a failure are named', ({ assert }) => {
    const w = compliant()
    w.facts.registry.seriousFindingIds = [12]
    w.facts.registry.unrectifiedFindingIds = [12, 40]
    w.offers[0]!.teacherIds = [31, 32, 99]
    const byKey = new Map(compare(w.facts, w.offers, NATIONAL_ELIGIBILITY).map((r) => [r.key, r]))
    assert.deepEqual(byKey.get('clean_inspections')!.evidence, { findings: [12, 40] })
    assert.deepEqual(byKey.get('teachers_certified')!.evidence, { teachers: [32, 99] })
  })

  test('a province turning a check off, or raising the floor, changes only that', ({ assert }) => {
    const w = compliant()
    breakers.credit_grade(w)
    const relaxed = { ...NATIONAL_ELIGIBILITY, minCreditGrade: 'D' as const }
    assert.isTrue(passesAll(compare(w.facts, w.offers, relaxed)))
    const strict = { ...NATIONAL_ELIGIBILITY, minCreditGrade: 'A' as const }
    assert.isFalse(passesAll(compare(compliant().facts, compliant().offers, strict)))
    const noCredit = {
      ...NATIONAL_ELIGIBILITY,
      checks: { ...NATIONAL_ELIGIBILITY.checks, credit_grade: false },
    }
    const results = compare(w.facts, w.offers, noCredit)
    assert.notInclude(
      results.map((r) => r.key),
      'credit_grade'
    )
    assert.isTrue(passesAll(results))
  })

  test('criteria out of range are refused naming the problem', ({ assert }) => {
    const bad = (change: (c: any) => void) => {
      const c: any = structuredClone(NATIONAL_ELIGIBILITY)
      change(c)
      return () => checkCriteria('440106', c)
    }
    assert.throws(
      bad((c) => (c.minCreditGrade = 'F')),
      EligibilityCriteriaError
    )
    assert.throws(
      bad((c) => (c.lookbackYears = -1)),
      /lookbackYears/
    )
    assert.throws(
      bad((c) => (c.checks.weather = true)),
      /unknown check "weather"/
    )
    assert.throws(
      bad((c) => delete c.checks.licence_valid),
      /checks\.licence_valid/
    )
  })
})

test.group('After-school eligibility: ranking (Art. 21)', () => {
  test('grade first, then platform application, then score; the factors kept', ({ assert }) => {
    const entries = [1, 2, 3, 4].map((id) => ({ id, institutionId: 100 + id }))
    const grades = new Map([
      [101, { score: 955, grade: 'B' as const, platformPoints: -20 }],
      [102, { score: 990, grade: 'A' as const, platformPoints: -10 }],
      [103, { score: 951, grade: 'B' as const, platformPoints: 0 }],
    ])
    const ranked = rankByCredit(entries, grades)
    assert.deepEqual(
      ranked.map((r) => r.entry.institutionId),
      [102, 103, 101, 104]
    )
    assert.deepEqual(ranked[0]!.factors, { grade: 'A', score: 990, platformPoints: -10 })
    assert.deepEqual(ranked[3]!.factors, { grade: null, score: null, platformPoints: null })
    assert.deepEqual(
      ranked.map((r) => r.rank),
      [1, 2, 3, 4]
    )
  })
})

test.group('After-school lists: the school year', () => {
  test('a school year starts on 1 September (past lists are not re-checked)', ({ assert }) => {
    assert.equal(schoolYearOn('2026-12-05'), 2026)
    assert.equal(schoolYearOn('2027-08-31'), 2026)
    assert.equal(schoolYearOn('2027-09-01'), 2027)
  })
})
