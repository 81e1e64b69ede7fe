import { test } from '@japa/runner'
import { definePlugin } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import {
  NATIONAL_SCORE_BANDS,
  NATIONAL_SCORE_INDICATORS,
  type ScoreBand,
  checkBands,
  checkIndicators,
} from '../../score/national_rules.js'
import { gradeOf } from '../../score/compute_score.js'

/* A province that grades more strictly (A from 990) and weighs complaints double. */
const strict = definePlugin({
  id: 'credit_strict_example',
  name: { 'zh-CN': '示例省', 'en': 'Example province' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['440000'],
  rules: {
    'credit.score.bands': () => [
      { grade: 'A', min: 990, max: 1000 },
      { grade: 'B', min: 960, max: 989 },
      { grade: 'C', min: 900, max: 959 },
      { grade: 'D', min: 800, max: 899 },
      { grade: 'E', min: 0, max: 799 },
    ],
    'credit.score.indicators': async (_input, { next }) => {
      const national = await next()
      return {
        ...national,
        indicators: { ...national.indicators, complaint: { points: 10, cap: 100 } },
      }
    },
  },
})

const input = { institutionId: 1, delivery: 'offline' as const }

test.group('Credit score rules (extension points)', () => {
  test('national bands are Tianjin’s: A 980–1000 … E 0–799, with no gap', ({ assert }) => {
    const bands = checkBands([...NATIONAL_SCORE_BANDS], '000000')
    assert.equal(gradeOf(1000, bands), 'A')
    assert.equal(gradeOf(980, bands), 'A')
    assert.equal(gradeOf(979, bands), 'B')
    assert.equal(gradeOf(950, bands), 'B')
    assert.equal(gradeOf(949, bands), 'C')
    assert.equal(gradeOf(900, bands), 'C')
    assert.equal(gradeOf(899, bands), 'D')
    assert.equal(gradeOf(800, bands), 'D')
    assert.equal(gradeOf(799, bands), 'E')
    assert.equal(gradeOf(0, bands), 'E')
    assert.doesNotThrow(() => checkIndicators(structuredClone(NATIONAL_SCORE_INDICATORS), '000000'))
  })

  test('a plugin’s bands and weights apply only in its province', async ({ assert }) => {
    const host = testHostFor(strict)
    const inside = checkBands(await host.resolve('credit.score.bands', '440106', input), '440106')
    const outside = checkBands(await host.resolve('credit.score.bands', '220104', input), '220104')
    assert.equal(gradeOf(985, inside), 'B')
    assert.equal(gradeOf(985, outside), 'A')
    const weights = await host.resolve('credit.score.indicators', '440106', input)
    assert.deepEqual(weights.indicators.complaint, { points: 10, cap: 100 })
    const national = await host.resolve('credit.score.indicators', '220104', input)
    assert.deepEqual(national.indicators.complaint, { points: 5, cap: 50 })
  })

  test('overlapping or gapped bands fail with a message naming them', async ({ assert }) => {
    const overlapping = definePlugin({
      ...strict,
      id: 'credit_overlap_example',
      rules: {
        'credit.score.bands': () => [
          { grade: 'A', min: 950, max: 1000 },
          { grade: 'B', min: 900, max: 960 },
          { grade: 'E', min: 0, max: 899 },
        ],
      },
    })
    const host = testHostFor(overlapping)
    const bands = await host.resolve('credit.score.bands', '440106', input)
    assert.throws(
      () => checkBands(bands, '440106'),
      'credit.score.bands for region 440106: band B 900–960 overlaps the band above it'
    )
    const gap: ScoreBand[] = [
      { grade: 'A', min: 980, max: 1000 },
      { grade: 'E', min: 0, max: 900 },
    ]
    assert.throws(() => checkBands(gap, '440106'), /no band covers 901–979/)
    assert.throws(
      () => checkBands([{ grade: 'A', min: 1, max: 1000 }], '440106'),
      /no band covers 0–0/
    )
  })

  test('out-of-range points fail with a message naming the indicator', async ({ assert }) => {
    const generous = definePlugin({
      ...strict,
      id: 'credit_points_example',
      rules: {
        'credit.score.indicators': async (_i, { next }) => {
          const national = await next()
          return {
            ...national,
            indicators: { ...national.indicators, complaint: { points: 1200, cap: 1200 } },
          }
        },
      },
    })
    const weights = await testHostFor(generous).resolve('credit.score.indicators', '440106', input)
    assert.throws(
      () => checkIndicators(weights, '440106'),
      'credit.score.indicators for region 440106: indicator "complaint" points 1200 are not a whole number 0–1000'
    )
    const capBelow = structuredClone(NATIONAL_SCORE_INDICATORS)
    capBelow.indicators.late_answer = { points: 20, cap: 10 }
    assert.throws(() => checkIndicators(capBelow, '440106'), /"late_answer" cap 10/)
    const window = { ...structuredClone(NATIONAL_SCORE_INDICATORS), windowMonths: 0 }
    assert.throws(() => checkIndicators(window, '440106'), /windowMonths 0 is not 1–60/)
  })
})
